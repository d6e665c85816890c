"""Reading aids of the article view that are not part of its text: the metadata line under
the title (and the loader's notices under it), the text column's width, and where mentions
sit for the scroll bar's ticks."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPalette, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

from reader.core.render.meta_line import shown_author
from reader.core.render.notices import notice_text
from reader.core.render.ocr_marks import ocr_label
from reader.core.text.article import Article
from reader.gui.theme import quiet

MIN_MARGIN = 28  # pixels beside the text, room for the quote bars


def meta_text(article: Article) -> str:
    """ "By Author · 2024-05-01 · Site" from what the source names, then "Read by OCR" for a
    text read from pictures (and how its unsure words are marked); "" when there is none.
    The author is left out when the text's own byline paragraph names them (`shown_author`,
    the export's rule): the view shows that paragraph, so the byline is shown once."""
    meta = getattr(article, "meta", None)
    if not meta:
        return ""
    author = shown_author(article)
    parts = [f"By {author}" if author else "", meta.date or "", meta.site or ""]
    parts.append(ocr_label(meta) or "")  # the export's words
    return " · ".join(part for part in parts if part)


class MetaLine:
    """The byline, date and site painted under the title, and under them the loader's notices
    (what it left out of the file: "Note: Its page headers and footers are not shown …"), one
    line each. They are not in the document, so the article's offsets and copied text stay the
    article's own; space for them is kept by a larger margin below the title (above the text
    when there is no title). A line too long for the column is cut short; `full_text_at` gives
    it whole for a tooltip."""

    def __init__(self) -> None:
        self.text = ""
        self.notices: tuple[str, ...] = ()
        self._under_title = True
        self._font = QFont()

    @property
    def lines(self) -> list[str]:
        """The lines painted, top to bottom: the meta text (when there is one), the notices."""
        return ([self.text] if self.text else []) + [notice_text(n) for n in self.notices]

    def set_article(self, article: Article, document: QTextDocument) -> None:
        self.text = meta_text(article)
        self.notices = tuple(getattr(article, "notices", ()))
        if not self.lines:
            return
        first = document.firstBlock()
        block_format = first.blockFormat()
        self._under_title = block_format.headingLevel() == 1
        self._font = _meta_font(document)  # kept: the space for it is kept at any text size
        height = QFontMetricsF(self._font).lineSpacing() * (len(self.lines) + 0.8)
        if self._under_title:
            block_format.setBottomMargin(block_format.bottomMargin() + height)
        else:
            block_format.setTopMargin(block_format.topMargin() + height)
        QTextCursor(first).setBlockFormat(block_format)

    def line_rects(self, view: QTextEdit) -> list[QRectF]:
        """Where each of `lines` is painted, in viewport coordinates."""
        lines = self.lines
        if not lines:
            return []
        document = view.document()
        layout = document.firstBlock().layout()
        metrics = QFontMetricsF(self._font)
        spacing = metrics.lineSpacing()
        offset = QPointF(view.horizontalScrollBar().value(), view.verticalScrollBar().value())
        margin = document.rootFrame().frameFormat().leftMargin()
        width = document.size().width() - 2 * margin
        if self._under_title:
            top = layout.position().y() + layout.boundingRect().height() + metrics.leading() + 6
        else:
            top = layout.position().y() - spacing * (len(lines) + 0.6)
        return [
            QRectF(margin, top + index * spacing, width, spacing).translated(-offset)
            for index in range(len(lines))
        ]

    def full_text_at(self, view: QTextEdit, point: QPointF) -> str:
        """The whole line under a viewport point when it is painted cut short, else ""."""
        for index, (line, rect) in enumerate(zip(self.lines, self.line_rects(view), strict=True)):
            width = QFontMetricsF(self._line_font(index)).horizontalAdvance(line)
            if rect.contains(point) and width > rect.width():
                return line
        return ""

    def paint(self, view: QTextEdit) -> None:
        lines = self.lines
        if not lines:
            return
        palette = view.palette()
        colour = quiet(
            palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)
        )
        painter = QPainter(view.viewport())
        painter.setPen(colour)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        for index, (line, rect) in enumerate(zip(lines, self.line_rects(view), strict=True)):
            font = self._line_font(index)
            painter.setFont(font)
            meta = index == 0 and bool(self.text)
            mode = Qt.TextElideMode.ElideMiddle if meta else Qt.TextElideMode.ElideRight
            painter.drawText(rect, flags, QFontMetricsF(font).elidedText(line, mode, rect.width()))
        painter.end()

    def _line_font(self, index: int) -> QFont:
        """The meta text's font; the notices' in italics (Reader's words, not the source's)."""
        font = QFont(self._font)
        font.setItalic(index >= len(self.lines) - len(self.notices))
        return font


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
