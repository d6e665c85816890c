"""One spaCy Doc from the Docs of a text's chunks, kept compact while the chunks come in.

`Doc.from_docs` needs every chunk's Doc alive while it builds the joined one, and copies all
token attributes at once through arrays several times the Doc's size: at 20 MB of text that is
gigabytes. Here each chunk is reduced to columns as soon as it is parsed (its Doc can go), small
values as small codes, and the joined Doc is filled a few columns at a time. The result is
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

from reader.core.analysis.doc_strings import decoded, text_of

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


# Attributes whose values are hashes of strings (the others are numbers: offsets, flags, IOB
# codes, the POS enum): another process's values need their strings in this vocab.
_STRING_ATTRS = (ORTH, NORM, TAG, ENT_TYPE, ENT_KB_ID, ENT_ID, LEMMA, MORPH, DEP)
# A chunk as JoinedDoc keeps it: its tokens' attribute columns (tokens x _ATTRS, uint64) and the
# strings of their string-valued ones (empty when made in the joining process).
ChunkColumns = tuple[numpy.ndarray, list[str]]


def chunk_columns(chunk: Doc, with_strings: bool = True) -> ChunkColumns:
    """What `JoinedDoc.add_columns` needs of a chunk: far less to send from a worker process,
    and to take in, than the whole Doc (`Doc.to_bytes`, then `from_bytes` only for its
    columns to be read again: 0.9 s of the joining process at 1 MB). `with_strings`: with the
    distinct strings its columns hash (as `Doc.to_bytes` gathers them)."""
    array = chunk.to_array(list(_ATTRS))
    if not with_strings:
        return array, []
    strings = chunk.vocab.strings
    values: set[int] = set()
    for attr in _STRING_ATTRS:
        values.update(numpy.unique(array[:, _ATTRS.index(attr)]).tolist())
    values.discard(0)
    return array, [strings[value] for value in values]


class _TextKeepingDoc(Doc):
    """A Doc that answers `text` with the string it was given, not a join of all its tokens.

    Only for a Doc whose tokens are never changed after `keep_text` (no retokenizing).
    """

    def keep_text(self, text: str) -> None:
        self._kept_text = text

    @property
    def text(self) -> str:
        return self._kept_text


class JoinedDoc:
    """Collects chunk Docs in text order (`add`), then makes the one Doc over them (`doc`).

    Each column is kept as codes into the distinct values seen so far (values in the order
    first seen), in the smallest unsigned type that holds them: a tag, a dependency label or a
    head offset takes a byte a token, a word four, where spaCy's arrays take eight.
    """

    def __init__(self, vocab: Vocab) -> None:
        self._vocab = vocab
        self._codes: dict[int, dict[int, int]] = {attr: {} for attr in _ATTRS}
        self._columns: dict[int, list[numpy.ndarray]] = {attr: [] for attr in _ATTRS}

    def add(self, chunk: Doc) -> None:
        """Keep a chunk's tokens as columns; the caller may drop the chunk's Doc."""
        self.add_columns(chunk_columns(chunk, with_strings=False))

    def add_columns(self, columns: ChunkColumns) -> None:
        """Keep a chunk's tokens from its columns (`chunk_columns`, made here or in another
        process: their strings are added to this vocab first)."""
        array, strings = columns
        for string in strings:
            self._vocab.strings.add(string)
        if not len(array):
            return
        for j, attr in enumerate(_ATTRS):
            distinct, inverse = numpy.unique(array[:, j], return_inverse=True)
            codes = self._codes[attr]
            code_of = [codes.setdefault(value, len(codes)) for value in distinct.tolist()]
            small = numpy.array(code_of, dtype=numpy.min_scalar_type(len(codes)))
            self._columns[attr].append(small[inverse.reshape(-1)])

    def doc(self, text: str | None = None) -> Doc:
        """The joined Doc; its text is the chunks' texts one after the other. Use once.

        The Doc keeps its text (`text` when given, else built once), which spaCy would build
        anew on every `doc.text`, a new str per token. Raises ValueError when `text` is given
        and is not the chunks' text.
        """
        orths = self._column_codes(ORTH)
        words = decoded(orths, self._values(ORTH), self._vocab.strings)
        del orths
        spaces = self._column(SPACY).astype(bool).tolist()
        doc = _TextKeepingDoc(self._vocab, words=words, spaces=spaces)
        del words, spaces
        built = text_of(doc)
        if text is not None and built != text:
            raise ValueError("the chunks of the text did not join back into the same text")
        doc.keep_text(built if text is None else text)
        del built
        for group in _GROUPS:
            # Rows are attributes: spaCy reads the transpose of what it is given, so this
            # layout spares it a copy of the whole block.
            block = numpy.empty((len(group), len(doc)), dtype=numpy.uint64)
            for row, attr in enumerate(group):
                block[row] = self._column(attr)
            doc.from_array(list(group), block.T)
            del block
        return doc

    def _column_codes(self, attr: int) -> numpy.ndarray:
        """One attribute's codes over all chunks; the parts are released."""
        parts = self._columns.pop(attr)
        joined = numpy.concatenate(parts) if parts else numpy.zeros(0, dtype=numpy.uint8)
        parts.clear()
        return joined

    def _values(self, attr: int) -> numpy.ndarray:
        """The distinct values of one attribute, indexed by their codes (spaCy's uint64)."""
        return numpy.array(list(self._codes.pop(attr)), dtype=numpy.uint64)

    def _column(self, attr: int) -> numpy.ndarray:
        """One attribute over all chunks as spaCy's uint64 array."""
        codes = self._column_codes(attr)
        return self._values(attr)[codes]
