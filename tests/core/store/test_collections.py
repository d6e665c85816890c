"""Named collections in the store: several at once, an article in several, a folder added again
bringing only its new and changed files, and removing one never touching the analyses."""

from __future__ import annotations

import os

import pytest

from reader.core.store.collections import CollectionError, SavedCollections, stale_files
from reader.core.store.corrections import Correction
from reader.core.store.database import Store, content_hash
from reader.core.store.library import Collection, supported_files
from tests.core.library_articles import MODEL, fake_analysis, write_article


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "s.sqlite3") as opened:
        yield opened


def analysed(store: Store, folder, name: str, text: str):
    path = write_article(folder, name, text)
    store.save_analysis(fake_analysis(text, path))
    return path


def test_collections_are_made_renamed_and_listed_in_order(store, tmp_path):
    shelf = SavedCollections(store)
    a = write_article(tmp_path, "a.txt", "Ada Lovelace in France.\n")
    b = write_article(tmp_path, "b.txt", "Tom Baker at Acme.\n")
    election = shelf.create("Election", [a, b])
    trial = shelf.create("Trial", [b])  # one article in two collections
    assert [(c.name, c.size) for c in shelf.all()] == [("Election", 2), ("Trial", 1)]
    assert shelf.paths(election.id) == [a, b] and shelf.paths(trial.id) == [b]
    assert shelf.create("election").name == "election (2)"  # names stay apart, any case
    assert shelf.rename(trial.id, "  The   trial ") == "The trial"
    assert shelf.get(trial.id).name == "The trial"
    with pytest.raises(CollectionError):
        shelf.rename(trial.id, "ELECTION")
    with pytest.raises(CollectionError):
        shelf.create("   ")


def test_a_folder_added_again_brings_only_its_new_and_changed_files(store, tmp_path):
    folder = tmp_path / "story"
    first = analysed(store, folder, "first.txt", "Ada Lovelace in France.\n")
    second = analysed(store, folder, "second.txt", "Tom Baker at Acme.\n")
    shelf = SavedCollections(store)
    story = shelf.create("story")
    assert shelf.add(story.id, supported_files(folder)) == [first, second]  # new to it
    assert shelf.add(story.id, supported_files(folder)) == []  # nothing new or changed

    third = write_article(folder, "third.txt", "Baker again.\n")
    second.write_text("Tom Baker left Acme.\n", "utf-8")
    os.utime(second, ns=(1, 1))  # another modification time, whatever the clock's resolution
    assert shelf.add(story.id, supported_files(folder)) == [second, third]
    assert shelf.paths(story.id) == [first, second, third]  # the new one after the others
    assert stale_files(store, [first, second, third]) == [second, third]


def test_removing_a_collection_keeps_every_analysis_and_correction(store, tmp_path):
    path = analysed(store, tmp_path, "a.txt", "Ada Lovelace in France.\n")
    digest = content_hash(fake_analysis("Ada Lovelace in France.\n").article)
    store.add_correction(digest, Correction("rename", key="person:ada-lovelace", name="Ada"))
    shelf = SavedCollections(store)
    kept = shelf.create("kept", [path])
    gone = shelf.create("gone", [path])
    shelf.remove(gone.id)
    assert [c.name for c in shelf.all()] == ["kept"]
    assert store.count() == 1 and len(store.corrections(digest)) == 1
    entities = Collection(store, shelf.paths(kept.id), MODEL).entities()
    assert {e.name for e in entities} == {"Ada", "France"}


def test_files_taken_out_leave_the_others_and_the_store(store, tmp_path):
    a = analysed(store, tmp_path, "a.txt", "Ada Lovelace in France.\n")
    b = analysed(store, tmp_path, "b.txt", "Tom Baker at Acme.\n")
    shelf = SavedCollections(store)
    both = shelf.create("both", [a, b])
    shelf.discard(both.id, [a])
    assert shelf.paths(both.id) == [b] and store.count() == 2


def test_the_collection_of_a_folder_is_found_by_its_name_and_files(store, tmp_path):
    folder = tmp_path / "news"
    path = write_article(folder, "a.txt", "Ada.\n")
    shelf = SavedCollections(store)
    shelf.create("news", [tmp_path / "elsewhere.txt"])  # same name, another folder
    news = shelf.create("news", [path])
    assert shelf.holding_folder(folder) == shelf.get(news.id)
    assert shelf.holding_folder(tmp_path / "other") is None
