"""Sortable, filterable tables over tuples of plain records (the library's lists)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

Index = QModelIndex | QPersistentModelIndex
RECORD_ROLE = Qt.ItemDataRole.UserRole + 20
SORT_ROLE = Qt.ItemDataRole.UserRole + 21
MAX_COLUMN_PX = 360  # a fitted column never takes more; the reader may widen it


@dataclass(frozen=True)
class Column:
    """One column: its header, the text shown for a record, and the value it sorts by."""

    header: str
    text: Callable[[Any], str]
    sort: Callable[[Any], Any] | None = None
    tooltip: Callable[[Any], str] | None = None
    numeric: bool = False


class RecordTableModel(QAbstractTableModel):
    """Rows are immutable records; a new list replaces the old one whole (model reset)."""

    def __init__(self, columns: Sequence[Column], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self._records: tuple[Any, ...] = ()

    def set_records(self, records: Sequence[Any]) -> None:
        self.beginResetModel()
        self._records = tuple(records)
        self.endResetModel()

    def records(self) -> tuple[Any, ...]:
        return self._records

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        record, column = self._records[index.row()], self.columns[index.column()]
        match role:
            case Qt.ItemDataRole.DisplayRole:
                return column.text(record)
            case Qt.ItemDataRole.ToolTipRole:
                return (column.tooltip or column.text)(record)
            case Qt.ItemDataRole.TextAlignmentRole if column.numeric:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            case _ if role == RECORD_ROLE:
                return record
            case _ if role == SORT_ROLE:
                value = (column.sort or column.text)(record)
                return value.casefold() if isinstance(value, str) else value
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header
        return None


class RecordFilterProxy(QSortFilterProxyModel):
    """Sorts by each column's sort value; the filter keeps rows whose any column contains the
    typed text (case ignored)."""

    def __init__(self, source: RecordTableModel, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self.setSortRole(SORT_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)

    def lessThan(self, left: Index, right: Index) -> bool:
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if a is None or b is None:  # unknown values (no date) sort after known ones
            return a is not None and b is None
        try:
            return a < b
        except TypeError:
            return str(a) < str(b)


def record_table(parent: QWidget, columns: Sequence[Column], name: str) -> QTableView:
    """A read-only, sortable table over a new RecordTableModel (reached as `view.records`)."""
    source = RecordTableModel(columns, parent)
    proxy = RecordFilterProxy(source, parent)
    view = QTableView(parent)
    view.setObjectName(name)
    view.setAccessibleName(name)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the given order until a header click
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    header.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.records = source  # type: ignore[attr-defined]
    view.fitted = False  # type: ignore[attr-defined]
    source.modelReset.connect(lambda: fit_columns(view))
    header.sectionResized.connect(lambda section, _old, _new: _resized(view, section))
    return view


def fit_columns(view: QTableView) -> None:
    """Each column as wide as its header and rows (at most MAX_COLUMN_PX), whenever the rows
    change, until the reader sets a width (or the widths the reader left were restored)."""
    if view.fitted or view.model().rowCount() == 0:  # type: ignore[attr-defined]
        return
    header = view.horizontalHeader()
    view.fitting = True  # type: ignore[attr-defined]
    for section in range(header.count()):
        wanted = max(view.sizeHintForColumn(section), header.sectionSizeHint(section))
        header.resizeSection(section, min(wanted, MAX_COLUMN_PX))
    view.fitting = False  # type: ignore[attr-defined]


def _resized(view: QTableView, section: int) -> None:
    """A width the reader set (not the fitting's, nor the stretched last column's) stays."""
    if not getattr(view, "fitting", False) and section < view.horizontalHeader().count() - 1:
        view.fitted = True  # type: ignore[attr-defined]


def restore_widths(view: QTableView, state: QByteArray | None) -> None:
    """The column widths the reader left (a header's saved state), kept from then on."""
    if state is not None and view.horizontalHeader().restoreState(state):
        view.fitted = True  # type: ignore[attr-defined]


def record_at(index: QModelIndex) -> Any:
    """The record on an index of a record table (through its proxy), or None."""
    return index.data(RECORD_ROLE) if index.isValid() else None
