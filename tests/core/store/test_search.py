"""Search inside quotes from the index of quoted passages (store schema 7, issue 25)."""

from __future__ import annotations

import sqlite3

import pytest

from reader.core.store.corrections import Correction
from reader.core.store.database import Store, content_hash
from reader.core.store.library import Collection
from tests.core.library_articles import MODEL, fake_analysis, write_article

TEXTS = {
    "mill.txt": "Mill news\nThe mill keeps its gears. “Our gears turn at night,” Baker said.\n",
    "dock.txt": "Dock news\n“The dock has no gears,” Ada Lovelace said. Gears rust there.\n",
    "farm.txt": "Farm news\nNo gears at the farm. “We plough by hand,” Baker said.\n",
}


def _save(store: Store, folder, names=TEXTS) -> list:
    paths = []
    for name in names:
        path = write_article(folder, name, TEXTS[name])
        store.save_analysis(fake_analysis(TEXTS[name], path))
        paths.append(path)
    return paths


def _passages(store: Store) -> list[tuple[int, int, str]]:
    return sorted(store.query("SELECT start, end, text FROM quote_passages"))


@pytest.fixture
def saved(tmp_path):
    with Store.open(tmp_path / "s.sqlite3") as store:
        yield store, _save(store, tmp_path / "articles")


def test_every_quote_fragment_is_a_passage_with_its_offsets(saved):
    store, paths = saved
    expected = []
    for path in paths:
        text = path.read_text("utf-8")
        for quote in fake_analysis(text).quotes:
            ((start, end),) = quote.fragments
            expected.append((start, end, text[start:end]))
    assert _passages(store) == sorted(expected)


def test_quotes_only_finds_the_words_inside_quotes_and_nowhere_else(saved):
    store, paths = saved
    collection = Collection(store, paths, MODEL)
    hits = collection.search("gears", quotes_only=True)
    assert {h.path for h in hits} == {paths[0], paths[1]}  # the farm's gears are not quoted
    for hit in hits:
        text = hit.path.read_text("utf-8")
        assert text[hit.start : hit.end].casefold() == "gears"
        assert hit.in_quote and "gears" in hit.snippet
    everywhere = collection.search("gears")
    assert {(h.path, h.start) for h in everywhere if h.in_quote} == {
        (h.path, h.start) for h in hits
    }
    assert len(everywhere) == 5
    assert collection.search("mill", quotes_only=True) == ()
    assert collection.search("plou", quotes_only=True)[0].path == paths[2]  # a prefix
    assert [h.path for h in collection.search('"dock has"', quotes_only=True)] == [paths[1]]
    assert len(collection.search("gears", limit=1, quotes_only=True)) == 1


def test_quotes_only_keeps_to_the_collection_however_the_store_ranks(saved, tmp_path):
    store, paths = saved
    others = [f"other{i}.txt" for i in range(12)]
    for i, name in enumerate(others):  # better-ranked quotes outside the collection
        TEXTS[name] = f"Other {i}\n“Gears, gears, gears and gears,” Baker said.\n"
    try:
        _save(store, tmp_path / "articles", others)
        hits = Collection(store, [paths[2], paths[1]], MODEL).search(
            "gears", limit=3, quotes_only=True
        )
    finally:
        for name in others:
            del TEXTS[name]
    assert [h.path for h in hits] == [paths[1]]


def test_passages_follow_a_corrected_text_and_a_cleared_store(saved):
    store, paths = saved
    before = _passages(store)
    digest = content_hash(fake_analysis(TEXTS["mill.txt"]).article)
    store.add_correction(digest, Correction("rename", key="person:tom-baker", name="T. Baker"))
    assert _passages(store) == before  # the text's quote rows written again, once
    hits = Collection(store, paths, MODEL).search("turn", quotes_only=True)
    assert [h.path for h in hits] == [paths[0]]
    store.clear()
    assert _passages(store) == []
    assert (
        store.query(
            "SELECT count(*) FROM quote_passages_fts WHERE quote_passages_fts MATCH 'gears'"
        )[0][0]
        == 0
    )


def test_a_schema_6_store_gets_its_passages_when_opened(tmp_path):
    path = tmp_path / "s.sqlite3"
    with Store.open(path) as store:
        paths = _save(store, tmp_path / "articles")
        before = _passages(store)
    db = sqlite3.connect(path)
    for trigger in ("quote_passages_drop", "quote_fts_add", "quote_fts_drop"):
        db.execute(f"DROP TRIGGER {trigger}")
    db.execute("DROP TABLE quote_passages_fts")
    db.execute("DROP TABLE quote_passages")
    db.execute("PRAGMA user_version = 6")
    db.commit()
    db.close()
    with Store.open(path) as store:
        assert _passages(store) == before
        hits = Collection(store, paths, MODEL).search("night", quotes_only=True)
        assert [h.path for h in hits] == [paths[0]]


def test_a_schema_8_store_loses_the_trigger_that_read_the_whole_text_per_quote(tmp_path):
    path = tmp_path / "s.sqlite3"
    with Store.open(path) as store:
        _save(store, tmp_path / "articles")
        before = _passages(store)
    db = sqlite3.connect(path)
    db.execute("CREATE TRIGGER quote_passages_add AFTER INSERT ON quote_rows BEGIN SELECT 1; END")
    db.execute("PRAGMA user_version = 8")
    db.commit()
    db.close()
    with Store.open(path) as store:
        triggers = store.query("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        assert ("quote_passages_add",) not in triggers
        assert _passages(store) == before


def test_passages_keep_their_offsets_after_characters_outside_the_basic_plane(tmp_path):
    text = "Café 😀 news\nThe 😀 mill. “Gears 🚂 turn at night,” Baker said.\n"
    with Store.open(tmp_path / "s.sqlite3") as store:
        store.save_analysis(fake_analysis(text, write_article(tmp_path, "emoji.txt", text)))
        ((quote_start, quote_end, quoted),) = _passages(store)
    ((start, end),) = fake_analysis(text).quotes[0].fragments
    assert (quote_start, quote_end, quoted) == (start, end, text[start:end])
    assert quoted.startswith("Gears 🚂")
