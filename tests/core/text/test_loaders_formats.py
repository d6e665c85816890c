"""Word, PDF, EPUB, ODT, RTF, e-mail and saved pages: one article in each, and their failures."""

from __future__ import annotations

import contextlib
import zipfile
from email.message import EmailMessage

import pytest

from reader.core.text.article import BlockKind
from reader.core.text.loaders import SUPPORTED_SUFFIXES, ArticleError, load_article
from tests.core.text import format_samples as samples


@pytest.mark.parametrize("suffix", sorted(samples.WRITERS))
def test_the_same_article_in_every_format_loads_with_its_title_and_text(tmp_path, suffix):
    path = samples.WRITERS[suffix](tmp_path / f"harbour{suffix}")
    article = load_article(path)
    assert article.title == samples.TITLE
    assert samples.bag_of_words_f1(article.text, samples.body_text()) >= 0.97
    assert article.blocks[0].kind is BlockKind.TITLE
    headings = [article.block_text(b) for b in article.blocks if b.kind is BlockKind.HEADING]
    assert samples.HEADING in headings
    for block in article.blocks:
        assert 0 <= block.start < block.end <= len(article.text)
        assert article.block_text(block) == article.block_text(block).strip()


@pytest.mark.parametrize("suffix", sorted(samples.WRITERS))
def test_every_format_names_its_author(tmp_path, suffix):
    article = load_article(samples.WRITERS[suffix](tmp_path / f"harbour{suffix}"))
    if suffix == ".mhtml":  # the saved page's own meta tags
        assert article.meta is not None and article.meta.author == samples.AUTHOR
        return
    assert article.meta is not None
    assert article.meta.author == samples.AUTHOR


@pytest.mark.parametrize("suffix", [".epub", ".odt", ".rtf", ".eml"])
def test_formats_with_a_publication_date_give_it(tmp_path, suffix):
    article = load_article(samples.WRITERS[suffix](tmp_path / f"harbour{suffix}"))
    assert article.meta.date == samples.DATE


def test_epub_names_its_publisher_and_keeps_spine_order(tmp_path):
    article = load_article(samples.write_epub(tmp_path / "book.epub"))
    assert article.meta.site == "Northern Courier"
    first, last = article.text.index(samples.PARAGRAPHS[0]), article.text.index(samples.HEADING)
    assert first < last  # the manifest lists chapter two first; the spine decides
    assert "Contents" not in article.text  # a non-linear spine item is not reading order


def test_every_format_is_in_the_file_dialog_filter():
    for suffix in (".docx", ".pdf", ".epub", ".odt", ".rtf", ".eml", ".mhtml", ".mht"):
        assert suffix in SUPPORTED_SUFFIXES


def test_content_decides_over_a_wrong_suffix(tmp_path):
    pdf = samples.write_pdf(tmp_path / "report.pdf")
    renamed = tmp_path / "report.txt"
    renamed.write_bytes(pdf.read_bytes())
    assert load_article(renamed).title == samples.TITLE


def test_fifty_page_report_loses_its_running_header_and_page_numbers(tmp_path):
    article = load_article(samples.write_pdf(tmp_path / "report.pdf", pages=50))
    assert "Northern Courier" not in article.text
    assert "Page " not in article.text
    assert article.text.count(samples.PARAGRAPHS[0]) == 50
    expected = "\n".join([samples.TITLE, *[samples.body_text().split("\n", 1)[1]] * 50])
    assert samples.bag_of_words_f1(article.text, expected) >= 0.99


