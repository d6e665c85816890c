"""The export's entity index shows each entity's role (issue 21.3) and the quotes say which
speakers the reader confirmed (issue 22.3)."""

from __future__ import annotations

import dataclasses
import re

from reader.core.model import Evidence, Role, SpeakerPath
from reader.core.store.corrections import Correction, apply_corrections
from tests.core.render.test_export import STORY, Page, render, story


def with_role() -> tuple:
    """The story with "Rex Tillerson" given a role on its first mention."""
    analysis = story()
    first = next(m for m in analysis.mentions if m.text == "Rex Tillerson")
    role = Role(0, 13, "the Secretary of State")
    mentions = tuple(
        dataclasses.replace(m, role=role) if m is first else m for m in analysis.mentions
    )
    return dataclasses.replace(analysis, mentions=mentions)


def test_the_entity_index_shows_the_first_stated_role_under_the_name():
    html = render(with_role())
    index = html[html.index('id="entities-heading"') : html.index('id="quotes-heading"')]
    entry = re.search(r'<li class="person" id="e\d+">(.*?)</li>', index, re.S)
    assert entry is not None and ">Rex Tillerson</a>" in entry[1]
    assert entry[1].endswith('<span class="role" dir="auto">the Secretary of State</span>')
    assert index.count('class="role"') == 1  # no role stated: none shown
    page = Page(html)
    assert not page.errors and page.text == STORY


def test_a_confirmed_speaker_says_so_in_the_quote_list():
    analysis = story()
    quote = analysis.quotes[0]
    found = dataclasses.replace(quote, evidence=Evidence(SpeakerPath.NAMED, 0.4))
    analysis = dataclasses.replace(analysis, quotes=(found,))
    assert "(speaker confirmed)" not in render(analysis)
    confirmed = apply_corrections(analysis, [Correction("confirm_speaker", start=quote.start)])
    quotes = render(confirmed)
    quotes = quotes[quotes.index('id="quotes-heading"') :]
    assert 'Rex Tillerson</a> <span class="confirmed">(speaker confirmed)</span></figcaption>' in (
        quotes
    )
