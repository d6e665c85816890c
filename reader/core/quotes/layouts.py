"""Layouts that name a speaker without a speech verb: a signature after a dash.

Offsets are characters into the Doc's text.
"""

from __future__ import annotations

from spacy.tokens import Span

from reader.core.quotes.context import Fragment, QuotedDoc
from reader.core.quotes.marks import DOUBLE_MARKS

_DASH_CHARS = "—–―-"
_LONGEST_SIGNATURE = 6


def signature(qdoc: QuotedDoc, fragment: Fragment) -> Span | None:
    """`“…” — Smith`: a name after a dash that follows the closing mark, to the line end."""
    text = qdoc.text
    index = fragment.end
    while index < len(text) and (text[index] in DOUBLE_MARKS or text[index] in ".,\u00a0 "):
        index += 1
    if index >= len(text) or text[index] not in _DASH_CHARS:
        return None
    line_end = text.find("\n", index)
    line_end = len(text) if line_end < 0 else line_end
    name = qdoc.doc.char_span(index + 1, line_end, alignment_mode="expand")
    if name is None:
        return None
    words = [t for t in name if t.is_alpha and t.text not in _DASH_CHARS]
    if not words or len(words) > _LONGEST_SIGNATURE or any(qdoc.quoted[t.i] for t in words):
        return None
    return qdoc.doc[words[0].i : words[-1].i + 1]
