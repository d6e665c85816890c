"""Jobs on lanes: outcomes on the GUI thread, progress in order, cancel, stale results dropped."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread

from reader.gui.work.background import JobControl, Lane

WAIT_MS = 10_000


def _thread_name(_control: JobControl) -> str:
    return threading.current_thread().name


def test_result_arrives_on_the_gui_thread_from_a_daemon_thread(qtbot) -> None:
    lane = Lane("test")
    job = lane.submit(_thread_name)
    seen: list[tuple[str, bool]] = []
    job.result.connect(lambda name: seen.append((name, QThread.currentThread() is lane.thread())))
    with qtbot.wait_signal(job.finished, timeout=WAIT_MS):
        pass
    assert seen == [("reader-test", True)]


def test_no_thread_before_the_first_job() -> None:
    Lane("idle-lane", threads=2)
    assert not [t for t in threading.enumerate() if t.name == "reader-idle-lane"]


def test_progress_comes_in_order_before_the_result(qtbot) -> None:
    def count(control: JobControl, n: int) -> str:
        for i in range(n):
            control.report(i)
        return "done"

    job = Lane("test").submit(count, 5)
    events: list[object] = []
    job.started.connect(lambda: events.append("started"))
    job.progress.connect(events.append)
    job.result.connect(events.append)
    with qtbot.wait_signal(job.finished, timeout=WAIT_MS):
        pass
    assert events == ["started", 0, 1, 2, 3, 4, "done"]


def test_an_exception_becomes_the_error_signal_and_the_lane_goes_on(qtbot) -> None:
    def fail(_control: JobControl) -> None:
        raise ValueError("bad file")

    lane = Lane("test")
    failing = lane.submit(fail)
    errors: list[BaseException] = []
    failing.error.connect(errors.append)
    following = lane.submit(lambda _control: 42)
    results: list[int] = []
    following.result.connect(results.append)
    with qtbot.wait_signal(following.finished, timeout=WAIT_MS):
        pass
    assert [str(e) for e in errors] == ["bad file"]
    assert results == [42]


def test_one_thread_runs_jobs_in_the_order_submitted(qtbot) -> None:
    order: list[int] = []
    lane = Lane("test", threads=1)
    jobs = [lane.submit(lambda _control, i=i: order.append(i)) for i in range(20)]
    with qtbot.wait_signal(jobs[-1].finished, timeout=WAIT_MS):
        pass
    assert order == list(range(20))


def test_a_cancelled_job_delivers_no_result_and_can_stop_early(qtbot) -> None:
    release = threading.Event()
    stopped_early: list[bool] = []

    def wait_for_cancel(control: JobControl) -> str:
        release.wait(WAIT_MS / 1000)
        stopped_early.append(control.stopped())
        return "late"

    lane = Lane("test")
    job = lane.submit(wait_for_cancel)
    results: list[str] = []
    job.result.connect(results.append)
    job.cancel()
    release.set()
    with qtbot.wait_signal(job.finished, timeout=WAIT_MS):
        pass
    assert results == []
    assert stopped_early in ([True], [])  # cancelled before it started: it never ran


def test_latest_only_lane_delivers_only_the_newest_request(qtbot) -> None:
    gate = threading.Event()
    lane = Lane("test", latest_only=True)
    first = lane.submit(lambda _control: gate.wait(WAIT_MS / 1000) and "first")
    second = lane.submit(lambda _control: "second")
    assert (first.request, second.request) == (1, 2)
    results: list[str] = []
    first.result.connect(results.append)
    second.result.connect(results.append)
    gate.set()
    with qtbot.wait_signal(second.finished, timeout=WAIT_MS):
        pass
    assert results == ["second"]


def test_unbounded_lane_is_not_held_up_by_a_job_that_blocks(qtbot) -> None:
    blocked = threading.Event()
    lane = Lane("test", threads=None)
    lane.submit(lambda _control: blocked.wait(WAIT_MS / 1000))
    quick = lane.submit(lambda _control: "quick")
    results: list[str] = []
    quick.result.connect(results.append)
    with qtbot.wait_signal(quick.finished, timeout=WAIT_MS):
        pass
    blocked.set()
    assert results == ["quick"]
    assert lane.wait_idle(WAIT_MS / 1000)


@pytest.mark.parametrize("threads", [1, 3])
def test_wait_idle_returns_once_every_job_ran(threads: int) -> None:
    done: list[int] = []
    lane = Lane("test", threads=threads)
    for i in range(10):
        lane.submit(lambda _control, i=i: done.append(i))
    assert lane.wait_idle(WAIT_MS / 1000)
    assert sorted(done) == list(range(10))


def test_the_function_knows_its_request_id(qtbot) -> None:
    lane = Lane("test")
    lane.submit(lambda _control: None)
    job = lane.submit(lambda control: control.request)
    results: list[int] = []
    job.result.connect(results.append)
    with qtbot.wait_signal(job.finished, timeout=WAIT_MS):
        pass
    assert results == [job.request] == [2]


def test_a_thread_waits_for_the_next_job_instead_of_ending(qtbot) -> None:
    lane = Lane("test", threads=1)
    idents: list[int] = []
    for _ in range(2):
        job = lane.submit(lambda _control: threading.get_ident())
        job.result.connect(idents.append)
        with qtbot.wait_signal(job.finished, timeout=WAIT_MS):
            pass
    assert len(idents) == 2 and idents[0] == idents[1]


def test_a_waiting_thread_takes_one_job_and_a_new_thread_the_next(qtbot) -> None:
    """Two jobs submitted to an unbounded lane with one idle thread: neither waits for the
    other (the loader's lane relies on it: a blocking file holds up no other)."""
    lane = Lane("test", threads=None)
    first = lane.submit(lambda _control: None)
    with qtbot.wait_signal(first.finished, timeout=WAIT_MS):
        pass
    release = threading.Event()
    lane.submit(lambda _control: release.wait(WAIT_MS / 1000))
    quick = lane.submit(lambda _control: "quick")
    results: list[str] = []
    quick.result.connect(results.append)
    with qtbot.wait_signal(quick.finished, timeout=WAIT_MS):
        pass
    release.set()
    assert results == ["quick"]
