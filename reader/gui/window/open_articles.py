"""The open articles: one tab each, its file read off the GUI thread, then analysed (through
`TabAnalyses`). Other parts of the window join each new tab through `tab_added`, and reach the
tabs through `current_tab`, `article_tabs` and `open_paths`, never through the window."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QTabWidget, QWidget

from reader.gui.article.article_tab import ArticleTab
from reader.gui.window import dialogs
from reader.gui.window.collector import freeze_survivors
from reader.gui.window.loading import ArticleLoader, Loaded
from reader.gui.window.naming import middle_elided, resolved
from reader.gui.window.settings import Settings
from reader.gui.window.stored import StoredAnalyses
from reader.gui.window.tab_analyses import TabAnalyses
from reader.gui.work.worker import PipelineRunner

TAB_TITLE_CHARS = 36


@dataclass
class _OpenBatch:
    """The files of one open or drop: their failures are reported together once all are read."""

    waiting: int
    errors: list[str] = field(default_factory=list)


class OpenArticles(QObject):
    """Owns the tab widget (`widget`), the file loader and the tabs' analyses."""

    tab_added = Signal(object)  # ArticleTab, in the tab widget and current
    changed = Signal()  # a tab's text or analysis arrived or went: the commands it enables
    all_settled = Signal()  # every open tab has its analysis shown, or its failure reported

    def __init__(
        self,
        settings: Settings,
        service: PipelineRunner,
        stored: StoredAnalyses,
        status: Callable[[str], None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._status = status
        self._parent = parent
        self._tabs_by_load: dict[int, tuple[ArticleTab, _OpenBatch]] = {}
        self.widget = QTabWidget(parent)
        self.widget.setDocumentMode(True)
        self.widget.setTabsClosable(True)
        self.widget.setMovable(True)
        self.widget.tabCloseRequested.connect(self.close_tab)
        self.loader = ArticleLoader(parent=self)
        self.loader.loaded.connect(self._on_loaded)
        self.analyses = TabAnalyses(service, stored, self.current_tab, status, parent=self)
        self.analyses.analysis_shown.connect(self.changed)
        self.analyses.request_ended.connect(self._check_settled)
        self.all_settled.connect(stored.write_unsaved)

    def current_tab(self) -> ArticleTab | None:
        widget = self.widget.currentWidget()
        return widget if isinstance(widget, ArticleTab) else None

    def article_tabs(self) -> list[ArticleTab]:
        return [self.widget.widget(i) for i in range(self.widget.count())]

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
                self.widget.setCurrentWidget(existing)
                continue
            tab = self._add_tab(path)
            batch.waiting += 1
            self._tabs_by_load[self.loader.load(path, tab.view.font())] = (tab, batch)
            opened.append(tab)
        self._check_settled()
        return opened

    def choose_model(self, name: str | None) -> None:
        """Switch the pipeline and analyse the open articles again with it."""
        if name != self._settings.model():
            self._settings.set_model(name)
            self.analyses.reanalyse(name, self.article_tabs())

    def _tab_for(self, path: Path) -> ArticleTab | None:
        """The tab already showing this file: opening it again only switches to it."""
        wanted = resolved(path)
        for tab in self.article_tabs():
            if tab.path is not None and wanted is not None and resolved(tab.path) == wanted:
                return tab
        return None

    def _add_tab(self, path: Path) -> ArticleTab:
        """A tab for a file being read: it says so until the text arrives."""
        tab = ArticleTab(path=path)
        tab.status_message.connect(self._status)
        tab.analysis_shown.connect(self._check_settled)
        tab.analysis_shown.connect(freeze_survivors)  # the final spans, drawn
        tab.analysis_bar.cancel_requested.connect(lambda: self.analyses.cancel(tab))
        tab.analysis_bar.retry_requested.connect(lambda: self.analyses.analyse(tab))
        index = self.widget.addTab(tab, middle_elided(tab.title, TAB_TITLE_CHARS))
        self.widget.setTabToolTip(index, str(path))
        self.widget.setCurrentIndex(index)
        self.tab_added.emit(tab)
        tab.view.setFocus(Qt.FocusReason.OtherFocusReason)
        return tab

    @Slot(object)
    def _on_loaded(self, loaded: Loaded) -> None:
        """A file has been read: show its text and queue its analysis, or note why not."""
        tab, batch = self._tabs_by_load.pop(loaded.token)
        batch.waiting -= 1
        if loaded.article is None:
            batch.errors.append(loaded.error or f"{loaded.path} cannot be opened.")
            path = resolved(loaded.path)
            if path is not None and path in self._settings.recent_files():
                self._settings.remove_recent(loaded.path)
            self._remove_tab(tab)
        else:
            tab.set_article(loaded.article, loaded.prepared)
            freeze_survivors()  # the article, its blocks and their offsets
            index = self.widget.indexOf(tab)
            self.widget.setTabText(index, middle_elided(tab.title, TAB_TITLE_CHARS))
            self.widget.setTabToolTip(index, f"{tab.title}\n{loaded.article.path or ''}".strip())
            if resolved(loaded.path) is not None:
                self._settings.add_recent(loaded.path)
            self.analyses.analyse(tab)
            self.changed.emit()
        self._report_batch(batch)
        self._check_settled()

    def _report_batch(self, batch: _OpenBatch) -> None:
        """Once every file of an open is read, one dialog for all that could not be."""
        if batch.waiting == 0 and batch.errors:
            errors, batch.errors = batch.errors, []
            title = "Cannot open the article" if len(errors) == 1 else "Cannot open some articles"
            dialogs.show_error(self._parent, title, "\n\n".join(errors))

    @Slot(int)
    def close_tab(self, index: int) -> None:
        """Close a tab and stop its analysis, or its loading; a late result is dropped."""
        tab = self.widget.widget(index)
        if isinstance(tab, ArticleTab):
            self._remove_tab(tab)
            self._check_settled()

    def close_current(self) -> None:
        if self.widget.currentIndex() >= 0:
            self.close_tab(self.widget.currentIndex())

    def _remove_tab(self, tab: ArticleTab) -> None:
        self.analyses.forget(tab)
        for token, (loading, batch) in list(self._tabs_by_load.items()):
            if loading is tab:  # closed while its file was read
                self.loader.cancel(token)
                del self._tabs_by_load[token]
                batch.waiting -= 1
                self._report_batch(batch)
        index = self.widget.indexOf(tab)
        if index >= 0:
            self.widget.removeTab(index)
        tab.analysis = None
        tab.deleteLater()
        self.changed.emit()

    def _check_settled(self) -> None:
        """Emit all_settled once nothing is left to read or draw (what --screenshot waits for)."""
        if (
            not self.analyses.pending()
            and not self._tabs_by_load
            and not any(
                t.view.highlighter is not None and t.view.highlighter.busy
                for t in self.article_tabs()
            )
        ):
            self.all_settled.emit()
