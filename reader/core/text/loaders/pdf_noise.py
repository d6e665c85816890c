"""What a PDF page carries besides the article: running headers and footers, page numbers,
printers' marks and timestamps, and the typesetter's ligatures.

Running lines are found by repetition, not by wording: a short line in a page's margin (top,
bottom, either side, or off the page) is running when lines like it stand in the same margin on
at least two of the pages around it. "Like it" allows the small changes real running lines
have from page to page: digits (page numbers, dates, times) and month and weekday names are
masked, and the rest need only be 80% alike (a section name added or changed). Looking at the
pages around a line, not the whole document, also finds a chapter's own running head, and
keeps the cost linear in the number of pages.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher

# The top and bottom 7% of a page (2 cm on A4) hold running heads and folios; the outer 7% of
# each side holds side folios and printers' slugs (body text starts at 10-12% on A4 and Letter).
_MARGIN_SHARE = 0.07
_RUNNING_BOX_LINES = 2
# A margin line is running when lines like it stand in the same margin on at least 2 of the
# 4 pages on each side of its own (3 pages in all, as a running head needs at least to be
# told from a one-off line); 4 pages reach 2 more of a head that alternates between left and
# right pages even from the first page.
_WINDOW = 4
_MIN_REPEATS = 2
_ALIKE = 0.8
_PAGE_NUMBER = re.compile(
    r"^[\s\-–—|]*(?:page|p\.|seite|página|pagina)?\s*(?:\d{1,5}|[ivxlcdm]{1,8})"
    r"(?:\s*(?:of|/|von|de)\s*\d{1,5})?[\s\-–—|]*$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
_CALENDAR_WORDS = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|(?:mon|tues|wednes|thurs"
    r"|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun|am|pm)\b"
)
# Ligatures (ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ) and the other presentation forms of the Latin, Armenian and Hebrew
# letters, and full-width ASCII: typesetting artefacts whose NFKC form is the plain letters.
_COMPATIBILITY = re.compile("[\ufb00-\ufb4f\uff01-\uff5e]+")


@dataclass(slots=True)
class Line:
    text: str
    x0: float
    x1: float
    top: float
    size: float


@dataclass(slots=True)
class Box:
    lines: list[Line]
    x0: float
    x1: float
    top: float


@dataclass(slots=True)
class Page:
    width: float
    height: float
    boxes: list[Box]


def plain_letters(text: str) -> str:
    """Ligatures and full-width forms as the letters they stand for ("ﬁrst" gives "first"), so
    that search and analysis see words; done on the shown text, so offsets stay right."""
    return _COMPATIBILITY.sub(lambda match: unicodedata.normalize("NFKC", match.group()), text)


def without_running_lines(pages: list[Page]) -> tuple[list[list[Box]], int]:
    """Each page's boxes without running headers, footers, page numbers and printers' marks,
    and how many lines were left out (for the article's notice).

    Only short boxes (a line or two) count: a paragraph that happens to start in the margin is
    body text, however its first line reads.
    """
    margins = [_margin_lines(page) for page in pages]
    kept_pages = []
    left_out = 0
    for number, page in enumerate(pages):
        window = [margins[other] for other in _window(number, len(pages))]
        kept_boxes = []
        for box in page.boxes:
            lines = box.lines
            if _short(box):
                lines = [line for line in lines if not _is_running(line, page, window)]
                left_out += len(box.lines) - len(lines)
            if lines:
                kept_boxes.append(Box(lines, box.x0, box.x1, box.top))
        kept_pages.append(kept_boxes)
    return kept_pages, left_out


def _window(number: int, count: int) -> list[int]:
    return [
        other
        for other in range(number - _WINDOW, number + _WINDOW + 1)
        if 0 <= other < count and other != number
    ]


def _margin(line: Line, page: Page) -> str | None:
    """Which margin the line lies in: a line in the top or bottom strip, or wholly in a side
    strip, or off the page (printers' marks in the slug)."""
    if line.top > page.height or line.x1 < 0 or line.x0 > page.width or line.top < 0:
        return "outside"
    if line.top >= page.height * (1 - _MARGIN_SHARE):
        return "top"
    if line.top <= page.height * _MARGIN_SHARE:
        return "bottom"
    if line.x1 <= page.width * _MARGIN_SHARE:
        return "left"
    if line.x0 >= page.width * (1 - _MARGIN_SHARE):
        return "right"
    return None


def _key(line: Line) -> str:
    """The line's text with what changes from page to page masked."""
    text = _DIGITS.sub("#", line.text.casefold())
    return _CALENDAR_WORDS.sub("@", text)


def _margin_lines(page: Page) -> dict[str, list[str]]:
    """The keys of the page's short margin lines, by margin."""
    found: dict[str, list[str]] = {}
    for box in page.boxes:
        if _short(box):
            for line in box.lines:
                margin = _margin(line, page)
                if margin:
                    found.setdefault(margin, []).append(_key(line))
    return found


def _is_running(line: Line, page: Page, window: list[dict[str, list[str]]]) -> bool:
    margin = _margin(line, page)
    if margin is None:
        return False
    if _PAGE_NUMBER.match(line.text):
        return True
    key = _key(line)
    repeats = sum(any(_alike(key, other) for other in lines.get(margin, ())) for lines in window)
    return repeats >= _MIN_REPEATS


def _alike(key: str, other: str) -> bool:
    if key == other:
        return True
    matcher = SequenceMatcher(None, key, other, autojunk=False)
    return matcher.real_quick_ratio() >= _ALIKE and matcher.ratio() >= _ALIKE


def _short(box: Box) -> bool:
    return len(box.lines) <= _RUNNING_BOX_LINES