def test_pdf_two_columns_read_left_then_right_and_hyphenation_joined(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "columns.pdf"
    page = canvas.Canvas(str(path), pagesize=A4)
    page.setFont("Helvetica-Bold", 20)
    page.drawString(72, 780, "Two columns of news")
    page.setFont("Helvetica", 10)
    left = [
        "The left column opens the story and",
        "runs down the page before the nego-",
        "tiations that follow in it.",
    ]
    right = ["The right column comes second and", "ends the story with a final line."]
    for number, line in enumerate(left):
        page.drawString(72, 740 - 12 * number, line)
    for number, line in enumerate(right):
        page.drawString(320, 740 - 12 * number, line)
    page.save()
    article = load_article(path)
    assert article.title == "Two columns of news"
    assert article.text.index("left column") < article.text.index("right column")
    assert "negotiations that follow" in article.text


def test_scanned_pdf_says_to_run_ocr(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    page = canvas.Canvas(str(path))
    page.rect(50, 50, 400, 600, fill=1)
    page.save()
    with pytest.raises(ArticleError, match="scanned: there is no text to read; run OCR first"):
        load_article(path)


def test_encrypted_pdf_says_so(tmp_path):
    path = samples.write_pdf(tmp_path / "locked.pdf", encrypt="secret")
    with pytest.raises(ArticleError, match="encrypted with a password"):
        load_article(path)


@pytest.mark.parametrize("cut", [200, 2000])
def test_corrupt_pdf_says_it_is_damaged(tmp_path, cut):
    data = samples.write_pdf(tmp_path / "whole.pdf").read_bytes()
    path = tmp_path / "broken.pdf"
    path.write_bytes(data[:cut])
    with pytest.raises(ArticleError, match=r"damaged|no pages|scanned"):
        load_article(path)


def test_garbage_named_pdf_says_it_is_damaged(tmp_path):
    path = tmp_path / "fake.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 10)
    with pytest.raises(ArticleError, match="damaged"):
        load_article(path)


@pytest.mark.parametrize("suffix", [".docx", ".odt", ".epub"])
def test_a_text_file_named_like_a_document_is_read_as_text_and_says_so(tmp_path, suffix):
    path = tmp_path / f"notes{suffix}"
    path.write_text("just some words")
    article = load_article(path)
    assert article.text == "just some words"
    assert article.notices[0].startswith(f"notes{suffix} is plain text, not ")


@pytest.mark.parametrize("suffix", [".docx", ".odt", ".epub"])
def test_binary_bytes_named_like_a_document_say_what_is_wrong(tmp_path, suffix):
    path = tmp_path / f"notes{suffix}"
    path.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(ArticleError, match="not a valid ZIP archive"):
        load_article(path)


def test_a_zip_of_something_else_is_named(tmp_path):
    path = tmp_path / "photos.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("a.jpg", b"\xff\xd8\xff")
    with pytest.raises(ArticleError, match="ZIP archive, not a Word"):
        load_article(path)


def test_a_truncated_docx_is_damaged(tmp_path):
    data = samples.write_docx(tmp_path / "whole.docx").read_bytes()
    path = tmp_path / "cut.docx"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(ArticleError, match=r"damaged|not a valid ZIP"):
        load_article(path)


def test_an_epub_without_package_is_damaged(tmp_path):
    path = tmp_path / "book.epub"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/epub+zip")
    with pytest.raises(ArticleError, match="damaged"):
        load_article(path)


def test_odt_with_broken_content_is_damaged(tmp_path):
    path = tmp_path / "doc.odt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content")
    with pytest.raises(ArticleError, match="damaged"):
        load_article(path)


def test_docx_keeps_tables_as_text_and_line_breaks(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("Vote count", style="Heading 1")
    paragraph = document.add_paragraph("Returning officer's note:")
    paragraph.add_run().add_break()
    paragraph.add_run("counted twice.")
    table = document.add_table(rows=2, cols=2)
    for row, cells in zip(table.rows, [("Party", "Votes"), ("Harbour List", "1,204")], strict=True):
        for cell, value in zip(row.cells, cells, strict=True):
            cell.text = value
    document.save(tmp_path / "count.docx")
    article = load_article(tmp_path / "count.docx")
    texts = [article.block_text(b) for b in article.blocks]
    assert "Returning officer's note:\ncounted twice." in texts
    assert "Party | Votes" in texts and "Harbour List | 1,204" in texts


def test_eml_without_html_reads_its_plain_part(tmp_path):
    message = EmailMessage()
    message["Subject"] = "Ferry timetable changes"
    message["From"] = "Desk <desk@example.invalid>"
    message.set_content("Ferry timetable changes\n\nThe ferry to Senja leaves an hour later.\n")
    path = tmp_path / "note.eml"
    path.write_bytes(bytes(message))
    article = load_article(path)
    assert article.title == "Ferry timetable changes"
    assert article.blocks[0].kind is BlockKind.TITLE
    assert "Senja leaves" in article.text
    assert article.meta.author == "Desk"


def test_eml_with_a_short_html_body_keeps_it(tmp_path):
    message = EmailMessage()
    message["Subject"] = "Quick note"
    message.set_content("<p>Meeting moved to Friday.</p>", subtype="html")
    path = tmp_path / "short.eml"
    path.write_bytes(bytes(message))
    assert "Meeting moved to Friday." in load_article(path).text


def test_a_text_named_eml_without_headers_is_refused(tmp_path):
    path = tmp_path / "plain.eml"
    path.write_bytes(b"\n\njust a body\n")
    with pytest.raises(ArticleError, match="not an e-mail"):
        load_article(path)


def test_rtf_that_is_not_rtf_is_read_as_text_or_refused(tmp_path):
    path = tmp_path / "fake.rtf"
    path.write_text("plain words")
    assert load_article(path).notices == ("fake.rtf is plain text, not an RTF file; read as text.",)
    path.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(ArticleError, match="not an RTF document"):
        load_article(path)


def test_old_word_file_is_named(tmp_path):
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))
    with pytest.raises(ArticleError, match="old Microsoft Office file"):
        load_article(path)


