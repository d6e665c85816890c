"""A collection's first identity built off the GUI thread (issue 25, "a window that never waits").

The first time a collection is opened, the store holds no snapshot of its identity, and
working out its collection keys reads every analysis with its text: seconds for thousands of
articles (7 s at 10,000 on a loaded machine). `IdentityWork.show` runs that build as a job on a
lane of its own, on a connection of its own (`Store.open` of the same file: the store is in WAL
mode, so the window's reads go on meanwhile); the build saves the snapshot, so the window's own
Collection then opens it as a reopened collection does. `ready` carries the request id the job
answered; a newer `show` (another collection shown) makes an older job's outcome stale.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from reader.core.store import identity_snapshot as snapshots
from reader.core.store.database import Store, path_key
from reader.core.store.library import Collection
from reader.gui.library.panel import LibraryPanel
from reader.gui.work.background import Job, JobControl, Lane

WORKING_OUT = "Working out the collection’s people and organisations…"


def has_snapshot(store: Store, paths: Sequence[Path], model: str) -> bool:
    """Whether the store keeps a snapshot of this collection's identity (made by these rules),
    current or not: without one, listing its entities is the slow first build."""
    scope = snapshots.scope_of(model, [path_key(Path(p)) for p in dict.fromkeys(paths)])
    return snapshots.load(store, scope) is not None


def _build(control: JobControl, store_path: Path, paths: list[Path], model: str) -> int:
    """On the lane: the collection's entities on a connection of its own (which saves their
    snapshot); returns how many there are."""
    if control.stopped():
        return 0
    with Store.open(store_path) as store:
        return len(Collection(store, paths, model).entities())


class IdentityWork(QObject):
    """Shows a collection in the Library panel, its first identity built in the background:
    the panel lists the articles at once and says the entities are being worked out until the
    build (one at a time, the newest only) has run."""

    ready = Signal(int)  # the request id (`Job.request`) of the build that ended, after listing

    def __init__(
        self,
        panel: LibraryPanel,
        status: Callable[[str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._panel = panel
        self._status = status  # one line for the status bar: why a build failed
        self._lane = Lane("identity", threads=1, latest_only=True, parent=self)
        self._job: Job | None = None

    @property
    def pending(self) -> int | None:
        """The request id of the build running or queued, None when there is none."""
        return self._job.request if self._job is not None else None

    def show(self, collection: Collection, name: str) -> None:
        """Show `collection` under `name` in the panel; without a snapshot of its identity in
        the store, its entities once a build on a connection of its own has made one."""
        self.cancel()
        store = collection.store
        if collection.paths and not has_snapshot(store, collection.paths, collection.model):
            job = self._lane.submit(_build, store.path, list(collection.paths), collection.model)
            job.result.connect(lambda _count, job=job: self._done(job, None))
            job.error.connect(lambda error, job=job: self._done(job, str(error)))
            self._job = job
        self._panel.working_out = self._job is not None
        self._panel.set_collection(collection, name)
        self._say_working()

    def refresh(self) -> None:
        """The panel's lists read again; its entities only once no build is pending."""
        self._panel.working_out = self._job is not None
        self._panel.refresh()
        self._say_working()

    def _say_working(self) -> None:
        if self._job is not None:
            self._panel.follow_label.setText(WORKING_OUT)

    def _done(self, job: Job, problem: str | None) -> None:
        if job is not self._job:
            return
        self._job = None
        if problem is not None:
            self._status(f"The collection's people and organisations cannot be listed: {problem}")
        if self._panel.collection is not None:
            self.refresh()
        self.ready.emit(job.request)

    def cancel(self, wait: bool = False) -> None:
        """Drop the build in hand (its outcome is not shown); with `wait`, return once the lane
        is idle (a build already running ends first: it cannot stop between steps)."""
        if self._job is not None:
            self._job.cancel()
            self._job = None
            self._panel.working_out = False
        if wait:
            self._lane.wait_idle()
