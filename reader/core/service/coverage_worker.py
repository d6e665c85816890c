"""The coverage of a Library collection worked out in a process of its own (issue 25): the
window's memory holds only the snapshot it shows, and the reading of a collection's analyses
(seconds of pure Python at 10,000 articles) never holds the window's interpreter.

`CoverageWorker` runs one child process (spawned, so it loads no Qt) that keeps a
`StoredCoverage` per collection (by store file, files and pipeline) and syncs it with the
store on each request, so only analyses new or changed since are read; it hands back an
immutable `CoverageSnapshot` (pickled), or writes the collection's report. The child reads the
analyses under the window's `ANALYSIS_VERSION`, whatever the code on disk says by then.
"""

from __future__ import annotations

import datetime
import multiprocessing
import sys
from collections.abc import Callable, Hashable, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from reader.core.render.report import write_report
from reader.core.render.report_pages import write_stored_pages
from reader.core.store import database
from reader.core.store.database import Store
from reader.core.store.library import Collection
from reader.core.store.quote_provenance import QuoteGroup
from reader.core.store.speaker_stats import SpeakerStats, speaker_stats
from reader.core.store.stored_coverage import StoredCoverage
from reader.core.store.timelines import Period, Timeline, period_of, timeline

T = TypeVar("T")
# How long a request may take before its child is ended and the request fails: a snapshot of
# 10,000 articles takes seconds and a report with its article pages minutes; a child that
# answers nothing in this time is stuck, and the Coverage page says so instead of waiting on.
RUN_TIMEOUT_S = 900.0
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


def _start_child(version: str) -> None:
    """The child's first step: read the analyses stored under the window's `version`."""
    if version != database.ANALYSIS_VERSION:
        for name, module in list(sys.modules.items()):
            if name.startswith("reader.") and hasattr(module, "ANALYSIS_VERSION"):
                module.ANALYSIS_VERSION = version


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


class CoverageWorker:
    """The child process, started on the first request and again after it died."""

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=1,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_child,
                initargs=(database.ANALYSIS_VERSION,),
            )
        return self._pool

    def run(self, function: Callable[..., T], *args: object, timeout: float = RUN_TIMEOUT_S) -> T:
        """`function(*args)` in the child, waited for (off the GUI thread: the caller's lane);
        a child that died is started again once. Raises TimeoutError when no answer came in
        `timeout` seconds (the child is then ended; the next request starts another)."""
        try:
            return self._answer(self._executor().submit(function, *args), timeout)
        except BrokenProcessPool:
            self.close()
            return self._answer(self._executor().submit(function, *args), timeout)

    def _answer(self, future: Future, timeout: float) -> T:
        try:
            return future.result(timeout=timeout)
        except FutureTimeout:
            self.close()
            raise TimeoutError(
                f"the coverage process gave no answer in {timeout:.0f} s and was stopped; try again"
            ) from None

    def close(self) -> None:
        """End the child (the window closes); a later request starts another."""
        if self._pool is not None:
            # A sync under way is not waited for: its process is ended (the executor keeps
            # its processes by pid; exit would otherwise wait for the sync to end). SIGKILL,
            # which nothing in the child can delay or ignore: it holds only a read connection
            # and reports written whole (renamed into place).
            for process in list(getattr(self._pool, "_processes", {}).values()):
                process.kill()
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
