"""Alias rules in the window: "… in the Whole Library" beside an article's Rename and Merge,
the Library's entity menu (`reader.gui.library.entity_menu`) and Edit ▸ Alias Rules…
(`reader.gui.window.alias_rules_dialog`).

A rule is kept by the store and applied there to every stored article it names
(`reader.core.store.alias_rules`); the open tabs then show their text's analysis again, and the
Library reads its lists again (`changed`). Edit ▸ Undo Correction right after takes the whole
rule back (the store removes a rule with the correction it made in that article).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMainWindow, QMenu

from reader.core.model import Entity
from reader.core.render.palette import STYLES
from reader.core.store.alias_rules import AliasRule, keep_rules, read_rules
from reader.core.store.database import StoreError
from reader.gui.article.article_tab import ArticleTab
from reader.gui.library.corrections import Corrections, ask_choice, ask_text
from reader.gui.window import dialogs
from reader.gui.window.alias_rules_dialog import AliasRulesDialog
from reader.gui.window.menus import MenuRegistry, Place
from reader.gui.window.open_articles import OpenArticles
from reader.gui.window.stored import StoredAnalyses

STATUS_MS = 8000


def rename_rule(aliases: Sequence[str], key: str, name: str) -> AliasRule:
    """Entity `key` (and the other keys in `aliases`) is called `name` in every article."""
    return AliasRule(tuple(aliases), key, name)


def merge_rule(aliases: Sequence[str], target: Entity) -> AliasRule:
    """The entities keyed `aliases` are `target` (its key, name and kind) in every article."""
    return AliasRule(tuple(aliases), target.key, target.name, str(target.kind))


class AliasRules(QObject):
    """Makes the library's alias rules from the window and shows what they change."""

    changed = Signal()  # rules were added or removed: the Library's lists may differ

    def __init__(
        self,
        stored: StoredAnalyses,
        articles: OpenArticles,
        corrections: Corrections,
        status: Callable[[str, int], None],
        parent: QMainWindow,
    ) -> None:
        super().__init__(parent)
        self._stored = stored
        self._articles = articles
        self._status = status
        self._window = parent
        self.dialog: AliasRulesDialog | None = None
        self._count = self._rule_count()
        corrections.library_actions = self.entity_actions
        corrections.changed.connect(self._after_correction)

    def add_menu_command(self, menus: MenuRegistry) -> None:
        """Edit ▸ Alias Rules…"""
        action = menus.add_action(Place.CORRECTIONS, "Alias &Rules…", self.show_dialog)
        action.setEnabled(self._stored.store is not None)

    def show_dialog(self) -> AliasRulesDialog | None:
        """The rules' dialog (window-modal, not blocking); None without a store."""
        store = self._stored.store
        if store is None:
            return None
        self.dialog = AliasRulesDialog(store, self._window)
        self.dialog.changed.connect(self._after_change)
        self.dialog.open()
        return self.dialog

    # -- an article's entity menu

    def entity_actions(
        self, menu: QMenu, tab: ArticleTab, entity: Entity, entities: Sequence[Entity]
    ) -> None:
        """Rename and Merge "in the Whole Library", after the article's own."""
        possible = self._stored.store is not None
        rename = menu.addAction(f"Rename “{entity.name}” in the Whole Library…")
        rename.setEnabled(possible)
        rename.triggered.connect(lambda: self.rename_everywhere(tab, entity))
        merge = menu.addAction(f"Merge Another Entity into “{entity.name}” in the Whole Library…")
        merge.setEnabled(possible and len(entities) > 1)
        merge.triggered.connect(lambda: self.merge_everywhere(tab, entity, entities))

    def rename_everywhere(self, tab: ArticleTab, entity: Entity) -> None:
        name = ask_text(tab, "Rename in the whole library", f"{entity.name} is:", entity.name)
        if name is not None and name != entity.name:
            self.add_rule(rename_rule([entity.key], entity.key, name))

    def merge_everywhere(self, tab: ArticleTab, entity: Entity, entities: Sequence[Entity]) -> None:
        others = [e for e in entities if e.key != entity.key]
        labels = [f"{e.name} ({STYLES[e.kind].label}, {e.count})" for e in others]
        label = f"In every article, treat as {entity.name}:"
        chosen = ask_choice(tab, "Merge in the whole library", label, labels)
        if chosen is not None:
            self.add_rule(merge_rule([others[labels.index(chosen)].key], entity))

    # -- keeping a rule

    def add_rule(self, rule: AliasRule) -> bool:
        """Keep `rule` (applied at once to every stored article) and show it; False when it
        could not be kept (said) or there is no store."""
        store = self._stored.store
        if store is None:
            return False
        for tab in self._articles.article_tabs():  # so the rule reaches the open articles too
            if tab.article is not None and tab.analysis is not None:
                self._stored.wait_saved(tab.article)
        try:
            added = keep_rules(store, [rule])
        except StoreError as error:
            dialogs.show_error(self._window, "Cannot keep the rule", str(error))
            return False
        self._status(
            f"Rule kept for the whole library: {rule.describe()}"
            + (" (Edit ▸ Undo Correction takes it back)" if added else " (already kept)"),
            STATUS_MS,
        )
        self._after_change()
        return True

    def _after_correction(self) -> None:
        """An undo may have taken a rule back: then show every open article again."""
        if self._rule_count() != self._count:
            self._after_change()

    def _after_change(self) -> None:
        self._count = self._rule_count()
        self.refresh_tabs()
        self.changed.emit()

    def _rule_count(self) -> int:
        store = self._stored.store
        try:
            return len(read_rules(store)) if store is not None else 0
        except StoreError:
            return 0

    def refresh_tabs(self) -> None:
        """Show each open article's stored analysis again where the rules changed it."""
        store = self._stored.store
        if store is None:
            return
        for tab in self._articles.article_tabs():
            if tab.article is None or tab.analysis is None:
                continue
            try:
                fresh = store.cached_analysis(tab.article, tab.analysis.model)
            except StoreError as error:
                self._status(str(error), STATUS_MS)
                return
            if fresh is not None and fresh != tab.analysis:
                tab.show_analysis(fresh)
