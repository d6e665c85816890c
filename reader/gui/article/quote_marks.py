"""Where the quotes are in the article view: the bars beside quoted text, which quote is under
a point (for the speaker on hover and a click that selects it in the quote panel), and the
outline round the antecedent of the selected quote's speaker (the name a "he" stands for)."""

from __future__ import annotations

from bisect import bisect_right

from PySide6.QtCore import QPoint, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QTextCursor
from PySide6.QtWidgets import QTextEdit

from reader.core.model import Quote
from reader.gui.article.offsets import OffsetMap

BAR_WIDTH = 3
BAR_GAP = 12  # pixels between the bar and the text column
OUTLINE_WIDTH = 2.0  # the antecedent's outline: a frame, unlike any mention's underline


class QuoteMarks:
    """The quoted stretches as document ranges in order, each with its quote."""

    def __init__(self) -> None:
        self._ranges: list[tuple[int, int, Quote]] = []
        self._starts: list[int] = []
        self.visible = True
        self.antecedent: tuple[int, int] | None = None  # document positions, start and end

    def set_quotes(self, quotes: tuple[Quote, ...], offsets: OffsetMap) -> None:
        """Index the quotes' fragments (character offsets into the article) once per analysis."""
        ranges = []
        for quote in quotes:
            for start, end in quote.fragments or ((quote.start, quote.end),):
                ranges.append((*offsets.range_to_document(start, end), quote))
        ranges.sort(key=lambda item: item[0])
        self._ranges = ranges
        self._starts = [start for start, _, _ in ranges]

    def quote_at(self, position: int) -> Quote | None:
        """The quote whose quoted text holds this document position (its end included)."""
        index = bisect_right(self._starts, position) - 1
        if index >= 0 and position <= self._ranges[index][1]:
            return self._ranges[index][2]
        return None

    def quote_at_point(self, view: QTextEdit, point: QPoint) -> Quote | None:
        """The quote at a viewport point: on its text, or on its bar left of the column."""
        margin = view.document().rootFrame().frameFormat().leftMargin()
        left = int(margin) - view.horizontalScrollBar().value()
        if left - BAR_GAP - BAR_WIDTH - 4 <= point.x() < left:  # on the bar: its line's quote
            first = view.cursorForPosition(QPoint(0, point.y())).position()
            last = view.cursorForPosition(QPoint(view.viewport().width(), point.y())).position()
            for rect, quote in self.bar_rects(view, first, last):
                if rect.top() <= point.y() <= rect.bottom():
                    return quote
            return None
        scroll = QPoint(view.horizontalScrollBar().value(), view.verticalScrollBar().value())
        layout = view.document().documentLayout()
        position = layout.hitTest(point + scroll, Qt.HitTestAccuracy.ExactHit)
        return self.quote_at(position) if position >= 0 else None

    def bar_rects(self, view: QTextEdit, first: int, last: int) -> list[tuple[QRect, Quote]]:
        """The bars of the stretches between document positions first and last, in viewport
        coordinates: from the top of a stretch's first line to the bottom of its last."""
        margin = view.document().rootFrame().frameFormat().leftMargin()
        x = int(margin) - view.horizontalScrollBar().value() - BAR_GAP
        index = max(0, bisect_right(self._starts, first) - 1)
        rects = []
        cursor = QTextCursor(view.document())
        while index < len(self._ranges) and self._ranges[index][0] <= last:
            start, end, quote = self._ranges[index]
            index += 1
            if end < first:
                continue
            cursor.setPosition(start)
            top = view.cursorRect(cursor).top()
            cursor.setPosition(end)
            bottom = view.cursorRect(cursor).bottom()
            rects.append((QRect(x, top, BAR_WIDTH, bottom - top + 1), quote))
        return rects

    def paint(self, view: QTextEdit, colour: QColor) -> None:
        """Draw the bars of the quotes in sight, and the antecedent's outline."""
        if not (self.visible and self._ranges) and self.antecedent is None:
            return
        viewport = view.viewport()
        painter = QPainter(viewport)
        if self.visible and self._ranges:
            first = view.cursorForPosition(QPoint(0, 0)).position()
            last = view.cursorForPosition(QPoint(viewport.width(), viewport.height())).position()
            for rect, _ in self.bar_rects(view, first, last):
                painter.fillRect(rect, colour)
        if self.antecedent is not None:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(colour, OUTLINE_WIDTH))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for rect in span_rects(view, *self.antecedent):
                painter.drawRoundedRect(rect.adjusted(-2, 0, 2, 0), 3, 3)
        painter.end()


def span_rects(view: QTextEdit, start: int, end: int) -> list[QRectF]:
    """The rectangles a stretch of the document (positions start..end) covers, one per line it
    is laid out on, in viewport coordinates."""
    document = view.document()
    scroll = QPoint(view.horizontalScrollBar().value(), view.verticalScrollBar().value())
    rects = []
    block = document.findBlock(start)
    while block.isValid() and block.position() < end:
        layout = block.layout()
        origin = layout.position() - scroll.toPointF()
        for number in range(layout.lineCount()):
            line = layout.lineAt(number)
            first = max(start - block.position(), line.textStart())
            last = min(end - block.position(), line.textStart() + line.textLength())
            if first >= last:
                continue
            left, right = line.cursorToX(first)[0], line.cursorToX(last)[0]
            top = origin.y() + line.y()
            rects.append(QRectF(origin.x() + left, top, right - left, line.height()))
        block = block.next()
    return rects
