"""The Library's table model at 10,000 rows (issue 25, deliverable 3): rows handed to the view a
page at a time (`canFetchMore`/`fetchMore`), sorted and filtered in Python over all records.

A QSortFilterProxyModel sorting by itself asks the model for two values per comparison and
filters by asking for every column of every row: from C++ into Python, about a second for
10,000 rows on each header click or keystroke. Here the model sorts its records once with
Python's own sort (each value computed once), and the proxy filters with one text per record
made once; the proxy only passes rows through.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)

Index = QModelIndex | QPersistentModelIndex
RECORD_ROLE = Qt.ItemDataRole.UserRole + 20
SORT_ROLE = Qt.ItemDataRole.UserRole + 21
PAGE = 500  # rows handed to the view at a time: a screenful many times over


@dataclass(frozen=True)
class Column:
    """One column: its header, the text shown for a record, and the value it sorts by;
    `marked`, if given, is the part of the text shown in bold and always in view ([start, end)
    in characters into it: a search's match, `reader.gui.library.match_cells`)."""

    header: str
    text: Callable[[Any], str]
    sort: Callable[[Any], Any] | None = None
    tooltip: Callable[[Any], str] | None = None
    numeric: bool = False
    marked: Callable[[Any], tuple[int, int]] | None = None


class RecordTableModel(QAbstractTableModel):
    """Rows are immutable records in the order of the sort column (the given order for -1); a
    new list replaces the old one whole (model reset), keeping the sort. Only the first rows
    are shown until the view fetches more."""

    updated = Signal(tuple)  # the records replaced in place by `set_records`

    def __init__(self, columns: Sequence[Column], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self._records: tuple[Any, ...] = ()
        self._order: list[int] = []  # row -> index into _records
        self._shown = 0
        self._sort: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)
        self._texts: list[str] | None = None  # per record: its columns' texts, casefolded

    def set_records(self, records: Sequence[Any], changed: Sequence[int] | None = None) -> None:
        """Show `records`. With `changed` (the positions at which they differ from the records
        shown, of the same length: an article analysed, its counts read again), those rows are
        replaced in place: the view keeps its scroll, selection and column widths, the sort is
        redone only if a sort value changed, and `updated` carries the changed records (to fit
        the columns to them alone). Else the model is reset."""
        records = tuple(records)
        if changed is None or len(records) != len(self._records):
            self.beginResetModel()
            self._records = records
            self._order = self._sorted()
            self._shown = min(PAGE, len(self._records))
            self._texts = None
            self.endResetModel()
            return
        before, self._records = self._records, records
        if not changed:
            return
        for i in changed if self._texts is not None else ():
            self._texts[i] = self._text_of(records[i])
        column = self._sort[0]
        if 0 <= column < len(self.columns) and any(
            _sort_value(self.columns[column], before[i])
            != _sort_value(self.columns[column], records[i])
            for i in changed
        ):
            self.arrange(*self._sort)  # the rows move; the selection follows its record
        else:
            row_of = {position: row for row, position in enumerate(self._order)}
            last = len(self.columns) - 1
            for row in sorted(row_of[i] for i in changed):
                if row < self._shown:
                    self.dataChanged.emit(self.index(row, 0), self.index(row, last))
        self.updated.emit(tuple(records[i] for i in changed))

    def records(self) -> tuple[Any, ...]:
        """Every record (shown yet or not) in row order."""
        return tuple(self._records[i] for i in self._order)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def canFetchMore(self, parent: Index) -> bool:  # noqa: N802 (Qt's name)
        return not parent.isValid() and self._shown < len(self._records)

    def fetchMore(self, parent: Index) -> None:  # noqa: N802 (Qt's name)
        self.fetch_to(self._shown + PAGE - 1)

    def fetch_to(self, row: int) -> None:
        """Show the rows up to `row` (a page more when the view scrolls to the end)."""
        end = min(row + 1, len(self._records))
        if end > self._shown:
            self.beginInsertRows(QModelIndex(), self._shown, end - 1)
            self._shown = end
            self.endInsertRows()

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        """A row not shown yet is fetched first, so a record found by its position in
        `records()` has a valid index."""
        if not parent.isValid() and self._shown <= row < len(self._records):
            self.fetch_to(row)
        return super().index(row, column, parent)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._shown:
            return None
        record, column = self._records[self._order[index.row()]], self.columns[index.column()]
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
                return _sort_value(column, record)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header
        return None

    # -- sorting and filtering over every record

    def arrange(self, column: int, order: Qt.SortOrder) -> None:
        """Sort by `column` (-1: the given order); a selected row follows its record while it
        stays among the rows shown."""
        self.layoutAboutToBeChanged.emit()
        before = self._order
        self._sort = (column, order)
        self._order = self._sorted()
        row_of = {record: row for row, record in enumerate(self._order)}
        old = self.persistentIndexList()
        new = []
        for index in old:
            row = row_of[before[index.row()]]
            new.append(
                self.createIndex(row, index.column()) if row < self._shown else QModelIndex()
            )
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def _sorted(self) -> list[int]:
        """Record indices by the sort column's values, unknown ones (None) after known ones
        when ascending, stable as Qt's own sort."""
        column, order = self._sort
        rows = list(range(len(self._records)))
        if not 0 <= column < len(self.columns):
            return rows
        spec = self.columns[column]
        values = [_sort_value(spec, record) for record in self._records]
        descending = order == Qt.SortOrder.DescendingOrder
        try:
            rows.sort(key=lambda i: (values[i] is None, values[i]), reverse=descending)
        except TypeError:  # values of mixed types compare as text
            rows.sort(key=lambda i: (values[i] is None, str(values[i])), reverse=descending)
        return rows

    def matches(self, row: int, needle: str) -> bool:
        """Whether any column of the row's record contains `needle` (casefolded)."""
        if self._texts is None:
            self._texts = [self._text_of(record) for record in self._records]
        return needle in self._texts[self._order[row]]

    def _text_of(self, record: Any) -> str:
        """What the filter looks into: every column's text, casefolded."""
        return "\0".join(column.text(record) for column in self.columns).casefold()

    def show_all(self) -> None:
        self.fetch_to(len(self._records) - 1)


def _sort_value(column: Column, record: Any) -> Any:
    value = (column.sort or column.text)(record)
    return value.casefold() if isinstance(value, str) else value


class RecordFilterProxy(QSortFilterProxyModel):
    """Passes the rows of a RecordTableModel through, in its order: a header click sorts the
    model (`RecordTableModel.arrange`), and the filter keeps the rows whose any column contains
    the typed text (case ignored), over every record."""

    def __init__(self, source: RecordTableModel, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self._source = source
        self._needle = ""
        source.modelReset.connect(self._new_records)

    def _new_records(self) -> None:
        """New records under a filter: all of them are filtered, not the first page only."""
        if self._needle:
            self._source.show_all()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._source.arrange(column, order)

    def setFilterFixedString(self, pattern: str) -> None:  # noqa: N802 (Qt's name)
        """Keep the rows containing `pattern`; every record is looked at, not only those
        shown yet."""
        self.beginFilterChange()
        self._needle = pattern.casefold()
        if self._needle:
            self._source.show_all()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        return not self._needle or self._source.matches(source_row, self._needle)
