"""The open articles: one tab each, its file read off the GUI thread, then analysed (through
`TabAnalyses`). Other parts of the window join each new tab through `tab_added`, and reach the
tabs through `current_tab`, `article_tabs` and `open_paths`, never through the window. A scan's
pages are shown in its tab as OCR reads them, with how far it is and Cancel (`scan_pages`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QTabWidget, QWidget

from reader.gui.article.article_tab import ArticleTab
from reader.gui.window import dialogs, scan_pages
from reader.gui.window.collector import freeze_survivors
from reader.gui.window.loading import ArticleLoader, Loaded, PagesRead, Reading
from reader.gui.window.naming import middle_elided
from reader.gui.window.open_batch import OpenBatch
from reader.gui.window.settings import Settings
from reader.gui.window.stored import StoredAnalyses
from reader.gui.window.tab_analyses import TabAnalyses
from reader.gui.work.worker import PipelineRunner

TAB_TITLE_CHARS = 36


@dataclass(frozen=True, slots=True)
class _Load:
    """A file being read: its batch, its place in it, and its tab when it got one at once."""

    batch: OpenBatch
    position: int
    tab: ArticleTab | None


class OpenArticles(QObject):
    """Owns the tab widget (`widget`), the file loader and the tabs' analyses."""

    tab_added = Signal(
        object
    )  # ArticleTab, in the tab widget (current unless a later file of its open has a tab)
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
        self._loads: dict[int, _Load] = {}  # loader token -> the file it reads
        self._real_paths: dict[int, Path] = {}  # id(tab) -> its file's resolved path
        self.widget = QTabWidget(parent)
        self.widget.setDocumentMode(True)
        self.widget.setTabsClosable(True)
        self.widget.setMovable(True)
        self.widget.tabCloseRequested.connect(self.close_tab)
        self.loader = ArticleLoader(parent=self)
        self.loader.loaded.connect(self._on_loaded)
        self.loader.reading.connect(self._on_reading)
        self.loader.pages_read.connect(self._on_pages_read)
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
        """Open files, each read and told (special, too big, binary…) on the loader's lane.

        One file gets its tab at once, returned (the caller may show a place in it); the files
        of a batch get theirs through `tab_added` as each is read, in the order given, and none
        at all when refused, so a batch of any size costs the GUI thread one event per file it
        shows. A file open already is only switched to. All failures of one call are reported
        together, in one dialog, once every file of the call has been read."""
        by_name = {tab.path.absolute(): tab for tab in self.article_tabs() if tab.path}
        fresh = []
        for path in dict.fromkeys(Path(path) for path in paths):
            if (existing := by_name.get(path.absolute())) is not None:
                self.widget.setCurrentWidget(existing)
            else:
                fresh.append(path)
        batch = OpenBatch(waiting=len(fresh), status=self._status if len(fresh) > 1 else None)
        opened = [self._add_tab(fresh[0])] if len(fresh) == 1 else []
        batch.made.update(enumerate(opened))
        font = opened[0].view.font() if opened else self.widget.font()
        for position, token in enumerate(self.loader.load(fresh, font)):
            self._loads[token] = _Load(batch, position, opened[0] if opened else None)
        if len(fresh) > 1:
            self._status(f"Reading {len(fresh)} files…")
        self._check_settled()
        return opened

    def choose_model(self, name: str | None) -> None:
        """Switch the pipeline and analyse the open articles again with it."""
        if name != self._settings.model():
            self._settings.set_model(name)
            self.analyses.reanalyse(name, self.article_tabs())

    def _add_tab(self, path: Path, index: int = -1, current: bool = True) -> ArticleTab:
        """A tab for a file being read (at `index`; -1: last): it says so until the text
        arrives."""
        tab = ArticleTab(path=path)
        tab.status_message.connect(self._status)
        tab.analysis_shown.connect(self._check_settled)
        tab.analysis_shown.connect(freeze_survivors)  # the final spans, drawn
        tab.analysis_bar.cancel_requested.connect(lambda: self.analyses.cancel(tab))
        tab.analysis_bar.cancel_requested.connect(lambda: self._stop_reading(tab))
        tab.analysis_bar.retry_requested.connect(lambda: self.analyses.analyse(tab))
        index = self.widget.insertTab(index, tab, middle_elided(tab.title, TAB_TITLE_CHARS))
        self.widget.setTabToolTip(index, str(path))
        if current:
            self.widget.setCurrentIndex(index)
        self.tab_added.emit(tab)
        if current:
            tab.view.setFocus(Qt.FocusReason.OtherFocusReason)
        return tab

    @Slot(object)
    def _on_loaded(self, loaded: Loaded) -> None:
        """A file has been read: show its text and queue its analysis, or note why not."""
        load = self._loads.pop(loaded.token)
        load.batch.waiting -= 1
        shown = _tab_showing(self, loaded.path, loaded.real_path, besides=load.tab)
        if loaded.article is None:
            load.batch.errors.append(loaded.error or f"{loaded.path} cannot be opened.")
            if loaded.real_path in self._settings.recent_files():
                self._settings.remove_recent(loaded.real_path)
            if load.tab is not None:
                self._remove_tab(load.tab)
        elif shown is None:
            self._show(loaded, load)
        elif load.tab is not None:  # open already under another name: only switch to it
            self._remove_tab(load.tab)
            self.widget.setCurrentWidget(shown)
        _report_batch(self._parent, load.batch)
        self._check_settled()

    def _show(self, loaded: Loaded, load: _Load) -> None:
        """The text of a file read, in its tab (made now, in its place, for a batch's file)."""
        assert loaded.article is not None
        tab = load.tab or self._placed_tab(load, loaded.path)
        if loaded.real_path is not None:
            self._real_paths[id(tab)] = loaded.real_path
        scan_pages.set_read_article(tab, loaded.article, loaded.prepared)
        freeze_survivors()  # the article, its blocks and their offsets
        index = self.widget.indexOf(tab)
        self.widget.setTabText(index, middle_elided(tab.title, TAB_TITLE_CHARS))
        self.widget.setTabToolTip(index, f"{tab.title}\n{loaded.article.path or ''}".strip())
        if loaded.real_path is not None:
            self._settings.add_recent(loaded.real_path)
        self.analyses.analyse(tab)
        self.changed.emit()

    def _placed_tab(self, load: _Load, path: Path) -> ArticleTab:
        """A tab for a batch's file, made now in its place among the batch's tabs."""
        index, current = load.batch.place(load.position, self.widget)
        tab = self._add_tab(path, index, current)
        load.batch.made[load.position] = tab
        return tab

    @Slot(object)
    def _on_reading(self, reading: Reading) -> None:
        """How far a scan's OCR is, in its tab (a batch's file has one once a page is read)."""
        if (load := self._loads.get(reading.token)) is not None and load.tab is not None:
            scan_pages.show_reading(load.tab, reading)

    @Slot(object)
    def _on_pages_read(self, pages: PagesRead) -> None:
        """The next pages of a scan, shown in its tab (made now for a batch's file)."""
        load = self._loads[pages.token]
        if load.tab is None:
            tab = self._placed_tab(load, pages.path)
            load = self._loads[pages.token] = _Load(load.batch, load.position, tab)
        scan_pages.show_pages(load.tab, pages)

    def _stop_reading(self, tab: ArticleTab) -> None:
        """Cancel on a tab whose file is still read (OCR): stop and close it, no error."""
        if tab.loading and any(load.tab is tab for load in self._loads.values()):
            self._status(f"Stopped reading {tab.title} with OCR.")
            self.close_tab(self.widget.indexOf(tab))

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
        self._real_paths.pop(id(tab), None)
        for token, load in list(self._loads.items()):
            if load.tab is tab:  # closed while its file was read
                self.loader.cancel(token)
                del self._loads[token]
                load.batch.waiting -= 1
                _report_batch(self._parent, load.batch)
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
            and not self._loads
            and not any(
                t.view.highlighter is not None and t.view.highlighter.busy
                for t in self.article_tabs()
            )
        ):
            self.all_settled.emit()


def _tab_showing(
    articles: OpenArticles, path: Path, real_path: Path | None, besides: ArticleTab | None
) -> ArticleTab | None:
    """The tab (other than `besides`) showing this file already: by the name given (no file
    system call on the GUI thread), or by the real path the lane found."""
    wanted = path.absolute()
    for tab in articles.article_tabs():
        if tab is besides:
            continue
        if tab.path is not None and tab.path.absolute() == wanted:
            return tab
        if real_path is not None and articles._real_paths.get(id(tab)) == real_path:
            return tab
    return None


def _report_batch(parent: QWidget, batch: OpenBatch) -> None:
    """Once every file of an open is read, one dialog for all that could not be."""
    if errors := batch.take_errors():
        title = "Cannot open the article" if len(errors) == 1 else "Cannot open some articles"
        dialogs.show_error(parent, title, "\n\n".join(errors))
