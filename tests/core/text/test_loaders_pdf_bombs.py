"""PDF streams that inflate past their bound are refused at once, with memory bounded (issue 26)."""

from __future__ import annotations

import tracemalloc
import zlib
from pathlib import Path

import pytest

from reader.core.text.loaders import ArticleError, load_article, pdf_streams

_MB = 1024 * 1024


def _deflated(megabytes: int, filler: bytes = b" ") -> bytes:
    """`megabytes` MB of `filler` as one zlib stream, made without deflating them all: one
    megabyte deflated after a full flush (which resets the history) repeated, then the final
    block and the checksum of the whole."""
    block = filler * _MB
    compressor = zlib.compressobj(9)
    first = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    repeated = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    final_block = compressor.flush()[:-4]
    checksum = 1
    for _ in range(megabytes):
        checksum = zlib.adler32(block, checksum)
    body = first + repeated * (megabytes - 1)
    return body + final_block + checksum.to_bytes(4, "big")


def write_raw_pdf(path: Path, contents: list[tuple[str, bytes]]) -> Path:
    """A one-page PDF whose content is the given streams, each (filter name, raw bytes)."""
    count = len(contents)
    refs = " ".join(f"{5 + index} 0 R" for index in range(count))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 4 0 R >> >> /Contents [" + refs.encode() + b"] >>"
        ),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for name, raw in contents:
        head = f"<< /Length {len(raw)} /Filter /{name} >>\nstream\n".encode()
        objects.append(head + raw + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\n".encode()
    out += f"startxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(bytes(out))
    return path


def _text_stream() -> tuple[str, bytes]:
    return "FlateDecode", zlib.compress(b"BT /F1 12 Tf 72 700 Td (Harbour workers voted.) Tj ET")


def _load_measuring(path: Path) -> tuple[str, int]:
    """The refusal's message and the peak of memory Python allocated while loading."""
    tracemalloc.start()
    try:
        with pytest.raises(ArticleError) as caught:
            load_article(path)
        return str(caught.value), tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_stream_inflating_to_390_mb_is_refused_with_memory_bounded(tmp_path):
    bomb = _deflated(390)
    path = write_raw_pdf(tmp_path / "bomb.pdf", [_text_stream(), ("FlateDecode", bomb)])
    assert path.stat().st_size < _MB

    message, peak = _load_measuring(path)

    assert message.startswith("bomb.pdf is refused: one of its compressed streams inflates past")
    assert "80 MB (4 times the 20 MB file limit)" in message
    assert "\n" not in message
    # Inflating it whole would hold 390 MB; the bound stops at 80 MB and a chunk.
    assert peak < pdf_streams.STREAM_BOUND + 20 * _MB


def test_a_truncated_bomb_is_refused_on_pdfminers_repair_path_too(tmp_path):
    bomb = _deflated(200)[:-8]  # no end: pdfminer retries with its byte-by-byte repair
    path = write_raw_pdf(tmp_path / "cut.pdf", [("FlateDecode", bomb)])

    message, peak = _load_measuring(path)

    assert "is refused: one of its compressed streams inflates past 80 MB" in message
    assert peak < pdf_streams.STREAM_BOUND + 20 * _MB


def test_a_run_length_bomb_is_refused(tmp_path):
    runs = bytes((129, 32)) * (700 * 1024)  # each pair gives 128 spaces: 87.5 MB from 1.4 MB
    path = write_raw_pdf(tmp_path / "runs.pdf", [("RunLengthDecode", runs)])

    with pytest.raises(ArticleError, match=r"runs\.pdf is refused: one of its compressed streams"):
        load_article(path)


def test_streams_each_under_the_bound_are_refused_once_the_document_passes_its_own(
    tmp_path, monkeypatch
):
    """Many streams each under the stream bound must not add up to many GB either (here with
    both bounds scaled down, so the content parsed stays small)."""
    monkeypatch.setattr(pdf_streams, "STREAM_BOUND", 3 * _MB)
    monkeypatch.setattr(pdf_streams, "DOCUMENT_BOUND", 5 * _MB)
    comment = ("FlateDecode", _deflated(2, b"%"))  # a 2 MB comment: parsed at once
    path = write_raw_pdf(tmp_path / "many.pdf", [_text_stream(), *[comment] * 3])

    with pytest.raises(ArticleError, match=r"many\.pdf is refused: its streams inflate past 5 MB"):
        load_article(path)


def test_a_pdf_under_the_bounds_reads_as_before_and_pdfminer_is_restored(tmp_path):
    from pdfminer import pdftypes

    path = write_raw_pdf(tmp_path / "fine.pdf", [_text_stream()])

    assert "Harbour workers voted." in load_article(path).text
    assert pdftypes.zlib is zlib
    assert pdftypes.rldecode.__module__ == "pdfminer.runlength"


def test_a_damaged_checksum_is_still_repaired_as_pdfminer_does(tmp_path):
    raw = zlib.compress(b"BT /F1 12 Tf 72 700 Td (Checksum damaged.) Tj ET")
    path = write_raw_pdf(tmp_path / "crc.pdf", [("FlateDecode", raw[:-2] + b"\x00\x00")])

    assert "Checksum damaged." in load_article(path).text
