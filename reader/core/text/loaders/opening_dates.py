"""A dated dateline dates an article of any format whose file states no date.

The plain-text loader reads the dateline that opens a body ("WASHINGTON, March 3, 2024
(Reuters) - …") for a date (`reader.core.text.loaders.datelines`). Web pages, Word, PDF,
OpenDocument, RTF, Markdown and e-mail bodies carry the same news copy, and the same rule
serves them here, over the article's blocks: only when the file states no date of its own (a
page's published time, a document's creation date, an e-mail's Date header win), and only a
full day the dateline states (`datelines.dateline_date`: none without a year).

Two kinds of article are never dated so: one read with OCR (a misread digit would give a day
the text never stated) and an e-book (a book's date is not its first chapter's dateline); their
loaders do not call `with_dateline_date`, and an article whose meta says OCR is left as it is.
"""

from __future__ import annotations

from dataclasses import replace

from reader.core.text.article import Article, ArticleMeta, BlockKind
from reader.core.text.loaders.datelines import OPENING_PARAGRAPHS, opening_date
from reader.core.text.loaders.text import opening_furniture


def with_dateline_date(article: Article) -> Article:
    """The article dated by the dateline that opens its body, when its meta has no date and it
    was not read with OCR; else (or without such a dateline) the article unchanged.

    The body opens after the TITLE block (never read for a date) and the furniture before the
    dateline: HEADING blocks (a standfirst, a section name) and what the plain-text loader
    passes over (`text.opening_furniture`: a byline, a caption and its credit, an editor's
    note), never more than `datelines.OPENING_PARAGRAPHS` blocks. Reads at most that many
    blocks' text, whatever the article's length."""
    meta = article.meta
    if meta is not None and (meta.date or meta.ocr):
        return article
    blocks = article.blocks[: OPENING_PARAGRAPHS + 1]
    if not blocks:
        return article
    chunks = [article.block_text(block) for block in blocks]

    def furniture(index: int) -> bool:
        following = chunks[index + 1] if index + 1 < len(chunks) else ""
        return blocks[index].kind is BlockKind.HEADING or opening_furniture(
            chunks[index], following
        )

    date = opening_date(
        chunks[:OPENING_PARAGRAPHS], furniture, headline=blocks[0].kind is BlockKind.TITLE
    )
    if date is None:
        return article
    dated = replace(meta, date=date) if meta is not None else ArticleMeta(date=date)
    return replace(article, meta=dated)
