"""The article view: the text block by block, with highlights layered on by the highlighter.

Highlights never change the document (so copied text is just the article) and are applied block
by block in short timer slices, so even a long article never blocks the event loop. The document
of a long article is built off the GUI thread (`prepare_text`), and the highlights of a long
analysis arrive chunk by chunk (`add_preliminary`) before the final analysis settles them. The
column's layout is `TextColumn`'s, what is drawn where `DrawnMentions`', the looks
`MentionFormats`'; this module adds the article, its quotes, find and the pointer.
"""

from __future__ import annotations

import weakref

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, Qt, Signal, Slot
from PySide6.QtGui import QColor, QHelpEvent, QMouseEvent, QPaintEvent, QTextCursor
from PySide6.QtWidgets import QToolTip, QWidget

from reader.core.model import Analysis, Kind, Mention, Quote
from reader.core.render.palette import STYLES
from reader.core.text.article import Article
from reader.gui.article.drawn_mentions import DrawnMentions, drawn_spans
from reader.gui.article.highlighter import ArticleHighlighter, MentionSpans, Spans
from reader.gui.article.mention_formats import MentionFormats, is_dark, quote_bar_colour, scheme_for
from reader.gui.article.offsets import OffsetMap, local_spans
from reader.gui.article.quote_marks import QuoteMarks
from reader.gui.article.reading_view import MetaLine, mention_fractions
from reader.gui.article.scroll_marks import MarkedScrollBar
from reader.gui.article.text_column import MAX_FIND_MATCHES, TextColumn
from reader.gui.article.text_document import PreparedText, body_font, build_document, prepare_text
from reader.gui.article.uncertain_marks import UNCERTAIN_TIP, is_uncertain_at

__all__ = [  # what callers import from here, wherever it is made
    "MAX_FIND_MATCHES",
    "ArticleView",
    "MentionFormats",
    "PreparedText",
    "body_font",
    "build_document",
    "drawn_spans",
    "is_dark",
    "prepare_text",
    "quote_bar_colour",
    "scheme_for",
]


