"""Reading pictures of text (scanned PDF pages, photos, screenshots) with OCR.

The engine is RapidOCR on ONNX Runtime (Apache-2.0 and MIT; its PP-OCRv6 models, Apache-2.0,
ship inside the `rapidocr` wheel, so `pip install` is all it needs and nothing is downloaded
when it runs). Tesseract, the other candidate, is a system package pip cannot install.

Each picture becomes a `pdf_noise.Page` of boxes and lines, in the PDF's coordinates (y up),
so the PDF loader's reading order, running-line removal, paragraphs, headings and hyphenation
apply to OCR'd pages as to pages with a text layer. A word the engine is unsure of is kept
between two private-use marks; `with_uncertain_spans` takes them out of the article's text
and puts their offsets into its meta.

Progress and cancelling: `reporting(callback)` makes every picture read in the block call
`callback(done, total)`; a callback that returns False cancels the load with an ArticleError.
Pages as they come: `previewing(callback)` hands `callback` each run of pages read so far, in
page order, as an Article of its own (marks out, uncertain words in its meta), so that a window
can show a long scan's first pages while the rest is read; the loader's Article, made once all
pages are read (running lines, paragraphs across pages), is the one that counts.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import replace
from pathlib import Path
from typing import Any

from reader.core.errors import ArticleError
from reader.core.text.article import Article, ArticleMeta, Block
from reader.core.text.loaders.page_text import article_from_pages, reading_order
from reader.core.text.loaders.pdf_noise import Box, Line, Page

# PP-OCR's line scores on clean print are above 0.95 and on words it misreads mostly below
# 0.8 (bench/bench_ocr.py prints how the marks fall on the words it got wrong).
UNCERTAIN_BELOW = 0.8
# Lines the engine scores under this are dropped as noise (RapidOCR's default is 0.5; lower,
# so that doubtful words are shown, marked, rather than lost).
_KEEP_ABOVE = 0.3
UNSURE_START, UNSURE_END = "\ue000", "\ue001"
# The engine finds lines on the picture scaled to 2,000 pixels on its long side (RapidOCR's
# default) and reads them from that copy: a larger picture is scaled down first, which bounds
# the memory of the arrays made from it.
MAX_SIDE = 2000
# A line continues the box above it when the gap between them is under this many line heights
# and they overlap horizontally.
_LINE_GAP = 0.9

# The engine's line boxes are about 1.27 times the type size (bench_ocr's 11 pt lines give
# boxes of 13.9-14.3 pt at 150 and 300 dpi): sizes divided by it compare with pdfminer's type
# sizes on the text pages of a mixed PDF.
_BOX_PER_TYPE_SIZE = 1.27
# Boxes of one type size differ in height by up to about 20% (ascenders, descenders).
_SAME_SIZE = 0.25

Progress = Callable[[int, int], bool]
Preview = Callable[[Article], None]
_progress: ContextVar[Progress | None] = ContextVar("ocr_progress", default=None)
_preview: ContextVar[Preview | None] = ContextVar("ocr_preview", default=None)
_engine_lock = threading.Lock()
_engine: Any = None


@contextmanager
def reporting(callback: Progress) -> Iterator[None]:
    """Pictures read by OCR inside the block report `callback(done, total)`; a False answer
    cancels the load (ArticleError)."""
    token = _progress.set(callback)
    try:
        yield
    finally:
        _progress.reset(token)


def report(name: str, done: int, total: int) -> None:
    """Tells the caller's callback how far the OCR of `name` is; raises when it cancels."""
    callback = _progress.get()
    if callback is not None and callback(done, total) is False:
        raise ArticleError(f"Reading {name} with OCR was cancelled.")


@contextmanager
def previewing(callback: Preview) -> Iterator[None]:
    """Pages read inside the block are handed to `callback` as they come (see `preview`)."""
    token = _preview.set(callback)
    try:
        yield
    finally:
        _preview.reset(token)


def preview(path: Path, pages: list[Page]) -> None:
    """Hands the caller's preview callback, if any, the article of `pages` alone (the next
    pages of the document in order, read since the last call): paragraphs and headings as on
    their own, OCR marks taken out into `meta.uncertain`. Pages with no text give nothing."""
    callback = _preview.get()
    if callback is None or not any(box.lines for page in pages for box in page.boxes):
        return
    try:
        article = article_from_pages(path, pages, title=None, meta=ArticleMeta(ocr=True))
    except ArticleError:  # nothing left once running lines are out: nothing to show yet
        return
    callback(with_uncertain_spans(article))


