"""`reader analyze` over folders with the store and worker processes, and `reader quotes`."""

from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest

from reader.core.store.corrections import Correction
from reader.core.store.database import Store, content_hash
from reader.core.text.article import Article
from tests.core.library_articles import save_tiny_pipeline, write_article
from tests.test_cli import run_reader

TEXTS = {
    f"day-{i:02d}.txt": (
        f"Day {i}\nAda Lovelace met Tom Baker in France.\n“Gears {i},” Baker said.\n"
    )
    for i in range(10)
}


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory):
    return str(save_tiny_pipeline(tmp_path_factory.mktemp("pipeline") / "tiny"))


@pytest.fixture
def folder(tmp_path):
    for name, text in TEXTS.items():
        write_article(tmp_path / "news" / ("sub" if name.endswith("7.txt") else ""), name, text)
    return tmp_path / "news"


def _records(result):
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_analyze_a_folder_with_two_jobs_in_order_then_from_the_store(pipeline, folder, tmp_path):
    store = tmp_path / "s.sqlite3"
    args = ("analyze", folder, "--jobs", "2", "--model", pipeline, "--store", store)
    first = run_reader(*args)
    assert first.returncode == 0, first.stderr
    records = _records(first)
    expected = sorted(p for p in folder.rglob("*.txt"))
    assert [r["path"] for r in records] == [str(p) for p in expected]
    assert all(r["entities"] for r in records)

    with Store.open(store) as opened:
        assert opened.count() == len(TEXTS)
        text = TEXTS["day-03.txt"]
        opened.add_correction(
            content_hash(Article("t", text, ())),
            Correction("rename", key="person:tom-baker", name="Thomas Baker"),
        )
    second = run_reader(*args)
    assert second.returncode == 0, second.stderr
    again = _records(second)
    assert [r["path"] for r in again] == [r["path"] for r in records]
    corrected = next(r for r in again if r["path"].endswith("day-03.txt"))
    baker = [e for e in corrected["entities"] if e["key"] == "person:tom-baker"]
    assert {e["name"] for e in baker} == {"Thomas Baker"}
    assert all(e["corrected"] for e in baker)
    assert not any("corrected" in e for r in again if r is not corrected for e in r["entities"])


def test_a_damaged_store_is_said_once_and_the_analysis_goes_on(pipeline, folder, tmp_path):
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"not sqlite" * 500)
    result = run_reader("analyze", folder, "--model", pipeline, "--store", bad)
    assert result.returncode == 0
    assert len(_records(result)) == len(TEXTS)
    assert result.stderr.count("reader: ") == 1
    assert "damaged" in result.stderr


def test_a_store_from_an_older_reader_is_upgraded_with_a_note_once(pipeline, folder, tmp_path):
    store = tmp_path / "old.sqlite3"
    run_reader("analyze", folder, "--model", pipeline, "--store", store)
    db = sqlite3.connect(store)
    db.execute("PRAGMA user_version = 7")  # schema 8 keeps a role column it finds
    db.commit()
    db.close()
    first = run_reader("analyze", folder, "--model", pipeline, "--store", store)
    again = run_reader("analyze", folder, "--model", pipeline, "--store", store)
    assert first.returncode == again.returncode == 0
    assert first.stderr.count("upgrading the analysis store") == 1
    assert "upgrading" not in again.stderr
    assert len(_records(first)) == len(TEXTS)


def test_no_store_leaves_no_file_and_reader_store_chooses_one(
    pipeline, folder, tmp_path, monkeypatch
):
    chosen = tmp_path / "env.sqlite3"
    monkeypatch.setenv("READER_STORE", str(chosen))
    result = run_reader("analyze", folder / "day-01.txt", "--model", pipeline, "--no-store")
    assert result.returncode == 0
    assert not chosen.exists()
    monkeypatch.setenv("READER_STORE", str(chosen))
    result = run_reader("analyze", folder / "day-01.txt", "--model", pipeline)
    assert result.returncode == 0
    assert sqlite3.connect(chosen).execute("SELECT count(*) FROM analyses").fetchone() == (1,)


def test_quotes_as_csv_and_jsonl(pipeline, folder):
    result = run_reader("quotes", folder, "--model", pipeline, "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == [
        *("speaker", "speaker_key", "quote", "title", "date", "path", "start", "end"),
        *("speaker_collection_key", "confidence", "speaker_path", "group"),
    ]
    assert len(rows) == 1 + len(TEXTS)
    assert rows[1][2] == "Gears 0,"
    assert rows[1][3] == "Day 0"
    text = TEXTS["day-00.txt"]
    assert text[int(rows[1][6]) : int(rows[1][7])] == "Gears 0,"

    lines = run_reader("quotes", folder, "--model", pipeline, "--format", "jsonl").stdout
    objects = [json.loads(line) for line in lines.splitlines()]
    assert [o["quote"] for o in objects] == [r[2] for r in rows[1:]]


@pytest.mark.parametrize("jobs", ["0", "two"])
def test_a_bad_jobs_value_is_a_usage_error(jobs, folder):
    result = run_reader("analyze", folder, "--jobs", jobs)
    assert result.returncode == 2
    assert "positive whole number" in result.stderr


def test_export_shows_the_reader_s_corrections(pipeline, folder, tmp_path):
    store = tmp_path / "s.sqlite3"
    article = folder / "day-02.txt"
    with Store.open(store) as opened:
        opened.add_correction(
            content_hash(Article("t", TEXTS["day-02.txt"], ())),
            Correction("rename", key="person:tom-baker", name="Sir Thomas Baker"),
        )
    page = tmp_path / "page.html"
    result = run_reader("export", article, "-o", page, "--model", pipeline, "--store", store)
    assert result.returncode == 0, result.stderr
    assert "Sir Thomas Baker" in page.read_text("utf-8")
    with Store.open(store) as opened:
        assert opened.count() == 1  # the export's analysis was stored
