"""One way to write an article's date (reader.core.render.dates), for the collection report and
the window alike: a stated date in full, a file's date only as "undated (file date …)", and
stated dates ordered before files' dates. The report's text is checked to carry exactly what
`date_text` says, so the window (which shows `date_text`) and the report cannot drift apart."""

from __future__ import annotations

import datetime
import re

from reader.core.render.dates import date_order, date_text, shown_date
from reader.core.render.report import render_report
from reader.core.store.coverage import Coverage
from tests.core.library_articles import fake_analysis

SAID = "The ferry will run again before the spring storms come."
AT = datetime.datetime(2026, 12, 8, 12, 0, tzinfo=datetime.UTC)


def _article(title: str, date: str | None):
    text = f"{title}\n\nAda Lovelace spoke.\n\n“{SAID}”\n"
    return fake_analysis(text, date=date, speakers={SAID: "person:ada-lovelace"})


def _text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))


def test_a_stated_date_is_written_in_full_and_a_files_date_only_as_undated():
    stated, saved = datetime.date(2016, 10, 12), datetime.date(2026, 12, 7)
    assert date_text(stated) == "12 October 2016"
    assert date_text(saved, from_file=True) == "undated (file date 7 Dec 2026)"
    assert date_text(None) == "" and date_text(None, True) == ""
    shown = shown_date(saved, True)
    assert shown is not None and (shown.lead, shown.label, shown.day, shown.iso) == (
        "undated",
        "file date",
        "7 Dec 2026",
        "2026-12-07",
    )
    assert shown_date(stated).text == "12 October 2016" and not shown_date(stated).lead


def test_stated_dates_sort_before_any_files_date_and_no_date_is_none():
    days = [
        (datetime.date(2026, 12, 7), True),
        (datetime.date(2016, 10, 20), False),
        (datetime.date(2001, 1, 1), True),  # a file saved long before: still after the stated
        (datetime.date(2016, 10, 12), False),
    ]
    ordered = sorted(days, key=lambda pair: date_order(*pair))
    assert [date_text(*pair) for pair in ordered] == [
        "12 October 2016",
        "20 October 2016",
        "undated (file date 1 Jan 2001)",
        "undated (file date 7 Dec 2026)",
    ]
    assert date_order(None) is None and date_order(None, True) is None


def test_the_report_writes_each_date_as_date_text_does():
    coverage = Coverage()
    coverage.add("stated", _article("Ferry news", "2016-10-12"))
    coverage.add("saved", _article("Harbour notes", None), file_day=datetime.date(2001, 1, 1))
    (group,) = coverage.quote_groups()
    # the file saved long before the stated article is still not its first appearance
    assert [s.article for s in group.sightings] == ["stated", "saved"]
    shown = _text_of(render_report(coverage, "Report", generated_at=AT))
    stated = date_text(datetime.date(2016, 10, 12))
    saved = date_text(datetime.date(2001, 1, 1), from_file=True)
    assert f"first {stated}" in shown
    assert f"Ferry news, {stated}" in shown and f"Harbour notes, {saved}" in shown
    assert "1 Jan 2001" not in shown.replace(saved, "")  # never written as the article's date
