"""The shown collection's coverage (issue 24) in the window: its quote groups, who gets quoted
and what each article counts by date, worked out in a child process
(`reader.core.service.coverage_worker`, issue 25: the window holds only the snapshot it shows
and its interpreter is never held by the reading of ten thousand analyses).

The child keeps one `StoredCoverage` per collection (by store, files and pipeline) and syncs it
with the store whenever the Library reads it again, so only the analyses new or changed since
are read (as the Library keeps its identity). The requests wait for the child on one thread of
the "coverage" lane; the window gets an immutable `CoverageSnapshot`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from reader.core.service.child_worker import ChildWorker
from reader.core.service.coverage_worker import (
    CoverageSnapshot,
    DatedArticle,
    child_report,
    child_snapshot,
    collection_key,
)
from reader.core.store.library import Collection
from reader.gui.work.background import JobControl, Lane

__all__ = ["CollectionCoverage", "CoverageSnapshot", "DatedArticle"]


class CollectionCoverage(QObject):
    """Keeps the coverages and brings the shown collection's up to date on request."""

    changed = Signal(object)  # the newest CoverageSnapshot, or None without a collection
    report_written = Signal(object)  # the report's Path
    failed = Signal(str)  # what went wrong, in a sentence

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lane = Lane("coverage", threads=1, parent=self)
        self._worker = ChildWorker("coverage")
        self._latest = 0  # the request whose snapshot is shown; older ones are dropped
        self.snapshot: CoverageSnapshot | None = None

    def sync(self, collection: Collection | None) -> None:
        """Bring the snapshot up to date with `collection` (None: no collection shown)."""
        if collection is None:
            self._latest += 1
            self.snapshot = None
            self.changed.emit(None)
            return
        job = self._lane.submit(
            lambda _control, key: self._worker.run(child_snapshot, key), collection_key(collection)
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

        def write(_control: JobControl, key: tuple) -> Path:
            return self._worker.run(child_report, key, path, title, with_articles)

        job = self._lane.submit(write, collection_key(collection))
        job.result.connect(self.report_written)
        job.error.connect(lambda error: self.failed.emit(str(error)))

    def wait_idle(self) -> None:
        """Let the work in hand end (the window closes)."""
        self._lane.cancel_all()
        self._lane.wait_idle(timeout=5)
        self._worker.close()
