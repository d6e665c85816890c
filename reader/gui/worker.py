"""The spaCy pipeline the window analyses with, driven from a lane of its own.

`PipelineRunner` lives on the GUI thread: it numbers requests and hands them one at a time, in
the order submitted, to a one-thread lane (reader.gui.background), where `AnalysisWorker` loads
the pipeline and analyses. A result whose request was cancelled (its tab closed, Cancel pressed,
or the model changed) is dropped, and a request cancelled while it runs is stopped between two
chunks. Only plain data (Article in; Progress, then Analysis out) crosses threads, never a spaCy
Doc; by default the pipeline itself runs in a child process (reader.gui.remote), and a child
that dies is reported for the article it was analysing and started again for those that wait.
"""

from __future__ import annotations

import itertools
import threading
from collections import deque
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from reader.core.model import Analysis
from reader.core.text.article import Article
from reader.gui.background import Job, JobControl, Lane
from reader.gui.remote import PipelineCrashError, RemotePipeline

PipelineFactory = Callable[[str | None], Any]
# (article, pipeline, *, on_progress, should_stop) -> Analysis; raises once should_stop() is True
AnalyzeFunction = Callable[..., Analysis]
ModelLister = Callable[[Any], list[str]]

ANALYSING = "analysing"  # what an analysis job reports first, once it has a pipeline to run


def remote_pipeline(name: str | None) -> RemotePipeline:
    """The default: spaCy in a child process, so it can never stall the window."""
    return RemotePipeline(name)


