"""An entity's roles across a collection in words (issue 21, deliverable 3), as the Library's
follow panel lists them: "Secretary of State — 3 articles, 12 Jan–2 Feb 2017", then
"former Secretary of State — 1 article, 14 Mar 2018". The roles and their dates are
`reader.core.store.entity_roles`'s; articles without a date are said apart, never dated.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from reader.core.store.entity_roles import StatedRole


def _day(day: datetime.date, month: bool = True, year: bool = True) -> str:
    return " ".join(
        part
        for part, shown in ((str(day.day), True), (f"{day:%b}", month), (str(day.year), year))
        if shown
    )


def date_span(first: datetime.date, last: datetime.date) -> str:
    """ "14 Mar 2018"; "12–20 Jan 2017"; "12 Jan–2 Feb 2017"; "30 Dec 2016–2 Jan 2017"."""
    if first == last:
        return _day(first)
    if first.year != last.year:
        return f"{_day(first)}–{_day(last)}"
    same_month = first.month == last.month
    return f"{_day(first, month=not same_month, year=False)}–{_day(last)}"


def role_line(role: StatedRole) -> str:
    """One role with its articles and dates: "Secretary of State — 3 articles, 12 Jan–2 Feb
    2017"; "… and 1 undated" when some of its articles state no date; "keen sailor — 1
    article, undated" when none does."""
    count = f"{role.articles} article{'s' if role.articles != 1 else ''}"
    if role.first is None or role.last is None:
        return f"{role.text} — {count}, undated"
    undated = f" and {role.undated} undated" if role.undated else ""
    return f"{role.text} — {count}, {date_span(role.first, role.last)}{undated}"


def roles_text(roles: Sequence[StatedRole], separator: str = "; ") -> str:
    """The roles in their order, each as `role_line` gives it, joined by `separator` ("" for
    none)."""
    return separator.join(role_line(role) for role in roles)
