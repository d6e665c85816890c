"""The rows of the entity and quote lists: drawn by one delegate in colours that stay readable.

The delegate paints each row's background itself instead of leaving it to the style, because a
style or a system palette may pair white selected text with a pale selection. Every state
(plain, hover, selected, selected while the list has focus, the window inactive, disabled) gets
its background and text colours from `row_colours`, and the text always reads at 4.5:1.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QPen,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from reader.gui.article.article_view import is_dark
from reader.gui.article.models import COUNT_ROLE, DETAIL_ROLE, KIND_ROLE
from reader.gui.article.swatches import paint_swatch
from reader.gui.theme import blend, quiet, readable

_State = QStyle.StateFlag
_Role = QPalette.ColorRole


def elided_lines(text: str, font: QFont, width: int, count: int) -> list[str]:
    """`text` wrapped to `width` in at most `count` lines, the last elided if it does not fit."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    lines: list[str] = []
    end = 0
    layout.beginLayout()
    while len(lines) < count - 1:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        end = line.textStart() + line.textLength()
        lines.append(_slice16(text, line.textStart(), end).rstrip())
    layout.endLayout()
    rest = _slice16(text, end, None).strip()
    if rest:
        lines.append(QFontMetrics(font).elidedText(rest, Qt.TextElideMode.ElideRight, width))
    return lines


def _slice16(text: str, start: int, end: int | None) -> str:
    """Slice by UTF-16 positions, as Qt's text layout counts them."""
    units = text.encode("utf-16-le", "surrogatepass")
    stop = None if end is None else 2 * end
    return units[2 * start : stop].decode("utf-16-le", "surrogatepass")


@dataclass(frozen=True, slots=True)
class RowColours:
    """What one row is painted with: its background, main text, detail text and focus frame
    (None: no frame)."""

    background: QColor
    text: QColor
    detail: QColor
    frame: QColor | None


def row_colours(palette: QPalette, state: QStyle.StateFlag, list_focused: bool) -> RowColours:
    """The colours of a row in `state` (a style option's state flags).

    Selected rows are filled with the palette's highlight while the list has the keyboard
    focus, and with a pale tint of it otherwise; a hovered row gets a fainter tint. Text
    colours are the palette's own when they read at 4.5:1 on that background, else the better
    of near-black and white.
    """
    if not state & _State.State_Enabled:
        group = QPalette.ColorGroup.Disabled
    elif state & _State.State_Active:
        group = QPalette.ColorGroup.Active
    else:
        group = QPalette.ColorGroup.Inactive
    base = palette.color(group, _Role.Base)
    text = palette.color(group, _Role.Text)
    highlight = palette.color(QPalette.ColorGroup.Active, _Role.Highlight)
    selected = bool(state & _State.State_Selected)
    if selected and list_focused and group == QPalette.ColorGroup.Active:
        background = QColor(highlight)
        text = palette.color(QPalette.ColorGroup.Active, _Role.HighlightedText)
    elif selected:
        background = blend(highlight, base, 0.28)
    elif state & _State.State_MouseOver:
        background = blend(highlight, base, 0.10)
    else:
        background = QColor(base)
    main = readable(text, background)
    frame = None
    if list_focused and state & _State.State_HasFocus:
        frame = main if selected else readable(highlight, background)
    return RowColours(background, main, quiet(main, background), frame)


