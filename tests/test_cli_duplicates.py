"""`reader report` and `reader speakers` over two folders that both hold a copy of an article
count it once (trial issue 7), with a note on stderr naming the copy left out."""

from __future__ import annotations

import csv
import io

from tests.core.library_articles import write_article
from tests.test_cli import run_reader

BRIDGE = (
    "Bridge plan\n\nBy Rui Tavares\n\nPORTO, Portugal, May 2, 2025 — Mayor Ada Lovelace spoke "
    "on Monday.\n\n“We will rebuild the old bridge before the winter comes,” Lovelace said.\n"
)
TUNNEL = (
    "Tunnel plan\n\nPORTO, Portugal, May 9, 2025 — The council met on Friday.\n\n"
    "“The tunnel will not open before the spring,” Lovelace said.\n"
)


def test_report_and_speakers_count_a_copied_article_once_real_model(tmp_path):
    write_article(tmp_path / "a", "05_bridge.txt", BRIDGE)
    write_article(tmp_path / "b", "05_bridge.txt", BRIDGE)
    write_article(tmp_path / "b", "06_tunnel.txt", TUNNEL)
    out = tmp_path / "report.html"
    result = run_reader("report", tmp_path / "a", tmp_path / "b", "--no-store", "-o", out)
    assert result.returncode == 0, result.stderr
    copy = tmp_path / "b" / "05_bridge.txt"
    note = f"reader: note: left out 1 duplicate (the same text as a file before): {copy}"
    assert result.stderr.strip().splitlines() == [note, f"reader: wrote {out}"]
    page = out.read_text("utf-8")
    assert "<title>Coverage of 2 articles</title>" in page
    assert "1 file with the same text as another left out." in page
    assert "In 2 articles" not in page  # the bridge quote is in one article
    assert 'from <time datetime="2025-05-02">' in page  # the datelines' days
    assert "undated" not in page

    speakers = run_reader("speakers", tmp_path / "a", tmp_path / "b", "--no-store")
    assert speakers.returncode == 0, speakers.stderr
    rows = list(csv.DictReader(io.StringIO(speakers.stdout)))
    assert [(r["speaker"], r["quotes"], r["articles"]) for r in rows] == [
        ("Ada Lovelace", "2", "2")
    ]
