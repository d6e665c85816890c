"""The reader's corrections to an analysis: rename, merge, split, change kind, set or confirm
a speaker.

Corrections are stored with the article (by content hash, see `store.database`) and applied
in the order they were made to every analysis of that text, so they survive a re-analysis.
Applying them is one pass over the mentions and one over the quotes, whatever their number:
the corrections are first folded into lookup tables (key → new key, key → name, …).
A correction whose key or offsets are not in the analysis changes nothing.
"""

from __future__ import annotations

import bisect
import dataclasses
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reader.core.model import Analysis, Evidence, Kind, Mention, Quote, Speaker, SpeakerPath

ACTIONS = ("rename", "merge", "split", "kind", "speaker", "confirm_speaker")
# A speaker the reader chose or confirmed: sure, and never flagged for review again.
CONFIRMED = Evidence(SpeakerPath.CONFIRMED, 1.0)


class CorrectionError(ValueError):
    """A correction that cannot be made as given; str() is one sentence for the user."""


@dataclass(frozen=True)
class Correction:
    """One change the reader made.

    - `rename`: entity `key` is called `name`.
    - `merge`: entity `other_key` becomes part of entity `key` (its name and kind).
    - `split`: the mention at `start`..`end` leaves its entity and becomes its own, named `name`
      (default: the mention's text), of kind `kind` (default: its own), under `key` (default:
      made from the kind and the name, as `person:michael-jordan`).
    - `kind`: entity `key` is of kind `kind` ("PERSON", "COUNTRY" or "ORG").
    - `speaker`: the quote starting at `start` was said by entity `speaker_key` (named `name`,
      default: that entity's name); both None clears the speaker. The reader chose it: its
      evidence becomes `confirmed` (confidence 1.0).
    - `confirm_speaker`: the speaker of the quote starting at `start` is right as found: its
      evidence keeps its antecedent and relay, with path `confirmed` and confidence 1.0.
    Offsets are characters into the article text. `rule` is the id of the library's alias rule
    this correction was made from (`reader.core.store.alias_rules`), None for the reader's own
    correction of this article: removing the rule removes the corrections it made.
    """

    action: str
    key: str | None = None
    other_key: str | None = None
    name: str | None = None
    kind: str | None = None
    start: int | None = None
    end: int | None = None
    speaker_key: str | None = None
    rule: int | None = None

    def __post_init__(self) -> None:
        needs = {
            "rename": ("key", "name"),
            "merge": ("key", "other_key"),
            "split": ("start", "end"),
            "kind": ("key", "kind"),
            "speaker": ("start",),
            "confirm_speaker": ("start",),
        }
        if self.action not in needs:
            raise CorrectionError(f"Unknown correction {self.action!r}; use one of {ACTIONS}.")
        missing = [field for field in needs[self.action] if getattr(self, field) is None]
        if missing:
            raise CorrectionError(f"A {self.action} correction needs {', '.join(missing)}.")
        if self.kind is not None and self.kind not in tuple(Kind):
            raise CorrectionError(f"{self.kind!r} is not a kind; use PERSON, COUNTRY or ORG.")

    def to_json(self) -> str:
        return json.dumps({k: v for k, v in dataclasses.asdict(self).items() if v is not None})

    @classmethod
    def from_json(cls, text: str) -> Correction:
        """Raises CorrectionError (or ValueError) when `text` is not a stored correction."""
        data: dict[str, Any] = json.loads(text)
        fields = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in fields})


def _slug(name: str) -> str:
    return re.sub(r"[^\w]+", "-", name.casefold()).strip("-") or "entity"


@dataclass
class _Folded:
    """The corrections folded into tables, so applying them is one pass."""

    merged_into: dict[str, str] = dataclasses.field(default_factory=dict)
    names: dict[str, str] = dataclasses.field(default_factory=dict)
    kinds: dict[str, Kind] = dataclasses.field(default_factory=dict)
    splits: dict[tuple[int, int], tuple[str, str | None]] = dataclasses.field(default_factory=dict)
    speakers: dict[int, tuple[str | None, str | None]] = dataclasses.field(default_factory=dict)
    confirmed: set[int] = dataclasses.field(default_factory=set)  # quote starts

    def resolve(self, key: str) -> str:
        seen = set()
        while key in self.merged_into and key not in seen:
            seen.add(key)
            key = self.merged_into[key]
        return key


