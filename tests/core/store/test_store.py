"""The analysis store: keys, migrations, damaged and newer files, concurrent writers."""

from __future__ import annotations

import json
import multiprocessing
import sqlite3
from pathlib import Path

import pytest

from reader.core.store import database as store_module
from reader.core.store.database import (
    SCHEMA_VERSION,
    Store,
    StoreError,
    content_hash,
    default_store_path,
)
from reader.core.store.library import Collection
from reader.core.text.article import Article
from tests.core.library_articles import MODEL, fake_analysis, write_article

TEXT = "Ada Lovelace visited France.\n“We will build engines,” Lovelace said.\n"


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "store.sqlite3") as opened:
        yield opened


def test_a_saved_analysis_comes_back_for_the_same_text_at_any_path(store, tmp_path):
    analysis = fake_analysis(TEXT, write_article(tmp_path, "a.txt", TEXT))
    store.save_analysis(analysis)
    elsewhere = Article("Other title", TEXT, (), tmp_path / "copy.txt")

    cached = store.cached_analysis(elsewhere, MODEL)

    assert cached is not None
    assert cached.article is elsewhere
    assert cached.mentions == analysis.mentions
    assert cached.quotes == analysis.quotes
    assert content_hash(elsewhere) == content_hash(analysis.article)


def test_a_changed_text_another_pipeline_or_a_newer_reader_is_not_served(
    store, tmp_path, monkeypatch
):
    article = fake_analysis(TEXT).article
    store.save_analysis(fake_analysis(TEXT))
    changed = Article("t", TEXT + "More.\n", (), None)

    assert store.cached_analysis(changed, MODEL) is None
    assert store.cached_analysis(article, "test-pipeline 2.0") is None
    monkeypatch.setattr(store_module, "ANALYSIS_VERSION", store_module.ANALYSIS_VERSION + "-next")
    assert store.cached_analysis(article, MODEL) is None


def test_a_second_save_replaces_the_first(store):
    store.save_analysis(fake_analysis(TEXT))
    store.save_analysis(fake_analysis(TEXT))
    assert store.count() == 1


def test_the_store_is_in_wal_mode_and_at_the_current_schema(tmp_path):
    path = tmp_path / "s.sqlite3"
    Store.open(path).close()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_version_1_store_is_migrated_with_its_analyses_and_corrections(tmp_path):
    path = tmp_path / "old.sqlite3"
    analysis = fake_analysis(TEXT, date="2024-05-01")
    record = analysis.to_dict()
    record["meta"] = {"date": "2024-05-01"}
    db = sqlite3.connect(path)
    # The first schema, as Reader wrote it: whole analysis JSON, and corrections.
    db.executescript(
        "CREATE TABLE analyses (content_hash TEXT NOT NULL, model TEXT NOT NULL,"
        " analysis_version INTEGER NOT NULL, data TEXT NOT NULL,"
        " PRIMARY KEY (content_hash, model, analysis_version));"
        "CREATE TABLE corrections (id INTEGER PRIMARY KEY AUTOINCREMENT,"
        " content_hash TEXT NOT NULL, data TEXT NOT NULL);"
        "CREATE INDEX corrections_hash ON corrections (content_hash);"
        "PRAGMA user_version = 1;"
    )
    digest = content_hash(analysis.article)
    db.execute(
        "INSERT INTO analyses VALUES (?, ?, ?, ?)",
        (digest, MODEL, store_module.ANALYSIS_VERSION, json.dumps(record)),
    )
    db.execute(
        "INSERT INTO corrections (content_hash, data) VALUES (?, ?)",
        (digest, json.dumps({"action": "rename", "key": "country:fr", "name": "La France"})),
    )
    db.commit()
    db.close()

    with Store.open(path) as migrated:
        cached = migrated.cached_analysis(analysis.article, MODEL)
        assert cached is not None
        assert [m.name for m in cached.mentions if m.key == "country:fr"] == ["La France"]
        assert migrated.query("PRAGMA user_version")[0][0] == SCHEMA_VERSION
        # The migrated text is searchable, its entity rows carry the correction.
        rows = migrated.query("SELECT name FROM entity_rows WHERE key = 'country:fr'")
        assert rows == [("La France",)]
        assert migrated.query("SELECT count(*) FROM texts_fts WHERE texts_fts MATCH 'engines'") == [
            (1,)
        ]
        assert migrated.query("SELECT date FROM analyses") == [("2024-05-01",)]


