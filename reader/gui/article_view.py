"""The article view: the text block by block, with highlights layered on by a QSyntaxHighlighter.

Highlights never change the document (so copied text is just the article) and are applied block
by block in short timer slices, so even a long article never blocks the event loop.
"""

from __future__ import annotations

import time
from bisect import bisect_right
from collections.abc import Iterable

from PySide6.QtCore import QEvent, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QHelpEvent,
    QMouseEvent,
    QPalette,
    QResizeEvent,
    QSyntaxHighlighter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QTextEdit, QToolTip, QWidget

from reader.core.article import Article, BlockKind
from reader.core.model import Analysis, Kind, Mention, Quote
from reader.core.palette import STYLES, Scheme
from reader.core.segments import mention_spans
from reader.gui.offsets import OffsetMap, display_blocks, display_text

# Qt has no double underline; a dotted one keeps the three kinds apart (solid, dotted, dashed).
UNDERLINES = {
    "solid": QTextCharFormat.UnderlineStyle.SingleUnderline,
    "double": QTextCharFormat.UnderlineStyle.DotLine,
    "dotted": QTextCharFormat.UnderlineStyle.DotLine,
    "dashed": QTextCharFormat.UnderlineStyle.DashUnderline,
    "wavy": QTextCharFormat.UnderlineStyle.WaveUnderline,
}
SERIF_FAMILIES = ["Source Serif 4", "Charter", "Georgia", "Noto Serif", "DejaVu Serif", "serif"]
READING_WIDTH = 720  # pixels of text per line at most, like a printed column
SLICE_SECONDS = 0.012  # highlighting work per event-loop turn
MAX_FIND_MATCHES = 5000

Spans = dict[int, list[tuple[int, int]]]


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightnessF() < 0.5


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


class ArticleHighlighter(QSyntaxHighlighter):
    """Layers per block: the marked quote, then mentions, then find matches on top."""

    applied = Signal()  # every pending block has been highlighted

    def __init__(self, document: QTextDocument, formats: MentionFormats) -> None:
        super().__init__(document)
        self._formats = formats
        self._mentions: dict[int, list[tuple[int, int, Mention]]] = {}
        self._quote: Spans = {}
        self._found: Spans = {}
        self._hidden: frozenset[Kind] = frozenset()
        self._focus: str | None = None
        self._queue: list[int] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._work)

    @property
    def busy(self) -> bool:
        return bool(self._queue)

    def set_mentions(self, mentions: dict[int, list[tuple[int, int, Mention]]]) -> None:
        old, self._mentions = self._mentions, mentions
        self._invalidate(old.keys() | mentions.keys())

    def set_hidden_kinds(self, kinds: frozenset[Kind]) -> None:
        self._hidden = kinds
        self._invalidate(self._mentions.keys())

    def set_formats(self, formats: MentionFormats) -> None:
        """New colours (the theme changed): every highlighted block is drawn again."""
        self._formats = formats
        self._invalidate(self._mentions.keys() | self._quote.keys() | self._found.keys())

    def set_focus(self, key: str | None) -> None:
        self._focus = key
        self._invalidate(self._mentions.keys())

    def set_quote(self, spans: Spans) -> None:
        old, self._quote = self._quote, spans
        self._invalidate(old.keys() | spans.keys())

    def set_found(self, spans: Spans) -> None:
        old, self._found = self._found, spans
        self._invalidate(old.keys() | spans.keys())

    def mention_format(self, mention: Mention) -> QTextCharFormat | None:
        if mention.kind in self._hidden:
            return None
        if self._focus is None:
            return self._formats.normal[mention.kind]
        if mention.key == self._focus:
            return self._formats.focus[mention.kind]
        return self._formats.dim[mention.kind]

    def highlightBlock(self, text: str) -> None:
        number = self.currentBlock().blockNumber()
        for start, length in self._quote.get(number, ()):
            self.setFormat(start, length, self._formats.quote)
        for start, length, mention in self._mentions.get(number, ()):
            char_format = self.mention_format(mention)
            if char_format is not None:
                self.setFormat(start, length, char_format)
        for start, length in self._found.get(number, ()):
            self.setFormat(start, length, self._formats.found)

    def _invalidate(self, blocks: Iterable[int]) -> None:
        """Queue blocks for redrawing; the queue is kept descending so pop() takes the topmost
        block first and the part of the article near the start is coloured first."""
        self._queue = sorted(set(self._queue).union(blocks), reverse=True)
        if self._queue:
            self._timer.start()
        else:
            self.applied.emit()

    def _work(self) -> None:
        """Highlight blocks until the time slice is used up, then yield to the event loop."""
        document = self.document()
        deadline = time.perf_counter() + SLICE_SECONDS
        while self._queue and time.perf_counter() < deadline:
            block = document.findBlockByNumber(self._queue.pop())
            if block.isValid():
                self.rehighlightBlock(block)
        if self._queue:
            self._timer.start()
        else:
            self.applied.emit()


