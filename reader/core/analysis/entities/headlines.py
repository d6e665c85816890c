"""Headline wording kept out of names.

A title-case headline capitalizes every word, so the model runs a verb into the names around it
("Trump Warns Clinton" as one person), and a capitalized verb opening a sentence is glued to the
name after it ("Hammering Hillary Clinton"), which would then become the person's display name
and key. The article itself tells which words are common words: those it also writes in lower
case (as such or in another form of the same word: "warned" for "Warns").

Serves title-case headlines of web news; an all-capitals line (the 1996 wire's headlines) is
no title-case line and is left to `from_model`. No figure recorded (2b8a898).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from reader.core.analysis.entities.candidates import (
    Candidate,
    form_of,
    lines,
    lower_case_words,
    stem,
    words_of,
)
from reader.core.analysis.entities.from_model import TITLES
from reader.core.model import Kind

# Words of the shortest title-case headline line: shorter capitalized lines are names,
# bylines and labels (2b8a898).
_MIN_HEADLINE_WORDS = 4


def without_headline_words(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """Persons and organizations split at common words on title-case headline lines, and cut
    after a verb glued to them at the start of a sentence."""
    common = lower_case_words(doc)
    person_forms = {
        " ".join(words_of(doc, c)) for c in candidates if c.kind is Kind.PERSON and c.label
    }
    headline = _headline_flags(doc)
    result = []
    for candidate in candidates:
        if candidate.kind not in (Kind.PERSON, Kind.ORG) or candidate.end - candidate.start < 2:
            result.append(candidate)
        elif headline[candidate.start]:
            result.extend(_split_at_common_words(doc, candidate, common))
        else:
            result.append(_without_opening_verb(doc, candidate, common, person_forms))
    return result


def _is_common(token: Token, common: frozenset[str]) -> bool:
    lemma = token.lemma_.lower()
    return token.lower_ in common or (lemma and lemma in common) or stem(token.lower_) in common


def _headline_flags(doc: Doc) -> bytearray:
    """A flag per token on a title-case line: four words or more, all capitalized, no number or
    dash, no final full stop."""
    flags = bytearray(len(doc))
    for start, end in lines(doc):
        words = [t for t in doc[start:end] if t.is_alpha]
        if len(words) < _MIN_HEADLINE_WORDS or doc[end - 1].text in (".", ":"):
            continue
        if any(t.like_num or t.text == "-" for t in doc[start:end]):
            continue  # a signature or a table row: "-- Harry Milling , New York Desk , +1 212"
        if all(t.text[:1].isupper() for t in words) and not all(t.is_upper for t in words):
            flags[start:end] = b"\x01" * (end - start)
    return flags


def _split_at_common_words(
    doc: Doc, candidate: Candidate, common: frozenset[str]
) -> list[Candidate]:
    pieces = []
    start = candidate.start
    for i in range(candidate.start, candidate.end + 1):
        if i == candidate.end or _is_common(doc[i], common):
            while (
                candidate.kind is Kind.PERSON
                and start < i - 1
                and doc[start].lower_.rstrip(".") in TITLES
            ):
                start += 1  # "Governor Lyle"
            if i > start:
                pieces.append(Candidate(start, i, candidate.kind, label=candidate.label))
            start = i + 1
    return pieces


def _without_opening_verb(
    doc: Doc, candidate: Candidate, common: frozenset[str], person_forms: set[str]
) -> Candidate:
    """ "Hammering Hillary Clinton" opening a sentence: the verb is cut when it is a common word
    or the rest is a person the article names elsewhere."""
    first = doc[candidate.start]
    opens = candidate.start == 0 or bool(first.is_sent_start) or "\n" in doc[first.i - 1].text
    rest = Candidate(candidate.start + 1, candidate.end, candidate.kind, label=candidate.label)
    verb = first.pos_ in ("VERB", "AUX") or first.lower_.endswith(("ing", "ed"))
    evidence = _is_common(first, common) or form_of(doc, rest) in person_forms
    return rest if opens and verb and evidence else candidate
