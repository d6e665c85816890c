"""Review mode for one article (issue 22): step through the quotes whose speaker is doubtful,
each marked in the text and selected in the quote list with its evidence, so the reader checks
the likely mistakes first; sort the quotes least sure first or show the doubtful ones alone.

Confirming or fixing a speaker is a correction (reader.gui.library.corrections); the new
analysis then comes back here (`set_analysis`), and review goes on to the next doubtful quote.
The place is a text offset, not a quote, since a correction makes new quotes.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal

from reader.core.model import Analysis, Quote
from reader.core.render.evidence import doubtful_quotes, evidence_line, is_doubtful, next_doubtful
from reader.gui.article.article_view import ArticleView
from reader.gui.article.evidence_tips import QuoteEvidence
from reader.gui.article.panels import QuotePanel
from reader.gui.article.review_bar import ReviewBar

NONE_LEFT = "No doubtful quotes left in this article"


class QuoteReview(QObject):
    """The review row of one tab's quote panel and the stepping. It holds nothing of the tab
    but these parts, so a closed tab is freed at once (no cycle for the collector)."""

    status = Signal(str)
    clear_filter_requested = Signal()  # stop following: its filter hides the quote stepped to

    def __init__(
        self, view: ArticleView, quotes: QuotePanel, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._view = view
        self._panel = quotes
        self._quotes: tuple[Quote, ...] = ()
        self._text = ""
        self._reviewed: int | None = None  # start of the quote under review, while reviewing
        self.evidence = QuoteEvidence(view, self)
        self.bar = ReviewBar(quotes)
        quotes.layout().insertWidget(2, self.bar)  # under the heading and the speaker filter
        self.bar.least_sure_first.connect(self._set_order)
        self.bar.doubtful_only.connect(self._set_doubtful_only)
        self.bar.next_requested.connect(lambda: self.step(1))
        self.bar.previous_requested.connect(lambda: self.step(-1))
        view.quote_marked.connect(self._on_marked)
        quotes.filtered.connect(self._say_none_doubtful)

    def set_text(self, text: str) -> None:
        """The article's text, for the evidence (how many sentences back an antecedent is)."""
        self._text = self.evidence.text = text

    def set_analysis(self, analysis: Analysis) -> None:
        """The quote panel has a new analysis: count its doubtful quotes; under review, stay on
        the quote if it is still doubtful, else go on to the next doubtful one without a word
        in the status bar (it says what the correction did, and how to take it back)."""
        self._quotes = analysis.quotes
        self.set_text(analysis.article.text)
        self.bar.set_count(len(doubtful_quotes(self._quotes)))
        self._set_order(self.bar.order.currentIndex() == 1)
        if self._reviewed is None:
            return
        here = next((q for q in self._quotes if q.start == self._reviewed), None)
        if here is not None and is_doubtful(here):
            self._show(here)
        else:
            self.step(1, say=False)

    def review(self, quote: Quote) -> None:
        """Review this quote: once corrected, review goes on to the next doubtful one."""
        self._reviewed = quote.start

    def step(self, step: int, say: bool = True) -> None:
        """Mark the next (1) or previous (-1) doubtful quote, going round at the end; with
        `say`, the status bar says which (or that none is left)."""
        marked = self._view.marked_quote
        after = self._reviewed if self._reviewed is not None else marked and marked.start
        quote = next_doubtful(self._quotes, after, step)
        if quote is None:
            self._reviewed = None
            if say:
                self.status.emit(NONE_LEFT)
            return
        self._show(quote)
        if not say:
            return
        doubtful = doubtful_quotes(self._quotes)
        number = doubtful.index(quote) + 1
        line = evidence_line(quote, self._text)
        self.status.emit(f"Doubtful quote {number} of {len(doubtful)}: {line}")

    def _show(self, quote: Quote) -> None:
        """Mark the quote and select its row, widening the filters that hide it."""
        panel = self._panel
        if not panel.row_of(quote).isValid():
            panel.show_all_speakers()
        if not panel.row_of(quote).isValid():
            self.clear_filter_requested.emit()
        self._reviewed = quote.start
        self._view.mark_quote(quote)
        panel.show_marked(quote)

    def _on_marked(self, quote: Quote | None) -> None:
        """The evidence of the quote marked under the review row; another quote marked by
        hand ends the review of the one before (nothing marked keeps the place)."""
        self.bar.set_evidence(evidence_line(quote, self._text) if quote is not None else "")
        if quote is not None and quote.start != self._reviewed:
            self._reviewed = None

    def _set_order(self, least_sure_first: bool) -> None:
        proxy = self._panel.proxy
        if least_sure_first:
            proxy.sort(0, Qt.SortOrder.AscendingOrder)
        else:
            proxy.sort(-1)  # the model's own order: the text's

    def _set_doubtful_only(self, only: bool) -> None:
        self._panel.proxy.set_doubtful_only(only)
        self._panel.refresh()

    def _say_none_doubtful(self) -> None:
        """The empty list under "Doubtful only" says why it is empty."""
        panel = self._panel
        if panel.proxy.doubtful_only and panel.proxy.rowCount() == 0 and self._quotes:
            panel.empty.setText("No doubtful quotes: every speaker is sure, likely or confirmed.")
