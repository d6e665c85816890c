"""Opening an article of the collection at a place: a quote marked as a quote (selected in the
quote list too), any other range selected, once the article's analysis is shown."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject

from reader.gui.article.article_tab import ArticleTab
from reader.gui.window.open_articles import OpenArticles


class Revealer(QObject):
    """Opens articles at a range, waiting for their analysis when it is not there yet."""

    def __init__(self, articles: OpenArticles, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._articles = articles
        self._pending_reveal: dict[int, tuple[int, int]] = {}
        articles.tab_added.connect(self._attach)

    def open_at(self, path: Path, start: int, end: int) -> None:
        """Open (or switch to) an article and show the range, a quote marked as a quote."""
        self._articles.open_paths([path])
        tab = self._articles.current_tab()
        if tab is None:
            return
        self._pending_reveal[id(tab)] = (start, end)
        if tab.analysis is not None:
            self._reveal(tab)

    def _attach(self, tab: ArticleTab) -> None:
        tab.analysis_shown.connect(lambda: self._reveal(tab))

    def _reveal(self, tab: ArticleTab) -> None:
        where = self._pending_reveal.pop(id(tab), None)
        if where is None or tab.analysis is None:
            return
        start, end = where
        quote = next((q for q in tab.analysis.quotes if q.start == start), None)
        if quote is not None:
            if not tab.quotes.row_of(quote).isValid():
                tab.quotes.show_all_speakers()
            tab.view.mark_quote(quote)
            tab.quotes.show_marked(quote)
        else:
            tab.view.select_range(start, end)
