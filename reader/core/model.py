"""Plain, immutable results of an analysis: all that crosses from the worker to the GUI."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from reader.core.article import Article


class Kind(StrEnum):
    PERSON = "PERSON"
    COUNTRY = "COUNTRY"
    ORG = "ORG"


class MentionType(StrEnum):
    NAME = "name"
    DEMONYM = "demonym"


@dataclass(frozen=True, slots=True)
class Mention:
    """One highlighted stretch of text; all mentions of one real entity share `key` and `name`."""

    start: int
    end: int
    text: str
    kind: Kind
    key: str
    name: str
    mention: MentionType = MentionType.NAME

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": str(self.kind),
            "key": self.key,
            "name": self.name,
            "mention": str(self.mention),
        }


@dataclass(frozen=True, slots=True)
class Entity:
    """One real entity of the article, with all its mentions (in text order)."""

    key: str
    name: str
    kind: Kind
    mentions: tuple[Mention, ...]

    @property
    def count(self) -> int:
        return len(self.mentions)


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who said a quote: the local mention (may be a pronoun) and the entity it refers to."""

    start: int
    end: int
    text: str
    name: str
    key: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "key": self.key,
            "start": self.start,
            "end": self.end,
            "text": self.text,
        }


@dataclass(frozen=True, slots=True)
class Cue:
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quote; `fragments` are the quoted stretches without their quotation marks."""

    start: int
    end: int
    text: str
    fragments: tuple[tuple[int, int], ...]
    speaker: Speaker | None = None
    cue: Cue | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "fragments": [list(f) for f in self.fragments],
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "cue": self.cue.to_dict() if self.cue else None,
        }

    def involves(self, key: str, mentions: tuple[Mention, ...]) -> bool:
        """True when the entity `key` said this quote or is named inside it."""
        if self.speaker is not None and self.speaker.key == key:
            return True
        return any(
            m.key == key and any(s <= m.start and m.end <= e for s, e in self.fragments)
            for m in mentions
        )


@dataclass(frozen=True, slots=True)
class Analysis:
    """The result of analysing one article."""

    article: Article
    model: str
    mentions: tuple[Mention, ...]
    quotes: tuple[Quote, ...]

    @property
    def entities(self) -> tuple[Entity, ...]:
        """Entities sorted by number of mentions, most mentioned first, then by name."""
        grouped: dict[str, list[Mention]] = {}
        for m in self.mentions:
            grouped.setdefault(m.key, []).append(m)
        entities = [
            Entity(key=key, name=ms[0].name, kind=ms[0].kind, mentions=tuple(ms))
            for key, ms in grouped.items()
        ]
        entities.sort(key=lambda e: (-e.count, e.name.casefold()))
        return tuple(entities)

    def kind_counts(self) -> Counter[Kind]:
        """Number of mentions of each kind (what the legend shows)."""
        return Counter(m.kind for m in self.mentions)

    def quotes_involving(self, key: str) -> tuple[Quote, ...]:
        return tuple(q for q in self.quotes if q.involves(key, self.mentions))

    def to_dict(self) -> dict[str, Any]:
        article = self.article
        return {
            "path": str(article.path) if article.path else None,
            "title": article.title,
            "text": article.text,
            "model": self.model,
            "entities": [m.to_dict() for m in self.mentions],
            "quotes": [q.to_dict() for q in self.quotes],
        }