class ArticleView(TextColumn):
    """Read-only article text with hover tooltips and clickable mentions."""

    mention_clicked = Signal(object)  # Mention
    analysis_applied = Signal()  # the final mentions are with the highlighter (see set_analysis)
    quote_clicked = Signal(object)  # Quote: a click on quoted text outside any mention
    quote_marked = Signal(object)  # Quote or None: the quote shaded by mark_quote

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.offsets: OffsetMap | None = None
        self.drawn = DrawnMentions(self)
        self.drawn.final_ready.connect(self._apply_final)
        self._press: QPoint | None = None
        self.quote_marks = QuoteMarks()
        self.marked_quote: Quote | None = None
        self.meta_line = MetaLine()
        self.setVerticalScrollBar(MarkedScrollBar(self))

    def set_article(self, article: Article, prepared: PreparedText | None = None) -> None:
        """Show the text at once (built here unless `prepared`); highlights come later."""
        prepared = prepared or prepare_text(article, self.font())
        self.offsets = prepared.offsets
        document = prepared.document
        document.setParent(self)
        self.setDocument(document)
        # Through a weak reference: a highlighter holding the view would make a cycle that
        # only the cycle collector frees, keeping a closed tab's highlights in memory until then.
        visible = weakref.WeakMethod(self.visible_blocks)
        self.highlighter = ArticleHighlighter(
            document,
            MentionFormats(self.palette()),
            lambda: method() if (method := visible()) is not None else (0, -1),
        )
        self.meta_line.set_article(article, document)
        self.set_font_step(self.font_step)
        self._pace_layout(document)

    def set_analysis(self, analysis: Analysis) -> None:
        """The final highlights; blocks already drawn the same way are not drawn again.

        Where they go is worked out off the GUI thread (a second or more of Python on a long
        article); `analysis_applied` says when the highlighter has them."""
        assert self.highlighter is not None and self.offsets is not None
        self.drawn.work_out_final(analysis, self.offsets, self.highlighter.snapshot())
        self.quote_marks.set_quotes(analysis.quotes, self.offsets)
        self.viewport().update()

    @Slot(object, object)
    def _apply_final(self, by_block: MentionSpans, changed: set[int]) -> None:
        assert self.highlighter is not None
        self.highlighter.replace_mentions(by_block, changed)
        self.analysis_applied.emit()

    def add_preliminary(self, start: int, end: int, mentions: tuple[Mention, ...]) -> None:
        """Highlight the mentions of one analysed chunk, [start, end) in article offsets, while
        the rest of the article is analysed. They replace what that stretch showed before (an
        earlier analysis), and only blocks whose highlights change are drawn."""
        assert self.highlighter is not None and self.offsets is not None
        self.highlighter.set_block_mentions(
            self.drawn.add_chunk(start, end, mentions, self.offsets)
        )

    def mark_quote(self, quote: Quote | None) -> None:
        """Shade a quote's fragments (None: unmark) and scroll to it."""
        assert self.highlighter is not None and self.offsets is not None
        spans: Spans = {}
        if quote is not None:
            for start, end in quote.fragments or ((quote.start, quote.end),):
                for number, local, length in local_spans(self.offsets, start, end):
                    spans.setdefault(number, []).append((local, length))
            self.select_range(quote.start, quote.start)
        self.highlighter.set_quote(spans)
        if quote is not self.marked_quote:
            self.marked_quote = quote
            self.quote_marked.emit(quote)

    def select_range(self, start: int, end: int) -> None:
        """Put the text cursor on an article range; one out of sight is scrolled to the middle."""
        assert self.offsets is not None
        self.select_document_range(*self.offsets.range_to_document(start, end))

    def mention_at(self, point: QPoint) -> Mention | None:
        """The mention under a viewport point, if any."""
        if self.offsets is None or not self.drawn.spans:
            return None
        content = point + QPoint(
            self.horizontalScrollBar().value(), self.verticalScrollBar().value()
        )
        position = self.document().documentLayout().hitTest(content, Qt.HitTestAccuracy.ExactHit)
        if position < 0:
            return None
        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        if point.x() < self.cursorRect(cursor).x() and position > 0:
            position -= 1  # the point is on the character before the nearest cursor position
        mention = self.drawn.at(self.offsets.to_article(position))
        if mention is None:
            return None
        assert self.highlighter is not None
        return mention if self.highlighter.mention_format(mention) is not None else None

    def mention_rect(self, mention: Mention) -> QRect:
        """Where a mention is drawn, in viewport coordinates (its first character)."""
        assert self.offsets is not None
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.offsets.to_document(mention.start) + 1)
        return self.cursorRect(cursor)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            mention = self.mention_at(event.pos())
            quote = self.quote_at(event.pos()) if mention is None else None
            unsure = UNCERTAIN_TIP if is_uncertain_at(self, event.pos()) else ""
            if mention is not None:
                tip = "\n".join(filter(None, (mention_tooltip(mention), unsure)))
                QToolTip.showText(event.globalPos(), tip, self.viewport())
            elif quote is not None:
                QToolTip.showText(event.globalPos(), quote_tooltip(quote), self.viewport())
            elif unsure:
                QToolTip.showText(event.globalPos(), unsure, self.viewport())
            elif whole := self.meta_line.full_text_at(self, QPointF(event.pos())):
                QToolTip.showText(event.globalPos(), whole, self.viewport())  # a line cut short
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        point = event.position().toPoint()
        if (
            event.button() == Qt.MouseButton.LeftButton
            and self._press is not None
            and (point - self._press).manhattanLength() < 4
            and not self.textCursor().hasSelection()
        ):
            mention = self.mention_at(point)
            if mention is not None:
                self.mention_clicked.emit(mention)
            elif (quote := self.quote_at(point)) is not None:
                self.quote_clicked.emit(quote)
        self._press = None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        over = self.mention_at(event.position().toPoint()) is not None
        self.viewport().setCursor(
            Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.IBeamCursor
        )

    def quote_at(self, point: QPoint) -> Quote | None:
        """The quote under a viewport point: on its text, or on its bar in the margin."""
        if not self.quote_marks.visible:
            return None
        return self.quote_marks.quote_at_point(self, point)

    def set_quote_marks_visible(self, visible: bool) -> None:
        self.quote_marks.visible = visible
        self.viewport().update()

    def show_scroll_marks(self, mentions: tuple[Mention, ...]) -> None:
        """Ticks on the scroll bar where these mentions are (none: no ticks)."""
        bar = self.verticalScrollBar()
        if isinstance(bar, MarkedScrollBar) and self.offsets is not None:
            starts = [self.offsets.to_document(m.start) for m in mentions]
            kind = mentions[0].kind if mentions else Kind.PERSON
            bar.set_marks(
                mention_fractions(self.document(), starts),
                lambda palette: QColor(scheme_for(kind, is_dark(palette)).underline),
            )

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self.quote_marks.paint(self, quote_bar_colour(self.palette()))
        self.meta_line.paint(self)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.highlighter is not None:
            self.highlighter.set_formats(MentionFormats(self.palette()))


def quote_tooltip(quote: Quote) -> str:
    speaker = quote.speaker.name if quote.speaker is not None else "an unnamed speaker"
    return f"Quote by {speaker}\nClick to find it in the quote list"


def mention_tooltip(mention: Mention) -> str:
    label = STYLES[mention.kind].label
    if mention.text != mention.name:
        return f"{mention.name}\n{label} · “{mention.text}” in the text"
    return f"{mention.name}\n{label}"
