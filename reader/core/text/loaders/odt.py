"""OpenDocument text (.odt): content.xml read with lxml, metadata from meta.xml.

Headings are `text:h`, paragraphs `text:p` (the Title style gives the title), list items and
table rows paragraphs of their own; line breaks, tabs and runs of spaces (`text:s`) are kept;
footnotes, annotations and tracked deletions are not article text.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from reader.core.errors import ArticleError
from reader.core.text.article import Article, ArticleMeta, BlockKind
from reader.core.text.loaders.blocks import Part, article_from_parts, with_title_first
from reader.core.text.loaders.markup import CELL_SEPARATOR
from reader.core.text.loaders.zip_members import read_member

TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
META = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
DC = "http://purl.org/dc/elements/1.1/"
_PARAGRAPH, _HEADING = f"{{{TEXT}}}p", f"{{{TEXT}}}h"
_ROW, _CELL = f"{{{TABLE}}}table-row", f"{{{TABLE}}}table-cell"
_SKIPPED = frozenset(
    f"{{{TEXT}}}{name}" for name in ("note", "tracked-changes", "bookmark-ref", "sequence-decls")
) | {f"{{{OFFICE}}}annotation"}
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)


def load_odt(path: Path, archive: zipfile.ZipFile) -> Article:
    """An OpenDocument text article; ArticleError when it is damaged or holds no text."""
    try:
        content = etree.fromstring(read_member(path, archive, "content.xml"), _PARSER)
    except etree.XMLSyntaxError as error:
        raise ArticleError(
            f"{path.name} is damaged: its text (content.xml) is not valid XML."
        ) from error
    meta, title = _meta(path, archive)
    body = content.find(f"{{{OFFICE}}}body/{{{OFFICE}}}text")
    parts = _parts(body) if body is not None else []
    if not any(kind is BlockKind.TITLE for kind, _ in parts):
        parts = with_title_first(parts, title)
    return article_from_parts(path, parts, meta=meta)


def _meta(path: Path, archive: zipfile.ZipFile) -> tuple[ArticleMeta, str | None]:
    data = read_member(path, archive, "meta.xml")
    if not data:
        return ArticleMeta(), None
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError:
        return ArticleMeta(), None

    def first(*names: str) -> str | None:
        for name in names:
            found = root.find(f".//{name}")
            value = " ".join("".join(found.itertext()).split()) if found is not None else ""
            if value:
                return value
        return None

    date = first(f"{{{DC}}}date", f"{{{META}}}creation-date")
    meta = ArticleMeta(
        author=first(f"{{{META}}}initial-creator", f"{{{DC}}}creator"),
        date=date[:10] if date else None,
    )
    return meta, first(f"{{{DC}}}title")


def _parts(body: etree._Element) -> list[Part]:
    """Paragraphs, headings and table rows in document order (iterative: no recursion).

    A block's own subtree (a text box inside a paragraph, the paragraphs of a cell) is read
    as part of it, never again on its own.
    """
    parts: list[Part] = []
    inside = 0  # depth inside a block already read, or inside a skipped element
    for event, element in etree.iterwalk(body, events=("start", "end")):
        if event == "end":
            inside = max(inside - 1, 0) if inside else 0
            continue
        if inside:
            inside += 1
            continue
        tag = element.tag
        if tag == _ROW:
            cells = [" ".join(_text(cell).split()) for cell in element.iterchildren(_CELL)]
            parts.append((BlockKind.PARAGRAPH, CELL_SEPARATOR.join(c for c in cells if c)))
        elif tag in (_PARAGRAPH, _HEADING):
            parts.append((_kind(element), _text(element)))
        elif tag not in _SKIPPED:
            continue
        inside = 1
    return parts


def _kind(element: etree._Element) -> BlockKind:
    if element.tag == _HEADING:
        return BlockKind.HEADING
    style = (element.get(f"{{{TEXT}}}style-name") or "").lower()
    return BlockKind.TITLE if style == "title" else BlockKind.PARAGRAPH


def _text(element: etree._Element) -> str:
    """The visible text of an element: line breaks, tabs and counted spaces kept."""
    pieces: list[str] = []
    skipping = 0
    for event, node in etree.iterwalk(element, events=("start", "end")):
        tag = node.tag
        if event == "start":
            if skipping or tag in _SKIPPED:
                skipping += 1
                continue
            if tag == f"{{{TEXT}}}line-break":
                pieces.append("\n")
            elif tag == f"{{{TEXT}}}tab":
                pieces.append("\t")
            elif tag == f"{{{TEXT}}}s":
                count = node.get(f"{{{TEXT}}}c", "1")
                pieces.append(" " * min(int(count) if count.isdigit() else 1, 100))
            elif tag in (_PARAGRAPH, _HEADING) and node is not element:
                pieces.append("\n")
            pieces.append(node.text or "")
            continue
        if skipping:
            skipping -= 1
            if skipping:
                continue
        if node is not element:
            pieces.append(node.tail or "")
    return "".join(pieces)