def test_a_damaged_file_raises_one_clear_message(tmp_path):
    path = tmp_path / "damaged.sqlite3"
    path.write_bytes(b"this is not a database at all" * 200)
    with pytest.raises(StoreError, match=r"damaged or not a Reader store.*without it"):
        Store.open(path)


def test_a_store_from_a_newer_reader_is_refused(tmp_path):
    path = tmp_path / "newer.sqlite3"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    db.close()
    with pytest.raises(StoreError, match="newer Reader"):
        Store.open(path)


def test_an_unwritable_place_raises_store_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="cannot be opened"):
        Store.open(blocker / "store.sqlite3")


def test_the_default_path_follows_reader_store(monkeypatch, tmp_path):
    monkeypatch.setenv("READER_STORE", str(tmp_path / "mine.sqlite3"))
    assert default_store_path() == tmp_path / "mine.sqlite3"
    monkeypatch.delenv("READER_STORE")
    assert default_store_path().name == "reader.sqlite3"


def test_clear_drops_analyses_and_keeps_corrections(store):
    from reader.core.store.corrections import Correction

    analysis = fake_analysis(TEXT)
    store.save_analysis(analysis)
    digest = content_hash(analysis.article)
    store.add_correction(digest, Correction("rename", key="country:fr", name="La France"))

    store.clear()

    assert store.count() == 0
    assert store.cached_analysis(analysis.article, MODEL) is None
    assert len(store.corrections(digest)) == 1
    assert Collection(store, [], MODEL).search("engines") == ()


def test_a_corrected_analysis_cannot_be_saved_as_the_pipeline_s(store):
    from reader.core.store.corrections import Correction, apply_corrections

    corrected = apply_corrections(
        fake_analysis(TEXT), [Correction("rename", key="country:fr", name="La France")]
    )
    with pytest.raises(ValueError, match="pipeline's analysis"):
        store.save_analysis(corrected)


def test_lone_surrogates_in_a_text_are_stored(store):
    text = "Ada Lovelace \ud800 visited France.\n"
    analysis = fake_analysis(text)
    store.save_analysis(analysis)
    assert store.cached_analysis(analysis.article, MODEL).mentions == analysis.mentions


def _write_many(path: str, worker: int, count: int) -> None:
    with Store.open(Path(path)) as store:
        for i in range(count):
            text = f"Ada Lovelace wrote note {i} of writer {worker} about France.\n"
            store.save_analysis(fake_analysis(text))


def test_two_processes_writing_at_once_both_succeed_real_processes(tmp_path):
    path = tmp_path / "shared.sqlite3"
    Store.open(path).close()
    context = multiprocessing.get_context("spawn")
    workers = [
        context.Process(target=_write_many, args=(str(path), worker, 25)) for worker in (1, 2)
    ]
    for process in workers:
        process.start()
    for process in workers:
        process.join(timeout=120)
    assert [p.exitcode for p in workers] == [0, 0]
    with Store.open(path) as store:
        assert store.count() == 50
        assert store.query("SELECT count(*) FROM texts") == [(50,)]


def test_an_unreadable_row_or_correction_is_analysed_again_not_a_crash(store):
    analysis = fake_analysis(TEXT)
    store.save_analysis(analysis)
    digest = content_hash(analysis.article)
    with store._transaction() as db:
        db.execute('UPDATE analyses SET data = \'{"entities": [{"start": "x"}]}\'')
        db.execute("INSERT INTO corrections (content_hash, data) VALUES (?, '{oops')", (digest,))
    assert store.cached_analysis(analysis.article, MODEL) is None
    assert store.corrections(digest) == ()
    store.save_analysis(analysis)
    assert store.cached_analysis(analysis.article, MODEL) == analysis
