"""Short invented articles whose mentions carry the roles the article states (issue 21), for
the store's role rows, the Library's roles across a collection and its window."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path

from reader.core.model import Analysis, Role
from tests.core.library_articles import fake_analysis

# Tom Baker is the Secretary of State in January 2017 and a former one in March 2018.
JANUARY = (
    "Baker flies to Jordan\nSecretary of State Tom Baker flew to Jordan.\n"
    "Acme, a maker of engines, sent Ada Lovelace.\n"
    "“Gears turn,” Baker said. Baker, the Secretary of State, left.\n"
)
FEBRUARY = "Baker returns\nTom Baker, the Secretary of State, met Acme in France.\n"
MARCH = (
    "Baker speaks again\nFormer Secretary of State Tom Baker spoke in France.\n"
    "“Engines first,” Lovelace said.\n"
)
UNDATED = "Baker abroad\nTom Baker, a keen sailor, sailed to Jordan.\n"

# role text -> the text of the mention it belongs to (the nearest one of that text)
JANUARY_ROLES = (
    ("Secretary of State", "Tom Baker"),
    ("a maker of engines", "Acme"),
    ("the Secretary of State", "Baker"),
)
FEBRUARY_ROLES = (("the Secretary of State", "Tom Baker"),)
MARCH_ROLES = (("Former Secretary of State", "Tom Baker"),)
UNDATED_ROLES = (("a keen sailor", "Tom Baker"),)

DATED = (
    ("january.txt", JANUARY, "2017-01-12", JANUARY_ROLES),
    ("february.txt", FEBRUARY, "2017-02-02T09:30:00Z", FEBRUARY_ROLES),
    ("march.txt", MARCH, "2018-03-14", MARCH_ROLES),
    ("undated.txt", UNDATED, None, UNDATED_ROLES),
)


def with_roles(analysis: Analysis, roles: Sequence[tuple[str, str]]) -> Analysis:
    """The analysis with each (role text, mention text) role put on the mention of that text
    nearest to the role's first occurrence in the article."""
    text = analysis.article.text
    mentions = list(analysis.mentions)
    for role_text, mention_text in roles:
        start = text.index(role_text)
        i = min(
            (i for i, m in enumerate(mentions) if m.text == mention_text),
            key=lambda i: abs(mentions[i].start - start),
        )
        role = Role(start, start + len(role_text), role_text)
        mentions[i] = dataclasses.replace(mentions[i], role=role)
    return dataclasses.replace(analysis, mentions=tuple(mentions))


def role_analysis(
    text: str,
    roles: Sequence[tuple[str, str]],
    path: Path | None = None,
    date: str | None = None,
) -> Analysis:
    """A `fake_analysis` of `text` whose mentions carry `roles` (see `with_roles`)."""
    return with_roles(fake_analysis(text, path, date), roles)
