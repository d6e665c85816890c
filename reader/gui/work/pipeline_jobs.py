"""The jobs the window's pipeline runner (reader.gui.work.worker) puts on its lane: load the spaCy
pipeline, analyse one article. Only plain data (Article in; Progress, then Analysis out)
crosses threads, never a spaCy Doc; by default the pipeline runs in a child process
(reader.gui.work.remote), so it can never stall the window.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reader.core.model import Analysis
from reader.core.text.article import Article
from reader.gui.work.background import JobControl
from reader.gui.work.remote import PipelineCrashError, RemotePipeline

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
