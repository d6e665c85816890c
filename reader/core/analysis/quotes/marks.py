"""Pairing quotation marks in the raw text, and single-mark quotes in headlines.

Offsets are characters into the text given. Nothing here needs a parse.

Serves web news of any era (quotes-dev: 2016 pages of US outlets, curly and straight marks
mixed), the newswire convention for quotes over paragraphs, and British and wire copy in
single marks (7d77d2a: quotes-dev unchanged, F1 0.951, speaker accuracy 0.951).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum

DOUBLE_MARKS = '"“”„'
_OPENING_GLYPHS = "“„"
_CLOSING_GLYPHS = "”"
# Characters that may sit right outside a quote without being part of the sentence's words.
_BOUNDARY_BEFORE = set("([{—–-/\u00a0") | set(DOUBLE_MARKS) | set("‘’'")
_BOUNDARY_AFTER = set(",.;:!?)]}—–-…\u00a0") | set(DOUBLE_MARKS) | set("‘’'")
_HTML_TAG = re.compile(r"<[A-Za-z/][^<>\n]*>")
# `Conti said," he liked …`: an opening mark typed against the comma after a speech verb.
_OPENING_AFTER_VERB = re.compile(
    r"\b(?:said|says|say|added|adds|told|tells|wrote|writes|asked|asks|explained|noted|replied"
    r"|continued|insisted|argued|declared|stated),$",
    re.IGNORECASE,
)
# Characters before a mark searched for a speech verb and its comma ("continued," is ten),
# 22e7cf0.
_VERB_AND_COMMA = 12


class _Role(Enum):
    OPEN = "open"
    CLOSE = "close"
    EITHER = "either"


@dataclass
class QuotedRun:
    """Text between paired marks; several fragments when the quote runs over paragraphs.

    `fragments` are (start, end) character offsets into the text, marks and surrounding
    spaces excluded.
    """

    fragments: list[tuple[int, int]] = field(default_factory=list)
    closed: bool = True


def _mark_pattern(doubled_apostrophes: bool) -> re.Pattern[str]:
    marks = f"[{re.escape(DOUBLE_MARKS)}]"
    return re.compile(f"''|{marks}" if doubled_apostrophes else marks)


def _role(text: str, start: int, end: int) -> _Role:
    """Whether a mark opens or closes, from its surroundings first and its glyph second."""
    before = text[start - 1] if start > 0 else "\n"
    after = text[end] if end < len(text) else "\n"
    if before == "\n":
        return _Role.OPEN
    open_left = before.isspace() or before in _BOUNDARY_BEFORE
    open_right = after.isspace() or after in _BOUNDARY_AFTER
    if open_left and not open_right:
        return _Role.OPEN
    if open_right and not open_left:
        return _Role.CLOSE
    glyph = text[start:end]
    if glyph in _OPENING_GLYPHS:
        return _Role.OPEN
    if glyph in _CLOSING_GLYPHS:
        return _Role.CLOSE
    return _Role.EITHER


_CAPTION = re.compile(
    r"^\s*(?:photo|image|picture|caption|credit|photograph|pictured|video)s?\b\s*[:|/(—–-]"
    r"|\b(?:AP|Reuters|AFP|EPA|Getty)\b[^\n]{0,20}\b(?:Photo|Images|Pictures)\b",
    re.IGNORECASE,
)


def is_caption(line: str) -> bool:
    """A photo caption or credit line (`Photo: …`, `(AP Photo/…)`), which a quote can run
    past: the paragraph before it still sets the scene."""
    return _CAPTION.search(line) is not None


def _typed_against_comma(text: str, start: int, end: int) -> bool:
    """`said," he liked`: a mark after a speech verb and its comma, before a lowercase word,
    opens a quote even though it looks like a closing one (when no quote is open)."""
    return (
        text[end : end + 1] == " "
        and text[end + 1 : end + 2].islower()
        and _OPENING_AFTER_VERB.search(text, max(0, start - _VERB_AND_COMMA), start) is not None
    )


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-blank line, leading spaces left out."""
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            yield start + len(line) - len(line.lstrip()), end
        start = end + 1


def opens_paragraph(text: str, start: int) -> bool:
    """Whether only marks and spaces stand between the paragraph's start and `start`."""
    index = start - 1
    while index >= 0 and (text[index] in DOUBLE_MARKS or text[index] in "'‘ \t\u00a0"):
        index -= 1
    return index < 0 or text[index] == "\n"


class _Tags:
    """The HTML tags of a text, to tell in O(log n) whether an offset lies inside one."""

    def __init__(self, text: str) -> None:
        found = [(m.start(), m.end()) for m in _HTML_TAG.finditer(text)]
        self._starts = [start for start, _ in found]
        self._ends = [end for _, end in found]

    def __contains__(self, offset: int) -> bool:
        index = bisect.bisect_right(self._starts, offset) - 1
        return index >= 0 and offset < self._ends[index]


