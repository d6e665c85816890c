"""One child process for the window's pure-Python reading of a whole collection (issue 25).

Reading ten thousand analyses is seconds of Python. On a thread of the window's process it
holds the interpreter lock in turn with the GUI thread, and each hand-over stalls the event
loop (gaps of 200-360 ms seen at 10,000 articles); in a process of its own it never touches
the window's interpreter, and the window holds only what the child hands back. The coverage
(`reader.core.service.coverage_worker`) and a collection's first identity
(`reader.core.service.identity_worker`) each have one.

The child is spawned (it loads no Qt), started on the first request and again after it died,
and reads the store under the window's `ANALYSIS_VERSION` and identity rules, whatever the code
on disk says by then. No Qt in this module.
"""

from __future__ import annotations

import multiprocessing
import sys
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

from reader.core.service.priority import run_in_background
from reader.core.store import database, identity_snapshot

T = TypeVar("T")
# How long a request may take before its child is ended and the request fails: a coverage of
# 10,000 articles takes seconds and a report with its article pages minutes; a child that
# answers nothing in this time is stuck, and the window says so instead of waiting on.
RUN_TIMEOUT_S = 900.0


def _start_child(version: str, rules: str) -> None:
    """The child's first step: yield the CPU to the window (`priority`), read the analyses
    stored under the window's `version` and make identity snapshots under its `rules`
    (`identity_snapshot.RULES`)."""
    run_in_background()
    identity_snapshot.RULES = rules
    if version != database.ANALYSIS_VERSION:
        for name, module in list(sys.modules.items()):
            if name.startswith("reader.") and hasattr(module, "ANALYSIS_VERSION"):
                module.ANALYSIS_VERSION = version


class ChildWorker:
    """A child process doing one request at a time; `purpose` names it in messages ("the
    coverage process gave no answer…")."""

    def __init__(self, purpose: str) -> None:
        self.purpose = purpose
        self._pool: ProcessPoolExecutor | None = None
        self._closing = threading.Lock()  # the lane's thread and the GUI thread may both close

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=1,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_child,
                initargs=(database.ANALYSIS_VERSION, identity_snapshot.RULES),
            )
        return self._pool

    def run(
        self,
        function: Callable[..., T],
        *args: object,
        timeout: float = RUN_TIMEOUT_S,
        again: bool = True,
    ) -> T:
        """`function(*args)` in the child, waited for (off the GUI thread: the caller's lane);
        with `again`, a child that died is started again once and asked again. Raises
        TimeoutError when no answer came in `timeout` seconds (the child is then ended; the
        next request starts another), BrokenProcessPool when the child died (without `again`,
        or twice; also when `close` ended it meanwhile), and what `function` raised, as the
        child raised it."""
        try:
            return self._answer(self._executor().submit(function, *args), timeout)
        except BrokenProcessPool:
            self.close()
            if not again:
                raise
            return self._answer(self._executor().submit(function, *args), timeout)

    def _answer(self, future: Future, timeout: float) -> T:
        try:
            return future.result(timeout=timeout)
        except FutureTimeout:
            self.close()
            raise TimeoutError(
                f"the {self.purpose} process gave no answer in {timeout:.0f} s and was stopped;"
                " try again"
            ) from None

    def close(self) -> None:
        """End the child (the window closes, or its request is no longer wanted), from any
        thread; a later request starts another."""
        with self._closing:  # one closing thread takes it
            pool, self._pool = self._pool, None
        if pool is not None:
            # A request under way is not waited for: its process is ended (the executor keeps
            # its processes by pid; exit would otherwise wait for the request to end). SIGKILL,
            # which nothing in the child can delay or ignore: it holds read connections, and
            # what it writes (a report renamed into place, a snapshot in one transaction) is
            # written whole or not at all.
            for process in list(getattr(pool, "_processes", {}).values()):
                process.kill()
            pool.shutdown(wait=False, cancel_futures=True)
