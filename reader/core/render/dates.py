"""An article's date as Reader writes it, in the collection report and in the window alike.

A date the article states is written in full ("12 October 2016"). A date taken from the file
(its last modification, used where the article states none) is when the file was saved, not
when the article appeared, so it is never written as the article's: such an article is
"undated (file date 7 Dec 2026)", the file's date short and inside the note. Where dates
order articles (a quote's first appearance, a column sorted by date), every stated date comes
before every file's date (`date_order`), as `reader.core.store.quote_provenance` orders them.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

UNDATED = "undated"
FILE_DATE = "file date"


@dataclass(frozen=True, slots=True)
class ShownDate:
    """A date as shown: `day` the day alone ("12 October 2016" stated, "7 Dec 2026" a file's),
    `iso` ("2016-10-12", for an HTML <time>), `from_file` when it is the file's date. A file's
    date is written `lead` ("undated"), then in parentheses `label` ("file date") and `day`;
    `text` is the whole ("undated (file date 7 Dec 2026)", or the stated day)."""

    day: str
    iso: str
    from_file: bool

    @property
    def lead(self) -> str:
        return UNDATED if self.from_file else ""

    @property
    def label(self) -> str:
        return FILE_DATE if self.from_file else ""

    @property
    def text(self) -> str:
        return f"{self.lead} ({self.label} {self.day})" if self.from_file else self.day


def shown_date(day: datetime.date | None, from_file: bool = False) -> ShownDate | None:
    """The date `day` as Reader writes it (`from_file`: the file's date, the article stating
    none); None without a date."""
    if day is None:
        return None
    text = f"{day.day} {day:%b %Y}" if from_file else f"{day.day} {day:%B %Y}"
    return ShownDate(text, day.isoformat(), from_file)


def date_text(day: datetime.date | None, from_file: bool = False) -> str:
    """ "12 October 2016"; "undated (file date 7 Dec 2026)" for a file's date; "" without a
    date."""
    shown = shown_date(day, from_file)
    return shown.text if shown is not None else ""


def date_order(
    day: datetime.date | None, from_file: bool = False
) -> tuple[bool, datetime.date] | None:
    """A sort value: stated dates by day, then files' dates by day (a file's date never puts
    an article before a stated one); None without a date (a table sorts it after the rest)."""
    return None if day is None else (from_file, day)