def remote_analyze(
    article: Article,
    pipeline: RemotePipeline,
    *,
    on_progress: Callable[[Any], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
    store: Path | None = None,
) -> Analysis:
    return pipeline.analyze(article, on_progress, should_stop, store)


def remote_models(pipeline: RemotePipeline) -> list[str]:
    return pipeline.models


class AnalysisFailed(Exception):  # noqa: N818 (an outcome, not a bug)
    """An article could not be analysed; the message is for the user."""


class PipelineGone(Exception):  # noqa: N818 (an outcome, not a bug)
    """The pipeline's child died while idle: load it again before analysing."""


class PipelineReleased(Exception):  # noqa: N818 (an outcome, not a bug)
    """The pipeline was let go while it loaded (the app is closing): nobody waits for it."""


class AnalysisWorker:
    """Holds the pipeline; its `load` and `analyze` run as jobs on the runner's lane, one at a
    time, while `release` and `set_store` may be called from the GUI thread."""

    def __init__(
        self,
        pipeline_factory: PipelineFactory,
        analyze_function: AnalyzeFunction,
        list_models: ModelLister,
    ) -> None:
        self._pipeline_factory = pipeline_factory
        self._analyze = analyze_function
        self._list_models = list_models
        self._nlp: Any = None
        self._loading: Any = None
        self._model_error: str | None = None
        self._lock = threading.Lock()
        self._store: Path | None = None

    def set_store(self, path: Path | None) -> None:
        """Thread-safe: the analysis store a pipeline that can write one (`writes_store`) writes
        each analysis into, so the window's process does not encode it (None: none)."""
        with self._lock:
            self._store = path

    def release(self) -> None:
        """Thread-safe: let go of the pipeline; a child process stops even while loading or
        analysing (that job then fails, and nobody waits for it any more)."""
        with self._lock:
            pipelines, self._nlp, self._loading = (self._nlp, self._loading), None, None
        for nlp in pipelines:
            if hasattr(nlp, "close"):
                nlp.close()

    def load(self, _control: JobControl, name: str | None) -> tuple[str, list[str]]:
        """A job: load pipeline `name` (None: the default) in place of the current one; returns
        its label and the installed pipelines. Raises AnalysisFailed with a message for the
        user, or PipelineReleased."""
        self.release()
        nlp = None
        try:
            nlp = self._pipeline_factory(name)
            with self._lock:
                self._loading = nlp
            if hasattr(nlp, "wait_ready"):
                nlp.wait_ready()
        except Exception as error:  # PipelineError, or anything spaCy raises while loading
            if nlp is not None and self._loading is not nlp:
                raise PipelineReleased from error
            self._model_error = str(error) or type(error).__name__
            raise AnalysisFailed(self._model_error) from error
        with self._lock:
            if self._loading is not nlp:
                raise PipelineReleased
            self._nlp, self._loading, self._model_error = nlp, None, None
        return _label(nlp, name), self._list_models(nlp)

    def analyze(self, control: JobControl, article: Article, check_alive: bool) -> Analysis:
        """A job: analyse one article, reporting ANALYSING and then each chunk's Progress.
        Raises PipelineGone (when `check_alive` and the child died while idle),
        PipelineCrashError (it died now), or AnalysisFailed."""
        nlp = self._nlp
        if check_alive and nlp is not None and not _alive(nlp):
            raise PipelineGone
        if nlp is None:
            raise AnalysisFailed(self._model_error or "No spaCy model loaded.")
        control.report(ANALYSING)
        with self._lock:
            store = self._store if getattr(nlp, "writes_store", False) else None
        options = {"store": store} if store is not None else {}
        try:
            return self._analyze(
                article, nlp, on_progress=control.report, should_stop=control.stopped, **options
            )
        except PipelineCrashError:
            raise
        except Exception as error:  # a bug in analysis must not take the app down
            message = str(error) or type(error).__name__
            raise AnalysisFailed(f"Could not analyse {article.display_name}: {message}") from error


def _alive(nlp: Any) -> bool:
    return nlp.is_alive() if hasattr(nlp, "is_alive") else True


def _label(nlp: Any, name: str | None) -> str:
    if isinstance(getattr(nlp, "label", None), str):
        return nlp.label
    meta = getattr(nlp, "meta", None)
    if isinstance(meta, dict):
        return f"{meta.get('name_full') or meta.get('name', '')} {meta.get('version', '')}".strip()
    return name or "spaCy pipeline"


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
        self._model: str | None = None
        self._loads = 0  # load jobs on the lane
        self._model_loading = False
        self._started = False

    def start(self, model: str | None) -> None:
        """Load the pipeline in the background."""
        self._started = True
        self.load_model(model)

    def load_model(self, model: str | None) -> None:
        """Load another pipeline once the analysis in hand is done; those waiting use it."""
        self._model = model
        self._model_loading = True
        self._report()
        self._submit_load()

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
        """Tell the window what the worker is busy with; loading the model comes first."""
        if self._model_loading:
            self.busy_changed.emit("Loading the spaCy pipeline…")
        elif self._pending:
            count = len(self._pending)
            self.busy_changed.emit(f"Analysing {count} article{'s' if count > 1 else ''}…")
        else:
            self.busy_changed.emit("")
        self.queue_changed.emit()

    # -- loading the pipeline -----------------------------------------------------------------

    def _submit_load(self) -> None:
        self._loads += 1
        job = self._lane.submit(self.worker.load, self._model)
        job.started.connect(self._on_model_loading)
        job.result.connect(self._on_model_ready)
        job.error.connect(self._on_model_failed)
        job.finished.connect(self._on_load_finished)

    @Slot()
    def _on_model_loading(self) -> None:
        self._model_loading = True
        self._report()

    @Slot(object)
    def _on_model_ready(self, loaded: tuple[str, list[str]]) -> None:
        self._model_loading = False
        self._report()
        self.model_ready.emit(*loaded)

    @Slot(object)
    def _on_model_failed(self, error: BaseException) -> None:
        if isinstance(error, PipelineReleased):
            return
        self._model_loading = False
        self._report()
        self.model_failed.emit(str(error))

    @Slot()
    def _on_load_finished(self) -> None:
        self._loads -= 1

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
        """Start the pipeline again, unless a load is on its way (the model changed)."""
        if self._started and not self._loads:
            self._submit_load()

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
