"""The entity rules' word lists and gazetteers, read once from `entities/data/`."""

from __future__ import annotations

from reader.core.analysis.word_lists import WordLists

_LISTS = WordLists(__package__)
lines, words, table = _LISTS.lines, _LISTS.words, _LISTS.table
