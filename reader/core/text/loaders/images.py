"""Pictures read with OCR: image files (PNG, JPEG, TIFF, WebP) and the pages of a PDF that have
no text layer (scans), rendered with PDFium (pypdfium2: Apache-2.0 and BSD-3-Clause).

Pictures are bounded before they are decoded: an image or a rendered page may hold at most
`MAX_PIXELS` (a 600 dpi A3 scan is 70 million), so that a small file claiming a huge picture
(a pixel-flood bomb) is refused with one line instead of filling memory.

The pages read are kept by the file's bytes (`reader.core.text.loaders.ocr_cache`): the same
file read again gives the same article without decoding or OCR, and a read cancelled half-way
goes on from the first page it had not read.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from reader.core.errors import ArticleError
from reader.core.text.article import Article, ArticleMeta
from reader.core.text.loaders import ocr, ocr_cache
from reader.core.text.loaders.page_text import article_from_pages
from reader.core.text.loaders.pdf_noise import Page
from reader.core.text.loaders.pdf_streams import DOCUMENT_BOUND

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".webp")
_SIGNATURES = {
    b"\x89PNG\r\n\x1a\n": "PNG",
    b"\xff\xd8\xff": "JPEG",
    b"II*\x00": "TIFF",
    b"MM\x00*": "TIFF",
}
# At 4 bytes a pixel, a picture stays within the bound of a PDF's streams (pdf_streams: 16
# times the 20 MB file limit): 84 million pixels (A4 at 300 dpi is 8.7 million, A3 at 600 dpi
# 70 million). Larger JPEGs are scaled down while decoded; other larger pictures are refused.
MAX_PIXELS = DOCUMENT_BOUND // 4
# A multi-page TIFF is read up to this many pages (a 50-page fax is already long for an article).
MAX_FRAMES = 50
# PDF pages are rendered at 200 dpi, then scaled to the engine's 2,000 pixels on the long side
# (an A4 page at 171 dpi, see ocr.MAX_SIDE).
RENDER_DPI = 200
# PDFium is not thread-safe: one document is rendered at a time.
_pdfium_lock = threading.Lock()


def picture_kind(data: bytes) -> str | None:
    """PNG, JPEG, TIFF or WebP when the bytes start as that format does, else None."""
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WebP"
    return next((kind for sign, kind in _SIGNATURES.items() if data.startswith(sign)), None)


def load_picture(path: Path, data: bytes) -> Article:
    """An image file's article, read with OCR; ArticleError when it is not an image Pillow can
    read, is too large, or holds no text."""
    key, made_by = ocr_cache.file_key(data), ocr_cache.settings("picture")
    entry = ocr_cache.load(key, made_by)
    if entry is not None and entry.complete:
        pages = [entry.pages[number] for number in entry.wanted]
    else:
        frames = _frames(path, data)
        kept = entry.pages if entry is not None and len(entry.wanted) == len(frames) else {}
        reads = {number: partial(ocr.read_picture, frame) for number, frame in enumerate(frames)}
        read = _read_kept(path, key, made_by, reads, kept, known=None)
        pages = [read[number] for number in range(len(frames))]
    if not any(box.lines for page in pages for box in page.boxes):
        raise ArticleError(f"No text found in {path.name}, even with OCR.")
    article = article_from_pages(path, pages, title=None, meta=ArticleMeta(ocr=True))
    return ocr.with_uncertain_spans(article)


def _frames(path: Path, data: bytes) -> list[Any]:
    """The image's frames (a TIFF may hold many pages), upright as the camera saw them."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    kind = f"a {picture_kind(data)} image" if picture_kind(data) else "an image"
    try:
        image = Image.open(io.BytesIO(data))
        frames = []
        for index in range(min(getattr(image, "n_frames", 1), MAX_FRAMES)):
            image.seek(index)
            if image.width * image.height > MAX_PIXELS:
                image.draft("RGB", _fitting(image.width, image.height))  # JPEG only
            if image.width * image.height > MAX_PIXELS:
                raise ArticleError(
                    f"{path.name} is refused: it is {kind} of {image.width} x {image.height} "
                    f"pixels, over the {MAX_PIXELS // 1_000_000} million pixels Reader reads."
                )
            frames.append(ImageOps.exif_transpose(image.convert("RGB")))
        return frames
    except (UnidentifiedImageError, OSError, ValueError, EOFError, SyntaxError) as error:
        raise ArticleError(f"{path.name} is {kind} that is damaged or unreadable.") from error
    except Image.DecompressionBombError as error:
        raise ArticleError(f"{path.name} is refused: it is {kind} too large to read.") from error


