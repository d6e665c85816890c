"""Stand-ins for spaCy that the child process of reader.gui.work.remote can import by name.

They analyse paragraph by paragraph, report Progress after each and stop when asked, as
reader.core.analysis.analyzer.analyze does, but in milliseconds and without loading a model.
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

from reader.core.analysis.analyzer import AnalysisCancelled, Progress
from reader.core.model import Analysis
from reader.core.text.article import Article
from tests.gui.fakes import fake_analyze

PART_SECONDS = 0.02  # a pause per paragraph, so that a test can act while the analysis runs


def load_fake(name: str | None) -> SimpleNamespace:
    return SimpleNamespace(meta={"name_full": name or "fake", "version": "1.0"})


def analyze_in_parts(
    article: Article,
    nlp: Any,
    *,
    on_progress: Callable[[Progress], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
    **_options: Any,
) -> Analysis:
    """The conftest's fake analysis, reported block by block. An article titled "crash" kills
    its own process after the first block; one titled "forever" never ends unless stopped."""
    whole = fake_analyze(article, nlp)
    blocks = list(article.blocks)
    index = 0
    while index < len(blocks):
        if should_stop is not None and should_stop():
            raise AnalysisCancelled
        block = blocks[index]
        time.sleep(PART_SECONDS)
        inside = tuple(m for m in whole.mentions if block.start <= m.start < block.end)
        done = blocks[index + 1].start if index + 1 < len(blocks) else len(article.text)
        if on_progress is not None:
            on_progress(Progress(done, len(article.text), block.start, block.end, inside))
        if article.title == "crash":
            os.kill(os.getpid(), signal.SIGKILL)
        if article.title != "forever" or index + 1 < len(blocks):
            index += 1
    return whole
