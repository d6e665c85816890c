"""Mentions and quotes to and from the plain dicts of the analysis JSON, for the store.

The store keeps an analysis as the JSON `Analysis.to_dict` writes (without the article, which
the caller loads); these functions read it back into the frozen model objects.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from reader.core.model import Cue, Kind, Mention, MentionType, Quote, Speaker


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
    )


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
    )


def mentions_from_dicts(items: Iterable[Mapping[str, Any]]) -> tuple[Mention, ...]:
    return tuple(mention_from_dict(item) for item in items)


def quotes_from_dicts(items: Iterable[Mapping[str, Any]]) -> tuple[Quote, ...]:
    return tuple(quote_from_dict(item) for item in items)
