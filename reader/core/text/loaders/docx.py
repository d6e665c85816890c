"""Word documents (.docx) through python-docx: styles give the title and headings.

The title is the paragraph in the Title style, else the core properties' title, else a
heading that opens the document; headings are paragraphs in a Heading style; list items and
table rows are paragraphs (a row's cells joined by a bar); a line break inside a paragraph stays
one. Author and date come from the core properties, except the placeholders python-docx's own
template leaves in every document made with it (author "python-docx", created 2013-12-23).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

from reader.core.errors import ArticleError
from reader.core.text.article import Article, ArticleMeta, BlockKind
from reader.core.text.loaders.blocks import Part, article_from_parts, with_title_first
from reader.core.text.loaders.markup import CELL_SEPARATOR

_TEMPLATE_AUTHOR = "python-docx"


def load_docx(path: Path, data: bytes) -> Article:
    """A Word article; ArticleError when the file is damaged or holds no text."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as error:
        raise ArticleError(
            f"{path.name} is damaged: it cannot be read as a Word document."
        ) from error
    except Exception as error:  # lxml's XMLSyntaxError and the like, from a broken part
        raise ArticleError(
            f"{path.name} is damaged: it cannot be read as a Word document."
        ) from error
    properties = document.core_properties
    parts = list(_body_parts(document))
    title = (properties.title or "").strip() or None
    if not any(kind is BlockKind.TITLE for kind, _ in parts):
        if title is None and parts and parts[0][0] is BlockKind.HEADING:
            title = parts[0][1]  # a document that opens with a heading: its headline
        parts = with_title_first(parts, title)
    author = (properties.author or "").strip() or None
    date = properties.created or properties.modified
    if author == _TEMPLATE_AUTHOR:  # python-docx's template: neither is the article's
        author, date = None, properties.modified if properties.modified != date else None
    meta = ArticleMeta(author=author, date=date.date().isoformat() if date else None)
    return article_from_parts(path, parts, meta=meta)


def _body_parts(document) -> Iterator[Part]:
    from docx.table import Table

    for item in document.iter_inner_content():
        if isinstance(item, Table):
            yield from _table_parts(item)
        else:
            yield _paragraph_kind(item.style.name if item.style is not None else ""), item.text


def _paragraph_kind(style: str) -> BlockKind:
    style = style.lower()
    if style in ("title", "titel", "titre"):
        return BlockKind.TITLE
    if style.startswith(("heading", "subtitle")):
        return BlockKind.HEADING
    return BlockKind.PARAGRAPH


def _table_parts(table) -> Iterator[Part]:
    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell is listed once per grid column
                continue
            seen.add(id(cell._tc))
            text = " ".join(cell.text.split())
            if text:
                cells.append(text)
        yield BlockKind.PARAGRAPH, CELL_SEPARATOR.join(cells)
