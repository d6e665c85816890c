"""What the entity steps read of every token, as plain lists made once per Doc.

Every `doc[i]` makes a new spaCy Token object (and `doc[a:b]` a Span, which makes two more):
on the 230,000 tokens of a 1 MB article the steps asked for 5.7 million of them, most of the
entity pass's time. Read here from the Doc's attribute arrays once, a fact of token i is a
list item: `lowers(doc)[i]` is `doc[i].lower_`, `flags(doc).alpha[i]` is `doc[i].is_alpha`.

Everything is kept in the Doc's user data under one key prefix and dropped by `forget_cached`
at the end of `mentions_from_doc`; the Doc must not change in between.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

import numpy
from spacy.attrs import (
    IDX,
    IS_ALPHA,
    IS_LOWER,
    IS_SPACE,
    IS_TITLE,
    IS_UPPER,
    LEMMA,
    LIKE_NUM,
    LOWER,
    ORTH,
    POS,
    SENT_START,
    SPACY,
    TAG,
)
from spacy.tokens import Doc

from reader.core.analysis.doc_strings import text_of, token_strings

_CACHE = "reader.entities"
T = TypeVar("T")


def once_per_doc(doc: Doc, name: str, compute: Callable[[Doc], T]) -> T:
    """`compute(doc)`, computed once per Doc: the steps share one pass over the text."""
    key = (_CACHE, name)
    try:
        return doc.user_data[key]
    except KeyError:
        doc.user_data[key] = value = compute(doc)
        return value


def forget_cached(doc: Doc) -> None:
    """Drop what `once_per_doc` kept on the Doc, so that nothing of ours stays in its user data."""
    for key in [k for k in doc.user_data if isinstance(k, tuple) and k[:1] == (_CACHE,)]:
        del doc.user_data[key]


def _keep(doc: Doc, key: tuple[str, str], value: T) -> T:
    doc.user_data[key] = value
    return value


# The keys of the lists below: read on every use (a million times a run), so made once here.
_TEXT = (_CACHE, "text")
_TEXTS = (_CACHE, "texts")
_LOWERS = (_CACHE, "lowers")
_LEMMAS = (_CACHE, "lemmas")
_TAGS = (_CACHE, "tags")
_POS = (_CACHE, "pos")
_STARTS = (_CACHE, "starts")
_FLAGS = (_CACHE, "flags")


def doc_text(doc: Doc) -> str:
    """`doc.text`, built once (spaCy joins all tokens again on every call, a new str each)."""
    try:
        return doc.user_data[_TEXT]
    except KeyError:
        return _keep(doc, _TEXT, text_of(doc))


def remember_text(doc: Doc, text: str) -> None:
    """Take `text` as `doc.text` for `doc_text` (the caller vouches that they are equal)."""
    doc.user_data[_TEXT] = text


def token_texts(doc: Doc) -> list[str]:
    """`t.text` of every token, one str object per distinct word. Computed once per Doc."""
    try:
        return doc.user_data[_TEXTS]
    except KeyError:
        return _keep(doc, _TEXTS, token_strings(doc, ORTH))


def token_lowers(doc: Doc) -> list[str]:
    """`t.lower_` of every token, one str object per distinct word. Computed once per Doc."""
    try:
        return doc.user_data[_LOWERS]
    except KeyError:
        return _keep(doc, _LOWERS, token_strings(doc, LOWER))


def token_lemmas(doc: Doc) -> list[str]:
    """`t.lemma_` of every token ("" without a lemmatizer). Computed once per Doc."""
    try:
        return doc.user_data[_LEMMAS]
    except KeyError:
        return _keep(doc, _LEMMAS, token_strings(doc, LEMMA))


def token_tags(doc: Doc) -> list[str]:
    """`t.tag_` of every token ("" without a tagger). Computed once per Doc."""
    try:
        return doc.user_data[_TAGS]
    except KeyError:
        return _keep(doc, _TAGS, token_strings(doc, TAG))


def token_pos(doc: Doc) -> list[str]:
    """`t.pos_` of every token ("" without a tagger). Computed once per Doc."""
    try:
        return doc.user_data[_POS]
    except KeyError:
        return _keep(doc, _POS, token_strings(doc, POS))


def token_starts(doc: Doc) -> list[int]:
    """`t.idx` of every token: its first character in `doc.text`. Computed once per Doc."""
    try:
        return doc.user_data[_STARTS]
    except KeyError:
        return _keep(doc, _STARTS, doc.to_array(IDX).tolist() if len(doc) else [])


def capitalized(doc: Doc) -> list[int]:
    """The tokens whose text opens with a capital letter, in order: where a name can start.
    Computed once per Doc."""
    return once_per_doc(
        doc, "capitalized", lambda d: [i for i, t in enumerate(token_texts(d)) if t[:1].isupper()]
    )


def span_text(doc: Doc, start: int, end: int) -> str:
    """`doc[start:end].text`, cut from the text (spaCy's Span makes two Tokens to begin with,
    and the whole text again for an empty Span at the Doc's end)."""
    if start >= end:
        return ""
    starts, texts = token_starts(doc), token_texts(doc)
    return doc_text(doc)[starts[start] : starts[end - 1] + len(texts[end - 1])]


def char_bounds(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """`(span.start_char, span.end_char)` of `span = doc[start:end]`: characters of
    `doc_text(doc)`, for token bounds 0 <= start <= end <= len(doc)."""
    starts = token_starts(doc)
    if start >= end:
        first = starts[start] if start < len(starts) else len(doc_text(doc))
        return first, first
    return starts[start], starts[end - 1] + len(token_texts(doc)[end - 1])


@dataclass(frozen=True, slots=True)
class TokenFlags:
    """A flag per token, as the Token property of the same name gives it (one bool each)."""

    alpha: list[bool]  # t.is_alpha
    upper: list[bool]  # t.is_upper
    lower: list[bool]  # t.is_lower
    title: list[bool]  # t.is_title
    like_num: list[bool]  # t.like_num
    space: list[bool]  # t.is_space
    spaced: list[bool]  # bool(t.whitespace_): a space follows the token
    sent_start: list[bool]  # bool(t.is_sent_start): True only where a sentence is known to start
    letters: list[bool]  # any letter in t.text


def flags(doc: Doc) -> TokenFlags:
    """The flags of every token. Computed once per Doc."""
    try:
        return doc.user_data[_FLAGS]
    except KeyError:
        return _keep(doc, _FLAGS, _flags(doc))


def _flags(doc: Doc) -> TokenFlags:
    attributes = [IS_ALPHA, IS_UPPER, IS_LOWER, IS_TITLE, LIKE_NUM, IS_SPACE, SPACY, SENT_START]
    if len(doc):
        columns = doc.to_array(attributes).astype(numpy.int64).T
    else:
        columns = numpy.zeros((len(attributes), 0), dtype=numpy.int64)
    alpha, upper, lower, title, like_num, space, spaced, sent = (
        (column == 1).tolist() for column in columns
    )
    texts = token_texts(doc)
    with_letters = {text: any(c.isalpha() for c in text) for text in set(texts)}
    return TokenFlags(
        alpha, upper, lower, title, like_num, space, spaced, sent, [with_letters[t] for t in texts]
    )
