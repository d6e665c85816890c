"""Quote groups: the same quote in several articles (issue 24, deliverable 1), kept
incrementally as articles come and go.

A quote group belongs to the collection, as a collection key does (DESIGN.md, "Two levels of
identity"): an article's quotes never change when others arrive. `QuoteIndex` holds the
quotes of a set of articles by their pairs of neighbouring words
(`reader.core.store.quote_pairing.pair_keys`). Adding an article looks each of its quotes'
pairs up, aligns the quote (`difflib`, `same_quote`) with at most `CANDIDATES` quotes that
share the most pairs, and joins the groups of those it pairs with (in each other article,
those it differs from the least); a pair held by more than
`COMMON_PAIR` quotes ("of the", "we are") is not looked up. Removing an article splits only
the groups its quotes were in. Nothing compares every quote with every other: the cost of
adding an article grows with its quotes and their words, not with the collection.

Groups are the connected quotes: when a long quote pairs with two shorter ones cut from it,
all three are one group.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Iterator

from reader.core.model import Analysis
from reader.core.store.quote_pairing import (
    QuoteWords,
    pair_keys,
    pairing,
    quote_pieces,
    quote_words,
)

COMMON_PAIR = 64
"""Quotes a pair of words may be in and still be looked up (a stop-pair beyond that)."""

CANDIDATES = 12
"""Quotes aligned word by word with a new quote, those sharing the most pairs with it."""

SHARED_SHARE = 0.2
"""Share of the shorter quote's word pairs a candidate must share to be aligned at all. One
quote within `MAX_DIFFERING` keeps most of them (a differing word breaks two, an elision
one: 8 words with 2 changed keep at least 3 of 7 pairs); the filter spares the alignments
of quotes that only share a few common pairs (bench/bench_coverage.py: the same pairs
found, the slowest article added in a third of the time)."""

QuoteId = tuple[Hashable, int]
"""A quote: its article's id and its start, in characters into that article's text."""


class QuoteIndex:
    """The quotes of a set of articles (any hashable ids) and the groups they form."""

    def __init__(self) -> None:
        self._words: dict[QuoteId, QuoteWords] = {}
        self._keys: dict[QuoteId, int] = {}  # quote -> its number of distinct word pairs
        self._postings: dict[tuple[str, str], set[QuoteId]] = {}
        self._pairs: dict[QuoteId, set[QuoteId]] = {}  # quote -> the quotes it pairs with
        self._group: dict[QuoteId, int] = {}
        self._members: dict[int, set[QuoteId]] = {}
        self._articles: dict[Hashable, list[QuoteId]] = {}
        self._next_group = 0

    def __contains__(self, article: Hashable) -> bool:
        return article in self._articles

    def articles(self) -> tuple[Hashable, ...]:
        return tuple(self._articles)

    def add(self, article: Hashable, quotes: Iterable[tuple[int, QuoteWords]]) -> None:
        """Add an article's quotes, each as (start, words); an article added before is
        replaced."""
        if article in self._articles:
            self.remove(article)
        ids = self._articles[article] = []
        for start, words in quotes:
            quote = (article, start)
            if quote in self._words:
                continue
            ids.append(quote)
            paired = self._paired_with(article, words)
            self._words[quote] = words
            keys = pair_keys(words)
            self._keys[quote] = len(keys)
            for key in keys:
                self._postings.setdefault(key, set()).add(quote)
            self._pairs[quote] = paired
            for other in paired:
                self._pairs[other].add(quote)
            self._join(quote, {self._group[other] for other in paired})

    def _paired_with(self, article: Hashable, words: QuoteWords) -> set[QuoteId]:
        """The indexed quotes of other articles that `words` is the same quote as (by
        `pairing`), in each article those that differ from it the least (two quotes of one
        article that differ are two things said: "I don't believe in the devil", then "Of
        course I believe in the devil", and only the first is the other article's quote).
        Within one article, quotes are never paired, however alike."""
        shared: Counter[QuoteId] = Counter()
        keys = pair_keys(words)
        for key in keys:
            holders = self._postings.get(key)
            if holders and len(holders) <= COMMON_PAIR:
                shared.update(other for other in holders if other[0] != article)
        return closest_quotes(
            words,
            len(keys),
            [
                (other, count, other[0], self._words[other], self._keys[other])
                for other, count in shared.most_common(CANDIDATES)
            ],
        )

    def _join(self, quote: QuoteId, groups: set[int]) -> None:
        """Put `quote` in one group with every quote of `groups` (the largest one kept)."""
        if not groups:
            group = self._next_group
            self._next_group += 1
            self._members[group] = set()
        else:
            group = max(groups, key=lambda g: len(self._members[g]))
            for other in groups - {group}:
                for member in self._members.pop(other):
                    self._group[member] = group
                    self._members[group].add(member)
        self._group[quote] = group
        self._members[group].add(quote)

    def remove(self, article: Hashable) -> None:
        """Take an article's quotes out; the groups they were in are split where only they
        held them together."""
        touched: set[int] = set()
        for quote in self._articles.pop(article, ()):
            del self._keys[quote]
            for key in pair_keys(self._words.pop(quote)):
                holders = self._postings[key]
                holders.discard(quote)
                if not holders:
                    del self._postings[key]
            for other in self._pairs.pop(quote):
                self._pairs[other].discard(quote)
            group = self._group.pop(quote)
            self._members[group].discard(quote)
            touched.add(group)
        for group in touched:
            self._split(group)

    def _split(self, group: int) -> None:
        """Make each connected part of `group` its own group (one pass over its quotes)."""
        left = set(self._members.pop(group))
        while left:
            start = left.pop()
            part = {start}
            todo = [start]
            while todo:
                for other in self._pairs[todo.pop()]:
                    if other in left:
                        left.discard(other)
                        part.add(other)
                        todo.append(other)
            number = self._next_group
            self._next_group += 1
            self._members[number] = part
            for member in part:
                self._group[member] = number

    def group_of(self, quote: QuoteId) -> int | None:
        """The group number of an indexed quote (numbers change when groups join or split);
        None for a quote not indexed."""
        return self._group.get(quote)

    def words(self, quote: QuoteId) -> QuoteWords:
        return self._words[quote]

    def pairs(self, quote: QuoteId) -> frozenset[QuoteId]:
        """The quotes this one was found to be the same quote as."""
        return frozenset(self._pairs.get(quote, ()))

    def groups(self, least: int = 2) -> Iterator[frozenset[QuoteId]]:
        """The groups of at least `least` quotes (2: the quotes found more than once)."""
        for members in self._members.values():
            if len(members) >= least:
                yield frozenset(members)

    def members(self, quote: QuoteId) -> frozenset[QuoteId]:
        """Every quote of the group `quote` is in (itself alone when it pairs with none)."""
        group = self._group.get(quote)
        return frozenset(self._members[group]) if group is not None else frozenset()


def closest_quotes(
    words: QuoteWords,
    keys: int,
    ranked: Iterable[tuple[Hashable, int, Hashable, QuoteWords, int]],
) -> set[Hashable]:
    """The candidates `words` is the same quote as, in each article those it differs from
    the least. `keys` is the number of distinct word pairs of `words`; `ranked` the
    candidates sharing the most pairs with it first (at most `CANDIDATES`), each as (its id,
    pairs shared, its article, its words, its number of distinct pairs). One shared by less
    than `SHARED_SHARE` of the fewer pairs is not aligned. The rule of `QuoteIndex` and of
    the store's groups (`reader.core.store.quote_group_rows`) alike."""
    best: dict[Hashable, tuple[int, set[Hashable]]] = {}
    for other, count, article, other_words, other_keys in ranked:
        if count < SHARED_SHARE * min(keys, other_keys):
            continue
        comparison = pairing(words, other_words)
        if comparison is None:
            continue
        least, found = best.get(article, (comparison.differing, set()))
        if comparison.differing < least:
            least, found = comparison.differing, set()
        if comparison.differing == least:
            found.add(other)
        best[article] = (least, found)
    return {quote for _least, found in best.values() for quote in found}


def analysis_quote_words(analysis: Analysis) -> list[tuple[int, QuoteWords]]:
    """An analysis's quotes as `QuoteIndex.add` takes them: (start, words)."""
    return [
        (q.start, quote_words(quote_pieces(q.text, q.start, q.fragments))) for q in analysis.quotes
    ]
