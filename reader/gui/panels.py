"""The pieces around the article view: legend, follow bar, find bar, entity and quote panels."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QIcon,
    QPainter,
    QPen,
    QPixmap,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.model import Analysis, Entity, Kind
from reader.core.palette import STYLES
from reader.gui.article_view import is_dark, scheme_for
from reader.gui.models import (
    COUNT_ROLE,
    DETAIL_ROLE,
    KIND_ROLE,
    EntityFilterProxy,
    EntityListModel,
    QuoteFilterProxy,
    QuoteListModel,
)

PEN_STYLES = {
    "solid": Qt.PenStyle.SolidLine,
    "double": Qt.PenStyle.DotLine,  # as in the view, which has no double underline
    "dotted": Qt.PenStyle.DotLine,
    "dashed": Qt.PenStyle.DashLine,
    "wavy": Qt.PenStyle.DashDotLine,
}


def paint_swatch(painter: QPainter, rect: QRect, kind: Kind, dark: bool) -> None:
    """A small sample of a kind's highlight: its background with its underline."""
    scheme = scheme_for(kind, dark)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.fillRect(rect, QColor(scheme.background))
    pen = QPen(QColor(scheme.underline), 2, PEN_STYLES[STYLES[kind].underline_style])
    painter.setPen(pen)
    painter.drawLine(rect.left(), rect.bottom() - 1, rect.right(), rect.bottom() - 1)
    painter.restore()


