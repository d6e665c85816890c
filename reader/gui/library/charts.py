"""A chart in the Library: the core's matplotlib drawing (`reader.core.render.charts`) on a Qt
canvas, in the theme's colours, with a click on a bar reported by its index.

matplotlib (about a second to import) is imported when a chart is first shown, never at start:
a chart given while hidden is drawn when it comes into view. A `Figure` of its own per chart,
never pyplot's global state.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from reader.core.render.charts import DARK, LIGHT, ChartColours
from reader.gui.article.mention_formats import is_dark

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from matplotlib.patches import Rectangle

Draw = Callable[["Figure", ChartColours], "list[Rectangle]"]


class ChartView(QWidget):
    """Shows what a `Draw` draws; `bar_clicked` gives the index of the bar clicked."""

    bar_clicked = Signal(int)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
        if self.isVisible():
            self._render()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._pending:
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
