"""Each search hit says where its match lies in its snippet and in which paragraph of the
article it starts, so that hits near each other (a headline and the byline under it) read
apart and the match can be shown whole however narrow the column."""

from __future__ import annotations

import pytest

from reader.core.store.database import Store
from reader.core.store.library import Collection
from tests.core.library_articles import MODEL, fake_analysis, write_article

HARBOUR = (
    "Harbour Talks Stall\n"
    "By Lena Kowal\n\n"
    "PORTVILLE — Harbour   workers met on Tuesday.\n"
    "   \n"
    "“The harbour stays shut,” said Tom Reyes, who leads the union at the harbour gates.\n"
)


@pytest.fixture
def harbour(tmp_path):
    with Store.open(tmp_path / "s.sqlite3") as store:
        path = write_article(tmp_path / "articles", "harbour.txt", HARBOUR)
        store.save_analysis(fake_analysis(HARBOUR, path))
        yield Collection(store, [path], MODEL)


@pytest.mark.parametrize("quotes_only", [False, True])
def test_the_marked_part_of_each_snippet_is_the_match(harbour, quotes_only):
    hits = harbour.search("harbour", quotes_only=quotes_only)
    assert len(hits) == (1 if quotes_only else 4)
    for hit in hits:
        start, end = hit.marked
        assert hit.snippet[start:end] == HARBOUR[hit.start : hit.end]
        assert hit.snippet[start:end].casefold() == "harbour"
        assert "\n" not in hit.snippet and "  " not in hit.snippet


def test_each_hit_names_its_paragraph_blank_lines_not_counted(harbour):
    hits = harbour.search("harbour")
    assert [hit.paragraph for hit in hits] == [1, 3, 4, 4]
    quoted = harbour.search("harbour", quotes_only=True)
    assert [hit.paragraph for hit in quoted] == [4] * len(quoted)


def test_the_headline_and_the_line_under_it_read_apart(harbour):
    first, second = harbour.search("harbour")[:2]
    assert first.snippet != second.snippet or first.marked != second.marked
    assert first.paragraph != second.paragraph
