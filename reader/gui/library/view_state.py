"""What the Library remembers of how the reader left it: the dock's width and every table's
column widths (for all collections), and each collection's sorting and filters."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow, QTableView

from reader.gui.library.panel import LibraryPanel
from reader.gui.library.tables import restore_widths
from reader.gui.window.settings import Settings

DEFAULT_WIDTH = 560  # the article list's five columns at the default font, uncut
MAX_SHARE = 0.45  # of the window's width, at most, for a first opening


class LibraryViewState:
    """Saves and restores the Library's layout in the settings."""

    def __init__(
        self, settings: Settings, panel: LibraryPanel, dock: QDockWidget, window: QMainWindow
    ) -> None:
        self._settings = settings
        self._panel = panel
        self._dock = dock
        self._window = window
        self._sized = False
        for table in _tables(panel):
            restore_widths(table, settings.header_state(table.objectName()))

    def size_dock(self) -> None:
        """The first time the dock shows: the width the reader left, else wide enough for the
        article list's columns (never more than MAX_SHARE of the window)."""
        if (
            self._sized
            or self._window.dockWidgetArea(self._dock) == Qt.DockWidgetArea.NoDockWidgetArea
        ):
            return
        self._sized = True
        width = self._settings.library_width() or min(
            DEFAULT_WIDTH, int(self._window.width() * MAX_SHARE)
        )
        # once the window has laid out the dock just shown (sooner, its layout would win)
        QTimer.singleShot(
            0, lambda: self._window.resizeDocks([self._dock], [width], Qt.Orientation.Horizontal)
        )

    def save(self) -> None:
        """The dock's width (when shown) and the column widths the reader set."""
        if self._dock.isVisible():
            self._settings.set_library_width(self._dock.width())
        for table in _tables(self._panel):
            if table.fitted:  # type: ignore[attr-defined]  # widths the reader set
                state = table.horizontalHeader().saveState()
                self._settings.set_header_state(table.objectName(), state)

    def save_view(self, collection_id: int) -> None:
        """The sorting and filter text of the collection's article and entity lists."""
        for table in self._filtered():
            header = table.horizontalHeader()
            column = header.sortIndicatorSection() if header.isSortIndicatorShown() else -1
            self._settings.set_table_view(
                collection_id,
                table.objectName(),
                column if 0 <= column < header.count() else -1,
                header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder,
                table.filter_box.text(),  # type: ignore[attr-defined]
            )

    def restore_view(self, collection_id: int) -> None:
        """The collection's lists sorted and filtered as the reader left them."""
        for table in self._filtered():
            column, descending, text = self._settings.table_view(collection_id, table.objectName())
            order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
            table.sortByColumn(column, order)  # -1: the collection's own order
            table.filter_box.setText(text)  # type: ignore[attr-defined]

    def _filtered(self) -> tuple[QTableView, ...]:
        return (self._panel.articles, self._panel.entities)


def _tables(panel: LibraryPanel) -> tuple[QTableView, ...]:
    """Every table of the panel (each known by its object name)."""
    return (
        panel.articles,
        panel.entities,
        panel.quotes,
        panel.mentioning,
        panel.seen_with,
        panel.hits,
    )
