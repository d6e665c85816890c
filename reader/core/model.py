"""Plain, immutable results of an analysis: all that crosses from the worker to the GUI."""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from reader.core.text.article import Article


class Kind(StrEnum):
    PERSON = "PERSON"
    COUNTRY = "COUNTRY"
    ORG = "ORG"


class MentionType(StrEnum):
    NAME = "name"
    DEMONYM = "demonym"


@dataclass(frozen=True, slots=True)
class Role:
    """What the article says an entity is, where it says it: "the Secretary of State" of "Rex
    Tillerson, the Secretary of State", "Russian Foreign Minister" before "Sergei Lavrov"."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Mention:
    """One highlighted stretch of text; all mentions of one real entity share `key` and `name`.

    `role` is set on the mention where the article states the entity's role (issue 21)."""

    start: int
    end: int
    text: str
    kind: Kind
    key: str
    name: str
    mention: MentionType = MentionType.NAME
    corrected: bool = False  # the reader changed its entity, name or kind
    role: Role | None = None

    def to_dict(self) -> dict[str, Any]:
        result = {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": str(self.kind),
            "key": self.key,
            "name": self.name,
            "mention": str(self.mention),
        }
        if self.corrected:
            result["corrected"] = True
        if self.role is not None:
            result["role"] = self.role.to_dict()
        return result


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


class SpeakerPath(StrEnum):
    """How a quote's speaker was found (the quote finder's `evidence` module tells each)."""

    NAMED = "named"  # named next to the cue: its subject, agent, or the object of "according to"
    PRONOUN = "pronoun"  # a pronoun next to the cue, resolved to an antecedent
    COLON = "colon"  # named by the words a colon ends before the quote (`Smith said:`)
    CONTINUATION = "continuation"  # no cue: the speaker of the quote or sentence before
    ORGANIZATION = "organization"  # an organization or its document ("the statement") speaks
    LABEL = "label"  # a layout with no speech verb: a dash signature, a label and a colon
    SUBJECT = "subject"  # no speaker by the cue: the subject of the clause the quote sits in
    HEADLINE = "headline"  # a headline quote, with the speaker of the body quote it repeats
    NONE = "none"  # no speaker found
    CONFIRMED = "confirmed"  # the reader confirmed the speaker (a correction): never doubtful


@dataclass(frozen=True, slots=True)
class Passage:
    """A stretch of the article's text that evidence points at: characters start..end."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why a quote has its speaker: the `path` it was found by; the `antecedent` a pronoun
    or description stands for (the name elsewhere in the text), when one does; the `relay`
    that passed the words on ("according to the Tribune", "citing officials"), when one
    did; and a `confidence` in [0, 1], from what the finder could see (never a gold set).
    The cue is the quote's own."""

    path: SpeakerPath
    confidence: float
    antecedent: Passage | None = None
    relay: Passage | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quote; `fragments` are the quoted stretches without their quotation marks."""

    start: int
    end: int
    text: str
    fragments: tuple[tuple[int, int], ...]
    speaker: Speaker | None = None
    cue: Cue | None = None
    corrected: bool = False  # the reader changed or cleared its speaker
    evidence: Evidence | None = None  # None for analyses stored before evidence was kept

    def to_dict(self) -> dict[str, Any]:
        result = {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "fragments": [list(f) for f in self.fragments],
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "cue": self.cue.to_dict() if self.cue else None,
            "evidence": self._evidence_dict(),
        }
        if self.corrected:
            result["corrected"] = True
        return result

    def _evidence_dict(self) -> dict[str, Any] | None:
        """`evidence` in the JSON: path, cue (the quote's), antecedent, relay, confidence."""
        evidence = self.evidence
        if evidence is None:
            return None
        return {
            "path": str(evidence.path),
            "cue": self.cue.to_dict() if self.cue else None,
            "antecedent": evidence.antecedent.to_dict() if evidence.antecedent else None,
            "relay": evidence.relay.to_dict() if evidence.relay else None,
            "confidence": evidence.confidence,
        }

    def involves(self, key: str, mentions: tuple[Mention, ...]) -> bool:
        """True when the entity `key` said this quote or is named inside it.

        `mentions` sorted by start, as in an Analysis. One quote: O(log n) plus the mentions
        inside its fragments; for many quotes use `Analysis.quotes_involving`.
        """
        if self.speaker is not None and self.speaker.key == key:
            return True
        return _names_inside(self.fragments, key, mentions, _Starts(mentions))


class _Starts:
    """The start offsets of mentions sorted by start, as a sequence `bisect` can search
    without building a list: O(log n) per lookup over an Analysis's mentions."""

    __slots__ = ("_mentions",)

    def __init__(self, mentions: tuple[Mention, ...]) -> None:
        self._mentions = mentions

    def __len__(self) -> int:
        return len(self._mentions)

    def __getitem__(self, index: int) -> int:
        return self._mentions[index].start


def _names_inside(
    fragments: tuple[tuple[int, int], ...],
    key: str,
    mentions: tuple[Mention, ...],
    starts: _Starts | list[int],
) -> bool:
    """Whether a mention of `key` lies inside one of the fragments (mentions sorted by start)."""
    for start, end in fragments:
        i = bisect.bisect_left(starts, start)
        while i < len(mentions) and mentions[i].start < end:
            mention = mentions[i]
            if mention.key == key and mention.end <= end:
                return True
            i += 1
    return False


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
        """The quotes the entity `key` said or is named in, in text order.

        One pass over the entity's own mentions and a bisect per quote fragment: linear in
        the numbers of mentions and quotes, never their product.
        """
        own = tuple(sorted((m for m in self.mentions if m.key == key), key=lambda m: m.start))
        starts = [m.start for m in own]
        return tuple(
            q
            for q in self.quotes
            if (q.speaker is not None and q.speaker.key == key)
            or _names_inside(q.fragments, key, own, starts)
        )

    def to_dict(self) -> dict[str, Any]:
        """The analysis JSON (DESIGN.md, "Analysis JSON"); `meta` only when the source names
        an author, a date or a site."""
        article = self.article
        data: dict[str, Any] = {
            "path": str(article.path) if article.path else None,
            "title": article.title,
            "text": article.text,
            "model": self.model,
        }
        if article.meta:
            data["meta"] = article.meta.to_dict()
        data["entities"] = [m.to_dict() for m in self.mentions]
        data["quotes"] = [q.to_dict() for q in self.quotes]
        return data
