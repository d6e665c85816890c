"""Why a quote has its speaker and how sure Reader is, in words: the one line the window shows
on hover and in review, and the order in which a reader checks the doubtful quotes first.

The confidence (`Evidence.confidence`, from what the quote finder's rules can see) is told in
three words. The thresholds come from the quotes of quotes-dev (589 matched to gold quotes, 29
with the wrong speaker), where:

- `SURE`, 0.85 or more: about one speaker in fifty is wrong (7 of 351);
- likely, between: about one in thirty (4 of 125);
- `DOUBTFUL`, under 0.55: about one in six (18 of 113). These are the least confident fifth of
  the quotes and hold 62% of the wrong speakers: the ones to check first.

A speaker the reader confirmed or chose (path `confirmed`) is never doubtful again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from reader.core.model import Evidence, Quote, SpeakerPath

SURE = 0.85
DOUBTFUL = 0.55
WORD_SURE, WORD_LIKELY, WORD_DOUBTFUL = "sure", "likely", "doubtful"

CONFIDENCE_HELP = (
    f"{WORD_SURE}: confidence {SURE:.2f} or more (about one speaker in fifty wrong on the "
    f"development set); {WORD_LIKELY}: {DOUBTFUL:.2f} to {SURE:.2f} (one in thirty); "
    f"{WORD_DOUBTFUL}: under {DOUBTFUL:.2f} (one in six: check these first)"
)

# The end of a sentence or a paragraph between two places of the text.
_SENTENCE_END = re.compile(r"[.!?…]+[\"”’')\]]*\s+|\n+")

_HOW = {
    SpeakerPath.NAMED: "named beside {cue}",
    SpeakerPath.PRONOUN: "a pronoun beside {cue}",
    SpeakerPath.COLON: "named before a colon",
    SpeakerPath.CONTINUATION: "carried over from the quote or sentence before",
    SpeakerPath.ORGANIZATION: "an organization speaking, beside {cue}",
    SpeakerPath.LABEL: "named by the layout (a label or signature, no speech verb)",
    SpeakerPath.SUBJECT: "the subject of the clause the quote sits in",
    SpeakerPath.HEADLINE: "a headline, with the speaker of the quote it repeats",
    SpeakerPath.NONE: "no speaker found",
    SpeakerPath.CONFIRMED: "speaker confirmed by you",
}


def confidence_word(confidence: float) -> str:
    """ "sure", "likely" or "doubtful" (see the module for the thresholds and what they mean)."""
    if confidence >= SURE:
        return WORD_SURE
    return WORD_LIKELY if confidence >= DOUBTFUL else WORD_DOUBTFUL


def is_doubtful(quote: Quote) -> bool:
    """Whether the reader should check this quote's speaker: its confidence is under DOUBTFUL
    and no one confirmed it. A quote analysed before evidence was kept is not flagged."""
    evidence = quote.evidence
    return (
        evidence is not None
        and evidence.path is not SpeakerPath.CONFIRMED
        and evidence.confidence < DOUBTFUL
    )


def is_confirmed(quote: Quote) -> bool:
    return quote.evidence is not None and quote.evidence.path is SpeakerPath.CONFIRMED


def doubtful_quotes(quotes: Iterable[Quote]) -> tuple[Quote, ...]:
    """The doubtful quotes, in the order given (text order for an analysis's quotes)."""
    return tuple(quote for quote in quotes if is_doubtful(quote))


def review_key(quote: Quote) -> tuple[float, int]:
    """Sort key for "least sure first": confidence, then text order; confirmed quotes and
    quotes with no evidence come last."""
    evidence = quote.evidence
    if evidence is None or evidence.path is SpeakerPath.CONFIRMED:
        return (2.0, quote.start)
    return (evidence.confidence, quote.start)


def next_doubtful(quotes: Iterable[Quote], after: int | None, step: int = 1) -> Quote | None:
    """The doubtful quote after (step 1) or before (step -1) the text offset `after`, going
    round at the end; the first (or last) one when `after` is None; None when none is left.
    By offset rather than by quote, so the place survives a new analysis (a correction)."""
    doubtful = sorted(doubtful_quotes(quotes), key=lambda quote: quote.start)
    if not doubtful:
        return None
    if step > 0:
        later = [q for q in doubtful if after is None or q.start > after]
        return later[0] if later else doubtful[0]
    earlier = [q for q in doubtful if after is None or q.start < after]
    return earlier[-1] if earlier else doubtful[-1]


def sentences_between(text: str, start: int, end: int) -> int:
    """How many sentence (or paragraph) ends lie in text[start:end]."""
    return len(_SENTENCE_END.findall(text, start, end)) if end > start else 0


def _distance(text: str, evidence: Evidence, quote: Quote) -> str:
    """Where the antecedent stands from the speaker's mention: "2 sentences before"."""
    antecedent, speaker = evidence.antecedent, quote.speaker
    assert antecedent is not None
    here = speaker.start if speaker is not None and speaker.end > speaker.start else quote.start
    if antecedent.start > here:
        count, where = sentences_between(text, here, antecedent.start), "after"
    else:
        count, where = sentences_between(text, antecedent.end, here), "before"
    if count == 0:
        return "same sentence"
    return f"{count} sentence{'s' if count != 1 else ''} {where}"


def _cue(quote: Quote) -> str:
    return f"“{quote.cue.text}”" if quote.cue is not None else "the quote"


def evidence_text(quote: Quote, text: str) -> str:
    """How the speaker was found, in words, without the confidence: "he → Tillerson, 2
    sentences before"; "named beside “said”, according to the Tribune". Empty when the quote
    has no evidence (analysed before evidence was kept). `text` is the article's."""
    evidence = quote.evidence
    if evidence is None:
        return ""
    how = _HOW[evidence.path].format(cue=_cue(quote))
    antecedent = evidence.antecedent
    if antecedent is not None and evidence.path is not SpeakerPath.CONFIRMED:
        local = quote.speaker.text if quote.speaker is not None and quote.speaker.text else "?"
        pointer = f"{local} → {antecedent.text}, {_distance(text, evidence, quote)}"
        how = pointer if evidence.path is SpeakerPath.PRONOUN else f"{pointer}; {how}"
    if evidence.relay is not None:
        how += f", according to {evidence.relay.text}"
    return how


def evidence_line(quote: Quote, text: str) -> str:
    """The one line shown on hover and in review: how, then how sure ("· doubtful (0.31)")."""
    how = evidence_text(quote, text)
    evidence = quote.evidence
    if evidence is None or evidence.path is SpeakerPath.CONFIRMED:
        return how
    return f"{how} · {confidence_word(evidence.confidence)} ({evidence.confidence:.2f})"
