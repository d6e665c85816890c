"""Alias rules in the window: "… in the Whole Library" beside an article's Rename and Merge,
the Library's entity menu (`reader.gui.library.entity_menu`) and Edit ▸ Alias Rules…
(`reader.gui.window.alias_rules_dialog`).

A rule is kept by the store and applied there to every stored article it names
(`reader.core.store.alias_rules`), on the store's lane (`reader.gui.window.alias_rule_work`):
the status bar says how far it is, the "… in the Whole Library" commands wait (greyed) and so
do an article's own corrections (their write would wait for the rule's); when it is done the
open tabs show their text's analysis again and the Library reads its lists again (`changed`).

Undo Correction in an article takes back that article's own latest correction only. When the
latest change there is a rule's, Undo leaves it (the rule is the library's, not the article's):
the status bar says which rule it is and the Alias Rules dialog opens with it selected, where
Remove takes it back in every article and Close keeps it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMainWindow, QMenu

from reader.core.model import Entity
from reader.core.render.palette import STYLES
from reader.core.store.alias_rules import AliasRule, read_rules
from reader.core.store.database import StoreError
from reader.gui.article.article_tab import ArticleTab
from reader.gui.library.corrections import Corrections, ask_choice, ask_text
from reader.gui.window import dialogs
from reader.gui.window.alias_rule_work import AliasRuleWork, RuleOutcome
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
        self._status = status
        self._window = parent
        self.dialog: AliasRulesDialog | None = None
        self.work = AliasRuleWork(stored, articles, self)
        self.work.progress.connect(lambda text: status(text, STATUS_MS))
        self.work.done.connect(self._on_done)
        self.work.changed.connect(self.changed)
        corrections.library_actions = self.entity_actions
        corrections.blocked = self._blocked
        corrections.rule_undo = self.offer_removal

    def add_menu_command(self, menus: MenuRegistry) -> None:
        """Edit ▸ Alias Rules…"""
        action = menus.add_action(Place.CORRECTIONS, "Alias &Rules…", self.show_dialog)
        action.setEnabled(self._stored.store is not None)

    def show_dialog(self) -> AliasRulesDialog | None:
        """The rules' dialog (window-modal, not blocking; one, shown again); None without a
        store."""
        store = self._stored.store
        if store is None:
            return None
        if self.dialog is None or self.dialog.store is not store:
            self.dialog = AliasRulesDialog(store, self.work, self._window)
        else:
            self.dialog.note.clear()
            self.dialog.reload()
        self.dialog.open()
        return self.dialog

    def _blocked(self) -> str | None:
        """Why an article's correction must wait (a rule is being applied), None when not."""
        if self.work.busy:
            return "Wait a moment: an alias rule is being applied to the library"
        return None

    def offer_removal(self, tab: ArticleTab, rule_id: int) -> None:
        """Undo reached a rule's change in `tab`: say so, and open the dialog on that rule."""
        rules = dict(self._rules())
        shown = rules[rule_id].describe() if rule_id in rules else f"rule {rule_id}"
        self._status(
            f"Undo leaves library rules alone: the latest change in {tab.title} comes from"
            f" the alias rule {shown} (Alias Rules… removes it from every article)",
            STATUS_MS,
        )
        dialog = self.show_dialog()
        if dialog is not None:
            dialog.select_rule(
                rule_id,
                f"The latest change in “{tab.title}” comes from this rule. Remove takes it back"
                " in every article; Close keeps it.",
            )

    # -- an article's entity menu

    def entity_actions(
        self, menu: QMenu, tab: ArticleTab, entity: Entity, entities: Sequence[Entity]
    ) -> None:
        """Rename and Merge "in the Whole Library", after the article's own (greyed while a
        rule is being applied)."""
        possible = self._stored.store is not None and not self.work.busy
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
        """Keep `rule`, applied to every stored article on the store's lane (`work.done` says
        when); False when there is no store."""
        return self.work.add([rule]) is not None

    def _on_done(self, outcome: RuleOutcome) -> None:
        if outcome.failed and (self.dialog is None or not self.dialog.isVisible()):
            dialogs.show_error(self._window, "Cannot change the alias rules", outcome.message)
        elif outcome.added:
            self._status(f"{outcome.message} (Edit ▸ Alias Rules… removes it)", STATUS_MS)
        else:
            self._status(outcome.message, STATUS_MS)

    def _rules(self) -> tuple[tuple[int, AliasRule], ...]:
        store = self._stored.store
        try:
            return read_rules(store) if store is not None else ()
        except StoreError:
            return ()
