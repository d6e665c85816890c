"""The same text given twice is one article (trial issue 7): `Coverage.add_first` keeps the
first file of a text (by content hash) and leaves out the others, which the report counts
under its article count; a text that differs by one character is another article."""

from __future__ import annotations

import datetime
from pathlib import Path

from reader.core.render.report import render_report
from reader.core.store.coverage import Coverage
from reader.core.store.speaker_stats import speaker_stats
from tests.core.library_articles import fake_analysis

AT = datetime.datetime(2025, 5, 6, 12, 0, tzinfo=datetime.UTC)
TEXT = (
    "Bridge plan\n\nAda Lovelace spoke on Monday.\n\n"
    "“We will rebuild the old bridge before the winter comes.”\n"
)
OTHER = "Tunnel plan\n\nTom Baker spoke.\n\n“The tunnel will open in the spring next year.”\n"
SPEAKERS = {"We will rebuild the old bridge before the winter comes.": "person:ada-lovelace"}


def analysis(text: str, path: str):
    return fake_analysis(text, Path(path), date="2025-03-03", speakers=SPEAKERS)


def test_the_same_text_in_two_folders_is_one_article_in_the_coverage():
    coverage = Coverage()
    assert coverage.add_first(0, analysis(TEXT, "a/05_bridge.txt"))
    assert coverage.add_first(1, analysis(OTHER, "a/06_tunnel.txt"))
    assert not coverage.add_first(2, analysis(TEXT, "b/05_bridge.txt"))
    assert list(coverage.articles) == [0, 1]
    assert coverage.duplicates.left_out == ["b/05_bridge.txt"]
    assert coverage.duplicates.note() == (
        "note: left out 1 duplicate (the same text as a file before): b/05_bridge.txt"
    )
    (ada,) = [row for row in speaker_stats(coverage.spoken()).rows if row.name == "Ada Lovelace"]
    assert (ada.quotes, ada.articles) == (1, 1)
    assert coverage.quote_groups() == ()  # its quote is in one article, not "in 2 articles"


def test_a_text_that_differs_is_another_article_and_no_note_without_duplicates():
    coverage = Coverage()
    assert coverage.add_first(0, analysis(TEXT, "a/05_bridge.txt"))
    assert coverage.add_first(1, analysis(TEXT.replace("Monday", "Tuesday"), "b/05.txt"))
    assert len(coverage.articles) == 2
    assert coverage.duplicates.note() is None


def test_the_note_names_three_files_and_counts_the_rest():
    coverage = Coverage()
    coverage.add_first(0, analysis(TEXT, "a.txt"))
    for number in range(1, 6):
        coverage.add_first(number, analysis(TEXT, f"copy{number}.txt"))
    assert coverage.duplicates.note() == (
        "note: left out 5 duplicates (the same text as a file before): "
        "copy1.txt, copy2.txt, copy3.txt and 2 more"
    )


def test_the_report_counts_the_files_left_out_under_the_article_count():
    coverage = Coverage()
    coverage.add_first(0, analysis(TEXT, "a/05_bridge.txt"))
    coverage.add_first(1, analysis(OTHER, "a/06_tunnel.txt"))
    page = render_report(coverage, "Bridges", generated_at=AT)
    assert "left out" not in page
    coverage.add_first(2, analysis(TEXT, "b/05_bridge.txt"))
    page = render_report(coverage, "Bridges", generated_at=AT)
    header = page[page.index('<p class="meta">') :]
    header = header[: header.index("</p>")]
    assert header.startswith('<p class="meta">2 articles, on ')
    assert '<span class="note">1 file with the same text as another left out.</span>' in header
    assert "In 2 articles" not in page
