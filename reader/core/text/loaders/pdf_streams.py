"""PDF streams decoded under a bound on the bytes they produce (decompression bombs).

pdfminer decodes a stream whole, in `pdfminer.pdftypes.PDFStream.decode`, with no limit: one
Flate stream of 400 KB can inflate to 390 MB, and a 20 MB file to many GB. Inside
`bounded_streams`, the decoders that can expand their input (Flate through the `zlib` name
pdftypes uses, LZW, RunLength, CCITT fax, and pdfminer's byte-by-byte fallback for damaged
Flate data) are replaced in pdftypes' namespace by ones that stop as soon as their output
passes the bound, and raise an ArticleError naming the file and the bound.

Why a scoped patch of those names rather than the alternatives: pdfminer creates its stream
objects itself (no factory to subclass), `decode` is 80 lines whose copy would drift from
pdfminer's, and finding streams ahead in the raw bytes misses those inside object streams and
would inflate everything twice. The patch touches five module attributes, is installed while
at least one load runs (counted under a lock, so loads on several threads share it) and is
restored after the last; each thread counts its own bytes.

The other filters cannot expand much (ASCII85 at most 4 times, ASCIIHex halves, predictors keep
the size) or are never decoded by pdfminer (DCT, JPX, JBIG2 images are passed through).
"""

from __future__ import annotations

import threading
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import SimpleNamespace
from typing import Any

from reader.core.errors import ArticleError
from reader.core.text.sources import MAX_FILE_BYTES

# A page's content stream is rarely over 1 MB decoded and an embedded font (the largest text
# streams: a full CJK font) about 20 MB, so 4 times the 20 MB file limit leaves room for any
# real stream; 16 times for a whole document keeps what pdfminer caches of it near 320 MB,
# well inside the 1.5 GB a load may use (issue 26).
STREAM_BOUND = 4 * MAX_FILE_BYTES
DOCUMENT_BOUND = 16 * MAX_FILE_BYTES
_MB = 1024 * 1024
_CHUNK = 1024 * 1024


class _Budget:
    """What one load may still decode, and the error once a stream passed its bound."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.left = DOCUMENT_BOUND
        self.error: ArticleError | None = None

    def limit(self) -> int:
        """The most the next stream may produce; raises once a bound has been passed (pdfminer
        swallows some exceptions, so every later decode fails too)."""
        if self.error:
            raise self.error
        return min(STREAM_BOUND, self.left)

    def check(self, produced: int, limit: int) -> None:
        """Raises (and keeps) the error naming the bound once `produced` passes `limit`."""
        if produced > limit:
            whole = limit == STREAM_BOUND
            bound = STREAM_BOUND if whole else DOCUMENT_BOUND
            what = "one of its compressed streams inflates" if whole else "its streams inflate"
            self.error = ArticleError(
                f"{self.name} is refused: {what} past {bound // _MB} MB "
                f"({bound // MAX_FILE_BYTES} times the {MAX_FILE_BYTES // _MB} MB file limit); "
                "it may be a decompression bomb."
            )
            raise self.error

    def spend(self, result: bytes) -> bytes:
        """A decoded stream, counted against the document's bound."""
        self.left -= len(result)
        return result


_state = threading.local()
_lock = threading.Lock()
_users = 0
_originals: dict[str, Any] = {}


def _budget() -> _Budget:
    """This thread's budget; a thread that uses pdfminer outside a load gets the stream bound."""
    return getattr(_state, "budget", None) or _Budget("The PDF")


class _Inflater:
    """A zlib inflater that counts what it produces against this thread's budget."""

    def __init__(self) -> None:
        self.budget = _budget()
        self.limit = self.budget.limit()
        self.inflater = zlib.decompressobj()
        self.chunks: list[bytes] = []
        self.produced = 0

    def feed(self, piece: bytes) -> None:
        """Inflates `piece` a megabyte of output at a time (zlib grows one large output by
        copies, twice the size at its peak), stopping once past the limit."""
        while True:
            room = min(_CHUNK, self.limit + 1 - self.produced)
            chunk = self.inflater.decompress(piece, room)
            self.chunks.append(chunk)
            self.produced += len(chunk)
            self.budget.check(self.produced, self.limit)
            piece = self.inflater.unconsumed_tail
            if not piece and len(chunk) < room:
                return

    def result(self) -> bytes:
        return self.budget.spend(b"".join(self.chunks))


