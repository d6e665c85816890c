"""Named collections kept in the store: a reader follows several stories at once, each a list
of article files. A file may be in several collections; removing a collection removes only its
list, never an analysis or a correction (those are keyed by text and shared).

Files are kept by path (as the store's `files` table keys them). Adding files that are already
in a collection changes nothing for them; `add` says which of the given files need reading: new
to the collection, or changed on disk since the store last saw them.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.core.store.database import Store, path_key
from reader.core.store.in_lists import chunks, marks


@dataclass(frozen=True)
class SavedCollection:
    """One named collection: its id in the store, its name and how many files it lists."""

    id: int
    name: str
    size: int


class CollectionError(ValueError):
    """A collection cannot be made or renamed as asked; str() is for the user."""


def stale_files(store: Store, paths: Sequence[Path]) -> list[Path]:
    """The paths the store has not seen as they are now on disk (never seen, or another
    modification time or size since), in the given order: the ones that need reading."""
    seen: dict[bytes, tuple[int, int]] = {}
    keys = [path_key(p) for p in paths]
    for chunk in chunks(keys):
        rows = store.query(
            f"SELECT path, mtime_ns, size FROM files WHERE path IN ({marks(chunk)})",
            chunk,
        )
        seen.update((path, (mtime_ns, size)) for path, mtime_ns, size in rows)
    stale = []
    for path, key in zip(paths, keys, strict=True):
        try:
            stat = os.stat(key)
        except OSError:
            stale.append(path)  # gone or unreadable: its reading will say why
            continue
        if seen.get(key) != (stat.st_mtime_ns, stat.st_size):
            stale.append(path)
    return stale


class SavedCollections:
    """The store's named collections: list, create, rename, remove, and their files."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def all(self) -> tuple[SavedCollection, ...]:
        """Every collection, in the order they were made."""
        rows = self.store.query(
            "SELECT c.id, c.name, count(f.path) FROM collections c"
            " LEFT JOIN collection_files f ON f.collection_id = c.id GROUP BY c.id ORDER BY c.id"
        )
        return tuple(SavedCollection(*row) for row in rows)

    def get(self, collection_id: int) -> SavedCollection | None:
        return next((c for c in self.all() if c.id == collection_id), None)

    def free_name(self, name: str) -> str:
        """`name`, or `name (2)`, `name (3)`… when a collection already has it."""
        taken = {c.name.casefold() for c in self.all()}
        candidate, number = name, 2
        while candidate.casefold() in taken:
            candidate, number = f"{name} ({number})", number + 1
        return candidate

    def create(self, name: str, paths: Sequence[Path] = ()) -> SavedCollection:
        """A new collection of `paths` (none: empty) under a free form of `name`."""
        name = self.free_name(_clean(name))
        with self.store.writing() as db:
            collection_id = db.execute(
                "INSERT INTO collections (name) VALUES (?)", (name,)
            ).lastrowid
        self.add(collection_id, paths)
        return SavedCollection(collection_id, name, len(dict.fromkeys(paths)))

    def rename(self, collection_id: int, name: str) -> str:
        """Give the collection a new name; raises CollectionError when another has it."""
        name = _clean(name)
        if any(c.name.casefold() == name.casefold() and c.id != collection_id for c in self.all()):
            raise CollectionError(f"There is already a collection named “{name}”.")
        with self.store.writing() as db:
            db.execute("UPDATE collections SET name = ? WHERE id = ?", (name, collection_id))
        return name

    def remove(self, collection_id: int) -> None:
        """Forget the collection and its list of files; analyses and corrections stay."""
        with self.store.writing() as db:
            db.execute("DELETE FROM collection_files WHERE collection_id = ?", (collection_id,))
            db.execute("DELETE FROM collections WHERE id = ?", (collection_id,))

    def paths(self, collection_id: int) -> list[Path]:
        """The collection's files, in the order they were added."""
        rows = self.store.query(
            "SELECT path FROM collection_files WHERE collection_id = ? ORDER BY position",
            (collection_id,),
        )
        return [Path(os.fsdecode(path)) for (path,) in rows]

    def add(self, collection_id: int, paths: Sequence[Path]) -> list[Path]:
        """Add the files not yet in the collection (after the others, in the given order), and
        return those of `paths` that need reading: new to the collection, or changed on disk
        since the store last saw them. A folder added again thus brings only what is new."""
        paths = list(dict.fromkeys(Path(p) for p in paths))
        known = {  # the stored keys as they are: no Path made of each (10,000 of them)
            os.fsencode(key)
            for (key,) in self.store.query(
                "SELECT path FROM collection_files WHERE collection_id = ?", (collection_id,)
            )
        }
        new = [p for p in paths if path_key(p) not in known]
        with self.store.writing() as db:
            last = db.execute(
                "SELECT coalesce(max(position), -1) FROM collection_files WHERE collection_id = ?",
                (collection_id,),
            ).fetchone()[0]
            db.executemany(
                "INSERT INTO collection_files (collection_id, path, position) VALUES (?, ?, ?)",
                [(collection_id, path_key(p), last + 1 + i) for i, p in enumerate(new)],
            )
        added = set(new)
        stale = set(stale_files(self.store, [p for p in paths if p not in added]))
        return [p for p in paths if p in added or p in stale]

    def discard(self, collection_id: int, paths: Sequence[Path]) -> None:
        """Take files out of the collection (their analyses stay in the store)."""
        with self.store.writing() as db:
            db.executemany(
                "DELETE FROM collection_files WHERE collection_id = ? AND path = ?",
                [(collection_id, path_key(p)) for p in paths],
            )

    def holding_folder(self, folder: Path) -> SavedCollection | None:
        """The first collection named after `folder` ("news", "news (2)") that holds a file
        under it: the one that opening the folder again adds to."""
        named = re.compile(re.escape(_clean(folder.name or str(folder))) + r"( \(\d+\))?")
        for collection in self.all():
            if named.fullmatch(collection.name) and any(
                p.is_relative_to(folder) for p in self.paths(collection.id)
            ):
                return collection
        return None


def _clean(name: str) -> str:
    """A collection's name on one line; raises CollectionError for an empty one."""
    name = " ".join(name.split())
    if not name:
        raise CollectionError("A collection needs a name.")
    return name
