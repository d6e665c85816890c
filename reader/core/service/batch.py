"""Analysing many files: in this process, in a pool of worker processes, or on a Dask cluster.

Every path goes through the same steps: load the article; take its analysis from the store when
the store has it; otherwise analyse it with `reader.core.analysis.analyzer.analyze` in a worker
that loaded the pipeline once. Articles go to the workers in batches of up to `BATCH_SIZE`
(fewer round trips, and each worker keeps its pipeline warm); results come back in input order,
at most a few batches ahead, so memory stays bounded on a collection of any size. The store is
used through `reader.core.service.analyses.AnalysisService`: each finished batch is kept in one
transaction and comes back with the reader's corrections.
"""

from __future__ import annotations

import contextlib
import ctypes
import math
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from reader.core.errors import ArticleError
from reader.core.model import Analysis
from reader.core.service.analyses import AnalysisService, pipeline_label
from reader.core.service.priority import run_in_background
from reader.core.store.database import Store
from reader.core.text.article import Article

BATCH_SIZE = 8
_PR_SET_PDEATHSIG = 1  # linux/prctl.h
BATCHES_AHEAD_PER_JOB = 3


@dataclass(frozen=True)
class BatchResult:
    """One input path's outcome: its analysis, or the one-sentence reason it has none."""

    path: Path
    analysis: Analysis | None = None
    error: str | None = None
    cached: bool = False


# --- the worker side: one pipeline per process, loaded on first use ---------------------------

_pipelines: dict[str | None, Any] = {}
_pipeline_lock = threading.Lock()


def _worker_pipeline(model: str | None) -> Any:
    from reader.core.analysis.pipeline import load_pipeline

    with _pipeline_lock:
        if model not in _pipelines:
            _pipelines[model] = load_pipeline(model)
        return _pipelines[model]


def analyze_batch(articles: Sequence[Article], model: str | None) -> list[Analysis | str]:
    """Analyse articles with this process's pipeline; a failure is its message, in place.

    This is the task that runs in a worker process or on a Dask worker. The pipeline is
    loaded once per process; the lock keeps a Dask worker's threads off one pipeline at once.
    """
    from reader.core.analysis.analyzer import analyze

    nlp = _worker_pipeline(model)
    results: list[Analysis | str] = []
    with _pipeline_lock:
        for article in articles:
            try:
                results.append(analyze(article, nlp))
            except Exception as error:  # one bad article must not stop the batch
                results.append(f"analysis failed: {type(error).__name__}: {error}")
    return results


# --- the driver side -------------------------------------------------------------------------


class _InlineExecutor:
    """`--jobs 1`: the batches run here, in order, with no process in between."""

    def submit(self, fn: Callable, *args: Any) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args))
        except Exception as error:
            future.set_exception(error)
        return future

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        pass


class _DaskExecutor:
    """`--scheduler ADDRESS`: the batches run on an existing Dask distributed cluster."""

    def __init__(self, address: str) -> None:
        try:
            from distributed import Client
        except ImportError as error:
            raise RuntimeError(
                "--scheduler needs Dask: pip install 'reader[dask]' (here and on the workers)."
            ) from error
        try:
            self._client = Client(address, timeout="20s", set_as_default=False)
        except (OSError, TimeoutError, ValueError) as error:
            raise RuntimeError(f"Cannot reach the Dask scheduler at {address}: {error}") from error

    def submit(self, fn: Callable, *args: Any) -> Any:
        return self._client.submit(fn, *args, pure=False)

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        self._client.close()


