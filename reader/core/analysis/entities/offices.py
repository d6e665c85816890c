"""Words of an office inside a name the model found: the role, not the person or the body.

News puts a place or an institution before an office and the office before its holder:
"Charlotte Mayor Jennifer Roberts", "State Department Spokesperson Ned Price". The model runs
such a stretch into one name, or stops after the office ("Charlotte Mayor" as a person, then
"Jennifer Roberts"), or ends an organization on it ("State Department Spokesperson"). An office
word (`office_words.txt`, the titles no surname takes: "mayor", not "king") says where the
role ends: a person's name is what follows it; a person's stretch that ends on one, right
before a capitalized name, is the role alone and names no one; an organization's name is what
stands before it ("State Department"). Time zones after a clock time ("0725 GMT") name nothing.

Serves news of any era (issue 21: "Charlotte Mayor" named every "Charlotte" of its article a
person; "GMT" an organization in both Reuters sets).
"""

from __future__ import annotations

from spacy.tokens import Doc

from reader.core.analysis.entities.candidates import Candidate
from reader.core.analysis.entities.countries import country_of_demonym
from reader.core.analysis.entities.token_facts import flags as token_flags
from reader.core.analysis.entities.token_facts import token_lowers, token_texts
from reader.core.analysis.entities.word_lists import words
from reader.core.model import Kind

OFFICE_WORDS = words("office_words.txt")
# Department words before an office: "Commerce" of "Commerce Secretary Howard Lutnick".
PORTFOLIO_WORDS = words("portfolio_words.txt")
TIME_ZONES = words("time_zones.txt")
# Words that open an office's compound before the office word: "Press Secretary".
_OFFICE_MODIFIERS = frozenset({"press", "deputy", "assistant", "vice", "executive", "police"})
# Words an institution's name ends with, which then names a body of its own: "State Department".
_BODY_ENDS = words("institution_heads.txt") | {"house", "ministry", "office", "council"}
_LINKS = frozenset({"of", "the", "and", "for", "&"})


def is_time_zone(doc: Doc, i: int) -> bool:
    """ "GMT", "EDT": token i is a time zone's abbreviation in capitals."""
    return token_flags(doc).upper[i] and token_lowers(doc)[i] in TIME_ZONES


def without_offices(doc: Doc, start: int, end: int, label: str) -> list[tuple[int, int, str]]:
    """The names in a trimmed stretch of the model's label: a person's after the last office
    word ("Jennifer Roberts" of "Charlotte Mayor Jennifer Roberts", with "State Department" of
    "State Department Spokesperson Ned Price" as an organization); none for a person's stretch
    ending on an office before a capitalized name; an organization's before its office words."""
    if label == "PERSON":
        return _person_pieces(doc, start, end)
    if label == "ORG":
        cut = _before_office(doc, start, end)
        return [(start, cut, label)] if cut > start else []
    return [(start, end, label)]


def without_departments(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """`candidates` less an organization made only of department words (`PORTFOLIO_WORDS`)
    right before a capitalized office word on its line: "Commerce" of "Commerce Secretary
    Howard Lutnick" is part of the role (`roles` keeps "Commerce Secretary"), no body. A
    nationality before them ("Dutch Trade" of "Dutch Trade Minister Anouk Verbeek") is part
    of the role too, and stays the country's demonym, as it does before any title."""
    if not any(c.kind is Kind.ORG for c in candidates):
        return candidates
    kept = []
    for candidate in candidates:
        if not _department_of_office(doc, candidate):
            kept.append(candidate)
            continue
        texts = token_texts(doc)
        for i in range(candidate.start, candidate.end):
            country = country_of_demonym(texts[i])
            if country is not None:
                kept.append(Candidate(i, i + 1, Kind.COUNTRY, country=country, demonym=True))
    return kept


def _department_of_office(doc: Doc, candidate: Candidate) -> bool:
    """An organization of department words, after nationalities if any, before an office."""
    lowers, texts = token_lowers(doc), token_texts(doc)
    start = candidate.start
    while start < candidate.end - 1 and country_of_demonym(texts[start]) is not None:
        start += 1
    return (
        candidate.kind is Kind.ORG
        and candidate.end < len(doc)
        and _is_office(doc, candidate.end)
        and all(lowers[i] in PORTFOLIO_WORDS for i in range(start, candidate.end))
    )


def _is_office(doc: Doc, i: int) -> bool:
    """Whether token i is an office word in title case ("Mayor")."""
    return token_flags(doc).title[i] and token_lowers(doc)[i].rstrip(".") in OFFICE_WORDS


def _person_pieces(doc: Doc, start: int, end: int) -> list[tuple[int, int, str]]:
    office = next((k for k in range(end - 1, start, -1) if _is_office(doc, k)), None)
    if office is None:
        return [(start, end, "PERSON")]
    body = _before_office(doc, start, office + 1)
    pieces = []
    if body > start and token_lowers(doc)[body - 1] in _BODY_ENDS:
        pieces.append((start, body, "ORG"))  # "State Department" of its spokesperson
    if office < end - 1:
        pieces.append((office + 1, end, "PERSON"))
    elif not _name_follows(doc, end):
        return [(start, end, "PERSON")]  # no holder named: "Ann Mayor said" may be a name
    return pieces


def _before_office(doc: Doc, start: int, end: int) -> int:
    """The end of the name before the office words that close [start, end) ("State
    Department" of "State Department Press Spokesperson"); `end` when none does, or when a
    link word stands before them ("Office of the Secretary")."""
    cut = end
    while cut > start and _is_office(doc, cut - 1):
        cut -= 1
    if cut == end:
        return end
    lowers, title = token_lowers(doc), token_flags(doc).title
    while cut > start and title[cut - 1] and lowers[cut - 1] in _OFFICE_MODIFIERS:
        cut -= 1
    if cut == start or lowers[cut - 1] in _LINKS or not token_texts(doc)[cut - 1][:1].isupper():
        return end  # a title alone ("Vice President"), or the office's own body
    return cut


def _name_follows(doc: Doc, end: int) -> bool:
    return end < len(doc) and token_flags(doc).title[end] and token_flags(doc).alpha[end]
