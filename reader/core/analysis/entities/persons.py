"""Persons the model took for organizations, told by what the sentence says of them.

The small model often files a lone surname as an organization ("“…,” countered Brandt, a
spokesman for the mayor"). An apposition headed by a noun for a human role says person.
Companies have roles too ("an asset manager", "the market leader"), so only roles that a firm
does not take count. A "who" clause is no evidence: news writes "Scotland, who" and "the
Springboks, who" of teams. The evidence holds for the whole document, as
`kinds.settle_kinds` applies it.

Serves news of any era. 84313a3: entities-dev (1996) macro F1 0.881 (PERSON precision 0.940
-> 0.941), entities-dev-2020 0.883, the rest unchanged.
"""

from __future__ import annotations

import numpy
from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token

from reader.core.analysis.entities.candidates import Candidate, covered, form_of, words_of
from reader.core.analysis.entities.from_model import TITLES
from reader.core.analysis.entities.organizations import is_company_noun
from reader.core.analysis.entities.word_lists import words
from reader.core.analysis.quotes import SPANS_KEY as QUOTES_KEY
from reader.core.model import Kind

HUMAN_ROLES = words("human_roles.txt")
_OUTLET_WORDS = "newspaper daily tabloid weekly magazine station network channel news wire"
_OUTLETS = frozenset(_OUTLET_WORDS.split())
_LONGEST_NAME = 3  # tokens: a longer "name" is a phrase, not a surname the model misfiled


def persons_shown(doc: Doc, candidates: list[Candidate]) -> set[str]:
    """The forms (lower-case words joined by spaces) of the organizations, and the names the
    model left unlabelled, that the sentence around one of their mentions shows to be persons.

    Reads only the children of each candidate's last token in the parse: linear in the
    number of candidates. A Doc without a parse gives an empty set.
    """
    if not doc.has_annotation("DEP"):
        return set()
    forms = set()
    for candidate in candidates:
        if candidate.place or not (
            candidate.kind is Kind.ORG or (candidate.kind is None and not candidate.label)
        ):
            continue
        name = doc[candidate.start : candidate.end]
        if sum(t.text != "-" for t in name) > _LONGEST_NAME:
            continue
        if all(t.pos_ == "PROPN" or t.text == "-" for t in name) and _said_of_a_person(name[-1]):
            forms.add(form_of(doc, candidate))
    return forms


def _said_of_a_person(token: Token) -> bool:
    """Whether the name's head has a human role in apposition, after a comma (not the
    parser's misreading of "Nielsen Sports’ senior vice-president"), or is itself apposed to
    one ("the fund's chief executive, Ingrid Velasquez-Moor")."""
    if token.dep_ == "appos" and token.head.lemma_.lower() in HUMAN_ROLES:
        opening = token.left_edge.i
        return token.head.i < opening and token.doc[opening - 1].text == "," and not token.is_upper
    after = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if after is None or after.text != ",":
        return False
    return any(c.dep_ == "appos" and c.lemma_.lower() in HUMAN_ROLES for c in token.rights)


def with_speaking_names(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """`candidates` with the names the model left untagged that speak a quote (`“…,” Okafor
    said`): a proper noun that is a quote's speaker, by the quote finder's parse, is a person.

    Only names of singular title-case proper nouns count that no candidate covers or names
    elsewhere, nor one the article writes after "the" or after a noun for a company or an
    outlet anywhere ("the Yugoslav news agency Tanjug reported", then "Tanjug said"). Reads
    the quote component's spans (`doc.spans["quotes"]`) and, for the names found, one pass
    over the Doc's words. Returns the candidates sorted by start.
    """
    taken = covered(doc, candidates)
    speaking: list[Span] = []
    for quote in doc.spans.get(QUOTES_KEY, []):
        speaker = quote._.quote_speaker
        if (
            speaker is not None
            and not any(taken[speaker.start : speaker.end])
            and _is_bare_name(speaker)
        ):
            speaking.append(speaker)
            taken[speaker.start : speaker.end] = b"\x01" * len(speaker)
    if not speaking:
        return candidates
    known = _known_forms(doc, candidates)
    speaking = [s for s in speaking if _form(s) not in known]
    organizations = _written_as_organizations(doc, {_form(s) for s in speaking})
    found = [
        Candidate(s.start, s.end, Kind.PERSON) for s in speaking if _form(s) not in organizations
    ]
    return sorted(candidates + found, key=lambda c: c.start) if found else candidates


def _known_forms(doc: Doc, candidates: list[Candidate]) -> set[str]:
    """The forms of the candidates, which `unlabelled` repeats with their own kind, and the
    opening words of organizations' names ("Peabody" of "Peabody Energy")."""
    forms = set()
    for candidate in candidates:
        words = words_of(doc, candidate)
        forms.add(" ".join(words))
        if candidate.kind is Kind.ORG:
            forms.update(" ".join(words[:i]) for i in range(1, len(words)))
    return forms


def _form(span: Span) -> str:
    return " ".join(t.lower_ for t in span)


def _written_as_organizations(doc: Doc, forms: set[str]) -> set[str]:
    """Those of `forms` that occur somewhere right after "the" or a company or outlet noun."""
    strings = doc.vocab.strings
    by_first_word: dict[int, list[str]] = {}
    for form in forms:
        by_first_word.setdefault(strings.add(form.split()[0]), []).append(form)
    lowers = doc.to_array(LOWER)
    found = set()
    for start in numpy.nonzero(numpy.isin(lowers, list(by_first_word)))[0].tolist():
        if start == 0:
            continue
        before = doc[start - 1]
        if before.lower_ != "the" and not is_company_noun(before) and before.lower_ not in _OUTLETS:
            continue
        for form in by_first_word[int(lowers[start])]:  # only the forms opening with this word
            size = form.count(" ") + 1
            if _form(doc[start : start + size]) == form:
                found.add(form)
    return found


def _is_bare_name(span: Span) -> bool:
    """One to three singular title-case proper nouns ("Democrats" is a party), no title or
    "the" before them."""
    if not 0 < len(span) <= _LONGEST_NAME or not all(t.is_alpha for t in span):
        return False
    if not all(t.pos_ == "PROPN" and t.tag_ != "NNPS" and t.is_title for t in span):
        return False
    if span[0].lower_.rstrip(".") in TITLES:
        return False
    before = span.doc[span.start - 1] if span.start > 0 else None
    return before is None or before.lower_ != "the"
