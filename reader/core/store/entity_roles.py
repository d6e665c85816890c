"""An entity's roles across a collection, with their dates (issue 21, deliverable 3): so a
reader sees "Secretary of State" turn into "former Secretary of State".

The roles come from the store's entity rows (`entity_rows.role`, the first role each article
states for each of its entities: `reader.core.store.role_rows`), read through the rows that
have one (`read_roles`: one indexed query per 500 articles); `roles_across` gathers them under
the collection's keys with the articles' own stated dates, in one pass. A collection's
identity (`reader.core.store.library_identity`) does so whenever it gathers its entities and
keeps them, plain (`gathered_roles`, `from_plain`), with its snapshot: a collection opens
without reading them again. Two roles are the same when they differ only in case, spacing and
a leading "the", "a" or "an" ("the Secretary of State" is "Secretary of State"); "former
Secretary of State" is another role. Articles without a date are counted apart, never put on
a day.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from reader.core.store.database import Store
from reader.core.store.in_lists import chunks, marks
from reader.core.store.timelines import day_of

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
    for chunk in chunks(analysis_ids):
        found.extend(
            store.query(
                "SELECT analysis_id, key, role FROM entity_rows"
                f" WHERE role IS NOT NULL AND analysis_id IN ({marks(chunk)})",
                chunk,
            )
        )
    return found


def gathered_roles(
    store: Store, keys: Mapping[int, Mapping[str, str]]
) -> dict[str, list[list[object]]]:
    """`roles_across` for the analyses of `keys` (analysis id -> its own keys -> collection
    keys), their dates read from the store, in the plain form a collection's identity keeps
    (`reader.core.store.library_identity`, saved with its snapshot): collection key -> one
    [text, articles, first, last, undated] per role, dates as ISO text or None."""
    ids = sorted(keys)
    rows = read_roles(store, ids)
    if not rows:
        return {}
    dates: dict[int, str | None] = {}
    for chunk in chunks(ids):
        dates.update(
            store.query(
                f"SELECT id, date FROM analyses WHERE id IN ({marks(chunk)})",
                chunk,
            )
        )
    return {
        key: [_plain(role) for role in roles]
        for key, roles in roles_across(rows, keys, dates).items()
    }


def _plain(role: StatedRole) -> list[object]:
    first, last = (d.isoformat() if d else None for d in (role.first, role.last))
    return [role.text, role.articles, first, last, role.undated]


def from_plain(plain: Sequence[Sequence[Any]]) -> tuple[StatedRole, ...]:
    """The roles `gathered_roles` gave one collection key, as StatedRoles (same order)."""
    day = datetime.date.fromisoformat
    return tuple(
        StatedRole(text, articles, first and day(first), last and day(last), undated)
        for text, articles, first, last, undated in plain
    )


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
    found: dict[str, dict[str, tuple[dict[str, int], set[int]]]] = {}
    worded: dict[str, tuple[str, str]] = {}  # role as stored -> (its wording, folded)
    for analysis_id, own_key, role in rows:
        if analysis_id not in dates:
            continue
        mapped = keys.get(analysis_id)
        key = mapped.get(own_key, own_key) if mapped else own_key
        wording, folded = worded.get(role) or worded.setdefault(role, _worded(role))
        by_role = found.get(key)
        if by_role is None:
            by_role = found[key] = {}
        group = by_role.get(folded)
        if group is None:
            group = by_role[folded] = ({}, set())
        group[0][wording] = group[0].get(wording, 0) + 1
        group[1].add(analysis_id)
    days = {analysis_id: day_of(date) for analysis_id, date in dates.items()}
    return {key: _ordered(by_role, days) for key, by_role in found.items()}


def _worded(role: str) -> tuple[str, str]:
    wording = role_wording(role)
    return wording, wording.casefold()


def _ordered(
    by_role: Mapping[str, tuple[dict[str, int], set[int]]], days: Mapping[int, datetime.date | None]
) -> tuple[StatedRole, ...]:
    roles = []
    for wordings, articles in by_role.values():
        dated = [d for i in articles if (d := days[i]) is not None]
        text = (
            min(wordings, key=lambda w: (-wordings[w], w))
            if len(wordings) > 1
            else next(iter(wordings))
        )
        first, last = (min(dated), max(dated)) if dated else (None, None)
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
