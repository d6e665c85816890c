"""The collection report (issue 24) as a new user read it: a file's date is never shown as
the article's, nor orders an undated article before a stated one (so never makes a stated
article's wording a "possible misquote" of it or it one of theirs); counts agree with their
nouns and an entity kind has one display form."""

from __future__ import annotations

import datetime
import re

from reader.core.render.report import counted, kind_label, render_report
from reader.core.store.coverage import Coverage
from tests.core.library_articles import fake_analysis

SAID = "We will rebuild the bridge before the winter comes."
CHANGED = "We will rebuild the tunnel before the winter comes."
AT = datetime.datetime(2026, 12, 8, 12, 0, tzinfo=datetime.UTC)


def article(quote: str, date: str | None, speaker: str | None = "person:ada-lovelace"):
    text = f"Bridge news\n\nAda Lovelace spoke. Acme spoke.\n\n“{quote}”\n"
    return fake_analysis(text, date=date, speakers={quote: speaker} if speaker else {})


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))


def test_an_undated_original_is_undated_with_its_file_date_and_no_misquote():
    coverage = Coverage()
    # the undated original, its file saved today; the follow-up states an earlier date
    coverage.add("original", article(SAID, None), file_day=datetime.date(2026, 12, 7))
    coverage.add("follow-up", article(CHANGED, "2026-11-20"))
    (group,) = coverage.quote_groups()
    assert group.first is not None and group.first.article == "follow-up"
    page = render_report(coverage, "Report", generated_at=AT)
    shown = text_of(page)
    assert "2 articles, on 20 November 2026; 1 undated (file date 7 Dec 2026)." in shown
    assert "undated (file date 7 Dec 2026)" in text_of(page[page.index('id="quotes"') :])
    assert "7 December 2026" not in shown  # a file's date is never written as the article's
    assert "Possible misquote" not in shown
    assert "Different words (undated, so which came first is unknown)" in shown
    assert "first 20 November 2026" in shown
    (classes,) = re.findall(r'<article class="group ([^"]*)"', page)
    assert "misquoted" not in classes.split() and "unplaced" in classes.split()


def test_a_stated_date_after_a_stated_first_wording_is_still_a_possible_misquote():
    coverage = Coverage()
    coverage.add("original", article(SAID, "2026-11-01"))
    coverage.add("follow-up", article(CHANGED, "2026-11-20"))
    coverage.add("saved", article(CHANGED, None), file_day=datetime.date(2026, 10, 1))
    (group,) = coverage.quote_groups()
    assert [s.article for s in group.sightings] == ["original", "follow-up", "saved"]
    shown = text_of(render_report(coverage, "Report", generated_at=AT))
    assert "Possible misquote" in shown
    assert "1 quote appears in more than one article; 1 with words that differ" in shown


def test_counts_agree_with_their_nouns_and_kinds_have_one_form():
    assert [counted(1, "quote"), counted(2, "quote"), counted(0, "article")] == [
        "1 quote",
        "2 quotes",
        "0 articles",
    ]
    assert [kind_label("PERSON"), kind_label("ORG"), kind_label(None)] == [
        "Person",
        "Organization",
        "",
    ]
    coverage = Coverage()
    coverage.add(1, article(SAID, "2026-11-01"))
    coverage.add(2, article(SAID, "2026-11-02", speaker=None))
    page = render_report(coverage, "Report", generated_at=AT)
    shown = text_of(page)
    assert "1 quote appears in more than one article" in shown
    assert "2 quotes, 18 quoted words." in shown
    assert "In 2 articles" in shown
    assert not re.search(r"\b1 (quotes|articles|quoted words)\b", shown)
    kinds = re.findall(r'<th scope="row">[^<]*</th><td>([A-Za-z]*)</td>', page)
    assert "Person" in kinds and not {"PERSON", "ORG", "COUNTRY"} & set(kinds)
