"""What the Library remembers of how the reader left it: the dock's width and every table's
column widths (for all collections), and each collection's sorting and filters.

While no article tab is open, the docked Library takes the whole window (the central area,
which would only say "No article open", is hidden), so its columns are not cut behind a
scroll bar; when an article opens, the dock gets back the width the reader gave it."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow, QTableView, QTabWidget

from reader.gui.library.panel import LibraryPanel
from reader.gui.library.tables import restore_widths
from reader.gui.window.settings import Settings

DEFAULT_WIDTH = 580  # the article list's six columns at the default font, none cut off
MAX_SHARE = 0.45  # of the window's width, at most, for a first opening


class LibraryViewState(QObject):
    """Saves and restores the Library's layout in the settings; gives the dock the window's
    free width while no article is open (`follow_tabs`)."""

    def __init__(
        self, settings: Settings, panel: LibraryPanel, dock: QDockWidget, window: QMainWindow
    ) -> None:
        super().__init__(window)
        self._settings = settings
        self._panel = panel
        self._dock = dock
        self._window = window
        self._sized = False
        self._tabs: QTabWidget | None = None
        self.filling = False  # the dock has the central area: no article is open
        self._width: int | None = None  # the reader's width of the dock, in pixels
        dock.installEventFilter(self)
        dock.visibilityChanged.connect(self.fit_to_articles)
        dock.topLevelChanged.connect(self.fit_to_articles)
        dock.dockLocationChanged.connect(self.fit_to_articles)
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
        self._width = width
        # once the window has laid out the dock just shown (sooner, its layout would win)
        QTimer.singleShot(
            0, lambda: self._window.resizeDocks([self._dock], [width], Qt.Orientation.Horizontal)
        )

    def follow_tabs(self, tabs: QTabWidget) -> None:
        """Fit the dock to the article tabs: the whole window while there are none."""
        self._tabs = tabs
        tabs.currentChanged.connect(self.fit_to_articles)  # -1 <-> 0 as the first opens, the
        self.fit_to_articles()  # last closes

    def fit_to_articles(self) -> None:
        """While the dock is shown in the window and no article tab is open, hide the central
        area so the dock has the window's width; else show it, the dock at the reader's width.
        Nothing while the window is being destroyed (its tabs are removed after it)."""
        if not (shiboken6.isValid(self._window) and shiboken6.isValid(self._dock)):
            return
        dock, central = self._dock, self._window.centralWidget()
        fill = (
            self._tabs is not None
            and self._tabs.count() == 0
            and not dock.isHidden()
            and not dock.isFloating()
            and self._window.dockWidgetArea(dock) != Qt.DockWidgetArea.NoDockWidgetArea
        )
        if central is None or fill == self.filling:
            return
        width = self._width  # the reader's: showing the central area resizes the dock at once
        self.filling = fill
        central.setVisible(not fill)
        if not fill and width and not dock.isHidden():
            self._window.resizeDocks([dock], [width], Qt.Orientation.Horizontal)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt)
        """Keep the width the reader gives the dock beside the articles."""
        if (
            watched is self._dock
            and event.type() == QEvent.Type.Resize
            and not self.filling
            and self._sized
            and self._dock.isVisible()
        ):
            self._width = self._dock.width()
        return False

    def save(self) -> None:
        """The dock's width (when shown; the reader's, not the filled one) and the column
        widths the reader set."""
        if self._dock.isVisible():
            width = self._width if self.filling and self._width else self._dock.width()
            self._settings.set_library_width(width)
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