def swatch_icon(kind: Kind, dark: bool, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    paint_swatch(painter, QRect(0, 0, size, size), kind, dark)
    painter.end()
    return QIcon(pixmap)


def heading_label(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


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


class ItemDelegate(QStyledItemDelegate):
    """Rows of equal height: a main text and a quieter detail (kind or speaker), counts right.

    Entities: name, then kind. Quotes: speaker, then up to two lines of the quote, elided (the
    full text is in the tooltip). Equal heights let long lists lay out at once.
    """

    PADDING = 7
    COUNT_WIDTH = 40
    SWATCH = 14

    def __init__(self, parent: QWidget, quotes: bool) -> None:
        super().__init__(parent)
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
        height = QFontMetrics(main).lineSpacing() * self._body_lines
        height += QFontMetrics(detail).lineSpacing() + 2 * self.PADDING + 2
        return QSize(200, height)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        text_colour = (opt.palette.highlightedText() if selected else opt.palette.text()).color()
        quiet = QColor(text_colour)
        quiet.setAlphaF(0.72)
        main_font, detail_font = self._fonts(opt)
        main_spacing = QFontMetrics(main_font).lineSpacing()
        detail_spacing = QFontMetrics(detail_font).lineSpacing()
        rect = opt.rect.adjusted(self.PADDING, self.PADDING, -self.PADDING, -self.PADDING)
        painter.save()
        kind = index.data(KIND_ROLE)
        if kind is not None:
            swatch = QRect(rect.left(), rect.top() + 3, self.SWATCH, self.SWATCH)
            paint_swatch(painter, swatch, kind, is_dark(opt.palette))
            rect.setLeft(rect.left() + self.SWATCH + 8)
            painter.setFont(main_font)
            painter.setPen(quiet)
            count = QRect(
                rect.right() - self.COUNT_WIDTH, rect.top(), self.COUNT_WIDTH, main_spacing
            )
            painter.drawText(count, Qt.AlignmentFlag.AlignRight, str(index.data(COUNT_ROLE)))
            rect.setRight(rect.right() - self.COUNT_WIDTH - 4)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        detail = str(index.data(DETAIL_ROLE) or "")
        lines = [
            (main_font, text_colour, line, main_spacing)
            for line in elided_lines(text, main_font, rect.width(), self._body_lines)
        ]
        detail_line = (detail_font, text_colour if self._quotes else quiet, detail, detail_spacing)
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


def item_list(parent: QWidget, model: QSortFilterProxyModel, name: str, quotes: bool) -> QListView:
    """A read-only list of the panel's rows, drawn by ItemDelegate at one height for all."""
    view = QListView(parent)
    view.setModel(model)
    view.setItemDelegate(ItemDelegate(view, quotes=quotes))
    view.setUniformItemSizes(True)
    view.setAccessibleName(name)
    view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
    return view


def tool_button(parent: QWidget, text: str, tip: str, signal: Signal) -> QToolButton:
    """A small button that emits `signal`; reachable by Tab, its tip read out as its name."""
    button = QToolButton(parent)
    button.setText(text)
    button.setToolTip(tip)
    button.setAccessibleName(tip)
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    button.clicked.connect(signal.emit)
    return button


class LegendBar(QWidget):
    """The three kinds with their counts; each button toggles that kind's highlights."""

    kinds_changed = Signal(frozenset)  # the hidden kinds

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.setSpacing(6)
        dark = is_dark(self.palette())
        self.buttons: dict[Kind, QToolButton] = {}
        for kind in Kind:
            button = QToolButton(self)
            button.setObjectName("legendChip")
            button.setCheckable(True)
            button.setChecked(True)
            button.setIcon(swatch_icon(kind, dark))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.toggled.connect(self._emit)
            self.buttons[kind] = button
            layout.addWidget(button)
        layout.addStretch(1)
        self.status = QLabel(self)
        self.status.setObjectName("legendStatus")
        layout.addWidget(self.status)
        self.set_counts(None)

    def set_counts(self, counts: Counter[Kind] | None) -> None:
        for kind, button in self.buttons.items():
            style = STYLES[kind]
            number = "" if counts is None else f"  {counts.get(kind, 0)}"
            button.setText(f"{style.plural}{number}")
            underline = {"double": "dotted"}.get(style.underline_style, style.underline_style)
            button.setToolTip(
                f"Show or hide the highlights of {style.plural.lower()} ({underline} underline)"
            )

    def hidden_kinds(self) -> frozenset[Kind]:
        return frozenset(kind for kind, b in self.buttons.items() if not b.isChecked())

    def _emit(self) -> None:
        self.kinds_changed.emit(self.hidden_kinds())


class FollowBar(QWidget):
    """Shown while an entity is followed: its name, "3 / 7", previous/next and clear."""

    previous_requested = Signal()
    next_requested = Signal()
    clear_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("followBar")
        self.setAutoFillBackground(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 4, 12, 4)
        self.swatch = QLabel(self)
        self.name = QLabel(self)
        self.position = QLabel(self)
        self.position.setAccessibleName("Mention position")
        self.previous = tool_button(
            self, "‹", "Previous mention (Shift+F3)", self.previous_requested
        )
        self.next = tool_button(self, "›", "Next mention (F3)", self.next_requested)
        self.clear = tool_button(self, "Clear", "Stop following (Esc)", self.clear_requested)
        layout.addWidget(QLabel("Following", self))
        layout.addWidget(self.swatch)
        layout.addWidget(self.name)
        layout.addStretch(1)
        layout.addWidget(self.previous)
        layout.addWidget(self.position)
        layout.addWidget(self.next)
        layout.addSpacing(12)
        layout.addWidget(self.clear)

    def show_entity(self, entity: Entity) -> None:
        self.swatch.setPixmap(swatch_icon(entity.kind, is_dark(self.palette())).pixmap(14, 14))
        self.name.setText(f"<b>{entity.name}</b> · {STYLES[entity.kind].label}")
        self.show()

    def set_position(self, index: int, count: int) -> None:
        self.position.setText(f"{index + 1} / {count}")


class FindBar(QWidget):
    """Find in the article: every match shaded, Enter for the next one."""

    text_changed = Signal(str)
    next_requested = Signal()
    previous_requested = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 4, 12, 6)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText("Find in article")
        self.edit.setClearButtonEnabled(True)
        self.edit.setAccessibleName("Find in article")
        self.edit.textChanged.connect(self.text_changed.emit)
        self.edit.returnPressed.connect(self.next_requested.emit)
        self.count = QLabel(self)
        previous = tool_button(self, "‹", "Previous match", self.previous_requested)
        following = tool_button(self, "›", "Next match (Enter)", self.next_requested)
        close = tool_button(self, "Done", "Close the find bar (Esc)", self.closed)
        layout.addWidget(QLabel("Find", self))
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.count)
        layout.addWidget(previous)
        layout.addWidget(following)
        layout.addWidget(close)

    def set_count(self, current: int, total: int, capped: bool) -> None:
        if not self.edit.text():
            self.count.setText("")
        elif total == 0:
            self.count.setText("No matches")
        else:
            more = "+" if capped else ""
            self.count.setText(f"{current + 1 if current >= 0 else 0} of {total}{more}")


