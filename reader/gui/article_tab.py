"""One open article: the view with its legend, analysis, follow and find bars, and the two side
panels. A tab exists from the moment its file is asked for; the text comes when it is loaded."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from reader.core.model import Analysis, Entity, Mention
from reader.core.text.article import Article
from reader.gui.analysis_bar import AnalysisBar
from reader.gui.article_view import MAX_FIND_MATCHES, ArticleView, PreparedText
from reader.gui.models import ITEM_ROLE, KEY_ROLE
from reader.gui.panels import EntityPanel, FindBar, FollowBar, LegendBar, QuotePanel


class ArticleTab(QWidget):
    """Shows the text once loaded, then the analysis as it arrives; owns its analysis.

    Built from an `article`, or from a `path` whose article comes later with `set_article`.
    """

    analysis_shown = Signal()  # the highlights of a new analysis are all applied
    text_shown = Signal()  # the article's text is in the view
    status_message = Signal(str)

    def __init__(
        self,
        article: Article | None = None,
        parent: QWidget | None = None,
        *,
        path: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.article: Article | None = None
        self.path = path if article is None else article.path
        self.analysis: Analysis | None = None
        self.request_id: int | None = None
        self.followed: Entity | None = None
        self.mention_index = 0
        self._entities: dict[str, Entity] = {}
        self._matches: list[tuple[int, int]] = []
        self._match_index = -1
        self._awaiting_shown = False

        self.legend = LegendBar(self)
        self.follow_bar = FollowBar(self)
        self.follow_bar.hide()
        self.analysis_bar = AnalysisBar(self)
        self.view = ArticleView(self)
        self.find_bar = FindBar(self)
        self.find_bar.hide()
        self.entities = EntityPanel(self)
        self.quotes = QuotePanel(self)

        reading = QWidget(self)
        reading_layout = QVBoxLayout(reading)
        reading_layout.setContentsMargins(0, 0, 0, 0)
        reading_layout.setSpacing(0)
        reading_layout.addWidget(self.legend)
        reading_layout.addWidget(self.follow_bar)
        reading_layout.addWidget(self.analysis_bar)
        reading_layout.addWidget(self.view, 1)
        reading_layout.addWidget(self.find_bar)
        side = QSplitter(Qt.Orientation.Vertical, self)
        side.setMinimumWidth(260)
        side.addWidget(self.entities)
        side.addWidget(self.quotes)
        side.setStretchFactor(0, 1)
        side.setStretchFactor(1, 1)
        side.setSizes([1, 1])  # equal halves: neither list starts out squeezed
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(reading)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([880, 360])
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self.legend.kinds_changed.connect(self._on_kinds_changed)
        self.follow_bar.next_requested.connect(self.next_mention)
        self.follow_bar.previous_requested.connect(self.previous_mention)
        self.follow_bar.clear_requested.connect(self.clear_filter)
        self.find_bar.text_changed.connect(self._on_find_text)
        self.find_bar.next_requested.connect(lambda: self._step_match(1))
        self.find_bar.previous_requested.connect(lambda: self._step_match(-1))
        self.find_bar.closed.connect(self.close_find)
        self.entities.list.selectionModel().currentChanged.connect(self._on_entity_current)
        self.entities.list.clicked.connect(self._on_entity_current)
        self.quotes.list.clicked.connect(self._on_quote)
        self.quotes.list.activated.connect(self._on_quote)
        self.view.mention_clicked.connect(self._on_mention_clicked)
        self.view.analysis_applied.connect(self._on_analysis_applied)
        if article is not None:
            self.set_article(article)
        else:
            self.set_status("Opening…")
            self.analysis_bar.show_opening()

    def set_article(self, article: Article, prepared: PreparedText | None = None) -> None:
        """Show the text (its document built beforehand off the GUI thread, if `prepared`)."""
        self.article = article
        self.path = article.path
        self.view.set_article(article, prepared)
        assert self.view.highlighter is not None
        self.view.highlighter.applied.connect(self._on_highlights_applied)
        self.set_status("Analysing…")
        self.text_shown.emit()

    @property
    def title(self) -> str:
        if self.article is None:
            return self.path.name if self.path else "Untitled"
        return self.article.title or self.article.display_name

    @property
    def loading(self) -> bool:
        return self.article is None

    def set_status(self, text: str) -> None:
        self.legend.status.setText(text)

    def show_queued(self, behind: str | None) -> None:
        self.set_status("Waiting for analysis…")
        self.analysis_bar.show_queued(behind)

    def show_progress(self, progress) -> None:
        """Progress of the analysis: the bar moves and the chunk's preliminary highlights show.
        `progress` has done/total (characters of the text), the chunk's start/end and its
        `mentions` (reader.core.analysis.analyzer.Progress)."""
        assert self.article is not None
        self.set_status("Analysing…")
        self.analysis_bar.show_progress(progress.done, progress.total)
        self.view.add_preliminary(progress.start, progress.end, progress.mentions)

    def show_started(self) -> None:
        self.set_status("Analysing…")
        self.analysis_bar.show_progress(0, 0)

    def show_cancelled(self) -> None:
        self.set_status("Analysis cancelled")
        self.analysis_bar.show_cancelled()

    def show_analysis(self, analysis: Analysis) -> None:
        """Fill the panels and start laying the highlights on the text."""
        self.clear_filter()
        self.analysis = analysis
        entities = analysis.entities
        self._entities = {entity.key: entity for entity in entities}
        self.legend.set_counts(analysis.kind_counts())
        self.entities.set_entities(entities)
        # The quote list is filled when the view has the final mentions, in an event-loop turn
        # of its own: on a long article each panel takes tens of milliseconds to fill.
        self.set_status("")
        self.analysis_bar.hide()
        self._awaiting_shown = False  # until the view has the final mentions
        self.view.set_analysis(analysis)

    def show_failure(self, status: str, message: str | None = None, retry: bool = True) -> None:
        """A short `status` in the legend; `message` (why) in the bar, with Retry."""
        self.set_status(status)
        self.analysis_bar.show_failure(message or status, retry)

    def _on_analysis_applied(self) -> None:
        """The view has the final mentions: shown once the highlighter has drawn them."""
        assert self.view.highlighter is not None
        if self.analysis is not None:
            self.quotes.set_analysis(self.analysis)
        self._awaiting_shown = True
        if not self.view.highlighter.busy:
            self._on_highlights_applied()

    def _on_highlights_applied(self) -> None:
        if self._awaiting_shown:
            self._awaiting_shown = False
            self.analysis_shown.emit()

    def follow(self, key: str, mention: Mention | None = None) -> None:
        """Filter the reader to one entity: its quotes, its mentions stand out, others dim."""
        entity = self._entities.get(key)
        if entity is None:
            return
        self.followed = entity
        self.mention_index = entity.mentions.index(mention) if mention in entity.mentions else 0
        row = self.entities.model.row_of(key)
        index = self.entities.proxy.mapFromSource(self.entities.model.index(row, 0))
        if index.isValid() and self.entities.list.currentIndex() != index:
            self.entities.list.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        assert self.view.highlighter is not None
        self.view.highlighter.set_focus(key)
        self.quotes.set_entity(entity)
        self.follow_bar.show_entity(entity)
        self._go_to_mention()

    def clear_filter(self) -> None:
        """Back to the whole article: every highlight and every quote, no quote marked."""
        self.view.mark_quote(None)
        if self.followed is None:
            return
        self.followed = None
        self.entities.list.selectionModel().clear()
        assert self.view.highlighter is not None
        self.view.highlighter.set_focus(None)
        self.quotes.set_entity(None)
        self.follow_bar.hide()
        cursor = self.view.textCursor()
        cursor.clearSelection()
        self.view.setTextCursor(cursor)

    def next_mention(self) -> None:
        self._step_mention(1)

    def previous_mention(self) -> None:
        self._step_mention(-1)

    def _step_mention(self, step: int) -> None:
        if self.followed is None:
            return
        self.mention_index = (self.mention_index + step) % self.followed.count
        self._go_to_mention()

    def _go_to_mention(self) -> None:
        assert self.followed is not None
        mention = self.followed.mentions[self.mention_index]
        self.view.select_range(mention.start, mention.end)
        self.follow_bar.set_position(self.mention_index, self.followed.count)

    def escape(self) -> None:
        """Esc closes the find bar when it is in use, else stops following an entity."""
        if self.find_bar.isVisible() and self.find_bar.isAncestorOf(self.focusWidget()):
            self.close_find()
        else:
            self.clear_filter()

    def open_find(self) -> None:
        if self.article is None:
            return
        self.find_bar.show()
        self.find_bar.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.find_bar.edit.selectAll()
        self._on_find_text(self.find_bar.edit.text())

    def close_find(self) -> None:
        self.find_bar.hide()
        self.view.find_all("")
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_find_text(self, text: str) -> None:
        self._matches = self.view.find_all(text)
        self._match_index = -1
        self._step_match(1)

    def _step_match(self, step: int) -> None:
        if self._matches:
            self._match_index = (self._match_index + step) % len(self._matches)
            self.view.select_document_range(*self._matches[self._match_index])
        capped = len(self._matches) >= MAX_FIND_MATCHES
        self.find_bar.set_count(self._match_index, len(self._matches), capped)

    def _on_kinds_changed(self, hidden: frozenset) -> None:
        if self.view.highlighter is not None:
            self.view.highlighter.set_hidden_kinds(hidden)

    def _on_entity_current(self, index: QModelIndex) -> None:
        key = index.data(KEY_ROLE) if index.isValid() else None
        if key is not None and (self.followed is None or self.followed.key != key):
            self.follow(key)

    def _on_mention_clicked(self, mention: Mention) -> None:
        self.follow(mention.key, mention)

    def _on_quote(self, index: QModelIndex) -> None:
        quote = index.data(ITEM_ROLE)
        if quote is not None:
            self.view.mark_quote(quote)
            speaker = quote.speaker.name if quote.speaker else "an unnamed speaker"
            self.status_message.emit(f"Quote by {speaker}")
