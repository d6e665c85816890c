"""Layouts of news agency copy: datelines, and persons introduced before a lone surname.

"LONDON 1996-08-30" opens a wire story and names where it was filed: the names on it are
places. Agency copy introduces a person by full name or title before using a lone surname.

Serves agency copy: the 1996 datelines ("LONDON 1996-08-30") of entities-dev and today's
("PARIS (Reuters) -") of entities-dev-2020. No figures recorded (04ecb66, d0318d9; the
unintroduced surnames 4976c4d, 186588f).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from reader.core.analysis.entities.candidates import (
    CALENDAR,
    Candidate,
    covered,
    form_of,
    lines,
    person_forms,
)
from reader.core.analysis.entities.from_model import TITLES
from reader.core.analysis.entities.token_facts import flags as token_flags
from reader.core.analysis.entities.token_facts import span_text, token_lowers, token_texts
from reader.core.model import Kind

DATE = re.compile(r"\d{4} ?- ?\d\d ?- ?\d\d")
# A whole dateline line: "LONDON 1996-08-30" and the like, twelve tokens at most (26d2e54).
_LONGEST_DATELINE = 12
# Tokens read for the places before "(Reuters)": "LONDON/BRUSSELS, Dec 7" fits (f89e39d).
_MAX_DATELINE_TOKENS = 16
# Lines before the dateline: headline, photo caption and credit, "Slideshow (5 images)"; the
# 2020 Reuters pages of entities-dev-2020 put these first (d0318d9).
_OPENING = 5
# Lines read for a body's dateline ("LISBONIA, Portugal, March 3, 2025 —"): the headline,
# byline, standfirst and a caption or two may come first.
_BODY_OPENING = 8
# The dash that ends a body's dateline and opens the first sentence.
_DATELINE_DASHES = frozenset({"—", "–", "--", "-"})


def is_dateline(doc: Doc, start: int, end: int) -> bool:
    """A wire story's "LONDON 1996-08-30" line names where it was filed: places only."""
    if not 0 < end - start <= _LONGEST_DATELINE:
        return False
    return DATE.search(span_text(doc, start, end)) is not None


def _dateline_end(doc: Doc, start: int, end: int) -> int:
    """The end of the dateline opening the line [start, end), or `start` when there is none.

    Either a whole "LONDON 1996-08-30" line, or the places in capitals before the agency in
    brackets: "PARIS (Reuters) -", "LONDON/BRUSSELS, Dec 7 (Reuters Breakingviews) -".
    """
    if is_dateline(doc, start, end):
        return end
    if start == end or not token_flags(doc).upper[start]:
        return start  # a dateline opens with a place in capitals
    limit = min(end, start + _MAX_DATELINE_TOKENS)
    i = start
    while i < limit and _in_dateline(doc, i):
        i += 1
    texts = token_texts(doc)
    opens_agency = i + 1 < end and texts[i] == "(" and texts[i + 1][:1].isupper()
    return i if i > start and opens_agency else start


def _in_dateline(doc: Doc, i: int) -> bool:
    """Places in capitals, the slashes between them, a date: "LONDON/PARIS, Dec 7"."""
    facts = token_flags(doc)
    return (
        facts.upper[i]
        or token_texts(doc)[i] in ("/", ",", ".")
        or facts.like_num[i]
        or token_lowers(doc)[i].rstrip(".") in CALENDAR
    )


def _body_dateline_end(doc: Doc, start: int, end: int) -> int:
    """The end of a dateline opening a body's first paragraph, or `start` when there is none:
    a place in capitals, then places, a date, ending at a dash ("LISBONIA, Portugal, March
    3, 2025 —", "WASHINGTON —"), a spaced dash that a sentence in lower-case words follows
    (not a headline's "NFL AMERICAN FOOTBALL-RESULTS"). The dash itself is left out."""
    facts, texts = token_flags(doc), token_texts(doc)
    if start == end or not (facts.upper[start] and facts.alpha[start] and len(texts[start]) > 1):
        return start
    limit = min(end, start + _MAX_DATELINE_TOKENS)
    i = start
    while i < limit and (_in_dateline(doc, i) or facts.title[i]):
        i += 1
    if i == limit or texts[i] not in _DATELINE_DASHES or not facts.spaced[i - 1]:
        return start
    return i if any(facts.lower[i + 1 : end]) else start


