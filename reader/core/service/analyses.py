"""The analysis service: an article's analysis from the store, or made, kept and corrected.

Every way into an analysis goes through `AnalysisService`: the command line (`reader export`
here, `reader analyze` and `reader quotes` through `reader.core.service.batch.analyze_files`,
whose store work is done by this service), the spaCy child process of the window (which keeps
each analysis it makes), and the window's library. It is the only caller of
`Store.save_analysis` and `Store.save_analyses`.

An analysis is kept as the pipeline made it; what the service hands out has the reader's
corrections applied (`Store._with_corrections`, the one place where the reader's changes meet
the pipeline's analysis, and where a collection's alias rules will go). No Qt in this module.
"""

from __future__ import annotations

import importlib.util
import json
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from reader.core.model import Analysis
from reader.core.store.corrections import Correction
from reader.core.store.database import Store, StoreError, content_hash
from reader.core.text.article import Article

Warn = Callable[[str], None]


def pipeline_label(model: str | None = None) -> str:
    """The label `model_label` gives the pipeline `load_pipeline(model)` loads, read from its
    meta.json without loading it (so a fully stored collection never loads spaCy).

    Raises ModelError when no pipeline is installed.
    """
    name = model
    if not name:  # spaCy is imported only here, not for an explicit --model
        from reader.core.analysis.models import MODEL_ENV, ModelError, installed_models

        name = os.environ.get(MODEL_ENV) or next(iter(installed_models()), None)
        if not name:
            raise ModelError("No English spaCy pipeline is installed.")
    return f"{name} {_pipeline_version(name)}".strip()


def _pipeline_version(name: str) -> str:
    folder = Path(name)
    if not (folder / "meta.json").is_file():
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            spec = None
        locations = list(spec.submodule_search_locations or ()) if spec else []
        folder = Path(locations[0]) if locations else folder
    try:
        return json.loads((folder / "meta.json").read_text("utf-8")).get("version", "")
    except (OSError, ValueError):
        return ""


class AnalysisService:
    """Analyses from a store (or none) for one caller; safe to share between threads.

    How a failing store is handled depends on `warn`:
    - with `warn` (the command line, the batch, the spaCy child): a StoreError is passed to
      `warn` once, and from then on the service works as if it had no store;
    - without (the window, which says each failure where it happens and keeps its store): every
      method raises StoreError from the store.
    With no store, nothing is found, nothing kept, and corrections are none.
    """

    def __init__(self, store: Store | None, warn: Warn | None = None) -> None:
        self._store = store
        self._opened = store  # closed by `close`, also after a failure
        self._warn = warn

    @classmethod
    def open(cls, path: Path | None, warn: Warn | None = None) -> AnalysisService:
        """A service over the store file at `path` (default: `default_store_path()`).

        A store that cannot be opened is said through `warn` (the service then has none);
        without `warn`, raises StoreError.
        """
        try:
            return cls(Store.open(path), warn)
        except StoreError as error:
            if warn is None:
                raise
            warn(str(error))
            return cls(None, warn)

    @property
    def store(self) -> Store | None:
        """The store in use; None when there is none or it has failed (with `warn`)."""
        return self._store

    def close(self) -> None:
        """Close the store the service was given."""
        if self._opened is not None:
            self._opened.close()

    def __enter__(self) -> AnalysisService:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _failed(self, error: StoreError) -> None:
        """A store operation failed: raise it, or say it once and go on without the store."""
        if self._warn is None:
            raise error
        if self._store is not None:
            self._store = None
            self._warn(str(error))

    # -- one article

    def analysis(
        self,
        article: Article,
        model: str | None = None,
        *,
        on_progress: Callable[[Any], None] | None = None,
        should_stop: Callable[[], bool] | None = None,
    ) -> Analysis:
        """The article's analysis by pipeline `model` (None: the best installed), from the
        store, else made here (`on_progress` gets each chunk's `analyzer.Progress`, and
        `should_stop` is asked before each chunk), kept, and with the corrections applied.

        Raises ModelError when no pipeline can be loaded, AnalysisCancelled when stopped.
        """
        from reader.core.analysis.analyzer import analyze
        from reader.core.analysis.pipeline import load_pipeline

        if self._store is not None:  # the label is read only for a store to ask
            found = self.stored(article, pipeline_label(model))
            if found is not None:
                return found
        made = analyze(
            article, load_pipeline(model), on_progress=on_progress, should_stop=should_stop
        )
        return self.kept([made])[0]

    def stored(self, article: Article, label: str) -> Analysis | None:
        """The stored analysis of the article's text by the pipeline labelled `label` (its
        `model_label`), corrections applied; None when none is stored for this Reader version."""
        if self._store is None:
            return None
        try:
            return self._store.cached_analysis(article, label)
        except StoreError as error:
            self._failed(error)
            return None

    def holds(self, article: Article, label: str) -> bool:
        """Whether the store has the article's analysis by pipeline `label`, without reading it
        (one indexed row: cheap enough for the window's thread)."""
        if self._store is None:
            return False
        try:
            return self._store.holds(content_hash(article), label)
        except StoreError as error:
            self._failed(error)
            return False

    # -- keeping

    def keep(
        self,
        analysis: Analysis,
        keep_existing: bool = False,
        on_locked: Callable[[], None] | None = None,
    ) -> None:
        """Keep the pipeline's analysis in the store (one transaction), replacing an older one;
        with `keep_existing`, not when the store holds one already; `on_locked` is called once
        the write lock is held (`Store.save_analyses`).

        Raises ValueError for an analysis with corrections applied (keep the pipeline's own).
        """
        if self._store is None:
            return
        try:
            self._store.save_analysis(analysis, keep_existing, on_locked)
        except StoreError as error:
            self._failed(error)

    def kept(self, analyses: Sequence[Analysis]) -> list[Analysis]:
        """Keep the pipeline's analyses (one transaction: the batch's unit of writing) and
        return them in order with the corrections applied; as they are when the store fails."""
        if self._store is None or not analyses:
            return list(analyses)
        try:
            self._store.save_analyses(analyses)
            return [self._store.corrected(analysis) for analysis in analyses]
        except StoreError as error:
            self._failed(error)
            return list(analyses)

    # -- the reader's corrections

    def corrected(self, analysis: Analysis) -> Analysis:
        """The analysis with the reader's corrections of its text applied (see the module)."""
        if self._store is None:
            return analysis
        try:
            return self._store.corrected(analysis)
        except StoreError as error:
            self._failed(error)
            return analysis

    def has_corrections(self, article: Article) -> bool:
        """Whether the reader has corrected the article's text (so a correction can be undone)."""
        if self._store is None:
            return False
        try:
            return bool(self._store.corrections(content_hash(article)))
        except StoreError as error:
            self._failed(error)
            return False

    def correct(self, article: Article, label: str, correction: Correction) -> Analysis | None:
        """Keep `correction` of the article's text; its stored analysis by pipeline `label` with
        every correction applied, None when none is stored (or there is no store)."""
        if self._store is None:
            return None
        try:
            self._store.add_correction(content_hash(article), correction)
        except StoreError as error:
            self._failed(error)
            return None
        return self.stored(article, label)

    def undo_correction(self, article: Article, label: str) -> Analysis | None:
        """Take back the latest correction of the article's text; its stored analysis by pipeline
        `label` without it, None when none is stored (or there is no store)."""
        if self._store is None:
            return None
        try:
            self._store.undo_last_correction(content_hash(article))
        except StoreError as error:
            self._failed(error)
            return None
        return self.stored(article, label)
