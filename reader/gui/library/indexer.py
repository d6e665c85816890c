"""Analysing a collection in the background: the batch service on both cores, off the GUI thread.

The GUI thread never loads a file or runs spaCy for a collection: a QThread drives
`analyze_files`, which loads each file, takes what the store already holds, and sends the rest
to worker processes (one pipeline each), writing every finished batch to the store.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot

from reader.core.service.batch import analyze_files
from reader.core.store.database import Store


class _Run(QObject):
    """One pass over the paths, in the indexing thread."""

    progress = Signal(int, int, int)  # done, total, failed
    warning = Signal(str)
    finished = Signal(int, int, bool)  # analysed, failed, cancelled

    def __init__(self, paths: Sequence[Path], model: str | None, store: Store, jobs: int) -> None:
        super().__init__()
        self.paths = list(paths)
        self.model = model
        self.store = store
        self.jobs = jobs
        self.stop = threading.Event()

    def run(self) -> None:
        done = failed = 0
        total = len(self.paths)
        results = analyze_files(
            self.paths, self.model, jobs=self.jobs, store=self.store, warn=self.warning.emit
        )
        try:
            for result in results:
                done += 1
                failed += result.error is not None
                self.progress.emit(done, total, failed)
                if self.stop.is_set():
                    break
        except Exception as error:  # no pipeline, a worker pool that cannot start
            self.warning.emit(f"The collection cannot be analysed: {error}")
        finally:
            results.close()  # stops the workers, drops batches not yet started
        self.finished.emit(done - failed, failed, self.stop.is_set())


class CollectionIndexer(QObject):
    """Starts, cancels and reports one background analysis of a collection at a time."""

    progress = Signal(int, int, int)  # done, total, failed
    warning = Signal(str)
    finished = Signal(int, int, bool)  # analysed, failed, cancelled

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: QThread | None = None
        self._run: _Run | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None

    def start(
        self, paths: Sequence[Path], model: str | None, store: Store, jobs: int | None = None
    ) -> None:
        """Analyse what the store lacks of `paths` with `jobs` processes (default: every core);
        a run in progress is cancelled first."""
        self.cancel(wait=True)
        run = _Run(paths, model, store, jobs or os.cpu_count() or 1)
        thread = QThread(self)
        run.moveToThread(thread)
        thread.started.connect(run.run)
        run.progress.connect(self.progress)
        run.warning.connect(self.warning)
        run.finished.connect(self._on_finished)
        run.finished.connect(thread.quit)
        self._run, self._thread = run, thread
        thread.start()

    @Slot(int, int, bool)
    def _on_finished(self, analysed: int, failed: int, cancelled: bool) -> None:
        if self.sender() is not self._run:  # a run replaced by a newer one
            return
        self._forget()
        self.finished.emit(analysed, failed, cancelled)

    def _forget(self) -> None:
        thread, run, self._thread, self._run = self._thread, self._run, None, None
        if thread is not None:
            thread.quit()
            thread.wait()
            thread.deleteLater()
        if run is not None:
            run.deleteLater()

    def cancel(self, wait: bool = False) -> None:
        """Stop after the article in hand; with `wait`, return once the thread has ended (its
        `finished` is then not reported)."""
        if self._run is not None:
            self._run.stop.set()
            if wait:
                self._forget()
