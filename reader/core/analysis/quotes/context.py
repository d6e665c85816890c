"""What every stage shares: the quoted fragments of one parsed Doc, and token helpers.

Offsets are characters into `doc.text`; token indices are into the Doc.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from spacy.tokens import Doc, Span, Token

from reader.core.analysis.quotes.marks import DOUBLE_MARKS, is_caption

_LINE_BREAK = re.compile("\n")
# Photo captions passed over between a quoted paragraph and the sentence before it, and
# the longest caption line in characters, so the search stays local on text without line
# breaks (22e7cf0; 34bafe4). Chosen by hand on the captions of the 2016 web pages.
_CAPTIONS_PASSED = 3
_LONGEST_CAPTION = 300
SUBJECTS = ("nsubj", "nsubjpass")
SENTENCE_END = frozenset({".", "?", "!"})
PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her"})
SPEAKER_ENTITY_TYPES = frozenset({"PERSON", "ORG", "NORP", "GPE"})


class Way(StrEnum):
    """How a fragment's or quote's cue or speaker was found, by the stage that found it."""

    RIGHT_BEFORE = "right_before"  # a cue right before the opening mark (`attribution`)
    GOVERNING = "governing"  # a cue above the quote in the parse
    ACCORDING = "according"  # an "according to" over the quote's clause
    AFTER = "after"  # a cue right after the closing mark
    BEFORE = "before"  # the nearest cue before the quote in its sentence
    SIGNATURE = "signature"  # a dash and a name after the quote (`layouts`)
    LABEL = "label"  # a label and a colon before it
    CARRIED = "carried"  # no cue: the speaker of the quote or sentence before (`grouping`)
    CLAUSE = "clause"  # the subject of the clause a partial quote sits in
    HEADLINE = "headline"  # a headline quote repeating a body quote
    NO_SOURCE = "no_source"  # a cue whose subject speaks not (`no_source`): no speaker
    NONE = "none"  # nothing found


@dataclass
class Fragment:
    """One quoted stretch (characters `start`..`end`, marks excluded) with what attributes it."""

    start: int
    end: int
    tokens: Span
    run: int
    paragraph: int
    starts_paragraph: bool
    ends_with_full_stop: bool
    cue: Span | None = None
    speaker: Span | None = None
    local_cue: Token | None = None  # the nearest cue, which tells the parts of a quote apart
    way: Way = Way.NONE  # how its cue or speaker was found
    relay: Span | None = None  # who passed the words on ("according to the Tribune")


@dataclass
class Group:
    """The fragments of one quote, with its cue and local speaker, and how they were found
    (`way`, `relay`: as on a Fragment)."""

    fragments: list[Fragment]
    cue: Span | None
    speaker: Span | None
    local_cue: Token | None = None
    way: Way = Way.NONE
    relay: Span | None = None


class QuotedDoc:
    """A parsed Doc whose quoted tokens are known, with lookups that never scan the Doc."""

    def __init__(self, doc: Doc, text: str, fragments: list[Fragment]) -> None:
        self.doc = doc
        self.text = text
        self.quoted = [False] * len(doc)
        for fragment in fragments:
            for token in fragment.tokens:
                self.quoted[token.i] = True
        self._line_breaks = [m.start() for m in _LINE_BREAK.finditer(text)]

    def paragraph_break(self, first: Token, second: Token) -> bool:
        """Whether a line break stands between the two tokens (a bisect, not a scan)."""
        low, high = sorted((first.idx, second.idx))
        index = bisect.bisect_left(self._line_breaks, low)
        return index < len(self._line_breaks) and self._line_breaks[index] < high

    def quote_roots(self, fragment: Fragment) -> list[Token]:
        """The fragment's tokens whose heads lie outside it: where the parse hangs the quote
        from the words around it."""
        tokens = fragment.tokens
        return [t for t in tokens if not tokens.start <= t.head.i < tokens.end or t.head.i == t.i]

    def ancestors_in_paragraph(self, token: Token) -> Iterator[Token]:
        for head in token.ancestors:
            if self.paragraph_break(head, token):
                return
            yield head

    def word_before(self, fragment: Fragment) -> int:
        """The index of the last token before the fragment's opening mark, or -1."""
        index = fragment.tokens.start - 1
        while index >= 0 and (is_mark(self.doc[index]) or self.doc[index].is_space):
            index -= 1
        return index

    def _word_before_offset(self, offset: int) -> int:
        """The index of the last word token ending before character `offset`, or -1."""
        span = self.doc.char_span(0, offset, alignment_mode="contract") if offset > 0 else None
        index = span.end - 1 if span is not None and len(span) else -1
        while index >= 0 and (is_mark(self.doc[index]) or self.doc[index].is_space):
            index -= 1
        return index

    def starts_sentence(self, fragment: Fragment) -> bool:
        """Whether the fragment opens a paragraph or a sentence, rather than sitting inside one."""
        if fragment.starts_paragraph:
            return True
        index = self.word_before(fragment)
        return index < 0 or self.doc[index].text in SENTENCE_END

    def sentence_before(self, fragment: Fragment) -> Span | None:
        """The words of the sentence before the fragment's opening mark, photo captions passed
        over."""
        index = self.word_before(fragment)
        for _ in range(_CAPTIONS_PASSED):
            if index < 0:
                return None
            token = self.doc[index]
            line_start = self.text.rfind("\n", max(0, token.idx - _LONGEST_CAPTION), token.idx)
            line_end = self.text.find("\n", token.idx, token.idx + _LONGEST_CAPTION)
            if line_start < 0 or line_end < 0:
                break  # a line this long is no caption (and the search stays local)
            line_start += 1
            if not is_caption(self.text[line_start:line_end]):
                break
            index = self._word_before_offset(line_start)
        if index < 0:
            return None
        sentence = self.doc[index].sent
        return self.doc[sentence.start : index + 1]


def expanded_name(token: Token) -> Span:
    """The whole name a token belongs to: its entity, else the token with its compounds. An
    entity of a kind that never speaks run over a clause (`Vance accused Holt of being a`,
    which the model reads as a title after a quote) is no name: the token with its
    compounds then too (a person or group with a verb in its name, `Black Lives Matter`,
    stays whole)."""
    doc = token.doc
    if token.ent_iob_ != "O":
        start = token.i
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        end = token.i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        name = doc[start:end]
        if token.ent_type_ in SPEAKER_ENTITY_TYPES or not any(
            word.pos_ in ("VERB", "AUX") for word in name
        ):
            return name
    return _with_compounds(token)


def _with_compounds(token: Token) -> Span:
    start = token.i
    for child in reversed(list(token.lefts)):
        if child.dep_ in ("compound", "flat") and child.i == start - 1:
            start = child.i
    return token.doc[start : token.i + 1]


def spelled_name(token: Token) -> Span:
    """The name a token ends as the text spells it: `expanded_name`, or the token with its
    compounds when the tagger cut those off ("Marta" and "Figueiredo" tagged apart)."""
    name = expanded_name(token)
    compounded = _with_compounds(token)
    return compounded if compounded.start < name.start and name.end == token.i + 1 else name


def is_subject(token: Token) -> bool:
    return token.dep_ in SUBJECTS


def is_mark(token: Token) -> bool:
    """A token made only of quotation marks, double or single, or straight apostrophes."""
    return all(c in DOUBLE_MARKS or c in "'‘’" for c in token.text)
