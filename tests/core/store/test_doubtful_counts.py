"""The Library's doubtful counts (issue 22): per article and for the collection, from the
store's quote rows with corrections applied, by the window's threshold."""

from __future__ import annotations

import dataclasses
import sqlite3

import pytest

from reader.core.model import Analysis, Evidence, SpeakerPath
from reader.core.render.doubtful_articles import articles_with_doubtful, doubtful_in
from reader.core.render.evidence import DOUBTFUL, is_doubtful
from reader.core.store.corrections import Correction
from reader.core.store.database import Store, content_hash
from reader.core.store.library import Collection
from reader.core.store.rows import SCHEMA_VERSION
from tests.core.library_articles import MODEL, fake_analysis, write_article

TEXT = (
    "Talks resume\nAda Lovelace met Tom Baker.\n"
    "“Engines will weave,” she said. “Not yet,” he said.\n"
    "“Gears are ready,” Baker said. “Old words,” someone said.\n"
)
SPEAKERS = {
    "Engines will weave,": "person:ada-lovelace",
    "Not yet,": "person:tom-baker",
    "Gears are ready,": "person:tom-baker",
}


def with_evidence(analysis: Analysis, *evidence: Evidence | None) -> Analysis:
    quotes = tuple(
        dataclasses.replace(q, evidence=e) for q, e in zip(analysis.quotes, evidence, strict=True)
    )
    return dataclasses.replace(analysis, quotes=quotes)


def two_doubtful(path=None) -> Analysis:
    """Two doubtful quotes (a pronoun each), one sure, one from before evidence was kept."""
    return with_evidence(
        fake_analysis(TEXT, path, speakers=SPEAKERS),
        Evidence(SpeakerPath.PRONOUN, DOUBTFUL - 0.2),
        Evidence(SpeakerPath.PRONOUN, DOUBTFUL - 0.01),
        Evidence(SpeakerPath.NAMED, 0.93),
        None,
    )


@pytest.fixture
def library(tmp_path):
    folder = tmp_path / "articles"
    text_path = write_article(folder, "doubts.txt", TEXT)
    calm = "Calm day\n“All is well,” Tom Baker said.\n"
    calm_path = write_article(folder, "calm.txt", calm)
    new_path = write_article(folder, "new.txt", "Nothing analysed here.\n")
    with Store.open(tmp_path / "s.sqlite3") as store:
        analysis = two_doubtful(text_path)
        assert sum(map(is_doubtful, analysis.quotes)) == 2
        store.save_analysis(analysis)
        store.save_analysis(
            with_evidence(
                fake_analysis(calm, calm_path, speakers={"All is well,": "person:tom-baker"}),
                Evidence(SpeakerPath.NAMED, 0.9),
            )
        )
        paths = [text_path, calm_path, new_path, text_path.with_name("copy.txt")]
        paths[3].write_text(TEXT, "utf-8")  # the same text under a second path
        store.save_analysis(two_doubtful(paths[3]))
        yield store, Collection(store, paths, MODEL), content_hash(analysis.article)


def doubtful_by_name(collection: Collection) -> dict[str, int]:
    return {a.path.name: a.doubtful for a in articles_with_doubtful(collection)}


def test_each_article_counts_its_doubtful_quotes_and_the_collection_each_text_once(library):
    _store, collection, _digest = library
    assert doubtful_by_name(collection) == {
        "doubts.txt": 2,
        "calm.txt": 0,
        "new.txt": 0,
        "copy.txt": 2,
    }
    assert doubtful_in(articles_with_doubtful(collection)) == 2  # one text, listed twice


def test_a_confirmed_speaker_is_no_longer_counted(library):
    store, collection, digest = library
    first = two_doubtful().quotes[0]
    store.add_correction(digest, Correction("confirm_speaker", start=first.start))
    assert doubtful_by_name(collection)["doubts.txt"] == 1
    assert doubtful_in(articles_with_doubtful(collection)) == 1


def test_a_speaker_the_reader_chose_is_not_counted_and_undo_brings_it_back(library):
    store, collection, digest = library
    second = two_doubtful().quotes[1]
    chosen = Correction("speaker", start=second.start, speaker_key="person:ada-lovelace")
    store.add_correction(digest, chosen)
    assert doubtful_by_name(collection)["doubts.txt"] == 1
    store.undo_last_correction(digest)
    assert doubtful_by_name(collection)["doubts.txt"] == 2


def test_the_counts_are_read_again_only_after_a_write(library):
    store, collection, digest = library
    first = articles_with_doubtful(collection)
    assert articles_with_doubtful(collection) is first  # kept: nothing was written
    store.add_correction(
        digest, Correction("confirm_speaker", start=two_doubtful().quotes[0].start)
    )
    assert articles_with_doubtful(collection) is not first


def test_a_schema_4_store_gets_its_quotes_confidence_columns_and_the_same_counts(tmp_path):
    path = tmp_path / "old.sqlite3"
    text_path = write_article(tmp_path / "articles", "doubts.txt", TEXT)
    with Store.open(path) as store:
        store.save_analysis(two_doubtful(text_path))
    db = sqlite3.connect(path)
    db.execute("DROP INDEX quote_rows_confidence")
    db.execute("ALTER TABLE quote_rows DROP COLUMN confidence")
    db.execute("ALTER TABLE quote_rows DROP COLUMN path")
    db.execute("PRAGMA user_version = 4")
    db.commit()
    db.close()
    with Store.open(path) as store:
        assert store.query("PRAGMA user_version")[0][0] == SCHEMA_VERSION
        rows = store.query("SELECT path, confidence FROM quote_rows")
        low, lower = ("pronoun", DOUBTFUL - 0.01), ("pronoun", DOUBTFUL - 0.2)
        assert sorted(rows, key=str) == sorted([low, lower, ("named", 0.93), (None, None)], key=str)
        collection = Collection(store, [text_path], MODEL)
        assert doubtful_in(articles_with_doubtful(collection)) == 2
