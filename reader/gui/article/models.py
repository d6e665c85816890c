"""Qt item models for the entity and quote panels, over the plain data of an Analysis."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from reader.core.model import Analysis, Entity, Quote
from reader.core.render.evidence import evidence_line, is_confirmed, is_doubtful, review_key
from reader.core.render.palette import STYLES
from reader.core.render.quote_table import shown_quote
from reader.core.render.roles import role_text

Index = QModelIndex | QPersistentModelIndex

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
COUNT_ROLE = Qt.ItemDataRole.UserRole + 3
ITEM_ROLE = Qt.ItemDataRole.UserRole + 4
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 5  # the second line a delegate shows
CONFIDENCE_ROLE = Qt.ItemDataRole.UserRole + 6  # a quote's place in "least sure first"
UNNAMED = "\x00unnamed"  # the speaker filter's choice of every speaker that is no entity


class _TupleListModel(QAbstractListModel):
    """A read-only list over an immutable tuple: the analysis never changes under a view, so a
    new analysis gets a new model instead of change signals."""

    def __init__(self, items: tuple[Any, ...] = (), parent: Any = None) -> None:
        super().__init__(parent)
        self._items = items

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def item(self, index: Index) -> Any:
        """The item on the index's row, or None for an invalid index."""
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        return self._items[index.row()]


class EntityListModel(_TupleListModel):
    """One row per entity (not per mention), in the core's order: most mentioned first."""

    def __init__(self, entities: tuple[Entity, ...] = (), parent: Any = None) -> None:
        super().__init__(entities, parent)
        self._roles = tuple(role_text(entity) for entity in entities)  # once, not per paint

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entity: Entity | None = self.item(index)
        if entity is None:
            return None
        label = STYLES[entity.kind].label
        mentions = f"{entity.count} mention{'s' if entity.count != 1 else ''}"
        said = self._roles[index.row()]  # what the article says it is (issue 21.3)
        match role:
            case Qt.ItemDataRole.DisplayRole:
                return entity.name
            case Qt.ItemDataRole.ToolTipRole:
                return f"{entity.name}\n{label} · {mentions}" + (f"\n{said}" if said else "")
            case Qt.ItemDataRole.AccessibleTextRole:
                return f"{entity.name}, {label}, {mentions}" + (f", {said}" if said else "")
            case _ if role == DETAIL_ROLE:
                return f"{label} · {said}" if said else label
            case _ if role == KEY_ROLE:
                return entity.key
            case _ if role == KIND_ROLE:
                return entity.kind
            case _ if role == COUNT_ROLE:
                return entity.count
            case _ if role == ITEM_ROLE:
                return entity
        return None

    def row_of(self, key: str) -> int:
        """The row of the entity with this key, -1 if there is none."""
        return next((row for row, e in enumerate(self._items) if e.key == key), -1)


class EntityFilterProxy(QSortFilterProxyModel):
    """The search box: entities whose name contains the typed text, any case."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterRole(Qt.ItemDataRole.DisplayRole)


class QuoteListModel(_TupleListModel):
    """The quotes of an article in text order, each with its speaker and how sure that is;
    `text` is the article's (the evidence counts sentences in it)."""

    def __init__(self, quotes: tuple[Quote, ...] = (), parent: Any = None, text: str = "") -> None:
        super().__init__(quotes, parent)
        self.quotes = quotes
        self._text = text

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        quote: Quote | None = self.item(index)
        if quote is None:
            return None
        speaker = quote.speaker.name if quote.speaker else "Unattributed"
        match role:
            case Qt.ItemDataRole.DisplayRole:
                return shown_quote(quote.text)
            case Qt.ItemDataRole.ToolTipRole:
                why = evidence_line(quote, self._text)
                why = f"<p><i>{_escape(why)}</i></p>" if why else ""
                return f"<p><b>{_escape(speaker)}</b></p>{why}<p>“{_escape(quote.text)}”</p>"
            case Qt.ItemDataRole.AccessibleTextRole:
                return f"{speaker}: {quote.text}"
            case _ if role == DETAIL_ROLE:
                if is_doubtful(quote):
                    return f"{speaker} · doubtful"
                return f"{speaker} · confirmed" if is_confirmed(quote) else speaker
            case _ if role == CONFIDENCE_ROLE:
                return review_key(quote)[0]
            case _ if role == KEY_ROLE:
                return quote.speaker.key if quote.speaker else None
            case _ if role == ITEM_ROLE:
                return quote
        return None


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class QuoteFilterProxy(QSortFilterProxyModel):
    """Quotes of the followed entity (said by it or naming it), optionally of one speaker: an
    entity's key, or UNNAMED for every quote whose speaker is no entity of the article."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._involving: frozenset[Quote] | None = None
        self._speaker: str | None = None
        self._named: frozenset[str] = frozenset()
        self.doubtful_only = False
        self.setSortRole(CONFIDENCE_ROLE)  # sort(0): least sure first; sort(-1): text order
        self._coverage: dict[int, str] = {}

    def set_coverage(self, lines: dict[int, str]) -> None:
        """Quote start -> what the collection says of it ("also in 7 articles · first …"),
        added to its row's second line and tooltip (issue 24; none outside a collection)."""
        self._coverage = lines
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, 0))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        value = super().data(index, role)
        if role in (DETAIL_ROLE, Qt.ItemDataRole.ToolTipRole) and self._coverage:
            quote = super().data(index, ITEM_ROLE)
            if quote is not None and (line := self._coverage.get(quote.start)):
                if role == DETAIL_ROLE:
                    return f"{value} · {line}"
                return f"{value}<p>{_escape(line)}</p>"
        return value

    def set_named(self, keys: frozenset[str]) -> None:
        """The keys of the article's entities: a speaker with another key (or none) is unnamed."""
        self._named = keys

    def set_entity(self, analysis: Analysis | None, key: str | None) -> None:
        """Keep only the quotes involving `key` (None: all quotes)."""
        self.beginFilterChange()
        if analysis is None or key is None:
            self._involving = None
        else:
            self._involving = frozenset(analysis.quotes_involving(key))
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_speaker(self, speaker: str | None) -> None:
        """Keep only the quotes of the speaker with this key (UNNAMED: of speakers the article
        does not name; None: any speaker)."""
        if speaker == self._speaker:
            return
        self.beginFilterChange()
        self._speaker = speaker
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_doubtful_only(self, doubtful_only: bool) -> None:
        """Keep only the quotes whose speaker is doubtful (review mode)."""
        self.beginFilterChange()
        self.doubtful_only = doubtful_only
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if self._involving is None and self._speaker is None and not self.doubtful_only:
            return True  # nothing filtered: no row needs reading (thousands on a long article)
        quote = self.sourceModel().index(source_row, 0, source_parent).data(ITEM_ROLE)
        if self._involving is not None and quote not in self._involving:
            return False
        if self.doubtful_only and not is_doubtful(quote):
            return False
        if self._speaker is None:
            return True
        key = quote.speaker.key if quote.speaker is not None else None
        if self._speaker == UNNAMED:
            return key not in self._named
        return key == self._speaker
