"""The main window: tabs of articles, menus, status bar, and the link to the analysis worker."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QProgressBar,
    QStackedWidget,
    QTabWidget,
)

from reader.core.model import Analysis
from reader.core.render.export import ExportError, write_export
from reader.gui import dialogs
from reader.gui.article_tab import ArticleTab
from reader.gui.collector import freeze_survivors
from reader.gui.library.controller import LibraryController
from reader.gui.loading import ArticleLoader, Loaded
from reader.gui.reading import ReadingControls, export_proposal, middle_elided
from reader.gui.settings import Settings
from reader.gui.worker import PipelineRunner

STATUS_SECONDS = 6


@dataclass
class _OpenBatch:
    """The files of one open or drop: their failures are reported together once all are read."""

    waiting: int
    errors: list[str] = field(default_factory=list)


def _resolved(path: Path) -> Path | None:
    """The real path of a file, or None when it cannot be resolved (a symlink loop)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return None


class MainWindow(QMainWindow):
    """Owns the tabs and the analysis service; tabs never talk to the worker themselves."""

    all_settled = Signal()  # every open tab has its analysis shown, or its failure reported

    def __init__(self, settings: Settings, service: PipelineRunner) -> None:
        super().__init__()
        self.settings = settings
        self.service = service
        self._tabs_by_request: dict[int, ArticleTab] = {}
        self._tabs_by_load: dict[int, tuple[ArticleTab, _OpenBatch]] = {}
        self._tabs_looked_up: dict[ArticleTab, int] = {}  # the store is asked (token)
        self.loader = ArticleLoader(parent=self)
        self.loader.loaded.connect(self._on_loaded)
        self._model_error: str | None = None
        self._shut_down = False
        self.setWindowTitle("Reader")
        self.setAcceptDrops(True)
        self.setMinimumSize(QSize(720, 480))

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.tabCloseRequested.connect(self.close_tab)
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

        self._build_actions()
        self._build_menus()
        self.reading = ReadingControls(self)  # View and Help menus, reading preferences
        self.library = LibraryController(self)  # the store, collections, corrections
        self.library.looked_up.connect(self._on_looked_up)
        service.analysis_ready.connect(self._on_analysis_ready)
        service.analysis_failed.connect(self._on_analysis_failed)
        service.model_ready.connect(self._on_model_ready)
        service.model_failed.connect(self._on_model_failed)
        service.busy_changed.connect(self._on_busy)
        service.analysis_progress.connect(self._on_analysis_progress)
        service.queue_changed.connect(self._on_queue_changed)
        geometry = settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 800)
        self._update_actions()

    # -- actions and menus ------------------------------------------------------------------

    def _action(
        self, text: str, shortcut: QKeySequence | str | None, slot: Callable[[], object]
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work even while the menu bar is hidden
        return action

    def _build_actions(self) -> None:
        self.open_action = self._action("&Open…", QKeySequence.StandardKey.Open, self.open_dialog)
        self.export_action = self._action("&Export as HTML…", "Ctrl+E", self.export_current)
        self.close_tab_action = self._action(
            "&Close Tab", QKeySequence.StandardKey.Close, self.close_current
        )
        self.quit_action = self._action("&Quit", QKeySequence.StandardKey.Quit, self.close)
        self.find_action = self._action("&Find…", QKeySequence.StandardKey.Find, self.find)
        self.next_action = self._action("&Next Mention", "F3", self.next_mention)
        self.previous_action = self._action("&Previous Mention", "Shift+F3", self.previous_mention)
        self.clear_action = self._action("&Clear Filter", "Esc", self.escape)
        self.clear_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)

    def _build_menus(self) -> None:
        menu_bar = self.menuBar()
        file_menu = menu_bar.addMenu("&File")
        file_menu.addAction(self.open_action)
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.export_action)
        file_menu.addSeparator()
        file_menu.addAction(self.close_tab_action)
        file_menu.addAction(self.quit_action)
        edit_menu = menu_bar.addMenu("&Edit")
        edit_menu.addAction(self.find_action)
        follow_menu = menu_bar.addMenu("F&ollow")
        follow_menu.addAction(self.next_action)
        follow_menu.addAction(self.previous_action)
        follow_menu.addAction(self.clear_action)
        settings_menu = menu_bar.addMenu("&Settings")
        self.model_menu = settings_menu.addMenu("spaCy &Pipeline")
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
            action.triggered.connect(lambda _=False, n=name: self.choose_model(n))
            self.model_group.addAction(action)

    def _update_actions(self) -> None:
        tab = self.current_tab()
        has_tab = tab is not None
        for action in (self.close_tab_action, self.find_action):
            action.setEnabled(has_tab)
        self.export_action.setEnabled(has_tab and tab.analysis is not None)
        for action in (self.next_action, self.previous_action):
            action.setEnabled(has_tab and tab.analysis is not None)
        self.setWindowTitle(f"{middle_elided(tab.title, 80)} — Reader" if tab else "Reader")
        self.pages.setCurrentWidget(self.tabs if has_tab else self.empty)

    # -- opening and closing ------------------------------------------------------------------

    def current_tab(self) -> ArticleTab | None:
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, ArticleTab) else None

    def article_tabs(self) -> list[ArticleTab]:
        return [self.tabs.widget(i) for i in range(self.tabs.count())]

    def open_dialog(self) -> None:
        tab = self.current_tab()
        directory = str(tab.path.parent) if tab and tab.path else ""
        paths = dialogs.ask_open_paths(self, directory)
        if paths:
            self.open_paths(paths)
        if len(paths) > 1:
            self.library.collect(paths)

    def open_paths(self, paths: list[Path]) -> list[ArticleTab]:
        """Open each file in a tab at once, its text read off the GUI thread; returns the new
        tabs (a tab whose file cannot be read goes away again). All failures of one call are
        reported together in one dialog once every file of the call has been read."""
        opened = []
        paths = [Path(path) for path in paths]
        batch = _OpenBatch(waiting=0)
        for path in paths:
            existing = self._tab_for(path)
            if existing is not None:
                self.tabs.setCurrentWidget(existing)
                continue
            tab = self._add_tab(path)
            batch.waiting += 1
            self._tabs_by_load[self.loader.load(path, tab.view.font())] = (tab, batch)
            opened.append(tab)
        self._check_settled()
        return opened

    def _tab_for(self, path: Path) -> ArticleTab | None:
        """The tab already showing this file: opening it again only switches to it."""
        resolved = _resolved(path)
        for tab in self.article_tabs():
            if tab.path is not None and resolved is not None and _resolved(tab.path) == resolved:
                return tab
        return None

    def _add_tab(self, path: Path) -> ArticleTab:
        """A tab for a file being read: it says so until the text arrives."""
        tab = ArticleTab(path=path)
        tab.status_message.connect(self._show_status)
        tab.analysis_shown.connect(self._check_settled)
        tab.analysis_shown.connect(freeze_survivors)  # the final spans, drawn
        tab.analysis_bar.cancel_requested.connect(lambda: self.cancel_analysis(tab))
        tab.analysis_bar.retry_requested.connect(lambda: self._analyse(tab))
        index = self.tabs.addTab(tab, _short(tab.title))
        self.tabs.setTabToolTip(index, str(path))
        self.tabs.setCurrentIndex(index)
        self.reading.attach(tab)
        self.library.attach(tab)
        tab.view.setFocus(Qt.FocusReason.OtherFocusReason)
        return tab

    @Slot(object)
    def _on_loaded(self, loaded: Loaded) -> None:
        """A file has been read: show its text and queue its analysis, or note why not."""
        tab, batch = self._tabs_by_load.pop(loaded.token)
        batch.waiting -= 1
        if loaded.article is None:
            batch.errors.append(loaded.error or f"{loaded.path} cannot be opened.")
            resolved = _resolved(loaded.path)
            if resolved is not None and resolved in self.settings.recent_files():
                self.settings.remove_recent(loaded.path)
            self._remove_tab(tab)
        else:
            tab.set_article(loaded.article, loaded.prepared)
            freeze_survivors()  # the article, its blocks and their offsets
            index = self.tabs.indexOf(tab)
            self.tabs.setTabText(index, _short(tab.title))
            self.tabs.setTabToolTip(index, f"{tab.title}\n{loaded.article.path or ''}".strip())
            if _resolved(loaded.path) is not None:
                self.settings.add_recent(loaded.path)
            self._analyse(tab)
            self._update_actions()
        self._report_batch(batch)
        self._check_settled()

    def _report_batch(self, batch: _OpenBatch) -> None:
        """Once every file of an open is read, one dialog for all that could not be."""
        if batch.waiting == 0 and batch.errors:
            errors, batch.errors = batch.errors, []
            title = "Cannot open the article" if len(errors) == 1 else "Cannot open some articles"
            dialogs.show_error(self, title, "\n\n".join(errors))

    def _forget_request(self, tab: ArticleTab) -> None:
        """Cancel the tab's analysis in flight, if any: its result will be dropped."""
        if tab.request_id is not None:
            self.service.cancel(tab.request_id)
            self._tabs_by_request.pop(tab.request_id, None)
            tab.request_id = None

    def _analyse(self, tab: ArticleTab) -> None:
        if tab.article is None:  # still being read: it is analysed once it arrives
            return
        self._forget_request(tab)
        token = self.library.look_up(tab)  # the store's answer comes in _on_looked_up
        if token is not None:
            self._tabs_looked_up[tab] = token
        else:
            self._submit(tab)

    @Slot(object, int, object)
    def _on_looked_up(self, tab: ArticleTab, token: int, stored: Analysis | None) -> None:
        """The store's analysis of the tab's text, shown without analysing, or None: analyse."""
        if self._tabs_looked_up.get(tab) != token:
            return  # the tab was closed, or asked again, meanwhile
        del self._tabs_looked_up[tab]
        if stored is not None:
            tab.show_analysis(stored)
            self._update_actions()
        else:
            self._submit(tab)
        self._check_settled()

    def _submit(self, tab: ArticleTab) -> None:
        assert tab.article is not None
        tab.request_id = self.service.submit(tab.article)
        self._tabs_by_request[tab.request_id] = tab
        tab.set_status("Analysing…")
        self._on_queue_changed()

    def cancel_analysis(self, tab: ArticleTab) -> None:
        """Stop a tab's analysis (Cancel): the text and any highlights so far stay."""
        if tab.request_id is not None:
            self._forget_request(tab)
            tab.show_cancelled()
            self._check_settled()

    @Slot(int)
    def close_tab(self, index: int) -> None:
        """Close a tab and stop its analysis, or its loading; a late result is dropped."""
        tab = self.tabs.widget(index)
        if isinstance(tab, ArticleTab):
            self._remove_tab(tab)
            self._check_settled()

    def _remove_tab(self, tab: ArticleTab) -> None:
        self._forget_request(tab)
        self._tabs_looked_up.pop(tab, None)
        for token, (loading, batch) in list(self._tabs_by_load.items()):
            if loading is tab:  # closed while its file was read
                self.loader.cancel(token)
                del self._tabs_by_load[token]
                batch.waiting -= 1
                self._report_batch(batch)
        index = self.tabs.indexOf(tab)
        if index >= 0:
            self.tabs.removeTab(index)
        tab.analysis = None
        tab.deleteLater()
        self._update_actions()

    def close_current(self) -> None:
        if self.tabs.currentIndex() >= 0:
            self.close_tab(self.tabs.currentIndex())

    # -- results from the worker --------------------------------------------------------------

    @Slot(int, object)
    def _on_analysis_ready(self, request_id: int, analysis: Analysis) -> None:
        tab = self._tabs_by_request.pop(request_id, None)
        if tab is None:
            return
        tab.request_id = None
        analysis = self.library.received(analysis)  # stored, the reader's corrections applied
        tab.show_analysis(analysis)
        freeze_survivors()  # the analysis and what the panels made of it
        self._update_actions()
        if tab is not self.current_tab():
            return  # a background tab's counts would read as the shown one's
        entities, quotes = tab.entities.model.rowCount(), len(analysis.quotes)
        self.statusBar().showMessage(
            f"{tab.title}: {entities} people, countries and organizations; "
            f"{quotes} quote{'s' if quotes != 1 else ''}",
            STATUS_SECONDS * 1000,
        )

    @Slot(int, str)
    def _on_analysis_failed(self, request_id: int, message: str) -> None:
        tab = self._tabs_by_request.pop(request_id, None)
        if tab is None:
            return
        tab.request_id = None
        if self._model_error is not None:  # the missing model has had its one dialog already
            tab.show_failure("No highlights: no spaCy pipeline", retry=False)
        else:  # said in the tab, with Retry: a dialog per tab would pile up after a crash
            tab.show_failure("Analysis failed", message)
        self._on_queue_changed()
        self._check_settled()

    @Slot(int, object)
    def _on_analysis_progress(self, request_id: int, progress: object) -> None:
        """A chunk is done: its tab shows how far, and its preliminary highlights."""
        tab = self._tabs_by_request.get(request_id)
        if tab is not None:
            tab.show_progress(progress)
            freeze_survivors()  # the chunk's mentions and spans
            self.progress.setRange(0, max(progress.total, 1))  # type: ignore[attr-defined]
            self.progress.setValue(progress.done)  # type: ignore[attr-defined]

    @Slot()
    def _on_queue_changed(self) -> None:
        """Each tab with an analysis says whether it runs or waits, and behind which article."""
        running = self.service.running_request()
        running_tab = self._tabs_by_request.get(running) if running is not None else None
        if running_tab is not None and running_tab.analysis_bar.progress.isHidden():
            running_tab.show_started()
            self.progress.setRange(0, 0)
        for request_id in self.service.waiting_requests():
            tab = self._tabs_by_request.get(request_id)
            if tab is not None:
                tab.show_queued(running_tab.title if running_tab is not None else None)

    def _check_settled(self) -> None:
        """Emit all_settled once nothing is left to read or draw (what --screenshot waits for)."""
        if (
            not self._tabs_by_request
            and not self._tabs_by_load
            and not self._tabs_looked_up
            and not any(
                t.view.highlighter is not None and t.view.highlighter.busy
                for t in self.article_tabs()
            )
        ):
            self.all_settled.emit()

    @Slot(str, list)
    def _on_model_ready(self, label: str, models: list) -> None:
        self._model_error = None
        self.model_label.setText(f"spaCy: {label}")
        self._fill_model_menu(models)

    @Slot(str)
    def _on_model_failed(self, message: str) -> None:
        self._model_error = message
        self.model_label.setText("spaCy: no pipeline")
        dialogs.show_error(self, "No spaCy pipeline", message)

    @Slot(str)
    def _show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, STATUS_SECONDS * 1000)

    @Slot(str)
    def _on_busy(self, text: str) -> None:
        self.busy_label.setText(text)
        self.progress.setVisible(bool(text))

    def choose_model(self, name: str | None) -> None:
        """Switch the pipeline and analyse the open articles again with it."""
        if name == self.settings.model():
            return
        self.settings.set_model(name)
        self._model_error = None
        self.service.load_model(name)
        for tab in self.article_tabs():
            self._analyse(tab)

    # -- commands on the current tab ---------------------------------------------------------

    def export_current(self) -> None:
        tab = self.current_tab()
        if tab is None or tab.analysis is None or tab.article is None:
            return
        opened = [t.path for t in self.article_tabs() if t.path is not None]
        path = dialogs.ask_save_path(self, export_proposal(tab.article.path, tab.title, opened))
        if path is None:
            return
        target = _resolved(path)
        if target is not None and target in {_resolved(p) for p in opened}:
            dialogs.show_error(
                self,
                "Cannot export the article",
                f"{path} is an article open in Reader; export to another file name.",
            )
            return
        try:
            write_export(tab.analysis, path)
        except ExportError as error:
            dialogs.show_error(self, "Cannot export the article", str(error))
            return
        self.statusBar().showMessage(f"Exported to {path}", STATUS_SECONDS * 1000)

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
            self.library.collect(files)
        for folder in folders:
            self.library.collect_folder(folder)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Save the geometry and stop the worker thread (once)."""
        if self._shut_down:
            return
        self._shut_down = True
        self.reading.save_session()
        self.settings.set_geometry(self.saveGeometry())
        self.settings.sync()
        self.library.shutdown()
        self.service.shutdown()


def _short(title: str, limit: int = 36) -> str:
    return middle_elided(title, limit)
