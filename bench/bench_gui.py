"""How responsive the window is, with the real spaCy pipeline.

Prints the time from process start to the window being shown (a fresh process, as a user starts
it), and the largest gap between the ticks of a 20 ms timer while a long generated article is
opened, analysed and highlighted.

    QT_QPA_PLATFORM=offscreen python bench/bench_gui.py [--size CHARS]
"""

from __future__ import annotations

import argparse
import itertools
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # for tests.gui.articles, the shared long-article generator


def child_startup() -> None:
    """In a fresh process: build the window as `reader` does and report when it is shown."""
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from reader.gui.app import create_window
    from reader.gui.settings import Settings

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


def largest_gap(size: int) -> tuple[float, float, int]:
    """(largest gap, seconds until highlighted, mentions) for an article of about `size` chars."""
    from PySide6.QtCore import QEventLoop, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from reader.gui import dialogs
    from reader.gui.app import create_window
    from reader.gui.settings import Settings
    from tests.gui.articles import long_article_text

    app = QApplication.instance() or QApplication([sys.argv[0]])
    dialogs.show_error = lambda _parent, title, message: sys.exit(f"{title}: {message}")
    with tempfile.TemporaryDirectory(prefix="reader-bench-") as folder:
        scratch = Path(folder)
        article = scratch / "long-article.txt"
        article.write_text(long_article_text(size), encoding="utf-8")
        store = QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat)
        window = create_window(Settings(store))
        window.show()
        loop = QEventLoop()
        window.service.model_ready.connect(loop.quit)
        loop.exec()  # the pipeline is loaded; now measure the analysis alone

        ticks = [time.perf_counter()]
        timer = QTimer()
        timer.setInterval(20)
        timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
        timer.start()
        tab = window.open_paths([article])[0]
        tab.analysis_shown.connect(loop.quit)
        loop.exec()
        ticks.append(time.perf_counter())
        timer.stop()
        mentions = len(tab.analysis.mentions) if tab.analysis else 0
        window.close()
        app.processEvents()
    gap = max(b - a for a, b in itertools.pairwise(ticks))
    return gap, ticks[-1] - ticks[0], mentions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=300_000, help="article size in characters")
    parser.add_argument("--child-startup", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.child_startup:
        child_startup()
        return
    startup = time_to_window()
    print(f"time from process start to window shown: {startup * 1000:.0f} ms")
    gap, seconds, mentions = largest_gap(args.size)
    print(
        f"long article ({args.size // 1000} KB, {mentions} mentions) analysed and highlighted "
        f"in {seconds:.1f} s; largest gap between 20 ms timer ticks: {gap * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
