"""The Library's charts bring matplotlib in off the GUI thread: a chart given before it is
loaded is drawn when the loader says it is ready, never at once on the GUI thread."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from reader.core.render.charts import draw_bars
from reader.gui.library.charts import ChartView, MatplotlibLoader

ROOT = Path(__file__).resolve().parents[3]
WAIT_MS = 30_000
BARS = [("Ada Lovelace", 3), ("Tom Baker", 1)]


def test_a_chart_waits_for_the_loader_and_appears_by_signal(qtbot):
    loader = MatplotlibLoader()
    view = ChartView("Who gets quoted", loader=loader)
    qtbot.addWidget(view)
    view.resize(400, 200)
    view.show()
    with qtbot.wait_signal(view.drawn, timeout=WAIT_MS):
        view.show_chart(lambda figure, colours: draw_bars(figure, BARS, colours), 120)
        assert view.canvas is None and not loader.loaded  # nothing drawn before `ready`
    assert loader.loaded and view.canvas is not None
    assert len(view.bars) == 2
    drawn: list[bool] = []
    view.drawn.connect(lambda: drawn.append(True))
    with qtbot.assert_not_emitted(loader.ready):  # loaded once: the next chart draws at once
        view.show_chart(lambda figure, colours: draw_bars(figure, BARS[:1], colours), 120)
    assert drawn == [True] and len(view.bars) == 1


def test_a_hidden_chart_is_drawn_when_shown_after_the_loader_is_ready(qtbot):
    loader = MatplotlibLoader()
    view = ChartView("Over time", loader=loader)
    qtbot.addWidget(view)
    with qtbot.wait_signal(loader.ready, timeout=WAIT_MS):
        view.show_chart(lambda figure, colours: draw_bars(figure, BARS, colours), 120)
    assert view.canvas is None  # hidden: loaded, not drawn
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
    on the loader's thread, none on the GUI thread, and the chart is drawn."""
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
