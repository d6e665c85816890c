"""What a loader leaves out of a file is said in the article's notices, one short line each,
and the text it keeps is the same as without them: PDF running lines, sideways lines and
glyphs no font maps, e-mail attachments and further text parts, forwarded messages past the
cap, an e-book's auxiliary items and missing chapters, OpenDocument and RTF headers."""

from __future__ import annotations

import zipfile
from email.message import EmailMessage
from pathlib import Path

import pytest

from reader.core.text.loaders import ArticleError, load_article
from reader.core.text.loaders.blocks import HEADERS_LEFT_OUT
from tests.core.text import format_samples as samples

_BODY = "Harbour pilots voted on the offer from the port authority on page {page}, line {line}."


# -- PDF ---------------------------------------------------------------------------------------


def _pdf(path: Path, pages: int, *, furniture: bool, sideways: bool = False) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    page = canvas.Canvas(str(path), pagesize=A4)
    for number in range(pages):
        if furniture:
            page.setFont("Helvetica", 8)
            page.drawString(72, A4[1] - 40, "Northern Courier · Harbour Report")
            page.drawRightString(A4[0] - 72, 30, f"Page {number + 1} of {pages}")
        if sideways:
            page.saveState()
            page.translate(20, 300)
            page.rotate(90)
            page.drawString(0, 0, "Printed for the harbour desk only")
            page.restoreState()
        page.setFont("Helvetica", 10)
        for line in range(12):
            page.drawString(72, A4[1] - 120 - 14 * line, _BODY.format(page=number, line=line))
        page.showPage()
    page.save()
    return path


def test_a_pdf_says_how_many_running_lines_it_left_out(tmp_path):
    article = load_article(_pdf(tmp_path / "report.pdf", 4, furniture=True))
    plain = load_article(_pdf(tmp_path / "plain.pdf", 4, furniture=False))

    assert article.notices == (
        "Its running headers, footers and page numbers are not shown (8 lines).",
    )
    assert plain.notices == ()
    assert article.text == plain.text  # the notice is beside the text, never in it


def test_a_pdf_says_it_left_out_sideways_lines(tmp_path):
    article = load_article(_pdf(tmp_path / "slug.pdf", 2, furniture=False, sideways=True))

    assert "Printed for the harbour desk" not in article.text
    # pdfminer reads rotated text a character a line: characters are counted, spaces aside
    assert article.notices == ("Its sideways (rotated) text is not shown (56 characters).",)


def _pdf_with_an_unmapped_font(path: Path, glyphs: int) -> Path:
    """A page with a line in Helvetica and a line of `glyphs` glyphs in a CID font that has no
    map to characters (no ToUnicode, Identity ordering): pdfminer reads them as "(cid:N)"."""
    codes = "".join(f"{number % 40 + 1:04x}" for number in range(glyphs))
    content = (
        "BT /F2 12 Tf 72 700 Td (Harbour pilots voted to end their strike on Friday.) Tj ET\n"
        f"BT /F1 12 Tf 72 650 Td <{codes}> Tj ET\n"
    ).encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R /F2 6 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Mystery /Encoding /Identity-H "
        b"/DescendantFonts [7 0 R] >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"endstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Mystery /CIDSystemInfo "
        b"<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 500 >>",
    ]
    data = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(data))
        data += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    start = len(data)
    data += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    data += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    data += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        start,
    )
    path.write_bytes(bytes(data))
    return path


def test_a_pdf_says_how_many_glyphs_no_font_maps_to_a_character(tmp_path):
    article = load_article(_pdf_with_an_unmapped_font(tmp_path / "mystery.pdf", 60))
    few = load_article(_pdf_with_an_unmapped_font(tmp_path / "bullets.pdf", 3))

    assert "Harbour pilots voted" in article.text and "cid:" not in article.text
    assert article.notices == (
        "60 characters are not shown: their font does not say which letters or symbols they are.",
    )
    assert few.notices == ()  # a few bullets or ornaments are not worth a word


# -- e-mail ------------------------------------------------------------------------------------


def _message(text: str = "The ferry crews accepted the offer on Friday.\n") -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = "Ferry crews accept offer"
    message["From"] = "Desk <desk@example.invalid>"
    message["Date"] = "Fri, 14 Mar 2025 09:00:00 +0100"
    message.set_content(text)
    return message


def _load(tmp_path: Path, message: EmailMessage):
    path = tmp_path / "message.eml"
    path.write_bytes(bytes(message))
    return load_article(path)


def test_an_e_mail_names_the_attachments_it_does_not_read(tmp_path):
    message = _message()
    message.add_attachment(b"%PDF-1.4 ...", maintype="application", subtype="pdf",
                           filename="offer.pdf")  # fmt: skip
    message.add_attachment(b"\x89PNG...", maintype="image", subtype="png", filename="crew.png")
    article = _load(tmp_path, message)

    assert article.text.strip() == "The ferry crews accepted the offer on Friday."
    assert article.notices == ("Its 2 attachments are not read (offer.pdf, crew.png).",)
    assert _load(tmp_path, _message()).notices == ()
    assert load_article(samples.write_eml(tmp_path / "sample.eml")).notices == ()  # alternatives


def test_an_e_mail_says_when_its_text_goes_on_in_parts_not_shown(tmp_path):
    message = _message()
    message.make_mixed()
    second = EmailMessage()
    second.set_content("A second stretch of the message, after a picture.\n")
    message.attach(second)
    article = _load(tmp_path, message)

    assert "second stretch" not in article.text
    assert article.notices == ("1 more part of its text is not shown (Reader reads the first).",)


