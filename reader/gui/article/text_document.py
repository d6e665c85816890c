"""The document the article view shows: one block per article block, styled by kind.

Built before it is shown, and safe to build off the GUI thread (the loader does, for a long
article): a document without a layout yet belongs to no widget until the view takes it. One
document is built at a time: the loader reads several files at once, and two of its threads
building documents together crashed the process inside Qt (a segmentation fault in a CI run of
tests/fuzz/test_window_fuzz.py), whose text and font layer is not safe to use from two
threads at once.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from reader.core.text.article import Article, BlockKind
from reader.core.text.loaders.metadata import body_byline
from reader.gui.article.offsets import OffsetMap, display_blocks, display_text
from reader.gui.article.text_direction import paragraph_direction
from reader.gui.article.uncertain_marks import mark_uncertain

_BUILDING = threading.Lock()  # one document built at a time, whatever the thread
SERIF_FAMILIES = ["Source Serif 4", "Charter", "Georgia", "Noto Serif", "DejaVu Serif", "serif"]


@dataclass(frozen=True, slots=True)
class PreparedText:
    """An article's document and offset map, built in any thread (see `prepare_text`)."""

    offsets: OffsetMap
    document: QTextDocument


def prepare_text(article: Article, base: QFont) -> PreparedText:
    """Build what the view shows; safe off the GUI thread (the document has no layout yet).
    The caller moves the document to the GUI thread before handing it over."""
    offsets = OffsetMap(article)
    with _BUILDING:
        document = build_document(article, base)
        mark_uncertain(document, offsets, article)  # words OCR was unsure of
    return PreparedText(offsets, document)


def build_document(article: Article, base: QFont) -> QTextDocument:
    """One document block per article block, styled by kind, built before it is shown."""
    document = QTextDocument()
    document.setUndoRedoEnabled(False)
    body = body_font(base)
    document.setDefaultFont(body)
    formats = {kind: _block_formats(kind, body) for kind in BlockKind}
    byline = body_byline(article)
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    for number, block in enumerate(display_blocks(article)):
        if byline and byline[0] <= block.start < byline[1]:
            block_format, char_format = _byline_formats(body)
        else:
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


def _byline_formats(body: QFont) -> tuple[QTextBlockFormat, QTextCharFormat]:
    """The text's own byline paragraph ("By Ana Souza"): a plain paragraph in the body's
    size, in italics, never a heading (a format may have marked it one, being short)."""
    block_format, char_format = _block_formats(BlockKind.PARAGRAPH, body)
    char_format.setFontItalic(True)
    return block_format, char_format


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
