"""Keeping spaCy's tokenizer linear: long runs without spaces are broken up before it sees them.

The tokenizer strips prefixes and suffixes from each space-separated chunk one at a time,
copying the rest of the chunk each time, so a chunk it splits into many tokens costs the
square of its length: 8,000 "?" take seconds, 50,000 "&" minutes, emoji floods gigabytes.
Chunks of up to a few hundred characters cost no more per character than ordinary words
(measured in bench/bench_fuzz.py), so no chunk is left longer than RUN_LIMIT characters.
"""

from __future__ import annotations

import re

__all__ = ["RUN_LIMIT", "break_long_runs"]

# Longer than any word or common URL, far below where the tokenizer's cost starts to grow.
RUN_LIMIT = 100
_LONG_RUN = re.compile(rf"\S{{{RUN_LIMIT + 1},}}")


def break_long_runs(text: str) -> str:
    """`text` with a space in place of every RUN_LIMIT-th character of longer runs of non-space.

    The result has the same length, so character offsets into it are offsets into `text`;
    text without such runs is returned as it is. One pass, linear in len(text).
    """
    pieces: list[str] = []
    position = 0
    for run in _LONG_RUN.finditer(text):
        for cut in range(run.start() + RUN_LIMIT, run.end(), RUN_LIMIT):
            pieces.append(text[position:cut])
            pieces.append(" ")
            position = cut + 1
    if not pieces:
        return text
    pieces.append(text[position:])
    return "".join(pieces)
