"""A folder's articles come in natural order, as a file manager lists them ("a2" before "a10"),
and a collection made of the folder keeps that order (its given order in the Library)."""

from __future__ import annotations

from pathlib import Path

from reader.core.store.collections import SavedCollections
from reader.core.store.database import Store
from reader.core.store.folder_files import natural_key
from reader.core.store.library import supported_files
from tests.core.library_articles import write_article

NAMES = ["a1_start.txt", "a2_more.txt", "a9_memo.md", "a10_zone.docx", "a11_new.txt"]


def test_the_numbers_in_file_names_sort_as_numbers():
    names = ["a10.txt", "B2.txt", "a2.txt", "a1.txt", "A1.txt", "b10.txt"]
    assert sorted(names, key=lambda name: natural_key(Path(name))) == [
        "A1.txt",
        "a1.txt",
        "a2.txt",
        "a10.txt",
        "B2.txt",
        "b10.txt",
    ]
    # Folders first by their own order: "part2/z" before "part10/a".
    paths = [Path("news/part10/a.txt"), Path("news/part2/z.txt")]
    assert sorted(paths, key=natural_key) == paths[::-1]


def test_a_collection_made_of_a_folder_keeps_its_natural_order(tmp_path):
    folder = tmp_path / "chips"
    for name in reversed(NAMES):
        write_article(folder, name, f"{name} says Ada Lovelace.\n")
    found = supported_files(folder)
    assert [p.name for p in found] == NAMES  # was: a10, a11, a1, a2, a9 (by characters)
    with Store.open(tmp_path / "s.sqlite3") as store:
        shelf = SavedCollections(store)
        chips = shelf.create("chips", found)
        assert [p.name for p in shelf.paths(chips.id)] == NAMES
