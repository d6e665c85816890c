"""PDF with a text layer, through pdfminer.six's layout analysis, every stream decoded under a
bound (pdf_streams).

pdfminer groups characters into lines and lines into text boxes; Reader then:
- orders boxes for reading: full-width boxes split a page into bands; inside a band the left
  column is read before the right one (pdfminer's own box ordering is turned off: it costs
  the square of the number of boxes);
- drops running headers, footers, page numbers and printers' marks (pdf_noise), and lines
  of rotated characters (slugs along the edge, which pdfminer reads a character a line);
- writes ligatures and full-width forms as plain letters (pdf_noise.plain_letters);
- rebuilds paragraphs: a box is split where a line ends short or the next is indented; a
  paragraph cut by a column or page break is rejoined; words hyphenated at a line end are
  joined (keeping the hyphen when the document writes the word with one elsewhere);
- takes the title from the info dictionary, else the largest type at the top of page one;
  lines in larger type than the body are headings.
"""

from __future__ import annotations

import io
import logging
import re
import statistics
import struct
import zlib
from collections import Counter
from pathlib import Path

from reader.core.errors import ArticleError
from reader.core.text.article import Article, BlockKind
from reader.core.text.loaders.blocks import Part, article_from_parts
from reader.core.text.loaders.metadata import stated_meta, stated_title
from reader.core.text.loaders.pdf_noise import Box, Line, Page, plain_letters, without_running_lines
from reader.core.text.loaders.pdf_streams import bounded_streams

_HEADING_SCALE = 1.15
_TITLE_SEARCH_BLOCKS = 3
_SHORT_LINE_SHARE = 0.8
_SENTENCE_END = (".", "!", "?", ":", "”", '"', "’", "'", ")")
# A word broken at a line end: letters only, lower case but for a capital initial ("Infor-").
_HYPHENATED = re.compile(r"\b([^\W\d_]+)-$")
_BROKEN = re.compile(r"\w-$")
_LETTERS = re.compile(r"[^\W\d_]+")
_WORD = re.compile(r"\w+")
# A glyph the font maps to no character (a bullet, an ornament): pdfminer writes "(cid:N)".
_UNMAPPED_GLYPH = re.compile(r"\(cid:\d+\)")


# pdfminer logs every repair it makes to a damaged file; the user gets one sentence instead.
logging.getLogger("pdfminer").setLevel(logging.CRITICAL + 1)


def load_pdf(path: Path, data: bytes) -> Article:
    """A PDF's article; ArticleError for a scanned, encrypted or damaged PDF."""
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.psexceptions import PSException

    try:
        with bounded_streams(path.name):
            pages, info = _read_pages(data)
    except (PDFPasswordIncorrect, PDFEncryptionError) as error:
        raise ArticleError(
            f"{path.name} is encrypted with a password; open it in a PDF reader and save an "
            "unprotected copy first."
        ) from error
    except (
        PSException, ValueError, KeyError, TypeError, AssertionError, IndexError, EOFError,
        AttributeError, struct.error, zlib.error, RecursionError, OSError,
    ) as error:  # fmt: skip
        raise ArticleError(f"{path.name} is damaged: it cannot be read as a PDF.") from error
    if not pages:
        raise ArticleError(f"{path.name} has no pages.")
    if not any(box.lines for page in pages for box in page.boxes):
        raise ArticleError(f"{path.name} is scanned: there is no text to read; run OCR first.")
    body_size = _body_size(pages)
    parts = _paragraphs(without_running_lines(pages), body_size)
    parts = _title_first(parts)
    meta = stated_meta(author=info.get("Author"), date=_pdf_date(info.get("CreationDate")))
    return article_from_parts(path, parts, title=stated_title(info.get("Title")), meta=meta)


def _title_first(parts: list[Part]) -> list[Part]:
    """The first heading near the top of page one is the title (a running line may precede it)."""
    for index, (kind, text) in enumerate(parts[:_TITLE_SEARCH_BLOCKS]):
        if kind is BlockKind.HEADING:
            return [(BlockKind.TITLE, text), *parts[:index], *parts[index + 1 :]]
    return parts


def _read_pages(data: bytes) -> tuple[list[Page], dict[str, str]]:
    """Each page's size and text boxes, and the info dictionary's text entries."""
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
    for page in PDFPage.create_pages(document):
        interpreter.process_page(page)
        layout = device.get_result()
        boxes = []
        for item in _text_boxes(layout):
            lines = [_line(line) for line in item if isinstance(line, LTTextLine)]
            lines = [line for line in lines if line and line.text]
            if lines:
                boxes.append(Box(lines, item.x0, item.x1, item.y1))
        pages.append(Page(layout.width, layout.height, _reading_order(boxes, layout.width)))
    return pages, info


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


