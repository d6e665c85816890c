"""Quote groups across articles (issue 24): kept incrementally, the earliest appearance with
undated articles, speakers that differ flagged as disputed, variants marked."""

from __future__ import annotations

import datetime
import os
from pathlib import Path

from reader.core.store import quote_groups
from reader.core.store.coverage import Coverage
from reader.core.store.quote_groups import COMMON_PAIR, QuoteIndex, analysis_quote_words
from reader.core.store.quote_pairing import Change
from reader.core.store.quote_provenance import Sighting
from tests.core.library_articles import fake_analysis

SAID = "We will rebuild the bridge before the winter comes."
CUT = "rebuild the bridge before the winter"
CHANGED = "We will rebuild the tunnel before the winter comes."
OTHER = "Taxes are going up for every family next year."


def article(quote: str, date: str | None = None, speaker: str | None = None, path=None):
    text = f"News\n\nAda Lovelace spoke. Tom Baker spoke. Acme spoke.\n\n“{quote}” she said.\n"
    return fake_analysis(text, path=path, date=date, speakers={quote: speaker} if speaker else {})


def index_of(*analyses) -> QuoteIndex:
    index = QuoteIndex()
    for number, analysis in enumerate(analyses):
        index.add(number, analysis_quote_words(analysis))
    return index


def test_the_same_quote_in_three_articles_is_one_group_and_another_quote_is_not():
    index = index_of(article(SAID), article(CUT), article(CHANGED), article(OTHER))
    (group,) = list(index.groups())
    assert {a for a, _start in group} == {0, 1, 2}
    (other,) = analysis_quote_words(article(OTHER))
    assert index.members((3, other[0])) == frozenset({(3, other[0])})
    assert index.pairs((3, other[0])) == frozenset()


def test_adding_and_removing_articles_keeps_the_groups_in_step():
    index = index_of(article(SAID), article(OTHER))
    assert list(index.groups()) == []
    index.add(2, analysis_quote_words(article(CUT)))
    assert [sorted(a for a, _ in g) for g in index.groups()] == [[0, 2]]
    index.add(3, analysis_quote_words(article(CHANGED)))
    assert [sorted(a for a, _ in g) for g in index.groups()] == [[0, 2, 3]]
    index.remove(0)  # the cut quote and the changed one pair with each other too
    assert [sorted(a for a, _ in g) for g in index.groups()] == [[2, 3]]
    index.remove(3)
    assert list(index.groups()) == []
    assert 3 not in index and 2 in index


def test_a_long_quote_holds_two_cuts_together_until_it_leaves():
    first_half = "We will rebuild the bridge before"
    second_half = "the bridge before the winter comes"
    index = index_of(article(first_half), article(second_half))
    assert list(index.groups()) == []  # the halves share three words: not one quote
    index.add(9, analysis_quote_words(article(SAID)))
    assert [sorted(a for a, _ in g) for g in index.groups()] == [[0, 1, 9]]
    index.remove(9)
    assert list(index.groups()) == []


def test_a_quote_repeated_inside_one_article_does_not_pair_with_itself():
    text = f"News\n\n“{SAID}” she said. Later: “{SAID}”\n"
    index = index_of(fake_analysis(text))
    assert list(index.groups()) == []


def test_common_word_pairs_are_not_looked_up_beyond_the_limit(monkeypatch):
    index = QuoteIndex()
    for number in range(COMMON_PAIR + 1):
        words = " ".join(f"w{number}x{i}" for i in range(4))
        index.add(number, analysis_quote_words(article(f"of the {words}")))
    aligned = []
    monkeypatch.setattr(quote_groups, "pairing", lambda a, b: aligned.append(b))
    index.add("new", analysis_quote_words(article("of the brand new words here")))
    assert aligned == []  # ("of", "the") is held by more than COMMON_PAIR quotes
    index.add("again", analysis_quote_words(article("of the brand new words there")))
    assert len(aligned) == 1  # ("brand", "new") etc. lead to the one quote sharing them


def dated(tmp_path: Path, name: str, quote: str, date: str | None, mtime: str, speaker=None):
    path = tmp_path / name
    path.write_text("x", "utf-8")
    stamp = datetime.datetime.fromisoformat(mtime).timestamp()
    os.utime(path, (stamp, stamp))
    return article(quote, date=date, speaker=speaker, path=path)


