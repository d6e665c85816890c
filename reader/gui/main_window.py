"""The main window: the frame around the open articles (their tab widget or a page saying how
to open one), the menus, the status bar and the Library dock.

The window builds its parts and hands each only what it uses: `StoredAnalyses` (the store),
`OpenArticles` (the tabs, their files and analyses), `ReadingControls` (reading preferences)
and `LibraryController` (collection, corrections, CSV). Commands go into the menus by role
(`MenuRegistry`), never by a menu's label.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtGui import QActionGroup, QCloseEvent, QDragMoveEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QProgressBar, QStackedWidget

from reader.gui.article.article_tab import ArticleTab
from reader.gui.library.controller import LibraryController
from reader.gui.window import dialogs
from reader.gui.window.exporting import export_article
from reader.gui.window.menus import MenuRegistry, Place
from reader.gui.window.naming import middle_elided
from reader.gui.window.open_articles import OpenArticles
from reader.gui.window.reading import ReadingControls
from reader.gui.window.settings import Settings
from reader.gui.window.stored import StoredAnalyses
from reader.gui.work.worker import PipelineRunner

STATUS_SECONDS = 6
WINDOW_TITLE_CHARS = 80


class MainWindow(QMainWindow):
    """Builds the window's parts and wires them; tabs never talk to the worker themselves."""

    all_settled = Signal()  # every open tab has its analysis shown, or its failure reported

    def __init__(self, settings: Settings, service: PipelineRunner) -> None:
        super().__init__()
        self.settings = settings
        self.service = service
        self._shut_down = False
        self.setWindowTitle("Reader")
        self.setAcceptDrops(True)
        self.setMinimumSize(QSize(720, 480))

        self.stored = StoredAnalyses(settings, service, self.statusBar().showMessage, parent=self)
        self.articles = OpenArticles(settings, service, self.stored, self._show_status, self)
        self.articles.changed.connect(self._update_actions)
        self.articles.all_settled.connect(self.all_settled)
        self.articles.analyses.progress.connect(self._show_progress)
        self.tabs = self.articles.widget
        self.tabs.currentChanged.connect(self._update_actions)
        self.empty = QLabel(
            "<p style='font-size: 14pt'>No article open</p>"
            "<p>Open one with <b>File ▸ Open</b> (Ctrl+O), or drop article files here.</p>",
            self,
        )
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.empty)
        self.pages.addWidget(self.tabs)
        self.setCentralWidget(self.pages)
        self._build_status_bar()

        self.menus = MenuRegistry(self.menuBar(), self)
        self._build_actions()
        self.reading = ReadingControls(
            settings, self.menus, self.articles, self._show_status, parent=self
        )
        self.library = LibraryController(
            settings, self.stored, self.articles, self.menus, self.statusBar().showMessage, self
        )
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.library.collections.dock)
        service.model_ready.connect(self._on_model_ready)
        service.model_failed.connect(self._on_model_failed)
        service.busy_changed.connect(self._on_busy)
        geometry = settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 800)
        self._update_actions()

    def _build_status_bar(self) -> None:
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(140)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.busy_label = QLabel(self)
        self.model_label = QLabel("spaCy: loading…", self)
        self.statusBar().addPermanentWidget(self.busy_label)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.model_label)

    def _build_actions(self) -> None:
        add, keys = self.menus.add_action, QKeySequence.StandardKey
        self.open_action = add(Place.OPEN, "&Open…", self.open_dialog, [keys.Open])
        self.recent_menu = self.menus.add_menu(Place.RECENT, "Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.export_action = add(Place.EXPORT, "&Export as HTML…", self.export_current, ["Ctrl+E"])
        self.close_tab_action = add(
            Place.CLOSE, "&Close Tab", self.articles.close_current, [keys.Close]
        )
        add(Place.CLOSE, "&Quit", self.close, [keys.Quit])
        self.find_action = add(Place.FIND, "&Find…", self.find, [keys.Find])
        self.next_action = add(Place.MENTIONS, "&Next Mention", self.next_mention, ["F3"])
        self.previous_action = add(
            Place.MENTIONS, "&Previous Mention", self.previous_mention, ["Shift+F3"]
        )
        clear = add(Place.MENTIONS, "&Clear Filter", self.escape, ["Esc"])
        clear.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.model_menu = self.menus.add_menu(Place.PIPELINE, "spaCy &Pipeline")
        self.model_group = QActionGroup(self)
        self.model_group.setExclusive(True)
        self._fill_model_menu([])

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.recent_files()
        for number, path in enumerate(recent, start=1):
            action = self.recent_menu.addAction(f"&{number % 10}  {path.name}")
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _=False, p=path: self.open_paths([p]))
        if recent:
            self.recent_menu.addSeparator()
        clear = self.recent_menu.addAction("Clear Recent Files")
        clear.setEnabled(bool(recent))
        clear.triggered.connect(self.settings.clear_recent)

    def _fill_model_menu(self, models: list[str]) -> None:
        self.model_menu.clear()
        for action in self.model_group.actions():
            self.model_group.removeAction(action)
        chosen = self.settings.model()
        for name in [None, *models]:
            action = self.model_menu.addAction(name or "Best installed")
            action.setCheckable(True)
            action.setChecked(name == chosen)
            action.triggered.connect(lambda _=False, n=name: self.articles.choose_model(n))
            self.model_group.addAction(action)

    def _update_actions(self) -> None:
        tab = self.current_tab()
        has_tab = tab is not None
        for action in (self.close_tab_action, self.find_action):
            action.setEnabled(has_tab)
        for action in (self.export_action, self.next_action, self.previous_action):
            action.setEnabled(has_tab and tab.analysis is not None)
        title = middle_elided(tab.title, WINDOW_TITLE_CHARS) if tab else ""
        self.setWindowTitle(f"{title} — Reader" if tab else "Reader")
        self.pages.setCurrentWidget(self.tabs if has_tab else self.empty)

    # -- the open articles (see OpenArticles) ---------------------------------------------------

    def current_tab(self) -> ArticleTab | None:
        return self.articles.current_tab()

    def article_tabs(self) -> list[ArticleTab]:
        return self.articles.article_tabs()

    def open_paths(self, paths: list[Path]) -> list[ArticleTab]:
        """Open files, each in a tab once read (see OpenArticles.open_paths); returns the tabs
        made at once (one file's)."""
        return self.articles.open_paths(paths)

    def close_tab(self, index: int) -> None:
        self.articles.close_tab(index)

    def open_dialog(self) -> None:
        tab = self.current_tab()
        directory = str(tab.path.parent) if tab and tab.path else ""
        paths = dialogs.ask_open_paths(self, directory)
        if paths:
            self.open_paths(paths)
        if len(paths) > 1:
            self.library.collections.collect(paths)

    # -- the status bar -------------------------------------------------------------------------

    @Slot(str, list)
    def _on_model_ready(self, label: str, models: list) -> None:
        self.model_label.setText(f"spaCy: {label}")
        self._fill_model_menu(models)

    @Slot(str)
    def _on_model_failed(self, message: str) -> None:
        self.model_label.setText("spaCy: no pipeline")
        dialogs.show_error(self, "No spaCy pipeline", message)

    @Slot(str)
    def _show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, STATUS_SECONDS * 1000)

    @Slot(str)
    def _on_busy(self, text: str) -> None:
        self.busy_label.setText(text)
        self.progress.setVisible(bool(text))

    @Slot(int, int)
    def _show_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    # -- commands on the current tab ---------------------------------------------------------

    def export_current(self) -> None:
        tab = self.current_tab()
        opened = [t.path for t in self.article_tabs() if t.path is not None]
        if tab is not None and (path := export_article(self, tab, opened)) is not None:
            self._show_status(f"Exported to {path}")

    def find(self) -> None:
        if tab := self.current_tab():
            tab.open_find()

    def next_mention(self) -> None:
        if tab := self._following_tab():
            tab.next_mention()

    def previous_mention(self) -> None:
        if tab := self._following_tab():
            tab.previous_mention()

    def _following_tab(self) -> ArticleTab | None:
        """The current tab if it follows an entity; else the status bar says how to follow."""
        tab = self.current_tab()
        if tab is not None and tab.followed is None:
            self._show_status(
                "Nothing is followed: click a name in the text or in the list of people, "
                "countries and organizations, then F3 goes to its next mention."
            )
            return None
        return tab

    def escape(self) -> None:
        if tab := self.current_tab():
            tab.escape()

    # -- window events -----------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragMoveEvent) -> None:  # also serves dragMoveEvent
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if not paths:
            return
        event.acceptProposedAction()
        folders = [path for path in paths if path.is_dir()]
        files = [path for path in paths if path not in folders]
        if files:
            self.open_paths(files)
        if len(files) > 1:
            self.library.collections.collect(files)
        for folder in folders:
            self.library.collections.collect_folder(folder)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Save the session and geometry, stop the background work and close the store (once)."""
        if self._shut_down:
            return
        self._shut_down = True
        self.reading.save_session()
        self.settings.set_geometry(self.saveGeometry())
        self.settings.sync()
        self.library.shutdown()
        self.stored.shutdown()
        self.service.shutdown()
