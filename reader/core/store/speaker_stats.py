"""Who gets quoted (issue 24, deliverable 2): quotes and quoted words per speaker, for one
article or a collection; named speakers against unnamed sources ("officials said", a pronoun
with no name behind it, no speaker at all), people against organizations, and the share of
the top speakers.

A speaker is named when the quote's speaker is one of its article's entities (the rule of the
quote panel's speaker filter, "Unnamed speakers"), or a person the quote finder keyed itself
because the entity step missed them (`quotes.resolution.speaking_people`: "Ana Sobral of the
union said"); named speakers are counted by collection key, so one person quoted in forty
articles is one row.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass

TOP = 5
"""How many speakers `SpeakerStats.top_share` counts by default."""


@dataclass(frozen=True, slots=True)
class SpokenQuote:
    """One quote as counted here: its `article`, its speaker's collection `key`, `name` and
    `kind` ("PERSON", "ORG", "COUNTRY"; all None when unnamed), and its number of `words`."""

    article: Hashable
    key: str | None
    name: str | None
    kind: str | None
    words: int


@dataclass(frozen=True, slots=True)
class SpeakerRow:
    """One speaker (`key` None: the unnamed sources together): quotes, quoted words, the
    articles quoting them, and their shares of all quotes and words (0..1)."""

    key: str | None
    name: str
    kind: str | None
    quotes: int
    words: int
    articles: int
    quote_share: float
    word_share: float

    @property
    def named(self) -> bool:
        return self.key is not None


@dataclass(frozen=True, slots=True)
class SpeakerStats:
    """`rows` most quotes first (then most words, then name), the unnamed row among them; a
    speaker's name is the most used of two words or more, else the most used (as the
    Library's entities are named)."""

    rows: tuple[SpeakerRow, ...]
    quotes: int
    words: int

    def _quotes(self, keep) -> int:
        return sum(row.quotes for row in self.rows if keep(row))

    @property
    def named_quotes(self) -> int:
        return self._quotes(lambda row: row.named)

    @property
    def unnamed_quotes(self) -> int:
        return self._quotes(lambda row: not row.named)

    @property
    def person_quotes(self) -> int:
        return self._quotes(lambda row: row.kind == "PERSON")

    @property
    def organization_quotes(self) -> int:
        return self._quotes(lambda row: row.kind == "ORG")

    def top_share(self, top: int = TOP) -> float:
        """The share (0..1) of all quotes said by the `top` named speakers quoted most."""
        named = [row.quotes for row in self.rows if row.named][:top]
        return sum(named) / self.quotes if self.quotes else 0.0


UNNAMED = "Unnamed sources"
_KINDS_OF_PREFIXES = {"person": "PERSON", "org": "ORG"}


def key_kind(key: str | None) -> str | None:
    """The kind ("PERSON", "ORG") an entity key's prefix gives ("person:ana-sobral"), or
    None."""
    return _KINDS_OF_PREFIXES.get(key.partition(":")[0]) if key else None


def speaker_stats(quotes: Iterable[SpokenQuote]) -> SpeakerStats:
    """Count quotes and words per speaker; one pass, then a sort of the speakers."""
    counts: dict[str | None, list] = {}  # key -> [names, kind, quotes, words, articles]
    for quote in quotes:
        entry = counts.get(quote.key)
        if entry is None:
            entry = counts[quote.key] = [{}, quote.kind, 0, 0, set()]
        if quote.name is not None:
            entry[0][quote.name] = entry[0].get(quote.name, 0) + 1
        entry[2] += 1
        entry[3] += quote.words
        entry[4].add(quote.article)
    total_quotes = sum(entry[2] for entry in counts.values())
    total_words = sum(entry[3] for entry in counts.values())
    rows = [
        SpeakerRow(
            key,
            max(names, key=lambda n: (" " in n.strip(), names[n])) if names else (key or UNNAMED),
            kind,
            quotes,
            words,
            len(articles),
            quotes / total_quotes if total_quotes else 0.0,
            words / total_words if total_words else 0.0,
        )
        for key, (names, kind, quotes, words, articles) in counts.items()
    ]
    rows.sort(key=lambda r: (-r.quotes, -r.words, r.name.casefold()))
    return SpeakerStats(tuple(rows), total_quotes, total_words)
