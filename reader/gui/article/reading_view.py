"""Reading aids of the article view that are not part of its text: the metadata line under
the title, the text column's width, and where mentions sit for the scroll bar's ticks."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPalette, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

from reader.core.render.ocr_marks import ocr_label
from reader.core.text.article import Article
from reader.gui.theme import quiet

MIN_MARGIN = 28  # pixels beside the text, room for the quote bars


def meta_text(article: Article) -> str:
    """ "By Author · 2024-05-01 · Site" from what the source names, then "Read by OCR" for a
    text read from pictures (and how its unsure words are marked); "" when there is none."""
    meta = getattr(article, "meta", None)
    if not meta:
        return ""
    parts = [f"By {meta.author}" if meta.author else "", meta.date or "", meta.site or ""]
    parts.append(ocr_label(meta) or "")  # the export's words
    return " · ".join(part for part in parts if part)


class MetaLine:
    """The byline, date and site painted under the title. It is not in the document, so the
    article's offsets and copied text stay the article's own; space for it is kept by a larger
    margin below the title (above the text when there is no title)."""

    def __init__(self) -> None:
        self.text = ""
        self._under_title = True
        self._font = QFont()

    def set_article(self, article: Article, document: QTextDocument) -> None:
        self.text = meta_text(article)
        if not self.text:
            return
        first = document.firstBlock()
        block_format = first.blockFormat()
        self._under_title = block_format.headingLevel() == 1
        self._font = _meta_font(document)  # kept: the space for it is kept at any text size
        height = QFontMetricsF(self._font).lineSpacing() * 1.8
        if self._under_title:
            block_format.setBottomMargin(block_format.bottomMargin() + height)
        else:
            block_format.setTopMargin(block_format.topMargin() + height)
        QTextCursor(first).setBlockFormat(block_format)

    def paint(self, view: QTextEdit) -> None:
        if not self.text:
            return
        document = view.document()
        layout = document.firstBlock().layout()
        font = self._font
        metrics = QFontMetricsF(font)
        offset = QPointF(view.horizontalScrollBar().value(), view.verticalScrollBar().value())
        margin = document.rootFrame().frameFormat().leftMargin()
        width = document.size().width() - 2 * margin
        if self._under_title:
            top = layout.position().y() + layout.boundingRect().height() + metrics.leading() + 6
        else:
            top = layout.position().y() - metrics.lineSpacing() * 1.6
        rect = QRectF(margin, top, width, metrics.lineSpacing()).translated(-offset)
        palette = view.palette()
        colour = quiet(
            palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)
        )
        painter = QPainter(view.viewport())
        painter.setFont(font)
        painter.setPen(colour)
        shown = metrics.elidedText(self.text, Qt.TextElideMode.ElideMiddle, width)
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown)
        painter.end()


def _meta_font(document: QTextDocument) -> QFont:
    font = QFont(document.defaultFont())
    font.setPointSizeF(font.pointSizeF() * 0.8)
    return font


def column_margin(view: QTextEdit, chars: int | None) -> int:
    """The side margin that keeps lines near `chars` average characters (None: the whole
    width), at least MIN_MARGIN pixels."""
    if chars is None:
        return MIN_MARGIN
    width = QFontMetricsF(view.document().defaultFont()).averageCharWidth() * chars
    return max(MIN_MARGIN, int(view.viewport().width() - width) // 2)


def mention_fractions(document: QTextDocument, positions: list[int]) -> list[float]:
    """How far down the document (0 to 1) each document position's line is."""
    height = document.documentLayout().documentSize().height()
    if height <= 0:
        return []
    fractions = []
    for position in positions:
        block = document.findBlock(position)
        layout = block.layout()
        line = layout.lineForTextPosition(position - block.position())
        y = layout.position().y() + (line.y() if line.isValid() else 0.0)
        fractions.append(y / height)
    return fractions
