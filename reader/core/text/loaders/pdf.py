"""PDF, through pdfminer.six's layout analysis, every stream decoded under a bound
(pdf_streams); pages without a text layer but with pictures (scans) are read with OCR (images).

pdfminer groups characters into lines and lines into text boxes (its own box ordering is
turned off: it costs the square of the number of boxes); Reader then:
- drops running headers, footers, page numbers and printers' marks (pdf_noise), and lines
  of rotated characters (slugs along the edge, which pdfminer reads a character a line);
  the article's notices say how much was left out, and how many glyphs could not be read (a
  font that maps them to no character);
- writes ligatures and full-width forms as plain letters (pdf_noise.plain_letters);
- orders boxes for reading and rebuilds paragraphs, headings and the title (page_text);
  the info dictionary's title comes first when it states one.
"""

from __future__ import annotations

import io
import logging
import re
import statistics
import struct
import zlib
from dataclasses import replace
from pathlib import Path

from reader.core.errors import ArticleError
from reader.core.text.article import Article, ArticleMeta
from reader.core.text.loaders.blocks import with_notices
from reader.core.text.loaders.metadata import stated_meta, stated_title
from reader.core.text.loaders.opening_dates import with_dateline_date
from reader.core.text.loaders.page_text import article_from_pages, reading_order
from reader.core.text.loaders.pdf_noise import Box, Line, Page, plain_letters
from reader.core.text.loaders.pdf_streams import bounded_streams

# A glyph the font maps to no character (a bullet, an ornament): pdfminer writes "(cid:N)".
_UNMAPPED_GLYPH = re.compile(r"\(cid:\d+\)")
# Fewer unmapped glyphs than this are bullets and ornaments, not worth a notice; more are
# letters of a font without a character map, text the reader would miss.
_UNMAPPED_NOTICE = 20
_PDF_HEADER_BYTES = 1024  # where readers look for "%PDF" (a few files have junk before it)


# pdfminer logs every repair it makes to a damaged file; the user gets one sentence instead.
logging.getLogger("pdfminer").setLevel(logging.CRITICAL + 1)


def load_pdf(path: Path, data: bytes) -> Article:
    """A PDF's article, pages without a text layer but with pictures (scans) read with OCR;
    ArticleError for an encrypted or damaged PDF, or one with no text even so."""
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.psexceptions import PSException

    try:
        with bounded_streams(path.name):
            pages, info, scanned, left_out = _read_pages(path, data)
    except (PDFPasswordIncorrect, PDFEncryptionError) as error:
        raise ArticleError(
            f"{path.name} is encrypted with a password; open it in a PDF reader and save an "
            "unprotected copy first."
        ) from error
    except (
        PSException, ValueError, KeyError, TypeError, AssertionError, IndexError, EOFError,
        AttributeError, struct.error, zlib.error, RecursionError, OSError,
    ) as error:  # fmt: skip
        if b"%PDF" not in data[:_PDF_HEADER_BYTES]:
            raise ArticleError(
                f"{path.name} is damaged or not a PDF file (it does not start as a PDF does)."
            ) from error
        raise ArticleError(f"{path.name} is damaged: it cannot be read as a PDF.") from error
    if not pages:
        raise ArticleError(f"{path.name} has no pages.")
    if scanned:
        from reader.core.text.loaders.images import read_scanned_pages

        read_scanned_pages(path, data, scanned, known=pages)  # fills in `pages`
    if not any(box.lines for page in pages for box in page.boxes):
        if not scanned and left_out[1]:
            raise ArticleError(
                f"{path.name} has no text Reader can read: its {left_out[1]:,} characters are "
                "in fonts that do not say which letters they are."
            )
        what = "and OCR found none in its pictures" if scanned else "run OCR first"
        raise ArticleError(f"{path.name} is scanned: there is no text to read; {what}.")
    meta = stated_meta(author=info.get("Author"), date=_pdf_date(info.get("CreationDate")))
    title = stated_title(info.get("Title"))
    if not scanned:
        article = article_from_pages(path, pages, title=title, meta=meta)
    else:
        from reader.core.text.loaders.ocr import with_uncertain_spans

        meta = replace(meta or ArticleMeta(), ocr=True)
        article = with_uncertain_spans(article_from_pages(path, pages, title=title, meta=meta))
    article = with_dateline_date(article)  # not one read with OCR: its meta says so
    return with_notices(article, *_left_out_notices(*left_out))


def _left_out_notices(sideways: int, unmapped: int) -> tuple[str, str]:
    """The notices for the characters of rotated lines and the unmapped glyphs left out (""
    for none); pdfminer reads rotated text a character a line, so characters are counted."""
    turned = ""
    if sideways:
        characters = "1 character" if sideways == 1 else f"{sideways:,} characters"
        turned = f"Its sideways (rotated) text is not shown ({characters})."
    glyphs = ""
    if unmapped >= _UNMAPPED_NOTICE:
        glyphs = (
            f"{unmapped:,} characters are not shown: their font does not say which letters "
            "or symbols they are."
        )
    return turned, glyphs


