"""Cutting a long text into chunks at paragraph boundaries, none longer than a stated bound.

A chunk ends after the whole run of whitespace at a break, so the next chunk starts at a word
and spaCy tokenizes every chunk's edges as it would the whole text (a run of blank lines stays
one whitespace token, never two).
"""

from __future__ import annotations

import re

# The bound on a chunk: a spaCy Doc of this size parses in a few seconds and a few tens of MB,
# well inside spaCy's `max_length` (1,000,000), and shows progress about every 100 KB.
MAX_CHUNK_CHARS = 100_000

# Where to cut, best first: the first kind found in the second half of the allowed stretch wins.
_BREAKS = (
    re.compile(r"\n[^\S\n]*\n\s*"),  # a blank line (a paragraph break)
    re.compile(r"\n\s*"),  # a line break
    re.compile(r"[.!?][\"'”’)\]]*\s+"),  # the end of a sentence
    re.compile(r"\s+"),  # a space between words
)


def chunk_bounds(text: str, max_chars: int = MAX_CHUNK_CHARS) -> list[tuple[int, int]]:
    """The chunks of `text` as [start, end) character offsets into it, in order, covering it
    with no gap and each at most `max_chars` long (one chunk for a short or empty text).

    Each chunk but the last ends after a paragraph break in its second half if there is one,
    else after a line break, a sentence end or a space; a stretch with none of these (one
    enormous word) is cut at `max_chars`. Linear: each character is searched at most once per
    kind of break. Raises ValueError when `max_chars` is below 2.
    """
    if max_chars < 2:
        raise ValueError(f"a chunk must allow at least 2 characters, not {max_chars}")
    bounds = []
    start, length = 0, len(text)
    while length - start > max_chars:
        end = _cut(text, start + max_chars // 2, start + max_chars)
        bounds.append((start, end))
        start = end
    bounds.append((start, length))
    return bounds


def _cut(text: str, lowest: int, limit: int) -> int:
    """The best place in [lowest, limit] to end a chunk (a break's whitespace included)."""
    for pattern in _BREAKS:
        cut = None
        for match in pattern.finditer(text, lowest, limit):
            # A match stopped by `limit` in the middle of a run of whitespace is no cut.
            if match.end() < limit or not text[limit].isspace():
                cut = match.end()
        if cut is not None:
            return cut
    return limit
