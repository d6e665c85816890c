"""An entity's roles across a collection in words (issue 21, deliverable 3)."""

from __future__ import annotations

import datetime

from reader.core.render.collection_roles import date_span, role_line, roles_text
from reader.core.store.entity_roles import StatedRole

D = datetime.date


def test_date_spans_say_each_part_once():
    assert date_span(D(2018, 3, 14), D(2018, 3, 14)) == "14 Mar 2018"
    assert date_span(D(2017, 1, 12), D(2017, 1, 20)) == "12–20 Jan 2017"
    assert date_span(D(2017, 1, 12), D(2017, 2, 2)) == "12 Jan–2 Feb 2017"
    assert date_span(D(2016, 12, 30), D(2017, 1, 2)) == "30 Dec 2016–2 Jan 2017"


def test_roles_are_said_with_their_articles_and_dates_undated_apart():
    roles = (
        StatedRole("Secretary of State", 3, D(2017, 1, 12), D(2017, 2, 2), 0),
        StatedRole("former Secretary of State", 2, D(2018, 3, 14), D(2018, 3, 14), 1),
        StatedRole("keen sailor", 1, None, None, 1),
    )
    assert role_line(roles[0]) == "Secretary of State — 3 articles, 12 Jan–2 Feb 2017"
    assert (
        role_line(roles[1]) == "former Secretary of State — 2 articles, 14 Mar 2018 and 1 undated"
    )
    assert role_line(roles[2]) == "keen sailor — 1 article, undated"
    assert roles_text(roles[:2]) == (
        "Secretary of State — 3 articles, 12 Jan–2 Feb 2017; "
        "former Secretary of State — 2 articles, 14 Mar 2018 and 1 undated"
    )
    assert roles_text(()) == ""
