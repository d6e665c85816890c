"""The worker thread and its service with fake pipelines: restarts, cancelling, queue order."""

from __future__ import annotations

import threading
from types import SimpleNamespace
from typing import Any

from reader.core.text.article import Article
from reader.gui.work.worker import PipelineRunner
from tests.gui.conftest import fake_analyze
from tests.gui.work.test_remote import article

WAIT_MS = 10_000


class Pipelines:
    """Makes fake pipelines and remembers them; a pipeline can be made to look dead."""

    def __init__(self) -> None:
        self.made: list[SimpleNamespace] = []

    def __call__(self, name: str | None) -> SimpleNamespace:
        pipeline = SimpleNamespace(
            meta={"name_full": "fake", "version": str(len(self.made) + 1)}, alive=True
        )
        pipeline.is_alive = lambda: pipeline.alive
        self.made.append(pipeline)
        return pipeline


def analyze_with(used: list[Any]):
    def analyze(article: Article, nlp: Any, **_options: Any):
        used.append(nlp)
        return fake_analyze(article, nlp)

    return analyze


def test_a_pipeline_that_died_while_idle_is_started_again_for_the_next_article_real_thread(
    qtbot,
):
    pipelines, used = Pipelines(), []
    service = PipelineRunner(pipelines, analyze_with(used), lambda _nlp: [])
    try:
        with qtbot.wait_signal(service.model_ready, timeout=WAIT_MS):
            service.start(None)
        pipelines.made[0].alive = False  # killed between two articles
        with qtbot.wait_signal(service.analysis_ready, timeout=WAIT_MS) as ready:
            request = service.submit(article("after"))
        assert ready.args[0] == request
        assert len(pipelines.made) == 2 and used == [pipelines.made[1]]
    finally:
        service.shutdown()


def test_requests_say_which_runs_and_which_wait_in_order_real_thread(qtbot):
    pipelines, used = Pipelines(), []
    release = threading.Event()  # holds the first analysis, so the second cannot start early
    held = analyze_with(used)

    def analyze(article: Article, nlp: Any, **options: Any):
        release.wait()
        return held(article, nlp, **options)

    service = PipelineRunner(pipelines, analyze, lambda _nlp: [])
    try:
        service.start(None)
        first, second, third = (service.submit(article(name)) for name in ("a", "b", "c"))
        assert service.waiting_requests() == [first, second, third]
        service.cancel(second)
        assert service.waiting_requests() == [first, third]
        with qtbot.wait_signal(service.result_dropped, timeout=WAIT_MS) as dropped:
            release.set()
        assert dropped.args == [second]
        qtbot.wait_until(lambda: not service.waiting_requests() and not service.running_request())
        assert len(used) == 2  # the cancelled request never ran
    finally:
        service.shutdown()


def test_a_pipeline_that_cannot_load_is_reported_and_its_articles_fail_with_why_real_thread(
    qtbot,
):
    def no_pipeline(_name: str | None) -> Any:
        raise OSError("no such pipeline: en_missing")

    service = PipelineRunner(no_pipeline, analyze_with([]), lambda _nlp: [])
    busy: list[str] = []
    service.busy_changed.connect(busy.append)
    try:
        with qtbot.wait_signal(service.model_failed, timeout=WAIT_MS) as failed:
            service.start("en_missing")
        assert failed.args == ["no such pipeline: en_missing"]
        with qtbot.wait_signal(service.analysis_failed, timeout=WAIT_MS) as analysis:
            request = service.submit(article("a"))
        assert analysis.args == [request, "no such pipeline: en_missing"]
        assert busy[0] == "Loading the spaCy pipeline…" and busy[-1] == ""
    finally:
        service.shutdown()
    assert not service.is_running()


def test_a_crash_loads_the_pipeline_once_even_when_a_new_model_is_on_its_way_real_thread(qtbot):
    from reader.gui.work.remote import PipelineCrashError

    pipelines = Pipelines()
    release = threading.Event()

    def crash_once(article: Article, nlp: Any, **_options: Any):
        if article.title == "crash":
            release.wait(WAIT_MS / 1000)
            raise PipelineCrashError("The spaCy process ended (SIGKILL).")
        return fake_analyze(article, nlp)

    service = PipelineRunner(pipelines, crash_once, lambda _nlp: [])
    try:
        with qtbot.wait_signal(service.model_ready, timeout=WAIT_MS):
            service.start(None)
        crashing = service.submit(article("crash"))
        after = service.submit(article("after"))
        service.load_model("other")  # queued behind the crashing analysis
        failed: list[tuple[int, str]] = []
        ready: list[int] = []
        service.analysis_failed.connect(lambda request, message: failed.append((request, message)))
        service.analysis_ready.connect(lambda request, _analysis: ready.append(request))
        release.set()
        qtbot.wait_until(lambda: bool(ready), timeout=WAIT_MS)
        assert failed == [(crashing, "The spaCy process ended (SIGKILL).")]
        assert ready == [after]
        assert len(pipelines.made) == 2  # the first, and the new model's: no extra restart
    finally:
        service.shutdown()
