"""A Doc's per-token strings and its text, with one str object per distinct word.

spaCy makes a new str for every `token.text`, `token.lower_` and for every token each time
`Doc.text` is asked for: about 60 bytes a token, 250 MB for the 4 million tokens of 20 MB of
text. Read here from the Doc's attribute arrays, a list of words costs one pointer a token and
the distinct words are shared (news text repeats its words: a few hundred thousand at 20 MB).
"""

from __future__ import annotations

from itertools import chain

import numpy
from spacy.attrs import ORTH, SPACY
from spacy.strings import StringStore
from spacy.tokens import Doc

# Tokens joined at a time when building a text: bounds the list `str.join` makes.
_TEXT_BLOCK = 65_536
_SPACES = numpy.array(["", " "], dtype=object)


def strings_of(ids: numpy.ndarray, strings: StringStore) -> list[str]:
    """`strings[i]` for each string id in `ids` (a 1-D integer array), sharing equal strings."""
    distinct, inverse = numpy.unique(ids, return_inverse=True)
    return decoded(inverse.reshape(-1), distinct, strings)


def decoded(codes: numpy.ndarray, values: numpy.ndarray, strings: StringStore) -> list[str]:
    """`strings[values[c]]` for each code c in `codes` (1-D integer arrays), one str object per
    distinct value."""
    forms = numpy.array([strings[value] for value in values.tolist()], dtype=object)
    return forms[codes].tolist() if len(forms) else []


def token_strings(doc: Doc, attr: int) -> list[str]:
    """One string per token of a string attribute (ORTH as `t.text`, LOWER as `t.lower_`...)."""
    return strings_of(doc.to_array(attr), doc.vocab.strings) if len(doc) else []


def token_spaces(doc: Doc) -> list[str]:
    """`t.whitespace_` of every token: " " or ""."""
    return _SPACES[doc.to_array(SPACY).astype(numpy.intp)].tolist() if len(doc) else []


def text_of(doc: Doc) -> str:
    """`doc.text`, built from the words and spaces of the tokens without a str per token."""
    words, spaces = token_strings(doc, ORTH), token_spaces(doc)
    parts = []
    for i in range(0, len(words), _TEXT_BLOCK):
        pairs = zip(words[i : i + _TEXT_BLOCK], spaces[i : i + _TEXT_BLOCK], strict=True)
        parts.append("".join(chain.from_iterable(pairs)))
    return "".join(parts)
