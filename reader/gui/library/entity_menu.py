"""The correction menu of the Library's entity table: rename an entity or change its kind in
every article of the collection where it is (one correction per article, kept with its text, as
the article's own menu keeps it); rename it, or merge another entity into it, in the whole
library by an alias rule (`reader.gui.library.alias_actions`: every article's own key of the
entity is an alias, and articles analysed later follow the rule too). Splitting stays in the
article, where the mentions are; a right-click opens the menu only, it does not follow the
entity."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QMenu, QTableView

from reader.core.model import Entity, Kind
from reader.core.render.palette import STYLES
from reader.core.store.corrections import Correction
from reader.core.store.database import StoreError, content_hash
from reader.core.store.library import CollectionEntity
from reader.gui.library.alias_actions import AliasRules, merge_rule, rename_rule
from reader.gui.library.collection import Collections
from reader.gui.library.corrections import Corrections, ask_choice, ask_text
from reader.gui.library.tables import record_at
from reader.gui.window import dialogs
from reader.gui.window.open_articles import OpenArticles
from reader.gui.window.stored import StoredAnalyses


class CollectionEntityMenu(QObject):
    """Offers Rename and Change Kind on the collection's entities."""

    def __init__(
        self,
        collections: Collections,
        corrections: Corrections,
        stored: StoredAnalyses,
        articles: OpenArticles,
        rules: AliasRules | None = None,
    ) -> None:
        super().__init__(collections)
        self._rules = rules
        self._collections = collections
        self._stored = stored
        self._corrections = corrections
        self._articles = articles
        table = collections.panel.entities
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._menu)
        table.viewport().installEventFilter(self)

    @property
    def table(self) -> QTableView:
        return self._collections.panel.entities

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt)
        """A right-click opens the menu only: its press would make the row current, and the
        current row is followed."""
        if (
            isinstance(event, QMouseEvent)
            and event.button() != Qt.MouseButton.LeftButton
            and event.type() != QEvent.Type.MouseMove
        ):
            return True
        return super().eventFilter(watched, event)

    def _menu(self, point: QPoint) -> None:
        entity: CollectionEntity | None = record_at(self.table.indexAt(point))
        if entity is None:
            return
        menu = QMenu(self.table)
        possible = self._corrections.possible
        rename = menu.addAction(f"Rename “{entity.name}” in Every Article…")
        rename.setEnabled(possible)
        rename.triggered.connect(lambda: self.rename(entity))
        kinds = menu.addMenu("Change Kind in Every Article")
        for kind in Kind:
            action = kinds.addAction(STYLES[kind].label)
            action.setCheckable(True)
            action.setChecked(str(kind) == entity.kind)
            action.setEnabled(possible and str(kind) != entity.kind)
            action.triggered.connect(lambda _=False, k=kind: self.change_kind(entity, k))
        if self._rules is not None:
            possible = possible and not self._rules.work.busy  # greyed as the article's are
            menu.addSeparator()
            everywhere = menu.addAction(f"Rename “{entity.name}” in the Whole Library…")
            everywhere.setEnabled(possible)
            everywhere.triggered.connect(lambda: self.rename_everywhere(entity))
            merge = menu.addAction(
                f"Merge Another Entity into “{entity.name}” in the Whole Library…"
            )
            merge.setEnabled(possible)
            merge.triggered.connect(lambda: self.merge_everywhere(entity))
        menu.exec(self.table.viewport().mapToGlobal(point))

    def rename(self, entity: CollectionEntity) -> None:
        if self._corrections.waiting():  # said before the reader types what would be refused
            return
        name = ask_text(self.table, "Rename", f"New name for {entity.name}:", entity.name)
        if name is not None and name != entity.name:
            self.correct(entity, lambda key: Correction("rename", key=key, name=name))

    def _own_keys(self, entity: CollectionEntity) -> list[str]:
        """The entity's key in each article of the collection (its collection key first)."""
        collection = self._collections.collection
        found = collection.texts_of(entity.key) if collection is not None else ()
        return list(dict.fromkeys([entity.key, *sorted({key for _digest, key in found})]))

    def rename_everywhere(self, entity: CollectionEntity) -> None:
        """A rule: the entity, under any of its keys here, is called the new name everywhere."""
        name = ask_text(
            self.table, "Rename in the whole library", f"{entity.name} is:", entity.name
        )
        if name is not None and name != entity.name and self._rules is not None:
            self._rules.add_rule(rename_rule(self._own_keys(entity), entity.key, name))

    def merge_everywhere(self, entity: CollectionEntity) -> None:
        """A rule: another of the collection's entities is this one in every article."""
        collection = self._collections.collection
        if collection is None or self._rules is None:
            return
        others = [e for e in collection.entities() if e.key != entity.key]
        labels = [f"{e.name} ({e.kind.title()}, {e.articles} articles)" for e in others]
        label = f"In every article, treat as {entity.name}:"
        chosen = ask_choice(self.table, "Merge in the whole library", label, labels)
        if chosen is not None:
            other = others[labels.index(chosen)]
            target = Entity(entity.key, entity.name, Kind(entity.kind), ())
            self._rules.add_rule(merge_rule(self._own_keys(other), target))

    def change_kind(self, entity: CollectionEntity, kind: Kind) -> None:
        self.correct(entity, lambda key: Correction("kind", key=key, kind=str(kind)))

    def correct(self, entity: CollectionEntity, make: Callable[[str], Correction]) -> None:
        """One correction per article of the entity: through its tab when it is open (shown at
        once), else kept in the store; the library's lists then read again. None while an
        alias rule is being applied (said on the status bar): its transaction holds the
        store, and the GUI thread never waits for it."""
        collection, store = self._collections.collection, self._stored.store
        if collection is None or store is None or self._corrections.waiting():
            return
        tabs = {
            content_hash(tab.article): tab
            for tab in self._articles.article_tabs()
            if tab.article is not None and tab.analysis is not None
        }
        try:
            for digest, key in collection.texts_of(entity.key):
                if digest in tabs:
                    self._corrections.correct(tabs[digest], make(key))
                else:
                    store.add_correction(digest, make(key))
        except StoreError as error:
            dialogs.show_error(self.table, "Cannot make the correction", str(error))
        self._collections.refresh()
