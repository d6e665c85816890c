"""The quote rules' word lists, read once from `quotes/data/`."""

from __future__ import annotations

from reader.core.analysis.word_lists import WordLists

words = WordLists(__package__).words
