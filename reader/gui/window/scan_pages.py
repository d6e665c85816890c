"""A scan in its tab while OCR reads it: how far the OCR is, in the tab's bar with Cancel, and
the pages read so far in its view, long before the whole text (and its analysis) comes.

Each run of pages comes with a document built off the GUI thread (`loading.PagesRead`) and is
appended to the view's document: a few thousand characters per page, whatever the length of the
scan. The tab's article stays unset meanwhile (the tab is still `loading`), so nothing analyses,
exports, searches or corrects a text still being read; the file's Article, made once every page
is read (running lines out, paragraphs joined across pages), then replaces the pages shown,
and the view stays where the reader had scrolled to.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor, QTextDocumentFragment

from reader.core.text.article import Article
from reader.gui.article.article_tab import ArticleTab
from reader.gui.article.text_document import PreparedText
from reader.gui.window.loading import PagesRead, Reading


def reading_message(reading: Reading) -> str:
    """ "OCR page 3 of 20", the page being read (from 1); once all are read, that the text is
    being put together."""
    if reading.done >= reading.total:
        return f"OCR done: {reading.total} pages read, putting the text together…"
    return f"OCR page {reading.done + 1} of {reading.total}"


def show_reading(tab: ArticleTab, reading: Reading) -> None:
    """How far the OCR of the tab's file is, in its bar (with Cancel) and its legend (pages are
    shown as they are read)."""
    tab.set_status("Reading with OCR: pages appear as they are read")
    tab.analysis_bar.show_reading(reading_message(reading), reading.done, reading.total)


def show_pages(tab: ArticleTab, pages: PagesRead) -> None:
    """The next pages of the tab's scan, after those shown (the first ones: the view's text)."""
    view = tab.view
    if view.offsets is None:
        view.set_article(pages.article, pages.prepared)
        return
    source = pages.prepared.document
    first = source.firstBlock()
    cursor = QTextCursor(view.document())
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertBlock(first.blockFormat(), first.charFormat())
    cursor.insertFragment(QTextDocumentFragment(source))


def set_read_article(tab: ArticleTab, article: Article, prepared: PreparedText | None) -> None:
    """The file's whole Article in its tab, in place of the pages shown while it was read (their
    document is freed), at the place the reader had scrolled to."""
    view = tab.view
    preview = view.document() if view.offsets is not None and not tab.article else None
    scrolled = view.verticalScrollBar().value()
    tab.set_article(article, prepared)
    if preview is None or preview is view.document():
        return
    preview.deleteLater()
    if scrolled:
        bar = view.verticalScrollBar()
        view.layout_pacer.done.connect(
            lambda: bar.setValue(scrolled), Qt.ConnectionType.SingleShotConnection
        )
