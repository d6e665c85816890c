"""A chart in the Library: the core's matplotlib drawing (`reader.core.render.charts`) in the
theme's colours, with a click on a bar reported by its index.

matplotlib (about a second to import, a tenth of a second or more to draw a chart) never runs
on the GUI thread: each chart is drawn on the "charts" lane into an image (`render_chart`,
matplotlib's Agg canvas, at the widget's size and pixel ratio) with its bars' boxes, and shown
when it arrives (`drawn`); the first such job imports matplotlib there. A chart given while
hidden is drawn when it comes into view, again when its width or the theme changes; an image
older than the latest asked for is dropped. A `Figure` of its own per job, never pyplot's
global state. Nothing is imported at start.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QMouseEvent, QPainter, QPaintEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from reader.core.render.charts import DARK, LIGHT, ChartColours
from reader.gui.article.mention_formats import is_dark
from reader.gui.work.background import JobControl, Lane

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from matplotlib.patches import Rectangle

Draw = Callable[["Figure", ChartColours], "list[Rectangle]"]
DPI = 100  # matplotlib's figure.dpi, as its Qt canvas uses it: points to logical pixels
RESIZE_MS = 80  # a width change is drawn again once the resizing pauses this long
MIN_WIDTH = 40  # narrower (a widget not laid out yet): drawn when it is given a width


@dataclass(frozen=True, slots=True)
class ChartImage:
    """A chart drawn off the GUI thread: the `image` (device pixels, its pixel ratio set) and
    each bar's box in logical pixels from the image's top left, for the `request` it
    answers."""

    request: int
    image: QImage
    boxes: tuple[QRectF, ...]


def render_chart(
    _control: JobControl,
    request: int,
    draw: Draw | None,
    colours: ChartColours,
    background: str,
    size: tuple[int, int],
    ratio: float,
) -> ChartImage:
    """On the charts lane: what `draw` draws (None: nothing) on a figure of `size` logical
    pixels (width, height) at `ratio` device pixels each, on `background`."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    width, height = size
    figure = Figure(figsize=(width / DPI, height / DPI), dpi=DPI * ratio)
    canvas = FigureCanvasAgg(figure)
    figure.set_facecolor(background)
    bars = draw(figure, colours) if draw is not None else []
    figure.patch.set_alpha(1)
    canvas.draw()
    pixels = canvas.buffer_rgba()
    rows, columns = pixels.shape[0], pixels.shape[1]
    image = QImage(bytes(pixels), columns, rows, columns * 4, QImage.Format.Format_RGBA8888)
    image = image.copy()  # its own pixels, not the bytes' (freed with this frame)
    image.setDevicePixelRatio(ratio)
    boxes = []
    for bar in bars:  # matplotlib's display box: device pixels from the bottom left
        box = bar.get_window_extent()
        top = (rows - box.y1) / ratio
        boxes.append(QRectF(box.x0 / ratio, top, box.width / ratio, box.height / ratio))
    return ChartImage(request, image, tuple(boxes))


_lane: Lane | None = None


def chart_lane() -> Lane:
    """The lane every chart is drawn on (one thread; made on first use, on the GUI thread)."""
    global _lane
    if _lane is None:
        _lane = Lane("charts", threads=1)
    return _lane


class _Canvas(QWidget):
    """Paints the chart's image; a press is passed on with its position."""

    pressed = Signal(QPointF)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.image: QImage | None = None

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.image is not None:
            QPainter(self).drawImage(0, 0, self.image)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.pressed.emit(event.position())
        super().mousePressEvent(event)


class ChartView(QWidget):
    """Shows what a `Draw` draws; `bar_clicked` gives the index of the bar clicked, `drawn`
    follows each image shown."""

    bar_clicked = Signal(int)
    drawn = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.canvas = _Canvas(self)
        self.canvas.pressed.connect(self._pressed)
        self._layout.addWidget(self.canvas)
        self._draw: Draw | None = None
        self._height = 0
        self._pending = False
        self._asked = 0  # the latest request: an image for an older one is dropped
        self._drawn_width = 0
        self.bars: tuple[QRectF, ...] = ()  # each bar's box on the canvas
        # Requests wait for the event loop: the layout has then given the widget its width,
        # and several in one turn (a new snapshot, a new sort) make one drawing.
        self._soon = QTimer(self, singleShot=True, interval=0)
        self._soon.timeout.connect(self._request)
        self._resized = QTimer(self, singleShot=True, interval=RESIZE_MS)
        self._resized.timeout.connect(self._request)

    @property
    def image(self) -> QImage | None:
        """The image shown; None until the first arrives."""
        return self.canvas.image

    def show_chart(self, draw: Draw | None, height: int) -> None:
        """Draw with `draw` (None: an empty chart) at `height` pixels, now or when shown."""
        self._draw = draw
        self._height = height  # set when drawn: a hidden dock's layout is left alone
        self._pending = True
        if self.isVisible():
            self._soon.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._pending:
            self._soon.start()

    def changeEvent(self, event: QEvent) -> None:
        """A new theme: drawn again in its colours."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._asked:
            self._pending = True
            if self.isVisible():
                self._soon.start()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._asked and event.size().width() != self._drawn_width:
            self._pending = True
        if self._pending and self.isVisible():
            self._resized.start()

    def _request(self) -> None:
        """Ask the charts lane for the chart at the widget's width, in the theme's colours
        (shown and laid out: else it waits)."""
        if not self._pending or not self.isVisible() or self.width() < MIN_WIDTH:
            return
        self._pending = False
        self.setFixedHeight(self._height)
        self._asked += 1
        self._drawn_width = self.width()
        palette = self.palette()
        job = chart_lane().submit(
            render_chart,
            self._asked,
            self._draw,
            DARK if is_dark(palette) else LIGHT,
            palette.color(self.backgroundRole()).name(),
            (max(self.width(), 1), max(self._height, 1)),
            self.devicePixelRatioF(),
        )
        job.result.connect(self._arrived)
        job.error.connect(self._failed)

    def _arrived(self, chart: ChartImage) -> None:
        if chart.request != self._asked:
            return
        self.canvas.image = chart.image
        self.bars = chart.boxes
        self.canvas.update()
        self.drawn.emit()

    def _failed(self, error: BaseException) -> None:
        """The chart cannot be drawn (matplotlib missing or failing): its place says so, once
        (the table beside it still gives the figures)."""
        if self.findChild(QLabel) is None:
            label = QLabel(f"The chart cannot be drawn: {error}", self)
            label.setWordWrap(True)
            self._layout.addWidget(label)

    def _pressed(self, position: QPointF) -> None:
        for number, box in enumerate(self.bars):
            if box.contains(position):
                self.bar_clicked.emit(number)
                return

    def bar_centre(self, number: int) -> tuple[int, int]:
        """Where bar `number` is on the canvas, in the canvas's widget coordinates."""
        centre = self.bars[number].center()
        return round(centre.x()), round(centre.y())
