"""The library's alias rules added, removed and imported off the GUI thread.

A rule on a common name rewrites thousands of stored articles (seconds, `reader.core.store.
alias_rules`), so each change runs as a job on the store's lane (`StoredAnalyses.submit`, after
the tabs' analyses waiting to be written, so the rule reaches them too) on a connection of its
own: the store is in WAL mode, so the window's reads go on meanwhile and see the store as it was
until the rule's one transaction commits. The job reports how far it is (`progress`, one line
for the status bar or the dialog), then reads again the analyses of the tabs open when it was
asked; once each of those tabs shows its new analysis, `done` brings the outcome (a
`RuleOutcome`) and, when rules were added or removed, `changed` follows. Jobs asked while one
runs wait their turn on the lane; `busy` says whether any is queued or running.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from reader.core.model import Analysis
from reader.core.store.alias_file import AliasFileError, read_rules_file
from reader.core.store.alias_rules import AliasRule, drop_rule, keep_rules
from reader.core.store.database import Store, StoreError
from reader.core.text.article import Article
from reader.gui.window.open_articles import OpenArticles
from reader.gui.window.stored import StoredAnalyses
from reader.gui.work.background import Job, JobControl

if TYPE_CHECKING:
    from reader.gui.article.article_tab import ArticleTab

Progress = Callable[[int, int], None]  # (articles done, articles to do)
Work = Callable[[Store, Progress], "RuleOutcome"]


@dataclass(frozen=True)
class RuleOutcome:
    """What a job did: `message` one line for the user; `changed` when rules were added or
    removed; `failed` when nothing could be done (the message says why); `added` the ids of
    the rules added."""

    message: str
    changed: bool = False
    failed: bool = False
    added: tuple[int, ...] = ()


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


class AliasRuleWork(QObject):
    """Runs the alias rules' changes on the store's lane and shows them in the open tabs."""

    progress = Signal(str)  # "Applying the rule: 1,200 of 3,500 articles"
    busy_changed = Signal(bool)
    done = Signal(object)  # RuleOutcome, after the open tabs were shown again
    changed = Signal()  # rules were added or removed: the Library's lists may differ

    def __init__(
        self, stored: StoredAnalyses, articles: OpenArticles, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._stored = stored
        self._articles = articles
        self._pending = 0

    @property
    def busy(self) -> bool:
        """Whether a change of the rules is queued or running."""
        return self._pending > 0

    def add(self, rules: Sequence[AliasRule]) -> Job | None:
        """Keep `rules` and apply them to every stored article; None without a store."""

        def work(store: Store, progress: Progress) -> RuleOutcome:
            added = keep_rules(store, rules, progress)
            if not added:
                return RuleOutcome("That rule is kept already.")
            shown = rules[0].describe() if len(rules) == 1 else _plural(len(added), "rule")
            return RuleOutcome(
                f"Rule kept for the whole library: {shown}", True, added=tuple(added)
            )

        return self._run("Applying the alias rule", work)

    def remove(self, rule_ids: Sequence[int]) -> Job | None:
        """Forget the rules and take back what they changed in every article."""

        def work(store: Store, progress: Progress) -> RuleOutcome:
            removed = sum(drop_rule(store, rule_id, progress) is not None for rule_id in rule_ids)
            return RuleOutcome(f"Removed {_plural(removed, 'rule')}.", removed > 0)

        return self._run("Removing the alias rule", work)

    def import_file(self, path: Path) -> Job | None:
        """Add the rules of a shared file: all of them, or none when it is refused (said)."""

        def work(store: Store, progress: Progress) -> RuleOutcome:
            try:
                rules = read_rules_file(path)
            except AliasFileError as error:
                return RuleOutcome(str(error), failed=True)
            added = keep_rules(store, rules, progress)
            return RuleOutcome(
                f"Imported {_plural(len(added), 'rule')} from {path.name}"
                f" ({len(rules) - len(added)} already kept).",
                bool(added),
                added=tuple(added),
            )

        return self._run(f"Importing {path.name}", work)

    def _run(self, label: str, work: Work) -> Job | None:
        store = self._stored.store
        if store is None:
            return None
        self._stored.write_unsaved()  # queued first on the lane: the rule reaches them too
        tabs = [
            (tab, tab.article, tab.analysis.model)
            for tab in self._articles.article_tabs()
            if tab.article is not None and tab.analysis is not None
        ]
        reads = [(article, model) for _tab, article, model in tabs]
        job = self._stored.submit(_apply, store.path, work, reads)
        job.progress.connect(lambda done_total: self._report(label, *done_total))
        job.result.connect(lambda result: self._finish(tabs, *result))
        job.error.connect(
            lambda error: self._finish(tabs, RuleOutcome(str(error), failed=True), [])
        )
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        self.progress.emit(f"{label}…")
        return job

    def _report(self, label: str, done: int, total: int) -> None:
        self.progress.emit(f"{label}: {done:,} of {_plural(total, 'article')}")

    def _finish(
        self,
        tabs: Sequence[tuple[ArticleTab, Article, str]],
        outcome: RuleOutcome,
        fresh: Sequence[Analysis | None],
    ) -> None:
        """On the GUI thread: each tab still showing the same article shows its new analysis."""
        open_tabs = set(self._articles.article_tabs())
        for (tab, article, _model), analysis in zip(tabs, fresh, strict=False):
            same = tab in open_tabs and tab.article is article
            if same and analysis is not None and analysis != tab.analysis:
                tab.show_analysis(analysis)
        self._pending -= 1
        if self._pending == 0:
            self.busy_changed.emit(False)
        if outcome.changed:
            self.changed.emit()
        self.done.emit(outcome)


def _apply(
    control: JobControl, path: Path, work: Work, reads: Sequence[tuple[Article, str]]
) -> tuple[RuleOutcome, list[Analysis | None]]:
    """On the store's lane: `work` on a connection of its own, then the analyses of `reads`
    (article, pipeline) as the store now has them (None for one it does not hold)."""
    try:
        with Store.open(path) as store:
            outcome = work(store, lambda done, total: control.report((done, total)))
            fresh = (
                [store.cached_analysis(a, model) for a, model in reads] if outcome.changed else []
            )
    except StoreError as error:
        return RuleOutcome(str(error), failed=True), []
    return outcome, fresh
