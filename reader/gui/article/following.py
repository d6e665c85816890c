"""Following one entity through an article: its row selected, its mentions stand out while the
others dim, its quotes alone listed, and F3 and Shift+F3 step from mention to mention."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QObject

from reader.core.model import Entity, Mention
from reader.gui.article.article_view import ArticleView
from reader.gui.article.models import KEY_ROLE
from reader.gui.article.panels import EntityPanel, FollowBar, QuotePanel


class EntityFollower(QObject):
    """Which entity is followed (`followed`) and at which of its mentions (`mention_index`)."""

    def __init__(
        self,
        view: ArticleView,
        entities: EntityPanel,
        quotes: QuotePanel,
        bar: FollowBar,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._view = view
        self._entities = entities
        self._quotes = quotes
        self._bar = bar
        self._by_key: dict[str, Entity] = {}
        self.followed: Entity | None = None
        self.mention_index = 0
        bar.next_requested.connect(self.next_mention)
        bar.previous_requested.connect(self.previous_mention)
        entities.list.selectionModel().currentChanged.connect(self._on_entity_current)
        entities.list.clicked.connect(self._on_entity_current)
        view.mention_clicked.connect(self._on_mention_clicked)

    def set_entities(self, entities: tuple[Entity, ...]) -> None:
        """The entities of a new analysis, the ones `follow` can find by key."""
        self._by_key = {entity.key: entity for entity in entities}

    def follow(self, key: str, mention: Mention | None = None) -> None:
        entity = self._by_key.get(key)
        if entity is None:
            return
        self.followed = entity
        self.mention_index = entity.mentions.index(mention) if mention in entity.mentions else 0
        panel = self._entities
        index = panel.proxy.mapFromSource(panel.model.index(panel.model.row_of(key), 0))
        if index.isValid() and panel.list.currentIndex() != index:
            panel.list.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        assert self._view.highlighter is not None
        self._view.highlighter.set_focus(key)
        self._quotes.set_entity(entity)
        self._bar.show_entity(entity)
        self._go_to_mention()

    def clear(self) -> None:
        """Stop following: every highlight and every quote again, the selection cleared."""
        if self.followed is None:
            return
        self.followed = None
        self._entities.list.selectionModel().clear()
        assert self._view.highlighter is not None
        self._view.highlighter.set_focus(None)
        self._quotes.set_entity(None)
        self._bar.hide()
        cursor = self._view.textCursor()
        cursor.clearSelection()
        self._view.setTextCursor(cursor)

    def next_mention(self) -> None:
        self._step(1)

    def previous_mention(self) -> None:
        self._step(-1)

    def _step(self, step: int) -> None:
        if self.followed is None:
            return
        self.mention_index = (self.mention_index + step) % self.followed.count
        self._go_to_mention()

    def _go_to_mention(self) -> None:
        assert self.followed is not None
        mention = self.followed.mentions[self.mention_index]
        self._view.select_range(mention.start, mention.end)
        self._bar.set_position(self.mention_index, self.followed.count)

    def _on_entity_current(self, index: QModelIndex) -> None:
        key = index.data(KEY_ROLE) if index.isValid() else None
        if key is not None and (self.followed is None or self.followed.key != key):
            self.follow(key)

    def _on_mention_clicked(self, mention: Mention) -> None:
        self.follow(mention.key, mention)
