"""The worker thread and its service with fake pipelines: restarts, cancelling, queue order."""

from __future__ import annotations

import threading
from types import SimpleNamespace
from typing import Any

from reader.core.text.article import Article
from reader.gui.worker import PipelineRunner
from tests.gui.conftest import fake_analyze
from tests.gui.test_remote import article

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
