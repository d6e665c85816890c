"""The coverage of a Library collection worked out in a process of its own (issue 25): the
window's memory holds only the snapshot it shows, and the reading of a collection's analyses
(seconds of pure Python at 10,000 articles) never holds the window's interpreter.

The window's `ChildWorker("coverage")` (`reader.core.service.child_worker`) runs these
functions in one child process that keeps a `StoredCoverage` per collection (by store file,
files and pipeline) and syncs it with the store on each request, so only analyses new or
changed since are read; it hands back an immutable `CoverageSnapshot` (pickled), or writes the
collection's report.
"""

from __future__ import annotations

import datetime
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from pathlib import Path

from reader.core.render.report import write_report
from reader.core.render.report_pages import write_stored_pages
from reader.core.store.database import Store
from reader.core.store.library import Collection
from reader.core.store.quote_provenance import QuoteGroup
from reader.core.store.speaker_stats import SpeakerStats, speaker_stats
from reader.core.store.stored_coverage import StoredCoverage
from reader.core.store.timelines import Period, Timeline, period_of, timeline

CollectionKey = tuple[str, tuple[str, ...], str]
"""A collection as the child knows it: (store file, its files' paths, pipeline label)."""


@dataclass(frozen=True, slots=True)
class DatedArticle:
    """An analysed article as the timelines count it: its own `date` (None when it states
    none) and collection key -> (mentions, quotes it is the speaker of)."""

    path: Path
    title: str
    site: str | None
    date: datetime.date | None
    counts: Mapping[str, tuple[int, int]]


@dataclass(frozen=True, slots=True)
class CoverageSnapshot:
    """The coverage as synced once: groups most articles first, each quote's group by (the
    text's content hash, the quote's start), who gets quoted, and the articles by date."""

    groups: tuple[QuoteGroup, ...]
    by_quote: Mapping[tuple[str, int], QuoteGroup]
    speakers: SpeakerStats
    articles: tuple[DatedArticle, ...]

    def group_of(self, content_hash: str, start: int) -> QuoteGroup | None:
        return self.by_quote.get((content_hash, start))

    def timeline(self, key: str, period: Period, quotes: bool) -> Timeline:
        """Mentions (or quotes said) of the collection key `key` per period, undated apart."""
        index = 1 if quotes else 0
        return timeline(((a.date, a.counts.get(key, (0, 0))[index]) for a in self.articles), period)

    def articles_in(
        self, key: str, period: Period, name: str | None, quotes: bool
    ) -> tuple[tuple[DatedArticle, int], ...]:
        """The articles of period `name` (None: the undated) counting `key`, with the count."""
        index = 1 if quotes else 0
        found = []
        for article in self.articles:
            count = article.counts.get(key, (0, 0))[index]
            if not count:
                continue
            if (period_of(article.date, period) if article.date else None) == name:
                found.append((article, count))
        return tuple(found)


def take_snapshot(stored: StoredCoverage, collection: Collection) -> CoverageSnapshot:
    """Sync `stored` with the collection as the store holds it, and read what the window
    shows (on the coverage lane's thread)."""
    coverage = stored.sync(collection)
    hashes: dict[Hashable, str] = {}
    for summary in collection.articles():
        if (found := stored.analysis_id(summary.content_hash)) is not None:
            hashes[found] = summary.content_hash or ""
    groups = coverage.quote_groups()
    by_quote = {
        (hashes[s.article], s.start): group
        for group in groups
        for s in group.sightings
        if s.article in hashes
    }
    articles = tuple(
        DatedArticle(
            Path(kept.path), kept.title, kept.site, None if kept.date_from_file else kept.date, c
        )
        for kept, (_day, c) in zip(coverage.articles.values(), coverage.dated_counts(), strict=True)
    )
    return CoverageSnapshot(groups, by_quote, speaker_stats(coverage.spoken()), articles)


# --- the child's side ------------------------------------------------------------------------

_STORES: dict[str, Store] = {}
_KEPT: dict[CollectionKey, StoredCoverage] = {}


def _kept(key: CollectionKey) -> tuple[StoredCoverage, Collection]:
    store_path, paths, model = key
    if store_path not in _STORES:
        _STORES[store_path] = Store.open(Path(store_path))
    store = _STORES[store_path]
    if key not in _KEPT:
        _KEPT[key] = StoredCoverage(store)
    return _KEPT[key], Collection(store, [Path(p) for p in paths], model)


def child_snapshot(key: CollectionKey) -> CoverageSnapshot:
    """In the child: the collection's coverage synced with the store, as a snapshot."""
    return take_snapshot(*_kept(key))


def child_report(key: CollectionKey, path: Path, title: str, with_articles: bool) -> Path:
    """In the child: write the collection's report (with its articles' pages when asked)."""
    stored, own = _kept(key)
    coverage = stored.sync(own)
    pages = write_stored_pages(coverage, own.store, own.model, path) if with_articles else None
    write_report(coverage, path, title, pages)
    return path


# --- the window's side -----------------------------------------------------------------------


def collection_key(collection: Collection) -> CollectionKey:
    return (str(collection.store.path), tuple(map(str, collection.paths)), collection.model)