class _ParagraphMarks:
    """One paragraph's marks, each judged once, and where a quote open before each closes.

    `closing[t]` is the index of the mark that closes a quote which is open (and holds no
    quote of its own) when mark `t` comes, or the number of marks when none does. An opening
    mark inside the quote starts a quote in the quote, which the next mark that can close
    ends. Filled from the right in one pass, so pairing is linear in the marks.
    """

    def __init__(self, text: str, found: list[re.Match[str]]) -> None:
        self.found = found
        self.roles = [_role(text, m.start(), m.end()) for m in found]
        self.opens_after_verb = [
            role is _Role.CLOSE and _typed_against_comma(text, m.start(), m.end())
            for m, role in zip(found, self.roles, strict=True)
        ]
        count = len(found)
        self.closing = [count] * (count + 1)
        next_closer = count  # the first mark after t that is not an opening one
        for t in range(count - 1, -1, -1):
            if self.roles[t] is not _Role.OPEN:
                self.closing[t] = t
            elif next_closer < count:
                self.closing[t] = self.closing[next_closer + 1]
            if self.roles[t] is not _Role.OPEN:
                next_closer = t

    def closes_at_first(self, text: str) -> bool:
        """Whether the first mark closes a quoted sentence (`… matters.”`), with no mark
        before it in the paragraph."""
        if not self.found or self.roles[0] is not _Role.CLOSE:
            return False
        start = self.found[0].start()
        return start > 0 and text[start - 1] in ".!?,"

    def pair(self, first: int, continuing: bool) -> tuple[list[tuple[int, int]], int | None]:
        """Pair the marks from index `first` on: the quoted stretches (inside the marks), and
        the index of a mark left open at the paragraph's end. With `continuing`, the first
        mark opens whatever its look (a quote resumed from the paragraph before)."""
        pairs: list[tuple[int, int]] = []
        count = len(self.found)
        index = first
        while index < count:
            if (
                self.roles[index] is _Role.CLOSE
                and not (continuing and index == first)
                and not self.opens_after_verb[index]
            ):
                index += 1
                continue
            closer = self.closing[index + 1]
            if closer == count:
                return pairs, index
            pairs.append((self.found[index].end(), self.found[closer].start()))
            index = closer + 1
        return pairs, None


def _next_paragraph_start(text: str, lines: list[tuple[int, int]], index: int) -> int | None:
    """Where the paragraph after `lines[index]` starts, photo captions passed over."""
    for start, end in lines[index + 1 :]:
        if not is_caption(text[start:end]):
            return start
    return None


def find_quoted_runs(text: str, *, doubled_apostrophes: bool = False) -> list[QuotedRun]:
    """Pair the double quotation marks of `text`; never raises, whatever the marks.

    Marks inside HTML tags are ignored. A paragraph that ends inside a quote continues into the
    next one (photo captions passed over) when that one starts with the same mark, or when
    that one's first mark closes a quoted sentence (the opening mark of the new paragraph was
    left out). Otherwise the opening mark was most likely a stray or a block-quote marker: the
    marks after it are paired afresh, and when there are none the rest of the paragraph is kept
    as a quote flagged as not closed.
    Linear in the length of the text.
    """
    pattern = _mark_pattern(doubled_apostrophes)
    tags = _Tags(text)
    lines = list(paragraphs(text))
    paragraph_marks = [
        _ParagraphMarks(text, [m for m in pattern.finditer(text, s, e) if m.start() not in tags])
        for s, e in lines
    ]
    runs: list[QuotedRun] = []
    carried: QuotedRun | None = None
    carried_glyph = ""
    resumed: QuotedRun | None = None  # left open above, closed by this paragraph's first mark
    for index, (par_start, par_end) in enumerate(lines):
        if carried is not None and is_caption(text[par_start:par_end]):
            continue  # a photo caption inside a quote that runs on: the quote resumes after it
        marks = paragraph_marks[index]
        found = marks.found
        first = 0
        if resumed is not None:
            fragment = _trimmed(text, par_start, found[0].start())
            if fragment:
                resumed.fragments.append(fragment)
            runs.append(resumed)
            resumed, first = None, 1
        while True:
            pairs, open_index = marks.pair(first, carried is not None)
            for fragment_start, fragment_end in pairs:
                run = carried or QuotedRun()
                carried = None
                fragment = _trimmed(text, fragment_start, fragment_end)
                if fragment:
                    run.fragments.append(fragment)
                if run.fragments:
                    runs.append(run)
            if open_index is None:
                carried = None
                break
            open_mark = found[open_index]
            run = carried or QuotedRun()
            glyph = carried_glyph if carried is not None else open_mark.group()
            fragment = _trimmed(text, open_mark.end(), par_end)
            following = _next_paragraph_start(text, lines, index)
            if following is not None and text.startswith(glyph, following):
                if fragment:
                    run.fragments.append(fragment)
                carried, carried_glyph = run, glyph
                break
            carried = None
            if (
                open_index + 1 == len(found)
                and index + 1 < len(lines)
                and paragraph_marks[index + 1].closes_at_first(text)
            ):
                if fragment:
                    run.fragments.append(fragment)
                resumed = run
                break
            if run.fragments or open_index + 1 < len(found):
                if run.fragments:
                    run.closed = False
                    runs.append(run)
                first = open_index + 1
                continue
            if fragment:
                runs.append(QuotedRun([fragment], closed=False))
            break
    return runs