class ArticleView(QTextEdit):
    """Read-only article text with hover tooltips and clickable mentions."""

    mention_clicked = Signal(object)  # Mention

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
        self._spans: list[tuple[int, int, Mention]] = []  # drawn mention stretches, in order
        self._span_starts: list[int] = []
        self._press: QPoint | None = None

    def set_article(self, article: Article) -> None:
        """Show the text at once; highlights come later with set_analysis."""
        self.offsets = OffsetMap(article)
        document = build_document(article, self.font())
        document.setParent(self)
        self.setDocument(document)
        self.highlighter = ArticleHighlighter(document, MentionFormats(self.palette()))
        self._update_column()

    def set_analysis(self, analysis: Analysis) -> None:
        # Overlaps are resolved as the HTML export resolves them, so both highlight the same text.
        spans = mention_spans(analysis.mentions, len(analysis.article.text))
        self._spans = [(span.start, span.end, analysis.mentions[span.owner]) for span in spans]
        self._span_starts = [start for start, _, _ in self._spans]
        by_block: dict[int, list[tuple[int, int, Mention]]] = {}
        for start, end, mention in self._spans:
            for number, local, length in self._local_spans(start, end):
                by_block.setdefault(number, []).append((local, length, mention))
        assert self.highlighter is not None
        self.highlighter.set_mentions(by_block)

    def _local_spans(self, start: int, end: int) -> list[tuple[int, int, int]]:
        """(block number, start, length) pieces of an article range, one per block it touches."""
        assert self.offsets is not None
        pieces = []
        place = self.offsets.place_of(start)
        while True:
            local_start = self.offsets.local(start, place)
            local_end = self.offsets.local(end, place)
            if local_end > local_start:
                pieces.append((place.number, local_start, local_end - local_start))
            if end <= place.end or place.number + 1 >= len(self.offsets.places):
                return pieces
            place = self.offsets.places[place.number + 1]

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

    def select_range(self, start: int, end: int) -> None:
        """Put the text cursor on an article range and scroll it into the upper part of the view."""
        assert self.offsets is not None
        self.select_document_range(*self.offsets.range_to_document(start, end))

    def scroll_to_cursor(self) -> None:
        """Scroll only when the cursor is out of sight, then to a third of the way down, so the
        lines before a mention stay in view as context."""
        rect = self.cursorRect()
        bar = self.verticalScrollBar()
        if rect.top() < 0 or rect.bottom() > self.viewport().height():
            bar.setValue(bar.value() + rect.top() - self.viewport().height() // 3)

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
        cursor = self.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.scroll_to_cursor()

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
            if mention is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), mention_tooltip(mention), self.viewport())
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
        self._press = None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        over = self.mention_at(event.position().toPoint()) is not None
        self.viewport().setCursor(
            Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.IBeamCursor
        )

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.highlighter is not None:
            self.highlighter.set_formats(MentionFormats(self.palette()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_column()

    def _update_column(self) -> None:
        """Keep lines at a readable length by widening the side margins on wide windows."""
        margin = max(28, (self.viewport().width() - READING_WIDTH) // 2)
        frame = self.document().rootFrame()
        frame_format = frame.frameFormat()
        if int(frame_format.leftMargin()) != margin:
            frame_format.setLeftMargin(margin)
            frame_format.setRightMargin(margin)
            frame_format.setTopMargin(24)
            frame_format.setBottomMargin(48)
            frame.setFrameFormat(frame_format)


def mention_tooltip(mention: Mention) -> str:
    label = STYLES[mention.kind].label
    if mention.text != mention.name:
        return f"{mention.name}\n{label} · “{mention.text}” in the text"
    return f"{mention.name}\n{label}"


def build_document(article: Article, base: QFont) -> QTextDocument:
    """One document block per article block, styled by kind, built before it is shown."""
    document = QTextDocument()
    document.setUndoRedoEnabled(False)
    body = QFont(base)
    body.setFamilies(SERIF_FAMILIES)
    body.setPointSizeF(max(base.pointSizeF(), 9.0) * 1.25)
    document.setDefaultFont(body)
    formats = {kind: _block_formats(kind, body) for kind in BlockKind}
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    for number, block in enumerate(display_blocks(article)):
        block_format, char_format = formats[block.kind]
        if number:
            cursor.insertBlock(block_format, char_format)
        else:
            cursor.setBlockFormat(block_format)
            cursor.setBlockCharFormat(char_format)
        cursor.insertText(display_text(article, block), char_format)
    cursor.endEditBlock()
    return document


def _block_formats(kind: BlockKind, body: QFont) -> tuple[QTextBlockFormat, QTextCharFormat]:
    block_format = QTextBlockFormat()
    char_format = QTextCharFormat()
    proportional = QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
    size = body.pointSizeF()
    if kind == BlockKind.TITLE:
        char_format.setFontPointSize(size * 1.6)
        char_format.setFontWeight(QFont.Weight.Bold)
        block_format.setBottomMargin(size * 1.2)
        block_format.setLineHeight(118, proportional)
        block_format.setHeadingLevel(1)
    elif kind == BlockKind.HEADING:
        char_format.setFontPointSize(size * 1.2)
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
