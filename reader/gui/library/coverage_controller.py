"""Issue 24 in the window: the shown collection's coverage kept in step with the Library
(`coverage_state`), its Coverage page in the dock, the followed entity over time, what each
open article's quotes are elsewhere, the group dialog, and File ▸ Export Collection Report
(the page `reader report` writes)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMainWindow

from reader.core.store.quote_provenance import QuoteGroup
from reader.gui.article.article_tab import ArticleTab
from reader.gui.library.collection import Collections
from reader.gui.library.coverage_page import CoveragePage
from reader.gui.library.coverage_state import CollectionCoverage, CoverageSnapshot
from reader.gui.library.entity_timeline import EntityTimeline
from reader.gui.library.quote_coverage import QuoteCoverageLine
from reader.gui.library.quote_group_dialog import QuoteGroupDialog
from reader.gui.window import dialogs
from reader.gui.window.menus import MenuRegistry, Place
from reader.gui.window.naming import resolved
from reader.gui.window.open_articles import OpenArticles
from reader.gui.window.settings import Settings

STATUS_MS = 8000


class CoverageController(QObject):
    """Builds the coverage's parts into the Library and the menus."""

    def __init__(
        self,
        collections: Collections,
        articles: OpenArticles,
        menus: MenuRegistry,
        settings: Settings,
        status: Callable[[str, int], None],
        parent: QMainWindow,
    ) -> None:
        super().__init__(parent)
        self._collections = collections
        self._articles = articles
        self._settings = settings
        self._status = status
        self._parent = parent
        self.coverage = CollectionCoverage(self)
        self.dialog: QuoteGroupDialog | None = None
        panel = collections.panel
        self.page = CoveragePage(panel)
        panel.pages.addTab(self.page, "Coverage")
        self.timeline = EntityTimeline(panel)
        panel.follow_tabs.addTab(self.timeline, "Over time")
        # The Library reads its entities again whenever the store may have changed, and its
        # followed entity's quotes whenever it follows one: the coverage goes with them.
        panel.entities.records.modelReset.connect(self.sync)
        panel.quotes.records.modelReset.connect(self._show_followed)
        self.coverage.changed.connect(self._show)
        self.coverage.report_written.connect(
            lambda path: status(f"Collection report written to {path}", STATUS_MS)
        )
        self.coverage.failed.connect(
            lambda message: dialogs.show_error(parent, "Cannot write the report", message)
        )
        self.page.follow_requested.connect(self.follow)
        self.page.group_requested.connect(self.open_group)
        self.timeline.open_requested.connect(lambda path: articles.open_paths([path]))
        articles.tab_added.connect(self._attach)
        self.report_action = menus.add_action(
            Place.EXPORT, "Export Collection &Report…", lambda: self.export_report(False)
        )
        self.report_pages_action = menus.add_action(
            Place.EXPORT,
            "Export Collection Report with Article &Pages…",
            lambda: self.export_report(True),
        )

    def sync(self) -> None:
        self.coverage.sync(self._collections.collection)

    def _show(self, snapshot: CoverageSnapshot | None) -> None:
        self.page.set_coverage(
            snapshot.speakers if snapshot else None, snapshot.groups if snapshot else ()
        )
        self._show_followed()

    def _show_followed(self) -> None:
        followed = self._collections.panel.followed
        key, roles = (followed.key, followed.roles) if followed else (None, ())
        self.timeline.show_entity(self.coverage.snapshot, key, roles)

    def _attach(self, tab: ArticleTab) -> None:
        QuoteCoverageLine(tab, self.coverage).group_requested.connect(self.open_group)

    def follow(self, key: str) -> None:
        """Follow a collection key in the Library as selecting it in the entity list does."""
        panel = self._collections.panel
        table = panel.entities
        for page in range(panel.pages.count()):
            if panel.pages.widget(page).isAncestorOf(table):
                panel.pages.setCurrentIndex(page)
        table.filter_box.clear()
        keys = [entity.key for entity in table.records.records()]
        if key not in keys:
            self._status("That speaker is not among the collection's entities", STATUS_MS)
            return
        index = table.model().mapFromSource(table.records.index(keys.index(key), 0))
        table.setCurrentIndex(index)
        table.scrollTo(index)
        if panel.followed is None or panel.followed.key != key:
            panel.follow(key)

    def open_group(self, group: QuoteGroup) -> None:
        """The group's dialog (one at a time); its articles open at the quote."""
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
        self.dialog = QuoteGroupDialog(group, self._parent)
        self.dialog.open_at_requested.connect(self._collections.revealer.open_at)
        self.dialog.show()

    def export_report(self, with_articles: bool = False) -> None:
        """File ▸ Export Collection Report: the page of `reader report` over the collection;
        `with_articles`: each article's page too, beside it, its quotes linked there (the
        page of `reader report --with-articles`)."""
        collection, current = self._collections.collection, self._collections.current
        if collection is None or current is None:
            self._status("Open a collection to export its report", STATUS_MS)
            return
        proposed = Path(self._settings.last_folder()) / f"{current.name} report.html"
        name, _ = QFileDialog.getSaveFileName(
            self._parent, "Export Collection Report", str(proposed), "Web pages (*.html *.htm)"
        )
        if not name:
            return
        path = Path(name)
        kept = [*collection.paths, *(t.path for t in self._articles.article_tabs() if t.path)]
        if resolved(path) in {resolved(p) for p in kept}:
            dialogs.show_error(
                self._parent,
                "Cannot write the report",
                f"{path} is an article of the collection; write the report to another file.",
            )
            return
        self._settings.set_last_folder(path.parent)
        self.coverage.write_report(collection, path, f"Coverage of {current.name}", with_articles)

    def shutdown(self) -> None:
        self.coverage.wait_idle()