# --- Quotes in single marks ----------------------------------------------------------------

_SINGLE_OPENING = re.compile(r"(?:^|(?<=[\s(\[—–-]))[‘'](?=[^\W\d_])")
# A closing single mark ends spoken words: punctuation right before it, a space or punctuation
# (or the paragraph's end) right after it; "the Smiths' house" and "rock 'n' roll" do not.
_SINGLE_CLOSING = re.compile(r"(?<=[,.?!])[’'](?=$|[\s,.;:!?)\]—–-])")
# Words in single marks that make a quote: fewer is a term or a name (`the ‘yes’ camp`), 7d77d2a.
_FEWEST_WORDS_IN_SINGLE_MARKS = 3


def find_single_mark_runs(text: str, double_runs: list[QuotedRun]) -> list[QuotedRun]:
    """Quotes in single marks, as British and some wire copy print them: `‘With respect,
    that is what every agency says,’ she told Vance.`

    Read outside the quotes in double marks, `double_runs` (inside them single marks are
    quotes within quotes), neither in the text's first line (its title) nor in headings (see
    `find_headline_quotes`) nor in archive paragraphs that print '' for a double mark. A
    closing mark follows the punctuation that ends spoken words and pairs with the nearest
    opening mark before it, so apostrophes (`don't`, `the Smiths' house`, `'90s`) are never
    taken for marks. Offsets are characters into `text`; linear in its length.
    """
    inside = sorted(fragment for run in double_runs for fragment in run.fragments)
    inside_starts = [start for start, _ in inside]
    runs = []
    for start, end in paragraphs(text):
        line = text[start:end]
        if start == 0 or is_heading(line) or "''" in line or "``" in line:
            continue
        opening = None
        openings = [m.end() + start for m in _SINGLE_OPENING.finditer(line)]
        closings = [m.start() + start for m in _SINGLE_CLOSING.finditer(line)]
        next_opening = 0
        for closing in closings:
            while next_opening < len(openings) and openings[next_opening] < closing:
                opening = openings[next_opening]
                next_opening += 1
            if opening is None:
                continue
            fragment = _trimmed(text, opening, closing)
            if (
                fragment
                and len(text[fragment[0] : fragment[1]].split()) >= _FEWEST_WORDS_IN_SINGLE_MARKS
                and not _overlaps(fragment, inside, inside_starts)
            ):
                runs.append(QuotedRun([fragment]))
            opening = None
    return runs


def _overlaps(
    fragment: tuple[int, int], stretches: list[tuple[int, int]], starts: list[int]
) -> bool:
    """Whether `fragment` overlaps one of the sorted, non-overlapping `stretches`."""
    index = bisect.bisect_left(starts, fragment[1]) - 1
    return index >= 0 and stretches[index][1] > fragment[0]


def is_heading(line: str) -> bool:
    """A short line with no final full stop, or one in title case (every word of four
    letters or more capitalized), where single marks are headline quotes."""
    words = line.split()
    stripped = line.rstrip().rstrip("’'\"”")
    if len(words) <= _LONGEST_HEADLINE and not stripped.endswith((".", "?", "!", ",")):
        return True
    long_words = [w for w in (word.strip("‘’'\"(),.:;?!") for word in words) if len(w) > 3]
    return all(word[:1].isupper() for word in long_words)


# --- Quotes in headlines --------------------------------------------------------------------


# Words of a heading line, where single marks are headline quotes (2a89387).
_LONGEST_HEADLINE = 15
_HEADLINE_QUOTE = re.compile(
    r"(?:^|(?<=[\s(\[—–-]))"  # opens after a space, a bracket or a dash
    r"[‘']([^‘\n]*?\w[.!?]?)[’']"  # the first mark that can close: not the one in "We’re"
    r"(?=$|[\s.,:;!?)\]—–-])",  # closes before a space or punctuation
    re.MULTILINE,
)


def find_headline_quotes(text: str) -> list[tuple[int, int]]:
    """Stretches in single quotation marks in heading-like lines (short, no final full stop):
    `‘We have our differences’`. Elsewhere single marks are apostrophes or quotes in quotes.
    """
    found = []
    for start, end in paragraphs(text):
        line = text[start:end].rstrip()
        if (
            len(line.split()) > _LONGEST_HEADLINE
            or line.rstrip("’'").endswith((".", ":", ";", ","))
            or any(mark in line for mark in DOUBLE_MARKS)
        ):
            continue
        for match in _HEADLINE_QUOTE.finditer(text, start, start + len(line)):
            found.append((match.start(1), match.end(1)))
    return found
