"""The collections in the Library dock. Several named collections live in the store
(`reader.core.store.collections`); the dock shows one, analysed in the background on every core,
and the last one shown comes back at the next start. File ▸ Open Folder, a folder dropped, or
several files opened at once make a collection (a folder opened again adds its new and changed
files to its collection). A click on an article or a quote opens it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtWidgets import QDockWidget, QMainWindow

from reader.core.store.collections import SavedCollection, SavedCollections
from reader.core.store.database import StoreError
from reader.core.store.library import Collection, supported_files
from reader.gui.library.article_work import ArticleList, ArticleWork
from reader.gui.library.identity_work import IdentityWork
from reader.gui.library.indexer import CollectionIndexer
from reader.gui.library.panel import LibraryPanel
from reader.gui.library.reveal import Revealer
from reader.gui.library.view_state import LibraryViewState
from reader.gui.window import dialogs
from reader.gui.window.naming import resolved
from reader.gui.window.open_articles import OpenArticles
from reader.gui.window.settings import Settings
from reader.gui.window.stored import StoredAnalyses

STATUS_MS = 8000
T = TypeVar("T")


def articles_count(count: int, adjective: str = "") -> str:
    """`count` articles, in agreement: "1 article", "3 new articles" (`adjective` "new")."""
    return " ".join(filter(None, (str(count), adjective, "article" if count == 1 else "articles")))


def added_line(fresh: int, name: str | None) -> str:
    """What adding files to collection `name` brought: `fresh` new or changed articles."""
    named = f"“{name}”" if name is not None else "The collection"
    if not fresh:
        return f"{named} is up to date"
    return f"{articles_count(fresh, 'new or changed')} in {named}"


def indexed_line(analysed: int, failed: int, cancelled: bool) -> str:
    """How a collection's background analysis ended."""
    state = "Stopped" if cancelled else "Done"
    problem = f"; {failed} could not be read" if failed else ""
    return f"{state}: {articles_count(analysed)} of the collection analysed{problem}"


class StatusLine:
    """The Library's lines in the window's status bar (each for STATUS_MS)."""

    def __init__(self, status: Callable[[str, int], None], window: QMainWindow) -> None:
        self._status = status
        self._window = window
        self._said = ""  # the last line said

    def say(self, text: str) -> None:
        self._said = text
        self._status(text, STATUS_MS)

    def take_back(self) -> None:
        """Clear the last line said if it still shows (news of a collection read after
        another one is shown would be about the wrong one); another's line stays."""
        if self._said and self._window.statusBar().currentMessage() == self._said:
            self._window.statusBar().clearMessage()
        self._said = ""


