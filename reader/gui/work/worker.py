"""The spaCy pipeline the window analyses with, driven from a lane of its own.

`PipelineRunner` lives on the GUI thread: it numbers requests and hands them one at a time, in
the order submitted, to a one-thread lane (reader.gui.work.background), where the jobs of
reader.gui.work.pipeline_jobs load the pipeline and analyse. A result whose request was cancelled
(its tab closed, Cancel pressed, or the model changed) is dropped, and a request cancelled while
it runs is stopped between two chunks. A spaCy child that dies is reported for the article it
was analysing and started again for those that wait.
"""

from __future__ import annotations

import itertools
from collections import deque
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from reader.core.model import Analysis
from reader.core.text.article import Article
from reader.gui.work.background import Job, Lane
from reader.gui.work.pipeline_jobs import (
    ANALYSING,
    AnalysisWorker,
    AnalyzeFunction,
    ModelLister,
    PipelineFactory,
    PipelineGone,
    PipelineReleased,
    remote_analyze,
    remote_models,
    remote_pipeline,
)
from reader.gui.work.remote import PipelineCrashError

__all__ = ["PipelineRunner", "busy_text", "remote_analyze", "remote_models", "remote_pipeline"]


def busy_text(model_loading: bool, requests: int) -> str:
    """What the runner is busy with, for the status bar; loading the model comes first."""
    if model_loading:
        return "Loading the spaCy pipeline…"
    if requests:
        return f"Analysing {requests} article{'s' if requests > 1 else ''}…"
    return ""


