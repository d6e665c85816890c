"""A stand-in for the analyzer that the spaCy child (reader.gui.work.remote) can import by name:
it forks its parse processes as `analyzer.analyze` does for a long article, without a model."""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Callable
from typing import Any

from reader.core.analysis.analyzer import Progress
from reader.core.model import Analysis
from reader.core.text.article import Article


def analyze_in_forks(
    article: Article,
    nlp: Any,
    *,
    on_progress: Callable[[Progress], None] | None = None,
    n_process: int = 1,
    worker_setup: Callable[[], None] | None = None,
    **_options: Any,
) -> Analysis:
    """Forks `n_process` parse processes (each calling `worker_setup` first), reports each
    one's pid as a Progress's `start`, then waits for them for ever."""
    pool = multiprocessing.get_context("fork").Pool(n_process, initializer=worker_setup)
    pids = pool.map(_pid, range(n_process * 4), chunksize=1)
    for pid in sorted(set(pids)):
        if on_progress is not None:
            on_progress(Progress(0, len(article.text), pid, pid, ()))
    pool.map(_forever, range(n_process))
    raise AssertionError("unreachable: the parse processes never end")


def _pid(_index: int) -> int:
    time.sleep(0.05)  # so that every process gets a task
    return os.getpid()


def _forever(_index: int) -> None:
    while True:
        time.sleep(1)