class ItemDelegate(QStyledItemDelegate):
    """Rows of a main text and a quieter detail (kind or speaker), counts right.

    Entities: name, then kind, all rows one height (long lists lay out at once). Quotes:
    speaker, then the quote in one or two lines as it needs, elided (the full text is in the
    tooltip).
    """

    PADDING = 7
    COUNT_WIDTH = 40
    SWATCH = 14

    def __init__(self, parent: QListView, quotes: bool) -> None:
        super().__init__(parent)
        self._view = parent
        self._quotes = quotes
        self._body_lines = 2 if quotes else 1

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        """The main text's font and the detail's font."""
        main, detail = QFont(option.font), QFont(option.font)
        detail.setPointSizeF(option.font.pointSizeF() * 0.9)
        detail.setBold(self._quotes)
        return main, detail

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        main, detail = self._fonts(option)
        lines = self._body_lines
        if self._quotes:  # one line when the quote fits in one, else two (the most shown)
            width = self._view.viewport().width() - 2 * self.PADDING
            text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
            lines = 1 if QFontMetrics(main).horizontalAdvance(text) <= width else 2
        height = QFontMetrics(main).lineSpacing() * lines
        height += QFontMetrics(detail).lineSpacing() + 2 * self.PADDING + 2
        return QSize(200, height)

    def colours(self, option: QStyleOptionViewItem) -> RowColours:
        """The colours this row is painted with (what the contrast tests check)."""
        return row_colours(option.palette, option.state, self._view.hasFocus())

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        colours = self.colours(opt)
        painter.save()
        painter.fillRect(opt.rect, colours.background)
        if colours.frame is not None:
            painter.setPen(QPen(colours.frame, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(opt.rect.adjusted(1, 1, -1, -1))
        main_font, detail_font = self._fonts(opt)
        main_spacing = QFontMetrics(main_font).lineSpacing()
        detail_spacing = QFontMetrics(detail_font).lineSpacing()
        rect = opt.rect.adjusted(self.PADDING, self.PADDING, -self.PADDING, -self.PADDING)
        kind = index.data(KIND_ROLE)
        if kind is not None:
            swatch = QRect(rect.left(), rect.top() + 3, self.SWATCH, self.SWATCH)
            paint_swatch(painter, swatch, kind, is_dark(opt.palette))
            rect.setLeft(rect.left() + self.SWATCH + 8)
            painter.setFont(main_font)
            painter.setPen(colours.detail)
            count = QRect(
                rect.right() - self.COUNT_WIDTH, rect.top(), self.COUNT_WIDTH, main_spacing
            )
            painter.drawText(count, Qt.AlignmentFlag.AlignRight, str(index.data(COUNT_ROLE)))
            rect.setRight(rect.right() - self.COUNT_WIDTH - 4)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        detail = str(index.data(DETAIL_ROLE) or "")
        lines = [
            (main_font, colours.text, line, main_spacing)
            for line in elided_lines(text, main_font, rect.width(), self._body_lines)
        ]
        detail_colour = colours.text if self._quotes else colours.detail
        detail_line = (detail_font, detail_colour, detail, detail_spacing)
        rows = [detail_line, *lines] if self._quotes else [*lines, detail_line]
        top = rect.top()
        for font, colour, line, spacing in rows:
            painter.setFont(font)
            painter.setPen(colour)
            metrics = QFontMetrics(font)
            shown = metrics.elidedText(line, Qt.TextElideMode.ElideRight, rect.width())
            painter.drawText(QRect(rect.left(), top, rect.width(), spacing), 0, shown)
            top += spacing
        painter.restore()


class ItemList(QListView):
    """A list that does not make its first row current when it merely gains focus by Tab:
    the panels act on the current row, and passing through must not start anything. The
    arrow keys then start at the first row."""

    def focusInEvent(self, event: QFocusEvent) -> None:
        if self.currentIndex().isValid():
            super().focusInEvent(event)
        else:
            QAbstractScrollArea.focusInEvent(self, event)
        self.viewport().update()  # selected rows change colour with the focus

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.viewport().update()


def item_list(parent: QWidget, model: QSortFilterProxyModel, name: str, quotes: bool) -> QListView:
    """A read-only list of the panel's rows drawn by ItemDelegate; entity rows share a height,
    quote rows are as tall as their text needs."""
    view = ItemList(parent)
    view.setModel(model)
    view.setItemDelegate(ItemDelegate(view, quotes=quotes))
    view.setUniformItemSizes(not quotes)
    if quotes:  # rows of their own heights: laid out a hundred at a time, never all at once
        view.setLayoutMode(QListView.LayoutMode.Batched)
    view.setMouseTracking(True)  # hover tint
    view.viewport().setAttribute(Qt.WidgetAttribute.WA_Hover)
    view.setAccessibleName(name)
    view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
    return view
