"""A collection over the store: articles, entities across articles, quotes, search, CSV."""

from __future__ import annotations

import csv
import os

import pytest

from reader.core.render.quote_table import QUOTE_COLUMNS, export_collection_quotes, quote_citation
from reader.core.store.corrections import Correction
from reader.core.store.database import Store, content_hash
from reader.core.store.library import Collection, supported_files
from reader.core.store.search import fts_query
from tests.core.library_articles import MODEL, fake_analysis, write_article

ARTICLES = {
    "monday.txt": (
        "Lovelace opens the works\nAda Lovelace visited France.\n"
        "“We will build engines,” Lovelace said.\n",
        "2024-05-06",
        {"We will build engines,": "person:ada-lovelace"},
    ),
    "tuesday.txt": (
        "Baker replies\nTom Baker met Ada Lovelace at Acme.\n"
        "“Not with those gears,” Baker said. “The gears are ready,” Lovelace said.\n",
        "2024-05-07",
        {
            "Not with those gears,": "person:tom-baker",
            "The gears are ready,": "person:ada-lovelace",
        },
    ),
    "later/undated.md": (
        "Acme news\nAcme hired Tom Baker in France. “Café engines for all,” Baker said.\n",
        None,
        {"Café engines for all,": "person:tom-baker"},
    ),
}


@pytest.fixture
def library(tmp_path):
    folder = tmp_path / "articles"
    paths = []
    with Store.open(tmp_path / "s.sqlite3") as store:
        for name, (text, date, speakers) in ARTICLES.items():
            path = write_article(folder, name, text)
            store.save_analysis(fake_analysis(text, path, date, speakers))
            paths.append(path)
        unanalysed = write_article(folder, "new.txt", "Nothing analysed here.\n")
        yield store, Collection(store, [*paths, unanalysed], MODEL), paths


def test_articles_list_every_path_with_title_date_and_counts(library):
    _store, collection, paths = library
    rows = collection.articles()
    assert [r.path for r in rows] == [*paths, paths[0].parent / "new.txt"]
    monday = rows[0]
    assert (monday.title, monday.date, monday.people, monday.quotes, monday.analysed) == (
        "Lovelace opens the works",
        "2024-05-06",
        1,
        1,
        True,
    )
    assert rows[1].people == 2
    assert (rows[-1].analysed, rows[-1].title, rows[-1].content_hash) == (False, "new.txt", None)


def test_a_changed_file_is_no_longer_listed_as_analysed(library):
    _store, collection, paths = library
    paths[0].write_text("Something else entirely.\n", "utf-8")
    os.utime(paths[0], ns=(1, 1))
    assert collection.articles()[0].analysed is False


def test_entities_are_merged_across_articles_by_key(library):
    _store, collection, _paths = library
    entities = {e.key: e for e in collection.entities()}
    lovelace = entities["person:ada-lovelace"]
    assert (
        lovelace.name,
        lovelace.kind,
        lovelace.articles,
        lovelace.mentions,
        lovelace.quotes,
    ) == (
        "Ada Lovelace",
        "PERSON",
        2,
        5,
        2,
    )
    assert (entities["person:tom-baker"].articles, entities["person:tom-baker"].quotes) == (2, 2)
    assert collection.entities()[0].articles == 2


def test_following_an_entity_lists_its_articles_quotes_and_companions(library):
    _store, collection, paths = library
    assert [a.path for a in collection.articles_mentioning("org:acme")] == paths[1:]
    quotes = collection.quotes_of("person:tom-baker")
    assert [(q.quote.text, q.date, q.path) for q in quotes] == [
        ("Not with those gears,", "2024-05-07", paths[1]),
        ("Café engines for all,", None, paths[2]),
    ]
    text = ARTICLES["tuesday.txt"][0]
    first = quotes[0].quote
    assert text[first.start : first.end] == first.text
    companions = collection.co_occurring("person:tom-baker")
    assert [(e.key, n) for e, n in companions] == [
        ("org:acme", 2),
        ("person:ada-lovelace", 1),
        ("country:fr", 1),
    ]
    assert collection.co_occurring("person:tom-baker", limit=1)[0][0].key == "org:acme"


def test_a_correction_shows_in_the_collection(library):
    store, collection, _paths = library
    digest = content_hash(fake_analysis(ARTICLES["later/undated.md"][0]).article)
    store.add_correction(
        digest, Correction("merge", key="person:ada-lovelace", other_key="person:tom-baker")
    )
    assert [q.quote.text for q in collection.quotes_of("person:ada-lovelace")] == [
        "We will build engines,",
        "The gears are ready,",
        "Café engines for all,",
    ]
    assert collection.quotes_of("person:ada-lovelace")[-1].quote.corrected
    assert len(collection.articles_mentioning("person:ada-lovelace")) == 3


