"""`reader analyze` and `reader quotes` over several files give each quote a `group`, the
same for the same quote in several files of the run (issue 24)."""

from __future__ import annotations

import csv
import io
import json
import re

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


def test_speakers_counts_who_gets_quoted_over_the_run_and_per_article_real_model(folder):
    write_article(
        folder, "c.txt", "Bridge shut\n\n“The old bridge is closed for now,” officials said.\n"
    )
    result = run_reader("speakers", folder, "--no-store", "--jobs", "1", "--per-article")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    run = [(r["speaker"], r["named"], r["quotes"], r["articles"]) for r in rows if not r["path"]]
    assert run == [("Ada Lovelace", "True", "3", "2"), ("Unnamed sources", "False", "1", "1")]
    assert rows[0]["speaker_collection_key"] == "person:ada-lovelace"
    assert rows[0]["quote_share"] == "0.75"
    per_article = [(r["path"].rsplit("/", 1)[-1], r["speaker"], r["quotes"]) for r in rows[2:]]
    assert per_article == [
        ("a.txt", "Ada Lovelace", "2"),
        ("b.txt", "Ada Lovelace", "1"),
        ("c.txt", "Unnamed sources", "1"),
    ]
    result = run_reader("speakers", folder, "--no-store", "--jobs", "1", "--format", "jsonl")
    first = json.loads(result.stdout.splitlines()[0])
    assert (first["speaker"], first["quoted_words"], first["named"]) == ("Ada Lovelace", 25, True)


def test_report_writes_one_page_with_the_quote_found_twice_real_model(folder, tmp_path):
    out = tmp_path / "report.html"
    result = run_reader("report", folder, "--no-store", "--jobs", "1", "-o", out)
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == f"reader: wrote {out}"
    page = out.read_text("utf-8")
    assert "<title>Coverage of 2 articles</title>" in page
    assert page.count('<article class="group') == 1
    assert "In 2 articles" in page
    missing = run_reader("report", folder, "--no-store", "-o", tmp_path / "no" / "r.html")
    assert missing.returncode == 1
    assert "Cannot write the report" in missing.stderr


def test_report_of_no_readable_article_writes_nothing_and_says_so_in_one_line(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.bin").write_bytes(b"\x00\x01")
    out = tmp_path / "report.html"
    result = run_reader("report", empty, tmp_path / "gone.txt", "--no-store", "-o", out)
    assert result.returncode == 1
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["empty"]
    said = result.stderr.strip().splitlines()
    assert said[-1] == f"reader: no article could be read, so {out} was not written."
    assert len(said) == 3  # the folder, the missing file, then why nothing was written
    assert "Traceback" not in result.stderr


def test_report_with_articles_links_each_quote_to_its_page_real_model(folder, tmp_path):
    out = tmp_path / "out" / "cov.html"
    out.parent.mkdir()
    result = run_reader("report", folder, "--no-store", "--jobs", "1", "-o", out, "--with-articles")
    assert result.returncode == 0, result.stderr
    pages = sorted(p.name for p in (tmp_path / "out" / "cov_files").glob("*.html"))
    assert pages == ["01-bridge-plan.html", "02-bridge-news.html"]
    page = out.read_text("utf-8")
    links = set(re.findall(r'<a href="(cov_files/[^"]+)">', page))
    assert links == {"cov_files/01-bridge-plan.html#q0", "cov_files/02-bridge-news.html#q0"}

    # exported again without b.txt: its page goes, a file the reader put there stays
    (tmp_path / "out" / "cov_files" / "my-notes.html").write_text("mine", "utf-8")
    again = run_reader(
        "report", folder / "a.txt", "--no-store", "--jobs", "1", "-o", out, "--with-articles"
    )
    assert again.returncode == 0, again.stderr
    pages = sorted(p.name for p in (tmp_path / "out" / "cov_files").glob("*.html"))
    assert pages == ["01-bridge-plan.html", "my-notes.html"]
