"""A chart in the Library: the core's matplotlib drawing (`reader.core.render.charts`) on a Qt
canvas, in the theme's colours, with a click on a bar reported by its index.

matplotlib (about a second to import) is never imported on the GUI thread: the first chart
given (shown or not) asks the `MatplotlibLoader` to import it, with a first drawing to load
its fonts, on a background lane, and every chart waiting is drawn when it says `ready`; a chart
given while hidden is drawn when it comes into view. Nothing is imported at start. A `Figure`
of its own per chart, never pyplot's global state.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from reader.core.render.charts import DARK, LIGHT, ChartColours
from reader.gui.article.mention_formats import is_dark
from reader.gui.work.background import JobControl, Lane

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from matplotlib.patches import Rectangle

Draw = Callable[["Figure", ChartColours], "list[Rectangle]"]


def _import_matplotlib(_control: JobControl) -> None:
    """On the loader's lane: import the Qt canvas and what the drawings use, then draw a
    figure with text off screen, which reads the font list (built on a first run) and a font."""
    import matplotlib.dates  # noqa: F401 (the timelines' axis)
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg  # noqa: F401
    from matplotlib.figure import Figure

    figure = Figure(figsize=(1, 1))
    figure.add_subplot().barh([0], [1])
    FigureCanvasAgg(figure).draw()


class MatplotlibLoader(QObject):
    """Imports matplotlib once, off the GUI thread; `ready` when done (`loaded` is then
    True), `failed` with a sentence when it cannot be imported."""

    ready = Signal()
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.loaded = False
        self._lane = Lane("charts", threads=1, parent=self)
        self._asked = False

    def request(self) -> bool:
        """True when matplotlib is loaded; else start loading it (once) and say False."""
        if not self.loaded and not self._asked:
            self._asked = True
            job = self._lane.submit(_import_matplotlib)
            job.result.connect(self._done)
            job.error.connect(lambda error: self.failed.emit(f"Charts cannot be drawn: {error}"))
        return self.loaded

    def _done(self, _result: None) -> None:
        self.loaded = True
        self.ready.emit()


_shared: MatplotlibLoader | None = None


def shared_loader() -> MatplotlibLoader:
    """The window's one loader (made on first use, on the GUI thread, kept for the process)."""
    global _shared
    if _shared is None:
        _shared = MatplotlibLoader()
    return _shared


class ChartView(QWidget):
    """Shows what a `Draw` draws; `bar_clicked` gives the index of the bar clicked, `drawn`
    follows each drawing. `loader` (default: the shared one) brings matplotlib in."""

    bar_clicked = Signal(int)
    drawn = Signal()

    def __init__(
        self, name: str, parent: QWidget | None = None, loader: MatplotlibLoader | None = None
    ) -> None:
        super().__init__(parent)
        self._loader = loader or shared_loader()
        self._loader.ready.connect(self._loaded)
        self._loader.failed.connect(self._cannot)
        self.setAccessibleName(name)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._draw: Draw | None = None
        self._height = 0
        self._pending = False
        self.canvas = None  # FigureCanvasQTAgg, made when first shown
        self.bars: list[Rectangle] = []

    def show_chart(self, draw: Draw | None, height: int) -> None:
        """Draw with `draw` (None: an empty chart) at `height` pixels, now or when shown."""
        self._draw = draw
        self._height = height  # set when drawn: a hidden dock's layout is left alone
        self._pending = True
        if self._loader.request() and self.isVisible():
            self._render()

    def _loaded(self) -> None:
        if self._pending and self.isVisible():
            self._render()

    def _cannot(self, message: str) -> None:
        """matplotlib cannot be imported: the chart's place says so (its table still shows
        the figures)."""
        if self.findChild(QLabel) is None:
            label = QLabel(message, self)
            label.setWordWrap(True)
            self._layout.addWidget(label)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._pending and self._loader.loaded:
            self._render()

    def changeEvent(self, event: QEvent) -> None:
        """A new theme: drawn again in its colours."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.canvas is not None:
            self._pending = True
            if self.isVisible():
                self._render()

    def _render(self) -> None:
        self._pending = False
        self.setFixedHeight(self._height)
        if self.canvas is None:
            from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
            from matplotlib.figure import Figure

            self.canvas = FigureCanvasQTAgg(Figure())
            self.canvas.mpl_connect("button_press_event", self._pressed)
            self._layout.addWidget(self.canvas)
        figure = self.canvas.figure
        figure.clear()
        colours = DARK if is_dark(self.palette()) else LIGHT
        figure.set_facecolor(self.palette().color(self.backgroundRole()).name())
        self.bars = self._draw(figure, colours) if self._draw is not None else []
        figure.patch.set_alpha(1)
        self.canvas.draw_idle()
        self.drawn.emit()

    def _pressed(self, event) -> None:
        for number, bar in enumerate(self.bars):
            if bar.contains(event)[0]:
                self.bar_clicked.emit(number)
                return

    def bar_centre(self, number: int) -> tuple[int, int]:
        """Where bar `number` is on the canvas, in the canvas's widget coordinates."""
        assert self.canvas is not None
        self.canvas.draw()
        extent = self.bars[number].get_window_extent()
        ratio = self.canvas.device_pixel_ratio
        x, y = (extent.x0 + extent.x1) / 2 / ratio, (extent.y0 + extent.y1) / 2 / ratio
        return round(x), round(self.canvas.height() - y)
