"""What the collection says of an open article's quotes (issue 24): each quote found in other
articles of the shown collection says so on its row's second line and in its tooltip ("also in
7 articles · first 12 October 2016, Politico", its date written as the collection report
writes it: `reader.core.render.dates`), and the marked quote's line under the quote list is a
link that opens its group."""

from __future__ import annotations

import weakref
from html import escape

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QLabel

from reader.core.store.database import content_hash
from reader.core.store.quote_provenance import QuoteGroup
from reader.gui.article.article_tab import ArticleTab
from reader.gui.article.models import ITEM_ROLE
from reader.gui.library.coverage_state import CollectionCoverage, CoverageSnapshot
from reader.gui.library.quote_group_dialog import also_in


class QuoteCoverageLine(QLabel):
    """Under one tab's quote list; knows its tab weakly, so a closed tab is freed at once."""

    group_requested = Signal(object)  # a QuoteGroup

    def __init__(self, tab: ArticleTab, coverage: CollectionCoverage) -> None:
        super().__init__(tab.quotes)
        self.setObjectName("quoteCoverage")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setContentsMargins(4, 2, 4, 2)
        self.linkActivated.connect(self._open)
        self.hide()
        tab.quotes.layout().addWidget(self)
        self._tab = weakref.ref(tab)
        self._coverage = coverage
        self._digest: str | None = None
        self.group: QuoteGroup | None = None
        tab.analysis_shown.connect(self.refresh)
        tab.quotes.list.selectionModel().currentChanged.connect(self._on_current)
        coverage.changed.connect(self._on_snapshot)

    def _on_snapshot(self, _snapshot: CoverageSnapshot | None) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Every quote's line again (a new analysis, or a new snapshot of the collection)."""
        tab, snapshot = self._tab(), self._coverage.snapshot
        if tab is None:
            return
        lines: dict[int, str] = {}
        analysis = tab.analysis
        self._digest = content_hash(analysis.article) if analysis is not None else None
        if analysis is not None and snapshot is not None:
            for quote in analysis.quotes:
                if (group := snapshot.group_of(self._digest, quote.start)) is not None:
                    lines[quote.start] = also_in(group)
        tab.quotes.proxy.set_coverage(lines)
        self._on_current(tab.quotes.list.currentIndex())

    def _on_current(self, index: QModelIndex, _previous: QModelIndex | None = None) -> None:
        quote = index.data(ITEM_ROLE) if index.isValid() else None
        snapshot = self._coverage.snapshot
        self.group = None
        if quote is not None and snapshot is not None and self._digest is not None:
            self.group = snapshot.group_of(self._digest, quote.start)
        if self.group is None:
            self.hide()
            return
        line = also_in(self.group)
        flags = " · disputed speaker" if self.group.disputed else ""
        flags += " · wording differs" if self.group.misquoted else ""
        self.setText(f'<a href="group">{escape(line[0].upper() + line[1:])}</a>{flags}')
        self.setToolTip("Show the articles, dates, speakers and wordings of this quote")
        self.show()

    def _open(self, _link: str) -> None:
        if self.group is not None:
            self.group_requested.emit(self.group)
