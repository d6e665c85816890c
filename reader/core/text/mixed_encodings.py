"""Bytes whose encoding changes midway (issue 26): one part UTF-8 (or a code page), another
UTF-16, in either order, at any length.

Whichever encoding a decoder chooses for such a file, the other part becomes mojibake, and no
error says so (UTF-8 read as UTF-16 is valid CJK; UTF-16 read as UTF-8 is valid letters between
NULs). decoding.decode_text asks here first and refuses the file, saying where it changes.

The rule, one pass over the bytes: UTF-16 of any alphabet has a NUL in every space and line
break (and in every unit of Latin text), one-byte text has none. A run of at least _MIN_RUN
bytes without a NUL is one-byte text when it has almost no control bytes and reads as text:
valid UTF-8 with a space or line break (or mostly multi-byte letters, as Chinese); else mostly
ASCII with a space in twenty bytes (a Latin code page); else, from _WINDOW bytes on, anything
with a space (so a Greek or Cyrillic code page is told from UTF-16 at a window's length).
UTF-16 CJK between two spaces reads as none of these: its units put an invalid UTF-8 byte in
one unit of two and a control byte in one low byte of eight. What lies between those runs is
UTF-16 when most of its NULs fall on one side of the two-byte units. A file holding both parts
is refused; UTF-16 with a byte-order mark at the switch counts as UTF-16.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from reader.core.errors import ArticleError

__all__ = ["encoding_change", "refuse_encoding_change"]

_WINDOW = 4096  # a run this long without a NUL and almost no controls is one-byte text
_MIN_RUN = 32  # bytes of one-byte text that count as a part (a short paragraph)
_MIN_WIDE_NULS = 8  # NULs a UTF-16 part needs (four words of Latin text, four spaces of CJK)
_EDGE = 3  # bytes at each end of a run that may belong to its UTF-16 neighbour (mark, half unit)
_NUL_FREE = re.compile(rb"[^\x00]{%d,}" % (_MIN_RUN + 2 * _EDGE))
_BYTE_CONTROLS = re.compile(rb"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CONTINUATION = bytes(range(0x80, 0xC0))
_ASCII = bytes(range(0x80))
_ONE_BYTE = "a one-byte encoding (UTF-8 or a code page)"
_UTF16 = "UTF-16"


@dataclass(frozen=True, slots=True)
class EncodingChange:
    """Where a file's bytes change encoding: the kind it starts in, the kind it changes to and
    the byte offset of the first change (approximate by a few bytes)."""

    first: str
    second: str
    offset: int

    def message(self, name: str) -> str:
        return (
            f"{name} changes encoding midway: it starts in {self.first} and is in {self.second} "
            f"from about byte {self.offset:,}; save it in one encoding and open it again."
        )


def refuse_encoding_change(data: bytes, path: Path) -> None:
    """ArticleError (one line naming the file, the two encodings and where the change is)
    when the bytes change midway between one-byte text and UTF-16; None otherwise."""
    change = encoding_change(data)
    if change is not None:
        raise ArticleError(change.message(path.name))


def encoding_change(data: bytes) -> EncodingChange | None:
    """The first change between one-byte text and UTF-16 in `data`, or None.

    Linear in len(data): one regular-expression pass for the runs without NULs, each byte of
    a run decoded once and each byte between runs counted once.
    """
    if b"\x00" not in data:
        return None
    parts: list[tuple[int, str]] = []  # (start offset, kind), in file order
    position = 0
    for run in _NUL_FREE.finditer(data):
        start, end = run.span()
        inner_start = start + (_EDGE if start else 0)
        inner_end = end - (_EDGE if end < len(data) else 0)
        if not _one_byte_text(data[inner_start:inner_end]):
            continue
        if _is_utf16(data[position:inner_start]):
            parts.append((position, _UTF16))
        parts.append((inner_start, _ONE_BYTE))
        position = inner_end
    if _is_utf16(data[position:]):
        parts.append((position, _UTF16))
    kinds = [kind for _, kind in parts]
    if _ONE_BYTE not in kinds or _UTF16 not in kinds:
        return None
    first = kinds[0]
    offset = next(start for start, kind in parts if kind != first)
    second = _UTF16 if first == _ONE_BYTE else _ONE_BYTE
    return EncodingChange(first, second, offset)


def _one_byte_text(run: bytes) -> bool:
    """Whether bytes without NULs read as one-byte text (see the module's docstring)."""
    if len(run) < _MIN_RUN:
        return False
    controls = len(_BYTE_CONTROLS.findall(run))
    if controls * 100 > len(run):
        return False
    spaced = b" " in run or b"\n" in run
    if len(run) >= _WINDOW:
        return spaced
    text = _utf8(run.lstrip(_CONTINUATION))  # a character cut at the run's start
    if text is None:  # a code page: words between spaces, mostly ASCII (Latin scripts)
        ascii_bytes = len(run) - len(run.translate(None, _ASCII))
        spaces = run.count(b" ")
        return spaces >= max(2, len(run) // 20) and ascii_bytes * 5 >= len(run) * 4
    return spaced or sum(not char.isascii() for char in text) * 2 >= len(text)


def _utf8(data: bytes) -> str | None:
    """Strict UTF-8, a character cut at the end allowed; None when invalid."""
    try:
        return codecs.getincrementaldecoder("utf-8")().decode(data, final=False)
    except UnicodeDecodeError:
        return None


def _is_utf16(segment: bytes) -> bool:
    """Whether bytes between one-byte runs are UTF-16: enough NULs, most on one side of the
    units (counted from the segment's own start: a one-byte part of odd length shifts them)."""
    nuls = segment.count(0)
    if nuls < _MIN_WIDE_NULS:
        return False
    even_nuls = segment[0::2].count(0)
    odd_nuls = nuls - even_nuls
    few, many = sorted((even_nuls, odd_nuls))
    return many > (len(segment) // 2) // 20 and few * 10 < many
