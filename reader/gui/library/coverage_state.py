"""The shown collection's coverage (issue 24) in the window: its quote groups, who gets quoted
and what each article counts by date, worked out off the GUI thread.

One `StoredCoverage` is kept per collection (by store, files and pipeline) and synced with the
store whenever the Library reads it again, so only the analyses new or changed since are read
(as the Library keeps its identity). The work runs on one thread of the "coverage" lane, which
alone touches the kept coverages; the window gets an immutable `CoverageSnapshot`.
"""

from __future__ import annotations

import datetime
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from reader.core.render.report import write_report
from reader.core.render.report_pages import write_stored_pages
from reader.core.store.library import Collection
from reader.core.store.quote_provenance import QuoteGroup
from reader.core.store.speaker_stats import SpeakerStats, speaker_stats
from reader.core.store.stored_coverage import StoredCoverage
from reader.core.store.timelines import Period, Timeline, period_of, timeline
from reader.gui.work.background import JobControl, Lane


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


class CollectionCoverage(QObject):
    """Keeps the coverages and brings the shown collection's up to date on request."""

    changed = Signal(object)  # the newest CoverageSnapshot, or None without a collection
    report_written = Signal(object)  # the report's Path
    failed = Signal(str)  # what went wrong, in a sentence

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lane = Lane("coverage", threads=1, parent=self)
        self._kept: dict[tuple, StoredCoverage] = {}
        self._latest = 0  # the request whose snapshot is shown; older ones are dropped
        self.snapshot: CoverageSnapshot | None = None

    def _stored(self, collection: Collection) -> tuple[StoredCoverage, Collection]:
        """The kept coverage of `collection`, and a Collection of its own for the lane's
        thread (a Collection's cache is not shared across threads)."""
        key = (id(collection.store), collection.paths, collection.model)
        if key not in self._kept:
            self._kept[key] = StoredCoverage(collection.store)
        own = Collection(collection.store, collection.paths, collection.model)
        return self._kept[key], own

    def sync(self, collection: Collection | None) -> None:
        """Bring the snapshot up to date with `collection` (None: no collection shown)."""
        if collection is None:
            self._latest += 1
            self.snapshot = None
            self.changed.emit(None)
            return
        job = self._lane.submit(
            lambda _control, stored, own: take_snapshot(stored, own), *self._stored(collection)
        )
        self._latest = job.request
        job.result.connect(lambda snapshot, request=job.request: self._arrived(request, snapshot))
        job.error.connect(lambda error: self.failed.emit(f"Cannot read the coverage: {error}"))

    def _arrived(self, request: int, snapshot: CoverageSnapshot) -> None:
        if request == self._latest:
            self.snapshot = snapshot
            self.changed.emit(snapshot)

    def write_report(
        self, collection: Collection, path: Path, title: str, with_articles: bool = False
    ) -> None:
        """Write the collection's report (`reader report`'s page) in the background, with
        its articles' pages beside it when `with_articles`."""

        def write(_control: JobControl, stored: StoredCoverage, own: Collection) -> Path:
            coverage = stored.sync(own)
            pages = None
            if with_articles:
                pages = write_stored_pages(coverage, own.store, own.model, path)
            write_report(coverage, path, title, pages)
            return path

        job = self._lane.submit(write, *self._stored(collection))
        job.result.connect(self.report_written)
        job.error.connect(lambda error: self.failed.emit(str(error)))

    def wait_idle(self) -> None:
        """Let the work in hand end (the window closes)."""
        self._lane.cancel_all()
        self._lane.wait_idle(timeout=5)
