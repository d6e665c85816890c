"""The reader's commands on collections: make one, add files or a folder to it, rename it,
remove it (its analyses stay in the store), and an article's menu to put it in another
collection too or take it out of this one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from reader.core.store.collections import CollectionError, SavedCollection
from reader.core.store.database import StoreError
from reader.core.store.library import supported_files
from reader.gui.library.collection import Collections
from reader.gui.library.corrections import ask_text
from reader.gui.library.empty_hint import add_empty_hint
from reader.gui.library.tables import record_at
from reader.gui.window import dialogs
from reader.gui.window.settings import Settings


class CollectionCommands(QObject):
    """Answers the collection bar's buttons and the article list's menu."""

    def __init__(self, collections: Collections, settings: Settings, parent: QWidget) -> None:
        super().__init__(parent)
        self._collections = collections
        self._settings = settings
        self._parent = parent
        bar = collections.panel.bar
        bar.new_requested.connect(self.new_collection)
        bar.add_files_requested.connect(self.add_files)
        bar.add_folder_requested.connect(self.add_folder)
        bar.rename_requested.connect(self.rename)
        bar.remove_requested.connect(self.remove)
        add_empty_hint(collections.panel)  # an empty collection names the Add menu's commands
        articles = collections.panel.articles
        articles.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        articles.customContextMenuRequested.connect(self._article_menu)

    def open_folder(self) -> None:
        """File ▸ Open Folder: the folder's collection (made, or brought up to date)."""
        folder = dialogs.ask_folder(self._parent, self._settings, "Open a folder of articles")
        if folder is not None:
            self._collections.collect_folder(folder)

    def new_collection(self) -> None:
        shelf = self._collections.shelf
        if shelf is None:
            return
        name = ask_text(self._parent, "New Collection", "Name:", shelf.free_name("New collection"))
        if name is not None:
            try:
                made = shelf.create(name)
            except (CollectionError, StoreError) as error:
                dialogs.show_error(self._parent, "Cannot make the collection", str(error))
                return
            self._collections.show(made.id)

    def add_files(self) -> None:
        current = self._collections.current
        if current is None or not current.id:
            return
        paths = dialogs.ask_open_paths(self._parent, self._settings.last_folder())
        if paths:
            self._settings.set_last_folder(paths[0].parent)
            self._collections.add_to(current.id, paths)

    def add_folder(self) -> None:
        current = self._collections.current
        if current is None or not current.id:
            return
        folder = dialogs.ask_folder(self._parent, self._settings, f"Add a folder to {current.name}")
        if folder is not None:
            self._collections.add_to(current.id, supported_files(folder))

    def rename(self) -> None:
        current, shelf = self._collections.current, self._collections.shelf
        if current is None or not current.id or shelf is None:
            return
        name = ask_text(self._parent, "Rename Collection", "New name:", current.name)
        if name is None or name == current.name:
            return
        try:
            shelf.rename(current.id, name)
        except (CollectionError, StoreError) as error:
            dialogs.show_error(self._parent, "Cannot rename the collection", str(error))
            return
        self._collections.show(current.id)

    def remove(self) -> None:
        """Forget the collection shown, once the reader has said yes; analyses and corrections
        stay in the store (other collections and the articles themselves use them)."""
        current, shelf = self._collections.current, self._collections.shelf
        if current is None or not current.id or shelf is None:
            return
        answer = QMessageBox.question(
            self._parent,
            "Remove the collection",
            f"Remove the collection “{current.name}”? Its articles, their analyses and your "
            "corrections are kept.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            shelf.remove(current.id)
        except StoreError as error:
            dialogs.show_error(self._parent, "Cannot remove the collection", str(error))
            return
        self._settings.forget_table_views(current.id)
        left = shelf.all()
        if left:
            self._collections.show(left[0].id)
        else:
            self._collections.show_none()
        self._collections.say(
            f"Collection “{current.name}” removed (its analyses stay in the store)"
        )

    def _article_menu(self, point: QPoint) -> None:
        table = self._collections.panel.articles
        article = record_at(table.indexAt(point))
        current, shelf = self._collections.current, self._collections.shelf
        if article is None or current is None or not current.id or shelf is None:
            return
        menu = QMenu(table)
        menu.addAction("Open").triggered.connect(
            lambda: self._collections.panel.open_requested.emit(Path(article.path))
        )
        others = [c for c in shelf.all() if c.id != current.id]
        add = menu.addMenu("Add to Collection")
        add.setEnabled(bool(others))
        for other in others:
            add.addAction(other.name).triggered.connect(
                lambda _=False, c=other: self._add_elsewhere(c, article.path)
            )
        menu.addAction("Remove from This Collection").triggered.connect(
            lambda: self._discard(article.path)
        )
        menu.exec(table.viewport().mapToGlobal(point))

    def _add_elsewhere(self, other: SavedCollection, path: Path) -> None:
        """Put the article in another collection too; the one shown stays."""
        current, shelf = self._collections.current, self._collections.shelf
        if current is not None and shelf is not None:
            shelf.add(other.id, [path])
            self._collections.panel.bar.set_collections(shelf.all(), current.id)
            self._collections.say(f"{path.name} added to “{other.name}”")

    def _discard(self, path: Path) -> None:
        current, shelf = self._collections.current, self._collections.shelf
        if current is not None and shelf is not None:
            shelf.discard(current.id, [path])
            self._collections.show(current.id)