def _tie_to_parent(parent: int, background: bool = False) -> None:
    """Worker start: leave Ctrl-C to the parent (which stops the workers), and on Linux die
    with the parent, so no worker outlives a `reader analyze` that is killed; a worker of the
    window's `background` analysis yields the CPU to the window."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if background:
        run_in_background()
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(1)


def _executor(jobs: int, scheduler: str | None, background: bool) -> Any:
    if scheduler:
        return _DaskExecutor(scheduler)
    if jobs <= 1 and not background:
        return _InlineExecutor()
    return ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=get_context("spawn"),
        initializer=_tie_to_parent,
        initargs=(os.getpid(), background),
    )


def _stop(executor: Any) -> None:
    """An interrupted run: end the worker processes now rather than after their batches."""
    processes = getattr(executor, "_processes", None) or {}
    for process in list(processes.values()):
        with contextlib.suppress(OSError, AttributeError):
            process.terminate()
    executor.shutdown(wait=False, cancel_futures=True)


@dataclass
class _Batch:
    articles: list[Article] = field(default_factory=list)
    future: Any = None
    results: list[Analysis | str] | None = None


def analyze_files(
    paths: Sequence[Path],
    model: str | None = None,
    jobs: int = 1,
    store: Store | None = None,
    scheduler: str | None = None,
    warn: Callable[[str], None] | None = None,
    background: bool = False,
) -> Iterator[BatchResult]:
    """One BatchResult per path, in the order of `paths`, as soon as it and those before it
    are done.

    `jobs` worker processes (1: this process) or the Dask cluster at `scheduler` analyse what
    the store does not hold. A `background` run (the window's) never analyses in this process,
    even one file (the window's process never loads spaCy), and its workers yield the CPU
    (`priority.run_in_background`). A StoreError is passed to `warn` once and the run goes on
    without the store. Raises ModelError (no pipeline can be loaded, when the first article
    needs it) or RuntimeError (scheduler unreachable).
    """
    from reader.core.text.loaders import load_article

    label = pipeline_label(model)
    if scheduler is None and len(paths) <= BATCH_SIZE:
        jobs = 1  # a second worker process would cost more to start than it saves
    batch_size = max(1, min(BATCH_SIZE, math.ceil(len(paths) / max(jobs, 1))))
    if scheduler is None and jobs <= 1:
        batch_size = 1  # no process to feed here: each result as soon as it is made
    service = AnalysisService(store, warn if warn is not None else lambda _message: None)
    executor = None
    slots: deque[BatchResult | tuple[_Batch, int, Path]] = deque()
    batch = _Batch()
    ahead = max(jobs, 2) * BATCHES_AHEAD_PER_JOB
    submitted: deque[_Batch] = deque()

    def submit() -> None:
        nonlocal executor, batch
        if not batch.articles:
            return
        if executor is None:
            executor = _executor(jobs, scheduler, background)
        batch.future = executor.submit(analyze_batch, batch.articles, model)
        submitted.append(batch)
        batch = _Batch()

    def finish(done: _Batch) -> None:
        try:
            done.results = done.future.result()
        except Exception as error:  # a worker that died takes its batch with it
            from reader.core.analysis.models import ModelError

            if isinstance(error, ModelError):  # no pipeline: no article can be analysed
                raise
            message = f"analysis failed: {type(error).__name__}: {error}"
            done.results = [message] * len(done.articles)
        done.future = None
        kept = iter(service.kept([r for r in done.results if isinstance(r, Analysis)]))
        done.results = [next(kept) if isinstance(r, Analysis) else r for r in done.results]

    def ready_head(block: bool) -> BatchResult | None:
        head = slots[0]
        if isinstance(head, BatchResult):
            return slots.popleft()
        pending, index, path = head
        if pending.results is None:
            if pending.future is None:
                if not block:
                    return None
                submit()
            if not block and not pending.future.done():
                return None
            finish(pending)
            submitted.remove(pending)
        slots.popleft()
        outcome = pending.results[index]
        if isinstance(outcome, str):
            return BatchResult(path, error=outcome)
        return BatchResult(path, analysis=outcome)

    try:
        for path in paths:
            try:
                article = load_article(path)
            except ArticleError as error:
                slots.append(BatchResult(path, error=str(error)))
            else:
                cached = service.stored(article, label)
                if cached is not None:
                    slots.append(BatchResult(path, analysis=cached, cached=True))
                else:
                    slots.append((batch, len(batch.articles), path))
                    batch.articles.append(article)
                    if len(batch.articles) >= batch_size:
                        submit()
            while slots:
                # Wait for the oldest batch when enough are in flight, or when many results
                # (stored ones) queue behind it: memory stays bounded either way.
                full = len(submitted) >= ahead or len(slots) > ahead * batch_size
                result = ready_head(block=full)
                if result is None:
                    break
                yield result
        submit()
        while slots:
            yield ready_head(block=True)
    except BaseException:  # Ctrl-C, a closed generator, an error: workers stop at once
        if executor is not None:
            _stop(executor)
            executor = None
        raise
    finally:
        if executor is not None:
            executor.shutdown(cancel_futures=True)