def test_samples_bag_of_words_f1_is_a_real_measure():
    assert samples.bag_of_words_f1("a b c", "a b c") == 1.0
    assert samples.bag_of_words_f1("a b", "c d") == 0.0
    assert 0.6 < samples.bag_of_words_f1("a b c", "a b d") < 0.7


def test_a_damaged_pdf_logs_nothing_of_its_repairs(tmp_path, caplog):
    data = bytearray(samples.write_pdf(tmp_path / "whole.pdf").read_bytes())
    for offset in range(400, len(data), 97):
        data[offset] = 0x30
    path = tmp_path / "damaged.pdf"
    path.write_bytes(bytes(data))
    with caplog.at_level("DEBUG"), contextlib.suppress(ArticleError):
        load_article(path)
    assert not [record for record in caplog.records if record.name.startswith("pdfminer")]


def test_a_zip_of_an_unknown_version_is_damaged(tmp_path):
    data = bytearray(samples.write_epub(tmp_path / "book.epub").read_bytes())
    central = data.rfind(b"PK\x01\x02")
    data[central + 6] = 200  # "version needed to extract": one zipfile cannot read
    path = tmp_path / "future.epub"
    path.write_bytes(bytes(data))
    with pytest.raises(ArticleError, match=r"damaged|not a valid ZIP"):
        load_article(path)


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path):
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(300):
                member.write(chunk)
    assert path.stat().st_size < 2 * 1024 * 1024
    with pytest.raises(ArticleError, match="would unpack to 300 MB, past 160 MB"):
        load_article(path)


def test_a_docx_that_opens_with_a_heading_takes_it_as_title_and_drops_template_metadata(
    tmp_path,
):
    import docx

    document = docx.Document()  # python-docx's template: author "python-docx", dated 2013
    document.add_heading("Aid talks stall", 1)
    document.add_paragraph("Lavrov said the talks would go on.")
    path = tmp_path / "d.docx"
    document.save(path)
    article = load_article(path)
    assert article.title == "Aid talks stall"
    assert article.meta is None


def test_a_pdf_page_drawn_as_one_form_xobject_is_read_not_called_scanned(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "printed.pdf"
    page = canvas.Canvas(str(path))
    page.beginForm("page")
    page.setFont("Helvetica", 11)
    page.drawString(72, 720, "Harbour pilots ended their strike on Friday after talks.")
    page.endForm()
    page.doForm("page")
    page.save()
    assert "ended their strike" in load_article(path).text