def _line(line) -> Line | None:
    """The line, or None for a line of rotated characters."""
    from pdfminer.layout import LTChar

    chars = [char for char in line if isinstance(char, LTChar)]
    if chars and sum(not char.upright for char in chars) * 2 > len(chars):
        return None
    size = statistics.median(char.size for char in chars) if chars else 0.0
    text = " ".join(plain_letters(_UNMAPPED_GLYPH.sub("", line.get_text())).split())
    return Line(text, line.x0, line.x1, line.y1, size)


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


def _reading_order(boxes: list[Box], width: float) -> list[Box]:
    """Top to bottom; in two-column stretches, the left column before the right."""
    middle = width / 2
    boxes = sorted(boxes, key=lambda box: (-box.top, box.x0))
    ordered: list[Box] = []
    band: list[Box] = []
    for box in boxes:
        if box.x0 < middle - 10 and box.x1 > middle + 10:  # spans the gutter: a full-width box
            ordered += _columns(band, middle)
            band = []
            ordered.append(box)
        else:
            band.append(box)
    return ordered + _columns(band, middle)


def _columns(band: list[Box], middle: float) -> list[Box]:
    left = [box for box in band if box.x1 <= middle + 10]
    right = [box for box in band if box.x1 > middle + 10]
    return left + right


def _body_size(pages: list[Page]) -> float:
    """The most common type size, weighted by characters: the body text's."""
    sizes: Counter[float] = Counter()
    for page in pages:
        for box in page.boxes:
            for line in box.lines:
                sizes[round(line.size, 1)] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _paragraphs(pages: list[list[Box]], body_size: float) -> list[Part]:
    """Paragraphs and headings across pages; a paragraph cut by a column or page break is
    rejoined."""
    raw: list[tuple[BlockKind, list[str]]] = []
    for boxes in pages:
        previous_top = None
        for box in boxes:
            # Reading order goes back up only into the next column.
            opens_column = previous_top is None or box.top >= previous_top
            previous_top = box.top
            for index, (kind, lines) in enumerate(_split_box(box, body_size)):
                continuing = (
                    index == 0
                    and opens_column
                    and raw
                    and kind is BlockKind.PARAGRAPH
                    and raw[-1][0] is BlockKind.PARAGRAPH
                    and not raw[-1][1][-1].endswith(_SENTENCE_END)
                    and lines[0][:1].islower()
                )
                if continuing:
                    raw[-1][1].extend(lines)
                else:
                    raw.append((kind, lines))
    vocabulary = Counter(
        word.casefold() for _, lines in raw for line in lines for word in _WORD.findall(line)
    )
    return [(kind, _join_lines(lines, vocabulary)) for kind, lines in raw]


def _split_box(box: Box, body_size: float) -> list[tuple[BlockKind, list[str]]]:
    """A box's blocks: lines in larger type are headings; a paragraph ends after a short line
    that ends a sentence, or where the next line is indented."""
    width = max(line.x1 for line in box.lines) - box.x0
    result: list[tuple[BlockKind, list[str]]] = []
    previous: Line | None = None
    for line in box.lines:
        kind = BlockKind.HEADING if _is_large(line, body_size) else BlockKind.PARAGRAPH
        if previous is None or kind is not result[-1][0]:
            result.append((kind, [line.text]))
        else:
            short = previous.x1 - box.x0 < _SHORT_LINE_SHARE * width
            indented = line.x0 - box.x0 > body_size and previous.x0 - box.x0 <= body_size / 2
            if kind is BlockKind.PARAGRAPH and (
                (short and previous.text.endswith(_SENTENCE_END)) or indented
            ):
                result.append((kind, [line.text]))
            else:
                result[-1][1].append(line.text)
        previous = line
    return result


def _is_large(line: Line, body_size: float) -> bool:
    return bool(body_size) and line.size >= body_size * _HEADING_SCALE


def _join_lines(lines: list[str], vocabulary: Counter[str]) -> str:
    """Lines joined by spaces. A line ending in a hyphen after a letter or digit goes on without
    a space: a word broken at the line end (both halves lower-case letters, a capital initial
    aside) loses the hyphen unless the document writes it with one elsewhere; a compound
    ("COVID-19", "UN-backed", "Anglo-French") keeps it."""
    text = lines[0]
    for line in lines[1:]:
        if not (_BROKEN.search(text) and line[:1].isalnum()):
            text += " " + line
            continue
        match = _HYPHENATED.search(text)
        next_word = _LETTERS.match(line)
        if match and next_word and _lower(match.group(1)[1:]) and next_word.group().islower():
            joined = (match.group(1) + next_word.group()).casefold()
            hyphenated = f"{match.group(1)}-{next_word.group()}".casefold()
            keep_hyphen = vocabulary[joined] == 0 and _both_halves_are_words(hyphenated, vocabulary)
            text = text if keep_hyphen else text[:-1]
        text += line
    return text


def _lower(letters: str) -> bool:
    return letters == letters.lower()


def _both_halves_are_words(word: str, vocabulary: Counter[str]) -> bool:
    """Whether both halves of a hyphenated compound are words the document uses on their own."""
    first, _, second = word.partition("-")
    return vocabulary[first] > 1 and vocabulary[second] > 1