def _ocr_engine() -> Any:
    """The engine, loaded once (1-2 s) on first use and shared; calls are serialised by
    `_engine_lock`, as ONNX Runtime already uses every core for one picture."""
    global _engine
    if _engine is None:
        try:
            from rapidocr import RapidOCR
        except ImportError as error:
            raise ArticleError(
                "OCR is not installed: reinstall Reader (pip install -e .) to read scans."
            ) from error
        _engine = RapidOCR(
            params={
                "Global.log_level": "error",
                "Global.text_score": _KEEP_ABOVE,
                "Global.max_side_len": MAX_SIDE,
                # The line-orientation classifier turns some upright lines of print upside
                # down and reads them as garbage: with it, bench_ocr's Vera Sans page has a
                # character error rate of 9.5%, without it 0%. Pages are upright (photos
                # are turned by their EXIF orientation first).
                "Global.use_cls": False,
            }
        )
    return _engine


def read_picture(image: Any) -> Page:
    """The text of a Pillow image as a Page in pixels of the image scaled to MAX_SIDE."""
    import numpy

    image = image.convert("RGB")
    image.thumbnail((MAX_SIDE, MAX_SIDE))
    picture = numpy.asarray(image)
    with _engine_lock:
        result = _ocr_engine()(picture, return_word_box=True)
    height = float(image.height)
    lines = []
    words_of_lines = result.word_results or ()
    for index, (box, text, score) in enumerate(
        zip(
            result.boxes if result.boxes is not None else (),
            result.txts or (),
            result.scores or (),
            strict=False,
        )
    ):
        words = words_of_lines[index] if index < len(words_of_lines) else ()
        shown = _marked(words) if words else _mark(text, score)
        xs = [point[0] for point in box]
        ys = [point[1] for point in box]
        size = (max(ys) - min(ys)) / _BOX_PER_TYPE_SIZE
        lines.append(Line(" ".join(shown.split()), min(xs), max(xs), height - min(ys), size))
    boxes = _boxes(_even_sizes([line for line in lines if line.text]))
    return Page(float(image.width), height, reading_order(boxes, float(image.width)))


def _even_sizes(lines: list[Line]) -> list[Line]:
    """Line heights within a quarter of the page's median made the median: the engine's boxes
    of one type size differ by ascenders and descenders, which must not make headings."""
    if not lines:
        return lines
    median = sorted(line.size for line in lines)[len(lines) // 2]
    for line in lines:
        if abs(line.size - median) <= median * _SAME_SIZE:
            line.size = median
    return lines


def _marked(words: tuple) -> str:
    return " ".join(_mark(word, score) for word, score, *_ in words)


def _mark(text: str, score: float) -> str:
    return f"{UNSURE_START}{text}{UNSURE_END}" if score < UNCERTAIN_BELOW else text


def _boxes(lines: list[Line]) -> list[Box]:
    """Lines grouped into boxes: a line goes into the box whose last line is just above it and
    overlaps it horizontally (a paragraph, or a column's run of lines)."""
    boxes: list[Box] = []
    for line in sorted(lines, key=lambda line: (-line.top, line.x0)):
        for box in boxes:
            last = box.lines[-1]
            gap = last.top - last.size - line.top
            if (
                -line.size / 2 < gap < _LINE_GAP * line.size
                and line.x0 < last.x1
                and line.x1 > last.x0
            ):
                box.lines.append(line)
                box.x0, box.x1 = min(box.x0, line.x0), max(box.x1, line.x1)
                break
        else:
            boxes.append(Box([line], line.x0, line.x1, line.top))
    return boxes


def with_uncertain_spans(article: Article) -> Article:
    """The article without the marks around uncertain words, their (start, end) offsets into
    its text in `meta.uncertain`, its blocks moved to match."""
    text = article.text
    meta = article.meta or ArticleMeta(ocr=True)
    removed_before = []  # marks removed before each position of the original text
    pieces: list[str] = []
    spans: list[tuple[int, int]] = []
    removed = 0
    start = 0
    for position, char in enumerate(text):
        removed_before.append(removed)
        if char == UNSURE_START:
            start = position - removed
            removed += 1
        elif char == UNSURE_END:
            spans.append((start, position - removed))
            removed += 1
        else:
            pieces.append(char)
    removed_before.append(removed)
    blocks = tuple(
        Block(
            block.kind,
            block.start - removed_before[block.start],
            block.end - removed_before[block.end],
        )
        for block in article.blocks
    )
    title = article.title.replace(UNSURE_START, "").replace(UNSURE_END, "")
    uncertain = tuple(span for span in spans if span[1] > span[0])
    return Article(
        title,
        "".join(pieces),
        blocks,
        article.path,
        replace(meta, uncertain=uncertain),
        article.notices,
    )
