"""Hostile files in real containers (issue 26, deliverable 5): Word files written with
python-docx, PDFs with reportlab (or by hand around a compressed stream), EPUB and ODT as ZIPs
written with zipfile, RTF as text. Each holds a planted sentence (see Hostile.planted) and,
by variant, a bomb in the part Reader reads, a bomb beside it, or a pathological layout.

A bomb always passes the 80 MB the ZIP and PDF readers let the parts unpack to (84 MB at the
smallest scale, 400 MB at scale 1.0), so even the CI profile walks the refusal; it costs a few
hundred KB on disk and about a second to write.
"""

from __future__ import annotations

import html
import random
import zipfile
import zlib
from pathlib import Path

from tests.fuzz.hostile import Hostile, article, kind, planted_sentence, sized

_MB = 1024 * 1024
CONTAINERS = "containers"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def bomb_megabytes(scale: float) -> int:
    return int(84 + 316 * scale)


def _paragraphs(rng: random.Random, planted: str) -> list[str]:
    """An article's paragraphs with the planted sentence as one of them, never the first."""
    paragraphs = article(rng, rng.randint(2, 5)).split("\n\n")
    paragraphs.insert(rng.randint(1, len(paragraphs)), planted)
    return paragraphs


def _write_zip(
    path: Path,
    members: dict[str, bytes],
    padded: str | None = None,
    padding_mb: int = 0,
    filler: bytes = b" ",
) -> Path:
    """A ZIP of `members` (mimetype first, stored); `padded` gets `padding_mb` MB of `filler`
    inserted at its "\\0PAD\\0" mark (or is a new member of filler alone), written a megabyte at
    a time so that the bomb never sits in memory."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        if "mimetype" in members:
            archive.writestr("mimetype", members["mimetype"], compress_type=zipfile.ZIP_STORED)
        for name, data in members.items():
            if name not in ("mimetype", padded):
                archive.writestr(name, data)
        if padded is not None:
            head, _, tail = members.get(padded, b"\0PAD\0").partition(b"\0PAD\0")
            with archive.open(padded, "w", force_zip64=True) as member:
                member.write(head)
                block = filler * _MB
                for _ in range(padding_mb):
                    member.write(block)
                member.write(tail)
    return path


def _variant(rng: random.Random, *names: str) -> str:
    return rng.choice(names)


# Word ---------------------------------------------------------------------------------------


@kind("docx", CONTAINERS)
def _docx(folder: Path, rng: random.Random, scale: float) -> Hostile:
    import docx

    planted = planted_sentence(rng)
    document = docx.Document()
    document.add_paragraph(f"{rng.choice(['Council', 'Harbour', 'Budget'])} report", "Title")
    for paragraph in _paragraphs(rng, planted):
        document.add_paragraph(paragraph)
    path = folder / "story.docx"
    document.save(path)
    with zipfile.ZipFile(path) as source:
        members = {name: source.read(name) for name in source.namelist()}
    body = members["word/document.xml"]
    variant = _variant(rng, "plain", "bomb in the text", "bomb beside", "many paragraphs", "deep")
    if variant == "bomb in the text":
        members["word/document.xml"] = body.replace(b"<w:sectPr", b"\0PAD\0<w:sectPr", 1)
        _write_zip(path, members, "word/document.xml", bomb_megabytes(scale))
    elif variant == "bomb beside":
        _write_zip(path, members, "word/media/image1.png", bomb_megabytes(scale), b"\0")
    elif variant in ("many paragraphs", "deep"):
        if variant == "many paragraphs":
            one = f"<w:p><w:r><w:t>{rng.choice('abcxyz')}</w:t></w:r></w:p>"
            extra = one * sized(scale, 100_000)
        else:
            depth = sized(scale, 2_000, least=20)
            extra = "<w:tbl><w:tr><w:tc>" * depth + "<w:p/>" + "</w:tc></w:tr></w:tbl>" * depth
        members["word/document.xml"] = body.replace(b"<w:sectPr", extra.encode() + b"<w:sectPr", 1)
        _write_zip(path, members)
    return Hostile("docx", path, planted=planted)


# EPUB ---------------------------------------------------------------------------------------


def _xhtml(body: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'
        f"<head><title>Chapter</title></head><body>{body}</body></html>"
    ).encode()


def _epub_members(chapters: list[str], spine: list[int]) -> dict[str, bytes]:
    manifest = "".join(
        f'<item id="c{i}" href="c{i}.xhtml" media-type="application/xhtml+xml"/>'
        for i in range(len(chapters))
    )
    itemrefs = "".join(f'<itemref idref="c{i}"/>' for i in spine)
    members = {
        "mimetype": b"application/epub+zip",
        "META-INF/container.xml": (
            b'<?xml version="1.0"?><container version="1.0" '
            b'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
            b'<rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>'
            b"</rootfiles></container>"
        ),
        "OEBPS/content.opf": (
            '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0">'
            '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Report</dc:title>'
            f"</metadata><manifest>{manifest}</manifest><spine>{itemrefs}</spine></package>"
        ).encode(),
    }
    for number, chapter in enumerate(chapters):
        members[f"OEBPS/c{number}.xhtml"] = _xhtml(chapter)
    return members


@kind("epub", CONTAINERS)
def _epub(folder: Path, rng: random.Random, scale: float) -> Hostile:
    planted = planted_sentence(rng)
    paragraphs = [f"<p>{html.escape(p)}</p>" for p in _paragraphs(rng, planted)]
    variant = _variant(rng, "plain", "bomb chapter", "bomb beside", "many chapters", "spine loop")
    path = folder / "book.epub"
    if variant == "many chapters":
        count = sized(scale, 2_000, least=20)
        chapters = [f"<p>{rng.choice('abcxyz')}</p>" for _ in range(count)]
        chapters[count // 2] = "".join(paragraphs)
        members = _epub_members(chapters, list(range(count)))
        return Hostile("epub", _write_zip(path, members), planted=planted)
    chapters = ["".join(paragraphs[:1]), "".join(paragraphs[1:])]
    if variant == "spine loop":
        spine = [0] * sized(scale, 1_000, least=10) + [1]
        return Hostile("epub", _write_zip(path, _epub_members(chapters, spine)), planted=planted)
    if variant == "plain":
        return Hostile("epub", _write_zip(path, _epub_members(chapters, [0, 1])), planted=planted)
    members = _epub_members(
        [*chapters, "\0PAD\0"], [0, 1, 2] if variant == "bomb chapter" else [0, 1]
    )
    padded = "OEBPS/c2.xhtml" if variant == "bomb chapter" else "OEBPS/fonts/big.otf"
    _write_zip(path, members, padded, bomb_megabytes(scale))
    return Hostile("epub", path, planted=planted)


# OpenDocument -------------------------------------------------------------------------------


_ODT_OPEN = (
    '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">'
    "<office:body><office:text>"
)
_ODT_CLOSE = "</office:text></office:body></office:document-content>"
_ODT_MANIFEST = (
    b'<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
    b'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
    b'<manifest:file-entry manifest:full-path="/" '
    b'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
    b'<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    b"</manifest:manifest>"
)


@kind("odt", CONTAINERS)
def _odt(folder: Path, rng: random.Random, scale: float) -> Hostile:
    planted = planted_sentence(rng)
    body = "".join(
        f'<text:p text:style-name="Standard">{html.escape(p)}</text:p>'
        for p in _paragraphs(rng, planted)
    )
    variant = _variant(rng, "plain", "bomb in the text", "bomb beside", "many headings")
    if variant == "many headings":
        letter = rng.choice("abcxyz")
        heading = f'<text:h text:outline-level="{rng.randint(1, 3)}">{letter}</text:h>'
        body += heading * sized(scale, 100_000)
    elif variant == "bomb in the text":
        body += "\0PAD\0"
    members = {
        "mimetype": b"application/vnd.oasis.opendocument.text",
        "content.xml": (_ODT_OPEN + body + _ODT_CLOSE).encode(),
        "META-INF/manifest.xml": _ODT_MANIFEST,
    }
    path = folder / "notes.odt"
    if variant == "bomb in the text":
        _write_zip(path, members, "content.xml", bomb_megabytes(scale))
    elif variant == "bomb beside":
        _write_zip(path, members, "Pictures/scan.png", bomb_megabytes(scale), b"\0")
    else:
        _write_zip(path, members)
    return Hostile("odt", path, planted=planted)


# PDF ----------------------------------------------------------------------------------------


def _deflated_filler(megabytes: int) -> bytes:
    """`megabytes` MB of spaces as one zlib stream, made without deflating them all: one
    megabyte deflated after a full flush (which resets the history), repeated, then the final
    block and the checksum of the whole (as tests/core/text/test_loaders_pdf_bombs.py does)."""
    block = b" " * _MB
    compressor = zlib.compressobj(9)
    first = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    repeated = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    final_block = compressor.flush()[:-4]
    checksum = 1
    for _ in range(megabytes):
        checksum = zlib.adler32(block, checksum)
    return first + repeated * (megabytes - 1) + final_block + checksum.to_bytes(4, "big")


def _raw_pdf(path: Path, lines: list[str], bomb_mb: int) -> Path:
    """A one-page PDF whose text `lines` are one content stream and a bomb of spaces another."""
    shown = "".join(
        f"BT /F1 11 Tf 72 {760 - 16 * n} Td ({line}) Tj ET\n" for n, line in enumerate(lines)
    )
    streams = [zlib.compress(shown.encode("latin-1")), _deflated_filler(bomb_mb)]
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents [5 0 R 6 0 R] >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for raw in streams:
        head = f"<< /Length {len(raw)} /Filter /FlateDecode >>\nstream\n".encode()
        objects.append(head + raw + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    path.write_bytes(bytes(out))
    return path


@kind("pdf", CONTAINERS)
def _pdf(folder: Path, rng: random.Random, scale: float) -> Hostile:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    planted = planted_sentence(rng)
    path = folder / "paper.pdf"
    variant = _variant(rng, "plain", "stream bomb", "many short lines")
    if variant == "stream bomb":
        lines = [sentence[:80] for sentence in article(rng, 2).split("\n\n")] + [planted]
        return Hostile("pdf", _raw_pdf(path, lines, bomb_megabytes(scale)), planted=planted)
    if variant == "many short lines":
        canvas = Canvas(str(path), pagesize=A4)
        count = sized(scale, 20_000, least=200)
        for number in range(count):
            if number and number % 60 == 0:
                canvas.showPage()
            if number == count // 2:
                canvas.drawString(72, 800 - 12 * (number % 60), planted)
            else:
                canvas.drawString(72, 800 - 12 * (number % 60), rng.choice("abcxyz."))
        canvas.save()
        return Hostile("pdf", path, planted=planted)
    styles = getSampleStyleSheet()
    story = [Paragraph("Council report", styles["Title"])]
    story += [Paragraph(html.escape(p), styles["BodyText"]) for p in _paragraphs(rng, planted)]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return Hostile("pdf", path, planted=planted)


# RTF ----------------------------------------------------------------------------------------


@kind("rtf", CONTAINERS)
def _rtf(folder: Path, rng: random.Random, scale: float) -> Hostile:
    planted = planted_sentence(rng)
    paragraphs = "".join(f"\\pard {p}\\par\n" for p in _paragraphs(rng, planted))
    variant = _variant(rng, "plain", "deep groups", "big picture", "short lines", "false bin")
    extra = ""
    if variant == "deep groups":
        depth = sized(scale, 100_000, least=100)
        extra = "{" * depth + "x" + "}" * depth
    elif variant == "big picture":
        extra = "{\\pict\\pngblip " + "89504e47" * sized(scale, 2_500_000, least=1000) + "}"
    elif variant == "short lines":
        extra = "".join(f"{rng.choice('abcxyz')}\\line\n" for _ in range(sized(scale, 200_000)))
    elif variant == "false bin":
        extra = "{\\*\\bin999999999 " + "ab" * sized(scale, 100_000) + "}"
    text = "{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times;}}\n" + paragraphs + extra + "\n}"
    path = folder / "memo.rtf"
    path.write_text(text, "ascii")
    return Hostile("rtf", path, planted=planted)
