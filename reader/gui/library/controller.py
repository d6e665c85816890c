"""The library in the window: the analysis store behind every tab, collections of articles in a
dock, the reader's corrections, and quotes out as CSV.

- Every analysis the worker makes is kept in the store (written on a background thread), and an
  article the store already holds is shown without analysing it again.
- File ▸ Open Folder, or opening several files at once, makes a collection: the library panel
  lists it and it is analysed in the background on every core; it comes back at the next start.
- A store that cannot be opened is said once in the status bar; Reader works on without it.
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QFileDialog, QMessageBox

from reader.core.model import Analysis
from reader.core.render.quote_table import export_analysis_quotes, export_collection_quotes
from reader.core.store.corrections import Correction, apply_corrections
from reader.core.store.database import ANALYSIS_VERSION, Store, StoreError, content_hash
from reader.core.store.library import Collection, supported_files
from reader.core.text.article import Article
from reader.gui import dialogs
from reader.gui.library.corrections import CorrectionMenus, apply_correction
from reader.gui.library.indexer import CollectionIndexer
from reader.gui.library.panel import LibraryPanel

if TYPE_CHECKING:
    from reader.gui.article_tab import ArticleTab
    from reader.gui.main_window import MainWindow

REFRESH_MS = 2000  # how often the article list follows a running analysis
STATUS_MS = 8000


class LibraryController(QObject):
    """Owns the store, the library dock and the collection; the window calls `look_up` before
    analysing a tab and `received` when an analysis arrives."""

    store_failed = Signal(str)  # from the store's writing thread, for the status bar
    looked_up = Signal(object, int, object)  # tab, token from look_up, Analysis or None

    def __init__(self, window: MainWindow, store_path: Path | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.settings = window.settings
        self.store: Store | None = None
        self.store_problem: str | None = None
        self.collection: Collection | None = None
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="reader-store")
        self._saving: dict[str, Future] = {}
        self._unsaved: dict[str, Analysis] = {}  # received, written once the window has drawn
        self._tokens = itertools.count(1)
        self._label_model, self._model_label = self.settings.pipeline_label()
        try:
            self.store = Store.open(store_path)
            window.service.set_store(self.store.path)  # the spaCy child writes its analyses
        except StoreError as error:
            self.store_problem = problem = str(error)
            QTimer.singleShot(0, lambda: window.statusBar().showMessage(problem, STATUS_MS))

        self.panel = LibraryPanel(window)
        self.dock = QDockWidget("Library", window)
        self.dock.setObjectName("library")
        self.dock.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.dock)
        self.dock.hide()
        self.indexer = CollectionIndexer(self)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setInterval(REFRESH_MS)
        self._refresh_timer.timeout.connect(self.panel.refresh_articles)
        self._pending_reveal: dict[int, tuple[int, int]] = {}

        self.panel.open_requested.connect(lambda path: window.open_paths([path]))
        self.panel.open_at_requested.connect(self.open_at)
        self.panel.cancel_requested.connect(self.indexer.cancel)
        self.indexer.progress.connect(self.panel.show_progress)
        self.indexer.warning.connect(self._status)
        self.indexer.finished.connect(self._on_indexed)
        self.store_failed.connect(self._status)
        window.all_settled.connect(self._write_unsaved)
        window.service.model_ready.connect(self._on_model_ready)
        self._build_actions()
        QTimer.singleShot(0, self.restore_collection)

    # -- menus --------------------------------------------------------------------------------

    def _build_actions(self) -> None:
        window = self.window
        menus = {
            a.text().replace("&", ""): a.menu() for a in window.menuBar().actions() if a.menu()
        }
        self.open_folder_action = self._action("Open &Folder…", "Ctrl+Shift+O", self.open_folder)
        self.export_quotes_action = self._action(
            "Export &Quotes as CSV…", "Ctrl+Shift+E", self.export_quotes
        )
        self.undo_action = self._action("&Undo Correction", "Ctrl+Z", self.undo_current)
        self.clear_action = self._action("Clear Analysis &Store…", None, self.clear_store)
        self.clear_action.setEnabled(self.store is not None)
        library_toggle = self.dock.toggleViewAction()
        library_toggle.setText("&Library")
        library_toggle.setShortcut(QKeySequence("Ctrl+L"))
        window.addAction(library_toggle)
        if (file_menu := menus.get("File")) is not None:
            actions = file_menu.actions()
            file_menu.insertAction(
                actions[1] if len(actions) > 1 else None, self.open_folder_action
            )
            export = next((a for a in actions if "Export" in a.text()), None)
            following = actions[actions.index(export) + 1] if export in actions else None
            file_menu.insertAction(following, self.export_quotes_action)
        if (edit_menu := menus.get("Edit")) is not None:
            edit_menu.addSeparator()
            edit_menu.addAction(self.undo_action)
            edit_menu.addAction(self.clear_action)
        if (view_menu := menus.get("View")) is not None:
            view_menu.addSeparator()
            view_menu.addAction(library_toggle)

    def _action(self, text: str, shortcut: str | None, slot) -> QAction:
        action = QAction(text, self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.window.addAction(action)
        return action

    def _status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, STATUS_MS)

    # -- the store behind every tab -----------------------------------------------------------

    @Slot(str, list)
    def _on_model_ready(self, label: str, _models: list) -> None:
        self._model_label, self._label_model = label, self.settings.model()
        self.settings.set_pipeline_label(self._label_model, label)
        self._open_collection(*self.settings.collection())

    def _label(self) -> str | None:
        """The label of the pipeline the worker runs, when known for the chosen pipeline."""
        if self._model_label and (self._label_model or None) == self.settings.model():
            return self._model_label
        return None

    def look_up(self, tab: ArticleTab) -> int | None:
        """Ask the store for its analysis of the tab's text by the current pipeline
        (corrections applied), on the store's thread: decoding a long analysis is a tenth of a
        second. `looked_up` brings the answer (None: not stored) with the token returned here;
        None when there is no store to ask."""
        label = self._label()
        if self.store is None or tab.article is None or label is None:
            return None
        token = next(self._tokens)
        store, article = self.store, tab.article

        def find() -> None:
            try:
                found = store.cached_analysis(article, label)
            except StoreError as error:
                found = None
                self.store_failed.emit(str(error))
            with contextlib.suppress(RuntimeError):  # the window was closed meanwhile
                self.looked_up.emit(tab, token, found)

        self._writer.submit(find)
        return token

    def received(self, analysis: Analysis) -> Analysis:
        """A new analysis from the worker: kept in the store (in the background, once a tab has
        drawn its highlights) and returned with the reader's corrections of this text applied."""
        if self.store is None:
            return analysis
        digest = content_hash(analysis.article)
        try:  # read before the write is queued: the store's lock is held while it writes
            corrections = self.store.corrections(digest)
        except StoreError as error:
            self._status(f"Your corrections of this article cannot be read: {error}")
            corrections = ()
        if not self._holds(digest, analysis.model):  # not written by the spaCy child
            self._unsaved[digest] = analysis
        return apply_corrections(analysis, corrections) if corrections else analysis

    def _holds(self, digest: str, model: str) -> bool:
        """Whether the store has an analysis of this text by this pipeline and Reader version
        (a query of one indexed row, nothing decoded)."""
        try:
            return bool(
                self.store.query(  # type: ignore[union-attr]
                    "SELECT 1 FROM analyses WHERE content_hash = ? AND model = ?"
                    " AND analysis_version = ? LIMIT 1",
                    (digest, model, ANALYSIS_VERSION),
                )
            )
        except StoreError:
            return False

    def _write_unsaved(self) -> None:
        """Queue the writes of the analyses received (those the spaCy child did not write).
        Encoding a long analysis is tenths of a second of Python on the writer's thread, which
        would take the interpreter lock from the GUI thread while it fills the panels and
        draws; so it waits until a tab has drawn (or nothing is left to draw, or a correction
        needs the analysis stored)."""
        for digest, analysis in self._unsaved.items():
            self._saving[digest] = self._writer.submit(self._save, analysis)
        self._unsaved.clear()

    def _save(self, analysis: Analysis) -> None:
        """On the store's thread. On failure the tab keeps its analysis, the article is analysed
        again next time, and the status bar says why (through a queued signal)."""
        try:
            self.store.save_analysis(analysis)  # type: ignore[union-attr]
        except (StoreError, ValueError) as error:
            self.store_failed.emit(f"The analysis could not be stored: {error}")

    def wait_saved(self, article: Article) -> None:
        """Block until the article's analysis is written (a correction needs it stored)."""
        self._write_unsaved()
        future = self._saving.pop(content_hash(article), None)
        if future is not None:
            future.result()

    # -- corrections ----------------------------------------------------------------------------

    def attach(self, tab: ArticleTab) -> None:
        """Give a new tab the correction menus, and reveal a pending position once analysed."""
        CorrectionMenus(tab, self)
        tab.analysis_shown.connect(lambda: self._reveal(tab))
        tab.analysis_shown.connect(self._write_unsaved)

    def correct(self, tab: ArticleTab, correction: Correction) -> None:
        if apply_correction(self, tab, correction):
            self._status("Correction saved (Edit ▸ Undo Correction takes it back)")
            self._refresh_panel()

    def can_undo(self, tab: ArticleTab | None) -> bool:
        if self.store is None or tab is None or tab.article is None:
            return False
        try:
            return bool(self.store.corrections(content_hash(tab.article)))
        except StoreError:
            return False

    def undo(self, tab: ArticleTab) -> None:
        """Take back the tab's latest correction and show the analysis without it."""
        if not self.can_undo(tab) or tab.analysis is None or tab.article is None:
            self._status("No correction to undo in this article")
            return
        try:
            self.store.undo_last_correction(content_hash(tab.article))  # type: ignore[union-attr]
            analysis = self.store.cached_analysis(tab.article, tab.analysis.model)  # type: ignore[union-attr]
        except StoreError as error:
            dialogs.show_error(tab, "Cannot undo the correction", str(error))
            return
        if analysis is not None:
            tab.show_analysis(analysis)
        self._status("Correction undone")
        self._refresh_panel()

    def undo_current(self) -> None:
        if (tab := self.window.current_tab()) is not None:
            self.undo(tab)

    # -- collections ----------------------------------------------------------------------------

    def open_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, "Open a folder of articles")
        if folder:
            self.collect_folder(Path(folder))

    def collect_folder(self, folder: Path) -> None:
        paths = supported_files(folder)
        if not paths:
            dialogs.show_error(
                self.window, "No articles", f"{folder} holds no article files Reader can open."
            )
            return
        self.collect(paths, folder.name or str(folder))

    def collect(self, paths: Sequence[Path], name: str | None = None) -> None:
        """Make these files the collection: listed in the library, analysed in the background,
        remembered for the next start."""
        paths = [Path(p).resolve() for p in paths]
        name = name or f"{len(paths)} articles"
        self.settings.set_collection(paths, name)
        self._open_collection(paths, name)
        self.dock.show()
        self.analyse_collection()

    def _open_collection(self, paths: list[Path], name: str) -> None:
        label = self._label()
        if self.store is None or not paths or label is None:
            return
        self.collection = Collection(self.store, paths, label)
        self.panel.set_collection(self.collection, name)

    def restore_collection(self) -> None:
        """The collection open when Reader last closed, back in the library (not re-read)."""
        paths, name = self.settings.collection()
        if not paths:
            return
        if self.store is None:
            self._status(f"The library needs the analysis store: {self.store_problem}")
            return
        self._open_collection(paths, name)
        self.dock.show()
        if self.collection is not None and not all(a.analysed for a in self.collection.articles()):
            self.analyse_collection()

    def analyse_collection(self) -> None:
        """Analyse what the store lacks of the collection, on every core, in the background."""
        paths = self.settings.collection()[0]
        if self.store is None:
            self._status(f"The library needs the analysis store: {self.store_problem}")
            return
        if paths:
            self.panel.show_progress(0, len(paths), 0)
            self.indexer.start(paths, self.settings.model(), self.store)
            self._refresh_timer.start()

    @Slot(int, int, bool)
    def _on_indexed(self, analysed: int, failed: int, cancelled: bool) -> None:
        self._refresh_timer.stop()
        self.panel.hide_progress()
        if self.collection is None:
            self._open_collection(*self.settings.collection())
        self._refresh_panel()
        state = "Stopped" if cancelled else "Done"
        problem = f"; {failed} could not be read" if failed else ""
        self._status(f"{state}: {analysed} articles of the collection analysed{problem}")

    def _refresh_panel(self) -> None:
        if self.collection is not None:
            self.panel.refresh()

    # -- opening at a place ---------------------------------------------------------------------

    def open_at(self, path: Path, start: int, end: int) -> None:
        """Open (or switch to) an article and show the range, a quote marked as a quote."""
        self.window.open_paths([path])
        tab = self.window.current_tab()
        if tab is None:
            return
        self._pending_reveal[id(tab)] = (start, end)
        if tab.analysis is not None:
            self._reveal(tab)

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

    # -- quotes out -----------------------------------------------------------------------------

    def export_quotes(self) -> None:
        """The current article's quotes, or the collection's when the library has focus, as CSV."""
        tab = self.window.current_tab()
        use_collection = self.collection is not None and (
            tab is None or tab.analysis is None or self.dock.isAncestorOf(self.window.focusWidget())
        )
        if not use_collection and (tab is None or tab.analysis is None):
            self._status("Open an article or a collection to export its quotes")
            return
        what = "collection" if use_collection else "article"
        path, _ = QFileDialog.getSaveFileName(
            self.window, f"Export the {what}'s quotes", "quotes.csv", "CSV files (*.csv)"
        )
        if not path:
            return
        opened = {t.path.resolve() for t in self.window.article_tabs() if t.path is not None}
        if Path(path).resolve() in opened:
            dialogs.show_error(
                self.window,
                "Cannot export the quotes",
                f"{path} is an article open in Reader; export to another file name.",
            )
            return
        try:
            if use_collection:
                count = export_collection_quotes(self.collection, Path(path))  # type: ignore[arg-type]
            else:
                count = export_analysis_quotes(tab.analysis, Path(path))  # type: ignore[union-attr]
        except (OSError, StoreError) as error:
            dialogs.show_error(self.window, "Cannot export the quotes", str(error))
            return
        self._status(f"{count} quotes exported to {path}")

    def clear_store(self) -> None:
        if self.store is None:
            return
        answer = QMessageBox.question(
            self.window,
            "Clear the analysis store",
            "Forget every stored analysis? Articles are analysed again when opened; your "
            "corrections are kept.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.store.clear()
        except StoreError as error:
            dialogs.show_error(self.window, "Cannot clear the store", str(error))
            return
        self._refresh_panel()
        self._status("The analysis store is empty")

    def shutdown(self) -> None:
        self.window.service.set_store(None)
        self._refresh_timer.stop()
        self.indexer.cancel(wait=True)
        self._write_unsaved()
        self._writer.shutdown(wait=True)
        if self.store is not None:
            self.store.close()
            self.store = None
