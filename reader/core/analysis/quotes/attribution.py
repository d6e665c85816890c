"""Attribution: the cue of each quoted fragment, and through it the fragment's speaker.

The searches, in the order they are tried (`CUE_SEARCHES`): a cue right before the opening
mark; else the cues above the quote in the parse; else an "according to" over its clause; else a
cue right after the closing mark; else the nearest cue before it in its sentence. A fragment
with no cue may still be signed (see `layouts`). General news prose: the order was tuned on
quotes-dev (PolNeAR articles of 2016 US outlets), each search's commit giving its figure.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from reader.core.analysis.quotes.coining import coiner_by, coins
from reader.core.analysis.quotes.context import SENTENCE_END, Fragment, QuotedDoc, Way, is_mark
from reader.core.analysis.quotes.cues import calls_on, cue_span, is_cue
from reader.core.analysis.quotes.layouts import label_before, signature
from reader.core.analysis.quotes.no_source import names_no_speaker
from reader.core.analysis.quotes.relays import relay_of
from reader.core.analysis.quotes.speakers import (
    noun_after,
    original_source,
    speaker_of,
    speaker_span,
    subject_of,
)

# Clauses that, given a subject of their own, report nothing of the clause above them.
_SEPARATE_CLAUSES = ("conj",)
# Clauses that report what the verb above them says: `said (that) X expected that …`.
_COMPLEMENT_LINKS = ("ccomp", "xcomp")
# Tokens searched after a closing mark and before an opening one for a cue: a sentence's
# reach in news prose, chosen by hand on quotes-dev (79ee8ed, the first finder).
_ATTRIBUTION_WINDOW = 30
# Between a cue and the mark after it: its object (`asking her`, `told reporters on Monday`).
_OBJECT_PARTS = frozenset({"dobj", "dative", "pobj", "prep", "npadvmod"})
_OBJECT_WORDS = frozenset({"NOUN", "PROPN", "PRON", "NUM", "ADP", "DET"})
# Tokens from the cue to the word before the mark: `told reporters on Monday:` (4dfb9aa).
_LONGEST_OBJECT = 4
# A search for the cue of a fragment: the nearest cue and the one that attributes it, or None.
CueSearch = Callable[[QuotedDoc, Fragment], tuple[Token, Token] | None]


def attribute(qdoc: QuotedDoc, fragment: Fragment) -> None:
    """Set the fragment's own cue and speaker, if it has any, and the way they were found:
    the cue of the first search of `CUE_SEARCHES` that finds one, else a signature or a
    label; with the relay that passed the words on, if any (`relays`)."""
    way, nearest, cue = next(
        (
            (way, *found)
            for way, search in CUE_SEARCHES
            if (found := search(qdoc, fragment)) is not None
        ),
        (Way.NONE, None, None),
    )
    if cue is None:
        for way, layout in ((Way.SIGNATURE, signature), (Way.LABEL, label_before)):
            fragment.speaker = layout(qdoc, fragment)
            if fragment.speaker is not None:
                fragment.way = way
                return
        return
    fragment.way = way
    fragment.local_cue = nearest
    fragment.cue = cue_span(cue)
    speaker = coiner_by(qdoc, fragment, cue) or speaker_of(qdoc, cue)  # `labelled “…” by X`
    if speaker is None and cue.i >= fragment.tokens.end:
        speaker = name_between(qdoc, fragment.tokens.end, cue.i) or noun_after(cue)
    answer = qdoc.word_before(fragment) == cue.i  # `said “yes”`: the words are its object
    if speaker is not None and names_no_speaker(speaker, answer=answer):
        fragment.way = Way.NO_SOURCE
        return
    if speaker is not None and not qdoc.quoted[speaker.i]:
        source = original_source(qdoc, cue, speaker)
        fragment.speaker = speaker_span(qdoc, source)
        fragment.relay = relay_of(qdoc, cue, speaker, source)


def _right_before(qdoc: QuotedDoc, fragment: Fragment) -> tuple[Token, Token] | None:
    """A cue right before the opening mark, unless a cue right after the closing one has a
    speaker of its own (`signed_after`)."""
    cue = cue_right_before(qdoc, fragment)
    if cue is None:
        return None
    signed = signed_after(qdoc, fragment)
    if signed is not None:
        return signed, signed
    if coins(qdoc, fragment, cue):
        return cue, cue  # `what Clinton called “…”`: the phrase is its coiner's (`coining`)
    if qdoc.word_before(fragment) == cue.i:  # no comma or colon: the words are its object
        return cue, reporting_cue(qdoc, cue) or cue
    return cue, cue


def reporting_cue(qdoc: QuotedDoc, cue: Token) -> Token | None:
    """`Vance said he expected that voters will say “enough”`: the outermost speech verb
    whose complement clauses, walked up the parse, hold `cue` (which only takes the quoted
    words as its object); its subject reports them, never the subject of a clause inside."""
    outer, word = None, cue
    while (
        word.dep_ in _COMPLEMENT_LINKS
        and not qdoc.quoted[word.head.i]
        and not qdoc.paragraph_break(word, word.head)
    ):
        word = word.head
        if is_cue(word) and not calls_on(word):
            outer = word
    return outer


def _as_pair(search: Callable[[QuotedDoc, Fragment], Token | None]) -> CueSearch:
    """A search for one cue, as a search for (nearest, outermost) cues that are the same."""

    def search_pair(qdoc: QuotedDoc, fragment: Fragment) -> tuple[Token, Token] | None:
        cue = search(qdoc, fragment)
        return None if cue is None else (cue, cue)

    return search_pair


def signed_after(qdoc: QuotedDoc, fragment: Fragment) -> Token | None:
    """`Sen. Voss scolded him: “…,” she said.`: a cue right after the closing mark with its
    own speaker attributes these words, even after a cue that introduced them; it is the
    mention next to the words; but not a cue that introduces a quote of its own (`she
    replied:`)."""
    cue = cue_after(qdoc, fragment)
    if cue is None:
        return None
    speaker = speaker_of(qdoc, cue)
    if speaker is None or speaker.i < fragment.tokens.end:
        return None
    following = max(cue.i, speaker.i) + 1
    if following < len(qdoc.doc) and qdoc.doc[following].text == ":":
        return None
    return cue


def name_between(qdoc: QuotedDoc, start: int, end: int) -> Token | None:
    """A name between a quote and its cue, for `“…,” Tulsa police Chief Jordan said`,
    which the parser may leave without a subject."""
    names = [t for t in qdoc.doc[start:end] if t.ent_type_ in ("PERSON", "ORG")]
    if not names:
        return None
    people = [t for t in names if t.ent_type_ == "PERSON"]
    return (people or names)[-1]


def cue_right_before(qdoc: QuotedDoc, fragment: Fragment) -> Token | None:
    """`saying, “…”`, `said: “…”`, `asking her, “…”`, `told reporters on Monday: “…”`: a cue
    just before the opening mark, past its short object, wins over the parse, which may hang
    the quote from a verb further away. Before a colon, any verb that takes the quote as its
    clause of content is one (`Marjorie disagreed: “…”`)."""
    index = fragment.tokens.start - 1
    introduced = colon = False  # a comma or colon stands before the mark
    while index >= 0 and (is_mark(qdoc.doc[index]) or qdoc.doc[index].text in (",", ":")):
        introduced = introduced or qdoc.doc[index].text in (",", ":")
        colon = colon or qdoc.doc[index].text == ":"
        index -= 1
    if index < 0 or qdoc.quoted[index]:
        return None
    word = qdoc.doc[index]
    if is_cue(word) or (colon and _introduces(qdoc, fragment, word)):
        return word
    while (
        introduced
        and word.dep_ in _OBJECT_PARTS
        and word.pos_ in _OBJECT_WORDS
        and 0 < word.i - word.head.i <= _LONGEST_OBJECT
        and not qdoc.quoted[word.head.i]
    ):
        word = word.head
        if word.pos_ == "VERB" and is_cue(word):
            return word  # a verb's object: not "called Obama's remarks on Saturday “…”"
    return None


def _introduces(qdoc: QuotedDoc, fragment: Fragment, verb: Token) -> bool:
    """`His wife, Marjorie, disagreed: “…”`: any verb with a subject of its own that a colon
    joins to the quote, which the parse makes its clause of content, reports the words."""
    return (
        verb.pos_ == "VERB"
        and subject_of(qdoc, verb, passive=True) is not None
        and any(r.head == verb and r.dep_ == "ccomp" for r in qdoc.quote_roots(fragment))
    )


def governing_cues(qdoc: QuotedDoc, fragment: Fragment) -> tuple[Token, Token] | None:
    """The nearest and the outermost speech verb (or noun) above the quote in the parse:
    `said that “…”`; `Holm said the ad “…” suggests …` (Holm's, as the outer cue says).
    The climb stops at a coordinated clause with a subject of its own: in `Ortiz said …,
    but her deputy said that “…”` the quote is the deputy's.

    A quote that ends its sentence with a full stop is not attributed by a verb after it:
    that verb belongs to the next sentence, which the parser sometimes runs into this one.
    """
    for root in qdoc.quote_roots(fragment):
        cues = []
        for head in qdoc.ancestors_in_paragraph(root):
            if (
                not qdoc.quoted[head.i]
                and not (fragment.ends_with_full_stop and head.i >= fragment.tokens.end)
                and is_cue(head)
            ):
                cues.append(head)
            if head.dep_ in _SEPARATE_CLAUSES and subject_of(qdoc, head, passive=True):
                break
        if cues and coins(qdoc, fragment, cues[0]):
            return cues[0], cues[0]  # `Obama mocked what Clinton called “…”` (`coining`)
        if cues:
            outer = [c for c in cues[1:] if not calls_on(c)] or cues[:1]
            return cues[0], outer[-1]
    return None


def according_above(qdoc: QuotedDoc, fragment: Fragment) -> Token | None:
    """`According to the complaint, the developers ran a “fraudulent scheme”`: an
    "according to" that modifies a clause the quote sits in attributes the quote."""
    for root in qdoc.quote_roots(fragment):
        for head in qdoc.ancestors_in_paragraph(root):
            if qdoc.quoted[head.i]:
                continue
            for child in head.children:
                if child.lower_ == "according" and not qdoc.quoted[child.i]:
                    return child
    return None


def cue_after(qdoc: QuotedDoc, fragment: Fragment) -> Token | None:
    """`“…,” Smith said`: a cue right after the closing mark, past nothing but the speaker.

    Another verb or a conjunction on the way means the words after the quote are a clause
    of their own (`“…,” while 73 percent said`), not its attribution; but an "as" right
    after the quote introduces one (`“…,” as a memo put it`).
    """
    if fragment.ends_with_full_stop:
        return None
    end = fragment.tokens.end
    words = 0
    for token in qdoc.doc[end : end + _ATTRIBUTION_WINDOW]:
        if qdoc.quoted[token.i] or "\n" in token.text or token.text in SENTENCE_END:
            return None
        if is_cue(token):
            return token
        first_as = words == 0 and token.lower_ == "as"
        if token.ent_iob_ == "O" and token.pos_ in ("VERB", "CCONJ", "SCONJ") and not first_as:
            return None
        words += not token.is_punct
    return None


def cue_before(qdoc: QuotedDoc, fragment: Fragment) -> Token | None:
    """`Smith said: “…”` or `Smith told Jones that “…”`: the nearest cue before the quote.

    The search stops at the previous quote or sentence end, but a colon reaches back over
    a paragraph break to the sentence it ends (`He said:` above a quoted paragraph).
    """
    doc = qdoc.doc
    index = qdoc.word_before(fragment)
    after_colon = index >= 0 and doc[index].text == ":"
    if index >= 0 and not after_colon and qdoc.paragraph_break(doc[index], fragment.tokens[0]):
        return None  # a headline's verb above a quoted paragraph is not its cue
    lowest = max(0, fragment.tokens.start - _ATTRIBUTION_WINDOW)
    while index >= lowest:
        token = doc[index]
        if qdoc.quoted[index] or token.text in SENTENCE_END:
            return None
        if "\n" in token.text and not after_colon:
            return None
        if is_cue(token):
            return token
        index -= 1
    return None


# Each search with the way it finds a cue, which the quote's evidence keeps.
CUE_SEARCHES: tuple[tuple[Way, CueSearch], ...] = (
    # `saying, “…”`: a cue just before the opening mark wins over the parse, which may hang
    # the quote from a verb further away (416dee4, "a cue right before the opening mark wins").
    (Way.RIGHT_BEFORE, _right_before),
    # The speech verbs above the quote in the parse, the outermost the cue (`Holm said the ad
    # “…” suggests`): before any cue by position, which may belong to another clause.
    (Way.GOVERNING, governing_cues),
    # An "according to" on a clause above (c1cb342: quotes-dev F1 0.945 -> 0.946); after the
    # verbs above, which it would otherwise override.
    (Way.ACCORDING, _as_pair(according_above)),
    # `“…,” Smith said`, then `Smith said: “…”`: by position only when the parse gave none.
    (Way.AFTER, _as_pair(cue_after)),
    (Way.BEFORE, _as_pair(cue_before)),
)