def _fold(corrections: Sequence[Correction], mentions: Sequence[Mention]) -> _Folded:
    folded = _Folded()
    by_span = {(m.start, m.end): m for m in mentions}
    for c in corrections:
        if c.action == "rename":
            folded.names[folded.resolve(c.key)] = c.name
        elif c.action == "kind":
            folded.kinds[folded.resolve(c.key)] = Kind(c.kind)
        elif c.action == "merge":
            target = folded.resolve(c.key)
            if folded.resolve(c.other_key) != target:
                folded.merged_into[folded.resolve(c.other_key)] = target
        elif c.action == "split":
            mention = by_span.get((c.start, c.end))
            if mention is None:
                continue
            name = c.name or mention.text
            kind = Kind(c.kind) if c.kind else mention.kind
            key = c.key or f"{kind.lower()}:{_slug(name)}"
            if key == mention.key:
                key = f"{key}-{c.start}"
            folded.splits[(c.start, c.end)] = (key, name)
            if c.kind:
                folded.kinds[key] = kind
        elif c.action == "confirm_speaker":
            folded.confirmed.add(c.start)
        else:
            folded.speakers[c.start] = (c.speaker_key, c.name)
    return folded


def apply_corrections(analysis: Analysis, corrections: Sequence[Correction]) -> Analysis:
    """The analysis with the corrections applied in order; what changed has `corrected=True`.

    Returns `analysis` itself when there are no corrections.
    """
    if not corrections:
        return analysis
    folded = _fold(corrections, analysis.mentions)
    first: dict[str, Mention] = {}
    for m in analysis.mentions:
        first.setdefault(m.key, m)
    mentions = tuple(_corrected_mention(m, folded, first) for m in analysis.mentions)
    names = {m.key: m.name for m in mentions}
    by_key: dict[str, tuple[list[int], list[Mention]]] = {}
    for m in mentions:
        starts, of_key = by_key.setdefault(m.key, ([], []))
        starts.append(m.start)
        of_key.append(m)
    quotes = tuple(_corrected_quote(q, folded, names, by_key) for q in analysis.quotes)
    return dataclasses.replace(analysis, mentions=mentions, quotes=quotes)


def _corrected_mention(m: Mention, folded: _Folded, first: dict[str, Mention]) -> Mention:
    split = folded.splits.get((m.start, m.end))
    if split is not None:
        key = folded.resolve(split[0])
        name = folded.names.get(key) or split[1] or m.text
        kind = folded.kinds.get(key, m.kind)
    else:
        key = folded.resolve(m.key)
        origin = first.get(key, m)
        name = folded.names.get(key) or origin.name
        kind = folded.kinds.get(key, origin.kind)
    if (key, name, kind) == (m.key, m.name, m.kind):
        return m
    return dataclasses.replace(m, key=key, name=name, kind=kind, corrected=True)


def _corrected_quote(
    q: Quote,
    folded: _Folded,
    names: dict[str, str],
    by_key: dict[str, tuple[list[int], list[Mention]]],
) -> Quote:
    evidence = q.evidence
    if q.start in folded.speakers:
        key, name = folded.speakers[q.start]
        speaker = _speaker_for(q, key, name, names, by_key)
        evidence = CONFIRMED  # the found antecedent and relay were the old speaker's
    elif q.speaker is not None and q.speaker.key is not None:
        key = folded.resolve(q.speaker.key)
        speaker = dataclasses.replace(q.speaker, key=key, name=names.get(key, q.speaker.name))
    else:
        speaker = q.speaker
    if q.start in folded.confirmed and q.start not in folded.speakers:
        evidence = _confirmed(q.evidence)
    if speaker == q.speaker and evidence == q.evidence:
        return q
    return dataclasses.replace(q, speaker=speaker, evidence=evidence, corrected=True)


def _confirmed(evidence: Evidence | None) -> Evidence:
    """The evidence of a speaker the reader confirmed: what was found, and sure."""
    if evidence is None:
        return CONFIRMED
    return dataclasses.replace(evidence, path=SpeakerPath.CONFIRMED, confidence=1.0)


def _speaker_for(
    q: Quote,
    key: str | None,
    name: str | None,
    names: dict[str, str],
    by_key: dict[str, tuple[list[int], list[Mention]]],
) -> Speaker | None:
    """The new speaker at the entity's mention nearest before the quote (else its first);
    an entity with no mention in the article gets an empty span at the quote's start."""
    if key is None and name is None:
        return None
    starts, mentions = by_key.get(key, ([], [])) if key is not None else ([], [])
    if not mentions:
        return Speaker(q.start, q.start, "", name or key or "", key)
    index = bisect.bisect_right(starts, q.start) - 1
    local = mentions[max(index, 0)]
    return Speaker(local.start, local.end, local.text, name or names[key], key)