class EntityPanel(QWidget):
    """One row per entity with its kind and mentions, most mentioned first, with a search box."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 6, 4)
        self.title = heading_label("People, countries and organizations")
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search entities")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search entities")
        self.model = EntityListModel(parent=self)
        self.proxy = EntityFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.list = item_list(self, self.proxy, "Entities", quotes=False)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.search.returnPressed.connect(self._enter_list)
        layout.addWidget(self.title)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)

    def _enter_list(self) -> None:
        """Enter in the search box picks the first match, so the keyboard never has to leave."""
        if self.proxy.rowCount():
            self.list.setCurrentIndex(self.proxy.index(0, 0))
            self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_entities(self, entities: tuple[Entity, ...]) -> None:
        self.model = EntityListModel(entities, parent=self)
        self.proxy.setSourceModel(self.model)
        self.title.setText(f"People, countries and organizations · {len(entities)}")


class QuotePanel(QWidget):
    """The quotes with their speakers, filterable by speaker; long quotes elided."""

    ALL_SPEAKERS = "All speakers"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 6, 10)
        self.title = heading_label("Quotes")
        self.speaker = QComboBox(self)
        self.speaker.setAccessibleName("Filter quotes by speaker")
        self.speaker.addItem(self.ALL_SPEAKERS, None)
        self.model = QuoteListModel(parent=self)
        self.proxy = QuoteFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.list = item_list(self, self.proxy, "Quotes", quotes=True)
        self.list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.empty.setContentsMargins(4, 6, 4, 6)
        self.speaker.currentIndexChanged.connect(self._on_speaker)
        layout.addWidget(self.title)
        layout.addWidget(self.speaker)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty, 1)
        self._analysis: Analysis | None = None
        self._entity: Entity | None = None
        self.refresh()

    def set_analysis(self, analysis: Analysis) -> None:
        self._analysis = analysis
        self.model = QuoteListModel(analysis.quotes, parent=self)
        self.proxy.setSourceModel(self.model)
        speakers = Counter(q.speaker.name for q in analysis.quotes if q.speaker is not None)
        self.speaker.blockSignals(True)
        self.speaker.clear()
        self.speaker.addItem(self.ALL_SPEAKERS, None)
        for name, count in sorted(speakers.items(), key=lambda item: (-item[1], item[0])):
            self.speaker.addItem(f"{name} ({count})", name)
        self.speaker.blockSignals(False)
        self.proxy.set_speaker(None)
        self.refresh()

    def set_entity(self, entity: Entity | None) -> None:
        self._entity = entity
        self.proxy.set_entity(self._analysis, entity.key if entity else None)
        self.refresh()

    def _on_speaker(self, index: int) -> None:
        self.proxy.set_speaker(self.speaker.itemData(index))
        self.refresh()

    def refresh(self) -> None:
        """Update the heading and the empty-state text to what the filters leave."""
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.title.setText(
            f"Quotes · {shown}" if shown == total else f"Quotes · {shown} of {total}"
        )
        if self._analysis is None:
            message = "Quotes appear once the article is analysed."
        elif total == 0:
            message = "No direct quotes were found in this article."
        elif self._entity is not None:
            message = f"No quotes by or about {self._entity.name}."
        else:
            message = "No quotes by this speaker."
        self.empty.setText(message)
        self.empty.setVisible(shown == 0)
        self.list.setVisible(shown > 0)
        self.speaker.setEnabled(total > 0)
