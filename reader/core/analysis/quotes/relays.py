"""Relays: who passed a speaker's words on, kept as evidence beside the speaker.

`“…,” Vance said, according to the Tribune`: the words are Vance's, the Tribune relays them;
`according to a news agency, quoting state media`: state media's, relayed by the agency; `the
broadcaster quoted Yuri Sandor as saying`: Sandor's, relayed by the broadcaster. Each relay
is found at the cue that attributes the quote, from the parse, as a Span of the Doc.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from reader.core.analysis.quotes.context import QuotedDoc
from reader.core.analysis.quotes.cues import object_after_according
from reader.core.analysis.quotes.speakers import quoting_verb, speaker_span, subject_of

# How the parse hangs an attribution from the quoted clause (`“…,” Holt said, according to the
# Tribune` makes "said" a parataxis of the quote and "according" a dependent of the quote).
_ATTRIBUTION_LINKS = frozenset({"parataxis"})


def relay_of(qdoc: QuotedDoc, cue: Token, speaker: Token, source: Token) -> Span | None:
    """The relay of the words `cue` attributes: `speaker` when the words are another's
    (`source`, whom it quotes or cites); else the subject of "quoted X as saying"; else the
    object of an "according to" on the cue's own clause (or on the quoted clause the cue is
    hung from). None when nobody relays them."""
    if source.i != speaker.i:
        return speaker_span(qdoc, speaker)
    quoting = quoting_verb(cue)
    if quoting.lemma_.lower() == "quote" and speaker.dep_ == "dobj":
        relayer = subject_of(qdoc, quoting)
        return speaker_span(qdoc, relayer) if relayer is not None else None
    if cue.lower_ == "according":
        return None  # the object of "according to" is then the speaker itself
    clause = [*cue.children, *(cue.head.children if cue.dep_ in _ATTRIBUTION_LINKS else ())]
    for child in clause:
        if child.lower_ != "according" or qdoc.quoted[child.i]:
            continue
        to = next((c for c in child.children if c.lower_ == "to"), None)
        outlet = object_after_according(to) if to is not None else None
        if outlet is not None and outlet.i != speaker.i and not qdoc.quoted[outlet.i]:
            return speaker_span(qdoc, outlet)
    return None
