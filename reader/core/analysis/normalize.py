"""The text the analysis sees: the article's text with what only changes its look seen through.

An article's text is shown as it is; spaCy reads a cleaned copy, and every offset found in the
copy is mapped back into the article's text. What the copy changes:

- a hard wrap (a line break inside a block, with the spaces around it) becomes one space, so a
  name or quote broken across a line end is read whole; a line break between blocks stays a
  line break (paragraph structure is the loaders' decision, recorded in `Article.blocks`);
- a soft hyphen, zero-width space, zero-width (non-)joiner, word joiner, byte-order mark or
  bidirectional mark/embedding inside the text is removed ("Port\\u00adugal" reads "Portugal");
  a soft hyphen followed by a hard wrap removes both (the word continues on the next line);
- no-break and other fixed-width spaces become a plain space;
- the modifier-letter apostrophe (U+02BC), a prime, an acute accent or a backtick standing
  between letters, and the fullwidth apostrophe, become "'"; the hyphen, non-breaking hyphen and
  figure dash become "-"; the fullwidth quotation mark becomes '"'.

Replacements keep the length, deletions shorten the copy; `AnalysisText.to_article` maps
offsets back in O(log k) each (k = number of deletion runs), built in one pass over the text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.text.article import Block

# Characters that only change how text looks or breaks, never what it says.
_INVISIBLE = (
    "\u00ad\u200b\u200c\u200d\u2060\ufeff"  # soft hyphen, zero-widths, word joiner, BOM
    "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"  # bidi controls
)
_SPACES = (
    "\u00a0\u2007\u202f\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u205f\u3000"
)
_APOSTROPHE_LIKE = "\u02bc\u2032\u00b4`\u02b9\u02bb\u02bd"  # only between letters
_ALWAYS = {
    **dict.fromkeys(_SPACES, " "),
    "\uff07": "'",
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\uff02": '"',
}
# One scan finds everything the copy changes: a hard-wrap candidate (spaces, a line break,
# spaces; with a soft hyphen before it), an invisible character, a character replaced always,
# an apostrophe-like mark.
_CHANGE = re.compile(
    "(?P<wrap>\u00ad?[ \t]*\n[ \t]*)"
    f"|(?P<invisible>[{_INVISIBLE}]+)"
    f"|(?P<always>[{''.join(_ALWAYS)}])"
    f"|(?P<apostrophe>(?<=\\w)[{_APOSTROPHE_LIKE}](?=\\w))"
)


@dataclass(frozen=True, slots=True)
class AnalysisText:
    """The cleaned copy of an article's text and the way back to the article's offsets.

    `text` is what spaCy reads. `_starts[i]` is an offset into `text` from which on the copy
    lags the article by `_shifts[i]` characters (both ascending; `_starts[0] == 0`).
    """

    text: str
    _starts: tuple[int, ...] = (0,)
    _shifts: tuple[int, ...] = (0,)

    def to_article(self, offset: int) -> int:
        """The article offset of the character at `offset` in `text` (for a span's start).

        `offset == len(text)` maps to the article's length. Characters removed from the copy
        are skipped: a start lands on the first kept character.
        """
        index = bisect.bisect_right(self._starts, offset) - 1
        return offset + self._shifts[index]

    def to_article_end(self, offset: int) -> int:
        """The article offset just after the character before `offset` (for a span's end).

        A span never takes in characters that were removed after its last character.
        """
        return self.to_article(offset - 1) + 1 if offset > 0 else 0

    def span_to_article(self, start: int, end: int) -> tuple[int, int]:
        """A [start, end) span of `text` as a span of the article's text."""
        return self.to_article(start), max(self.to_article(start), self.to_article_end(end))

    @property
    def is_identity(self) -> bool:
        """Whether every offset is the same in both texts (no character was removed)."""
        return self._shifts[-1] == 0


def analysis_text(text: str, blocks: Sequence[Block] | None = None) -> AnalysisText:
    """The copy of `text` the analysis reads; one pass over the text.

    `blocks` (an Article's, in text order, not overlapping) say where paragraphs are: a line
    break inside a block is a hard wrap and becomes a space; a line break outside blocks is a
    paragraph break and stays. Without blocks, a single line break between two lines of text
    is a hard wrap when the text separates its paragraphs by blank lines; otherwise every line
    break is kept.
    """
    inside = _block_test(text, blocks)
    pieces: list[str] = []
    starts: list[int] = [0]
    shifts: list[int] = [0]
    copied_to = 0  # article offset up to which the text is copied
    removed = 0
    for match in _CHANGE.finditer(text):
        kind = match.lastgroup
        start, end = match.span()
        if kind == "wrap":
            replacement = _wrap(match.group(), inside(start, end))
            if replacement is None:  # a paragraph break stays; a soft hyphen before it goes
                if not match.group().startswith("\u00ad"):
                    continue
                end, replacement = start + 1, ""
        elif kind == "invisible":
            replacement = ""
        elif kind == "always":
            replacement = _ALWAYS[match.group()]
        else:
            replacement = "'"
        pieces.append(text[copied_to:start])
        pieces.append(replacement)
        copied_to = end
        dropped = (end - start) - len(replacement)
        if dropped:
            removed += dropped
            starts.append(start + len(replacement) - removed + dropped)
            shifts.append(removed)
    if copied_to == 0:
        return AnalysisText(text)
    pieces.append(text[copied_to:])
    return AnalysisText("".join(pieces), tuple(starts), tuple(shifts))


def _wrap(run: str, is_wrap: bool) -> str | None:
    """What a line-break run becomes: a space (a hard wrap), nothing (a hard wrap after a soft
    hyphen: the word goes on), or None (a paragraph break)."""
    if not is_wrap:
        return None
    return "" if run.startswith("\u00ad") else " "


def _block_test(text: str, blocks: Sequence[Block] | None):
    """A test (start, end) -> whether a line-break run lies inside one paragraph."""
    if blocks:
        ends = [block.end for block in blocks]
        block_starts = [block.start for block in blocks]

        def inside_block(start: int, end: int) -> bool:
            index = bisect.bisect_right(block_starts, start) - 1
            return index >= 0 and end <= ends[index]

        return inside_block
    paragraphs_by_blank_lines = re.search(r"\n[ \t]*\n", text) is not None

    def single_break(start: int, end: int) -> bool:
        return (
            paragraphs_by_blank_lines
            and start > 0
            and end < len(text)
            and text[start - 1] != "\n"
            and text[end] != "\n"
        )

    return single_break
