"""Bytes whose encoding changes midway (issue 26): the first half UTF-8, the second UTF-16.

Whichever encoding a decoder chooses for such a file, the other part becomes mojibake, and no
error says so (UTF-8 read as UTF-16 is valid CJK; UTF-16 read as UTF-8 is valid letters between
NULs). decoding.decode_text asks here first and refuses the file, saying where it changes.
"""

from __future__ import annotations

import re
from pathlib import Path

from reader.core.errors import ArticleError

__all__ = ["refuse_encoding_change"]

_WINDOW = 4096
_MIN_WINDOW = 64  # a shorter tail says too little
_BYTE_CONTROLS = re.compile(rb"[\x01-\x08\x0b\x0c\x0e-\x1f]")
_ONE_BYTE = "a one-byte encoding (UTF-8 or a code page)"


def refuse_encoding_change(data: bytes, path: Path) -> None:
    """ArticleError when the bytes change midway between one-byte text and UTF-16.

    Each 4 KB window (at even offsets) is one-byte text
    when it has no NUL and almost no other control (UTF-16 of any alphabet has a NUL in every
    space, and CJK units put a control byte in one low byte of eight), and UTF-16 when most
    NULs fall on one side of the two-byte units (as decoding tells a whole file in UTF-16).
    """
    kinds: dict[str, int] = {}
    for start in range(0, len(data), _WINDOW):
        window = data[start : start + _WINDOW]
        if len(window) < _MIN_WINDOW:
            break
        kind = _window_kind(window)
        if kind is not None:
            kinds.setdefault(kind, start)
        if len(kinds) == 2:
            first, second = sorted(kinds, key=kinds.__getitem__)
            raise ArticleError(
                f"{path.name} changes encoding midway: it starts in {first} and is in {second} "
                f"from about byte {kinds[second]:,}; save it in one encoding and open it again."
            )


def _window_kind(window: bytes) -> str | None:
    """Which kind of encoding a window of bytes is in: _ONE_BYTE, "UTF-16" or None (unclear)."""
    nuls = window.count(0)
    if not nuls:
        controls = len(_BYTE_CONTROLS.findall(window))
        return _ONE_BYTE if controls * 100 <= len(window) else None
    even_nuls, odd_nuls = window[0::2].count(0), window[1::2].count(0)
    units = len(window) // 2
    few, many = sorted((even_nuls, odd_nuls))
    return "UTF-16" if many > units // 20 and few * 10 < many else None
