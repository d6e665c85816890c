"""The coverage of a list of analysed articles, as one collection (issue 24): the files of a
`reader report` or `reader speakers` run, or any analyses. Each article, as it is added,
joins a `QuoteIndex` (its quotes' groups) and a `CollectionIdentity` (its entities'
collection keys), and keeps only what the questions below need: its path, title, site and
date, its quotes' starts, texts and speakers, and its entities' counts.

- `quote_groups()`: the quotes found in several articles (`reader.core.store.quote_provenance`),
  `group_of(article, start)` one quote's;
- `entities()`: the entities under their collection keys, with their counts;
- `spoken()`: every quote as who gets quoted counts it (`reader.core.store.speaker_stats`);
- `dated_counts()`: mentions and quotes per collection key, article by article with its date
  (`reader.core.store.timelines`).
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Hashable, Iterator
from dataclasses import dataclass
from pathlib import Path

from reader.core.model import Analysis
from reader.core.store.duplicate_texts import DuplicateTexts
from reader.core.store.entity_facts import EntityFacts, article_entities
from reader.core.store.identity import CollectionIdentity
from reader.core.store.library_identity import Gathered, gather
from reader.core.store.quote_group_reads import StoredQuoteGroups
from reader.core.store.quote_groups import QuoteId, QuoteIndex, analysis_quote_words
from reader.core.store.quote_provenance import (
    GroupLabels,
    QuoteGroup,
    Sighting,
    article_date,
    describe,
)
from reader.core.store.speaker_stats import SpokenQuote, key_kind


def file_date(path: Path | None) -> datetime.date | None:
    """The local date of the file's last modification; None without a readable file."""
    if path is None:
        return None
    try:
        return datetime.date.fromtimestamp(os.stat(path).st_mtime)
    except (OSError, ValueError, OverflowError):
        return None


@dataclass(frozen=True, slots=True)
class _Said:
    """One quote as kept: `start` (characters into its article's text), its `text` (the
    analysis's, fragments joined), its speaker's name and per-article key, its number of
    words and its `fragments` ((start, end) into the article's text)."""

    start: int
    text: str
    speaker: str | None
    speaker_key: str | None
    words: int
    fragments: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class CoverageArticle:
    """What is kept of one article: `path`, `title`, `site`, its `date` (the article's, or
    its file's when `date_from_file`), its quotes in text order and its entities' facts."""

    path: str
    title: str
    site: str | None
    date: datetime.date | None
    date_from_file: bool
    quotes: tuple[_Said, ...]
    entities: tuple[EntityFacts, ...]


