"""The article view's column of text: read-only, at a readable line length, its text size in
steps, its document laid out a stretch per event-loop turn while the highlights wait, and
found in (document ranges, not article offsets).

Whatever makes Qt lay the whole document out anew (a new font or text width) goes through the
layout pacer (`layout_pacer`), and the highlighter holds its drawing until the pacer is
done, as when the text first came.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QResizeEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit, QWidget

from reader.gui.article.highlighter import ArticleHighlighter, Spans
from reader.gui.article.layout_pacer import LayoutPacer
from reader.gui.article.reading_view import column_margin
from reader.gui.article.text_document import body_font

MAX_FIND_MATCHES = 5000


class TextColumn(QTextEdit):
    """Read-only text at `font_step` steps from the default size, `column_chars` wide."""

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
        self.highlighter: ArticleHighlighter | None = None
        self.layout_pacer: LayoutPacer | None = None
        self.font_step = 0  # steps of the text size away from the default (Ctrl+= and Ctrl+-)
        self.column_chars: int | None = 95  # text column width in average characters; None: all
        self._visible_key: tuple[int, int, int] | None = None
        self._visible = (0, -1)

    def _pace_layout(self, document: QTextDocument) -> None:
        """Lay a new document out a stretch per turn; the highlighter draws once it is done."""
        assert self.highlighter is not None
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
