"""The processes the spaCy child forks to parse a long article's chunks: they exist (the child
may have children although the app sees it as a daemon) and never outlive the app."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.processes import ended, wait_ended

ROOT = Path(__file__).resolve().parents[3]

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="forks, and reads process states from /proc"
)

APP = """
import sys, threading, time
sys.path.insert(0, {root!r})
from reader.core.text.article import Article
from reader.gui.work.remote import RemotePipeline
from tests.gui.remote_fakes import load_fake
from tests.gui.work.parse_fakes import analyze_in_forks

if __name__ == "__main__":
    remote = RemotePipeline(None, load_fake, analyze_in_forks, parse_processes=2)
    remote.wait_ready()
    print(remote.pid, flush=True)
    report = lambda progress: print(progress.start, flush=True)
    article = Article(title="long", text="Tillerson met Lavrov.", blocks=())
    threading.Thread(target=remote.analyze, args=(article, report), daemon=True).start()
    time.sleep(600)
"""


@pytest.mark.parametrize("ending", ["SIGTERM", "SIGKILL"])
def test_parse_processes_never_outlive_the_app_real_process(tmp_path, ending):
    script = tmp_path / "app.py"
    script.write_text(APP.format(root=str(ROOT)), encoding="utf-8")
    app = subprocess.Popen(
        [sys.executable, str(script)], stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    try:
        child = int(app.stdout.readline())
        workers = [int(app.stdout.readline()) for _ in range(2)]
        assert len(set(workers)) == 2 and child not in workers
        assert not any(ended(pid) for pid in (child, *workers))
        app.send_signal(getattr(signal, ending))
        app.wait()
        for pid in (child, *workers):
            wait_ended(pid)  # one that outlives the app holds the test: the suite's limit says so
    finally:
        app.kill()
        app.wait()
        app.stdout.close()
