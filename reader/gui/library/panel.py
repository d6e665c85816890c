"""The library panel: a collection's articles, its entities merged across articles, following
one entity through the collection, and full-text search. It shows what a Collection returns."""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.render.doubtful_articles import doubtful_in
from reader.core.store.library import (
    ArticleSummary,
    Collection,
    CollectionEntity,
    CollectionQuote,
    SearchHit,
)
from reader.gui.library.bar import CollectionBar
from reader.gui.library.columns import (
    ARTICLE_COLUMNS,
    ENTITY_COLUMNS,
    HIT_COLUMNS,
    LIBRARY_ARTICLE_COLUMNS,
    QUOTE_COLUMNS,
    SEEN_WITH_COLUMNS,
    kind_label,
)
from reader.gui.library.tables import record_at, record_table

SEARCH_DELAY_MS = 300
READING = "Reading the collection…"
Articles = tuple[ArticleSummary, ...]  # a collection's list, as `article_work` reads it
SEARCH_TIP = (
    "Every word must occur; the last word also matches longer words that start with it"
    ' (port: Portugal) as you type; "in quotes" for an exact phrase'
)


def summary_line(name: str, articles: tuple[ArticleSummary, ...]) -> str:
    """The collection's summary: its articles, how many are analysed, and how many doubtful
    quotes it still holds (issue 22), so a reader knows how much checking is left."""
    analysed = sum(a.analysed for a in articles)
    doubtful = doubtful_in(articles)
    return (
        f"<b>{html.escape(name)}</b>: {len(articles)} article{'s' if len(articles) != 1 else ''}, "
        f"{analysed} analysed, "
        f"{doubtful} doubtful quote{'s' if doubtful != 1 else ''}"
    )


def _filtered(parent: QWidget, table: QTableView, placeholder: str) -> QWidget:
    """A table under a filter box that narrows its rows as one types."""
    box = QWidget(parent)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 4, 0, 0)
    search = QLineEdit(box)
    search.setPlaceholderText(placeholder)
    search.setClearButtonEnabled(True)
    search.setAccessibleName(placeholder)
    search.textChanged.connect(table.model().setFilterFixedString)
    layout.addWidget(search)
    layout.addWidget(table, 1)
    table.filter_box = search  # type: ignore[attr-defined]
    return box


def _search_page(
    parent: QWidget, box: QLineEdit, quotes_only: QCheckBox, count: QLabel, hits: QTableView
) -> QWidget:
    """The Search page: the search box beside "Only inside quotes", the count, the hits."""
    box.setPlaceholderText("Search the texts (the last word as a prefix: port…)")
    box.setToolTip(SEARCH_TIP)
    box.setAccessibleName("Search the collection")
    box.setClearButtonEnabled(True)
    page = QWidget(parent)
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 4, 0, 0)
    row = QHBoxLayout()
    row.addWidget(box, 1)
    row.addWidget(quotes_only)
    layout.addLayout(row)
    layout.addWidget(count)
    layout.addWidget(hits, 1)
    return page


def _progress_format(failed: int) -> str:
    """The progress bar's text: how far the analysis is, and how many files failed."""
    return "Analysing %v of %m" + (f" ({failed} could not be read)" if failed else "")


def _matches(count: int) -> str:
    return f"{count} match{'es' if count != 1 else ''}"


def _progress_row(parent: QWidget) -> tuple[QProgressBar, QToolButton, QHBoxLayout]:
    """The collection analysis's progress bar and its Cancel button, hidden until it runs."""
    progress = QProgressBar(parent)
    progress.setAccessibleName("Collection analysis progress")
    progress.hide()
    cancel = QToolButton(parent)
    cancel.setText("Cancel")
    cancel.setToolTip("Stop analysing the collection (what is done is kept)")
    cancel.hide()
    row = QHBoxLayout()
    row.addWidget(progress, 1)
    row.addWidget(cancel)
    return progress, cancel, row