def test_the_first_appearance_is_by_article_date_then_file_date_marked(tmp_path):
    coverage = Coverage()
    coverage.add("late", dated(tmp_path, "late.txt", SAID, "2016-10-12", "2016-10-01"))
    coverage.add("undated", dated(tmp_path, "undated.txt", CUT, None, "2016-10-05T12:00"))
    coverage.add("early", dated(tmp_path, "early.txt", SAID, "2016-10-02T08:00:00", "2016-11-01"))
    (group,) = coverage.quote_groups()
    first = group.first
    assert (first.article, first.date, first.date_from_file) == (
        "early",
        datetime.date(2016, 10, 2),
        False,
    )
    assert [(s.article, s.date_from_file) for s in group.sightings] == [
        ("early", False),
        ("late", False),
        ("undated", True),  # its file's date is earlier than "late"'s, but not the article's
    ]
    assert group.articles == 3


def test_with_no_date_anywhere_there_is_no_first_appearance():
    coverage = Coverage()
    coverage.add(1, article(SAID), file_day=None)
    coverage.add(2, article(CUT), file_day=None)
    (group,) = coverage.quote_groups()
    assert group.first is None
    assert [s.date for s in group.sightings] == [None, None]


def test_a_quote_credited_to_different_people_is_disputed():
    coverage = Coverage()
    coverage.add(1, article(SAID, speaker="person:ada-lovelace"))
    coverage.add(2, article(CUT, speaker="person:ada-lovelace"))
    coverage.add(3, article(OTHER, speaker="person:tom-baker"))
    coverage.add(4, article(OTHER, speaker="person:tom-baker"))
    assert [g.disputed for g in coverage.quote_groups()] == [False, False]
    coverage.add(5, article(SAID, speaker="person:tom-baker"))
    coverage.add(6, article(SAID))  # unnamed: no dispute
    groups = {g.articles: g for g in coverage.quote_groups()}
    assert groups[4].disputed
    assert groups[4].speakers == {
        "person:ada-lovelace": ("Ada Lovelace", 2),
        "person:tom-baker": ("Tom Baker", 1),
    }
    assert not groups[2].disputed


def test_variants_mark_the_changed_words_against_the_first_wording():
    coverage = Coverage()
    coverage.add(1, article(SAID, date="2016-10-01"))
    coverage.add(2, article(SAID.replace(",", "").upper(), date="2016-10-02"))
    coverage.add(3, article(CHANGED, date="2016-10-03"))
    coverage.add(4, article(CUT, date="2016-10-04"))
    (group,) = coverage.quote_groups()
    first, changed, cut = group.variants
    assert [s.article for s in first.sightings] == [1, 2]  # same words, other case
    assert first.comparison is None and not first.misquote
    assert changed.misquote and group.misquoted
    (difference,) = [d for d in changed.comparison.stretches if d.change == Change.CHANGED]
    assert changed.words.words[difference.b_start : difference.b_end] == ("tunnel",)
    assert not cut.misquote


def test_group_ids_are_numbered_in_article_order_and_shared_by_the_group():
    coverage = Coverage()
    coverage.add(1, article(OTHER))
    coverage.add(2, article(SAID))
    coverage.add(3, article(CUT))
    labels = coverage.labels()
    starts = {a: k.quotes[0].start for a, k in coverage.articles.items()}
    assert [labels.label(a, starts[a]) for a in (1, 2, 3)] == ["g1", "g2", "g2"]
    assert [g.id for g in coverage.quote_groups()] == ["g2"]


def test_a_quote_pairs_with_the_closest_quote_of_another_article_only():
    said = "I don't believe in the devil."
    joked = "Of course I believe in the devil."
    index = index_of(fake_analysis(f"News\n\n“{said}” he said. Later: “{joked}”\n"))
    index.add(1, analysis_quote_words(article(said)))
    (group,) = index.groups()
    assert sorted(a for a, _ in group) == [0, 1]
    assert len(group) == 2  # not the joke, one word away


def test_a_sighting_finds_an_article_offset_in_its_quote_text():
    sighting = Sighting(
        1,
        "a.txt",
        "A",
        None,
        None,
        False,
        1,
        "We will win, … and soon.",
        None,
        None,
        ((1, 13), (26, 35)),
    )
    assert sighting.text[sighting.text_position(27) :] == "nd soon."
    assert sighting.text_position(20) is None


def test_entities_are_gathered_under_their_collection_keys():
    coverage = Coverage()
    coverage.add(1, article(SAID, speaker="person:ada-lovelace"))
    coverage.add(2, fake_analysis("News\n\nLovelace spoke.\n"))
    ada = coverage.entities()["person:ada-lovelace"]
    assert (ada.name, len(ada.keys), ada.mentions, ada.quotes) == ("Ada Lovelace", 2, 2, 1)
