"""Candidate names: stretches of tokens with the kind we currently think they are.

Every step of the entity pipeline reads and rewrites a list of candidates, sorted by start
token; the helpers here are shared by the steps (word forms, coverage flags, line bounds).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy
from spacy.attrs import IDX
from spacy.tokens import Doc

from reader.core.analysis.entities.countries import Country
from reader.core.analysis.entities.token_facts import (
    doc_text,
    flags,
    once_per_doc,
    token_lemmas,
    token_lowers,
    token_texts,
)
from reader.core.model import Kind

_CALENDAR_WORDS = """
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
jan feb mar apr jun jul aug sep sept oct nov dec"""
_LINE_BREAKS = re.compile(r"\n+")
# Words of dates, in lower case: never part of a name.
CALENDAR = frozenset(_CALENDAR_WORDS.split())
# Letters a crude stem keeps: "red" and "bus" stay whole (2b8a898).
_SHORTEST_STEM = 3


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
    return tuple(token_lowers(doc)[candidate.start : candidate.end])


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
    inside a whitespace token of its own. Computed once per Doc.
    """
    return once_per_doc(doc, "lines", _lines)


def _lines(doc: Doc) -> list[tuple[int, int]]:
    starts = doc.to_array(IDX).astype(numpy.int64)
    breaks = [match.start() for match in _LINE_BREAKS.finditer(doc_text(doc))]
    # The token holding each line break (bisect in numpy: no Python int per token).
    holders = numpy.searchsorted(starts, numpy.array(breaks, dtype=numpy.int64), side="right")
    bounds = []
    start = 0
    for i in (holders - 1).tolist():
        if i >= start:
            bounds.append((start, i))
            start = i + 1
    bounds.append((start, len(doc)))
    return bounds


def lower_case_words(doc: Doc) -> frozenset[str]:
    """The words the article writes in lower case, with their lemmas and crude stems
    ("warned" gives "warned", "warn"). Computed once per Doc."""
    return once_per_doc(doc, "lower_case_words", _lower_case_words)


def _lower_case_words(doc: Doc) -> frozenset[str]:
    facts = flags(doc)
    tokens = zip(token_texts(doc), token_lemmas(doc), facts.lower, facts.alpha, strict=True)
    pairs = {(text, lemma) for text, lemma, lower, alpha in tokens if lower and alpha}
    words = set()
    for text, lemma in pairs:
        words.update((text, lemma.lower(), stem(text)))
    words.discard("")
    return frozenset(words)


def stem(word: str) -> str:
    """A crude common stem, for pipelines without a lemmatizer: "warns", "warned" → "warn"."""
    for ending in ("ing", "ed", "es", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= _SHORTEST_STEM:
            return word[: -len(ending)]
    return word


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
