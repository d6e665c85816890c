"""The pieces around the article view: legend, follow bar, find bar, entity and quote panels."""

from __future__ import annotations

from collections import Counter
from html import escape

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.model import Analysis, Entity, Kind, Quote
from reader.core.render.palette import STYLES
from reader.core.render.roles import role_text
from reader.gui.article.article_view import is_dark
from reader.gui.article.models import (
    UNNAMED,
    EntityFilterProxy,
    EntityListModel,
    QuoteFilterProxy,
    QuoteListModel,
)
from reader.gui.article.rows import item_list
from reader.gui.article.swatches import quote_icon, swatch_icon

_PRESSES = (
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
)


def heading_label(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


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
    """The three kinds with their counts and the quote marks; each chip toggles its highlights.

    An off chip looks off (a hollow swatch, quieter text) and says so to assistive technology
    (checkable, with "hidden" in its accessible description).
    """

    kinds_changed = Signal(frozenset)  # the hidden kinds
    quotes_toggled = Signal(bool)  # quote marks shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.setSpacing(6)
        self.buttons: dict[Kind, QToolButton] = {}
        for kind in Kind:
            self.buttons[kind] = self._chip(layout)
            self.buttons[kind].toggled.connect(self._emit)
        self.quotes_chip = self._chip(layout)
        self.quotes_chip.toggled.connect(self.quotes_toggled.emit)
        layout.addStretch(1)
        self.status = QLabel(self)
        self.status.setObjectName("legendStatus")
        layout.addWidget(self.status)
        self._counts: tuple[Counter[Kind], Counter[Kind]] | None = None  # entities, mentions
        self._quote_count: int | None = None
        self.set_counts(None)

    def _chip(self, layout: QHBoxLayout) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName("legendChip")
        button.setCheckable(True)
        button.setChecked(True)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        button.toggled.connect(self._refresh)
        layout.addWidget(button)
        return button

    def set_counts(self, analysis: Analysis | None, quotes: int | None = None) -> None:
        """Entities per kind on the chips (as the entity list counts them), mentions in their
        descriptions, the number of quotes; None: not analysed yet."""
        kinds = Counter(e.kind for e in analysis.entities) if analysis else Counter()
        self._counts = (kinds, analysis.kind_counts()) if analysis else None
        self._quote_count = quotes
        self._refresh()

    def _refresh(self) -> None:
        dark = is_dark(self.palette())
        for kind, button in self.buttons.items():
            style = STYLES[kind]
            number = "" if self._counts is None else f"  {self._counts[0].get(kind, 0)}"
            underline = {"double": "dotted"}.get(style.underline_style, style.underline_style)
            mentions = "" if self._counts is None else f", {self._counts[1].get(kind, 0)} mentions"
            what = f"the highlights of {style.plural.lower()} ({underline} underline{mentions})"
            _show_state(button, f"{style.plural}{number}", what)
            button.setIcon(swatch_icon(kind, dark, hollow=not button.isChecked()))
        number = "" if self._quote_count is None else f"  {self._quote_count}"
        _show_state(self.quotes_chip, f"Quotes{number}", "the bars beside quoted text")
        self.quotes_chip.setIcon(
            quote_icon(self.palette(), hollow=not self.quotes_chip.isChecked())
        )

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._refresh()

    def hidden_kinds(self) -> frozenset[Kind]:
        return frozenset(kind for kind, b in self.buttons.items() if not b.isChecked())

    def _emit(self) -> None:
        self.kinds_changed.emit(self.hidden_kinds())


def _show_state(button: QToolButton, text: str, what: str) -> None:
    """Label a legend chip with its state, for the eye and for assistive technology."""
    on = button.isChecked()
    button.setText(text)
    button.setAccessibleName(text)
    button.setAccessibleDescription(f"{'Shown' if on else 'Hidden'}: {what}")
    button.setToolTip(f"{'Hide' if on else 'Show'} {what}")


class FollowBar(QWidget):
    """Shown while an entity is followed: its name, "3 / 7", previous/next and clear."""

    previous_requested = Signal()
    next_requested = Signal()
    clear_requested = Signal()
    following = Signal(object)  # the entity shown, or None once the bar is hidden

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
        self._entity: Entity | None = None

    def show_entity(self, entity: Entity) -> None:
        self._entity = entity
        self.swatch.setPixmap(swatch_icon(entity.kind, is_dark(self.palette())).pixmap(14, 14))
        said = f" · {escape(role)}" if (role := role_text(entity)) else ""  # its stated role
        self.name.setText(f"<b>{entity.name}</b> · {STYLES[entity.kind].label}{said}")
        self.show()
        self.following.emit(entity)

    def hide(self) -> None:
        """Hidden on purpose (not with its tab): nothing is followed any more."""
        super().hide()
        self._entity = None
        self.following.emit(None)

    def changeEvent(self, event: QEvent) -> None:
        """A new theme: the swatch redrawn in its colours."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._entity is not None:
            dark = is_dark(self.palette())
            self.swatch.setPixmap(swatch_icon(self._entity.kind, dark).pixmap(14, 14))

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
        self.list.viewport().installEventFilter(self)
        layout.addWidget(self.title)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt)
        """A right-click on a row opens its menu only: the press would make the row current,
        and a current row is followed."""
        if (
            watched is self.list.viewport()
            and event.type() in _PRESSES
            and isinstance(event, QMouseEvent)
            and event.button() != Qt.MouseButton.LeftButton
        ):
            return True
        return super().eventFilter(watched, event)

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
    """The quotes with their speakers, filterable by speaker; long quotes elided.

    The speaker filter lists the entities that speak (people, organizations, countries: speakers
    with a key), most quoted first, and puts every speaker the article does not name (a
    pronoun that leads nowhere, "officials", no speaker found) under one entry.
    """

    ALL_SPEAKERS = "All speakers"
    filtered = Signal()  # the rows shown changed (speaker or followed entity)

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
        self.proxy.set_speaker(None)  # before the new rows come, so they are filtered once
        self.model = QuoteListModel(analysis.quotes, parent=self, text=analysis.article.text)
        self.proxy.setSourceModel(self.model)
        names = {entity.key: entity.name for entity in analysis.entities}
        self.proxy.set_named(frozenset(names))
        speakers = Counter(
            q.speaker.key
            for q in analysis.quotes
            if q.speaker is not None and q.speaker.key in names
        )
        unnamed = len(analysis.quotes) - sum(speakers.values())
        self.speaker.blockSignals(True)
        self.speaker.clear()
        self.speaker.addItem(self.ALL_SPEAKERS, None)
        for key, count in sorted(speakers.items(), key=lambda item: (-item[1], names[item[0]])):
            self.speaker.addItem(f"{names[key]} ({count})", key)
        if unnamed:
            self.speaker.addItem(f"Unnamed speakers ({unnamed})", UNNAMED)
        self.speaker.blockSignals(False)
        self.refresh()

    def set_entity(self, entity: Entity | None) -> None:
        self._entity = entity
        self.proxy.set_entity(self._analysis, entity.key if entity else None)
        self.refresh()

    def _on_speaker(self, index: int) -> None:
        self.proxy.set_speaker(self.speaker.itemData(index))
        self.refresh()

    def show_all_speakers(self) -> None:
        self.speaker.setCurrentIndex(0)

    def row_of(self, quote: Quote | None) -> QModelIndex:
        """The shown row of a quote (invalid when it is filtered out or None)."""
        if quote is None or quote not in self.model.quotes:
            return QModelIndex()
        return self.proxy.mapFromSource(self.model.index(self.model.quotes.index(quote), 0))

    def show_marked(self, quote: Quote | None) -> None:
        """Select the quote the text marks (none: no selection), so list and text agree."""
        index = self.row_of(quote)
        selection = self.list.selectionModel()
        if index.isValid():
            selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.list.scrollTo(index)
        else:
            selection.clear()

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
            message = f"No quotes attributed to {self._entity.name} or naming them."
        else:
            message = "No quotes by this speaker."
        self.empty.setText(message)
        self.empty.setVisible(shown == 0)
        self.list.setVisible(shown > 0)
        self.speaker.setEnabled(total > 0)
        self.filtered.emit()