class ModelLoads(QObject):
    """The pipeline's loads on the runner's lane: one per model chosen, and one again after its
    child died; says when one starts (`loading`) and what came of it."""

    changed = Signal()  # `loading` changed
    ready = Signal(str, list)  # label, installed pipelines
    failed = Signal(str)

    def __init__(self, lane: Lane, worker: AnalysisWorker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lane = lane
        self._worker = worker
        self.model: str | None = None
        self.loading = False
        self._on_lane = 0  # load jobs not finished

    def load(self, model: str | None) -> None:
        """Load `model` after what is on the lane now."""
        self.model = model
        self._set_loading(True)
        self._submit()

    def reload(self) -> None:
        """Start the pipeline again (its child died), unless a load is on its way already."""
        if not self._on_lane:
            self._submit()

    def _submit(self) -> None:
        self._on_lane += 1
        job = self._lane.submit(self._worker.load, self.model)
        job.started.connect(self._on_started)
        job.result.connect(self._on_ready)
        job.error.connect(self._on_failed)
        job.finished.connect(self._on_finished)

    def _set_loading(self, loading: bool) -> None:
        self.loading = loading
        self.changed.emit()

    @Slot()
    def _on_started(self) -> None:
        self._set_loading(True)

    @Slot(object)
    def _on_ready(self, loaded: tuple[str, list[str]]) -> None:
        self._set_loading(False)
        self.ready.emit(*loaded)

    @Slot(object)
    def _on_failed(self, error: BaseException) -> None:
        if isinstance(error, PipelineReleased):
            return  # the app is closing
        self._set_loading(False)
        self.failed.emit(str(error))

    @Slot()
    def _on_finished(self) -> None:
        self._on_lane -= 1


class PipelineRunner(QObject):
    """GUI-thread front of the worker: numbered requests, stale results dropped, busy state.

    Requests run one at a time in the order submitted; `queue_changed` tells the window which
    request runs and which wait, so a tab can say that it is queued behind another.
    """

    analysis_ready = Signal(int, object)
    analysis_failed = Signal(int, str)
    analysis_progress = Signal(int, object)  # request id, Progress (only for wanted requests)
    queue_changed = Signal()
    model_ready = Signal(str, list)
    model_failed = Signal(str)
    busy_changed = Signal(str)  # what is going on, "" when idle
    result_dropped = Signal(int)  # a cancelled request reached its turn, or its end

    def __init__(
        self,
        pipeline_factory: PipelineFactory = remote_pipeline,
        analyze_function: AnalyzeFunction = remote_analyze,
        list_models: ModelLister = remote_models,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.worker = AnalysisWorker(pipeline_factory, analyze_function, list_models)
        self._lane = Lane("analysis", threads=1, parent=self)
        self._ids = itertools.count(1)
        self._pending: dict[int, Article] = {}  # wanted requests, in the order they will run
        # Requests not yet handed to the lane, in order; a cancelled one stays until its turn,
        # when it is reported dropped (as one cancelled while it runs is, when it stops).
        self._queue: deque[int] = deque()
        self._current: tuple[int, Job] | None = None  # the request on the lane, and its job
        self._running: int | None = None
        self._retried: set[int] = set()  # found the pipeline dead once: not checked again
        self._loads = ModelLoads(self._lane, self.worker, self)
        self._loads.changed.connect(self._report)
        self._loads.ready.connect(self.model_ready)
        self._loads.failed.connect(self.model_failed)
        self._started = False

    def start(self, model: str | None) -> None:
        """Load the pipeline in the background."""
        self._started = True
        self.load_model(model)

    def load_model(self, model: str | None) -> None:
        """Load another pipeline once the analysis in hand is done; those waiting use it."""
        self._loads.load(model)

    def set_store(self, path: Path | None) -> None:
        """The analysis store the spaCy child writes each analysis into (None: none)."""
        self.worker.set_store(path)

    def submit(self, article: Article) -> int:
        request_id = next(self._ids)
        self._pending[request_id] = article
        self._queue.append(request_id)
        self._feed()
        self._report()
        return request_id

    def cancel(self, request_id: int) -> None:
        """Forget a request and stop it if it runs; its result, if it still comes, is dropped."""
        if request_id in self._pending:
            del self._pending[request_id]
            if self._current is not None and self._current[0] == request_id:
                self._current[1].cancel()
            self._report()

    def is_running(self) -> bool:
        return self._started

    def is_pending(self, request_id: int) -> bool:
        return request_id in self._pending

    def running_request(self) -> int | None:
        """The wanted request the worker is analysing now, if any."""
        return self._running if self._running in self._pending else None

    def waiting_requests(self) -> list[int]:
        """The wanted requests not started yet, in the order they will run."""
        return [request_id for request_id in self._pending if request_id != self._running]

    def shutdown(self) -> None:
        """Stop the lane's work, interrupting an analysis in a child process."""
        for request_id in list(self._pending):
            self.cancel(request_id)
        self._queue.clear()
        self._lane.cancel_all()
        self.worker.release()
        self._lane.wait_idle()
        self.worker.release()  # a pipeline that finished loading in the meantime
        self._current, self._running, self._started = None, None, False

    def _report(self) -> None:
        self.busy_changed.emit(busy_text(self._loads.loading, len(self._pending)))
        self.queue_changed.emit()

    # -- analysing, one request at a time -----------------------------------------------------

    def _feed(self) -> None:
        """Hand the next wanted request to the lane once the one before it is done there."""
        while self._current is None and self._queue:
            request_id = self._queue.popleft()
            if request_id not in self._pending:
                self.result_dropped.emit(request_id)
                continue
            article = self._pending[request_id]
            check_alive = request_id not in self._retried
            job = self._lane.submit(self.worker.analyze, article, check_alive)
            job.progress.connect(partial(self._on_progress, request_id))
            job.result.connect(partial(self._on_done, request_id))
            job.error.connect(partial(self._on_error, request_id))
            job.finished.connect(partial(self._on_finished, request_id))
            self._current = (request_id, job)

    def _on_progress(self, request_id: int, value: Any) -> None:
        if value is ANALYSING:
            self._running = request_id
            self.queue_changed.emit()
        elif request_id in self._pending:
            self.analysis_progress.emit(request_id, value)

    def _on_done(self, request_id: int, analysis: Analysis) -> None:
        if self._settle(request_id):
            self.analysis_ready.emit(request_id, analysis)

    def _on_error(self, request_id: int, error: BaseException) -> None:
        if isinstance(error, PipelineGone):  # load it again, then this request first
            self._retried.add(request_id)
            self._queue.appendleft(request_id)
            self._reload()
            return
        if self._settle(request_id):
            self.analysis_failed.emit(request_id, str(error))
        if isinstance(error, PipelineCrashError):
            self._reload()  # for the articles that wait

    def _on_finished(self, request_id: int) -> None:
        if self._current is None or self._current[0] != request_id:
            return  # the runner was shut down
        job, self._current = self._current[1], None
        if job.is_cancelled():  # it delivered nothing: its result is dropped
            self._settle(request_id)
        if request_id not in self._pending:
            self._retried.discard(request_id)
        self._feed()

    def _reload(self) -> None:
        if self._started:
            self._loads.reload()

    def _settle(self, request_id: int) -> bool:
        """Whether a result is still wanted; a cancelled request's result is reported dropped."""
        if self._running == request_id:
            self._running = None
        if request_id not in self._pending:
            self.result_dropped.emit(request_id)
            return False
        del self._pending[request_id]
        self._report()
        return True
