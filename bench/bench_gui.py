"""How responsive the window is, with the real spaCy pipeline.

Prints the time from process start to the window being shown (a fresh process, as a user starts
it), then, for a long generated article opened in the window (1 MB by default), the time from
asking to open it to its text being shown, to the first highlights, to all highlights, and the
largest gap between the ticks of a 20 ms timer over all of it (reading the file, analysing,
receiving the results, highlighting, and SETTLE_SECONDS after it, when the window writes an
analysis the spaCy child did not store), where that largest gap happened, and the GUI thread's
own CPU time in its busiest interval between two ticks (what the window itself did then,
whatever the machine's load). Each run opens the article anew in the same window, with the
pipeline already loaded. Wall-clock figures: on a shared machine, say how busy it was.

    QT_QPA_PLATFORM=offscreen python bench/bench_gui.py [--size CHARS] [--runs N]
"""

from __future__ import annotations

import argparse
import itertools
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # for tests.gui.articles, the shared long-article generator

TICK_MS = 20
SETTLE_SECONDS = 2.0  # ticks go on after the last highlight: a store write may come then


def child_startup() -> None:
    """In a fresh process: build the window as `reader` does and report when it is shown."""
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from reader.gui.app import create_window
    from reader.gui.window.settings import Settings

    app = QApplication([sys.argv[0]])
    with tempfile.TemporaryDirectory(prefix="reader-bench-") as scratch:
        store = QSettings(str(Path(scratch) / "settings.ini"), QSettings.Format.IniFormat)
        window = create_window(Settings(store))
        window.show()

        def shown() -> None:
            print(f"shown {time.time():.6f}", flush=True)
            window.close()

        QTimer.singleShot(0, shown)  # runs once the show has been processed
        app.exec()


def time_to_window() -> float:
    started = time.time()
    child = subprocess.run(
        [sys.executable, __file__, "--child-startup"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")},
    )
    line = next(x for x in child.stdout.splitlines() if x.startswith("shown "))
    return float(line.split()[1]) - started


def open_runs(size: int, runs: int) -> list[dict[str, float]]:
    """Open the article `runs` times; per run the seconds to text, first and all highlights,
    the largest gap, the mentions shown and the GUI process's CPU seconds."""
    from PySide6.QtCore import QEventLoop, QSettings
    from PySide6.QtWidgets import QApplication

    from reader.gui.app import create_window
    from reader.gui.window import dialogs
    from reader.gui.window.settings import Settings
    from tests.gui.articles import long_article_text

    app = QApplication.instance() or QApplication([sys.argv[0]])
    dialogs.show_error = lambda _parent, title, message: sys.exit(f"{title}: {message}")
    results = []
    with tempfile.TemporaryDirectory(prefix="reader-bench-") as folder:
        scratch = Path(folder)
        os.environ["READER_STORE"] = str(scratch / "store.sqlite3")  # never the user's store
        store = QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat)
        window = create_window(Settings(store))
        window.show()
        loop = QEventLoop()
        window.service.model_ready.connect(loop.quit)
        loop.exec()  # the pipeline is loaded; now measure opening and analysing alone
        for number in range(1, runs + 1):
            # Each run its own text, so no run is served from the store of analyses.
            article = scratch / f"long-article-{number}.txt"
            text = f"Run {number}\n{long_article_text(size)}"
            article.write_text(text, encoding="utf-8")
            results.append(one_run(window, article, loop))
            app.processEvents()
        window.close()
        app.processEvents()
    return results


def one_run(window, article: Path, loop) -> dict[str, float]:
    """Open the article once and wait for all its highlights and SETTLE_SECONDS more; then
    close its tab."""
    from PySide6.QtCore import Qt, QTimer

    marks: dict[str, float] = {}
    ticks = [time.perf_counter()]
    thread_cpu = [time.thread_time()]  # the GUI thread's own CPU at each tick
    cpu = time.process_time()
    tabs = []

    def tick() -> None:
        now = time.perf_counter()
        ticks.append(now)
        thread_cpu.append(time.thread_time())
        highlighter = tabs[0].view.highlighter if tabs else None
        if highlighter is not None and highlighter.blocks_drawn and "first" not in marks:
            marks["first"] = now

    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(tick)
    timer.start()
    started = time.perf_counter()
    tabs.extend(window.open_paths([article]))
    tab = tabs[0]
    tab.text_shown.connect(lambda: marks.setdefault("text", time.perf_counter()))
    done = window.service.worker.analysis_done  # emitted on the worker thread: seen at once
    on_done = done.connect(
        lambda *_: marks.setdefault("received", time.perf_counter()),
        Qt.ConnectionType.DirectConnection,
    )
    tab.analysis_shown.connect(loop.quit)
    loop.exec()
    marks["all"] = time.perf_counter()
    QTimer.singleShot(int(SETTLE_SECONDS * 1000), loop.quit)
    loop.exec()
    ticks.append(time.perf_counter())
    thread_cpu.append(time.thread_time())
    timer.stop()
    done.disconnect(on_done)
    gap, at = max((b - a, a) for a, b in itertools.pairwise(ticks))
    result = {
        "text": marks["text"] - started,
        "first": marks.get("first", marks["all"]) - started,
        "all": marks["all"] - started,
        "gap": gap,
        "gap_at": max(at - started, 0.0),  # the first interval starts just before opening
        "gap_where": _phase(at, marks),
        "gap_cpu": max(b - a for a, b in itertools.pairwise(thread_cpu)),
        "mentions": len(tab.analysis.mentions) if tab.analysis else 0,
        "cpu": time.process_time() - cpu,
    }
    window.close_tab(window.tabs.indexOf(tab))
    return result


def _phase(moment: float, marks: dict[str, float]) -> str:
    """What the window was doing at `moment` (a perf_counter time), from the run's marks."""
    phases = [
        ("text", "reading the file"),
        ("first", "analysing, before the first highlights"),
        ("received", "analysing, drawing the highlights of each chunk"),
        ("all", "receiving the analysis and drawing its highlights"),
    ]
    for mark, phase in phases:
        if moment < marks.get(mark, float("inf")):
            return phase
    return "after the last highlight"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="article size in characters")
    parser.add_argument("--runs", type=int, default=2, help="times the article is opened")
    parser.add_argument("--child-startup", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.child_startup:
        child_startup()
        return
    startup = time_to_window()
    print(f"time from process start to window shown: {startup * 1000:.0f} ms")
    print(f"article: {args.size / 1e6:.2f} M characters (generated from the seed article)")
    for number, run in enumerate(open_runs(args.size, args.runs), start=1):
        print(
            f"run {number}: text shown {run['text']:.2f} s, first highlights {run['first']:.2f} s, "
            f"all highlights {run['all']:.1f} s ({run['mentions']} mentions); largest gap "
            f"between {TICK_MS} ms ticks {run['gap'] * 1000:.0f} ms, {run['gap_at']:.2f} s "
            f"after opening, {run['gap_where']} (GUI thread's own CPU in the busiest interval: "
            f"{run['gap_cpu'] * 1000:.0f} ms); window CPU {run['cpu']:.1f} s"
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"window process peak memory: {peak:.0f} MB")
    print("targets (quiet machine): text ≤ 0.5 s, first highlights ≤ 3 s, largest gap ≤ 100 ms")


if __name__ == "__main__":
    main()
