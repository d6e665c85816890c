"""The Library's charts in a fresh process: how long the GUI thread's event loop stalls while
the first chart brings matplotlib in (about a second to import) and while charts are drawn
(issue 24 leftover). A 5 ms timer ticks on the GUI thread; the longest gap between two ticks,
from the first `show_chart` until the last of CHARTS charts is shown, is the stall a reader
would feel. Target: no gap over TARGET_MS, since matplotlib is imported and every chart drawn
on the charts lane; before, both ran on the GUI thread (gap ~2 s on the shared machine).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_first_chart.py
"""

from __future__ import annotations

import itertools
import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from reader.core.render.charts import draw_bars
from reader.gui.library.charts import ChartView

TARGET_MS = 100.0
CHARTS = 3  # the first, then two more (a new sort, a new snapshot)
BARS = [(f"Speaker {n}", 20 - n) for n in range(12)]


def main() -> int:
    if "matplotlib" in sys.modules:
        print("matplotlib is already imported: run in a fresh process")
        return 1
    app = QApplication([])
    view = ChartView("chart")
    view.resize(500, 300)
    view.show()
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    shown: list[float] = []

    def show(number: int) -> None:
        bars = BARS if number % 2 == 0 else BARS[::-1]
        view.show_chart(lambda figure, colours: draw_bars(figure, bars, colours), 300)

    def drawn() -> None:
        shown.append(time.perf_counter())
        if len(shown) < CHARTS:
            QTimer.singleShot(20, lambda: show(len(shown)))
        else:
            QTimer.singleShot(20, app.quit)

    def start() -> None:
        ticks.append(time.perf_counter())
        timer.start()
        show(0)

    view.drawn.connect(drawn)
    QTimer.singleShot(0, start)
    began = time.perf_counter()
    app.exec()
    gaps = [(b - a) * 1000 for a, b in itertools.pairwise(ticks) if a <= shown[-1]]
    print(f"first chart shown after {(shown[0] - began) * 1000:.0f} ms")
    later = [(b - a) * 1000 for a, b in itertools.pairwise(shown)]
    print("each later chart shown after " + ", ".join(f"{ms:.0f} ms" for ms in later))
    print(
        f"longest event-loop gap over the {CHARTS} charts: {max(gaps):.0f} ms"
        f" (target <= {TARGET_MS:.0f} ms)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