def _connect_rows(panel: LibraryPanel) -> None:
    """What a row does when chosen: an article opens, an entity is followed, a quote or a
    search hit opens its article at its place (on a single click)."""
    panel.entities.selectionModel().currentRowChanged.connect(panel._on_entity)
    for table, on_row in (
        (panel.articles, panel._open_article),
        (panel.mentioning, panel._open_article),
        (panel.seen_with, panel._follow_seen_with),
    ):
        table.activated.connect(on_row)
        table.doubleClicked.connect(on_row)
    for table in (panel.quotes, panel.hits):
        table.activated.connect(panel._open_at)
        table.clicked.connect(panel._open_at)


class LibraryPanel(QWidget):
    """Lists of one Collection; a click on an article or a quote asks the window to open it."""

    open_requested = Signal(object)  # Path
    open_at_requested = Signal(object, int, int)  # Path, start, end (characters into its text)
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.collection: Collection | None = None
        self._name = ""
        self.followed: CollectionEntity | None = None
        self.working_out = False  # its entities are being worked out: none listed (issue 25)
        self._articles: Articles = ()  # the list read last, doubtful counted
        self._entities: tuple[CollectionEntity, ...] = ()  # those listed

        self.bar = CollectionBar(self)
        self.heading = QLabel("No collection open", self)
        self.heading.setWordWrap(True)
        self.progress, self.cancel_button, progress_row = _progress_row(self)
        self.cancel_button.clicked.connect(self.cancel_requested)

        self.articles = record_table(self, LIBRARY_ARTICLE_COLUMNS, "Articles of the collection")
        self.entities = record_table(self, ENTITY_COLUMNS, "Entities of the collection")
        self.quotes = record_table(self, QUOTE_COLUMNS, "Quotes of the followed entity")
        self.mentioning = record_table(self, ARTICLE_COLUMNS, "Articles mentioning it")
        self.seen_with = record_table(self, SEEN_WITH_COLUMNS, "Entities seen with it")
        self.hits = record_table(self, HIT_COLUMNS, "Search results")

        self.follow_label = QLabel("Select an entity to follow it across the collection.", self)
        self.follow_label.setWordWrap(True)
        self.follow_tabs = QTabWidget(self)
        self.follow_tabs.addTab(self.quotes, "Quotes")
        self.follow_tabs.addTab(self.mentioning, "Articles")
        self.follow_tabs.addTab(self.seen_with, "Seen with")
        follow = QWidget(self)
        follow_layout = QVBoxLayout(follow)
        follow_layout.setContentsMargins(0, 4, 0, 0)
        follow_layout.addWidget(self.follow_label)
        follow_layout.addWidget(self.follow_tabs, 1)
        entity_split = QSplitter(Qt.Orientation.Vertical, self)
        entity_split.addWidget(_filtered(self, self.entities, "Filter entities"))
        entity_split.addWidget(follow)

        self.search_box = QLineEdit(self)
        self.quotes_only = QCheckBox("Only inside quotes", self)
        self.search_count = QLabel(self)
        search = _search_page(self, self.search_box, self.quotes_only, self.search_count, self.hits)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.run_search)
        self.search_box.textChanged.connect(self._search_timer.start)
        self.search_box.returnPressed.connect(self.run_search)
        self.quotes_only.toggled.connect(self.run_search)

        self.pages = QTabWidget(self)
        self.pages.addTab(_filtered(self, self.articles, "Filter articles"), "Articles")
        self.pages.addTab(entity_split, "Entities")
        self.pages.addTab(search, "Search")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.bar)
        layout.addWidget(self.heading)
        layout.addLayout(progress_row)
        layout.addWidget(self.pages, 1)

        _connect_rows(self)

    # -- the collection

    def reading(self, name: str) -> None:
        """Collection `name` read on the articles' lane (`article_work`): none listed."""
        self.set_collection(None)
        self.heading.setText(f"<b>{html.escape(name)}</b>: {READING}")

    def set_collection(
        self, collection: Collection | None, name: str = "", articles: Articles = ()
    ) -> None:
        """Show `collection` under `name` with `articles`, its list as read off the GUI
        thread (the analysed ones with their doubtful counts)."""
        self.collection, self.followed, self._name = collection, None, name
        self._articles = articles if collection is not None else ()
        self.refresh()

    def articles_read(
        self, articles: Articles, base: Articles | None = None, changed: Sequence[int] = ()
    ) -> None:
        """The collection's list read again (as `set_collection` takes it): shown. When it
        was read as a change of `base`, the list shown, only the rows at `changed` are
        replaced (an article analysed in the background, among 10,000)."""
        in_place = base is not None and base is self._articles
        self._articles = articles
        self.refresh_articles(changed if in_place else None)

    def refresh(
        self,
        articles: Articles | None = None,
        base: Articles | None = None,
        changed: Sequence[int] = (),
    ) -> None:
        """The lists shown again: `articles` read again (as `articles_read` takes them; None:
        those read last, the table reset), the entities, the search."""
        if articles is None:
            self.refresh_articles()
        else:
            self.articles_read(articles, base, changed)
        self.refresh_entities()
        if self.search_box.text().strip():  # run on the next turn: the lists are drawn first
            QTimer.singleShot(0, self, self.run_search)

    def refresh_entities(self) -> None:
        """Only the entities and the one followed (its identity was worked out again)."""
        collection = None if self.working_out else self.collection
        entities = collection.entities() if collection else ()
        if entities is not self._entities:  # the same adopted tuple: the table stays as it is
            self._entities = entities
            self.entities.records.set_records(entities)
        self.follow(self.followed.key if self.followed else None)

    def refresh_articles(self, changed: Sequence[int] | None = None) -> None:
        """Only the article list and its counts, as read last (no store read); with
        `changed`, only those rows of the list shown are replaced."""
        self.articles.records.set_records(self._articles, changed)
        self.heading.setText(
            summary_line(self._name, self._articles)
            if self.collection is not None
            else "No collection open"
        )

    def show_progress(self, done: int, total: int, failed: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(_progress_format(failed))
        self.progress.show()
        self.cancel_button.show()

    def hide_progress(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()

    # -- following an entity across the collection

    def _on_entity(self, current: QModelIndex, _previous: QModelIndex) -> None:
        entity: CollectionEntity | None = record_at(current)
        if entity is not None:
            self.follow(entity.key)

    def follow(self, key: str | None) -> None:
        """Show the quotes, articles and companions of entity `key` (None: nothing followed)."""
        collection = self.collection
        entity = None
        if collection is not None and key is not None:
            entity = next((e for e in self.entities.records.records() if e.key == key), None)
        self.followed = entity
        if entity is None or collection is None:
            self.follow_label.setText("Select an entity to follow it across the collection.")
            for table in (self.quotes, self.mentioning, self.seen_with):
                table.records.set_records(())
            return
        quotes = collection.quotes_of(entity.key)
        self.quotes.records.set_records(quotes)
        self.mentioning.records.set_records(collection.articles_mentioning(entity.key))
        self.seen_with.records.set_records(collection.co_occurring(entity.key))
        self.follow_label.setText(
            f"<b>{html.escape(entity.name)}</b> ({kind_label(entity.kind)}): in {entity.articles} "
            f"article{'s' if entity.articles != 1 else ''}, {entity.mentions} mentions, "
            f"{len(quotes)} quote{'s' if len(quotes) != 1 else ''}"
        )

    def _follow_seen_with(self, index: QModelIndex) -> None:
        pair = record_at(index)
        if pair is not None:
            self.follow(pair[0].key)

    # -- search

    def run_search(self) -> None:
        self._search_timer.stop()
        query = self.search_box.text().strip()
        hits: tuple[SearchHit, ...] = ()
        if self.collection is not None and query:
            hits = self.collection.search(query, quotes_only=self.quotes_only.isChecked())
        self.hits.records.set_records(hits)
        self.search_count.setText(_matches(len(hits)) if query else "")

    # -- opening

    def _open_article(self, index: QModelIndex) -> None:
        article: ArticleSummary | None = record_at(index)
        if article is not None:
            self.open_requested.emit(Path(article.path))

    def _open_at(self, index: QModelIndex) -> None:
        """A quote or a search hit opened at its place in its article."""
        item: CollectionQuote | SearchHit | None = record_at(index)
        if item is not None:
            at = item.quote if isinstance(item, CollectionQuote) else item
            self.open_at_requested.emit(Path(item.path), at.start, at.end)
