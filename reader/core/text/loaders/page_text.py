"""Laid-out pages to an article: the PDF loader's pages and pictures read with OCR alike.

- boxes are ordered for reading: full-width boxes split a page into bands; inside a band the
  left column is read before the right one;
- paragraphs are rebuilt: a box is split where a line ends short or the next is indented; a
  paragraph cut by a column or page break is rejoined; words hyphenated at a line end are
  joined (keeping the hyphen when the document writes the word with one elsewhere);
- lines in larger type than the body are headings; the first heading near the top of page one
  is the title (on pages read with OCR without one, a first line that reads as a headline).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from reader.core.text.article import Article, ArticleMeta, BlockKind
from reader.core.text.loaders.blocks import Part, article_from_parts, with_notices
from reader.core.text.loaders.pdf_noise import Box, Line, Page, without_running_lines
from reader.core.text.loaders.text import reads_as_title

_HEADING_SCALE = 1.15
_TITLE_SEARCH_BLOCKS = 3
_SHORT_LINE_SHARE = 0.8
_SENTENCE_END = (".", "!", "?", ":", "”", '"', "’", "'", ")")
# A word broken at a line end: letters only, lower case but for a capital initial ("Infor-").
_HYPHENATED = re.compile(r"\b([^\W\d_]+)-$")
_BROKEN = re.compile(r"\w-$")
_LETTERS = re.compile(r"[^\W\d_]+")
_WORD = re.compile(r"\w+")
_TWO_LETTERS = re.compile(r"[^\W\d_]{2}")
# The marks around a word OCR was unsure of (ocr.UNSURE_START, UNSURE_END), still in the text.
_OCR_MARKS = re.compile("[\ue000\ue001]")


def article_from_pages(
    path: Path, pages: list[Page], *, title: str | None, meta: ArticleMeta | None
) -> Article:
    """The article of laid-out pages (a PDF's, or pictures read with OCR): running lines out
    (said in its notices), paragraphs and headings rebuilt, the title first.

    Pages read with OCR (`meta.ocr`) with no title stated and no heading in large type take
    their first line with words as the title when it reads as one, as a .txt file's first
    line does (text.reads_as_title); else the title is made from the file name."""
    kept, left_out = without_running_lines(pages)
    parts = _title_first(_paragraphs(kept, _body_size(pages)))
    if title is None and meta is not None and meta.ocr:
        parts = _first_line_title(parts)
    article = article_from_parts(path, parts, title=title, meta=meta)
    return with_notices(article, running_lines_notice(left_out))


def running_lines_notice(count: int) -> str:
    """The notice for `count` running lines left out ("" for none)."""
    if not count:
        return ""
    lines = "1 line" if count == 1 else f"{count:,} lines"
    return f"Its running headers, footers and page numbers are not shown ({lines})."


def _first_line_title(parts: list[Part]) -> list[Part]:
    """Parts whose first is the title: the first with words, when it reads as a headline and no
    part is a title yet; specks before it (a stray mark, a clock, a page number) stay, after it,
    as _title_first moves a heading."""
    if any(kind is BlockKind.TITLE for kind, _ in parts):
        return parts
    for index, (_, text) in enumerate(parts[:_TITLE_SEARCH_BLOCKS]):
        line = _OCR_MARKS.sub("", text)
        if not _TWO_LETTERS.search(line):
            continue
        following = _OCR_MARKS.sub("", parts[index + 1][1]) if index + 1 < len(parts) else ""
        if reads_as_title(line, following, more=index + 1 < len(parts)):
            return [(BlockKind.TITLE, text), *parts[:index], *parts[index + 1 :]]
        break
    return parts


def _title_first(parts: list[Part]) -> list[Part]:
    """The first heading near the top of page one is the title (a running line may precede it)."""
    for index, (kind, text) in enumerate(parts[:_TITLE_SEARCH_BLOCKS]):
        if kind is BlockKind.HEADING:
            return [(BlockKind.TITLE, text), *parts[:index], *parts[index + 1 :]]
    return parts


def reading_order(boxes: list[Box], width: float) -> list[Box]:
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
