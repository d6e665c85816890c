"""Over time (issue 24, deliverable 3): per day or ISO week from the articles' own dates, the
undated counted apart, never on today nor on a file's date."""

from __future__ import annotations

import datetime

from reader.core.store.coverage import Coverage
from reader.core.store.timelines import (
    Period,
    articles_timeline,
    day_of,
    entity_timeline,
    period_of,
    timeline,
)
from tests.core.library_articles import fake_analysis

D = datetime.date


def test_dates_are_read_from_iso_text_only():
    assert day_of("2016-10-12") == D(2016, 10, 12)
    assert day_of("2016-10-12T23:10:00-04:00") == D(2016, 10, 12)
    assert day_of("Tuesday") is None
    assert day_of(None) is None


def test_periods_are_days_or_iso_weeks():
    assert period_of(D(2016, 9, 12), Period.DAY) == "2016-09-12"
    assert period_of(D(2016, 9, 12), Period.WEEK) == "2016-W37"  # a Monday
    assert period_of(D(2016, 9, 18), Period.WEEK) == "2016-W37"  # the Sunday after
    assert period_of(D(2016, 1, 1), Period.WEEK) == "2015-W53"


def test_a_timeline_counts_undated_apart_and_sorts_periods():
    line = timeline(
        [(D(2016, 9, 13), 2), (None, 3), (D(2016, 9, 12), 1), (D(2016, 9, 13), 0)], "day"
    )
    assert line.counts == (("2016-09-12", 1), ("2016-09-13", 2))
    assert line.undated == 3
    assert line.total == 6


def article(date, mentions_of_ada: int, path=None):
    text = "News\n\n" + "Ada Lovelace spoke. " * mentions_of_ada + "Tom Baker spoke.\n"
    return fake_analysis(text, path=path, date=date)


def test_an_entity_and_the_articles_per_period_with_undated_articles_apart(tmp_path):
    coverage = Coverage()
    coverage.add(1, article("2016-09-12", 2))
    coverage.add(2, article("2016-09-14T10:00", 1))
    saved = tmp_path / "saved.txt"
    saved.write_text("x", "utf-8")
    coverage.add(3, article(None, 4, path=saved))  # has a file date, but no date of its own
    coverage.add(4, article("2016-09-20", 0))
    rows = list(coverage.dated_counts())
    mentions, quotes = entity_timeline(rows, "person:ada-lovelace", Period.WEEK)
    assert mentions.counts == (("2016-W37", 3),)
    assert mentions.undated == 4
    assert quotes.total == 0
    days = articles_timeline(rows)
    assert days.counts == (("2016-09-12", 1), ("2016-09-14", 1), ("2016-09-20", 1))
    assert days.undated == 1
    today = datetime.date.today().isoformat()
    assert all(period != today for period, _count in days.counts)
