"""Why a quote has its speaker, in the text: hovering a quote or its margin bar says who said it,
how that was found and how sure, in one line; the quote marked shows its speaker's antecedent
(the name a "he" or "the statement" stands for) outlined in the text.

The words are the core's (`reader.core.render.evidence`); this module only puts them in place.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QToolTip

from reader.core.model import Quote
from reader.core.render.evidence import evidence_line
from reader.gui.article.article_view import ArticleView


def quote_tip(quote: Quote, text: str) -> str:
    """The hover text of a quote with evidence: speaker, the evidence line, what a click does."""
    speaker = quote.speaker.name if quote.speaker is not None else "an unnamed speaker"
    return f"Quote by {speaker}\n{evidence_line(quote, text)}\nClick to find it in the quote list"


class QuoteEvidence(QObject):
    """Shows the evidence of the quotes of one view; `text` is the article's."""

    def __init__(self, view: ArticleView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._view = view
        self.text = ""
        view.viewport().installEventFilter(self)  # before the view's own tooltip (see below)
        view.quote_marked.connect(self._outline_antecedent)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt)
        """A tooltip over a quote with evidence (not over a mention in it) is this one; every
        other tooltip is left to the view, which names the mention or the speaker."""
        if event.type() != QEvent.Type.ToolTip:  # first: the view may be going (its children)
            return False
        view = self._view
        if (
            watched is view.viewport()
            and isinstance(event, QHelpEvent)
            and view.mention_at(event.pos()) is None
        ):
            quote = view.quote_at(event.pos())
            if quote is not None and quote.evidence is not None:
                tip = quote_tip(quote, self.text)
                QToolTip.showText(event.globalPos(), tip, view.viewport())
                return True
        return super().eventFilter(watched, event)

    def _outline_antecedent(self, quote: Quote | None) -> None:
        view = self._view
        antecedent = quote.evidence.antecedent if quote and quote.evidence else None
        if antecedent is None or view.offsets is None:
            view.quote_marks.antecedent = None
        else:
            view.quote_marks.antecedent = view.offsets.range_to_document(
                antecedent.start, antecedent.end
            )
        view.viewport().update()
