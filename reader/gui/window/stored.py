"""The analysis store behind every tab: the one place in the window that reads and writes it.

- An article the store already holds (by the pipeline the worker runs) is shown without being
  analysed again; the store is asked on its own lane, off the GUI thread.
- Every analysis the worker makes is kept (written on that lane once a tab has drawn), unless
  the spaCy child has written it already.
- The reader's corrections are kept with the article's text and applied to what is shown.
- A store that cannot be opened is said once in the status bar; Reader works on without it.

Every analysis goes through the core's `AnalysisService` (reader.core.service.analyses), called
only from this module; the collection and the indexer get its store (`store`) to list and fill.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from reader.core.model import Analysis
from reader.core.service.analyses import AnalysisService
from reader.core.store.corrections import Correction
from reader.core.store.database import Store, StoreError, content_hash
from reader.core.text.article import Article
from reader.gui.work.background import Job, JobControl, Lane
from reader.gui.work.worker import PipelineRunner

if TYPE_CHECKING:
    from reader.gui.article.article_tab import ArticleTab
    from reader.gui.window.settings import Settings

STATUS_MS = 8000


class StoredAnalyses(QObject):
    """Owns the analysis service (and so the store) and its lane; `look_up` before analysing a
    tab, `received` when an analysis arrives, `correct` and `undo` for the reader's corrections.
    """

    looked_up = Signal(object, int, object)  # tab, token from look_up, Analysis or None
    pipeline_known = Signal()  # the worker's pipeline (and so what the store is asked) is known

    def __init__(
        self,
        settings: Settings,
        service: PipelineRunner,
        status: Callable[[str, int], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._service = service
        self._status = status
        self._analyses = AnalysisService(None)  # none found, none kept: until the store opens
        self.problem: str | None = None  # why there is no store
        self._lane = Lane("store", threads=1, parent=self)
        self._saving: dict[str, Job] = {}
        self._unsaved: dict[str, Analysis] = {}  # received, written once the window has drawn
        self._tokens = itertools.count(1)
        self._label_model, self._model_label = settings.pipeline_label()
        try:  # without `warn`, the service raises each StoreError: said where it happens
            self._analyses = AnalysisService.open(None)  # $READER_STORE, else the user's
            service.set_store(self._analyses.store.path)  # the child keeps its analyses
        except StoreError as error:
            self.problem = problem = str(error)
            QTimer.singleShot(0, lambda: status(problem, STATUS_MS))
        service.model_ready.connect(self._on_model_ready)

    @property
    def store(self) -> Store | None:
        """The open store (None when it could not be opened, or after `shutdown`)."""
        return self._analyses.store

    @Slot(str, list)
    def _on_model_ready(self, label: str, _models: list) -> None:
        self._model_label, self._label_model = label, self._settings.model()
        self._settings.set_pipeline_label(self._label_model, label)
        self.pipeline_known.emit()

    def pipeline_label(self) -> str | None:
        """The label of the pipeline the worker runs, when known for the chosen pipeline."""
        if self._model_label and (self._label_model or None) == self._settings.model():
            return self._model_label
        return None

    # -- the tabs' analyses ---------------------------------------------------------------------

    def look_up(self, tab: ArticleTab) -> int | None:
        """Ask the store for its analysis of the tab's text by the current pipeline
        (corrections applied), on the store's lane: decoding a long analysis is a tenth of a
        second. `looked_up` brings the answer (None: not stored) with the token returned here;
        None when there is no store to ask."""
        label = self.pipeline_label()
        if self.store is None or tab.article is None or label is None:
            return None
        token = next(self._tokens)
        analyses, article = self._analyses, tab.article

        def find(_control: JobControl) -> tuple[ArticleTab, int, Analysis | None, str | None]:
            try:
                return tab, token, analyses.stored(article, label), None
            except StoreError as error:
                return tab, token, None, str(error)

        self._lane.submit(find).result.connect(self._on_found)
        return token

    @Slot(object)
    def _on_found(self, found: tuple[ArticleTab, int, Analysis | None, str | None]) -> None:
        tab, token, analysis, problem = found
        if problem is not None:
            self._status(problem, STATUS_MS)
        self.looked_up.emit(tab, token, analysis)

    def received(self, analysis: Analysis) -> Analysis:
        """A new analysis from the worker: kept in the store (on the lane, once a tab has drawn
        its highlights) and returned with the reader's corrections of this text applied."""
        if self.store is None:
            return analysis
        try:  # read before the write is queued: the store's lock is held while it writes
            corrected = self._analyses.corrected(analysis)
        except StoreError as error:
            self._status(f"Your corrections of this article cannot be read: {error}", STATUS_MS)
            corrected = analysis
        if not self._holds(analysis):  # not written by the spaCy child
            self._unsaved[content_hash(analysis.article)] = analysis
        return corrected

    def _holds(self, analysis: Analysis) -> bool:
        """Whether the store has an analysis of this text by this pipeline and Reader version
        (one indexed row, nothing decoded)."""
        try:
            return self._analyses.holds(analysis.article, analysis.model)
        except StoreError:
            return False

    def write_unsaved(self) -> None:
        """Queue the writes of the analyses received (those the spaCy child did not write).
        Encoding a long analysis is tenths of a second of Python on the lane's thread, which
        would take the interpreter lock from the GUI thread while it fills the panels and
        draws; so it waits until a tab has drawn (or nothing is left to draw, or a correction
        needs the analysis stored)."""
        for digest, analysis in self._unsaved.items():
            job = self._lane.submit(self._save, self._analyses, analysis)
            job.result.connect(self._on_saved)
            self._saving[digest] = job
        self._unsaved.clear()

    @staticmethod
    def _save(_control: JobControl, analyses: AnalysisService, analysis: Analysis) -> str | None:
        """On the lane. On failure the tab keeps its analysis, the article is analysed again
        next time, and the status bar says why."""
        try:  # the spaCy child may be writing it right now: whoever comes second writes nothing
            analyses.keep(analysis, keep_existing=True)
        except (StoreError, ValueError) as error:
            return f"The analysis could not be stored: {error}"
        return None

    @Slot(object)
    def _on_saved(self, problem: str | None) -> None:
        if problem is not None:
            self._status(problem, STATUS_MS)

    def submit(self, function: Callable[..., object], *args: object) -> Job:
        """Run `function(control, *args)` on the store's lane, after what is queued there (the
        alias rules' changes: reader.gui.window.alias_rule_work)."""
        return self._lane.submit(function, *args)

    def wait_saved(self, article: Article) -> None:
        """Block until the article's analysis is written (a correction needs it stored)."""
        self.write_unsaved()
        if self._saving.pop(content_hash(article), None) is not None:
            self._lane.wait_idle()

    # -- the reader's corrections ---------------------------------------------------------------

    def correct(self, article: Article, model: str, correction: Correction) -> Analysis | None:
        """Keep `correction` of the article's text; the analysis by `model` with every
        correction applied. Raises StoreError or CorrectionError."""
        self.wait_saved(article)
        return self._analyses.correct(article, model, correction)

    def can_undo(self, article: Article) -> bool:
        """Whether the reader has corrected this text."""
        try:
            return self._analyses.has_corrections(article)
        except StoreError:
            return False

    def undo(self, article: Article, model: str) -> Analysis | None:
        """Forget the latest correction of the text; the analysis without it. Raises
        StoreError."""
        return self._analyses.undo_correction(article, model)

    def clear(self) -> None:
        """Forget every stored analysis (corrections are kept). Raises StoreError."""
        if self.store is not None:
            self.store.clear()  # the service keeps analyses; forgetting them all is the store's

    def shutdown(self) -> None:
        """Write what is left and close the store."""
        self._service.set_store(None)
        self.write_unsaved()
        self._lane.wait_idle()
        self._analyses.close()
        self._analyses = AnalysisService(None)
