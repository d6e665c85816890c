"""The window's one way to work in the background: jobs that run on a lane's daemon threads.

A `Job` is a function run off the GUI thread. Its signals (`started`, `progress`, `result`,
`error`, `finished`) arrive on the GUI thread, so a slot connected to them may touch widgets. The
function gets a `JobControl` first: `report(value)` sends a `progress`, `stopped()` says whether
it should give up (its job was cancelled), for it to ask between two steps. A `Lane` runs its
jobs in the order submitted on at most `threads` threads (None: a thread per job, for work that
may block for ever, such as reading a FIFO). Each job carries a request id (`Job.request`,
growing per lane); a `latest_only` lane delivers only the newest request's outcome, so a stale
result never reaches the view. A cancelled job delivers neither result nor error, only
`finished`.

No thread exists before the first job is submitted; a thread waits `KEEP_ALIVE_S` for the next
job before it ends; every thread is a daemon, so a job stuck in a system call never holds up the
app's exit. Modelled on superqt's `thread_worker` (as napari uses it), with cancel and stale
results built in. Jobs must be submitted from the GUI thread (their signals are delivered
through its event loop).
"""

from __future__ import annotations

import contextlib
import threading
from collections import deque
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

# How long a thread waits for the next job before it ends (QThreadPool's expiry time): starting
# a thread makes the submitting GUI thread wait until the new thread runs, once per job without it.
KEEP_ALIVE_S = 30.0


class JobControl:
    """What a job's function can do while it runs: report progress and ask whether to stop."""

    def __init__(self, job: Job) -> None:
        self._job = job

    @property
    def request(self) -> int:
        """The job's request id (`Job.request`), for a result that must say which it answers."""
        return self._job.request

    def report(self, value: Any) -> None:
        """Send `value` as the job's `progress` (delivered on the GUI thread, in order)."""
        self._job._emit("progressed", value)

    def stopped(self) -> bool:
        """True once the job was cancelled: the function should return soon."""
        return self._job.is_cancelled()


class _Relay(QObject):
    """Signals emitted on the job's thread; the job, living on the GUI thread, receives them
    queued and re-emits them there (a slot of a GUI-thread object is what makes Qt queue)."""

    began = Signal()
    progressed = Signal(object)
    succeeded = Signal(object)
    failed = Signal(object)


class Job(QObject):
    """One function run on a lane's thread; see the module docstring for its signals."""

    started = Signal()
    progress = Signal(object)
    result = Signal(object)
    error = Signal(object)  # the exception the function raised
    finished = Signal()  # always last, also when the outcome was dropped

    def __init__(self, lane: Lane, request: int, function: Callable[..., Any], args: tuple) -> None:
        super().__init__()
        self.request = request
        self._lane = lane
        self._function = function
        self._args = args
        self._cancelled = threading.Event()
        self._relay = _Relay()
        self._relay.began.connect(self._on_began)
        self._relay.progressed.connect(self._on_progressed)
        self._relay.succeeded.connect(self._on_succeeded)
        self._relay.failed.connect(self._on_failed)

    def cancel(self) -> None:
        """Thread-safe: drop this job's outcome; a job not yet started never starts."""
        self._cancelled.set()

    def is_cancelled(self) -> bool:
        return self._cancelled.is_set()

    def _emit(self, name: str, *values: Any) -> None:
        with contextlib.suppress(RuntimeError):  # the window (and its lanes) closed meanwhile
            getattr(self._relay, name).emit(*values)

    def _run(self) -> None:
        """On the lane's thread."""
        if self.is_cancelled():
            self._emit("failed", None)
            return
        self._emit("began")
        try:
            value = self._function(JobControl(self), *self._args)
        except BaseException as error:  # reported as `error`: a job must not kill its thread
            self._emit("failed", error)
        else:
            self._emit("succeeded", value)

    def _delivers(self) -> bool:
        return not self.is_cancelled() and self._lane._is_current(self)

    @Slot()
    def _on_began(self) -> None:
        if self._delivers():
            self.started.emit()

    @Slot(object)
    def _on_progressed(self, value: Any) -> None:
        if self._delivers():
            self.progress.emit(value)

    @Slot(object)
    def _on_succeeded(self, value: Any) -> None:
        if self._delivers():
            self.result.emit(value)
        self._finish()

    @Slot(object)
    def _on_failed(self, error: BaseException | None) -> None:
        if error is not None and self._delivers():
            self.error.emit(error)
        self._finish()

    def _finish(self) -> None:
        self.finished.emit()
        self._lane._forget(self)


class Lane(QObject):
    """Runs jobs in the order submitted on at most `threads` daemon threads (None: one each).

    With `latest_only`, only the newest job's outcome is delivered (older ones are cancelled
    when a new one is submitted).
    """

    def __init__(
        self,
        name: str,
        threads: int | None = 1,
        latest_only: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.name = name
        self._threads = threads
        self._latest_only = latest_only
        self._lock = threading.Lock()
        self._queue: deque[Job] = deque()
        self._running = 0  # threads alive
        self._waiting = 0  # threads alive and waiting for a job
        self._work = threading.Condition(self._lock)
        self._requests = 0
        self._jobs: set[Job] = set()  # submitted and not finished: kept alive here
        self._idle = threading.Condition(self._lock)
        self._busy = 0  # jobs queued or running

    def submit(self, function: Callable[..., Any], *args: Any) -> Job:
        """Run `function(control, *args)` in the background; connect to the returned job's
        signals before control returns to the event loop (none is delivered before)."""
        self._requests += 1
        if self._latest_only:
            for older in self._jobs:
                older.cancel()
        job = Job(self, self._requests, function, args)
        self._jobs.add(job)
        with self._lock:
            self._queue.append(job)
            self._busy += 1
            if self._waiting >= len(self._queue):  # a thread waits for each job queued
                self._work.notify()
                start = False
            else:
                start = self._threads is None or self._running < self._threads
            if start:
                self._running += 1
        if start:
            threading.Thread(target=self._drain, name=f"reader-{self.name}", daemon=True).start()
        return job

    def cancel_all(self) -> None:
        """Cancel every job not finished yet (the window closes, or the collection changes)."""
        for job in list(self._jobs):
            job.cancel()

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Block until every submitted job has run (not necessarily delivered); False when
        `timeout` seconds passed first. For closing the app and for tests."""
        with self._idle:
            return self._idle.wait_for(lambda: self._busy == 0, timeout)

    def _drain(self) -> None:
        while True:
            with self._lock:
                if not self._queue:
                    self._waiting += 1
                    self._work.wait(KEEP_ALIVE_S)
                    self._waiting -= 1
                    if not self._queue:
                        self._running -= 1
                        return
                job = self._queue.popleft()
            try:
                job._run()
            finally:
                with self._idle:
                    self._busy -= 1
                    self._idle.notify_all()

    def _is_current(self, job: Job) -> bool:
        return not self._latest_only or job.request == self._requests

    def _forget(self, job: Job) -> None:
        self._jobs.discard(job)
