"""A dated dateline opening the body dates an article of every format that carries news copy
(web page, Word, PDF, OpenDocument, RTF, Markdown, e-mail) when the file states no date; a
date the file states wins; a dateline without a year, or a date deeper in the text, dates
nothing; an e-book and a text read with OCR are never dated so. Every file is written here."""

from __future__ import annotations

import html
import zipfile
from dataclasses import replace
from email.message import EmailMessage
from pathlib import Path

import pytest

from reader.core.text.article import Article, ArticleMeta, Block, BlockKind
from reader.core.text.loaders import load_article
from reader.core.text.loaders.opening_dates import with_dateline_date

HEADLINE = "Dock workers accept contract after a week of stoppages"
DATELINE = "HALDEN, Norway, March 3, 2025 (Nordic Wire) - "
NO_YEAR = "HALDEN, Norway, March 3 (Nordic Wire) - "
LEDE = (
    "Dock workers at the port of Halden voted on Monday to accept a three-year contract, "
    "ending a week of stoppages that left the ferries idle."
)
QUOTE = (
    "“This is a fair deal for every crew,” said union spokesperson Liv Aune, who led the talks "
    "for the workers since the first day."
)
LATER = "Talks on pensions resume on April 14, 2025, the port authority said."
STATED = "2025-02-28"  # the date a file states in its metadata


def _body(opening: str) -> list[str]:
    return [opening + LEDE, QUOTE, LATER]


def _html(path: Path, opening: str, stated: bool) -> Path:
    meta = f'<meta property="article:published_time" content="{STATED}T10:00:00Z">'
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in _body(opening))
    path.write_text(
        f"<!DOCTYPE html><html><head><title>{HEADLINE}</title>{meta if stated else ''}</head>"
        f"<body><nav><a href='/'>Home</a></nav><article><h1>{HEADLINE}</h1>"
        f"<p>By Tove Lind</p>{paragraphs}</article></body></html>",
        encoding="utf-8",
    )
    return path


def _docx(path: Path, opening: str, stated: bool) -> Path:
    import datetime

    import docx

    document = docx.Document()  # its template's creation time is no article's date
    if stated:
        document.core_properties.created = datetime.datetime(2025, 2, 28, 9, 0)
    document.add_paragraph(HEADLINE, style="Title")
    document.add_paragraph("By Tove Lind")
    for paragraph in _body(opening):
        document.add_paragraph(paragraph)
    document.save(path)
    return path


def _odt(path: Path, opening: str, stated: bool) -> Path:
    paragraphs = "".join(
        f'<text:p text:style-name="Standard">{html.escape(p)}</text:p>' for p in _body(opening)
    )
    namespaces = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"'
    )
    created = f"<meta:creation-date>{STATED}T09:00:00</meta:creation-date>" if stated else ""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr(
            "content.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {namespaces}>'
            f'<office:body><office:text><text:p text:style-name="Title">{HEADLINE}</text:p>'
            f"{paragraphs}</office:text></office:body></office:document-content>",
        )
        archive.writestr(
            "meta.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta {namespaces}>'
            f"<office:meta>{created}</office:meta></office:document-meta>",
        )
    return path


def _rtf(path: Path, opening: str, stated: bool) -> Path:
    def escaped(text: str) -> str:
        return "".join(c if ord(c) < 128 else f"\\u{ord(c)}?" for c in text)

    created = "{\\creatim\\yr2025\\mo2\\dy28\\hr9\\min0}" if stated else ""
    body = "".join(f"\\pard {escaped(p)}\\par\n" for p in [HEADLINE, *_body(opening)])
    path.write_text(
        f"{{\\rtf1\\ansi\\deff0{{\\fonttbl{{\\f0 Times;}}}}{{\\info{created}}}\n{body}}}",
        encoding="ascii",
    )
    return path


def _markdown(path: Path, opening: str, stated: bool) -> Path:
    byline = "By Tove Lind, 28 February 2025" if stated else "By Tove Lind"
    path.write_text(
        "\n\n".join([f"# {HEADLINE}", byline, *_body(opening)]) + "\n", encoding="utf-8"
    )
    return path


def _eml(path: Path, opening: str, stated: bool) -> Path:
    message = EmailMessage()
    message["Subject"] = HEADLINE
    message["From"] = "Tove Lind <tove@example.invalid>"
    if stated:
        message["Date"] = "Fri, 28 Feb 2025 09:00:00 +0100"
    message.set_content("\n\n".join(_body(opening)) + "\n")
    path.write_bytes(bytes(message))
    return path


def _pdf(path: Path, opening: str, stated: bool) -> Path:
    """A one-page PDF written by hand (reportlab always states a creation date): the headline
    in large type, then each paragraph as lines in Helvetica; /Info only when `stated`."""
    lines = [(18, HEADLINE)]
    for paragraph in _body(opening):
        words, line = paragraph.split(), ""
        for word in words:
            if len(line) + len(word) > 80:
                lines.append((10, line))
                line = ""
            line = f"{line} {word}".strip()
        lines += [(10, line), (0, "")]
    content, y = [], 740
    for size, text in lines:
        if size:
            escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            data = escaped.encode("cp1252", "replace").decode("latin-1")
            content.append(f"BT /F1 {size} Tf 72 {y} Td ({data}) Tj ET")
        y -= 26 if size in (18, 0) else 13
    stream = "\n".join(content).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /CreationDate (D:20250228090000Z) >>",
    ]
    data = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(data))
        data += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    start = len(data)
    data += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    data += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    info = b" /Info 6 0 R" if stated else b""
    data += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        info,
        start,
    )
    path.write_bytes(bytes(data))
    return path


