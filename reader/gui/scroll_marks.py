"""A vertical scroll bar with ticks: where the followed entity's mentions are in the article."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QScrollBar, QStyle, QStyleOptionSlider, QWidget


class MarkedScrollBar(QScrollBar):
    """Draws a tick across the groove at each mark (a fraction 0-1 of the document's height)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.marks: list[float] = []
        self.colour = QColor()

    def set_marks(self, fractions: list[float], colour: QColor) -> None:
        self.marks = sorted(min(1.0, max(0.0, f)) for f in fractions)
        self.colour = QColor(colour)
        self.update()

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
        painter = QPainter(self)
        for row in self.tick_rows():
            painter.fillRect(QRect(groove.left() + 2, row, groove.width() - 4, 2), self.colour)
        painter.end()
