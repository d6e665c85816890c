"""The pieces around the article view: legend, follow bar, find bar, entity and quote panels."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QPainter, QPen, QPixmap
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


class ItemDelegate(QStyledItemDelegate):
    """Two lines per row: the main text, and a quieter detail (kind or speaker); counts right."""

    PADDING = 8

    def __init__(self, parent: QWidget, detail_first: bool) -> None:
        super().__init__(parent)
        self._detail_first = detail_first  # quotes: speaker above the quote text

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        main = QFont(option.font)
        detail = QFont(option.font)
        detail.setPointSizeF(option.font.pointSizeF() * 0.9)
        if self._detail_first:
            detail.setBold(True)
        else:
            main.setBold(False)
        return main, detail

    def _text_width(self, option: QStyleOptionViewItem, index: QModelIndex) -> int:
        width = option.rect.width() or 280
        width -= 2 * self.PADDING
        if index.data(KIND_ROLE) is not None:
            width -= 22 + 40
        return max(width, 60)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        main, detail = self._fonts(option)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        width = self._text_width(option, index)
        flags = Qt.TextFlag.TextWordWrap if self._detail_first else Qt.TextFlag.TextSingleLine
        main_height = (
            QFontMetrics(main).boundingRect(QRect(0, 0, width, 10_000), flags, text).height()
        )
        height = main_height + QFontMetrics(detail).height() + 2 * self.PADDING + 2
        return QSize(width, height)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        opt.icon = QIcon()
        widget = opt.widget
        style = widget.style() if widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette = opt.palette
        text_colour = palette.highlightedText().color() if selected else palette.text().color()
        quiet = QColor(text_colour)
        quiet.setAlphaF(0.68)
        main_font, detail_font = self._fonts(opt)
        rect = opt.rect.adjusted(self.PADDING, self.PADDING, -self.PADDING, -self.PADDING)
        painter.save()
        kind = index.data(KIND_ROLE)
        if kind is not None:
            paint_swatch(
                painter, QRect(rect.left(), rect.top() + 3, 14, 14), kind, is_dark(palette)
            )
            rect.setLeft(rect.left() + 22)
            count = index.data(COUNT_ROLE)
            painter.setFont(main_font)
            painter.setPen(quiet)
            count_rect = QRect(rect.right() - 40, rect.top(), 40, QFontMetrics(main_font).height())
            painter.drawText(
                count_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(count)
            )
            rect.setRight(rect.right() - 44)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        detail = str(index.data(DETAIL_ROLE) or "")
        detail_height = QFontMetrics(detail_font).height()
        main_metrics = QFontMetrics(main_font)
        if self._detail_first:
            painter.setFont(detail_font)
            painter.setPen(text_colour)
            painter.drawText(
                QRect(rect.left(), rect.top(), rect.width(), detail_height),
                Qt.AlignmentFlag.AlignLeft,
                detail,
            )
            painter.setFont(main_font)
            painter.setPen(quiet if not selected else text_colour)
            body = rect.adjusted(0, detail_height + 2, 0, 0)
            painter.drawText(body, Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap, text)
        else:
            painter.setFont(main_font)
            painter.setPen(text_colour)
            line = QRect(rect.left(), rect.top(), rect.width(), main_metrics.height())
            painter.drawText(
                line,
                Qt.AlignmentFlag.AlignLeft,
                main_metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width()),
            )
            painter.setFont(detail_font)
            painter.setPen(quiet)
            painter.drawText(
                QRect(rect.left(), line.bottom() + 2, rect.width(), detail_height),
                Qt.AlignmentFlag.AlignLeft,
                detail,
            )
        painter.restore()


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
            button.setCheckable(True)
            button.setChecked(True)
            button.setAutoRaise(True)
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
        self.previous = self._button("‹", "Previous mention (Shift+F3)", self.previous_requested)
        self.next = self._button("›", "Next mention (F3)", self.next_requested)
        self.clear = self._button("Clear", "Stop following (Esc)", self.clear_requested)
        layout.addWidget(QLabel("Following", self))
        layout.addWidget(self.swatch)
        layout.addWidget(self.name)
        layout.addStretch(1)
        layout.addWidget(self.previous)
        layout.addWidget(self.position)
        layout.addWidget(self.next)
        layout.addSpacing(12)
        layout.addWidget(self.clear)

    def _button(self, text: str, tip: str, signal: Signal) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        button.clicked.connect(signal.emit)
        return button

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
        previous = QToolButton(self)
        previous.setText("‹")
        previous.setToolTip("Previous match")
        previous.clicked.connect(self.previous_requested.emit)
        following = QToolButton(self)
        following.setText("›")
        following.setToolTip("Next match (Enter)")
        following.clicked.connect(self.next_requested.emit)
        close = QToolButton(self)
        close.setText("Done")
        close.setToolTip("Close the find bar (Esc)")
        close.clicked.connect(self.closed.emit)
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
        self.list = QListView(self)
        self.list.setModel(self.proxy)
        self.list.setItemDelegate(ItemDelegate(self.list, detail_first=False))
        self.list.setUniformItemSizes(True)
        self.list.setAccessibleName("Entities")
        self.list.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        layout.addWidget(self.title)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)

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
        self.list = QListView(self)
        self.list.setModel(self.proxy)
        self.list.setItemDelegate(ItemDelegate(self.list, detail_first=True))
        self.list.setWordWrap(True)
        self.list.setAccessibleName("Quotes")
        self.list.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
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
