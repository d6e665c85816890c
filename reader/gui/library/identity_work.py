"""A collection's identity worked out off the GUI thread, always (issue 25, "a window that never
waits").

Listing a collection's entities means resolving its collection keys: reading every analysis
with its text the first time (7 s at 10,000 articles on a loaded machine), reading the snapshot
the store keeps of it (half a second at 10,000), or bringing that snapshot up to date after
articles were analysed, a correction made or an alias rule applied (seconds). The window's
Collection never does any of it (`Collection(adopts_identity=True)`): `IdentityWork` runs each
on a lane of its own, on a connection of its own (`Store.open` of the same file: the store is
in WAL mode, so the window's reads go on meanwhile), and the Collection adopts the outcome
(`Collection.adopt_identity`). The lane keeps its `StoredIdentity` of the last collection
between jobs, so an update after a few new analyses reads only those.

Whether an update is needed is cheap to know on the GUI thread (`Collection.identity_state`:
the article list and the corrections' counts, read on the articles' lane and adopted).
While one is pending the panel keeps listing the entities adopted last; only a collection with
none adopted yet says they are being worked out. The lane is `latest_only`: updates asked for
while one runs make one more job, the newest; a newer `show` (another collection shown) makes
an older job's outcome stale. `ready` carries the request id of the job that ended.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from reader.core.service.child_worker import ChildWorker
from reader.core.service.identity_worker import CHILD_FROM, build_identity
from reader.core.store.database import Store
from reader.core.store.library import (
    ArticleSummary,
    Collection,
    IdentityUpdate,
    identity_update,
    no_identity,
)
from reader.core.store.library_identity import IdentityState, StoredIdentity
from reader.gui.library.panel import LibraryPanel
from reader.gui.work.background import Job, JobControl, Lane

WORKING_OUT = "Working out the collection’s people and organisations…"
# Collections whose identity adopted last is kept: going back to the one shown before lists
# its entities with its articles, without reading its snapshot (the store unchanged since).
KEPT = 2


class LaneIdentity:
    """The identity the lane keeps between its jobs: one `StoredIdentity`, of the collection
    (store file and scope) it last worked on. `update` runs on the lane's one thread; an update
    with many analyses to read is built in the `child` process, which `interrupt` ends."""

    def __init__(self, child: ChildWorker) -> None:
        self._key: tuple[Path, str] | None = None
        self._identity: StoredIdentity | None = None
        self._child = child
        self._in_child = False  # the lane waits for the child (read on the GUI thread)

    def update(
        self, control: JobControl, store_path: Path, scope: str, state: IdentityState
    ) -> IdentityUpdate | None:
        """On the lane: the identity of `scope` brought to `state` on a connection of its own
        (which saves its snapshot); None when the job was cancelled before it ended."""
        if control.stopped():
            return None
        with Store.open(store_path) as store, no_full_collections():
            if self._identity is None or self._key != (store_path, scope):
                self._identity, self._key = StoredIdentity(store, scope), (store_path, scope)
            self._identity.store = store  # this job's connection
            if scope and self._identity.to_read(state[0]) >= CHILD_FROM:
                if self._built_in_child(store_path, scope, state):
                    self._identity = StoredIdentity(store, scope)  # reads the child's snapshot
                if control.stopped():
                    return None
            try:
                return identity_update(self._identity, state)
            except BaseException:
                self._identity = self._key = None  # half brought up to date: not kept
                raise

    def _built_in_child(self, store_path: Path, scope: str, state: IdentityState) -> bool:
        """Whether the child saved the snapshot of `state`; False when it could not (it died,
        was ended by `interrupt`, or the store refused it): the lane then builds it itself,
        unless its job was cancelled."""
        self._in_child = True
        try:
            self._child.run(build_identity, store_path, scope, state, again=False)
        except Exception:  # any failure of the child leaves the work to the lane
            return False
        finally:
            self._in_child = False
        return True

    def interrupt(self) -> None:
        """From the GUI thread: end a build under way in the child (its job was cancelled: a
        collection shown instead, or the window closes); the next one starts another."""
        if self._in_child:
            self._child.close()

    def close(self) -> None:
        """End the child process (the window closes)."""
        self._child.close()


@contextmanager
def no_full_collections() -> Iterator[None]:
    """Python's cycle collector held off while a job makes its hundreds of thousands of
    objects, which are then moved out of its sight (`gc.freeze`, as
    `reader.gui.window.collector` does): a full collection walks every object while holding
    the interpreter lock, and at 10,000 articles the job's allocations set off collections of
    180-400 ms in which the window's event loop stood still. The identity is plain, acyclic
    data, freed by reference counts when let go."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


