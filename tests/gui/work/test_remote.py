"""The spaCy child process (reader.gui.work.remote) as a real process, with fakes instead of spaCy:
progress, cancelling, a killed child, and no child left behind when the app dies."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core.text.article import Article, Block, BlockKind
from reader.gui.work.remote import AnalysisStoppedError, PipelineCrashError, RemotePipeline
from tests.gui.remote_fakes import analyze_in_parts, load_fake
from tests.processes import ended, wait_ended

ROOT = Path(__file__).resolve().parents[3]

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="reads process states from /proc"
)


def article(title: str, paragraphs: int = 6) -> Article:
    lines = [f"Tillerson met Lavrov in Moscow, part {n}." for n in range(paragraphs)]
    text = "\n".join(lines) + "\n"
    blocks, start = [], 0
    for line in lines:
        blocks.append(Block(BlockKind.PARAGRAPH, start, start + len(line)))
        start += len(line) + 1
    return Article(title=title, text=text, blocks=tuple(blocks))


def started() -> Iterator[RemotePipeline]:
    pipeline = RemotePipeline(None, load_fake, analyze_in_parts)
    pipeline.wait_ready()
    yield pipeline
    pipeline.close()


@pytest.fixture(scope="module")
def shared() -> Iterator[RemotePipeline]:
    """One child for the tests that leave it running."""
    yield from started()


@pytest.fixture
def remote() -> Iterator[RemotePipeline]:
    """A child of the test's own, for tests that kill or close it."""
    yield from started()


def test_progress_comes_chunk_by_chunk_then_the_analysis_real_process(shared):
    progress = []
    result = shared.analyze(article("six parts"), progress.append)
    assert [p.done for p in progress] == sorted(p.done for p in progress)
    assert len(progress) == 6 and progress[-1].done == progress[-1].total
    assert {m.key for p in progress for m in p.mentions} == {m.key for m in result.mentions}
    assert shared.label == "fake 1.0"


def test_cancel_stops_between_chunks_and_the_child_stays_up_real_process(shared):
    seen = []
    with pytest.raises(AnalysisStoppedError):
        shared.analyze(article("forever"), seen.append, lambda: bool(seen))
    assert shared.is_alive()
    assert shared.analyze(article("next", paragraphs=2)).mentions  # the next one runs


def test_a_killed_child_is_reported_with_its_signal_real_process(remote):
    def kill_on_first_progress(_progress) -> None:
        os.kill(remote.pid, signal.SIGKILL)

    with pytest.raises(PipelineCrashError, match="SIGKILL"):
        remote.analyze(article("forever"), kill_on_first_progress)
    assert not remote.is_alive()


def test_a_child_that_dies_by_itself_is_reported_real_process(remote):
    with pytest.raises(PipelineCrashError):
        remote.analyze(article("crash"))


APP = """
import os, sys, threading, time
sys.path.insert(0, {root!r})
from reader.gui.work.remote import RemotePipeline
from tests.gui.remote_fakes import analyze_in_parts, load_fake
from tests.processes import ended, wait_ended
from tests.gui.work.test_remote import article

if __name__ == "__main__":
    remote = RemotePipeline(None, load_fake, analyze_in_parts)
    remote.wait_ready()
    worker = threading.Thread(target=remote.analyze, args=(article("forever"),), daemon=True)
    worker.start()
    print(remote.pid, flush=True)
    time.sleep(0.5)  # the child is busy analysing
    if sys.argv[1] == "crash":
        os.abort()
    time.sleep(600)
"""


@pytest.mark.parametrize("ending", ["SIGTERM", "SIGKILL", "crash"])
def test_the_child_never_outlives_the_app_real_process(tmp_path, ending):
    script = tmp_path / "app.py"
    script.write_text(APP.format(root=str(ROOT)), encoding="utf-8")
    app = subprocess.Popen(
        [sys.executable, str(script), ending], stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    try:
        child = int(app.stdout.readline())
        assert not ended(child)
        if ending != "crash":
            time.sleep(0.5)  # the child is busy analysing
            app.send_signal(getattr(signal, ending))
        app.wait()
        wait_ended(child)  # one that outlives the app holds the test: the suite's limit says so
        assert ended(child), f"the spaCy child {child} outlived the app ({ending})"
    finally:
        app.kill()
        app.wait()
        app.stdout.close()


def test_closing_stops_a_child_in_the_middle_of_an_analysis_real_process(remote):
    errors = []

    def analyse() -> None:
        try:
            remote.analyze(article("forever"))
        except Exception as error:
            errors.append(error)

    thread = threading.Thread(target=analyse)
    thread.start()
    time.sleep(0.2)
    pid = remote.pid
    remote.close()
    thread.join()
    assert len(errors) == 1
    wait_ended(pid)
    assert ended(pid)
