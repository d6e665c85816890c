"""The library in the window: the collection in its dock, the reader's corrections, quotes out
as CSV and clearing the analysis store, each command put in its place in the menus.

The parts are `Collections` (collection.py) and `Corrections` (corrections.py); every call into
the analysis store goes through `StoredAnalyses` (reader.gui.window.stored).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox

from reader.core.render.quote_table import export_analysis_quotes, export_collection_quotes
from reader.core.store.database import StoreError
from reader.gui.article.article_tab import ArticleTab
from reader.gui.library.alias_actions import AliasRules
from reader.gui.library.collection import Collections
from reader.gui.library.commands import CollectionCommands
from reader.gui.library.corrections import Corrections
from reader.gui.library.coverage_controller import CoverageController
from reader.gui.library.entity_menu import CollectionEntityMenu
from reader.gui.window import dialogs
from reader.gui.window.exporting import export_quotes
from reader.gui.window.menus import MenuRegistry, Place
from reader.gui.window.open_articles import OpenArticles
from reader.gui.window.settings import Settings
from reader.gui.window.stored import StoredAnalyses

STATUS_MS = 8000


class LibraryController(QObject):
    """Builds the library's parts and puts their commands in the menus."""

    def __init__(
        self,
        settings: Settings,
        stored: StoredAnalyses,
        articles: OpenArticles,
        menus: MenuRegistry,
        status: Callable[[str, int], None],
        parent: QMainWindow,
    ) -> None:
        super().__init__(parent)
        self.stored = stored
        self._articles = articles
        self._status = status
        self._parent = parent  # the window: the dialogs' parent, and where the focus is
        self._settings = settings
        self.collections = Collections(settings, stored, articles, status, parent)
        self.commands = CollectionCommands(self.collections, settings, parent)
        self.corrections = Corrections(stored, articles.current_tab, status, parent=self)
        self.corrections.changed.connect(self.collections.refresh)
        self.alias_rules = AliasRules(stored, articles, self.corrections, status, parent)
        self.alias_rules.changed.connect(self.collections.refresh)
        self.entity_menu = CollectionEntityMenu(
            self.collections, self.corrections, stored, articles, self.alias_rules
        )
        articles.tab_added.connect(self._attach)
        self._build_actions(menus)
        self.coverage = CoverageController(
            self.collections, articles, menus, settings, status, parent
        )

    def _build_actions(self, menus: MenuRegistry) -> None:
        menus.add_action(Place.OPEN, "Open &Folder…", self.commands.open_folder, ["Ctrl+Shift+O"])
        self.export_quotes_action = menus.add_action(
            Place.EXPORT, "Export &Quotes as CSV…", self.export_quotes, ["Ctrl+Shift+E"]
        )
        menus.add_action(
            Place.CORRECTIONS, "&Undo Correction", self.corrections.undo_current, ["Ctrl+Z"]
        )
        self.corrections.add_review_commands(menus)
        self.alias_rules.add_menu_command(menus)
        self.clear_action = menus.add_action(
            Place.CORRECTIONS, "Clear Analysis &Store…", self.clear_store
        )
        self.clear_action.setEnabled(self.stored.store is not None)
        toggle = self.collections.dock.toggleViewAction()
        toggle.setText("&Library")
        toggle.setShortcut(QKeySequence("Ctrl+L"))
        menus.add(Place.DOCKS, toggle)

    def _attach(self, tab: ArticleTab) -> None:
        """Give a new tab the correction menus; its analysis is stored once it has drawn; the
        status bar's summary of it comes back when following an entity ends."""
        self.corrections.attach(tab)
        tab.analysis_shown.connect(self.stored.write_unsaved)
        tab.follow_bar.following.connect(lambda entity: self._after_following(tab, entity))

    def _after_following(self, tab: ArticleTab, entity: object) -> None:
        if entity is not None or tab is not self._articles.current_tab() or tab.analysis is None:
            return
        entities, quotes = len(tab.analysis.entities), len(tab.analysis.quotes)
        self._status(
            f"{tab.title}: {entities} people, countries and organizations; "
            f"{quotes} quote{'s' if quotes != 1 else ''}",
            STATUS_MS,
        )

    def export_quotes(self) -> None:
        """The current article's quotes, or the collection's when the library has focus, as CSV."""
        tab = self._articles.current_tab()
        collection = self.collections.collection
        use_collection = collection is not None and (
            tab is None
            or tab.analysis is None
            or self.collections.dock.isAncestorOf(self._parent.focusWidget())
        )
        if not use_collection and (tab is None or tab.analysis is None):
            self._status("Open an article or a collection to export its quotes", STATUS_MS)
            return
        if use_collection:
            what, write = "collection", partial(export_collection_quotes, collection)
        else:
            what, write = "article", partial(export_analysis_quotes, tab.analysis)
        opened = [t.path for t in self._articles.article_tabs() if t.path is not None]
        if (said := export_quotes(self._parent, self._settings, what, write, opened)) is not None:
            self._status(said, STATUS_MS)

    def clear_store(self) -> None:
        """Edit ▸ Clear Analysis Store, once the reader has said yes."""
        if self.stored.store is None:
            return
        answer = QMessageBox.question(
            self._parent,
            "Clear the analysis store",
            "Forget every stored analysis? Articles are analysed again when opened; your "
            "corrections are kept.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.stored.clear()
        except StoreError as error:
            dialogs.show_error(self._parent, "Cannot clear the store", str(error))
            return
        self.collections.refresh()
        self._status("The analysis store is empty", STATUS_MS)

    def shutdown(self) -> None:
        """Stop the collection's analysis and its coverage's work (before the window closes
        the store)."""
        self.coverage.shutdown()
        self.collections.shutdown()
        self.collections.identity.close()  # a first build ends on its own connection, unwaited
