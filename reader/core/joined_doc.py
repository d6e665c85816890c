"""One spaCy Doc from the Docs of a text's chunks, kept compact while the chunks come in.

`Doc.from_docs` needs every chunk's Doc alive while it builds the joined one, and copies all
token attributes at once through arrays several times the Doc's size: at 20 MB of text that is
gigabytes. Here each chunk is reduced to columns as soon as it is parsed (its Doc can go), small
values in small integers, and the joined Doc is filled a few columns at a time. The result is
the Doc `Doc.from_docs(docs, ensure_whitespace=False)` makes, tensors, spans and user data
aside (tests/core/test_joined_doc.py compares them).
"""

from __future__ import annotations

import numpy
from spacy.attrs import (
    DEP,
    ENT_ID,
    ENT_IOB,
    ENT_KB_ID,
    ENT_TYPE,
    HEAD,
    LEMMA,
    MORPH,
    NORM,
    ORTH,
    POS,
    SENT_START,
    SPACY,
    TAG,
)
from spacy.tokens import Doc
from spacy.vocab import Vocab

# Token attributes copied from the chunks (the text comes from ORTH and SPACY), a few at a
# time; the parse last, heads and labels together, so spaCy sets children and sentence
# starts from them.
_GROUPS = (
    (NORM, TAG),
    (ENT_IOB, ENT_TYPE),
    (ENT_KB_ID, ENT_ID),
    (LEMMA, MORPH),
    (POS,),
    (HEAD, DEP, SENT_START),
)
_ATTRS = (ORTH, SPACY, *(attr for group in _GROUPS for attr in group))
# Columns whose values are small (signed ones as spaCy's uint64 arrays hold them, two's
# complement): stored in these types between a chunk's parse and the join.
_SMALL = {
    HEAD: numpy.int32,
    SENT_START: numpy.int8,
    ENT_IOB: numpy.uint8,
    POS: numpy.uint8,
    SPACY: numpy.bool_,
}


class JoinedDoc:
    """Collects chunk Docs in text order (`add`), then makes the one Doc over them (`doc`)."""

    def __init__(self, vocab: Vocab) -> None:
        self._vocab = vocab
        self._columns: dict[int, list[numpy.ndarray]] = {attr: [] for attr in _ATTRS}

    def add(self, chunk: Doc) -> None:
        """Keep a chunk's tokens as columns; the caller may drop the chunk's Doc."""
        array = chunk.to_array(list(_ATTRS))
        for j, attr in enumerate(_ATTRS):
            column = array[:, j]
            small = _SMALL.get(attr)
            self._columns[attr].append(
                column.view(numpy.int64).astype(small) if small else column.copy()
            )

    def doc(self) -> Doc:
        """The joined Doc; its text is the chunks' texts one after the other. Use once."""
        orths = self._column(ORTH)
        strings = self._vocab.strings
        forms = {orth: strings[orth] for orth in numpy.unique(orths).tolist()}
        words = [forms[orth] for orth in orths.tolist()]
        del orths, forms
        spaces = self._column(SPACY).astype(bool).tolist()
        doc = Doc(self._vocab, words=words, spaces=spaces)
        del words, spaces
        for group in _GROUPS:
            array = numpy.stack([self._column(attr) for attr in group], axis=1)
            doc.from_array(list(group), array)
        return doc

    def _column(self, attr: int) -> numpy.ndarray:
        """One attribute over all chunks as spaCy's uint64 array; the parts are released."""
        parts = self._columns.pop(attr)
        joined = numpy.concatenate(parts) if parts else numpy.zeros(0, dtype=numpy.uint64)
        parts.clear()
        if joined.dtype != numpy.uint64:
            joined = joined.astype(numpy.int64).view(numpy.uint64)
        return joined
