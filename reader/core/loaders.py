"""Reading article files (.txt, .md, .html) into Articles. Nothing is fetched or executed."""

from __future__ import annotations

from pathlib import Path

from reader.core.article import Article, Block, BlockKind

MAX_FILE_BYTES = 20 * 1024 * 1024
SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")


class ArticleError(Exception):
    """A file that cannot be opened as an article; str() is a message for the user."""


def load_article(path: str | Path) -> Article:
    path = Path(path)
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    blocks = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            blocks.append(Block(BlockKind.PARAGRAPH, pos, pos + len(line)))
        pos += len(line) + 1
    return Article(title=path.stem, text=text, blocks=tuple(blocks), path=path)