class Collections(QObject):
    """Owns the Library dock (`dock`, `panel`), the collection shown (`current`, and its view
    `collection`) and its indexer; the window adds the dock to its left side."""

    def __init__(
        self,
        settings: Settings,
        stored: StoredAnalyses,
        articles: OpenArticles,
        status: Callable[[str, int], None],
        parent: QMainWindow,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._stored = stored
        self._articles = articles
        self._line = StatusLine(status, parent)
        self._parent = parent  # the window, for the dialogs
        self.current: SavedCollection | None = None
        self.collection: Collection | None = None
        self.panel = LibraryPanel(parent)
        self.dock = QDockWidget("Library", parent)
        self.dock.setObjectName("library")
        self.dock.setWidget(self.panel)
        self.dock.hide()
        self.layout = LibraryViewState(settings, self.panel, self.dock, parent)
        self.layout.follow_tabs(articles.widget)
        self.indexer = CollectionIndexer(self)
        self.identity = IdentityWork(self.panel, self.say, self)  # its identity, off the GUI
        self.article_work = ArticleWork(self.say, self)  # its article list, off the GUI thread
        self.article_work.listed.connect(self._listed)
        self.revealer = Revealer(articles, self)
        self.panel.open_requested.connect(lambda path: articles.open_paths([path]))
        self.panel.open_at_requested.connect(self.revealer.open_at)
        self.panel.cancel_requested.connect(self.indexer.cancel)
        self.panel.bar.chosen.connect(self.show)
        self.indexer.progress.connect(self._on_progress)
        self.indexer.warning.connect(self.say)
        self.indexer.finished.connect(self._on_indexed)
        stored.pipeline_known.connect(self._reopen)
        QTimer.singleShot(0, self.restore_collection)

    def say(self, text: str) -> None:
        """A line in the status bar for a while."""
        self._line.say(text)

    @property
    def shelf(self) -> SavedCollections | None:
        """The store's named collections (None without a store, which the status bar says)."""
        if self._stored.store is None:
            self.say(f"The library needs the analysis store: {self._stored.problem}")
            return None
        return SavedCollections(self._stored.store)

    # -- making and choosing collections -------------------------------------------------------

    def collect_folder(self, folder: Path) -> None:
        """The folder's articles as a collection named after it; a folder opened before adds
        its new and changed files to its collection."""
        paths = supported_files(folder)
        if not paths:
            dialogs.show_error(
                self._parent, "No articles", f"{folder} holds no article files Reader can open."
            )
            return
        if (shelf := self.shelf) is None:
            return
        if (known := shelf.holding_folder(folder)) is not None:
            self.add_to(known.id, paths)
        else:
            self.collect(paths, folder.name or str(folder))

    def collect(self, paths: Sequence[Path], name: str | None = None) -> None:
        """A new collection of these files: shown, analysed in the background, kept."""
        paths = _real_paths(paths)
        if (shelf := self.shelf) is None or not paths:
            return
        named = name or articles_count(len(paths))
        made = _tried(self._parent, "Cannot make the collection", shelf.create, named, paths)
        if made is None:
            return
        self.show(made.id)
        self.say(f"New collection “{made.name}”: {articles_count(made.size)}")

    def add_to(self, collection_id: int, paths: Sequence[Path]) -> None:
        """Add files to a collection and show it; only its new and changed files are read."""
        if (shelf := self.shelf) is None:
            return
        real = _real_paths(paths)
        fresh = _tried(self._parent, "Cannot add to the collection", shelf.add, collection_id, real)
        if fresh is None:
            return
        self.show(collection_id)
        self.say(added_line(len(fresh), self.current.name if self.current else None))

    @Slot(int)
    def show(self, collection_id: int) -> None:
        """Show a collection of the store in the dock and analyse what the store lacks of it."""
        if (shelf := self.shelf) is None or (saved := shelf.get(collection_id)) is None:
            return
        if self.current is not None and self.current.id not in (0, saved.id):
            self.layout.save_view(self.current.id)
        if getattr(self.current, "id", None) != saved.id:
            self._line.take_back()  # the last collection's news
        self.current = saved
        self._settings.set_current_collection(saved.id)
        self.panel.bar.set_collections(shelf.all(), saved.id)
        self._open(saved.id)
        self.layout.restore_view(saved.id)
        self.dock.show()
        self.layout.size_dock()

    def show_none(self) -> None:
        """No collection left to show (the last one was removed)."""
        self.indexer.cancel(wait=True)
        self.article_work.cancel()
        self.identity.cancel()
        self.current = self.collection = None
        self._settings.set_current_collection(None)
        self.panel.bar.set_collections(self.shelf.all() if self._stored.store else (), None)
        self.panel.set_collection(None)

    def _open(self, collection_id: int) -> None:
        """Read a saved collection on the articles' lane; shown once read (`_listed`)."""
        label = self._stored.pipeline_label()
        if self.current is None or self._stored.store is None or label is None:
            return
        self.identity.cancel()
        self.collection = None
        self.panel.reading(self.current.name)
        self.article_work.open(self._stored.store, collection_id, label)

    def _listed(self, listed: ArticleList) -> None:
        """An article list read: a new collection shown and analysed, or the one shown."""
        collection = listed.collection
        if self.current is None:  # none shown since (the last one was removed)
            return
        collection.adopt_articles(listed.read)
        if collection is not self.collection:
            self.collection = collection
            self.identity.show(collection, self.current.name, listed.records)
            self.analyse_collection()
        elif listed.entities:
            self.identity.refresh(listed.records, listed.base, listed.changed or ())
        else:
            self.panel.articles_read(listed.records, listed.base, listed.changed or ())

    def _reopen(self) -> None:
        """The pipeline's label is known now: the collection shown as the store has it."""
        if self.current is not None:
            self.show(self.current.id)

    def restore_collection(self) -> None:
        """The collection shown when Reader last closed (not re-read); the one collection of
        older Readers becomes the store's first named one."""
        legacy, _name = self._settings.legacy_collection()
        wanted = legacy or self._settings.current_collection() is not None
        if (
            wanted
            and (shelf := self.shelf) is not None
            and (chosen := _restored(self._settings, shelf))
        ):
            self.show(chosen)

    def analyse_collection(self) -> None:
        """Analyse the shown collection's files new to the store or changed, on every core."""
        if self._stored.store is None or self.collection is None:
            return
        pending = [a.path for a in self.collection.articles() if not a.analysed]
        if not pending:
            self.indexer.cancel(wait=True)
            self.panel.hide_progress()
            return
        self.panel.show_progress(0, len(pending), 0)
        self.indexer.start(pending, self._settings.model(), self._stored.store)

    @Slot(int, int, int)
    def _on_progress(self, done: int, total: int, failed: int) -> None:
        """The bar and the "analysed" count move with every article the indexer reports."""
        self.panel.show_progress(done, total, failed)
        self.article_work.refresh(self.collection)  # coalesced while a read runs

    @Slot(int, int, bool)
    def _on_indexed(self, analysed: int, failed: int, cancelled: bool) -> None:
        self.panel.hide_progress()
        self.refresh()
        self.say(indexed_line(analysed, failed, cancelled))

    def refresh(self) -> None:
        """The article list read again on its lane, then the entities worked out again if need
        be (after a correction, or the store was cleared)."""
        self.article_work.refresh(self.collection, entities=True)

    def shutdown(self) -> None:
        """Keep the layout, stop the collection's analysis (after the article in hand)."""
        self.layout.save()
        if self.current is not None and self.current.id:
            self.layout.save_view(self.current.id)
        self.indexer.cancel(wait=True)
        self.article_work.cancel()


def _tried(parent: QMainWindow, title: str, action: Callable[..., T], *args: object) -> T | None:
    """`action(*args)`, or None once a dialog under `title` said why the store refused it."""
    try:
        return action(*args)
    except StoreError as error:
        dialogs.show_error(parent, title, str(error))
        return None


def _restored(settings: Settings, shelf: SavedCollections) -> int | None:
    """The id of the collection to show at start (the one of older Readers made the store's
    first named one), None when the store has none."""
    legacy, name = settings.legacy_collection()
    if legacy and not shelf.all():
        settings.set_current_collection(shelf.create(name, legacy).id)
    settings.forget_legacy_collection()
    known = [c.id for c in shelf.all()]
    wanted = settings.current_collection()
    return (wanted if wanted in known else known[0]) if known else None


def _real_paths(paths: Sequence[Path]) -> list[Path]:
    """Each path resolved; one that cannot be (a symlink loop) kept as given, so the analysis
    of the collection reports it like any file it cannot read, instead of the window failing."""
    return [resolved(Path(path)) or Path(path) for path in paths]
