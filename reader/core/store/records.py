"""Mentions and quotes to and from the plain dicts of the analysis JSON, for the store.

The store keeps an analysis as the JSON `Analysis.to_dict` writes (without the article, which
the caller loads); these functions read it back into the frozen model objects.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from reader.core.model import (
    Analysis,
    Cue,
    Evidence,
    Kind,
    Mention,
    MentionType,
    Passage,
    Quote,
    Role,
    Speaker,
    SpeakerPath,
)
from reader.core.text.article import Article


def mention_from_dict(data: Mapping[str, Any]) -> Mention:
    """A Mention from its `to_dict` form; raises KeyError or ValueError on a malformed dict."""
    return Mention(
        start=int(data["start"]),
        end=int(data["end"]),
        text=data["text"],
        kind=Kind(data["kind"]),
        key=data["key"],
        name=data["name"],
        mention=MentionType(data.get("mention", MentionType.NAME)),
        corrected=bool(data.get("corrected", False)),
        role=role_from_dict(data.get("role")),
    )


def role_from_dict(data: Mapping[str, Any] | None) -> Role | None:
    """A mention's Role from its `to_dict` form; None for a mention without one."""
    if data is None:
        return None
    return Role(start=int(data["start"]), end=int(data["end"]), text=data["text"])


def speaker_from_dict(data: Mapping[str, Any] | None) -> Speaker | None:
    if data is None:
        return None
    return Speaker(
        start=int(data["start"]),
        end=int(data["end"]),
        text=data["text"],
        name=data["name"],
        key=data.get("key"),
    )


def quote_from_dict(data: Mapping[str, Any]) -> Quote:
    """A Quote from its `to_dict` form; raises KeyError or ValueError on a malformed dict."""
    cue = data.get("cue")
    return Quote(
        start=int(data["start"]),
        end=int(data["end"]),
        text=data["text"],
        fragments=tuple((int(s), int(e)) for s, e in data["fragments"]),
        speaker=speaker_from_dict(data.get("speaker")),
        cue=Cue(int(cue["start"]), int(cue["end"]), cue["text"]) if cue else None,
        corrected=bool(data.get("corrected", False)),
        evidence=evidence_from_dict(data.get("evidence")),
    )


def evidence_from_dict(data: Mapping[str, Any] | None) -> Evidence | None:
    """A quote's Evidence from its `to_dict` form (its cue is the quote's own), or None for
    an analysis stored before evidence was kept."""
    if data is None:
        return None
    return Evidence(
        path=SpeakerPath(data["path"]),
        confidence=float(data["confidence"]),
        antecedent=_passage_from_dict(data.get("antecedent")),
        relay=_passage_from_dict(data.get("relay")),
    )


def _passage_from_dict(data: Mapping[str, Any] | None) -> Passage | None:
    if data is None:
        return None
    return Passage(int(data["start"]), int(data["end"]), data["text"])


def mentions_from_dicts(items: Iterable[Mapping[str, Any]]) -> tuple[Mention, ...]:
    return tuple(mention_from_dict(item) for item in items)


def quotes_from_dicts(items: Iterable[Mapping[str, Any]]) -> tuple[Quote, ...]:
    return tuple(quote_from_dict(item) for item in items)


def analysis_from_data(article: Article, model: str, data: str) -> Analysis:
    """The analysis of `article` by pipeline `model` from the JSON the store keeps for it (its
    entities and quotes, offsets into `article.text`). Raises ValueError (not JSON), KeyError
    or TypeError (JSON that is not such a record)."""
    record = json.loads(data)
    return Analysis(
        article=article,
        model=model,
        mentions=mentions_from_dicts(record["entities"]),
        quotes=quotes_from_dicts(record["quotes"]),
    )
