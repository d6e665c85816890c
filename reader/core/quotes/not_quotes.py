"""Quoted stretches that are not quotes: nicknames, titles and names in marks.

A quote is something someone said or wrote. Offsets are characters into the Doc's text, which
callers pass in once (building `doc.text` per stretch would make the finder quadratic).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

WORD = re.compile(r"[\w’'-]+")
_TITLE_SMALL_WORDS = frozenset(
    ["a", "an", "the", "of", "and", "or", "in", "on", "at", "for", "to", "with"]
)
_LONGEST_TITLE = 6
_NAME_PART = re.compile(r"[A-Z][a-z]+")
_LONGEST_NICKNAME = 2


def looks_like_title(text: str) -> bool:
    """`his “Keepin' It Real” radio program`: a few capitalized words, a name not a quote."""
    words = WORD.findall(text)
    return (
        0 < len(words) <= _LONGEST_TITLE
        and not text.rstrip().endswith(("?", "!"))
        and all(w[0].isupper() or w[0].isdigit() or w in _TITLE_SMALL_WORDS for w in words)
    )


def is_nickname(doc: Doc, text: str, start: int, end: int) -> bool:
    """`Del. Marcia “Cia” Price`: a word or two in marks between the parts of a name is a
    nickname, not a quote, and the name around it still reaches the cue after it.

    `text` is `doc.text`; only the characters near `start`..`end` are read.
    """
    words = WORD.findall(text[start:end])
    if not 0 < len(words) <= _LONGEST_NICKNAME or not all(w[0].isupper() for w in words):
        return False
    before = re.search(r"(\w+) [^\s\w]$", text[max(0, start - 30) : start])
    after = re.match(r"[^\s\w] (\w+)", text[end : end + 30])
    if not (before and after):
        return False
    if not (_NAME_PART.fullmatch(before.group(1)) and _NAME_PART.fullmatch(after.group(1))):
        return False
    name = doc.char_span(start - len(before.group(0)), start - 2, alignment_mode="expand")
    return name is not None and name[-1].pos_ == "PROPN"
