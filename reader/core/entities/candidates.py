"""Candidate names: stretches of tokens with the kind we currently think they are.

Every step of the entity pipeline reads and rewrites a list of candidates, sorted by start
token; the helpers here are shared by the steps (word forms, coverage flags, line bounds).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.attrs import IDX
from spacy.tokens import Doc, Token

from reader.core.countries import Country
from reader.core.model import Kind

_CALENDAR_WORDS = """
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
jan feb mar apr jun jul aug sep sept oct nov dec"""
_LINE_BREAKS = re.compile(r"\n+")
# Words of dates, in lower case: never part of a name.
CALENDAR = frozenset(_CALENDAR_WORDS.split())


@dataclass(slots=True)
class Candidate:
    """A stretch of tokens [start, end) and what we currently think it is."""

    start: int
    end: int
    kind: Kind | None  # None: a place or group that is not one of ours
    country: Country | None = None
    demonym: bool = False
    team: bool = False  # named as a team on a line of sports results
    label: str = ""  # the model's label, if the model found this name
    place: bool = False  # known to name nothing of ours (a dateline's city, a platform)


def words_of(doc: Doc, candidate: Candidate) -> tuple[str, ...]:
    """The candidate's words in lower case, as names are compared."""
    return tuple(t.lower_ for t in doc[candidate.start : candidate.end])


def form_of(doc: Doc, candidate: Candidate) -> str:
    return " ".join(words_of(doc, candidate))


def covered(doc: Doc, candidates: list[Candidate]) -> bytearray:
    """A flag per token: set where one of `candidates` covers it."""
    flags = bytearray(len(doc))
    for candidate in candidates:
        flags[candidate.start : candidate.end] = b"\x01" * (candidate.end - candidate.start)
    return flags


def replacing(doc: Doc, candidates: list[Candidate], found: list[Candidate]) -> list[Candidate]:
    """`candidates` with `found` in place of those they overlap, sorted by start."""
    if not found:
        return candidates
    flags = covered(doc, found)
    kept = [c for c in candidates if not any(flags[c.start : c.end])]
    return sorted(kept + found, key=lambda c: c.start)


def lines(doc: Doc) -> list[tuple[int, int]]:
    """Token bounds [start, end) of each line; the line-break tokens belong to no line.

    Found from the line breaks in the text, not token by token: spaCy keeps every line break
    inside a whitespace token of its own.
    """
    starts = doc.to_array([IDX]).tolist() if len(doc) else []
    bounds = []
    start = 0
    for match in _LINE_BREAKS.finditer(doc.text):
        i = bisect.bisect_right(starts, match.start()) - 1
        if i >= start:
            bounds.append((start, i))
            start = i + 1
    bounds.append((start, len(doc)))
    return bounds


def has_letters(token: Token) -> bool:
    return any(c.isalpha() for c in token.text)


def slug(text: str) -> str:
    return re.sub(r"[^\w]+", "-", text.casefold()).strip("-")


def display(text: str) -> str:
    return " ".join(text.split())


def person_forms(doc: Doc, candidates: list[Candidate]) -> tuple[set[str], set[str]]:
    """Endings of persons' full names ("Lavrov", "van Schalkwyk") and their first words.

    The first word counts because many languages put the family name first ("Wang Donghai").
    """
    surnames: set[str] = set()
    family_names: set[str] = set()
    for candidate in candidates:
        if candidate.kind is Kind.PERSON and candidate.end - candidate.start > 1:
            words = words_of(doc, candidate)
            surnames.update(" ".join(words[i:]) for i in range(len(words)))
            family_names.add(words[0])
    return surnames, family_names
