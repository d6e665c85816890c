"""`reader analyze` and `reader quotes` over several files: the run is a collection, and each
entity mention, quote speaker and quote row carries its collection key."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tests.core.library_articles import write_article
from tests.test_cli import run_reader

TEXTS = {
    "a.txt": "Trump speaks\n\nDonald J. Trump visited France on Monday.\n\n"
    "“We will win,” Trump said.\n",
    "b.txt": "Trump leaves\n\nTrump left France on Tuesday.\n\n“We will not lose,” Trump said.\n",
}


@pytest.fixture
def folder(tmp_path):
    for name, text in TEXTS.items():
        write_article(tmp_path / "news", name, text)
    return tmp_path / "news"


def test_analyze_adds_a_collection_key_to_mentions_and_speakers_real_model(folder):
    result = run_reader("analyze", folder, "--no-store", "--jobs", "1")
    assert result.returncode == 0, result.stderr
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    people = [
        (m["text"], m["key"], m["collection_key"])
        for record in (first, second)
        for m in record["entities"]
        if m["kind"] == "PERSON"
    ]
    assert ("Donald J. Trump", "person:donald-j-trump", "person:donald-trump") in people
    assert ("Trump", "person:trump", "person:donald-trump") in people  # b.txt: the surname
    assert {collection_key for _, _, collection_key in people} == {"person:donald-trump"}
    assert all(list(m)[-1] == "collection_key" for m in first["entities"])
    assert [(q["speaker"]["key"], q["speaker"]["collection_key"]) for q in second["quotes"]] == [
        ("person:trump", "person:donald-trump")
    ]
    france = next(m for m in second["entities"] if m["kind"] == "COUNTRY")
    assert france["collection_key"] == france["key"]


def test_quotes_carry_the_speaker_s_collection_key_real_model(folder):
    result = run_reader("quotes", folder, "--no-store", "--jobs", "1")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["speaker_key"], r["speaker_collection_key"]) for r in rows] == [
        ("person:donald-j-trump", "person:donald-trump"),
        ("person:trump", "person:donald-trump"),
    ]
