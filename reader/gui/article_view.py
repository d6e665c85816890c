"""The article view: the text block by block, with highlights layered on by the highlighter.

Highlights never change the document (so copied text is just the article) and are applied block
by block in short timer slices, so even a long article never blocks the event loop. The document
of a long article is built off the GUI thread (`prepare_text`), and the highlights of a long
analysis arrive chunk by chunk (`add_preliminary`) before the final analysis settles them.
"""

from __future__ import annotations

import contextlib
import weakref
from bisect import bisect_left, bisect_right
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QRect, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QHelpEvent,
    QMouseEvent,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QTextEdit, QToolTip, QWidget

from reader.core.model import Analysis, Kind, Mention, Quote
from reader.core.render.palette import QUOTE_BAR_DARK, QUOTE_BAR_LIGHT, STYLES, Scheme
from reader.core.render.segments import mention_spans
from reader.core.text.article import Article, BlockKind
from reader.gui.highlighter import ArticleHighlighter, changed_blocks
from reader.gui.layout_pacer import LayoutPacer
from reader.gui.offsets import (
    OffsetMap,
    display_blocks,
    display_text,
    local_spans,
    mentions_by_block,
)
from reader.gui.quote_marks import QuoteMarks
from reader.gui.reading_view import MetaLine, column_margin, mention_fractions
from reader.gui.scroll_marks import MarkedScrollBar
from reader.gui.text_direction import paragraph_direction

# Qt has no double underline; a dotted one keeps the three kinds apart (solid, dotted, dashed).
UNDERLINES = {
    "solid": QTextCharFormat.UnderlineStyle.SingleUnderline,
    "double": QTextCharFormat.UnderlineStyle.DotLine,
    "dotted": QTextCharFormat.UnderlineStyle.DotLine,
    "dashed": QTextCharFormat.UnderlineStyle.DashUnderline,
    "wavy": QTextCharFormat.UnderlineStyle.WaveUnderline,
}
SERIF_FAMILIES = ["Source Serif 4", "Charter", "Georgia", "Noto Serif", "DejaVu Serif", "serif"]
MAX_FIND_MATCHES = 5000

Spans = dict[int, list[tuple[int, int]]]
MentionSpans = dict[int, list[tuple[int, int, Mention]]]
# Works out where final highlights go, off the GUI thread; started here, once, because starting
# a thread makes its starter wait until the thread runs.
HELPER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="reader-highlights")
HELPER.submit(lambda: None)


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightnessF() < 0.5


def quote_bar_colour(palette: QPalette) -> QColor:
    """The colour of the bar the view draws beside quoted text."""
    return QColor(QUOTE_BAR_DARK if is_dark(palette) else QUOTE_BAR_LIGHT)


def scheme_for(kind: Kind, dark: bool) -> Scheme:
    style = STYLES[kind]
    return style.dark if dark else style.light


def _blend(colour: str, page: QColor, keep: float) -> QColor:
    """`colour` faded toward the page: keep=1 is the colour, keep=0 the page."""
    c = QColor(colour)
    return QColor.fromRgbF(
        c.redF() * keep + page.redF() * (1 - keep),
        c.greenF() * keep + page.greenF() * (1 - keep),
        c.blueF() * keep + page.blueF() * (1 - keep),
    )


class MentionFormats:
    """The character formats of each kind in the normal, followed and dimmed states."""

    def __init__(self, palette: QPalette) -> None:
        dark = is_dark(palette)
        page = palette.color(QPalette.ColorRole.Base)
        self.normal: dict[Kind, QTextCharFormat] = {}
        self.focus: dict[Kind, QTextCharFormat] = {}
        self.dim: dict[Kind, QTextCharFormat] = {}
        for kind in Kind:
            scheme = scheme_for(kind, dark)
            underline = UNDERLINES[STYLES[kind].underline_style]
            normal = QTextCharFormat()
            normal.setBackground(QColor(scheme.background))
            normal.setForeground(QColor(scheme.foreground))
            normal.setUnderlineStyle(underline)
            normal.setUnderlineColor(QColor(scheme.underline))
            focus = QTextCharFormat(normal)
            focus.setFontWeight(QFont.Weight.DemiBold)
            # Dimmed mentions keep the page's own text colour (full contrast) and only fade
            # their background and underline: still visible, nothing hidden.
            dim = QTextCharFormat()
            dim.setBackground(_blend(scheme.background, page, 0.35))
            dim.setUnderlineStyle(underline)
            dim.setUnderlineColor(_blend(scheme.underline, page, 0.45))
            self.normal[kind], self.focus[kind], self.dim[kind] = normal, focus, dim
        self.quote = QTextCharFormat()
        self.quote.setBackground(QColor("#4b4424" if dark else "#fbf3cf"))
        self.found = QTextCharFormat()
        self.found.setBackground(QColor("#7a5c00" if dark else "#ffd84d"))
        self.found.setForeground(QColor("#ffffff" if dark else "#1a1a1a"))


