"""A collection's article list read off the GUI thread, always (issue 25, "a window that never
waits").

Listing a collection of 10,000 articles means reading its paths from the store, each path's
key, a stat of each file, the analyses' rows and the doubtful-quote counts: about half a second
on a loaded machine, in which the window stood still. `ArticleWork` does all of it on a lane of
its own, on a connection of its own (`Store.open` of the same file: the store is in WAL mode),
builds the `Collection` there too, and hands back plain records (`ArticleList`); the window's
Collection adopts them (`Collection.adopt_articles`) and the panel lists them.

The lane is `latest_only` (a newer `open` drops an older request's outcome: `Job.request`).
Refreshes (every article the indexer reports, a correction) are coalesced: while a read runs,
any number of refreshes asked make one more read once it ends, so the counters keep moving
without reads piling up. Whether the entities should be worked out again after a read
(`ArticleList.entities`) is carried by the read that follows the request.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from reader.core.render.evidence import DOUBTFUL
from reader.core.store.collections import SavedCollections
from reader.core.store.database import Store
from reader.core.store.doubtful import doubtful_counts
from reader.core.store.library import ArticlesRead, ArticleSummary, Collection
from reader.gui.library.identity_work import no_full_collections
from reader.gui.work.background import Job, JobControl, Lane

# What a read is of: a saved collection's id (its paths read on the lane), or the paths.
Source = int | Sequence[Path]


@dataclass(frozen=True)
class ArticleList:
    """A collection's article list as read on the lane: the Collection (made there for an
    `open`), what it adopts, its summaries with their doubtful counts (the panel's rows), and
    whether its entities are to be worked out again (`ArticleWork.refresh(entities=True)`).
    A refresh also says where its records differ from those it delivered before (`base`,
    compared on the lane), so the panel replaces those rows alone."""

    collection: Collection
    read: ArticlesRead
    records: tuple[ArticleSummary, ...]
    entities: bool
    base: tuple[ArticleSummary, ...] | None = None  # the list delivered before, of a refresh
    changed: tuple[int, ...] | None = None  # where `records` differ from `base` (same length)


def with_doubtful(
    store: Store, summaries: Sequence[ArticleSummary], model: str
) -> tuple[ArticleSummary, ...]:
    """`summaries`, each analysed one with its count of doubtful quotes (the window's own
    threshold, `evidence.DOUBTFUL`, as `reader.core.render.doubtful_articles` counts them)."""
    hashes = [a.content_hash for a in summaries if a.analysed and a.content_hash]
    counts = doubtful_counts(store, hashes, model, DOUBTFUL)
    return tuple(
        dataclasses.replace(a, doubtful=counts[a.content_hash])
        if a.analysed and a.content_hash in counts
        else a
        for a in summaries
    )


def read_list(
    control: JobControl,
    store_path: Path,
    collection: Callable[[Store], Collection],
    entities: bool,
    base: tuple[ArticleSummary, ...] | None = None,
) -> ArticleList | None:
    """On the lane: the Collection `collection` makes (given the lane's connection, to read its
    paths) with its article list, read on a connection of its own, compared with `base` (the
    list delivered before, if any); None when cancelled."""
    if control.stopped():
        return None
    with Store.open(store_path) as store, no_full_collections():
        made = collection(store)
        read = made.read_articles(store)
        if control.stopped():
            return None
        records = with_doubtful(store, read.summaries, made.model)
    changed = None
    if base is not None and len(base) == len(records):
        pairs = enumerate(zip(base, records, strict=True))
        changed = tuple(i for i, (old, new) in pairs if old != new)
    return ArticleList(made, read, records, entities, base, changed)


class ArticleWork(QObject):
    """Reads article lists in the background, one at a time, the newest request only;
    `listed` carries each `ArticleList` delivered (on the GUI thread)."""

    listed = Signal(object)  # ArticleList

    def __init__(self, status: Callable[[str], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._status = status  # one line for the status bar: why a read failed
        self._lane = Lane("articles", threads=1, latest_only=True, parent=self)
        self._job: Job | None = None
        self._again: bool | None = None  # a refresh asked meanwhile (its `entities`), or None
        self._delivered: ArticleList | None = None  # the last list delivered

    @property
    def pending(self) -> int | None:
        """The request id of the read running or queued, None when there is none."""
        return self._job.request if self._job is not None else None

    def open(self, store: Store, source: Source, model: str) -> int:
        """Read a collection anew (dropping any read in hand): a saved one's id, or its paths;
        the Collection is made on the lane. Returns the request id."""
        self._again = None

        def make(lane_store: Store) -> Collection:
            paths = (
                SavedCollections(lane_store).paths(source) if isinstance(source, int) else source
            )
            return Collection(store, paths, model, adopts_identity=True)

        return self._submit(store.path, make, True)

    def refresh(self, collection: Collection | None, entities: bool = False) -> None:
        """Read `collection`'s list again; while a read runs, once more after it (of the
        collection it delivers, None: that one only), `entities` kept if any refresh asked
        for it."""
        if self._job is not None:
            self._again = bool(self._again) or entities
            return
        if collection is None:
            return
        last = self._delivered
        base = last.records if last is not None and last.collection is collection else None
        self._submit(collection.store.path, lambda _store: collection, entities, base)

    def _submit(
        self,
        path: Path,
        make: Callable[[Store], Collection],
        entities: bool,
        base: tuple[ArticleSummary, ...] | None = None,
    ) -> int:
        job = self._lane.submit(read_list, path, make, entities, base)
        job.result.connect(lambda listed, job=job: self._done(job, listed))
        job.error.connect(lambda error, job=job: self._done(job, None, str(error)))
        self._job = job
        return job.request

    def _done(self, job: Job, listed: ArticleList | None, problem: str | None = None) -> None:
        if job is not self._job:
            return
        self._job = None
        again, self._again = self._again, None
        if problem is not None:
            self._status(f"The collection's articles cannot be listed: {problem}")
        if listed is not None:
            self._delivered = listed
            self.listed.emit(listed)
            if again is not None and self._job is None:
                self.refresh(listed.collection, again)

    def cancel(self, wait: bool = False) -> None:
        """Drop the read in hand and any refresh asked; with `wait`, return once the lane is
        idle."""
        if self._job is not None:
            self._job.cancel()
        self._job = self._again = None
        if wait:
            self._lane.wait_idle()
