"""Plain text (.txt, .text): the decoded file is the article text, unchanged but for line ends.

Which line breaks are paragraph breaks is decided here, once, and recorded in the blocks:
blank lines when the file has them; otherwise an indented first line, or (in hard-wrapped
text) a line that ends well before the wrap width; otherwise every line is a paragraph.
A line break inside a block is a hard wrap, which the analysis reads as a space.

The title is the first paragraph when it reads as a headline (`first_line_title`), else a title
made from the file name; only the title is decided there, never the text or its offsets. A
byline near the top ("By Ana Souza, 3 March 2024") gives the author and date; without a date
in a byline, the dateline that opens the body ("LISBONIA, Portugal, March 3, 2025 — …") gives
it (`reader.core.text.loaders.datelines`). A byline paragraph is a paragraph, never a heading
(short and without a full stop, it would read as one).
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from reader.core.errors import ArticleError
from reader.core.text.article import Article, ArticleMeta, Block, BlockKind
from reader.core.text.decoding import decode_text
from reader.core.text.loaders.blocks import bounded_blocks, looks_like_heading, title_from_path
from reader.core.text.loaders.datelines import OPENING_PARAGRAPHS, opening_date
from reader.core.text.loaders.metadata import byline_meta, first_byline, written_date

_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_LINE = re.compile(r"[^\n]*")
# Hard-wrapped text: most lines end within this many characters of the longest line.
_WRAP_SLACK = 12
_WRAPPED_SHARE = 0.6
_MIN_WRAPPED_LINES = 5
_MIN_WRAP_WIDTH, _MAX_WRAP_WIDTH = 50, 120
_TITLE_CASE_SHARE = 0.7
# Without a wrap width: a line this long that ends without these marks continues on the next.
_MIN_WRAPPED_LINE = 55
_LINE_END = (".", "!", "?", ":", ";", '"', "”", "’", "'", ")", "…")
_MAX_TITLE_WORDS = 25
# A headline in sentence case ("Mayor not keeping her word on the bridge repairs.") is told from a
# first sentence by its length: the dev sets' headlines run 2 to 14 words (at most 99
# characters), their opening sentences 17 words and more (news ledes run 25 to 35).
_MAX_HEADLINE_WORDS = 16
_MAX_HEADLINE_CHARS = 150
_CLOSING = "\"'”’»)]"
# A line ending in these goes on in the next ("Candidates vie for vets' support;").
_GOES_ON = ",;:-–—/&"
# A line ending in an abbreviation that cannot end a sentence ("... seven assists as No." before
# "11 West Virginia ...") is a sentence broken across lines.
_ABBREVIATION_END = re.compile(
    r"\b(?:No|Nos|Mr|Mrs|Ms|Dr|St|Gov|Sen|Rep|Gen|Lt|Col|Sgt|Capt|Prof|vs|Vol|pp?)\.$"
)
# First lines that are never a headline, whatever their case or length:
# a dateline: "LONDON 1996-08-30", "TROMSO , Norway 1996-08-31" (the Reuters 1996 layout,
# under its headline), "PARIS (Reuters) -", "BEIJING, Dec 7 (Reuters) -" (a lede opening);
_DATELINE = re.compile(
    r"^[A-Z][A-Z.'’ /-]+(?:\s*,\s*[A-Z][\w. ]*)?\s+\d{4}-\d{2}-\d{2}$"
    r"|^[A-Z][A-Z.'’ /,-]*(?:,\s*[A-Z][a-z]{2,8}\.? \d{1,2}\s*)?\((?:Reuters|AP|AFP)[^)]*\)"
)
# a byline opening ("By Ana Souza", "BY STAFF REPORTERS");
_BYLINE_START = re.compile(r"^(?:By|BY)\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*\s*(?:[,|]|$)")
# a URL, or a code (a reference, a file or program line): one token that is no word
# ("REF-2016/1004-TX"), or mostly not letters;
_URL = re.compile(r"://|^www\.", re.IGNORECASE)
_CODE_MARKS = re.compile(r"[{}<>=\\]|^(?:#!|//|/\*|import |def |class )")
_MIN_LETTER_SHARE = 0.5
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*[.!?]?")  # a one-word line that is a word
# a photo caption or gallery line ("FILE PHOTO: ...", "Slideshow (5 images)"), a caption being
# also a line followed by its photo credit ("REUTERS/Mark Makela", ".../Pool via REUTERS");
# an editor's note wholly in brackets ("(Adds detail, analyst comment)").
_CAPTION = re.compile(r"^(?:(?:FILE PHOTO|PHOTO|Photo)\b|Slideshow \(\d+ images?\))")
_PHOTO_CREDIT = re.compile(r"\b(?:REUTERS|AP Photo|AFP|Getty Images)(?:/\S|$)|\bvia REUTERS\b")
_EDITORS_NOTE = re.compile(r"^[(\[].*[)\]]$")
_MAX_CREDIT_WORDS = 12  # a photo credit line ("Ana Lima/Pool via REUTERS/File Photo")


def load_text(path: Path, data: bytes) -> Article:
    """A .txt article; raises ArticleError for text that is empty or cannot be decoded."""
    text = decode_text(data, path)
    if not text.strip():
        raise ArticleError(f"{path.name} contains only whitespace.")
    return text_article(path, text, byline=True)


def text_article(
    path: Path,
    text: str,
    *,
    title: str | None = None,
    meta: ArticleMeta | None = None,
    byline: bool = False,
) -> Article:
    """Blocks from the paragraph structure; the title is a headline-like first paragraph.

    A `title` given by the format (an e-mail's subject, an RTF's info) wins; a first
    paragraph that repeats it is then the title block. With `byline` (a file that states no
    metadata of its own), a byline among the first paragraphs gives author and date. Raises
    ArticleError when there is no text.
    """
    spans = paragraph_spans(text)
    blocks: list[Block] = []
    for start, end in spans:
        chunk = text[start:end]
        heading = looks_like_heading(chunk) and not _is_byline(chunk)
        kind = BlockKind.HEADING if heading else BlockKind.PARAGRAPH
        if not blocks:
            if title is not None:
                same = " ".join(chunk.split()) == " ".join(title.split())
                kind = BlockKind.TITLE if same else kind
            elif first_line_title(text, spans):
                kind = BlockKind.TITLE
        blocks.append(Block(kind, start, end))
    if not blocks:
        raise ArticleError(f"No article text found in {path.name}.")
    first = blocks[0]
    if title is None and first.kind is BlockKind.TITLE:
        title = " ".join(text[first.start : first.end].split())
    if byline and meta is None:
        meta = first_byline(text[start:end] for start, end in spans)
        if meta is None or meta.date is None:
            meta = _with_dateline_date(text, spans, meta, headline=first.kind is BlockKind.TITLE)
    return Article(
        title=title or title_from_path(path),
        text=text,
        blocks=bounded_blocks(text, blocks),
        path=path,
        meta=meta or None,
    )


def _is_byline(chunk: str) -> bool:
    """A paragraph that is wholly a byline ("By Helena Costa", "BY STAFF REPORTERS")."""
    stripped = " ".join(chunk.split())
    return bool(_BYLINE_START.match(stripped) or byline_meta(stripped))


def _with_dateline_date(
    text: str, spans: list[tuple[int, int]], meta: ArticleMeta | None, *, headline: bool
) -> ArticleMeta | None:
    """`meta` (None or a byline's author) with the date of the dateline opening the body,
    when there is one; the paragraphs before it may be a byline, a standfirst, a photo caption
    and its credit, an editor's note (`opening_furniture`)."""
    chunks = [text[start:end] for start, end in spans[: OPENING_PARAGRAPHS + 1]]
    date = opening_date(
        chunks[:OPENING_PARAGRAPHS],
        lambda index: opening_furniture(
            chunks[index], chunks[index + 1] if index + 1 < len(chunks) else ""
        ),
        headline=headline,
    )
    if date is None:
        return meta
    return replace(meta, date=date) if meta is not None else ArticleMeta(date=date)


def opening_furniture(chunk: str, following: str) -> bool:
    """A paragraph that may stand between the headline and the dateline: a byline, a heading
    (a standfirst, an author's name, a photo credit), a caption with its credit after it, an
    editor's note. Also the rule of `reader.core.text.loaders.opening_dates` for other formats."""
    stripped = " ".join(chunk.split())
    return (
        _is_byline(chunk)
        or looks_like_heading(chunk)
        or bool(_CAPTION.match(stripped))
        or (len(stripped.split()) <= _MAX_CREDIT_WORDS and bool(_PHOTO_CREDIT.search(stripped)))
        or bool(_EDITORS_NOTE.match(stripped))
        or bool(_PHOTO_CREDIT.search(following.strip().split("\n")[0]))
    )


def first_line_title(text: str, spans: list[tuple[int, int]]) -> bool:
    """Whether the first paragraph is the headline: one line that is no dateline, byline, URL,
    code, caption or editor's note, and is short and does not end like a sentence that goes on
    (a heading), or is in title case, or is a short sentence-case headline before more text."""
    line = text[spans[0][0] : spans[0][1]]
    following = text[spans[1][0] : spans[1][1]] if len(spans) > 1 else ""
    return reads_as_title(line, following, more=len(spans) > 1)


def reads_as_title(line: str, following: str, *, more: bool) -> bool:
    """`first_line_title`'s rule for one opening paragraph `line`, `following` being the
    paragraph after it ("" when none) and `more` whether there is one: also the title of a
    page read with OCR (page_text)."""
    if "\n" in line or not _may_be_headline(line, following):
        return False
    if looks_like_heading(line) or _reads_as_headline(line):
        return True
    return more and _sentence_case_headline(line)


def _may_be_headline(line: str, following: str) -> bool:
    """False for first lines that look like headlines by length and case but are furniture a
    journalist would never call the story's title (see the patterns above)."""
    stripped = " ".join(line.split())
    letters = sum(1 for character in stripped if character.isalpha())
    return not (
        _DATELINE.match(stripped)
        or _BYLINE_START.match(stripped)
        or _URL.search(stripped)
        or _CODE_MARKS.search(stripped)
        or (" " not in stripped and not _WORD.fullmatch(stripped))
        or letters < _MIN_LETTER_SHARE * len(stripped.replace(" ", ""))
        or written_date(stripped)
        or _CAPTION.match(stripped)
        or _PHOTO_CREDIT.search(following.strip().split("\n")[0])
        or _EDITORS_NOTE.match(stripped)
    )


def _sentence_case_headline(line: str) -> bool:
    """A short line opening with a capital or a digit that ends a sentence or has no end mark
    ("Mayor not keeping her word on the bridge repairs.", "Can you imagine a winter without the
    ferry?")."""
    stripped = " ".join(line.split())
    opening = stripped.lstrip(_CLOSING + "‘“«(")[:1]
    ending = stripped.rstrip(_CLOSING)
    return (
        len(stripped.split()) <= _MAX_HEADLINE_WORDS
        and len(stripped) <= _MAX_HEADLINE_CHARS
        and (opening.isupper() or opening.isdigit())
        and bool(ending)
        and ending[-1] not in _GOES_ON
        and not _ABBREVIATION_END.search(ending)
    )


def _reads_as_headline(line: str) -> bool:
    """A one-line title in title case ("Obama Says Trump Is Wrong."), even with a full stop."""
    words = line.split()
    if "\n" in line or not words or len(words) > _MAX_TITLE_WORDS:
        return False
    long_words = [word for word in words if len(word) > 3 and word[0].isalpha()]
    capitalised = sum(1 for word in long_words if word[0].isupper())
    return len(long_words) >= 2 and capitalised >= _TITLE_CASE_SHARE * len(long_words)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph in `text`, stripped of surrounding whitespace.

    Blank lines always separate paragraphs. In hard-wrapped text (most lines end near one
    width), a line that ends where the next line's first word would still have fit, or a line
    followed by a more indented one, also ends a paragraph; the other line breaks are wraps.
    In text that is not hard-wrapped every line is a paragraph. Linear in the text's length.
    """
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text) if m.start() < m.end()]
    lines = [(s, e) for s, e in lines if text[s:e].strip()]
    if not lines:
        return []
    width = _wrap_width(text, lines)
    blank_lines = _BLANK_LINE.search(text.strip()) is not None
    breaks = [
        _break_after(text, lines, i, width, blank_lines)
        or _blank_between(text, lines[i][1], lines[i + 1][0])
        for i in range(len(lines) - 1)
    ]
    spans: list[tuple[int, int]] = []
    start = lines[0][0]
    for index, (_, end) in enumerate(lines):
        if index == len(lines) - 1 or breaks[index]:
            spans.append(_stripped(text, start, end))
            if index + 1 < len(lines):
                start = lines[index + 1][0]
    return spans


def _blank_between(text: str, end: int, next_start: int) -> bool:
    return text.count("\n", end, next_start) > 1


def _wrap_width(text: str, lines: list[tuple[int, int]]) -> int | None:
    """The width the text is hard-wrapped at, or None when its lines are not wrapped.

    Wrapped prose has most lines ending near one width, and those lines mostly end inside a
    sentence; a table or a list of one-sentence lines has lines of like length that end
    sentences or rows, and is not wrapped.
    """
    stripped = [text[s:e].rstrip() for s, e in lines]
    if len(stripped) < _MIN_WRAPPED_LINES:
        return None
    width = max(len(line) for line in stripped)
    if not _MIN_WRAP_WIDTH <= width <= _MAX_WRAP_WIDTH:
        return None
    near = [line for line in stripped if len(line) >= width - _WRAP_SLACK]
    if len(near) < max(_MIN_WRAPPED_LINES, _WRAPPED_SHARE * len(stripped)):
        return None
    open_ended = sum(1 for line in near if not line.endswith(_LINE_END) and not line[-1].isdigit())
    return width if open_ended >= _WRAPPED_SHARE * len(near) else None


def _break_after(
    text: str, lines: list[tuple[int, int]], index: int, width: int | None, blank_lines: bool
) -> bool:
    """Whether the paragraph ends after line `index` (a blank line after it aside).

    Without a wrap width, a text whose paragraphs are set apart by blank lines still reads a
    single line break as a wrap after a line of wrapping length (55 to 120 characters) that
    stops mid-sentence ("union leader
    Marisol⏎Etxeberria told reporters"); lists and headlines (short lines, or lines ending
    in punctuation) keep their breaks. A line that stops mid-sentence before a line going on in
    lower case is a wrap at any width.
    """
    start, end = lines[index]
    line = text[start:end].rstrip()
    if width is None:
        wrapped = _MIN_WRAPPED_LINE <= len(line) <= _MAX_WRAP_WIDTH
        next_start, next_end = lines[index + 1]
        goes_on = text[next_start:next_end].lstrip()[:1].islower()
        if blank_lines and goes_on and not line.endswith(_LINE_END):
            return False
        return not blank_lines or not wrapped or line.endswith(_LINE_END)
    next_start, next_end = lines[index + 1]
    following = text[next_start:next_end]
    if _indent(following) > _indent(text[start:end]):  # an indented first line
        return True
    first_word = following.split()[0]
    return len(line) + 1 + len(first_word) <= width - _WRAP_SLACK // 2


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    chunk = text[start:end]
    return start + len(chunk) - len(chunk.lstrip()), end - (len(chunk) - len(chunk.rstrip()))
