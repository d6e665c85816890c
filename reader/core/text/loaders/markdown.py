"""Markdown (.md, .markdown): headings and paragraphs as text, markup and raw HTML dropped.

Links keep their words, images their alt text, code its text. markdown-it stops descending
past 20 levels of nesting (quotes in quotes, lists in lists) and drops what lies deeper; those
lines are kept here as paragraphs in their place, so no text is ever lost silently.

Blocks of raw HTML are left out; those that hold text are counted in the article's notices.

A byline among the first paragraphs ("By Ana Souza, 3 March 2024") gives the author and date:
Markdown has no other place to state them.
"""

from __future__ import annotations

import re
from pathlib import Path

from reader.core.errors import ArticleError
from reader.core.text.article import Article, BlockKind
from reader.core.text.decoding import decode_text
from reader.core.text.loaders.blocks import article_from_parts, with_notices
from reader.core.text.loaders.metadata import first_byline
from reader.core.text.loaders.opening_dates import with_dateline_date

_TEXT_TOKENS = frozenset({"paragraph_open", "heading_open"})
_CODE_TOKENS = frozenset({"fence", "code_block"})
_DROPPED_TOKENS = frozenset({"html_block", "hr"})
_REFERENCE_DEFINITION = re.compile(r"^[ \t>]*\[[^\]]+\]:[ \t]*\S")
_MARKUP = re.compile(r"<!--.*?-->|<[^>]*>|&#?\w+;", re.DOTALL)
_LETTER = re.compile(r"[^\W\d_]")
_CONTAINER_MARKERS = re.compile(r"^(?:[ \t]*(?:>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t]|$)))+[ \t]*")


def load_markdown(path: Path, data: bytes) -> Article:
    """A Markdown article; raises ArticleError when it holds no text."""
    # markdown-it would turn each NUL into U+FFFD; NUL is never article text.
    text = decode_text(data, path).replace("\x00", "")
    if not text.strip():
        raise ArticleError(f"{path.name} contains only whitespace.")
    return markdown_article(path, text)


def markdown_article(path: Path, text: str) -> Article:
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(text)
    lines = text.split("\n")
    covered = [False] * (len(lines) + 1)
    found: list[tuple[int, BlockKind, str]] = []
    bylines: list[tuple[int, str]] = []  # each text's lines, where a byline may be one
    raw_html = 0  # html blocks with text, left out
    for index, token in enumerate(tokens):
        if token.type in _TEXT_TOKENS and index + 1 < len(tokens):
            inline = tokens[index + 1]
            if token.type == "heading_open":
                kind = BlockKind.TITLE if token.tag == "h1" else BlockKind.HEADING
            else:
                kind = BlockKind.PARAGRAPH
            shown = _inline_lines(inline.children or [])
            found.append((_first_line(token), kind, " ".join(shown)))
            bylines.append((_first_line(token), "\n".join(shown)))
        elif token.type in _CODE_TOKENS:
            found.append((_first_line(token), BlockKind.PARAGRAPH, token.content))
        elif token.type not in _DROPPED_TOKENS:
            continue
        elif token.type == "html_block":
            raw_html += _LETTER.search(_MARKUP.sub("", token.content)) is not None
        if token.map:
            for line in range(token.map[0], min(token.map[1], len(lines))):
                covered[line] = True
    found += _uncovered(lines, covered)
    found.sort(key=lambda item: item[0])
    meta = first_byline(shown for _, shown in sorted(bylines) if shown.strip())
    article = article_from_parts(path, [(kind, content) for _, kind, content in found], meta=meta)
    article = with_dateline_date(article)
    return with_notices(article, _raw_html_notice(raw_html))


def _raw_html_notice(count: int) -> str:
    if not count:
        return ""
    if count == 1:
        return "A block of raw HTML with text in it is not shown."
    return f"{count} blocks of raw HTML with text in them are not shown."


def _first_line(token) -> int:
    return token.map[0] if token.map else 0


def _uncovered(lines: list[str], covered: list[bool]) -> list[tuple[int, BlockKind, str]]:
    """Runs of text lines no kept token covers (nested past the parser's limit), as paragraphs."""
    runs: list[tuple[int, BlockKind, str]] = []
    run_start, run_lines = 0, []
    for number, line in enumerate([*lines, ""]):
        content = ""
        if not covered[number] and not _REFERENCE_DEFINITION.match(line):
            content = _CONTAINER_MARKERS.sub("", line).strip()
        if content:
            if not run_lines:
                run_start = number
            run_lines.append(content)
        elif run_lines:
            runs.append((run_start, BlockKind.PARAGRAPH, " ".join(run_lines)))
            run_lines = []
    return runs


def _inline_lines(children: list) -> list[str]:
    """The words of a paragraph or heading, line by line (joined by spaces they are its text)."""
    lines: list[str] = []
    words: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline", "image"):
            words.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            lines.append("".join(words))
            words = []
    return [*lines, "".join(words)]