def _fitting(width: int, height: int) -> tuple[int, int]:
    scale = (MAX_PIXELS / (width * height)) ** 0.5
    return int(width * scale), int(height * scale)


def read_scanned_pages(
    path: Path, data: bytes, numbers: list[int], known: list[Page] | None = None
) -> dict[int, Page]:
    """The pages of the PDF `data` with the given numbers (from 0, ascending), rendered and
    read with OCR, in PDF points (y up) as pdfminer gives them; those the cache holds for
    these bytes are not read again.

    `known`, the document's pages as far as they are read (text pages, and a place for each
    scanned one), gets each page as it is read, and the pages up to it are previewed in order
    (`ocr.preview`): the text pages before a scan come with it. Pages all kept are handed
    over at once, without progress or previews."""
    key, made_by = ocr_cache.file_key(data), ocr_cache.settings("pdf")
    entry = ocr_cache.load(key, made_by)
    kept = entry.pages if entry is not None and entry.wanted == tuple(numbers) else {}
    reads = {number: partial(_read_scanned_page, path, data, number) for number in numbers}
    return _read_kept(path, key, made_by, reads, kept, known)


def _read_kept(
    path: Path,
    key: str,
    made_by: str,
    reads: dict[int, Callable[[], Page]],
    kept: dict[int, Page],
    known: list[Page] | None,
) -> dict[int, Page]:
    """Each page of `reads` (page number -> what reads it with OCR) read, in order, unless
    `kept` has it; the pages read are kept in the cache when the reading ends, cancelled or
    not. With `known` (a PDF's pages), each page read goes into it and the pages
    up to it are previewed; without, each page is previewed alone."""
    result: dict[int, Page] = {}
    if all(number in kept for number in reads):
        result = {number: kept[number] for number in reads}
        if known is not None:
            for number, page in result.items():
                known[number] = page
        return result
    shown = 0  # pages of `known` previewed
    try:
        for done, (number, read) in enumerate(reads.items()):
            ocr.report(path.name, done, len(reads))
            page = kept[number] if number in kept else read()
            result[number] = page
            if known is None:
                ocr.preview(path, [page])
                continue
            known[number] = page
            ocr.preview(path, known[shown : number + 1])
            shown = number + 1
        ocr.report(path.name, len(reads), len(reads))
    finally:
        if any(number not in kept for number in result):
            ocr_cache.save(key, made_by, reads, result)
    return result


def _read_scanned_page(path: Path, data: bytes, number: int) -> Page:
    """Page `number` of the PDF `data` rendered and read with OCR, in PDF points."""
    import pypdfium2

    with _pdfium_lock:
        try:
            document = pypdfium2.PdfDocument(data)
        except pypdfium2.PdfiumError as error:
            raise ArticleError(f"{path.name} is damaged: it cannot be read as a PDF.") from error
        try:
            page = document[number]
            width, height = page.get_size()
            image = page.render(scale=_render_scale(width, height)).to_pil()
        finally:
            document.close()
    read = ocr.read_picture(image)
    return _in_points(read, read.width / width)


def _render_scale(width: float, height: float) -> float:
    """RENDER_DPI, or less for a page so large that it would pass MAX_PIXELS."""
    scale = RENDER_DPI / 72
    pixels = width * height * scale * scale
    return scale if pixels <= MAX_PIXELS else scale * (MAX_PIXELS / pixels) ** 0.5


def _in_points(page: Page, scale: float) -> Page:
    for box in page.boxes:
        box.x0, box.x1, box.top = box.x0 / scale, box.x1 / scale, box.top / scale
        for line in box.lines:
            line.x0, line.x1, line.top, line.size = (
                line.x0 / scale,
                line.x1 / scale,
                line.top / scale,
                line.size / scale,
            )
    return Page(page.width / scale, page.height / scale, page.boxes)
