"""Who gets quoted (issue 24, deliverable 2): per speaker by collection key, named against
unnamed sources, people against organizations, the share of the top speakers."""

from __future__ import annotations

from dataclasses import replace

import pytest

from reader.core.model import Speaker
from reader.core.store.coverage import Coverage
from reader.core.store.speaker_stats import UNNAMED, SpokenQuote, speaker_stats
from tests.core.library_articles import fake_analysis


def test_counts_per_speaker_with_shares_and_the_unnamed_together():
    stats = speaker_stats(
        [
            SpokenQuote("a", "person:ada", "Ada Lovelace", "PERSON", 10),
            SpokenQuote("b", "person:ada", "Lovelace", "PERSON", 6),
            SpokenQuote("a", "org:acme", "Acme", "ORG", 4),
            SpokenQuote("a", None, None, None, 3),
            SpokenQuote("b", None, None, None, 2),
        ]
    )
    assert [(r.name, r.quotes, r.words, r.articles) for r in stats.rows] == [
        ("Ada Lovelace", 2, 16, 2),
        (UNNAMED, 2, 5, 2),
        ("Acme", 1, 4, 1),
    ]
    assert (stats.quotes, stats.words) == (5, 25)
    assert (stats.named_quotes, stats.unnamed_quotes) == (3, 2)
    assert (stats.person_quotes, stats.organization_quotes) == (2, 1)
    assert stats.rows[0].quote_share == pytest.approx(0.4)
    assert stats.rows[0].word_share == pytest.approx(16 / 25)
    assert stats.top_share(1) == pytest.approx(0.4)
    assert stats.top_share() == pytest.approx(0.6)  # the unnamed are never a top speaker


def test_nothing_quoted_gives_empty_stats():
    stats = speaker_stats([])
    assert (stats.rows, stats.quotes, stats.top_share()) == ((), 0, 0.0)


def test_a_collection_counts_one_person_under_one_key_and_an_unnamed_source_apart():
    coverage = Coverage()
    text = (
        "News\n\nAda Lovelace spoke.\n\n“We shall see,” she said. “Nothing yet,” officials said.\n"
    )
    coverage.add(1, fake_analysis(text, speakers={"We shall see,": "person:ada-lovelace"}))
    text = "News\n\nLovelace spoke. Acme spoke.\n\n“Four more words here,” Lovelace said.\n"
    coverage.add(2, fake_analysis(text, speakers={"Four more words here,": "person:ada-lovelace"}))
    stats = speaker_stats(coverage.spoken())
    assert [(r.key, r.name, r.kind, r.quotes, r.words) for r in stats.rows] == [
        ("person:ada-lovelace", "Ada Lovelace", "PERSON", 2, 7),
        (None, UNNAMED, None, 1, 2),
    ]


def test_a_person_the_quote_finder_keyed_itself_counts_as_named_under_that_key():
    # The entity step missed "Ana Sobral"; the quote finder keyed her (quotes.plain).
    text = "News\n\nAcme spoke.\n\n“Words are cheap,” Sobral said. “Nothing yet,” officials said.\n"
    analysis = fake_analysis(text)
    first, second = analysis.quotes
    sobral = Speaker(
        text.index("Sobral"), text.index("Sobral") + 6, "Sobral", "Ana Sobral", "person:ana-sobral"
    )
    analysis = replace(analysis, quotes=(replace(first, speaker=sobral), second))
    coverage = Coverage()
    coverage.add(1, analysis)
    stats = speaker_stats(coverage.spoken())
    assert [(r.key, r.name, r.kind, r.quotes, r.named) for r in stats.rows] == [
        ("person:ana-sobral", "Ana Sobral", "PERSON", 1, True),
        (None, UNNAMED, None, 1, False),
    ]
    assert stats.named_quotes == stats.person_quotes == 1
