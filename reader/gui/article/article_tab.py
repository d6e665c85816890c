"""One open article: the view with its legend, analysis, follow and find bars, and the two side
panels. A tab exists from the moment its file is asked for; the text comes when it is loaded."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from reader.core.model import Analysis, Entity, Mention
from reader.core.text.article import Article
from reader.gui.article.analysis_bar import AnalysisBar
from reader.gui.article.article_find import ArticleFind
from reader.gui.article.article_view import ArticleView, PreparedText
from reader.gui.article.following import EntityFollower
from reader.gui.article.models import ITEM_ROLE
from reader.gui.article.panels import EntityPanel, FindBar, FollowBar, LegendBar, QuotePanel
from reader.gui.article.review import QuoteReview


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

        self.splitter = _lay_out(self)
        self.follower = EntityFollower(self.view, self.entities, self.quotes, self.follow_bar, self)
        self.finder = ArticleFind(self.find_bar, self.view, self)
        self.review = QuoteReview(self.view, self.quotes, self)
        self.review.status.connect(self.status_message)
        self.review.clear_filter_requested.connect(self.clear_filter)
        self.legend.kinds_changed.connect(self._on_kinds_changed)
        self.follow_bar.clear_requested.connect(self.clear_filter)
        self.quotes.list.clicked.connect(self._on_quote)
        self.quotes.list.activated.connect(self._on_quote)
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
        self.review.set_text(article.text)
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
        self.follower.set_entities(entities)
        self.legend.set_counts(analysis)
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
            self.review.set_analysis(self.analysis)
        self._awaiting_shown = True
        if not self.view.highlighter.busy:
            self._on_highlights_applied()

    def _on_highlights_applied(self) -> None:
        if self._awaiting_shown:
            self._awaiting_shown = False
            self.analysis_shown.emit()

    @property
    def followed(self) -> Entity | None:
        return self.follower.followed

    def follow(self, key: str, mention: Mention | None = None) -> None:
        """Filter the reader to one entity: its quotes, its mentions stand out, others dim."""
        self.follower.follow(key, mention)

    def clear_filter(self) -> None:
        """Back to the whole article: every highlight and every quote, no quote marked."""
        self.view.mark_quote(None)
        self.follower.clear()

    def next_mention(self) -> None:
        self.follower.next_mention()

    def previous_mention(self) -> None:
        self.follower.previous_mention()

    def escape(self) -> None:
        """Esc closes the find bar when it is in use, else stops following an entity."""
        if self.find_bar.isVisible() and self.find_bar.isAncestorOf(self.focusWidget()):
            self.close_find()
        else:
            self.clear_filter()

    def open_find(self) -> None:
        if self.article is not None:
            self.finder.open()

    def close_find(self) -> None:
        self.finder.close()

    def _on_kinds_changed(self, hidden: frozenset) -> None:
        if self.view.highlighter is not None:
            self.view.highlighter.set_hidden_kinds(hidden)

    def _on_quote(self, index: QModelIndex) -> None:
        quote = index.data(ITEM_ROLE)
        if quote is not None:
            self.view.mark_quote(quote)
            speaker = quote.speaker.name if quote.speaker else "an unnamed speaker"
            self.status_message.emit(f"Quote by {speaker}")


def _lay_out(tab: ArticleTab) -> QSplitter:
    """The reading column (legend, bars, text, find bar) beside the entity and quote lists;
    returns the splitter between them."""
    reading = QWidget(tab)
    reading_layout = QVBoxLayout(reading)
    reading_layout.setContentsMargins(0, 0, 0, 0)
    reading_layout.setSpacing(0)
    for widget in (tab.legend, tab.follow_bar, tab.analysis_bar):
        reading_layout.addWidget(widget)
    reading_layout.addWidget(tab.view, 1)
    reading_layout.addWidget(tab.find_bar)
    side = QSplitter(Qt.Orientation.Vertical, tab)
    side.setMinimumWidth(260)
    side.addWidget(tab.entities)
    side.addWidget(tab.quotes)
    side.setStretchFactor(0, 1)
    side.setStretchFactor(1, 1)
    side.setSizes([1, 1])  # equal halves: neither list starts out squeezed
    splitter = QSplitter(Qt.Orientation.Horizontal, tab)
    splitter.addWidget(reading)
    splitter.addWidget(side)
    splitter.setStretchFactor(0, 3)
    splitter.setStretchFactor(1, 1)
    splitter.setSizes([880, 360])
    splitter.setChildrenCollapsible(False)
    layout = QVBoxLayout(tab)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(splitter)
    return splitter