WRITERS = {
    ".html": _html,
    ".docx": _docx,
    ".odt": _odt,
    ".rtf": _rtf,
    ".md": _markdown,
    ".eml": _eml,
    ".pdf": _pdf,
}


@pytest.mark.parametrize("suffix", sorted(WRITERS))
def test_a_dated_dateline_dates_a_file_that_states_no_date(tmp_path, suffix):
    article = load_article(WRITERS[suffix](tmp_path / f"dock{suffix}", DATELINE, stated=False))
    assert article.text.count(DATELINE.strip()) == 1  # the dateline stays in the text
    assert article.meta is not None and article.meta.date == "2025-03-03"


@pytest.mark.parametrize("suffix", sorted(WRITERS))
def test_the_date_the_file_states_wins_over_the_dateline(tmp_path, suffix):
    article = load_article(WRITERS[suffix](tmp_path / f"dock{suffix}", DATELINE, stated=True))
    assert article.meta is not None and article.meta.date == STATED


@pytest.mark.parametrize("suffix", sorted(WRITERS))
def test_no_date_without_a_year_nor_from_deeper_in_the_text(tmp_path, suffix):
    # the dateline states no year; the only full date is a later paragraph's (April 14, 2025)
    year_less = load_article(WRITERS[suffix](tmp_path / f"a{suffix}", NO_YEAR, stated=False))
    plain = load_article(WRITERS[suffix](tmp_path / f"b{suffix}", "", stated=False))
    for article in (year_less, plain):
        assert "April 14, 2025" in article.text
        assert article.meta is None or article.meta.date is None


def test_a_web_page_takes_no_date_from_its_text_without_a_dateline(tmp_path):
    # htmldate's extensive search took the fourth paragraph's day for the page's date
    page = _html(tmp_path / "talks.html", "", stated=False)
    assert load_article(page).meta is None or load_article(page).meta.date is None
    assert load_article(_html(tmp_path / "dated.html", "", stated=True)).meta.date == STATED


def test_an_e_book_is_not_dated_by_its_first_chapters_dateline(tmp_path):
    chapter = "".join(f"<p>{html.escape(p)}</p>" for p in [HEADLINE, *_body(DATELINE)])
    path = tmp_path / "stories.epub"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/epub+zip")
        archive.writestr(
            "META-INF/container.xml",
            '<?xml version="1.0"?><container version="1.0" '
            'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
            '<rootfile full-path="content.opf" media-type="application/oebps-package+xml"/>'
            "</rootfiles></container>",
        )
        archive.writestr(
            "content.opf",
            '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0">'
            '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Stories</dc:title>'
            '</metadata><manifest><item id="c1" href="one.xhtml" '
            'media-type="application/xhtml+xml"/></manifest><spine><itemref idref="c1"/>'
            "</spine></package>",
        )
        archive.writestr(
            "one.xhtml",
            '<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml">'
            f"<head><title>One</title></head><body>{chapter}</body></html>",
        )
    article = load_article(path)
    assert DATELINE.strip() in article.text
    assert article.meta is None or article.meta.date is None


def _article(meta: ArticleMeta | None) -> Article:
    text = f"{HEADLINE}\n{DATELINE}{LEDE}"
    end = len(HEADLINE)
    blocks = (Block(BlockKind.TITLE, 0, end), Block(BlockKind.PARAGRAPH, end + 1, len(text)))
    return replace(Article(HEADLINE, text, blocks), meta=meta)


def test_text_read_with_ocr_is_never_dated_by_its_dateline():
    assert with_dateline_date(_article(None)).meta == ArticleMeta(date="2025-03-03")
    author = ArticleMeta(author="Tove Lind")
    assert with_dateline_date(_article(author)).meta == replace(author, date="2025-03-03")
    scanned = _article(ArticleMeta(ocr=True))
    assert with_dateline_date(scanned) is scanned  # a misread digit would date it wrongly


def test_a_heading_or_caption_may_stand_before_the_dateline_a_lede_may_not():
    text = "\n".join([HEADLINE, "A standfirst in short", LEDE, DATELINE + QUOTE])
    spans, position = [], 0
    for line in text.split("\n"):
        spans.append((position, position + len(line)))
        position += len(line) + 1
    kinds = (BlockKind.TITLE, BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.PARAGRAPH)
    blocks = tuple(Block(kind, s, e) for kind, (s, e) in zip(kinds, spans, strict=True))
    article = Article(HEADLINE, text, blocks)
    assert with_dateline_date(article).meta is None  # the dateline after a lede is no dateline
    later = replace(article, blocks=(blocks[0], blocks[1], blocks[3]))
    assert with_dateline_date(later).meta == ArticleMeta(date="2025-03-03")
