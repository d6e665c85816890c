"""A vertical scroll bar with ticks: where the followed entity's mentions are in the article."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QScrollBar, QStyle, QStyleOptionSlider, QWidget


class MarkedScrollBar(QScrollBar):
    """Draws a tick across the groove at each mark (a fraction 0-1 of the document's height)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.marks: list[float] = []
        self._colour_for: Callable[[QPalette], QColor] = lambda _palette: QColor()

    def set_marks(self, fractions: list[float], colour_for: Callable[[QPalette], QColor]) -> None:
        """Ticks at `fractions`, in the colour `colour_for` gives for the palette at paint time
        (so a new theme recolours them)."""
        self.marks = sorted(min(1.0, max(0.0, f)) for f in fractions)
        self._colour_for = colour_for
        self.update()

    def colour(self) -> QColor:
        return self._colour_for(self.palette())

    def groove(self) -> QRect:
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        return self.style().subControlRect(
            QStyle.ComplexControl.CC_ScrollBar,
            option,
            QStyle.SubControl.SC_ScrollBarGroove,
            self,
        )

    def tick_rows(self) -> list[int]:
        """The pixel rows the ticks are drawn on, one per row however many marks share it."""
        groove = self.groove()
        rows = {groove.top() + round(f * max(0, groove.height() - 2)) for f in self.marks}
        return sorted(rows)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.marks:
            return
        groove = self.groove()
        colour = self.colour()
        painter = QPainter(self)
        for row in self.tick_rows():
            painter.fillRect(QRect(groove.left() + 2, row, groove.width() - 4, 2), colour)
        painter.end()