def _read_pages(
    path: Path, data: bytes
) -> tuple[list[Page], dict[str, str], list[int], tuple[int, int]]:
    """Each page's size and text boxes, the info dictionary's text entries, the numbers of
    the pages with pictures but no text (scans), and what was left out: the characters of
    rotated lines and the glyphs that map to no character."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams, LTTextLine
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    document = PDFDocument(PDFParser(io.BytesIO(data)))
    info = _info(document)
    manager = PDFResourceManager(caching=True)
    device = PDFPageAggregator(manager, laparams=LAParams(boxes_flow=None, all_texts=True))
    interpreter = PDFPageInterpreter(manager, device)
    pages = []
    scanned = []
    sideways = unmapped = 0
    for page in PDFPage.create_pages(document):
        interpreter.process_page(page)
        layout = device.get_result()
        boxes = []
        for item in _text_boxes(layout):
            lines = []
            for text_line in item:
                if not isinstance(text_line, LTTextLine):
                    continue
                line, glyphs = _line(text_line)
                unmapped += glyphs
                if line is None:
                    sideways += len("".join(text_line.get_text().split()))
                elif line.text:
                    lines.append(line)
            if lines:
                boxes.append(Box(lines, item.x0, item.x1, item.y1))
        if not boxes and _has_pictures(path, layout):
            scanned.append(len(pages))
        pages.append(Page(layout.width, layout.height, reading_order(boxes, layout.width)))
    return pages, info, scanned, (sideways, unmapped)


def _has_pictures(path: Path, layout) -> bool:
    """Whether the page shows pictures (in figures too); one whose stated size passes what OCR
    may decode is refused before PDFium decodes it."""
    from pdfminer.layout import LTFigure, LTImage

    from reader.core.text.loaders.images import MAX_PIXELS

    pending, found = list(layout), False
    while pending:
        item = pending.pop()
        if isinstance(item, LTFigure):
            pending += list(item)
        elif isinstance(item, LTImage):
            width, height = (size if isinstance(size, int) else 0 for size in item.srcsize)
            if width * height > MAX_PIXELS:
                raise ArticleError(
                    f"{path.name} is refused: a picture in it of {width} x {height} pixels is "
                    f"over the {MAX_PIXELS // 1_000_000} million pixels Reader reads."
                )
            found = True
    return found


def _text_boxes(layout) -> list:
    """The page's text boxes; on a page whose text is all inside figures (a page drawn as one
    form XObject, as some printers to PDF do), the figures' text boxes. Labels of a figure on a
    page with text of its own are not article text."""
    from pdfminer.layout import LTFigure, LTTextBox

    boxes = [item for item in layout if isinstance(item, LTTextBox)]
    if boxes:
        return boxes
    pending = [item for item in layout if isinstance(item, LTFigure)]
    while pending:
        figure = pending.pop(0)
        boxes += [item for item in figure if isinstance(item, LTTextBox)]
        pending += [item for item in figure if isinstance(item, LTFigure)]
    return boxes


def _line(line) -> tuple[Line | None, int]:
    """The line (None for a line of rotated characters) and how many of its glyphs map to no
    character (left out)."""
    from pdfminer.layout import LTChar

    chars = [char for char in line if isinstance(char, LTChar)]
    if chars and sum(not char.upright for char in chars) * 2 > len(chars):
        return None, 0
    size = statistics.median(char.size for char in chars) if chars else 0.0
    text, unmapped = _UNMAPPED_GLYPH.subn("", line.get_text())
    text = " ".join(plain_letters(text).split())
    return Line(text, line.x0, line.x1, line.y1, size), unmapped


def _info(document) -> dict[str, str]:
    from pdfminer.pdftypes import resolve1

    result: dict[str, str] = {}
    for entry in document.info or ():
        for key, value in (resolve1(entry) or {}).items():
            text = _pdf_string(resolve1(value))
            if text and key not in result:
                result[key] = text
    return result


def _pdf_string(value) -> str | None:
    if isinstance(value, bytes):
        if value.startswith((b"\xfe\xff", b"\xff\xfe")):
            text = value.decode("utf-16", errors="replace")
        else:
            from pdfminer.utils import decode_text

            text = decode_text(value)
    elif isinstance(value, str):
        text = value
    else:
        return None
    return " ".join(text.replace("\x00", "").split()) or None


def _pdf_date(value: str | None) -> str | None:
    """`D:20240305103000+01'00'` gives `2024-03-05`."""
    match = re.match(r"(?:D:)?(\d{4})(\d{2})?(\d{2})?", value or "")
    if not match:
        return None
    year, month, day = match.groups()
    return "-".join(part for part in (year, month, day) if part)
