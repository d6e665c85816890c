"""Sortable, filterable tables over tuples of plain records (the library's lists), their rows
shown a page at a time (`reader.gui.library.paged_model`)."""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QModelIndex, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView, QWidget

from reader.gui.library.match_cells import MatchDelegate
from reader.gui.library.paged_model import (
    RECORD_ROLE,
    Column,
    RecordFilterProxy,
    RecordTableModel,
)

__all__ = [
    "Column",
    "fill_width",
    "fit_columns",
    "grow_columns",
    "record_at",
    "record_table",
    "restore_widths",
]

MAX_COLUMN_PX = 360  # a fitted column never takes more; the reader may widen it
MIN_TEXT_PX = 120  # in a narrow table the other text columns give way down to this first,
MIN_STRETCH_PX = 160  # then the stretched column down to this, then the table scrolls
FIT_TEXTS = 8  # a column's longest texts (in characters) measured to fit it


def record_table(
    parent: QWidget, columns: Sequence[Column], name: str, stretch: int = 0
) -> QTableView:
    """A read-only, sortable table over a new RecordTableModel (reached as `view.records`).
    Its columns fit their content; column `stretch` (a text: a title, a name, a quote) also
    takes the width the others leave, never the last one by default (`fit_columns`)."""
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
    header.setStretchLastSection(False)
    header.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    for section, column in enumerate(columns):
        if column.marked is not None:
            view.setItemDelegateForColumn(section, MatchDelegate(column, view))
    view.records = source  # type: ignore[attr-defined]
    view.fitted = False  # type: ignore[attr-defined]  # the reader's widths: no fitting
    view.stretch_column = stretch  # type: ignore[attr-defined]
    view.content_widths = []  # type: ignore[attr-defined]  # per column, as last measured
    source.modelReset.connect(lambda: fit_columns(view))
    source.updated.connect(lambda records: grow_columns(view, records))
    header.sectionResized.connect(lambda section, _old, _new: _resized(view, section))
    view.viewport().installEventFilter(_WidthFollower(view))
    fit_columns(view)
    return view


def fit_columns(view: QTableView) -> None:
    """Each column as wide as its header and rows (at most MAX_COLUMN_PX but the stretched
    one), whenever the rows change, then the stretched column given the room left
    (`fill_width`), until the reader sets a width (or the widths the reader left were
    restored). The longest texts of every record are measured in Python: Qt's own measure
    asks each cell of the rows it samples for a score of roles, ~0.25 s a table of 10,000
    rows."""
    if view.fitted:  # type: ignore[attr-defined]
        return
    view.content_widths = _measured(view, view.records.records())  # type: ignore[attr-defined]
    fill_width(view)


def grow_columns(view: QTableView, records: Sequence[Any]) -> None:
    """Some rows replaced in place (`RecordTableModel.updated`): the columns fitted so far
    widened where these `records` need more room, without measuring the other rows."""
    widths: list[int] = view.content_widths  # type: ignore[attr-defined]
    if view.fitted or not widths:  # type: ignore[attr-defined]
        return
    wider = [max(old, new) for old, new in zip(widths, _measured(view, records), strict=True)]
    if wider != widths:
        view.content_widths = wider  # type: ignore[attr-defined]
        fill_width(view)


def _measured(view: QTableView, records: Sequence[Any]) -> list[int]:
    """Each column's width for its header and the longest texts of `records` (pixels)."""
    header = view.horizontalHeader()
    metrics = view.fontMetrics()
    margin = 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1) + 1
    widths = []
    for section, column in enumerate(view.records.columns):  # type: ignore[attr-defined]
        longest = heapq.nlargest(FIT_TEXTS, map(column.text, records), key=len)
        wanted = max((metrics.horizontalAdvance(text) + margin for text in longest), default=0)
        wanted = max(wanted, header.sectionSizeHint(section))
        if column.marked is not None:  # its match in bold
            wanted += metrics.averageCharWidth()
        stretched = section == view.stretch_column  # type: ignore[attr-defined]
        widths.append(wanted if stretched else min(wanted, MAX_COLUMN_PX))
    return widths


def fill_width(view: QTableView) -> None:
    """The measured widths, the stretched column's grown to fill the view's width. In a view
    too narrow for them, the other text columns give way first, widest first (down to
    MIN_TEXT_PX), then the stretched one (down to MIN_STRETCH_PX), so that the counts stay
    in view (a cut text has its whole as tooltip). Nothing once the reader has set a width."""
    widths: list[int] = view.content_widths  # type: ignore[attr-defined]
    if view.fitted or not widths:  # type: ignore[attr-defined]
        return
    stretch = view.stretch_column  # type: ignore[attr-defined]
    widths = list(widths)
    space = view.viewport().width()
    columns = view.records.columns  # type: ignore[attr-defined]
    texts = [i for i, c in enumerate(columns) if not c.numeric and i != stretch]
    for section in sorted(texts, key=lambda i: -widths[i]):
        excess = sum(widths) - space
        if excess <= 0:
            break
        widths[section] -= max(0, min(excess, widths[section] - MIN_TEXT_PX))
    if 0 <= stretch < len(widths):
        room = space - (sum(widths) - widths[stretch])
        widths[stretch] = max(room, min(widths[stretch], MIN_STRETCH_PX))
    header = view.horizontalHeader()
    view.fitting = True  # type: ignore[attr-defined]
    try:
        for section, width in enumerate(widths):
            if header.sectionSize(section) != width:
                header.resizeSection(section, width)
    finally:
        view.fitting = False  # type: ignore[attr-defined]


class _WidthFollower(QObject):
    """Fits the stretched column again as the table's viewport changes width."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self._view = view

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt)
        if event.type() == QEvent.Type.Resize:
            fill_width(self._view)
        return False


def _resized(view: QTableView, section: int) -> None:
    """A width the reader set (not the fitting's) stays, and no column stretches then."""
    if not getattr(view, "fitting", False) and 0 <= section < view.horizontalHeader().count():
        view.fitted = True  # type: ignore[attr-defined]


def restore_widths(view: QTableView, state: QByteArray | None) -> None:
    """The column widths the reader left (a header's saved state), kept from then on (a
    state saved by an older Reader stretched the last column: no longer)."""
    header = view.horizontalHeader()
    if state is not None and header.restoreState(state):
        view.fitted = True  # type: ignore[attr-defined]
        header.setStretchLastSection(False)


def record_at(index: QModelIndex) -> Any:
    """The record on an index of a record table (through its proxy), or None."""
    return index.data(RECORD_ROLE) if index.isValid() else None
