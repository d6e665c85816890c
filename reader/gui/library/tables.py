"""Sortable, filterable tables over tuples of plain records (the library's lists), their rows
shown a page at a time (`reader.gui.library.paged_model`)."""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QByteArray, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView, QWidget

from reader.gui.library.paged_model import (
    RECORD_ROLE,
    Column,
    RecordFilterProxy,
    RecordTableModel,
)

__all__ = ["Column", "fit_columns", "record_at", "record_table", "restore_widths"]

MAX_COLUMN_PX = 360  # a fitted column never takes more; the reader may widen it
FIT_TEXTS = 8  # a column's longest texts (in characters) measured to fit it


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
    change, until the reader sets a width (or the widths the reader left were restored). The
    longest texts of every record are measured in Python: Qt's own measure asks each cell of
    the rows it samples for a score of roles, ~0.25 s a table of 10,000 rows."""
    if view.fitted or view.model().rowCount() == 0:  # type: ignore[attr-defined]
        return
    header = view.horizontalHeader()
    source: RecordTableModel = view.records  # type: ignore[attr-defined]
    records = source.records()
    metrics = view.fontMetrics()
    margin = 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1) + 1
    view.fitting = True  # type: ignore[attr-defined]
    for section, column in enumerate(source.columns):
        longest = heapq.nlargest(FIT_TEXTS, (column.text(r) for r in records), key=len)
        wanted = max(metrics.horizontalAdvance(text) + margin for text in longest)
        header.resizeSection(
            section, min(max(wanted, header.sectionSizeHint(section)), MAX_COLUMN_PX)
        )
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
