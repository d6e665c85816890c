"""Each open tab's analysis: the store's when it holds one, else the worker's, brought to the
tab that asked; a result for a tab closed (or asked again) meanwhile is dropped. Tabs never talk
to the worker or the store themselves."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, Signal, Slot

from reader.core.model import Analysis
from reader.gui.article.article_tab import ArticleTab
from reader.gui.window.collector import freeze_survivors
from reader.gui.window.stored import StoredAnalyses
from reader.gui.work.worker import PipelineRunner


class TabAnalyses(QObject):
    """Asks the store, then the worker, for the analysis of each tab's text and shows it."""

    analysis_shown = Signal()  # a tab shows a new analysis: the commands it enables
    request_ended = Signal()  # a tab waits for nothing more (shown, failed or cancelled)
    progress = Signal(int, int)  # done, total of the running analysis (0, 0: under way)

    def __init__(
        self,
        service: PipelineRunner,
        stored: StoredAnalyses,
        current_tab: Callable[[], ArticleTab | None],
        status: Callable[[str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._stored = stored
        self._current_tab = current_tab
        self._status = status
        self._tabs_by_request: dict[int, ArticleTab] = {}
        self._tabs_looked_up: dict[ArticleTab, int] = {}  # the store is asked (token)
        self._model_error: str | None = None
        stored.looked_up.connect(self._on_looked_up)
        service.analysis_ready.connect(self._on_analysis_ready)
        service.analysis_failed.connect(self._on_analysis_failed)
        service.analysis_progress.connect(self._on_analysis_progress)
        service.queue_changed.connect(self._on_queue_changed)
        service.model_ready.connect(self._on_model_ready)
        service.model_failed.connect(self._on_model_failed)

    def pending(self) -> bool:
        """Whether a tab still waits for the store or the worker."""
        return bool(self._tabs_by_request or self._tabs_looked_up)

    def analyse(self, tab: ArticleTab) -> None:
        """Show the store's analysis of the tab's text, else ask the worker for one."""
        if tab.article is None:  # still being read: it is analysed once it arrives
            return
        self._forget_request(tab)
        token = self._stored.look_up(tab)  # the store's answer comes in _on_looked_up
        if token is not None:
            self._tabs_looked_up[tab] = token
        else:
            self._submit(tab)

    def reanalyse(self, model: str | None, tabs: Iterable[ArticleTab]) -> None:
        """Load another pipeline and analyse the tabs again with it."""
        self._model_error = None
        self._service.load_model(model)
        for tab in tabs:
            self.analyse(tab)

    def cancel(self, tab: ArticleTab) -> None:
        """Stop a tab's analysis (Cancel): the text and any highlights so far stay."""
        if tab.request_id is not None:
            self._forget_request(tab)
            tab.show_cancelled()
            self.request_ended.emit()

    def forget(self, tab: ArticleTab) -> None:
        """The tab is closing: whatever it asked for is dropped when it comes."""
        self._forget_request(tab)
        self._tabs_looked_up.pop(tab, None)

    def _forget_request(self, tab: ArticleTab) -> None:
        """Cancel the tab's analysis in flight, if any: its result will be dropped."""
        if tab.request_id is not None:
            self._service.cancel(tab.request_id)
            self._tabs_by_request.pop(tab.request_id, None)
            tab.request_id = None

    @Slot(object, int, object)
    def _on_looked_up(self, tab: ArticleTab, token: int, stored: Analysis | None) -> None:
        """The store's analysis of the tab's text, shown without analysing, or None: analyse."""
        if self._tabs_looked_up.get(tab) != token:
            return  # the tab was closed, or asked again, meanwhile
        del self._tabs_looked_up[tab]
        if stored is not None:
            tab.show_analysis(stored)
            self.analysis_shown.emit()
        else:
            self._submit(tab)
        self.request_ended.emit()

    def _submit(self, tab: ArticleTab) -> None:
        assert tab.article is not None
        tab.request_id = self._service.submit(tab.article)
        self._tabs_by_request[tab.request_id] = tab
        tab.set_status("Analysing…")
        self._on_queue_changed()

    # -- results from the worker ----------------------------------------------------------------

    @Slot(int, object)
    def _on_analysis_ready(self, request_id: int, analysis: Analysis) -> None:
        tab = self._tabs_by_request.pop(request_id, None)
        if tab is None:
            return
        tab.request_id = None
        analysis = self._stored.received(analysis)  # stored, the reader's corrections applied
        tab.show_analysis(analysis)
        freeze_survivors()  # the analysis and what the panels made of it
        self.analysis_shown.emit()
        if tab is not self._current_tab():
            return  # a background tab's counts would read as the shown one's
        entities, quotes = tab.entities.model.rowCount(), len(analysis.quotes)
        self._status(
            f"{tab.title}: {entities} people, countries and organizations; "
            f"{quotes} quote{'s' if quotes != 1 else ''}"
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
        self.request_ended.emit()

    @Slot(int, object)
    def _on_analysis_progress(self, request_id: int, progress: object) -> None:
        """A chunk is done: its tab shows how far, and its preliminary highlights."""
        tab = self._tabs_by_request.get(request_id)
        if tab is not None:
            tab.show_progress(progress)
            freeze_survivors()  # the chunk's mentions and spans
            self.progress.emit(progress.done, max(progress.total, 1))  # type: ignore[attr-defined]

    @Slot()
    def _on_queue_changed(self) -> None:
        """Each tab with an analysis says whether it runs or waits, and behind which article."""
        running = self._service.running_request()
        running_tab = self._tabs_by_request.get(running) if running is not None else None
        if running_tab is not None and running_tab.analysis_bar.progress.isHidden():
            running_tab.show_started()
            self.progress.emit(0, 0)
        for request_id in self._service.waiting_requests():
            tab = self._tabs_by_request.get(request_id)
            if tab is not None:
                tab.show_queued(running_tab.title if running_tab is not None else None)

    @Slot(str, list)
    def _on_model_ready(self, _label: str, _models: list) -> None:
        self._model_error = None

    @Slot(str)
    def _on_model_failed(self, message: str) -> None:
        self._model_error = message  # the window says it once; the tabs say no highlights
