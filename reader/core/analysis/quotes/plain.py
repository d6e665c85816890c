"""Plain data for the rest of the app: Quotes whose speakers carry entity keys."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from spacy.tokens import Doc, Span

from reader.core.analysis.quotes.component import SPANS_KEY
from reader.core.analysis.quotes.described import RoleHolders
from reader.core.analysis.quotes.evidence import FoundEvidence, confidence
from reader.core.model import (
    Cue,
    Evidence,
    Kind,
    Mention,
    Passage,
    Quote,
    Role,
    Speaker,
    SpeakerPath,
)

FRAGMENT_JOINER = " … "
_NAMING_PATHS = (SpeakerPath.NAMED, SpeakerPath.COLON)
_CONFIDENCE_DIGITS = 3  # as the JSON shows it: steps of a thousandth are all a reader needs
_SPEAKER_KINDS = (Kind.PERSON, Kind.ORG)


class _MentionIndex:
    """The person and organization mentions by start offset, to find the one holding a
    character offset with a bisect instead of a scan of all mentions."""

    def __init__(self, mentions: tuple[Mention, ...]) -> None:
        self._mentions = sorted(
            (m for m in mentions if m.kind in _SPEAKER_KINDS), key=lambda m: (m.start, -m.end)
        )
        self._starts = [m.start for m in self._mentions]
        self._by_surname: dict[str, Mention] = {}
        for mention in self._mentions:
            if mention.kind is Kind.PERSON:
                surname = mention.name.split()[-1].casefold() if mention.name.split() else ""
                self._by_surname.setdefault(surname, mention)

    def person_named(self, surname: str) -> Mention | None:
        """The first person mention whose name ends with `surname` (any case), or None."""
        return self._by_surname.get(surname.casefold())

    def holding(self, offset: int) -> Mention | None:
        """The mention whose characters include `offset` (the widest, when several start
        at the same place), or None."""
        index = bisect.bisect_right(self._starts, offset) - 1
        while index >= 0:
            mention = self._mentions[index]
            if offset < mention.end:
                return mention
            if index == 0 or self._starts[index - 1] != mention.start:
                return None
            index -= 1
        return None


def quotes_from_doc(doc: Doc, mentions: tuple[Mention, ...]) -> tuple[Quote, ...]:
    """Turn the component's spans into plain Quotes whose speakers carry entity keys.

    Offsets are characters into `doc.text`; `mentions` are the article's entity mentions,
    whose keys the speakers take.
    """
    text = doc.text
    index = _MentionIndex(mentions)
    roles = RoleHolders(doc, mentions)
    quotes = []
    for span in doc.spans.get(SPANS_KEY, []):
        fragments = tuple(tuple(f) for f in span._.quote_fragments or ())
        if not fragments:
            continue
        local, ref = span._.quote_speaker, span._.quote_speaker_ref
        entity = _entity_named_by(ref if ref is not None else local, index) if local else None
        holder = None
        if entity is None and ref is None and local is not None:
            holder = roles.holder(local)  # "the mayor": the one person the article makes mayor
            entity = holder
        speaker = _plain_speaker(local, ref, entity, span._.quote_speaker_person)
        cue = span._.quote_cue
        quotes.append(
            Quote(
                start=fragments[0][0],
                end=fragments[-1][1],
                text=FRAGMENT_JOINER.join(text[s:e] for s, e in fragments),
                fragments=fragments,
                speaker=speaker,
                cue=Cue(cue.start_char, cue.end_char, cue.text) if cue is not None else None,
                evidence=_plain_evidence(span._.quote_evidence, entity, holder),
            )
        )
    return tuple(quotes)


def _plain_evidence(
    found: FoundEvidence | None, entity: Mention | None, holder: Mention | None = None
) -> Evidence:
    """The evidence with character offsets and its confidence; a speaker named next to its
    cue that is an organization of the article (the entity step settles the kind) speaks as
    one; a description resolved through a role (`holder`, the mention stating it) has that
    name and role as its antecedent. With no parse to find a speaker by: no speaker, and no
    confidence."""
    if found is None:
        return Evidence(SpeakerPath.NONE, 0.0)
    if entity is not None and entity.kind is Kind.ORG and found.path in _NAMING_PATHS:
        found = replace(found, path=SpeakerPath.ORGANIZATION)
    antecedent = _passage(found.antecedent)
    if holder is not None and holder.role is not None:
        antecedent = _role_passage(holder, holder.role)
    sure = confidence(found, keyed=entity is not None, through_role=holder is not None)
    return Evidence(
        path=found.path,
        confidence=round(sure, _CONFIDENCE_DIGITS),
        antecedent=antecedent,
        relay=_passage(found.relay),
    )


def _role_passage(mention: Mention, role: Role) -> Passage:
    """The name and its role as one stretch ("Mayor Ana Ruiz", "Ana Ruiz, the mayor"), or the
    role alone when something stands between them (more than a comma and spaces)."""
    start, end = min(mention.start, role.start), max(mention.end, role.end)
    if role.end <= mention.start:
        text = role.text + " " * (mention.start - role.end) + mention.text
    elif mention.end <= role.start:
        text = mention.text + ", " * (role.start - mention.end > 1) + role.text
    else:
        return Passage(role.start, role.end, role.text)
    if len(text) != end - start:
        return Passage(role.start, role.end, role.text)
    return Passage(start, end, text)


def _passage(span: Span | None) -> Passage | None:
    return Passage(span.start_char, span.end_char, span.text) if span is not None else None


def _plain_speaker(
    speaker: Span | None, ref: Span | None, entity: Mention | None, person: Span | None
) -> Speaker | None:
    """The local mention, named after the entity it (or the name it refers to) belongs to;
    a speaking person the entity tagger missed (`person`, their full name) is keyed as the
    entity step keys people ("person:ana-sobral"), so counts of who is quoted name them."""
    if speaker is None:
        return None
    named = ref if ref is not None else speaker
    if entity is not None:
        name, key = entity.name, entity.key
    elif person is not None:
        name, key = person.text, f"person:{_slug(person.text)}"
    else:
        name, key = named.text, None
    return Speaker(speaker.start_char, speaker.end_char, speaker.text, name, key)


def _slug(text: str) -> str:
    """A name as entity keys spell it (`entities.candidates.slug`)."""
    return re.sub(r"[^\w]+", "-", text.casefold()).strip("-")


def _entity_named_by(span: Span, index: _MentionIndex) -> Mention | None:
    """The person or organization a speaker phrase names: the one its head word belongs to,
    or one apposed or compounded to the head ("spokeswoman Jessica Ditto"), but not one it
    merely mentions ("Gary Johnson's doctor" is not Gary Johnson). A capitalized proper noun
    that no mention covers (a signature the tagger missed) is the person with that surname."""
    root = span.root
    words = [root, *(c for c in root.children if c.dep_ in ("compound", "appos", "flat"))]
    for word in words:
        mention = index.holding(word.idx)
        if mention is not None:
            return mention
    if root.pos_ == "PROPN" and root.is_title:
        return index.person_named(root.text)  # a name the entity tagger missed here only
    return None