class Coverage:
    """Articles by id (any hashable), in the order added."""

    def __init__(self, index: QuoteIndex | StoredQuoteGroups | None = None) -> None:
        """`index`: where the quotes are grouped, a `QuoteIndex` of the articles added (by
        default) or the store's groups (`StoredQuoteGroups`, read by its owner)."""
        self.index = index if index is not None else QuoteIndex()
        self.identity = CollectionIdentity()
        self.articles: dict[Hashable, CoverageArticle] = {}
        self.duplicates = DuplicateTexts()  # the texts `add_first` left out

    def add_first(self, article: Hashable, analysis: Analysis) -> bool:
        """Add the article unless the same text (by content hash) came to `add_first` before,
        as another file or in another folder (trial issue 7): then it is one article, kept in
        `duplicates`, and False is returned."""
        if not self.duplicates.first(analysis.article):
            return False
        self.add(article, analysis)
        return True

    def add(
        self, article: Hashable, analysis: Analysis, file_day: datetime.date | None = None
    ) -> None:
        """Add (or replace) an article; `file_day` is its file's date, used when the article
        states none (`file_date(path)` by default)."""
        source = analysis.article
        meta = source.meta
        stated = meta.date if meta is not None else None
        if file_day is None and not stated:
            file_day = file_date(source.path)
        day, from_file = article_date(stated, file_day)
        quote_words = analysis_quote_words(analysis)
        entities = article_entities(analysis)
        self.articles[article] = CoverageArticle(
            str(source.path) if source.path is not None else source.title,
            source.title,
            meta.site if meta is not None else None,
            day,
            from_file,
            tuple(
                _Said(
                    q.start,
                    q.text,
                    q.speaker.name if q.speaker else None,
                    q.speaker.key if q.speaker else None,
                    len(words.words),
                    q.fragments,
                )
                for q, (_start, words) in zip(analysis.quotes, quote_words, strict=True)
            ),
            entities,
        )
        self.index.add(article, quote_words)
        self.identity.add(article, entities)

    def remove(self, article: Hashable) -> None:
        self.articles.pop(article, None)
        self.index.remove(article)
        self.identity.remove(article)

    def _collection_key(self, article: Hashable, key: str | None) -> str | None:
        return None if key is None else self.identity.key(article, key)

    def labels(self) -> GroupLabels:
        """Group ids numbered in article order, then quote order: "g1" for the first quote."""
        labels = GroupLabels(self.index)
        for article, kept in self.articles.items():
            for said in kept.quotes:
                labels.label(article, said.start)
        return labels

    def quote_groups(self) -> tuple[QuoteGroup, ...]:
        """The quotes found in two articles or more, most articles first, then by first
        appearance (undated last)."""
        labels = self.labels()
        groups = [self._describe(members, labels) for members in self.index.groups()]
        groups.sort(
            key=lambda g: (
                -g.articles,
                g.first is None,
                g.first.date if g.first else datetime.date.min,
                g.id,
            )
        )
        return tuple(groups)

    def group_of(self, article: Hashable, start: int) -> QuoteGroup | None:
        """The group of the quote at `start` (characters into the article's text) of
        `article`; None when no other article has it."""
        members = self.index.members((article, start))
        return self._describe(members, self.labels()) if len(members) > 1 else None

    def _describe(self, members: frozenset[QuoteId], labels: GroupLabels) -> QuoteGroup:
        sightings = [self._sighting(article, start) for article, start in members]
        words = {member: self.index.words(member) for member in members}
        label = labels.label(*next(iter(members))) or ""  # one label for all members
        return describe(label, sightings, words)

    def _sighting(self, article: Hashable, start: int) -> Sighting:
        kept = self.articles[article]
        said = next(s for s in kept.quotes if s.start == start)
        return Sighting(
            article,
            kept.path,
            kept.title,
            kept.site,
            kept.date,
            kept.date_from_file,
            start,
            said.text,
            said.speaker,
            self._collection_key(article, said.speaker_key),
            said.fragments,
        )

    def entities(self) -> dict[str, Gathered]:
        """Collection key -> its names, kinds, articles, mentions and quotes (one pass)."""
        return gather(self.identity, self.articles)

    def spoken(self) -> Iterator[SpokenQuote]:
        """Every quote, article by article: named when its speaker is one of the article's
        entities (as the quote panel's speaker filter has it), with the entity's kind."""
        for article, kept in self.articles.items():
            facts = {f.key: f for f in kept.entities}
            for said in kept.quotes:
                entity = facts.get(said.speaker_key) if said.speaker_key else None
                if entity is None and said.speaker_key and said.speaker:
                    # A person the quote finder keyed itself (the entity step missed them).
                    key = self._collection_key(article, said.speaker_key)
                    yield SpokenQuote(article, key, said.speaker, key_kind(key), said.words)
                    continue
                yield SpokenQuote(
                    article,
                    self._collection_key(article, said.speaker_key) if entity else None,
                    entity.name if entity else None,
                    entity.kind if entity else None,
                    said.words,
                )

    def dated_counts(self) -> Iterator[tuple[datetime.date | None, dict[str, tuple[int, int]]]]:
        """Per article, in order: its date and collection key -> (mentions, quotes it is the
        speaker of). The date is None when the article states none: a file's date is when
        it was saved, which would heap the undated articles on one day."""
        for article, kept in self.articles.items():
            counts: dict[str, tuple[int, int]] = {}
            for f in kept.entities:
                key = self.identity.key(article, f.key)
                mentions, quotes = counts.get(key, (0, 0))
                counts[key] = (mentions + f.mentions, quotes + f.quotes)
            yield (None if kept.date_from_file else kept.date), counts
