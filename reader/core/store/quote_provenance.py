"""What a quote group tells a fact-checker (issue 24, deliverable 1): the articles and outlets
it is in, where it appeared first, who each article says spoke it (different people: the
speaker is disputed), and its variants with the words that differ marked.

Dates are the article's own (`meta.date`, ISO 8601) or, when the article states none, its
file's modification date, marked `date_from_file`; an appearance with neither has no date and
is never taken for the first, and one with a file's date only is never taken for the first
while another states its date (the file's date is when it was saved, not published).
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol

from reader.core.store.quote_groups import QuoteId
from reader.core.store.quote_pairing import Comparison, QuoteWords, compare, quote_layout
from reader.core.store.timelines import day_of


@dataclass(frozen=True, slots=True)
class Sighting:
    """One quote of a group as its article gives it: the article's id, `path`, `title`,
    `site` (meta.site), `date` and whether that date is the file's (`date_from_file`); the
    quote's `start` and its `text` (the analysis's: `fragments`, (start, end) offsets into the
    article's text, joined by `FRAGMENT_JOINER`); its speaker's name and collection key (None
    when unnamed)."""

    article: Hashable
    path: str
    title: str
    site: str | None
    date: datetime.date | None
    date_from_file: bool
    start: int
    text: str
    speaker: str | None
    speaker_key: str | None
    fragments: tuple[tuple[int, int], ...] = ()

    def text_position(self, offset: int) -> int | None:
        """Where the character at `offset` (into the article's text) stands in `text`; None
        outside the quoted stretches."""
        for position, begin, length in quote_layout(self.text, self.start, self.fragments):
            if begin <= offset < begin + length:
                return position + offset - begin
        return None


@dataclass(frozen=True, slots=True)
class Variant:
    """One wording of the quote: its sightings, its words, and how it differs from the
    group's first wording (`comparison` None for the first wording itself)."""

    sightings: tuple[Sighting, ...]
    words: QuoteWords
    comparison: Comparison | None

    @property
    def misquote(self) -> bool:
        """Words changed, added or dropped against the first wording."""
        return self.comparison is not None and self.comparison.misquote


@dataclass(frozen=True, slots=True)
class QuoteGroup:
    """A quote found in several places: `sightings` by stated date, then by file date, the
    undated last; `variants` (the first wording first), and the speakers as collection
    key -> (name, articles)."""

    id: str
    sightings: tuple[Sighting, ...]
    variants: tuple[Variant, ...]
    speakers: Mapping[str, tuple[str, int]]

    @property
    def articles(self) -> int:
        return len({s.article for s in self.sightings})

    @property
    def outlets(self) -> tuple[str, ...]:
        """The sites it appeared on, in order of first appearance."""
        return tuple(dict.fromkeys(s.site for s in self.sightings if s.site))

    @property
    def first(self) -> Sighting | None:
        """The earliest dated appearance; None when none is dated."""
        first = self.sightings[0]
        return first if first.date is not None else None

    @property
    def disputed(self) -> bool:
        """Whether articles credit the quote to different (named) people."""
        return len(self.speakers) > 1

    @property
    def misquoted(self) -> bool:
        return any(v.misquote for v in self.variants)


def article_date(
    stated: str | None, file_date: datetime.date | None
) -> tuple[datetime.date | None, bool]:
    """(date, from_file): the article's stated date (`day_of`), else the file's date marked
    True; (None, False) when neither can be had."""
    day = day_of(stated)
    if day is not None:
        return day, False
    return (file_date, True) if file_date is not None else (None, False)


def describe(
    group_id: str, sightings: Iterable[Sighting], words: Mapping[QuoteId, QuoteWords]
) -> QuoteGroup:
    """The QuoteGroup of these sightings; `words` by (article, start) as the index holds them.

    One pass to sort by date, one `compare` per distinct wording against the first."""
    ordered = tuple(
        sorted(
            sightings,
            # stated dates first: a file's date never puts an article before a stated one
            key=lambda s: (
                s.date is None,
                s.date_from_file,
                s.date or datetime.date.min,
                s.path,
                s.start,
            ),
        )
    )
    wordings: dict[tuple[str, ...], list[Sighting]] = {}
    for sighting in ordered:
        wording = words[(sighting.article, sighting.start)]
        wordings.setdefault(wording.words, []).append(sighting)
    base = words[(ordered[0].article, ordered[0].start)]
    variants = []
    for wording, found in wordings.items():
        own = words[(found[0].article, found[0].start)]
        comparison = None if wording == base.words else compare(base, own)
        variants.append(Variant(tuple(found), own, comparison))
    speakers: dict[str, Counter] = {}
    for sighting in ordered:
        if sighting.speaker_key is not None:
            speakers.setdefault(sighting.speaker_key, Counter())[sighting.speaker] += 1
    return QuoteGroup(
        group_id,
        ordered,
        tuple(variants),
        {
            key: (names.most_common(1)[0][0] or key, sum(names.values()))
            for key, names in speakers.items()
        },
    )


class GroupIndex(Protocol):
    def group_of(self, quote: QuoteId) -> Hashable | None: ...


class GroupLabels:
    """Group ids for printing: "g1", "g2"… in the order quotes are asked for, the same for
    every quote of one group (over the QuoteIndex as it stands); an index whose groups have
    ids of their own (str, the store's: `reader.core.store.quote_group_reads`) keeps them."""

    def __init__(self, index: GroupIndex) -> None:
        self._index = index
        self._labels: dict[Hashable, str] = {}

    def label(self, article: Hashable, start: int) -> str | None:
        """The id of the group of the quote at `start` of `article`; None when not indexed."""
        group = self._index.group_of((article, start))
        if group is None or isinstance(group, str):
            return group
        if group not in self._labels:
            self._labels[group] = f"g{len(self._labels) + 1}"
        return self._labels[group]