def _inflate(data: bytes) -> bytes:
    """`zlib.decompress` that stops past the bound; zlib.error for a truncated stream, as
    zlib.decompress gives, so pdfminer still tries its repair."""
    inflater = _Inflater()
    inflater.feed(data)
    if not inflater.inflater.eof:
        raise zlib.error("incomplete or truncated stream")
    return inflater.result()


def _inflate_damaged(data: bytes) -> bytes:
    """pdfminer's `decompress_corrupted`: inflate data whose checksum (its last bytes) is bad,
    an error in the last 3 bytes ending the data quietly. Bounded, and linear where pdfminer's
    adds the output a byte of input at a time (quadratic on a bomb)."""
    inflater = _Inflater()
    body, checksum = data[: max(len(data) - 3, 0)], data[max(len(data) - 3, 0) :]
    for start in range(0, len(body), _CHUNK):
        inflater.feed(body[start : start + _CHUNK])
    for byte in checksum:
        try:
            inflater.feed(bytes((byte,)))
        except zlib.error:
            break
    return inflater.result()


def _lzw(data: bytes) -> bytes:
    from io import BytesIO

    from pdfminer.lzw import LZWDecoder

    budget = _budget()
    limit = budget.limit()
    chunks: list[bytes] = []
    produced = 0
    for chunk in LZWDecoder(BytesIO(data)).run():
        chunks.append(chunk)
        produced += len(chunk)
        budget.check(produced, limit)
    return budget.spend(b"".join(chunks))


def _run_length(data: bytes) -> bytes:
    """RunLengthDecode (PDF 1.7, 7.4.5): a length byte, then 1-128 literal bytes, or one byte
    repeated 2-128 times; 128 ends the data."""
    budget = _budget()
    limit = budget.limit()
    out = bytearray()
    index = 0
    while index < len(data) and data[index] != 128:
        length = data[index]
        if length < 128:
            out += data[index + 1 : index + 2 + length]
            index += 2 + length
        else:
            out += data[index + 1 : index + 2] * (257 - length)
            index += 2
        budget.check(len(out), limit)
    return budget.spend(bytes(out))


def _fax(data: bytes, params: dict[str, object]) -> bytes:
    """CCITT fax data, refused before decoding when its most possible output (a row of
    `Columns` bits for each bit of input) passes the bound: pdfminer's decoder is pure Python
    and only images use it, which the text layer never decodes."""
    from pdfminer.ccitt import ccittfaxdecode

    budget = _budget()
    limit = budget.limit()
    columns = params.get("Columns", 1728)
    columns = columns if isinstance(columns, int) and columns > 0 else 1728
    budget.check(columns * len(data), limit)
    return budget.spend(ccittfaxdecode(data, params))


_REPLACEMENTS: dict[str, Callable[..., Any] | SimpleNamespace] = {
    # pdftypes calls zlib.decompressobj only in decompress_corrupted, replaced below.
    "zlib": SimpleNamespace(decompress=_inflate, error=zlib.error),
    "decompress_corrupted": _inflate_damaged,
    "lzwdecode": _lzw,
    "rldecode": _run_length,
    "ccittfaxdecode": _fax,
}


@contextmanager
def bounded_streams(name: str) -> Iterator[None]:
    """pdfminer's stream decoding bounded while the block runs, for the file called `name`.

    Raises the ArticleError of the first stream past its bound, even when pdfminer caught it.
    """
    global _users
    from pdfminer import pdftypes

    previous = getattr(_state, "budget", None)
    budget = _state.budget = _Budget(name)
    with _lock:
        if _users == 0:
            _originals.update({key: getattr(pdftypes, key) for key in _REPLACEMENTS})
            for key, replacement in _REPLACEMENTS.items():
                setattr(pdftypes, key, replacement)
        _users += 1
    try:
        yield
    except Exception as error:
        if budget.error and error is not budget.error:  # pdfminer turned it into its own error
            raise budget.error from error
        raise
    finally:
        _state.budget = previous
        with _lock:
            _users -= 1
            if _users == 0:
                for key, original in _originals.items():
                    setattr(pdftypes, key, original)
    if budget.error:
        raise budget.error
