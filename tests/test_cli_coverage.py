"""`reader analyze` and `reader quotes` over several files give each quote a `group`, the
same for the same quote in several files of the run (issue 24)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tests.core.library_articles import write_article
from tests.test_cli import run_reader

TEXTS = {
    "a.txt": "Bridge plan\n\nMayor Ada Lovelace spoke on Monday.\n\n"
    "“We will rebuild the old bridge before the winter comes,” Lovelace said.\n\n"
    "“Nobody else will pay for it,” she added.\n",
    "b.txt": "Bridge news\n\nThe mayor, Ada Lovelace, was in town.\n\n"
    "“We will rebuild the old bridge before the winter,” Lovelace said on Tuesday.\n",
}


@pytest.fixture
def folder(tmp_path):
    for name, text in TEXTS.items():
        write_article(tmp_path / "news", name, text)
    return tmp_path / "news"


def test_analyze_gives_the_same_group_to_the_same_quote_across_files_real_model(folder):
    result = run_reader("analyze", folder, "--no-store", "--jobs", "1")
    assert result.returncode == 0, result.stderr
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert [q["group"] for q in first["quotes"]] == ["g1", "g2"]
    assert [q["group"] for q in second["quotes"]] == ["g1"]
    assert all(list(q)[-1] == "group" for q in first["quotes"])


def test_quotes_csv_ends_with_the_group_column_real_model(folder):
    result = run_reader("quotes", folder, "--no-store", "--jobs", "1")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0])[-1] == "group"
    assert [r["group"] for r in rows] == ["g1", "g2", "g1"]
