"""How responsive the window is, with the real spaCy pipeline.

Prints the time from process start to the window being shown (a fresh process, as a user starts
it), then, for a long generated article opened in the window (1 MB by default), the time from
asking to open it to its text being shown, to the first highlights, to all highlights, and the
largest gap between the ticks of a 20 ms timer over all of it (reading the file, analysing,
receiving the results, highlighting, and SETTLE_SECONDS after it, when the window writes an
analysis the spaCy child did not store), where that largest gap happened, and the GUI thread's
own CPU time in its busiest interval between two ticks (what the window itself did then,
whatever the machine's load). Each run opens the article anew in the same window, with the
pipeline already loaded; the runs are made with the chunks parsed in the spaCy child alone
(one process) and in two processes, and the best full-highlight time of each and their ratio
are printed (target <= 0.6). Then a restart as a user makes it with the article open when
Reader closed (a fresh process, the article in the last session): the time from process start
to the window shown, to the article's text shown and to all highlights, and the largest gap
from the window shown on; once with the analysis in the store, once without. Wall-clock
figures: each line says the machine's load average (os.getloadavg, 1 minute) when it ended.

    QT_QPA_PLATFORM=offscreen python bench/bench_gui.py [--size CHARS] [--runs N]
"""

from __future__ import annotations

import argparse
import functools
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


def load() -> str:
    """The machine's load average over the last minute, for the line a figure is printed on."""
    return f"load {os.getloadavg()[0]:.1f}"


def child_startup(session: str | None, scratch: str | None) -> None:
    """In a fresh process: build the window as `reader` does and report when it is shown; with a
    `session` file (the article open when Reader last closed), open it as `reader` does at a
    start and report when its text and all its highlights are shown, and the largest gap."""
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from reader.gui.app import create_window, start_paths
    from reader.gui.window.settings import Settings

    app = QApplication([sys.argv[0]])
    with tempfile.TemporaryDirectory(prefix="reader-bench-") as folder:
        store = QSettings(str(Path(scratch or folder) / "settings.ini"), QSettings.Format.IniFormat)
        settings = Settings(store)
        settings.set_session([Path(session)] if session else [])
        window = create_window(settings)
        window.show()
        ticks: list[float] = []
        timer = QTimer()
        timer.setInterval(TICK_MS)
        timer.timeout.connect(lambda: ticks.append(time.time()))

        def shown() -> None:
            print(f"shown {time.time():.6f}", flush=True)
            if not session:
                window.close()
                return
            ticks.append(time.time())
            timer.start()
            tab = window.open_paths(start_paths(window, []))[0]
            tab.text_shown.connect(lambda: print(f"text {time.time():.6f}", flush=True))
            tab.analysis_shown.connect(lambda: QTimer.singleShot(0, done))

        def done() -> None:
            ticks.append(time.time())
            print(f"all {time.time():.6f}", flush=True)
            print(f"gap {max(b - a for a, b in itertools.pairwise(ticks)):.6f}", flush=True)
            window.close()

        QTimer.singleShot(0, shown)  # runs once the show has been processed
        app.exec()


def startup(session: Path | None = None, scratch: Path | None = None) -> dict[str, float]:
    """A fresh process's seconds from its start to each mark (`shown`, with a session also
    `text` and `all`), and with a session the largest gap between ticks from `shown` on."""
    started = time.time()
    command = [sys.executable, __file__, "--child-startup", str(session or ""), str(scratch or "")]
    child = subprocess.run(
        command,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")},
    )
    marks = dict(line.split() for line in child.stdout.splitlines() if line[:1].isalpha())
    figures = {mark: float(value) - started for mark, value in marks.items() if mark != "gap"}
    if "gap" in marks:
        figures["gap"] = float(marks["gap"])
    return figures


