"""An entity's roles across a collection, with their dates (issue 21, deliverable 3): so a
reader sees "Secretary of State" turn into "former Secretary of State".

The roles come from the store's entity rows (`entity_rows.role`, the first role each article
states for each of its entities: `reader.core.store.role_rows`), read through the rows that
have one (`read_roles`: one indexed query per 500 articles); `roles_across` gathers them under
the collection's keys with the articles' own stated dates, in one pass. Two roles are the same
when they differ only in case, spacing and a leading "the", "a" or "an" ("the Secretary of
State" is "Secretary of State"); "former Secretary of State" is another role. Articles without
a date are counted apart, never put on a day.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from reader.core.store.database import Store
from reader.core.store.timelines import day_of

_IN_CHUNK = 500  # parameters per `IN (...)`, well under SQLite's limit
_ARTICLES = frozenset({"the", "a", "an"})

RoleRow = tuple[int, str, str]
"""(analysis id, the article's own entity key, the role it states for it)."""


@dataclass(frozen=True, slots=True)
class StatedRole:
    """One distinct role of a collection entity. `text`: its most used wording, a leading
    the/a/an dropped, on one line; `articles`: the articles that state it (dated or not);
    `first`, `last`: the earliest and latest of their dates (None when none is dated);
    `undated`: how many of those articles state no date."""

    text: str
    articles: int
    first: datetime.date | None
    last: datetime.date | None
    undated: int


def read_roles(store: Store, analysis_ids: Sequence[int]) -> list[RoleRow]:
    """The role rows of these analyses (those of entities with a stated role only), by the
    index over such rows."""
    found: list[RoleRow] = []
    for i in range(0, len(analysis_ids), _IN_CHUNK):
        chunk = analysis_ids[i : i + _IN_CHUNK]
        found.extend(
            store.query(
                "SELECT analysis_id, key, role FROM entity_rows"
                f" WHERE role IS NOT NULL AND analysis_id IN ({','.join('?' * len(chunk))})",
                chunk,
            )
        )
    return found


class Dated(Protocol):
    """An article as the Library lists it (`library.ArticleSummary`): its stated date."""

    @property
    def date(self) -> str | None: ...


def collection_roles(
    store: Store,
    articles: Mapping[int, Dated],
    keys: Callable[[], Mapping[int, Mapping[str, str]]],
) -> dict[str, tuple[StatedRole, ...]]:
    """`roles_across` for a collection's analysed `articles` (analysis id -> its summary),
    `keys()` giving each analysis's own keys -> collection keys, asked for only when some
    article states a role."""
    rows = read_roles(store, sorted(articles))
    dates = {analysis_id: article.date for analysis_id, article in articles.items()}
    return roles_across(rows, keys() if rows else {}, dates)


def role_wording(role: str) -> str:
    """The role as listed: single spaces, a leading "the", "a" or "an" dropped ("the Secretary
    of State" -> "Secretary of State"); a role that is only such a word stays as it is."""
    words = role.split()
    if len(words) > 1 and words[0].casefold() in _ARTICLES:
        words = words[1:]
    return " ".join(words)


def roles_across(
    rows: Iterable[RoleRow],
    keys: Mapping[int, Mapping[str, str]],
    dates: Mapping[int, str | None],
) -> dict[str, tuple[StatedRole, ...]]:
    """Collection key -> its distinct roles, in date order (by first date, then last date;
    roles stated only in undated articles last, most articles first), from role `rows`,
    each analysis's own keys -> collection keys (`keys`; an own key not there is its own
    collection key) and each analysis's stated date (`dates`, ISO 8601; an analysis not
    there is left out)."""
    # collection key -> role (folded) -> (wordings, analysis ids)
    found: dict[str, dict[str, tuple[Counter, set[int]]]] = {}
    for analysis_id, own_key, role in rows:
        if analysis_id not in dates:
            continue
        key = keys.get(analysis_id, {}).get(own_key, own_key)
        wording = role_wording(role)
        wordings, articles = found.setdefault(key, {}).setdefault(
            wording.casefold(), (Counter(), set())
        )
        wordings[wording] += 1
        articles.add(analysis_id)
    days = {analysis_id: day_of(date) for analysis_id, date in dates.items()}
    return {key: _ordered(by_role, days) for key, by_role in found.items()}


def _ordered(
    by_role: Mapping[str, tuple[Counter, set[int]]], days: Mapping[int, datetime.date | None]
) -> tuple[StatedRole, ...]:
    roles = []
    for wordings, articles in by_role.values():
        dated = sorted(d for i in articles if (d := days[i]) is not None)
        text = min(wordings, key=lambda w: (-wordings[w], w))
        first, last = (dated[0], dated[-1]) if dated else (None, None)
        roles.append(StatedRole(text, len(articles), first, last, len(articles) - len(dated)))
    return tuple(
        sorted(
            roles,
            key=lambda r: (
                r.first is None,
                r.first or datetime.date.min,
                r.last or datetime.date.min,
                -r.articles,
                r.text.casefold(),
            ),
        )
    )


def latest_role(roles: Sequence[StatedRole]) -> str:
    """The most recent stated role of `roles_across`'s list: the one stated last (by date;
    a tie goes to the one stated in more articles); when none is dated, the one stated in the
    most articles; "" for none."""
    dated = [r for r in roles if r.last is not None]
    if dated:
        return max(dated, key=lambda r: (r.last, r.articles, r.first)).text
    return roles[0].text if roles else ""
