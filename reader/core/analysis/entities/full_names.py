"""Persons' names completed where the model cut them short.

The model stops a name at a nickname in quotes ("Robin" of Robin “ropz” Kool), at a lowercase
particle ("Ursula" of Ursula von der Leyen), and often misses a full name opening a paragraph
while it finds the surname later ("Rex Tillerson ... Tillerson said"), which then keys the
person by the surname alone. Each person candidate is widened over those words, once, from
its own neighbours: the cost is linear in the number of candidates.

Serves news of any era (nicknames: esports and sports copy; particles: European names). No
figure recorded (eb91647).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from reader.core.analysis.entities.candidates import (
    Candidate,
    covered,
    lower_case_words,
    replacing,
    stem,
    words_of,
)
from reader.core.analysis.entities.countries import country_named, country_of_demonym
from reader.core.analysis.entities.from_model import TITLES
from reader.core.analysis.entities.headlines import (
    OPENING_PREPOSITIONS,
    first_words_by_surname,
    headline_flags,
    is_glued_opener,
    opens_sentence,
    title_line_end,
)
from reader.core.analysis.entities.kinds import GIVEN_NAMES
from reader.core.model import Kind

_OPENING_QUOTES = frozenset({"“", '"', "‘"})
_CLOSING_QUOTES = frozenset({"”", '"', "’"})
# Tokens of a quoted nickname between a first name and a surname: “ropz” is one (eb91647).
_MAX_NICKNAME_TOKENS = 3
# Lowercase words inside persons' names: "von der Leyen", "bin Sulayem", "lo Scalzo".
_NAME_PARTICLES = frozenset(
    {"von", "van", "der", "den", "de", "del", "della", "di", "da", "du", "dos", "le", "la", "lo"}
    | {"bin", "ibn", "al", "el", "ter", "ten"}
)


def completed_names(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """`candidates` with persons' names widened over nicknames, particles and a missed first
    name; the candidates a widened name now covers are dropped."""
    taken = covered(doc, candidates)
    headline = headline_flags(doc)
    persons = (c for c in candidates if c.kind is Kind.PERSON)
    first_words = first_words_by_surname(" ".join(words_of(doc, c)) for c in persons)
    widened = []
    for candidate in candidates:
        if candidate.kind is not Kind.PERSON or headline[candidate.start]:
            continue  # "Trump Was 'Mocking' Clinton Camp": a headline capitalizes every word
        start, end = candidate.start, candidate.end
        end = _past_particles(doc, end)
        end = _past_nickname(doc, end)
        start = _before_nickname(doc, start)
        if end - start == 1:
            start = _with_missed_first_name(doc, start, taken, first_words)
        if (start, end) != (candidate.start, candidate.end):
            widened.append(Candidate(start, end, Kind.PERSON, label=candidate.label))
    return replacing(doc, candidates, _without_overlaps(widened))


def _past_particles(doc: Doc, end: int) -> int:
    """ "Ursula" + "von der Leyen": lowercase particles and the capitalized name after them."""
    i = end
    while i < len(doc) and doc[i].text in _NAME_PARTICLES:
        i += 1
    if i > end and i < len(doc) and _is_name_word(doc[i]):
        return i + 1
    return end


def _past_nickname(doc: Doc, end: int) -> int:
    """ "Robin" + “ropz” Kool: a short quoted nickname and the surname after it."""
    if end >= len(doc) or doc[end].text not in _OPENING_QUOTES:
        return end
    for close in range(end + 2, min(len(doc) - 1, end + 2 + _MAX_NICKNAME_TOKENS)):
        if doc[close].text in _CLOSING_QUOTES:
            return close + 2 if _is_name_word(doc[close + 1]) else end
        if "\n" in doc[close].text:
            break
    return end


def _before_nickname(doc: Doc, start: int) -> int:
    """Robin “ropz” + "Kool": the first name and nickname before a surname."""
    if start < 4 or doc[start - 1].text not in _CLOSING_QUOTES:
        return start
    for open_ in range(start - 3, max(0, start - 3 - _MAX_NICKNAME_TOKENS), -1):
        if doc[open_].text in _OPENING_QUOTES:
            first = open_ - 1
            named = first >= 0 and _is_name_word(doc[first])
            return first if named and not _written_in_lower_case(doc, doc[first]) else start
        if "\n" in doc[open_].text:
            break
    return start


def _with_missed_first_name(
    doc: Doc, start: int, taken: bytearray, first_words: dict[str, set[str]]
) -> int:
    """ "Rex" before "Tillerson": a proper noun right before a lone surname, in no other name,
    that is no title, country or nationality, nor a word the article writes in lower case,
    nor a sentence's first word glued to the surname of a person it names in full
    (`headlines.is_glued_opener`); on the article's title line, only a common given name
    (GIVEN_NAMES)."""
    if start == 0:
        return start
    before = doc[start - 1]
    if taken[before.i] or not _is_name_word(before) or before.pos_ != "PROPN":
        return start
    if before.lower_.rstrip(".") in TITLES or before.is_upper:
        return start
    if before.lower_ in OPENING_PREPOSITIONS:
        return start  # "Beyond Trump's finances"
    if _written_in_lower_case(doc, before):
        return start  # "Injecting Clinton's marital troubles": a verb opening the sentence
    if opens_sentence(doc, before.i) and is_glued_opener(doc, before.i, first_words):
        return start  # the same, where the article writes no other form of the verb
    if country_named(before.text) or country_of_demonym(before.text):
        return start
    if before.i < title_line_end(doc) and before.lower_ not in GIVEN_NAMES:
        return start  # "Derelict Obama and Clinton" atop the article: a title's adjective
    return start - 1


def _written_in_lower_case(doc: Doc, token: Token) -> bool:
    """Whether the article writes the word in lower case too, in any form ("injected" for
    "Injecting"): a common word, not a first name (issue 21)."""
    common = lower_case_words(doc)
    return any(w in common for w in (token.lower_, token.lemma_.lower(), stem(token.lower_)))


def _is_name_word(token: Token) -> bool:
    return token.is_alpha and token.text[:1].isupper() and not token.is_upper


def _without_overlaps(widened: list[Candidate]) -> list[Candidate]:
    kept: list[Candidate] = []
    for candidate in widened:
        if not kept or candidate.start >= kept[-1].end:
            kept.append(candidate)
    return kept
