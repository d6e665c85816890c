"""Pictures read with OCR (issue 23, deliverable 5): image files, scanned and mixed PDFs, the
uncertain words, progress and cancelling, and pictures bounded before decoding (issue 26)."""

from __future__ import annotations

import io
import os
import struct
import zlib
from pathlib import Path

import pytest

from reader.core.text.article import Article, ArticleMeta, Block, BlockKind
from reader.core.text.loaders import ArticleError, load_article, ocr
from reader.core.text.loaders.images import MAX_PIXELS, picture_kind
from reader.core.text.loaders.pdf_noise import Box, Line, Page

_LINES = [
    "Harbour pilots in Rotterdam voted on Friday to end their strike",
    "after the port authority raised its offer, the union said.",
]


def _font(size: int, bold: bool = False):
    import reportlab
    from PIL import ImageFont

    name = "VeraBd.ttf" if bold else "Vera.ttf"
    return ImageFont.truetype(
        os.path.join(os.path.dirname(reportlab.__file__), "fonts", name), size
    )


def _picture(lines: list[str] = _LINES, title: str = "Harbour strike ends"):
    """A small page of print at about 200 dpi: a bold headline and body lines."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (1400, 120 + 44 * len(lines)), "white")
    draw = ImageDraw.Draw(image)
    draw.text((40, 20), title, font=_font(54, bold=True), fill="black")
    for number, line in enumerate(lines):
        draw.text((40, 110 + 44 * number), line, font=_font(30), fill="black")
    return image


def _scanned_pdf(path: Path, picture, text_page: str | None = None) -> Path:
    """A PDF of a page with a text layer (when given), then the picture as a scanned page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    page = canvas.Canvas(str(path), pagesize=A4)
    if text_page:
        page.setFont("Helvetica", 11)
        page.drawString(72, 770, text_page)
        page.showPage()
    width = A4[0] - 72
    height = width * picture.height / picture.width
    page.drawImage(ImageReader(picture), 36, A4[1] - 36 - height, width=width, height=height)
    page.showPage()
    page.save()
    return path


def _words(text: str) -> list[str]:
    return text.replace("\n", " ").split()


def test_a_png_page_real_ocr_round_trip(tmp_path):
    path = tmp_path / "photo.png"
    _picture().save(path)

    article = load_article(path)

    assert article.title == "Harbour strike ends"
    body = " ".join(_LINES)
    found = set(_words(article.text))
    assert sum(word in found for word in _words(body)) >= 0.95 * len(_words(body))
    assert article.meta == ArticleMeta(ocr=True, uncertain=article.meta.uncertain)
    assert article.meta.to_dict()["ocr"] is True


def test_a_mixed_pdf_real_ocr_reads_each_page_its_own_way(tmp_path):
    path = _scanned_pdf(tmp_path / "mixed.pdf", _picture(), "The first page has a text layer.")

    article = load_article(path)

    assert article.text.index("The first page has a text layer.") < article.text.index("pilots")
    assert "voted on Friday" in article.text
    assert article.meta.ocr
    kinds = {article.block_text(block): block.kind for block in article.blocks}
    body = next(text for text in kinds if "voted on Friday" in text)
    # The OCR'd body is in the same type size as the text layer's, not a heading.
    assert kinds[body] is kinds["The first page has a text layer."] is BlockKind.PARAGRAPH


def _fake_reader(monkeypatch, seen: list) -> None:
    """OCR replaced by a reader that gives one line naming the picture's size (no engine)."""

    def read(image):
        seen.append(image.size)
        line = Line(f"Page read from {len(seen)} pictures.", 40, 400, image.height - 40, 12)
        return Page(image.width, image.height, [Box([line], 40, 400, image.height - 40)])

    monkeypatch.setattr(ocr, "read_picture", read)


def test_only_pages_without_text_are_rendered_for_ocr(tmp_path, monkeypatch):
    seen: list = []
    _fake_reader(monkeypatch, seen)
    path = _scanned_pdf(tmp_path / "mixed.pdf", _picture(), "A page with a text layer.")

    article = load_article(path)

    assert len(seen) == 1
    assert article.text.split("\n")[:2] == [
        "A page with a text layer.",
        "Page read from 1 pictures.",
    ]


def test_progress_is_reported_and_a_cancel_stops_the_load(tmp_path, monkeypatch):
    _fake_reader(monkeypatch, [])
    path = _scanned_pdf(tmp_path / "scan.pdf", _picture())
    calls: list[tuple[int, int]] = []

    with ocr.reporting(lambda done, total: False), pytest.raises(ArticleError, match="cancelled"):
        load_article(path)

    with ocr.reporting(lambda done, total: calls.append((done, total)) is None):
        load_article(path)
    assert calls == [(0, 1), (1, 1)]


def test_pages_are_previewed_in_order_as_they_are_read(tmp_path, monkeypatch):
    seen: list = []
    _fake_reader(monkeypatch, seen)
    path = _scanned_pdf(tmp_path / "mixed.pdf", _picture(), "A page with a text layer.")
    previews: list[Article] = []

    with ocr.previewing(previews.append):
        article = load_article(path)

    # The text page before the scan comes with it, in one preview, once the scan is read.
    assert [preview.text.split("\n") for preview in previews] == [
        ["A page with a text layer.", "Page read from 1 pictures."]
    ]
    assert previews[0].meta.ocr
    assert article.text.startswith(previews[0].text)


