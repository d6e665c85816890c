"""Analysing a collection in the background: the batch service on every core, off the GUI thread.

The GUI thread never loads a file or runs spaCy for a collection: a job on the indexer's lane
drives `analyze_files`, which loads each file, takes what the store already holds, and sends the
rest to worker processes (one pipeline each, one process for a few files, each of lower
priority than the window), writing every finished batch to the store.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot

from reader.core.service.batch import analyze_files
from reader.core.store.database import Store
from reader.gui.work.background import Job, JobControl, Lane


@dataclass(frozen=True, slots=True)
class _Progress:
    done: int
    total: int
    failed: int


@dataclass(frozen=True, slots=True)
class _Warning:
    message: str


def _index(
    control: JobControl,
    paths: list[Path],
    model: str | None,
    store: Store,
    jobs: int,
    stop: threading.Event,
) -> tuple[int, int, bool]:
    """On the lane: one pass over the paths; returns (analysed, failed, cancelled). `stop`, not
    the job's cancel, ends it early, so that the counts of a cancelled run still arrive."""
    done = failed = 0
    total = len(paths)
    results = analyze_files(
        paths,
        model,
        jobs=jobs,
        store=store,
        warn=lambda text: control.report(_Warning(text)),
        background=True,  # never in the window's process; the workers yield it the CPU
    )
    try:
        for result in results:
            done += 1
            failed += result.error is not None
            control.report(_Progress(done, total, failed))
            if stop.is_set():
                break
    except Exception as error:  # no pipeline, a worker pool that cannot start
        control.report(_Warning(f"The collection cannot be analysed: {error}"))
    finally:
        results.close()  # stops the workers, drops batches not yet started
    return done - failed, failed, stop.is_set()


class CollectionIndexer(QObject):
    """Starts, cancels and reports one background analysis of a collection at a time."""

    progress = Signal(int, int, int)  # done, total, failed
    warning = Signal(str)
    finished = Signal(int, int, bool)  # analysed, failed, cancelled

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lane = Lane("indexer", threads=1, parent=self)
        self._job: Job | None = None
        self._stop = threading.Event()

    @property
    def running(self) -> bool:
        return self._job is not None

    def start(
        self, paths: Sequence[Path], model: str | None, store: Store, jobs: int | None = None
    ) -> None:
        """Analyse what the store lacks of `paths` with `jobs` processes (default: every core);
        a run in progress is cancelled first."""
        self.cancel(wait=True)
        self._stop = threading.Event()
        job = self._lane.submit(
            _index, list(paths), model, store, jobs or os.cpu_count() or 1, self._stop
        )
        job.progress.connect(self._on_progress)
        job.result.connect(self._on_result)
        self._job = job

    @Slot(object)
    def _on_progress(self, event: _Progress | _Warning) -> None:
        if isinstance(event, _Warning):
            self.warning.emit(event.message)
        else:
            self.progress.emit(event.done, event.total, event.failed)

    @Slot(object)
    def _on_result(self, outcome: tuple[int, int, bool]) -> None:
        self._job = None
        self.finished.emit(*outcome)

    def cancel(self, wait: bool = False) -> None:
        """Stop after the article in hand; with `wait`, return once the run has ended (its
        `finished` is then not reported)."""
        if self._job is None:
            return
        self._stop.set()
        if wait:
            self._job.cancel()
            self._job = None
            self._lane.wait_idle()
