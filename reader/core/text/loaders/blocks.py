"""Building an Article from a format's blocks: the text is the blocks' text, one block a line.

Every structured format (Markdown, HTML, Word, PDF, EPUB, ODT, RTF, e-mail) yields a sequence
of (kind, text) parts; `article_from_parts` lays them out the same way, so nothing downstream
knows which format an article came from.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from reader.core.errors import ArticleError
from reader.core.text.article import Article, ArticleMeta, Block, BlockKind

Part = tuple[BlockKind, str]

_SENTENCE_END = ".!?:;,…"
_CLOSING_MARKS = "\"'”’»)]"
_MAX_HEADING_WORDS = 16
_MAX_HEADING_CHARS = 200
# Layouts of many tiny blocks (issue 26): above this many blocks, and more than one block per
# _MIN_MEAN_BLOCK_CHARS characters of text, runs of short blocks are merged into paragraphs of
# about _MERGED_BLOCK_CHARS. News text (the development sets: at most 168 blocks, at least 23
# characters a block on average) is never merged.
_FEW_BLOCKS = 1000
_MIN_MEAN_BLOCK_CHARS = 40
_MERGED_BLOCK_CHARS = 500
# The notice of a document whose page headers and footers hold text (Word, OpenDocument).
HEADERS_LEFT_OUT = "Its page headers and footers are not shown (they are not the article's text)."


def looks_like_heading(line: str) -> bool:
    """A short line that does not end like a sentence (a headline or subhead)."""
    stripped = line.strip().rstrip(_CLOSING_MARKS)
    return (
        bool(stripped)
        and "\n" not in stripped
        and len(stripped) <= _MAX_HEADING_CHARS
        and stripped[-1] not in _SENTENCE_END
        and len(stripped.split()) <= _MAX_HEADING_WORDS
    )


def title_from_path(path: Path) -> str:
    """A readable title from a file name: `rail-strike_2024.txt` gives `Rail Strike 2024`."""
    words = re.sub(r"[-_]+", " ", path.stem).split()
    return " ".join(word[:1].upper() + word[1:] for word in words) or path.name


def clean_block_text(raw: str) -> str:
    """Spaces collapsed within each line; line breaks inside the block kept, empty lines dropped.

    A line break inside a block is a line break within one paragraph (`<br>`, a line of an
    address or a poem); paragraphs are separate blocks.
    """
    lines = (" ".join(line.split()) for line in raw.split("\n"))
    return "\n".join(line for line in lines if line)


def article_from_parts(
    path: Path,
    parts: Iterable[Part],
    *,
    title: str | None = None,
    meta: ArticleMeta | None = None,
) -> Article:
    """An Article whose text is the parts' text joined by line breaks.

    A TITLE part that comes first is the title (later ones become headings); without one,
    `title`, or else a title made from the file name, is used without being added to the text.
    Raises ArticleError when no part holds any text.
    """
    pieces: list[str] = []
    blocks: list[Block] = []
    position = 0
    for kind, raw in parts:
        content = clean_block_text(raw)
        if not content:
            continue
        if kind is BlockKind.TITLE and blocks:
            kind = BlockKind.HEADING
        if kind is BlockKind.TITLE:
            title = " ".join(content.split())
        blocks.append(Block(kind, position, position + len(content)))
        pieces.append(content)
        position += len(content) + 1
    if not blocks:
        raise ArticleError(f"No article text found in {path.name}.")
    text = "\n".join(pieces)
    return Article(
        title=title or title_from_path(path),
        text=text,
        blocks=bounded_blocks(text, blocks),
        path=path,
        meta=meta or None,
    )


def bounded_blocks(text: str, blocks: list[Block]) -> tuple[Block, ...]:
    """The blocks, with runs of short blocks merged when the layout is pathological.

    Every block becomes a paragraph (and a spaCy sentence, a Qt block) downstream, so 200,000
    one-letter lines or 100,000 one-letter headings cost minutes and gigabytes though the text
    is small. When there are more than _FEW_BLOCKS blocks and fewer than _MIN_MEAN_BLOCK_CHARS
    characters a block, consecutive blocks shorter than _MERGED_BLOCK_CHARS are merged (a
    title first stays) into paragraphs that end once they reach that size: at most two blocks
    per _MERGED_BLOCK_CHARS characters. A merged block spans its parts and the line breaks
    between them, so the text and every offset into it stay as they were.
    """
    if len(blocks) <= max(_FEW_BLOCKS, len(text) // _MIN_MEAN_BLOCK_CHARS):
        return tuple(blocks)
    merged: list[Block] = []
    group: list[Block] = []
    for block in blocks:
        short = block.end - block.start < _MERGED_BLOCK_CHARS
        if group and (not short or block.kind is BlockKind.TITLE):
            merged.append(_merged(group))
            group = []
        if not short or block.kind is BlockKind.TITLE:
            merged.append(block)
            continue
        group.append(block)
        if block.end - group[0].start >= _MERGED_BLOCK_CHARS:
            merged.append(_merged(group))
            group = []
    if group:
        merged.append(_merged(group))
    return tuple(merged)


def _merged(group: list[Block]) -> Block:
    if len(group) == 1:
        return group[0]
    return Block(BlockKind.PARAGRAPH, group[0].start, group[-1].end)


def with_notices(article: Article, *notices: str) -> Article:
    """The article with these notices (what the loader left out of its text) after its own;
    empty ones are skipped. The text and its offsets are untouched."""
    added = tuple(notice for notice in notices if notice)
    return replace(article, notices=article.notices + added) if added else article


def only_pictures(path: Path) -> ArticleError:
    """The error for a document with pictures, charts or objects but no text to read."""
    return ArticleError(
        f"No article text found in {path.name}: it holds only pictures, charts or embedded objects."
    )


def with_title_first(parts: list[Part], title: str | None) -> list[Part]:
    """Parts whose first block is the title: a first heading equal to it, or the title added."""
    if not title:
        return parts
    wanted = " ".join(title.split())
    for index, (kind, text) in enumerate(parts):
        if kind is BlockKind.PARAGRAPH:
            break
        if " ".join(text.split()) == wanted:
            return [*parts[:index], (BlockKind.TITLE, text), *parts[index + 1 :]]
    return [(BlockKind.TITLE, title), *parts]


def headline_first(parts: list[Part]) -> list[Part]:
    """Parts whose first block is the title when it is a heading or reads as a headline (a
    short line that does not end like a sentence); otherwise the parts unchanged."""
    for index, (kind, text) in enumerate(parts):
        content = clean_block_text(text)
        if not content:
            continue
        if kind is BlockKind.HEADING or (
            kind is BlockKind.PARAGRAPH and looks_like_heading(content)
        ):
            return [*parts[:index], (BlockKind.TITLE, text), *parts[index + 1 :]]
        break
    return parts
