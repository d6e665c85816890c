"""The Library's charts are drawn off the GUI thread: a chart given is drawn on the charts
lane into an image and shown when it arrives (`drawn`), never at once on the GUI thread; a
click on a bar gives its index; a newer request wins over an older one."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor

from reader.core.render.charts import LIGHT, draw_bars
from reader.gui.library.charts import ChartView

ROOT = Path(__file__).resolve().parents[3]
WAIT_MS = 30_000
BARS = [("Ada Lovelace", 3), ("Tom Baker", 1)]


def bars_of(items):
    return lambda figure, colours: draw_bars(figure, items, colours)


def shown_view(qtbot) -> ChartView:
    view = ChartView("Who gets quoted")
    qtbot.addWidget(view)
    view.resize(400, 200)
    view.show()
    return view


def test_a_chart_is_drawn_off_the_gui_thread_and_appears_by_signal(qtbot):
    view = shown_view(qtbot)
    with qtbot.wait_signal(view.drawn, timeout=WAIT_MS):
        view.show_chart(bars_of(BARS), 120)
        assert view.image is None and view.bars == ()  # nothing drawn on the GUI thread
    assert view.image is not None and len(view.bars) == 2
    assert view.image.deviceIndependentSize().toSize() == view.size()
    first, second = view.bars
    assert first.top() < second.top() and first.width() > second.width()  # 3 above 1
    x, y = view.bar_centre(0)
    assert view.image.pixelColor(
        round(x * view.image.devicePixelRatio()), round(y * view.image.devicePixelRatio())
    ) == QColor(LIGHT.bar)


def test_a_click_on_a_bar_gives_its_index(qtbot):
    view = shown_view(qtbot)
    with qtbot.wait_signal(view.drawn, timeout=WAIT_MS):
        view.show_chart(bars_of(BARS), 120)
    x, y = view.bar_centre(1)
    with qtbot.wait_signal(view.bar_clicked, timeout=WAIT_MS) as clicked:
        qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=QPoint(x, y))
    assert clicked.args == [1]
    with qtbot.assert_not_emitted(view.bar_clicked):
        qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=QPoint(2, 2))


def test_only_the_latest_chart_asked_for_is_shown(qtbot):
    view = shown_view(qtbot)
    with qtbot.wait_signal(view.drawn, timeout=WAIT_MS):
        view.show_chart(bars_of(BARS), 120)
        view.show_chart(bars_of(BARS[:1]), 120)
    qtbot.wait(50)  # an older image arriving late would show now; none does
    assert len(view.bars) == 1


def test_a_hidden_chart_is_drawn_when_shown(qtbot):
    view = ChartView("Over time")
    qtbot.addWidget(view)
    view.resize(400, 200)
    view.show_chart(bars_of(BARS), 120)
    qtbot.wait(50)  # the event loop runs: a hidden chart is not drawn
    assert view.image is None
    with qtbot.wait_signal(view.drawn, timeout=WAIT_MS):
        view.show()
    assert len(view.bars) == 2


SCRIPT = textwrap.dedent(
    """
    import sys, threading
    loads = []
    sys.addaudithook(
        lambda event, args: event == "import" and args[0].split(".")[0] == "matplotlib"
        and loads.append((args[0], threading.current_thread() is threading.main_thread()))
    )
    from PySide6.QtWidgets import QApplication
    from reader.core.render.charts import draw_bars
    from reader.gui.library.charts import ChartView
    app = QApplication([])
    view = ChartView("chart")
    view.resize(300, 150)
    view.show()
    view.drawn.connect(app.quit)
    view.show_chart(lambda figure, colours: draw_bars(figure, [("A", 2)], colours), 100)
    app.exec()
    on_gui = sorted({name for name, main in loads if main})
    print(len(view.bars), len(loads), on_gui)
    """
)


def test_matplotlib_is_never_imported_on_the_gui_thread_real_thread():
    """In a fresh process (matplotlib not imported yet): every matplotlib module is loaded
    on the charts lane's thread, none on the GUI thread, and the chart is drawn."""
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=environment,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    bars, loads, on_gui = result.stdout.split(maxsplit=2)
    assert bars == "1" and int(loads) > 50  # matplotlib is many modules, all loaded
    assert on_gui.strip() == "[]"