class IdentityWork(QObject):
    """Shows a collection in the Library panel, its identity worked out in the background
    (one job at a time, the newest only): the panel lists the articles at once, and its
    entities once adopted."""

    ready = Signal(int)  # the request id (`Job.request`) of the job that ended, after listing

    def __init__(
        self,
        panel: LibraryPanel,
        status: Callable[[str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._panel = panel
        self._status = status  # one line for the status bar: why an update failed
        self._lane = Lane("identity", threads=1, latest_only=True, parent=self)
        self._lane_identity = LaneIdentity(ChildWorker("identity"))
        self._collection: Collection | None = None
        self._job: Job | None = None
        self._asked: IdentityState | None = None  # the state the pending job works out
        self._kept: dict[tuple[Path, str], IdentityUpdate] = {}  # the last KEPT adopted

    @property
    def pending(self) -> int | None:
        """The request id of the job running or queued, None when there is none."""
        return self._job.request if self._job is not None else None

    def show(self, collection: Collection, name: str, articles: tuple[ArticleSummary, ...]) -> None:
        """Show `collection` under `name` in the panel with `articles` (its list as read on
        the articles' lane, `reader.gui.library.article_work`); its entities once its
        identity is worked out (at once when it is one of the KEPT collections adopted last
        and the store has not moved on)."""
        self.cancel()
        self._collection = collection
        if (kept := self._kept.get(_key_of(collection))) is not None:
            collection.adopt_identity(kept)
        self._panel.working_out = False
        self._panel.set_collection(collection, name, articles)
        self._ask_after_listing()

    def refresh(
        self,
        articles: tuple[ArticleSummary, ...] | None = None,
        base: tuple[ArticleSummary, ...] | None = None,
        changed: Sequence[int] = (),
    ) -> None:
        """The panel's lists shown again (`articles`, read again on the articles' lane as a
        change of `base` at `changed`, `LibraryPanel.refresh`; the entities adopted last), and
        an update of the identity asked for when the store has moved on (as the Collection's
        adopted article list says)."""
        self._panel.refresh(articles, base, changed)
        self._ask_after_listing()

    def _ask_after_listing(self) -> None:
        """Ask for an update once the panel has listed what it holds (an update's job would
        compete with the listing for the interpreter, each hand-over of the GIL slowing it);
        the entities listed again only if that changed them (adopted, or being worked out)."""
        collection, working = self._collection, self._panel.working_out
        adopted = collection.adopted if collection is not None else None
        self._ask()
        self._panel.working_out = self._working_out()
        changed = collection is not None and collection.adopted is not adopted
        if changed or self._panel.working_out != working:
            self._panel.refresh_entities()
        self._say_working()

    def _working_out(self) -> bool:
        """A job pending for a collection with no entities adopted yet (none, or those of a
        state without analysed articles): the panel says they are being worked out."""
        adopted = self._collection.adopted if self._collection is not None else None
        return self._job is not None and (adopted is None or not adopted.state[0])

    def _ask(self) -> None:
        """A job bringing the identity to the store's state, unless it is there or asked."""
        collection = self._collection
        if collection is None or not collection.adopts_identity:
            return
        state = collection.identity_state()
        if collection.adopted is not None and collection.adopted.state == state:
            self.cancel()  # back where it was (a correction undone): nothing to adopt
            return
        if self._job is not None and self._asked == state:
            return
        if not state[0]:  # no analysed article: nothing to work out
            self.cancel()
            self._adopt(collection, no_identity(state))
            return
        job = self._lane.submit(
            self._lane_identity.update, collection.store.path, collection.scope, state
        )
        job.result.connect(lambda update, job=job: self._done(job, update, None))
        job.error.connect(lambda error, job=job: self._done(job, None, str(error)))
        self._job, self._asked = job, state

    def _adopt(self, collection: Collection, update: IdentityUpdate) -> None:
        collection.adopt_identity(update)
        key = _key_of(collection)
        self._kept.pop(key, None)
        self._kept[key] = update  # the newest last
        while len(self._kept) > KEPT:
            del self._kept[next(iter(self._kept))]

    def _say_working(self) -> None:
        if self._panel.working_out:
            self._panel.follow_label.setText(WORKING_OUT)

    def _done(self, job: Job, update: IdentityUpdate | None, problem: str | None) -> None:
        if job is not self._job:
            return
        self._job = self._asked = None
        collection = self._collection
        if problem is not None:
            self._status(f"The collection's people and organisations cannot be listed: {problem}")
        elif update is not None and collection is not None:
            self._adopt(collection, update)
        self._panel.working_out = False
        if collection is not None and self._panel.collection is collection:
            self._panel.refresh_entities()
        self.ready.emit(job.request)

    def cancel(self, wait: bool = False) -> None:
        """Drop the job in hand (its outcome is not adopted; a build in the child process is
        ended); with `wait`, return once the lane is idle (a job running on the lane itself
        ends first: it cannot stop between steps)."""
        if self._job is not None:
            self._job.cancel()
            self._job = self._asked = None
            self._panel.working_out = False
            self._lane_identity.interrupt()
        if wait:
            self._lane.wait_idle()

    def close(self) -> None:
        """Drop the job in hand and end the child process (the window closes)."""
        self.cancel()
        self._lane_identity.close()


def _key_of(collection: Collection) -> tuple[Path, str]:
    """Which identity a collection has: its store file and its scope."""
    return Path(collection.store.path), collection.scope
