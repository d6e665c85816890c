"""The collection in the Library dock: File ▸ Open Folder, a folder dropped, or several files
opened at once make a collection; the dock lists it while it is analysed in the background on
every core, and it comes back at the next start. A click on an article or a quote opens it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtWidgets import QDockWidget, QFileDialog, QWidget

from reader.core.store.library import Collection, supported_files
from reader.gui.article.article_tab import ArticleTab
from reader.gui.library.indexer import CollectionIndexer
from reader.gui.library.panel import LibraryPanel
from reader.gui.window import dialogs
from reader.gui.window.open_articles import OpenArticles
from reader.gui.window.settings import Settings
from reader.gui.window.stored import StoredAnalyses

REFRESH_MS = 2000  # how often the article list follows a running analysis
STATUS_MS = 8000


class Collections(QObject):
    """Owns the Library dock (`dock`, `panel`), the collection shown and its indexer; the
    window adds the dock to its left side."""

    def __init__(
        self,
        settings: Settings,
        stored: StoredAnalyses,
        articles: OpenArticles,
        status: Callable[[str, int], None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._stored = stored
        self._articles = articles
        self._status = status
        self._parent = parent  # the window, for the dialogs
        self.collection: Collection | None = None
        self.panel = LibraryPanel(parent)
        self.dock = QDockWidget("Library", parent)
        self.dock.setObjectName("library")
        self.dock.setWidget(self.panel)
        self.dock.hide()
        self.indexer = CollectionIndexer(self)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setInterval(REFRESH_MS)
        self._refresh_timer.timeout.connect(self.panel.refresh_articles)
        self._pending_reveal: dict[int, tuple[int, int]] = {}
        self.panel.open_requested.connect(lambda path: articles.open_paths([path]))
        self.panel.open_at_requested.connect(self.open_at)
        self.panel.cancel_requested.connect(self.indexer.cancel)
        self.indexer.progress.connect(self.panel.show_progress)
        self.indexer.warning.connect(self._say)
        self.indexer.finished.connect(self._on_indexed)
        stored.pipeline_known.connect(lambda: self.open_collection(*settings.collection()))
        articles.tab_added.connect(self._attach)
        QTimer.singleShot(0, self.restore_collection)

    def _say(self, text: str) -> None:
        self._status(text, STATUS_MS)

    def open_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self._parent, "Open a folder of articles")
        if folder:
            self.collect_folder(Path(folder))

    def collect_folder(self, folder: Path) -> None:
        paths = supported_files(folder)
        if not paths:
            dialogs.show_error(
                self._parent, "No articles", f"{folder} holds no article files Reader can open."
            )
            return
        self.collect(paths, folder.name or str(folder))

    def collect(self, paths: Sequence[Path], name: str | None = None) -> None:
        """Make these files the collection: listed in the library, analysed in the background,
        remembered for the next start."""
        paths = [Path(p).resolve() for p in paths]
        name = name or f"{len(paths)} articles"
        self._settings.set_collection(paths, name)
        self.open_collection(paths, name)
        self.dock.show()
        self.analyse_collection()

    def open_collection(self, paths: list[Path], name: str) -> None:
        """Show these files as the collection, as the store knows them (nothing analysed)."""
        label = self._stored.pipeline_label()
        if self._stored.store is None or not paths or label is None:
            return
        self.collection = Collection(self._stored.store, paths, label)
        self.panel.set_collection(self.collection, name)

    def restore_collection(self) -> None:
        """The collection open when Reader last closed, back in the library (not re-read)."""
        paths, name = self._settings.collection()
        if not paths:
            return
        if self._stored.store is None:
            self._say(f"The library needs the analysis store: {self._stored.problem}")
            return
        self.open_collection(paths, name)
        self.dock.show()
        if self.collection is not None and not all(a.analysed for a in self.collection.articles()):
            self.analyse_collection()

    def analyse_collection(self) -> None:
        """Analyse what the store lacks of the collection, on every core, in the background."""
        paths = self._settings.collection()[0]
        if self._stored.store is None:
            self._say(f"The library needs the analysis store: {self._stored.problem}")
            return
        if paths:
            self.panel.show_progress(0, len(paths), 0)
            self.indexer.start(paths, self._settings.model(), self._stored.store)
            self._refresh_timer.start()

    @Slot(int, int, bool)
    def _on_indexed(self, analysed: int, failed: int, cancelled: bool) -> None:
        self._refresh_timer.stop()
        self.panel.hide_progress()
        if self.collection is None:
            self.open_collection(*self._settings.collection())
        self.refresh()
        state = "Stopped" if cancelled else "Done"
        problem = f"; {failed} could not be read" if failed else ""
        self._say(f"{state}: {analysed} articles of the collection analysed{problem}")

    def refresh(self) -> None:
        """Show the store's counts again (after a correction, or the store was cleared)."""
        if self.collection is not None:
            self.panel.refresh()

    # -- opening at a place ---------------------------------------------------------------------

    def open_at(self, path: Path, start: int, end: int) -> None:
        """Open (or switch to) an article and show the range, a quote marked as a quote."""
        self._articles.open_paths([path])
        tab = self._articles.current_tab()
        if tab is None:
            return
        self._pending_reveal[id(tab)] = (start, end)
        if tab.analysis is not None:
            self._reveal(tab)

    def _attach(self, tab: ArticleTab) -> None:
        tab.analysis_shown.connect(lambda: self._reveal(tab))

    def _reveal(self, tab: ArticleTab) -> None:
        where = self._pending_reveal.pop(id(tab), None)
        if where is None or tab.analysis is None:
            return
        start, end = where
        quote = next((q for q in tab.analysis.quotes if q.start == start), None)
        if quote is not None:
            if not tab.quotes.row_of(quote).isValid():
                tab.quotes.show_all_speakers()
            tab.view.mark_quote(quote)
            tab.quotes.show_marked(quote)
        else:
            tab.view.select_range(start, end)

    def shutdown(self) -> None:
        """Stop the collection's analysis (after the article in hand)."""
        self._refresh_timer.stop()
        self.indexer.cancel(wait=True)
