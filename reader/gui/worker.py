"""The one thread that owns the spaCy pipeline, and the GUI-side service that talks to it.

Requests and results travel by queued signals and carry a request id: a result whose request
was cancelled (its tab closed, Cancel pressed, or the model changed) is dropped, and a request
cancelled while it runs is stopped between two chunks. Only plain data (Article in; Progress,
then Analysis out) crosses threads, never a spaCy Doc; by default the pipeline itself runs in a
child process (reader.gui.remote) that the worker thread drives, and a child that dies is
reported for the article it was analysing and started again for the articles that wait.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from reader.core.model import Analysis
from reader.core.text.article import Article
from reader.gui.remote import PipelineCrashError, RemotePipeline

PipelineFactory = Callable[[str | None], Any]
# (article, pipeline, *, on_progress, should_stop) -> Analysis; raises once should_stop() is True
AnalyzeFunction = Callable[..., Analysis]
ModelLister = Callable[[Any], list[str]]


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


class AnalysisWorker(QObject):
    """Lives on the worker thread; loads the pipeline and analyses articles one at a time."""

    model_loading = Signal()
    model_ready = Signal(str, list)  # label, installed pipelines
    model_failed = Signal(str)
    analysis_started = Signal(int)  # request id
    analysis_progress = Signal(int, object)  # request id, Progress
    analysis_done = Signal(int, object)  # request id, Analysis
    analysis_failed = Signal(int, str)
    analysis_stopped = Signal(int)  # cancelled while it ran, or before

    def __init__(
        self,
        pipeline_factory: PipelineFactory,
        analyze_function: AnalyzeFunction,
        list_models: ModelLister,
    ) -> None:
        super().__init__()
        self._pipeline_factory = pipeline_factory
        self._analyze = analyze_function
        self._list_models = list_models
        self._name: str | None = None
        self._nlp: Any = None
        self._loading: Any = None
        self._model_error: str | None = None
        self._lock = threading.Lock()
        self._cancelled: set[int] = set()
        self._store: Path | None = None

    def set_store(self, path: Path | None) -> None:
        """Thread-safe: the analysis store a pipeline that can write one (`writes_store`) writes
        each analysis into, so the window's process does not encode it (None: none)."""
        with self._lock:
            self._store = path

    def cancel(self, request_id: int) -> None:
        """Thread-safe: skip this request, or stop it between two chunks if it is running."""
        with self._lock:
            self._cancelled.add(request_id)

    def _is_cancelled(self, request_id: int) -> bool:
        with self._lock:
            return request_id in self._cancelled

    def release(self) -> None:
        """Thread-safe: let go of the pipeline; a child process stops even while loading or
        analysing (the worker then reports a failure, which nobody waits for any more)."""
        with self._lock:
            pipelines, self._nlp, self._loading = (self._nlp, self._loading), None, None
        for nlp in pipelines:
            if hasattr(nlp, "close"):
                nlp.close()

    @Slot(object)
    def load_model(self, name: str | None) -> None:
        self._name = name
        self.model_loading.emit()
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
                return  # released (the app is closing): nobody waits for this pipeline
            self._model_error = str(error) or type(error).__name__
            self.model_failed.emit(self._model_error)
            return
        with self._lock:
            if self._loading is not nlp:  # released while it loaded
                return
            self._nlp, self._loading, self._model_error = nlp, None, None
        self.model_ready.emit(_label(nlp, name), self._list_models(nlp))

    @Slot(int, object)
    def analyze(self, request_id: int, article: Article) -> None:
        if self._is_cancelled(request_id):
            self._finish(request_id)
            self.analysis_stopped.emit(request_id)
            return
        nlp = self._nlp
        if nlp is not None and not _alive(nlp):  # the child died while idle: start a new one
            self.load_model(self._name)
            nlp = self._nlp
        if nlp is None:
            self._finish(request_id)
            self.analysis_failed.emit(request_id, self._model_error or "No spaCy model loaded.")
            return
        self.analysis_started.emit(request_id)
        with self._lock:
            store = self._store if getattr(nlp, "writes_store", False) else None
        options = {"store": store} if store is not None else {}
        try:
            analysis = self._analyze(
                article,
                nlp,
                on_progress=lambda progress: self.analysis_progress.emit(request_id, progress),
                should_stop=lambda: self._is_cancelled(request_id),
                **options,
            )
        except PipelineCrashError as error:
            self._finish(request_id)
            self.analysis_failed.emit(request_id, str(error))
            if self._nlp is nlp:  # not released meanwhile (the app closing, the model changed)
                self.load_model(self._name)  # for the articles that wait
            return
        except Exception as error:  # a bug in analysis must not take the app down
            if self._finish(request_id):
                self.analysis_stopped.emit(request_id)
            else:
                message = str(error) or type(error).__name__
                self.analysis_failed.emit(
                    request_id, f"Could not analyse {article.display_name}: {message}"
                )
            return
        self._finish(request_id)
        self.analysis_done.emit(request_id, analysis)

    def _finish(self, request_id: int) -> bool:
        """Forget a request's cancellation; returns whether it had been cancelled."""
        with self._lock:
            cancelled = request_id in self._cancelled
            self._cancelled.discard(request_id)
            return cancelled


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
    result_dropped = Signal(int)  # a result came for a cancelled request
    _load_requested = Signal(object)
    _analyze_requested = Signal(int, object)

    def __init__(
        self,
        pipeline_factory: PipelineFactory = remote_pipeline,
        analyze_function: AnalyzeFunction = remote_analyze,
        list_models: ModelLister = remote_models,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._ids = itertools.count(1)
        self._pending: dict[int, None] = {}  # wanted requests, in the order they will run
        self._running: int | None = None
        self._model_loading = False
        self._thread = QThread()
        self._thread.setObjectName("reader-analysis")
        self.worker = AnalysisWorker(pipeline_factory, analyze_function, list_models)
        self.worker.moveToThread(self._thread)
        self._thread.finished.connect(self.worker.deleteLater)
        self._load_requested.connect(self.worker.load_model)
        self._analyze_requested.connect(self.worker.analyze)
        self.worker.model_loading.connect(self._on_model_loading)
        self.worker.model_ready.connect(self._on_model_ready)
        self.worker.model_failed.connect(self._on_model_failed)
        self.worker.analysis_started.connect(self._on_started)
        self.worker.analysis_progress.connect(self._on_progress)
        self.worker.analysis_done.connect(self._on_done)
        self.worker.analysis_failed.connect(self._on_failed)
        self.worker.analysis_stopped.connect(self._on_stopped)

    def start(self, model: str | None) -> None:
        """Start the thread and load the pipeline there."""
        self._thread.start()
        self.load_model(model)

    def load_model(self, model: str | None) -> None:
        self._model_loading = True
        self._report()
        self._load_requested.emit(model)

    def set_store(self, path: Path | None) -> None:
        """The analysis store the spaCy child writes each analysis into (None: none)."""
        self.worker.set_store(path)

    def submit(self, article: Article) -> int:
        request_id = next(self._ids)
        self._pending[request_id] = None
        self._analyze_requested.emit(request_id, article)
        self._report()
        return request_id

    def cancel(self, request_id: int) -> None:
        """Forget a request and stop it if it runs; its result, if it still comes, is dropped."""
        if request_id in self._pending:
            del self._pending[request_id]
            self.worker.cancel(request_id)
            self._report()

    def is_running(self) -> bool:
        return self._thread.isRunning()

    def is_pending(self, request_id: int) -> bool:
        return request_id in self._pending

    def running_request(self) -> int | None:
        """The wanted request the worker is analysing now, if any."""
        return self._running if self._running in self._pending else None

    def waiting_requests(self) -> list[int]:
        """The wanted requests not started yet, in the order they will run."""
        return [request_id for request_id in self._pending if request_id != self._running]

    def shutdown(self) -> None:
        """Stop the worker thread, interrupting an analysis in a child process."""
        for request_id in list(self._pending):
            self.cancel(request_id)
        self.worker.release()
        if self._thread.isRunning():
            self._thread.quit()
            self._thread.wait()
        self.worker.release()  # a pipeline that finished loading in the meantime

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

    @Slot()
    def _on_model_loading(self) -> None:
        self._model_loading = True
        self._report()

    @Slot(str, list)
    def _on_model_ready(self, label: str, models: list) -> None:
        self._model_loading = False
        self._report()
        self.model_ready.emit(label, models)

    @Slot(str)
    def _on_model_failed(self, message: str) -> None:
        self._model_loading = False
        self._report()
        self.model_failed.emit(message)

    @Slot(int)
    def _on_started(self, request_id: int) -> None:
        self._running = request_id
        self.queue_changed.emit()

    @Slot(int, object)
    def _on_progress(self, request_id: int, progress: Any) -> None:
        if request_id in self._pending:
            self.analysis_progress.emit(request_id, progress)

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

    @Slot(int, object)
    def _on_done(self, request_id: int, analysis: Analysis) -> None:
        if self._settle(request_id):
            self.analysis_ready.emit(request_id, analysis)

    @Slot(int, str)
    def _on_failed(self, request_id: int, message: str) -> None:
        if self._settle(request_id):
            self.analysis_failed.emit(request_id, message)

    @Slot(int)
    def _on_stopped(self, request_id: int) -> None:
        self._settle(request_id)