def mark_dateline_places(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """The names on a dateline are where the story was filed, never persons or teams.

    A name in capitals on a body's dateline ("LISBONIA, Portugal, March 3, 2025 —") that no
    candidate covers becomes a place candidate, so that no repeat of a name makes it one, and
    a one-word person of the same name elsewhere ("Lisbonia has chosen") is that place too.
    One pass over lines and candidates together, both in text order.
    """
    all_lines = lines(doc)
    datelines = [(s, _dateline_end(doc, s, e)) for s, e in all_lines]
    datelines = [(s, e) for s, e in datelines if e > s]
    added, places = _body_dateline_places(doc, candidates, all_lines[:_BODY_OPENING])
    if added:
        candidates = sorted(candidates + added, key=lambda c: c.start)
    i = 0
    for candidate in candidates:
        while i < len(datelines) and datelines[i][1] <= candidate.start:
            i += 1
        if i == len(datelines):
            break
        start, end = datelines[i]
        if start <= candidate.start < end and candidate.kind is not Kind.COUNTRY:
            candidate.kind, candidate.place = None, True
    if places:
        for candidate in candidates:
            if candidate.kind is Kind.PERSON and form_of(doc, candidate) in places:
                candidate.kind, candidate.place = None, True
    return candidates


def _body_dateline_places(
    doc: Doc, candidates: list[Candidate], opening: list[tuple[int, int]]
) -> tuple[list[Candidate], set[str]]:
    """Place candidates over a body dateline's words in capitals (`_body_dateline_end`) in
    the `opening` lines, and the forms of the places named there; candidates already there
    are marked places instead."""
    flags = covered(doc, candidates)
    facts = token_flags(doc)
    found: list[Candidate] = []
    places: set[str] = set()
    for start, end in opening:
        stop = _body_dateline_end(doc, start, end)
        if stop == start:
            continue
        for candidate in candidates:
            if start <= candidate.start < stop and candidate.kind is not Kind.COUNTRY:
                candidate.kind, candidate.place = None, True
                places.add(form_of(doc, candidate))
        i = start
        while i < stop:
            j = i
            while j < stop and facts.upper[j] and facts.alpha[j] and not flags[j]:
                j += 1
            if j > i:
                found.append(Candidate(i, j, None, place=True))
                places.add(form_of(doc, found[-1]))
            i = j + 1
        break  # one dateline: the body's first
    return found, places


def is_wire_story(doc: Doc) -> bool:
    """News agency copy, which opens with a dateline ("LONDON 1996-08-30", "PARIS (Reuters) -")
    in its first lines."""
    return any(_dateline_end(doc, start, end) > start for start, end in lines(doc)[:_OPENING])


def drop_unintroduced_persons(doc: Doc, candidates: list[Candidate]) -> None:
    """Wire copy introduces a person by full name or title before using a lone surname.

    So in agency copy outside sports, a single word the model calls a person that never appears
    with a first name or a title ("Cofinec said", "Tavildara is now") is more often a company
    or a place; it is left out. Other writing ("Obama said" with no "Barack") keeps it.
    """
    surnames, family_names = person_forms(doc, candidates)
    titled = {
        form_of(doc, c)
        for c in candidates
        if c.start > 0 and doc[c.start - 1].lower_.rstrip(".") in TITLES
    }
    for candidate in candidates:
        if candidate.kind is not Kind.PERSON or candidate.end - candidate.start > 1:
            continue
        if not candidate.label or _is_all_capitals_line(doc, candidate.start):
            continue
        form = form_of(doc, candidate)
        if form not in surnames and form not in family_names and form not in titled:
            candidate.kind = None


def _is_all_capitals_line(doc: Doc, i: int) -> bool:
    start = i
    while start > 0 and "\n" not in doc[start - 1].text:
        start -= 1
    end = i
    while end < len(doc) and "\n" not in doc[end].text:
        end += 1
    line = doc[start:end].text
    return line.upper() == line
