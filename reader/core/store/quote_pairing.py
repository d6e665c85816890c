"""Whether two quotes are the same quote, and how one differs from the other (issue 24,
deliverable 1): the pure rules under `reader.core.store.quote_groups`.

A quote is compared as its words: casefolded, punctuation dropped (so a changed comma, dash
or full stop is no difference), apostrophes made one, with the places where an elision ("…",
"...", "[...]") stands inside it. Two quotes are the same quote when `difflib`'s alignment of
their words

- matches at least `MIN_WORDS` words (shorter quotes, "lock her up", recur as slogans and
  scare quotes said by many, so they are never paired), and
- leaves at most `MAX_DIFFERING` of the shorter quote's words different: words changed,
  added or dropped inside the stretch both quote, and the shorter's own words outside it.
  The longer quote's words beyond that stretch are a quote cut shorter, and words facing an
  elision are the words it stands for: neither counts.

A paraphrase changes pronouns, tenses and most of the verbs ("I will not be lectured" against
"she would not be lectured"), so more than a quarter of its words differ and it does not pair.
The figures were chosen by hand on the quotes of `../shared/data/quotes-dev` and the altered
copies of `bench/bench_coverage.py`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import StrEnum

MIN_WORDS = 4
"""Words two quotes must share, in order, to be one quote."""

MAX_DIFFERING = 0.25
"""Share of the shorter quote's words that may differ (at least one word may)."""

FRAGMENT_JOINER = " … "
"""What a quote's `text` holds between its fragments (the quote finder's joiner)."""

_WORD = re.compile(r"\w+(?:['’ʼ]\w+)*")
_ELISION = re.compile(r"…|\.\s?\.\s?\.|\[\s*…?\s*\]")


@dataclass(frozen=True, slots=True)
class QuoteWords:
    """A quote's words for comparison: `words` casefolded with one apostrophe, `spans` their
    (start, end) offsets in characters into the article's text, and `gaps` the indices of the
    words an elision stands before (len(words) when one ends the quote)."""

    words: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]
    gaps: frozenset[int] = frozenset()


def quote_words(pieces: Iterable[tuple[str, int]]) -> QuoteWords:
    """The words of a quote from its quoted stretches, in order, each as (its text, its start
    in characters into the article's text)."""
    words: list[str] = []
    spans: list[tuple[int, int]] = []
    gaps: set[int] = set()
    for piece, start in pieces:
        elisions = [match.start() for match in _ELISION.finditer(piece)]
        for match in _WORD.finditer(piece):
            while elisions and elisions[0] < match.start():
                gaps.add(len(words))
                elisions.pop(0)
            words.append(match.group().casefold().replace("’", "'").replace("ʼ", "'"))
            spans.append((start + match.start(), start + match.end()))
        if elisions:
            gaps.add(len(words))
    return QuoteWords(tuple(words), tuple(spans), frozenset(gaps))


def quote_layout(
    text: str, start: int, fragments: Sequence[tuple[int, int]]
) -> list[tuple[int, int, int]]:
    """Where a quote's stretches are: (position in the quote's `text`, start in characters
    into the article's text, length) for each, from the quote's own `text` and `start` (as
    the analysis JSON gives them: the fragments joined by `FRAGMENT_JOINER`) and its
    `fragments`, (start, end) offsets into the article's text. A text that is not so joined
    is one stretch."""
    lengths = [end - begin for begin, end in fragments]
    if not lengths or sum(lengths) + len(FRAGMENT_JOINER) * (len(lengths) - 1) != len(text):
        return [(0, start, len(text))]
    layout, position = [], 0
    for (begin, _end), length in zip(fragments, lengths, strict=True):
        layout.append((position, begin, length))
        position += length + len(FRAGMENT_JOINER)
    return layout


def quote_pieces(
    text: str, start: int, fragments: Sequence[tuple[int, int]]
) -> list[tuple[str, int]]:
    """A quote's stretches for `quote_words`: (its text, its start into the article's text),
    laid out by `quote_layout`."""
    return [(text[p : p + n], begin) for p, begin, n in quote_layout(text, start, fragments)]