def test_each_frame_of_a_picture_is_previewed_with_its_uncertain_words(tmp_path, monkeypatch):
    unsure, sure = ocr.UNSURE_START, ocr.UNSURE_END

    def read(image):
        line = Line(f"Frame {unsure}wdth{sure} {image.width}.", 40, 400, image.height - 40, 12)
        return Page(image.width, image.height, [Box([line], 40, 400, image.height - 40)])

    monkeypatch.setattr(ocr, "read_picture", read)
    frames = [_picture().resize((700 + 100 * number, 300)) for number in range(3)]
    frames[0].save(tmp_path / "fax.tiff", save_all=True, append_images=frames[1:])
    previews: list[Article] = []

    with ocr.previewing(previews.append):
        article = load_article(tmp_path / "fax.tiff")

    assert [preview.text for preview in previews] == [
        "Frame wdth 700.",
        "Frame wdth 800.",
        "Frame wdth 900.",
    ]
    assert all(preview.meta.uncertain == ((6, 10),) for preview in previews)
    assert [article.text[start:end] for start, end in article.meta.uncertain] == ["wdth"] * 3


def test_a_pdf_with_neither_text_nor_pictures_still_says_so(tmp_path):
    from reportlab.pdfgen import canvas

    page = canvas.Canvas(str(tmp_path / "shapes.pdf"))
    page.rect(50, 50, 400, 600, fill=1)
    page.save()

    with pytest.raises(ArticleError, match="there is no text to read; run OCR first"):
        load_article(tmp_path / "shapes.pdf")


def test_uncertain_words_leave_the_text_and_are_given_by_offset():
    unsure, sure = ocr.UNSURE_START, ocr.UNSURE_END
    marked = f"Talks in {unsure}Rotterdarn{sure} ended.\nNext {unsure}day{sure}."
    end = marked.index("\n")
    blocks = (Block(BlockKind.TITLE, 0, end), Block(BlockKind.PARAGRAPH, end + 1, len(marked)))
    article = Article("Talks", marked, blocks, meta=ArticleMeta(ocr=True))

    plain = ocr.with_uncertain_spans(article)
    spans = plain.meta.uncertain

    assert plain.text == "Talks in Rotterdarn ended.\nNext day."
    assert [plain.text[start:end] for start, end in spans] == ["Rotterdarn", "day"]
    assert [plain.block_text(block) for block in plain.blocks] == [
        "Talks in Rotterdarn ended.",
        "Next day.",
    ]
    meta = ArticleMeta(ocr=True, uncertain=spans)
    assert meta.to_dict() == {"ocr": True, "ocr_uncertain": [[9, 19], [32, 35]]}
    assert ArticleMeta(author="A").to_dict() == {"author": "A"}  # other articles unchanged


def test_lines_are_grouped_into_boxes_by_column_and_gap():
    def line(text, x0, top):
        return Line(text, x0, x0 + 200, top, 20)

    lines = [line("left one", 0, 1000), line("left two", 0, 975), line("right one", 300, 1000)]
    lines.append(line("left after a gap", 0, 900))

    boxes = ocr._boxes(lines)

    assert [[item.text for item in box.lines] for box in boxes] == [
        ["left one", "left two"],
        ["right one"],
        ["left after a gap"],
    ]


def _png_header(width: int, height: int) -> bytes:
    """A PNG that claims the given size, with one tiny compressed row."""
    head = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    chunk = b"IHDR" + head
    body = struct.pack(">I", len(head)) + chunk + struct.pack(">I", zlib.crc32(chunk))
    data = zlib.compress(b"\x00" * 16)
    idat = b"IDAT" + data
    body += struct.pack(">I", len(data)) + idat + struct.pack(">I", zlib.crc32(idat))
    return b"\x89PNG\r\n\x1a\n" + body


def test_a_picture_claiming_too_many_pixels_is_refused_before_decoding(tmp_path):
    path = tmp_path / "flood.png"
    path.write_bytes(_png_header(40_000, 40_000))
    assert MAX_PIXELS < 40_000 * 40_000

    with pytest.raises(ArticleError, match=r"flood\.png is refused: it is a PNG image"):
        load_article(path)


def test_a_damaged_picture_says_what_it_is(tmp_path):
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0" + bytes(40))

    with pytest.raises(ArticleError, match=r"photo\.jpg is a JPEG image that is damaged"):
        load_article(path)


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n", "PNG"),
        (b"\xff\xd8\xff\xe0", "JPEG"),
        (b"II*\x00", "TIFF"),
        (b"MM\x00*", "TIFF"),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "WebP"),
        (b"GIF89a", None),
    ],
)
def test_pictures_are_known_by_their_first_bytes(head, kind):
    assert picture_kind(head + bytes(8)) == kind


def test_every_picture_format_opens_by_its_suffix_and_its_content(tmp_path, monkeypatch):
    seen: list = []
    _fake_reader(monkeypatch, seen)
    picture = _picture()
    for suffix, kind in ((".png", "PNG"), (".jpg", "JPEG"), (".tiff", "TIFF"), (".webp", "WebP")):
        stream = io.BytesIO()
        picture.save(stream, kind.upper())
        (tmp_path / f"page{suffix}").write_bytes(stream.getvalue())
        (tmp_path / f"renamed{suffix}.txt").write_bytes(stream.getvalue())
        assert load_article(tmp_path / f"page{suffix}").meta.ocr
        assert load_article(tmp_path / f"renamed{suffix}.txt").meta.ocr
    assert seen == [picture.size] * 4  # the renamed copies' pages are the cache's
