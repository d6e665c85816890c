"""Over time (issue 24, deliverable 3): counts per day or per ISO week from the articles'
own dates, the undated counted apart (never put on today or on a file's date).

`day_of` reads an article's stated date (`meta.date`, ISO 8601: its first ten characters);
`timeline` counts what each dated article brings into its period; `entity_timeline` and
`articles_timeline` take `Coverage.dated_counts()`'s rows: (date or None, collection key ->
(mentions, quotes)).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Period(StrEnum):
    DAY = "day"
    WEEK = "week"


def day_of(stated: str | None) -> datetime.date | None:
    """The date of an ISO 8601 date or date and time; None when there is none or it does not
    read as one (a source's own wording, "Tuesday")."""
    if not stated:
        return None
    try:
        return datetime.date.fromisoformat(stated[:10])
    except ValueError:
        return None


def period_of(day: datetime.date, period: Period) -> str:
    """ "2016-09-12" for a day; "2016-W37" for its ISO week (Monday to Sunday)."""
    if period == Period.DAY:
        return day.isoformat()
    year, week, _weekday = day.isocalendar()
    return f"{year}-W{week:02d}"


@dataclass(frozen=True, slots=True)
class Timeline:
    """`counts`: period -> count, periods in order (only those with something); `undated`:
    the count of the articles without a date."""

    counts: tuple[tuple[str, int], ...]
    undated: int

    @property
    def total(self) -> int:
        return sum(count for _period, count in self.counts) + self.undated


def timeline(items: Iterable[tuple[datetime.date | None, int]], period: Period) -> Timeline:
    """Sum each (date, count) into its period; None dates into `undated`. Zero counts of
    dated items leave no period."""
    counts: dict[str, int] = {}
    undated = 0
    for day, count in items:
        if day is None:
            undated += count
        elif count:
            name = period_of(day, period)
            counts[name] = counts.get(name, 0) + count
    return Timeline(tuple(sorted(counts.items())), undated)


DatedCounts = Iterable[tuple[datetime.date | None, dict[str, tuple[int, int]]]]


def articles_timeline(rows: DatedCounts, period: Period = Period.DAY) -> Timeline:
    """Articles per period."""
    return timeline(((day, 1) for day, _counts in rows), period)


def entity_timeline(
    rows: DatedCounts, key: str, period: Period = Period.DAY
) -> tuple[Timeline, Timeline]:
    """(mentions, quotes) of the collection key `key` per period (one pass over `rows`)."""
    found = [(day, counts.get(key, (0, 0))) for day, counts in rows]
    return (
        timeline(((day, mentions) for day, (mentions, _q) in found), period),
        timeline(((day, quotes) for day, (_m, quotes) in found), period),
    )
