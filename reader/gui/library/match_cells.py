"""A cell that keeps its marked part in view: a search hit's snippet drawn with the match in
bold, the text before it cut on the left and the text after it cut on the right, so the
match shows whole in a narrow column (the whole snippet is the cell's tooltip)."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from reader.gui.library.paged_model import RECORD_ROLE, Column

BEFORE_SHARE = 3  # the text before the match gets at most 1/3 of the room the match leaves
TEXT_MARGIN = 3  # pixels inside the cell on each side, as Qt's own item text has


class MatchLine(NamedTuple):
    """The three parts of a cell as drawn: before the match (cut on the left), the match,
    after it (cut on the right)."""

    before: str
    match: str
    after: str


def fit_match(
    text: str,
    marked: tuple[int, int],
    width: int,
    plain: QFontMetrics,
    bold: QFontMetrics,
) -> MatchLine:
    """`text` in `width` pixels with its [start, end) `marked` part whole when it fits: the
    text after the match takes what it needs of the room left, the text before it at least
    1/BEFORE_SHARE of that room (both elided with "…" where cut). A match wider than the
    cell is itself cut on the right, with nothing beside it."""
    start, end = marked
    before, match, after = text[:start], text[start:end], text[end:]
    match_width = bold.horizontalAdvance(match)
    if match_width >= width:
        return MatchLine("", bold.elidedText(match, Qt.TextElideMode.ElideRight, width), "")
    room = width - match_width
    after_width = plain.horizontalAdvance(after)
    before_room = max(room // BEFORE_SHARE, room - after_width)
    shown_before = plain.elidedText(before, Qt.TextElideMode.ElideLeft, before_room)
    after_room = room - plain.horizontalAdvance(shown_before)
    shown_after = plain.elidedText(after, Qt.TextElideMode.ElideRight, after_room)
    return MatchLine(shown_before, match, shown_after)


class MatchDelegate(QStyledItemDelegate):
    """Draws a Column with `marked` (see `fit_match`); any other cell as Qt draws it."""

    def __init__(self, column: Column, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._column = column

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        record = index.data(RECORD_ROLE)
        text = self._column.text(record) if record is not None else ""
        marked = self._column.marked(record) if record is not None and self._column.marked else None
        if marked is None or not 0 <= marked[0] < marked[1] <= len(text):
            super().paint(painter, option, index)
            return
        cell = QStyleOptionViewItem(option)
        self.initStyleOption(cell, index)
        cell.text = ""
        style = cell.widget.style() if cell.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, cell, painter, cell.widget)
        area = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, cell, cell.widget)
        area = area.adjusted(TEXT_MARGIN, 0, -TEXT_MARGIN, 0)
        bold_font = QFont(cell.font)
        bold_font.setBold(True)
        plain, bold = QFontMetrics(cell.font), QFontMetrics(bold_font)
        line = fit_match(text, marked, area.width(), plain, bold)
        selected = bool(cell.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setPen(cell.palette.color(role))
        painter.setClipRect(area)
        x = area.left()
        for part, font, metrics in (
            (line.before, cell.font, plain),
            (line.match, bold_font, bold),
            (line.after, cell.font, plain),
        ):
            if part:
                painter.setFont(font)
                width = metrics.horizontalAdvance(part)
                flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
                painter.drawText(QRect(x, area.top(), width, area.height()), flags, part)
                x += width
        painter.restore()