@dataclass(frozen=True, slots=True)
class PreparedText:
    """An article's document and offset map, built in any thread (see `prepare_text`)."""

    offsets: OffsetMap
    document: QTextDocument


def prepare_text(article: Article, base: QFont) -> PreparedText:
    """Build what the view shows; safe off the GUI thread (the document has no layout yet).
    The caller moves the document to the GUI thread before handing it over."""
    return PreparedText(OffsetMap(article), build_document(article, base))


class ArticleView(QTextEdit):
    """Read-only article text with hover tooltips and clickable mentions."""

    mention_clicked = Signal(object)  # Mention
    analysis_applied = Signal()  # the final mentions are with the highlighter (see set_analysis)
    _final_ready = Signal(object)
    quote_clicked = Signal(object)  # Quote: a click on quoted text outside any mention
    quote_marked = Signal(object)  # Quote or None: the quote shaded by mark_quote

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setFrameShape(QTextEdit.Shape.NoFrame)
        self.setAcceptDrops(False)  # files dropped here go to the window, which opens them
        self.setTabChangesFocus(True)
        self.setMouseTracking(True)
        self.offsets: OffsetMap | None = None
        self.highlighter: ArticleHighlighter | None = None
        self.layout_pacer: LayoutPacer | None = None
        self._spans: list[tuple[int, int, Mention]] = []  # drawn mention stretches, in order
        self._span_starts: list[int] = []
        self._final_token = 0
        self._visible_key: tuple[int, int, int] | None = None
        self._visible = (0, -1)
        self._final_ready.connect(self._apply_final)
        self._press: QPoint | None = None
        self.quote_marks = QuoteMarks()
        self.marked_quote: Quote | None = None
        self.meta_line = MetaLine()
        self.font_step = 0  # steps of the text size away from the default (Ctrl+= and Ctrl+-)
        self.column_chars: int | None = 95  # text column width in average characters; None: all
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
        self.layout_pacer = LayoutPacer(document)
        self.layout_pacer.done.connect(self.highlighter.release)
        self.highlighter.hold()
        self.layout_pacer.restart()

    def visible_blocks(self) -> tuple[int, int]:
        """The first and last document block numbers in view (a hit test costs milliseconds
        on a long article, so it is redone only when the view has moved or changed size)."""
        key = (
            self.verticalScrollBar().value(),
            self.viewport().height(),
            self.document().blockCount(),
        )
        if key != self._visible_key:
            top = self.cursorForPosition(QPoint(0, 0)).blockNumber()
            bottom = self.cursorForPosition(QPoint(0, self.viewport().height())).blockNumber()
            self._visible_key, self._visible = key, (top, bottom)
        return self._visible

    def set_analysis(self, analysis: Analysis) -> None:
        """The final highlights; blocks already drawn the same way are not drawn again.

        Where they go is worked out on a helper thread (a second or more of Python on a long
        article); `analysis_applied` says when the highlighter has them."""
        assert self.highlighter is not None and self.offsets is not None
        self._final_token += 1
        drawn = self.highlighter.snapshot()
        HELPER.submit(self._work_out_final, self._final_token, analysis, self.offsets, drawn)
        self.quote_marks.set_quotes(analysis.quotes, self.offsets)
        self.viewport().update()

    def _work_out_final(
        self, token: int, analysis: Analysis, offsets: OffsetMap, drawn: MentionSpans
    ) -> None:
        """On the helper thread: the final spans, per block, and the blocks that change."""
        spans = drawn_spans(analysis.mentions, len(analysis.article.text))
        by_block = mentions_by_block(offsets, spans)
        changed = changed_blocks(drawn, by_block, None)
        with contextlib.suppress(RuntimeError):  # the view was closed meanwhile
            self._final_ready.emit((token, spans, by_block, changed))

    def _apply_final(self, result: tuple) -> None:
        token, spans, by_block, changed = result
        if token != self._final_token or self.highlighter is None:
            return  # a newer analysis is on its way
        self._spans = spans
        self._span_starts = [start for start, _, _ in spans]
        self.highlighter.replace_mentions(by_block, changed)
        self.analysis_applied.emit()

    def add_preliminary(self, start: int, end: int, mentions: tuple[Mention, ...]) -> None:
        """Highlight the mentions of one analysed chunk, [start, end) in article offsets, while
        the rest of the article is analysed. They replace what that stretch showed before (an
        earlier analysis), and only blocks whose highlights change are drawn."""
        assert self.highlighter is not None and self.offsets is not None
        offsets = self.offsets
        spans = drawn_spans(mentions, offsets.length)
        low = bisect_left(self._span_starts, start)
        high = bisect_left(self._span_starts, end)
        self._spans[low:high] = spans
        self._span_starts[low:high] = [span_start for span_start, _, _ in spans]
        first = offsets.place_of(start).number
        last = offsets.place_of(max(end - 1, start)).number
        above = offsets.places[first].start
        low = max(bisect_left(self._span_starts, above) - 1, 0)  # one may reach into the block
        high = bisect_left(self._span_starts, offsets.places[last].end)
        touching = [span for span in self._spans[low:high] if span[1] > above]
        by_block = mentions_by_block(offsets, touching)
        self.highlighter.set_block_mentions(
            {number: by_block.get(number, []) for number in range(first, last + 1)}
        )

    def _local_spans(self, start: int, end: int) -> list[tuple[int, int, int]]:
        """(block number, start, length) pieces of an article range, one per block it touches."""
        assert self.offsets is not None
        return local_spans(self.offsets, start, end)

    def mark_quote(self, quote: Quote | None) -> None:
        """Shade a quote's fragments (None: unmark) and scroll to it."""
        assert self.highlighter is not None
        spans: Spans = {}
        if quote is not None:
            for start, end in quote.fragments or ((quote.start, quote.end),):
                for number, local, length in self._local_spans(start, end):
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

    def find_all(self, needle: str) -> list[tuple[int, int]]:
        """Shade every match of `needle` (any case); returns their document ranges in order."""
        assert self.highlighter is not None
        matches: list[tuple[int, int]] = []
        spans: Spans = {}
        if needle:
            document = self.document()
            cursor = document.find(needle, 0)
            while not cursor.isNull() and len(matches) < MAX_FIND_MATCHES:
                start, end = cursor.selectionStart(), cursor.selectionEnd()
                block = cursor.block()
                spans.setdefault(block.blockNumber(), []).append(
                    (start - block.position(), end - start)
                )
                matches.append((start, end))
                cursor = document.find(needle, cursor)
        self.highlighter.set_found(spans)
        return matches

    def select_document_range(self, start: int, end: int) -> None:
        """Select a document range; one out of sight is scrolled to the middle of the view."""
        cursor = self.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        rect = self.cursorRect(cursor)
        hidden = rect.top() < 0 or rect.bottom() > self.viewport().height()
        self.setTextCursor(cursor)  # scrolls just far enough: the range lands on an edge
        if hidden:
            bar = self.verticalScrollBar()
            middle = self.viewport().height() // 2
            bar.setValue(bar.value() + self.cursorRect().center().y() - middle)

    def mention_at(self, point: QPoint) -> Mention | None:
        """The mention under a viewport point, if any."""
        if self.offsets is None or not self._spans:
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
        offset = self.offsets.to_article(position)
        index = bisect_right(self._span_starts, offset) - 1
        if index < 0 or offset >= self._spans[index][1]:
            return None
        mention = self._spans[index][2]
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
            if mention is not None:
                QToolTip.showText(event.globalPos(), mention_tooltip(mention), self.viewport())
            elif quote is not None:
                QToolTip.showText(event.globalPos(), quote_tooltip(quote), self.viewport())
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

    def set_font_step(self, step: int) -> None:
        """Text size `step` steps from the default (each about 10 %), headings in proportion."""
        self.font_step = step
        font = body_font(self.font(), step)
        if font != self.document().defaultFont():  # a new font lays out the whole text again
            self.document().setDefaultFont(font)
            self._relaid_out()
        self._update_column()

    def set_column_chars(self, chars: int | None) -> None:
        self.column_chars = chars
        self._update_column()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self.quote_marks.paint(self, quote_bar_colour(self.palette()))
        self.meta_line.paint(self)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.highlighter is not None:
            self.highlighter.set_formats(MentionFormats(self.palette()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._relaid_out()  # a new text width
        self._update_column()

    def _update_column(self) -> None:
        """Keep lines at a readable length by widening the side margins on wide windows."""
        margin = column_margin(self, self.column_chars)
        frame = self.document().rootFrame()
        frame_format = frame.frameFormat()
        if int(frame_format.leftMargin()) != margin:
            frame_format.setLeftMargin(margin)
            frame_format.setRightMargin(margin)
            frame_format.setTopMargin(24)
            frame_format.setBottomMargin(48)
            frame.setFrameFormat(frame_format)
            self._relaid_out()

    def _relaid_out(self) -> None:
        """Qt lays the whole document out anew (new font or text width): the pacer does it, from
        the top, and the highlighter waits meanwhile, as when the text first came."""
        if self.layout_pacer is not None and self.highlighter is not None:
            self.highlighter.hold()
            self.layout_pacer.restart()


def drawn_spans(mentions: tuple[Mention, ...], length: int) -> list[tuple[int, int, Mention]]:
    """The stretches the mentions are drawn on, (start, end, mention) in text order (article
    offsets), overlaps resolved as the HTML export resolves them (`mention_spans`), so both
    highlight the same text. Mentions in text order that do not overlap, as an analysis has
    them, are their own stretches: one pass checks that and spares sorting and a Span object
    for each of tens of thousands (a tenth of a second of the interpreter lock at 1 MB)."""
    covered_to = 0
    for mention in mentions:
        if mention.start < covered_to or mention.end <= mention.start:
            break
        covered_to = mention.end
    else:
        if covered_to <= length:
            return [(mention.start, mention.end, mention) for mention in mentions]
    resolved = mention_spans(mentions, length)
    return [(span.start, span.end, mentions[span.owner]) for span in resolved]


def quote_tooltip(quote: Quote) -> str:
    speaker = quote.speaker.name if quote.speaker is not None else "an unnamed speaker"
    return f"Quote by {speaker}\nClick to find it in the quote list"


def mention_tooltip(mention: Mention) -> str:
    label = STYLES[mention.kind].label
    if mention.text != mention.name:
        return f"{mention.name}\n{label} · “{mention.text}” in the text"
    return f"{mention.name}\n{label}"


def build_document(article: Article, base: QFont) -> QTextDocument:
    """One document block per article block, styled by kind, built before it is shown."""
    document = QTextDocument()
    document.setUndoRedoEnabled(False)
    body = body_font(base)
    document.setDefaultFont(body)
    formats = {kind: _block_formats(kind, body) for kind in BlockKind}
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    for number, block in enumerate(display_blocks(article)):
        block_format, char_format = formats[block.kind]
        text = display_text(article, block)
        if (direction := paragraph_direction(text)) != Qt.LayoutDirection.LeftToRight:
            block_format = QTextBlockFormat(block_format)
            block_format.setLayoutDirection(direction)
        if block.continued or block.continues:  # pieces of a long block read as one paragraph
            block_format = QTextBlockFormat(block_format)
            if block.continued:
                block_format.setTopMargin(0)
            if block.continues:
                block_format.setBottomMargin(0)
        if number:
            cursor.insertBlock(block_format, char_format)
        else:
            cursor.setBlockFormat(block_format)
            cursor.setBlockCharFormat(char_format)
        cursor.insertText(text, char_format)
    cursor.endEditBlock()
    return document


def body_font(base: QFont, step: int = 0) -> QFont:
    """The article's serif text font: a quarter larger than the interface's, times 1.1 per
    step of Ctrl+= (negative steps: Ctrl+-)."""
    body = QFont(base)
    body.setFamilies(SERIF_FAMILIES)
    body.setPointSizeF(max(base.pointSizeF(), 9.0) * 1.25 * 1.1**step)
    return body


def _block_formats(kind: BlockKind, body: QFont) -> tuple[QTextBlockFormat, QTextCharFormat]:
    block_format = QTextBlockFormat()
    char_format = QTextCharFormat()
    proportional = QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
    size = body.pointSizeF()
    if kind == BlockKind.TITLE:
        # Sizes relative to the document's font, so Ctrl+= and Ctrl+- scale headings too.
        char_format.setProperty(QTextFormat.Property.FontSizeAdjustment, 2)  # 1.5 times
        char_format.setFontWeight(QFont.Weight.Bold)
        block_format.setBottomMargin(size * 1.2)
        block_format.setLineHeight(118, proportional)
        block_format.setHeadingLevel(1)
    elif kind == BlockKind.HEADING:
        char_format.setProperty(QTextFormat.Property.FontSizeAdjustment, 1)  # 1.2 times
        char_format.setFontWeight(QFont.Weight.Bold)
        # Paragraphs carry extra leading below every line (145 %); without leading and a
        # margin of its own below, a heading sits on its paragraph's first line. Twice as
        # much space above as below keeps it with the text it introduces.
        block_format.setTopMargin(size * 1.8)
        block_format.setBottomMargin(size * 0.9)
        block_format.setLineHeight(125, proportional)
        block_format.setHeadingLevel(2)
    else:
        block_format.setBottomMargin(size * 0.85)
        block_format.setLineHeight(145, proportional)
    return block_format, char_format
