"""The child process of the window's collection-wide reading (issue 25): a request is answered
from the child, and closing it from another thread ends a request under way."""

from __future__ import annotations

import os
import threading
import time
from concurrent.futures import CancelledError
from concurrent.futures.process import BrokenProcessPool

import pytest

from reader.core.service.child_worker import ChildWorker
from tests.processes import ended, wait_ended


@pytest.fixture
def worker():
    kept = ChildWorker("test")
    yield kept
    kept.close()


def test_a_request_is_answered_by_the_child_real_process(worker):
    assert worker.run(os.getpid) != os.getpid()


@pytest.mark.skipif(not hasattr(os, "nice"), reason="no process priorities")
def test_the_child_yields_the_cpu_to_the_window_real_process(worker):
    from reader.core.service.priority import BACKGROUND_NICENESS

    assert worker.run(os.nice, 0) == min(os.nice(0) + BACKGROUND_NICENESS, 19)  # 19: the least


def test_what_the_function_raised_reaches_the_caller_real_process(worker):
    with pytest.raises(ValueError, match="invalid literal"):
        worker.run(int, "not a number")


def test_closing_from_another_thread_ends_a_request_under_way_real_process(worker):
    child = worker.run(os.getpid)
    raised: list[BaseException] = []

    def wait_for_it() -> None:
        try:
            worker.run(time.sleep, 60, again=False)
        except BaseException as error:
            raised.append(error)

    waiting = threading.Thread(target=wait_for_it)
    waiting.start()
    time.sleep(0.3)  # let the request reach the child
    worker.close()
    waiting.join(timeout=20)
    assert not waiting.is_alive()  # not the 60 s of the request
    wait_ended(child)
    assert ended(child)
    assert [type(e) for e in raised] in ([BrokenProcessPool], [CancelledError])
    assert worker.run(os.getpid) not in (child, os.getpid())  # a new child