def test_search_finds_words_in_texts_and_says_which_are_in_quotes(library):
    _store, collection, paths = library
    hits = collection.search("engines")
    assert {(h.path, h.in_quote) for h in hits} == {(paths[0], True), (paths[2], True)}
    for hit in hits:
        text = hit.path.read_text("utf-8")
        assert text[hit.start : hit.end].casefold() == "engines"
        assert "engines" in hit.snippet
    assert collection.search("cafe")[0].path == paths[2]  # accents ignored
    visited = collection.search("visited France")
    assert [(h.path, h.in_quote) for h in visited] == [(paths[0], False), (paths[0], False)]
    assert collection.search("gears", quotes_only=True)[0].in_quote
    assert collection.search('"build engines"')[0].path == paths[0]
    assert collection.search("") == ()
    assert collection.search('AND OR "( NEAR') == ()
    assert collection.search("\x00*") == ()
    assert len(collection.search("Lovelace", limit=2)) == 2


def test_fts_query_quotes_every_word_and_prefixes_the_last():
    assert fts_query('Ada "big engine" lov') == '"Ada" "big engine" "lov"*'
    assert fts_query('say "') == '"say"*'
    assert fts_query("a\x00b") == '"a" "b"*'


def test_supported_files_recurse_skipping_hidden_and_other_kinds(tmp_path):
    write_article(tmp_path, "b.txt", "x")
    write_article(tmp_path, "sub/a.MD", "x")
    write_article(tmp_path, ".hidden/c.txt", "x")
    write_article(tmp_path, "sub/picture.png", "x")  # a scan: read with OCR
    write_article(tmp_path, "sub/data.xyz", "x")
    assert supported_files(tmp_path) == [
        tmp_path / "b.txt",
        tmp_path / "sub" / "a.MD",
        tmp_path / "sub" / "picture.png",
    ]


def test_the_collection_quotes_export_as_csv(library, tmp_path):
    _store, collection, paths = library
    out = tmp_path / "quotes.csv"
    assert export_collection_quotes(collection, out) == 4
    with out.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    assert tuple(rows[0]) == QUOTE_COLUMNS
    assert rows[1] == [
        "Ada Lovelace",
        "person:ada-lovelace",
        "We will build engines",  # as the window shows it (the text: "…engines,")
        "Lovelace opens the works",
        "2024-05-06",
        str(paths[0]),
        rows[1][6],
        rows[1][7],
        "person:ada-lovelace",
        "",  # confidence and speaker path: these analyses were made without evidence
        "",
        "g1",  # its group: alone, as the quotes of these articles all differ
    ]
    start, end = int(rows[1][6]), int(rows[1][7])
    assert paths[0].read_text("utf-8")[start:end] == "We will build engines,"
    assert [r[0] for r in rows[1:]] == ["Ada Lovelace", "Tom Baker", "Ada Lovelace", "Tom Baker"]


def test_a_csv_cell_a_spreadsheet_would_run_gets_an_apostrophe(tmp_path):
    text = "Formula\n“=HYPERLINK(1)” Ada Lovelace said.\n"
    with Store.open(tmp_path / "s.sqlite3") as store:
        path = write_article(tmp_path, "f.txt", text)
        store.save_analysis(fake_analysis(text, path))
        out = tmp_path / "q.csv"
        export_collection_quotes(Collection(store, [path], MODEL), out)
    with out.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    assert rows[1][2] == "'=HYPERLINK(1)"


def test_a_file_name_that_is_not_utf8_is_remembered(tmp_path):
    name = os.fsdecode(b"caf\xe9 \xff.txt")
    text = "Odd name\nAda Lovelace in France.\n"
    with Store.open(tmp_path / "s.sqlite3") as store:
        path = write_article(tmp_path, name, text)
        store.save_analysis(fake_analysis(text, path))
        (summary,) = Collection(store, [path], MODEL).articles()
    assert (summary.path, summary.analysed, summary.title) == (path, True, "Odd name")


def test_a_quote_is_cited_with_speaker_title_and_date(library):
    _store, collection, _paths = library
    first, *_rest, last = collection.quotes()
    assert quote_citation(first) == (
        "“We will build engines,” — Ada Lovelace, in Lovelace opens the works, 2024-05-06"
    )
    assert quote_citation(last) == "“Café engines for all,” — Tom Baker, in Acme news"


def test_the_collection_sees_what_another_connection_writes(library, tmp_path):
    store, collection, _paths = library
    assert collection.articles()[-1].analysed is False
    new = collection.paths[-1]
    with Store.open(store.path) as other:
        other.save_analysis(fake_analysis(new.read_text("utf-8"), new))
    assert collection.articles()[-1].analysed is True
    store.clear()
    assert not any(a.analysed for a in collection.articles())
    assert collection.entities() == ()
