"""The Library's tables at scale: rows handed to the view a page at a time, while sorting and
filtering look at every record, and a record found by its position has a valid index."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QWidget

from reader.gui.library.paged_model import PAGE, Column
from reader.gui.library.tables import record_at, record_table

ROWS = 2 * PAGE + 17


@dataclass(frozen=True)
class Row:
    name: str
    count: int | None


COLUMNS = (
    Column("Name", lambda r: r.name),
    Column("Count", lambda r: "" if r.count is None else str(r.count), lambda r: r.count),
)


@pytest.fixture
def table(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    view = record_table(parent, COLUMNS, "Rows")
    view.records.set_records(
        [Row(f"row {i:04d}", None if i % 100 == 7 else (i * 37) % ROWS) for i in range(ROWS)]
    )
    yield view  # the parent lives as long as the test


def names(view) -> list[str]:
    model = view.model()
    return [record_at(model.index(row, 0)).name for row in range(model.rowCount())]


def test_rows_come_a_page_at_a_time(table):
    model = table.model()
    assert model.rowCount() == PAGE
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 2 * PAGE
    model.fetchMore(QModelIndex())
    assert model.rowCount() == ROWS
    assert not model.canFetchMore(QModelIndex())
    assert len(table.records.records()) == ROWS


def test_sorting_orders_every_record_not_only_the_page_shown(table):
    table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    counts = [r.count for r in table.records.records()]
    known = [c for c in counts if c is not None]
    assert known == sorted(known) and counts[len(known) :] == [None] * (ROWS - len(known))
    assert record_at(table.model().index(0, 0)).count == 0  # the smallest of all, not of a page
    table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert names(table)[:2] == [f"row {ROWS - 1:04d}", f"row {ROWS - 2:04d}"]
    table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    assert names(table)[:2] == ["row 0000", "row 0001"]


def test_the_filter_finds_records_beyond_the_first_page(table):
    table.model().setFilterFixedString("ROW 10")
    assert names(table) == [f"row {i}" for i in range(1000, ROWS)]
    table.records.set_records([Row(f"row {i:04d}", 0) for i in range(ROWS)])  # filter kept
    assert names(table) == [f"row {i}" for i in range(1000, ROWS)]
    table.model().setFilterFixedString("")
    assert table.model().rowCount() == ROWS


def test_a_selected_record_stays_selected_when_sorted(table):
    table.selectRow(3)
    table.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # row 0003 (count 111) stays shown
    (selected,) = table.selectionModel().selectedRows()
    assert record_at(selected).name == "row 0003" and 3 < selected.row() < PAGE


def test_a_record_found_by_its_position_has_a_valid_index(table):
    position = next(i for i, r in enumerate(table.records.records()) if r.name == "row 1010")
    index = table.model().mapFromSource(table.records.index(position, 0))
    assert index.isValid() and record_at(index).name == "row 1010"


def _replaced(view, position: int, row: Row) -> tuple:
    records = list(view.records._records)  # in the given order, as the lane reads them
    records[position] = row
    return tuple(records)


def test_rows_changed_in_place_keep_the_view_and_widen_a_column_for_them_alone(table, qtbot):
    source = table.records
    table.selectRow(3)
    resets, changed = [], []
    source.modelReset.connect(lambda: resets.append(True))
    source.dataChanged.connect(lambda first, _last: changed.append(first.row()))
    width = table.content_widths[0]
    longer = Row("row 0003, now analysed, with a title far longer than any other", 9)

    with qtbot.wait_signal(source.updated) as updated:
        source.set_records(_replaced(table, 3, longer), changed=(3,))
    assert updated.args == [(longer,)]
    assert resets == [] and changed == [3]
    assert record_at(table.currentIndex()) == longer  # still selected, now the new record
    assert table.content_widths[0] > width  # fitted to the longer title
    table.model().setFilterFixedString("far longer")
    assert names(table) == [longer.name]  # the filter reads the new record's text


def test_a_row_whose_sort_value_changed_moves_in_place(table):
    table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    first = names(table)[0]
    resets = []
    table.records.modelReset.connect(lambda: resets.append(True))
    table.records.set_records(_replaced(table, 5, Row("zzz last made first", 1)), changed=(5,))
    assert names(table)[:2] == ["zzz last made first", first]
    assert resets == []


def test_a_list_of_another_length_or_without_changes_said_resets_the_model(table):
    resets = []
    table.records.modelReset.connect(lambda: resets.append(True))
    table.records.set_records(table.records._records[:-1], changed=(0,))
    table.records.set_records(_replaced(table, 0, Row("new", 1)))
    assert resets == [True, True]