def test_an_e_mail_says_what_of_its_forwarded_messages_is_not_shown(tmp_path):
    message = _message("Many forwards below.\n")
    for number in range(22):
        inner = _message(f"Forwarded note number {number}.\n")
        message.add_attachment(inner)
    broken = EmailMessage()
    broken["Subject"] = "Broken"
    broken.set_content(b"\x00\x01\x02binary\x00", maintype="text", subtype="plain")
    article = _load(tmp_path, message)

    assert "Forwarded note number 19." in article.text
    assert "Forwarded note number 20." not in article.text
    assert article.notices == ("Messages forwarded past the first 20 are not shown.",)

    short = _message("One broken forward below.\n")
    short.add_attachment(broken)
    assert _load(tmp_path, short).notices == ("The text of a forwarded message could not be read.",)


# -- e-books, OpenDocument, RTF ----------------------------------------------------------------


def _epub_with(tmp_path: Path, spine: str, manifest: str) -> Path:
    source = samples.write_epub(tmp_path / "source.epub")
    path = tmp_path / "book.epub"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(path, "w") as copy:
        for info in original.infolist():
            data = original.read(info)
            if info.filename == "OEBPS/content.opf":
                text = data.decode()
                text = text.replace("</manifest>", manifest + "</manifest>")
                text = text.replace("</spine>", spine + "</spine>")
                data = text.encode()
            copy.writestr(info, data)
        copy.writestr(
            "OEBPS/notes.xhtml",
            '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Note one.</p></body></html>',
        )
    return path


def test_an_e_book_says_what_of_its_spine_it_does_not_show(tmp_path):
    sample = load_article(samples.write_epub(tmp_path / "sample.epub"))
    assert sample.notices == ()  # its table of contents (linear="no") repeats the headings

    path = _epub_with(
        tmp_path,
        '<itemref idref="notes" linear="no"/><itemref idref="gone"/>',
        '<item id="notes" href="notes.xhtml" media-type="application/xhtml+xml"/>'
        '<item id="gone" href="text/three.xhtml" media-type="application/xhtml+xml"/>',
    )
    article = load_article(path)

    assert article.text == sample.text
    assert article.notices == (
        "A part the book marks as auxiliary (notes, contents or the like) is not shown.",
        "A chapter the book lists is missing from the file.",
    )


def test_an_odt_says_its_headers_and_footers_are_not_shown(tmp_path):
    source = samples.write_odt(tmp_path / "source.odt")
    styles = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-styles '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:master-styles>'
        '<style:master-page style:name="Standard"><style:footer-left>'
        "<text:p>Northern Courier, page <text:page-number>1</text:page-number></text:p>"
        "</style:footer-left></style:master-page></office:master-styles>"
        "</office:document-styles>"
    )
    path = tmp_path / "report.odt"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(path, "w") as copy:
        for info in original.infolist():
            copy.writestr(info, original.read(info))
        copy.writestr("styles.xml", styles)
    article = load_article(path)

    assert "Northern Courier" not in article.text
    assert article.text == load_article(source).text
    assert article.notices == (HEADERS_LEFT_OUT,)
    assert load_article(source).notices == ()


def test_an_rtf_says_its_headers_and_footers_are_not_shown(tmp_path):
    body = "\\pard Ferry crews accepted the offer on Friday.\\par\n}"
    with_header = tmp_path / "header.rtf"
    with_header.write_text("{\\rtf1\\ansi{\\headerl\\pard Northern Courier\\par}\n" + body)
    empty_header = tmp_path / "empty.rtf"
    empty_header.write_text("{\\rtf1\\ansi{\\header\\pard\\par}\\headery720\n" + body)

    article = load_article(with_header)

    assert article.text.strip() == "Ferry crews accepted the offer on Friday."
    assert article.notices == (HEADERS_LEFT_OUT,)
    assert load_article(empty_header).notices == ()


def test_a_pdf_whose_only_text_no_font_maps_says_so(tmp_path):
    data = _pdf_with_an_unmapped_font(tmp_path / "mystery.pdf", 60).read_bytes()
    only = data.replace(b"(Harbour pilots voted to end their strike on Friday.)", b"()" + b" " * 51)
    path = tmp_path / "only.pdf"
    path.write_bytes(only)
    with pytest.raises(ArticleError, match=r"only\.pdf has no text Reader can read: its 60 char"):
        load_article(path)


def test_a_markdown_file_says_how_many_raw_html_blocks_with_text_it_left_out(tmp_path):
    path = tmp_path / "story.md"
    path.write_text(
        "# Ferry crews accept offer\n\nThe crews accepted the offer on Friday.\n\n"
        '<div class="caption">The harbour at dawn</div>\n\n<!-- an editor\'s comment -->\n\n'
        "<hr/>\n\nThe ferries run again on Monday.\n",
        encoding="utf-8",
    )
    article = load_article(path)

    assert "harbour at dawn" not in article.text and "run again" in article.text
    assert article.notices == ("A block of raw HTML with text in it is not shown.",)
    plain = tmp_path / "plain.md"
    plain.write_text("# Ferry crews\n\nThe crews <b>accepted</b> the offer.\n", encoding="utf-8")
    assert load_article(plain).notices == ()  # inline tags keep their words
