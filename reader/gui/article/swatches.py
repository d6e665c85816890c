"""Small samples of a kind's highlight (its background with its underline), for the legend, the
entity rows and the follow bar; a hollow one stands for a kind whose highlights are hidden."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPen, QPixmap

from reader.core.model import Kind
from reader.core.render.palette import STYLES
from reader.gui.article.article_view import quote_bar_colour, scheme_for

PEN_STYLES = {
    "solid": Qt.PenStyle.SolidLine,
    "double": Qt.PenStyle.DotLine,  # as in the view, which has no double underline
    "dotted": Qt.PenStyle.DotLine,
    "dashed": Qt.PenStyle.DashLine,
    "wavy": Qt.PenStyle.DashDotLine,
}


def paint_swatch(
    painter: QPainter, rect: QRect, kind: Kind, dark: bool, hollow: bool = False
) -> None:
    """The kind's background with its underline; hollow: only an outline in the underline's
    colour, for a kind that is switched off."""
    scheme = scheme_for(kind, dark)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    if hollow:
        painter.setPen(QPen(QColor(scheme.underline), 1.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect.adjusted(1, 1, -2, -2))
    else:
        painter.fillRect(rect, QColor(scheme.background))
        pen = QPen(QColor(scheme.underline), 2, PEN_STYLES[STYLES[kind].underline_style])
        painter.setPen(pen)
        painter.drawLine(rect.left(), rect.bottom() - 1, rect.right(), rect.bottom() - 1)
    painter.restore()


def swatch_icon(kind: Kind, dark: bool, size: int = 14, hollow: bool = False) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    paint_swatch(painter, QRect(0, 0, size, size), kind, dark, hollow)
    painter.end()
    return QIcon(pixmap)


def quote_icon(palette: QPalette, size: int = 14, hollow: bool = False) -> QIcon:
    """The legend's sample of a quote mark: the bar beside a few lines (outlined when off)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    colour = quote_bar_colour(palette)
    bar = QRect(2, 0, 4, size)
    if hollow:
        painter.setPen(QPen(colour, 1))
        painter.drawRect(bar.adjusted(0, 0, -1, -1))
    else:
        painter.fillRect(bar, colour)
    text = palette.color(QPalette.ColorRole.Text)
    for y in (3, 7, 11):
        painter.fillRect(QRect(8, y, size - 9, 1), text)
    painter.end()
    return QIcon(pixmap)