def pair_keys(words: QuoteWords) -> set[tuple[str, str]]:
    """The index keys of a quote: its pairs of neighbouring words (a word changed breaks two,
    so a quote of `MIN_WORDS` words with one word changed keeps at least one)."""
    w = words.words
    return {(w[i], w[i + 1]) for i in range(len(w) - 1)}


class Change(StrEnum):
    """How a stretch of words of one quote differs from another's."""

    CHANGED = "changed"  # other words in their place: a possible misquote
    ADDED = "added"  # words the other quote does not have, inside the stretch both quote
    DROPPED = "dropped"  # the other quote's words left out, with no elision to say so
    ELIDED = "elided"  # the other's words, left out where an elision stands
    CUT = "cut"  # words beyond the stretch both quote: one quote is the longer
    SAME = "same"  # the same words


MISQUOTES = frozenset({Change.CHANGED, Change.ADDED, Change.DROPPED})


@dataclass(frozen=True, slots=True)
class Difference:
    """One stretch of an alignment: `change`, and the words [a_start, a_end) of the first
    quote against [b_start, b_end) of the second (indices into their `words`)."""

    change: Change
    a_start: int
    a_end: int
    b_start: int
    b_end: int


@dataclass(frozen=True, slots=True)
class Comparison:
    """The alignment of two quotes: words matched, words that differ by the rules above,
    and every stretch in order."""

    matched: int
    differing: int
    stretches: tuple[Difference, ...]

    @property
    def misquote(self) -> bool:
        """Whether words were changed, added or dropped (not only cut or elided)."""
        return any(d.change in MISQUOTES for d in self.stretches)


def compare(a: QuoteWords, b: QuoteWords) -> Comparison:
    """Align two quotes' words (one `difflib` matcher, no junk heuristic) and classify every
    stretch: before the first and after the last matched words, CUT; between, by `_change`."""
    opcodes = SequenceMatcher(None, a.words, b.words, autojunk=False).get_opcodes()
    equal = [number for number, opcode in enumerate(opcodes) if opcode[0] == "equal"]
    if not equal:
        return Comparison(0, min(len(a.words), len(b.words)), ())
    stretches: list[Difference] = []
    matched = differing = 0
    for number, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if number < equal[0] or number > equal[-1]:
            change = Change.CUT
        else:
            change = _change(tag, a, b, i1, i2, j1, j2)
        if change == Change.SAME:
            matched += i2 - i1
        elif change in MISQUOTES:
            differing += max(i2 - i1, j2 - j1)
        stretches.append(Difference(change, i1, i2, j1, j2))
    a_span = opcodes[equal[-1]][2] - opcodes[equal[0]][1]
    b_span = opcodes[equal[-1]][4] - opcodes[equal[0]][3]
    shorter_outside = (
        len(a.words) - a_span if len(a.words) <= len(b.words) else len(b.words) - b_span
    )
    return Comparison(matched, differing + shorter_outside, tuple(stretches))


def _change(tag: str, a: QuoteWords, b: QuoteWords, i1: int, i2: int, j1: int, j2: int) -> Change:
    if tag == "equal":
        return Change.SAME
    if tag == "insert" and i1 in a.gaps:  # b's words where a has an elision
        return Change.ELIDED
    if tag == "delete" and j1 in b.gaps:
        return Change.ELIDED
    return {"insert": Change.ADDED, "delete": Change.DROPPED}.get(tag, Change.CHANGED)


def pairing(a: QuoteWords, b: QuoteWords) -> Comparison | None:
    """The comparison of `a` and `b` when they are one quote by the rules of this module's
    docstring, else None."""
    shorter = min(len(a.words), len(b.words))
    if shorter < MIN_WORDS:
        return None
    comparison = compare(a, b)
    if comparison.matched < MIN_WORDS:
        return None
    if comparison.differing > max(1, int(MAX_DIFFERING * shorter)):
        return None
    return comparison


def same_quote(a: QuoteWords, b: QuoteWords) -> bool:
    """Whether `a` and `b` are one quote (`pairing`)."""
    return pairing(a, b) is not None