def open_runs(size: int, runs: int, processes: int, scratch: Path) -> list[dict[str, float]]:
    """Open the article `runs` times, its chunks parsed in `processes` processes; per run the
    seconds to text, first and all highlights, the largest gap, the mentions shown and the GUI
    process's CPU seconds."""
    from PySide6.QtCore import QEventLoop, QSettings
    from PySide6.QtWidgets import QApplication

    from reader.gui.app import create_window
    from reader.gui.window import dialogs
    from reader.gui.window.settings import Settings
    from reader.gui.work.remote import RemotePipeline
    from reader.gui.work.worker import PipelineRunner
    from tests.gui.articles import long_article_text

    app = QApplication.instance() or QApplication([sys.argv[0]])
    dialogs.show_error = lambda _parent, title, message: sys.exit(f"{title}: {message}")
    results = []
    store = QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat)
    runner = PipelineRunner(functools.partial(RemotePipeline, parse_processes=processes))
    window = create_window(Settings(store), runner)
    window.show()
    loop = QEventLoop()
    window.service.model_ready.connect(loop.quit)
    loop.exec()  # the pipeline is loaded; now measure opening and analysing alone
    for number in range(1, runs + 1):
        # Each run its own text, so no run is served from the store of analyses.
        article = scratch / f"long-article-{processes}-{number}.txt"
        text = f"Run {number} in {processes}\n{long_article_text(size)}"
        article.write_text(text, encoding="utf-8")
        results.append(one_run(window, article, loop))
        app.processEvents()
    window.close()
    app.processEvents()
    return results


def one_run(window, article: Path, loop) -> dict[str, float]:
    """Open the article once and wait for all its highlights and SETTLE_SECONDS more; then
    close its tab."""
    from PySide6.QtCore import QTimer

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
    ready = window.service.analysis_ready
    on_ready = ready.connect(lambda *_: marks.setdefault("received", time.perf_counter()))
    tab.analysis_shown.connect(loop.quit)
    loop.exec()
    marks["all"] = time.perf_counter()
    QTimer.singleShot(int(SETTLE_SECONDS * 1000), loop.quit)
    loop.exec()
    ticks.append(time.perf_counter())
    thread_cpu.append(time.thread_time())
    timer.stop()
    ready.disconnect(on_ready)
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
        "load": load(),
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


def print_runs(processes: int, runs: list[dict[str, float]]) -> float:
    """Print each run; returns the best full-highlight time."""
    for number, run in enumerate(runs, start=1):
        print(
            f"{processes} process{'es' if processes > 1 else ''}, run {number}: text shown "
            f"{run['text']:.2f} s, first highlights {run['first']:.2f} s, all highlights "
            f"{run['all']:.1f} s ({run['mentions']} mentions); largest gap between {TICK_MS} ms "
            f"ticks {run['gap'] * 1000:.0f} ms, {run['gap_at']:.2f} s after opening, "
            f"{run['gap_where']} (GUI thread's own CPU in the busiest interval: "
            f"{run['gap_cpu'] * 1000:.0f} ms); window CPU {run['cpu']:.1f} s; {run['load']}"
        )
    return min(run["all"] for run in runs)


def print_restart(what: str, figures: dict[str, float]) -> None:
    print(
        f"restart, {what}: window shown {figures['shown']:.2f} s, text shown "
        f"{figures['text']:.2f} s, all highlights {figures['all']:.1f} s after process start; "
        f"largest gap from the window shown on {figures['gap'] * 1000:.0f} ms; {load()}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="article size in characters")
    parser.add_argument("--runs", type=int, default=2, help="times the article is opened")
    parser.add_argument("--child-startup", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.child_startup:
        child_startup(*(value or None for value in args.child_startup))
        return
    with tempfile.TemporaryDirectory(prefix="reader-bench-") as folder:
        scratch = Path(folder)
        os.environ["READER_STORE"] = str(scratch / "store.sqlite3")  # never the user's store
        shown = startup()["shown"]
        print(f"time from process start to window shown: {shown * 1000:.0f} ms; {load()}")
        print(f"article: {args.size / 1e6:.2f} M characters (generated from the seed article)")
        best = {n: print_runs(n, open_runs(args.size, args.runs, n, scratch)) for n in (1, 2)}
        print(
            f"all highlights, best run: one process {best[1]:.1f} s, two processes "
            f"{best[2]:.1f} s, ratio {best[2] / best[1]:.2f} (target <= 0.6 on a quiet machine)"
        )
        stored = scratch / "long-article-2-1.txt"  # analysed above: in the store
        print_restart("the article's analysis stored", startup(stored, scratch))
        fresh = scratch / "never-analysed.txt"
        fresh.write_text(f"Restart\n{stored.read_text(encoding='utf-8')}", encoding="utf-8")
        print_restart("the article not analysed yet", startup(fresh, scratch))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"window process peak memory: {peak:.0f} MB")
    print("targets (quiet machine): text ≤ 0.5 s, first highlights ≤ 3 s, largest gap ≤ 100 ms")


if __name__ == "__main__":
    main()
