"""A file named as one format that holds another is read as what it holds, and its article says
so; a page read with OCR is titled by its first line when that reads as a headline."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.text.article import BlockKind
from reader.core.text.loaders import ArticleError, load_article, ocr
from reader.core.text.loaders.pdf_noise import Box, Line, Page
from tests.core.text import format_samples as samples

_STORY = (
    "Ferry crews accept offer\n\n"
    "The ferry crews of the northern islands accepted the new offer on Friday, the union "
    "said, ending a strike that had lasted nine days.\n"
)

# -- a name that says one format, bytes that hold another ------------------------------------


@pytest.mark.parametrize(
    ("name", "promised"),
    [
        ("story.pdf", "a PDF"),
        ("story.docx", "a Word file"),
        ("story.epub", "an EPUB e-book"),
        ("story.odt", "an OpenDocument file"),
        ("story.rtf", "an RTF file"),
        ("story.png", "an image"),
    ],
)
def test_text_named_as_a_binary_format_is_read_as_text_and_says_so(tmp_path, name, promised):
    path = tmp_path / name
    path.write_text(_STORY, encoding="utf-8")
    as_text = tmp_path / "story.txt"
    as_text.write_text(_STORY, encoding="utf-8")

    article = load_article(path)

    assert article.notices == (f"{name} is plain text, not {promised}; read as text.",)
    expected = load_article(as_text)
    assert (article.text, article.blocks, article.title) == (
        expected.text,
        expected.blocks,
        expected.title,
    )


def test_a_web_page_saved_as_a_pdf_is_read_as_a_web_page(tmp_path):
    path = tmp_path / "download.pdf"
    path.write_text(
        "<!DOCTYPE html><html><head><title>Ferry crews accept offer</title></head><body>"
        "<h1>Ferry crews accept offer</h1><p>The ferry crews accepted the new offer on "
        "Friday, the union said.</p></body></html>",
        encoding="utf-8",
    )
    article = load_article(path)

    assert "accepted the new offer" in article.text and "<p>" not in article.text
    assert article.notices == ("download.pdf is a web page (HTML), not a PDF; read as a web page.",)


def test_a_pdf_named_as_text_is_read_as_a_pdf_and_says_so(tmp_path):
    pdf = samples.write_pdf(tmp_path / "source.pdf")
    path = tmp_path / "notes.txt"
    path.write_bytes(pdf.read_bytes())

    article = load_article(path)

    assert article.text == load_article(pdf).text
    assert article.notices[0] == "notes.txt is a PDF, not plain text; read as a PDF."
    assert "notes.txt" not in " ".join(load_article(pdf).notices)


def test_a_document_under_another_documents_name_says_what_it_is(tmp_path):
    path = tmp_path / "story.pdf"
    path.write_bytes(samples.write_docx(tmp_path / "source.docx").read_bytes())
    assert load_article(path).notices[0] == (
        "story.pdf is a Word, OpenDocument or EPUB file, not a PDF; read as one."
    )
    renamed = tmp_path / "story.epub"  # one archive format for another: the archive decides
    renamed.write_bytes(path.read_bytes())
    assert not any("story.epub" in notice for notice in load_article(renamed).notices)


def test_binary_bytes_named_pdf_without_a_header_say_what_is_wrong(tmp_path):
    path = tmp_path / "cut.pdf"
    path.write_bytes(bytes(range(1, 256)) * 40)
    with pytest.raises(ArticleError, match=r"cut\.pdf is damaged or not a PDF file"):
        load_article(path)


def test_a_pdf_with_a_damaged_header_is_not_taken_for_text(tmp_path):
    data = samples.write_pdf(tmp_path / "source.pdf").read_bytes()
    path = tmp_path / "header.pdf"
    path.write_bytes(b"%PDX" + data[4:])  # the objects still read as a PDF's
    try:
        article = load_article(path)
    except ArticleError as error:
        assert "PDF" in str(error)
    else:
        assert not any("plain text" in notice for notice in article.notices)


def test_a_gif_named_pdf_is_named_for_what_it_is(tmp_path):
    path = tmp_path / "chart.pdf"
    path.write_bytes(b"GIF89a" + bytes(64))
    with pytest.raises(ArticleError, match="GIF image, not a text article"):
        load_article(path)


# -- titles of pages read with OCR -------------------------------------------------------------


def _read_as(monkeypatch, lines: list[str]) -> None:
    """OCR replaced by a reader that finds these lines, in one type size, one box each."""

    def read(image):
        boxes = []
        for number, text in enumerate(lines):
            top = image.height - 40 - 60 * number
            line = Line(text, 40, 40 + 9 * len(text), top, 14)
            boxes.append(Box([line], line.x0, line.x1, top))
        return Page(image.width, image.height, boxes)

    monkeypatch.setattr(ocr, "read_picture", read)


def _scan(path: Path) -> Path:
    from PIL import Image

    Image.new("RGB", (1200, 900), "white").save(path)
    return path


_LEDE = (
    "The ferry crews of the northern islands accepted the new offer on Friday, the union "
    "said, ending a strike that had lasted nine days and cut the islands off."
)


def test_a_page_read_by_ocr_is_titled_by_a_headline_first_line(tmp_path, monkeypatch):
    _read_as(monkeypatch, ["Ferry crews accept offer", _LEDE])
    article = load_article(_scan(tmp_path / "scan_0042.png"))

    assert article.title == "Ferry crews accept offer"
    assert article.blocks[0].kind is BlockKind.TITLE
    assert article.text == f"Ferry crews accept offer\n{_LEDE}"  # the text is as before


def test_a_stray_speck_before_the_headline_is_passed_over(tmp_path, monkeypatch):
    _read_as(monkeypatch, ["|", "Ferry crews accept offer", _LEDE])
    article = load_article(_scan(tmp_path / "scan_0042.png"))

    assert article.title == "Ferry crews accept offer"
    assert sorted(article.text.split("\n")) == sorted(["|", "Ferry crews accept offer", _LEDE])


@pytest.mark.parametrize(
    "first",
    [
        _LEDE,  # a first sentence, no headline
        "PARIS (Reuters) - The ferry crews accepted",  # a dateline, as for a .txt file
        "12:45",  # a clock: no words
    ],
)
def test_a_page_read_by_ocr_without_a_headline_is_titled_by_its_file_name(
    tmp_path, monkeypatch, first
):
    _read_as(monkeypatch, [first, _LEDE])
    article = load_article(_scan(tmp_path / "scan_0042.png"))

    assert article.title == "Scan 0042"
    assert all(block.kind is not BlockKind.TITLE for block in article.blocks)


def test_a_pdf_with_a_text_layer_keeps_its_title_rule(tmp_path):
    from reportlab.pdfgen import canvas

    page = canvas.Canvas(str(tmp_path / "memo_7.pdf"))
    page.setFont("Helvetica", 11)
    page.drawString(72, 770, "Ferry crews accept offer")
    page.drawString(72, 740, _LEDE[:90])
    page.save()

    assert load_article(tmp_path / "memo_7.pdf").title == "Memo 7"  # OCR'd pages only
