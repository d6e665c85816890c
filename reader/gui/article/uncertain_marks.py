"""Words the OCR engine was unsure of, marked in the article view: a wavy underline (the mark
of a word to check, as spelling checkers draw it; a dotted line is the countries' underline)
and a tooltip saying why.

The marks are character formats of the document, set when it is built (off the GUI thread for
a long article), not highlights: they stay whatever the highlighter draws, and the text copied
is the article's. Over a mention, the mention's own underline is drawn; its tooltip then says
that OCR was unsure of the word too. `meta.uncertain` holds the words' article offsets.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument, QTextFormat
from PySide6.QtWidgets import QTextEdit

from reader.core.text.article import Article
from reader.core.text.loaders.ocr import UNCERTAIN_BELOW
from reader.gui.article.offsets import OffsetMap

UNCERTAIN_TIP = (
    f"OCR was unsure of this word (confidence under {UNCERTAIN_BELOW:.0%}): "
    "check it against the scan"
)
UNCERTAIN_COLOUR = "#e0533d"  # reads on the light page and on the dark one
# Set on the marked characters' format: how the view tells them (a tooltip may change).
UNCERTAIN_PROPERTY = QTextFormat.Property.UserProperty + 23


def uncertain_format() -> QTextCharFormat:
    char_format = QTextCharFormat()
    char_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    char_format.setUnderlineColor(QColor(UNCERTAIN_COLOUR))
    char_format.setToolTip(UNCERTAIN_TIP)
    char_format.setProperty(UNCERTAIN_PROPERTY, True)
    return char_format


def mark_uncertain(document: QTextDocument, offsets: OffsetMap, article: Article) -> int:
    """Mark the article's uncertain words (`meta.uncertain`, article offsets) in its document;
    returns how many were marked. Linear in the words: one offset lookup (bisect) each."""
    spans = article.meta.uncertain if article.meta else ()
    if not spans:
        return 0
    char_format = uncertain_format()
    cursor = QTextCursor(document)
    for start, end in spans:
        first, last = offsets.range_to_document(start, end)
        cursor.setPosition(first)
        cursor.setPosition(last, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(char_format)
    return len(spans)


def is_uncertain_at(view: QTextEdit, point: QPoint) -> bool:
    """Whether the character under a viewport point is a word OCR was unsure of."""
    content = point + QPoint(view.horizontalScrollBar().value(), view.verticalScrollBar().value())
    layout = view.document().documentLayout()
    position = layout.hitTest(content, Qt.HitTestAccuracy.ExactHit)
    if position < 0:
        return False
    cursor = QTextCursor(view.document())
    cursor.setPosition(position + 1)  # the format of the character before the cursor
    return bool(cursor.charFormat().property(UNCERTAIN_PROPERTY))
