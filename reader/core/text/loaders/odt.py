"""OpenDocument text (.odt): content.xml read with lxml, metadata from meta.xml.

Headings are `text:h`, paragraphs `text:p` (the Title style gives the title, else the
document's stated title, else an opening heading or headline-like line), list items and table
rows paragraphs of their own; line breaks, tabs and runs of spaces (`text:s`) are kept.
Footnotes and endnotes leave their citation as a mark (" [1]") and follow the text under a
"Notes" heading, one paragraph each. Annotations, tracked deletions and hidden text (hidden
paragraphs and sections, text in a style with `text:display="none"`) are not article text.
Page headers and footers (styles.xml's master pages) are page furniture, left out; the
Article's notices say so when they hold text, as for a Word file.
Author and date are the document's creator and creation date (not its last save).
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from reader.core.errors import ArticleError
from reader.core.text.article import Article, ArticleMeta, BlockKind
from reader.core.text.loaders.blocks import (
    HEADERS_LEFT_OUT,
    Part,
    article_from_parts,
    headline_first,
    only_pictures,
    with_notices,
    with_title_first,
)
from reader.core.text.loaders.markup import CELL_SEPARATOR
from reader.core.text.loaders.metadata import stated_meta, stated_title
from reader.core.text.loaders.opening_dates import with_dateline_date
from reader.core.text.loaders.zip_members import DocumentArchive, read_member

TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
META = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
MANIFEST = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
DC = "http://purl.org/dc/elements/1.1/"
DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
SVG = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
_PARAGRAPH, _HEADING = f"{{{TEXT}}}p", f"{{{TEXT}}}h"
_ROW, _CELL = f"{{{TABLE}}}table-row", f"{{{TABLE}}}table-cell"
_NOTE, _SPAN = f"{{{TEXT}}}note", f"{{{TEXT}}}span"
_STYLE_NAME = f"{{{TEXT}}}style-name"
_SKIPPED = frozenset(
    f"{{{TEXT}}}{name}"
    for name in ("note", "tracked-changes", "bookmark-ref", "sequence-decls", "hidden-paragraph")
) | {f"{{{OFFICE}}}annotation", f"{{{SVG}}}title", f"{{{SVG}}}desc"}  # a shape's alt text
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
NOTES_HEADING = "Notes"
_FURNITURE = ("header", "footer")  # style:header, style:footer-left, style:header-first, …


def load_odt(path: Path, archive: DocumentArchive) -> Article:
    """An OpenDocument text article; ArticleError when it is damaged or holds no text."""
    if b"encryption-data" in read_member(path, archive, "META-INF/manifest.xml"):
        raise ArticleError(
            f"{path.name} is encrypted with a password; open it in LibreOffice and save an "
            "unprotected copy first."
        )
    try:
        content = etree.fromstring(read_member(path, archive, "content.xml"), _PARSER)
    except etree.XMLSyntaxError as error:
        raise ArticleError(
            f"{path.name} is damaged: its text (content.xml) is not valid XML."
        ) from error
    meta, title = _meta(path, archive)
    body = content.find(f"{{{OFFICE}}}body/{{{OFFICE}}}text")
    styles = _styles(path, archive)
    reader = _Reader(_hidden_styles(content, styles))
    parts = reader.parts(body) if body is not None else []
    parts += reader.notes_parts()
    if not any(kind is BlockKind.TITLE for kind, _ in parts):
        parts = with_title_first(parts, title) if title else headline_first(parts)
    pictures = body is not None and next(body.iter(f"{{{DRAW}}}frame"), None) is not None
    if pictures and not any(text.strip() for _, text in parts):
        raise only_pictures(path)
    article = with_dateline_date(article_from_parts(path, parts, meta=meta))
    return with_notices(article, HEADERS_LEFT_OUT if _has_page_furniture(styles) else "")


def _has_page_furniture(styles: etree._Element | None) -> bool:
    """Whether a master page's header or footer (any of their left and first-page forms)
    holds text."""
    if styles is None:
        return False
    for page in styles.iter(f"{{{STYLE}}}master-page"):
        for part in page:
            name = part.tag.rpartition("}")[2] if isinstance(part.tag, str) else ""
            if name.startswith(_FURNITURE) and "".join(part.itertext()).strip():
                return True
    return False


def _styles(path: Path, archive: DocumentArchive) -> etree._Element | None:
    data = read_member(path, archive, "styles.xml")
    try:
        return etree.fromstring(data, _PARSER) if data else None
    except etree.XMLSyntaxError:
        return None


def _hidden_styles(*roots: etree._Element | None) -> frozenset[str]:
    """Names of the styles whose text is not shown (`text:display="none"`), inherited too."""
    parents: dict[str, str] = {}
    hidden: set[str] = set()
    for root in roots:
        for style in root.iter(f"{{{STYLE}}}style") if root is not None else ():
            name = style.get(f"{{{STYLE}}}name") or ""
            parents[name] = style.get(f"{{{STYLE}}}parent-style-name") or ""
            for properties in style.iter(f"{{{STYLE}}}text-properties"):
                if properties.get(f"{{{TEXT}}}display") == "none":
                    hidden.add(name)
    for name in parents:
        ancestor, seen = parents.get(name, ""), {name}
        while ancestor and ancestor not in seen:
            if ancestor in hidden:
                hidden.add(name)
                break
            seen.add(ancestor)
            ancestor = parents.get(ancestor, "")
    return frozenset(hidden)


def _meta(path: Path, archive: DocumentArchive) -> tuple[ArticleMeta | None, str | None]:
    data = read_member(path, archive, "meta.xml")
    if not data:
        return None, None
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError:
        return None, None

    def first(*names: str) -> str | None:
        for name in names:
            found = root.find(f".//{name}")
            value = " ".join("".join(found.itertext()).split()) if found is not None else ""
            if value:
                return value
        return None

    date = first(f"{{{META}}}creation-date")  # dc:date is the last save, not the article's
    meta = stated_meta(
        author=first(f"{{{META}}}initial-creator", f"{{{DC}}}creator"),
        date=date[:10] if date else None,
    )
    return meta, stated_title(first(f"{{{DC}}}title"))


class _Reader:
    """Blocks of a body in document order, with the notes they cite collected on the way."""

    def __init__(self, hidden_styles: frozenset[str]) -> None:
        self.hidden_styles = hidden_styles
        self.notes: list[tuple[str, str, str]] = []  # (class, citation, text)

    def parts(self, body: etree._Element) -> list[Part]:
        """Paragraphs, headings and table rows (iterative: no recursion).

        A block's own subtree (a text box inside a paragraph, the paragraphs of a cell) is read
        as part of it, never again on its own; hidden blocks and sections are passed over.
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
            if self._hidden(element):
                pass
            elif tag == _ROW:
                cells = [" ".join(self.text(cell).split()) for cell in element.iterchildren(_CELL)]
                parts.append((BlockKind.PARAGRAPH, CELL_SEPARATOR.join(c for c in cells if c)))
            elif tag in (_PARAGRAPH, _HEADING):
                parts.append((_kind(element), self.text(element)))
            elif tag not in _SKIPPED:
                continue
            inside = 1
        return parts

    def notes_parts(self) -> list[Part]:
        """The notes after the text: footnotes, then endnotes, each in citation order."""
        ordered = sorted(self.notes, key=lambda note: note[0] == "endnote")
        parts: list[Part] = [
            (BlockKind.PARAGRAPH, f"[{citation}] {text}") for _, citation, text in ordered if text
        ]
        return [(BlockKind.HEADING, NOTES_HEADING), *parts] if parts else []

    def _hidden(self, element: etree._Element) -> bool:
        """Hidden text: a paragraph or span in a hidden style, a hidden section or paragraph."""
        tag = element.tag
        if tag in (_PARAGRAPH, _HEADING, _SPAN) and element.get(_STYLE_NAME) in self.hidden_styles:
            return True
        if tag == f"{{{TEXT}}}section":
            display = element.get(f"{{{TEXT}}}display")
            return display == "none" or (
                display == "condition" and element.get(f"{{{TEXT}}}is-hidden") == "true"
            )
        if tag in (_PARAGRAPH, _HEADING):
            return any(
                field.get(f"{{{TEXT}}}is-hidden") == "true"
                for field in element.iter(f"{{{TEXT}}}hidden-paragraph")
            )
        return tag == f"{{{TEXT}}}hidden-text" and element.get(f"{{{TEXT}}}is-hidden") == "true"

    def _note(self, note: etree._Element) -> str:
        """A note's mark in the text; its body is kept for the notes after the text."""
        citation = " ".join((note.findtext(f"{{{TEXT}}}note-citation") or "").split())
        citation = citation or str(len(self.notes) + 1)
        body = note.find(f"{{{TEXT}}}note-body")
        text = self.text(body) if body is not None else ""
        lines = (" ".join(line.split()) for line in text.split("\n"))
        note_class = note.get(f"{{{TEXT}}}note-class") or "footnote"
        self.notes.append((note_class, citation, "\n".join(line for line in lines if line)))
        return f" [{citation}]"

    def text(self, element: etree._Element) -> str:
        """The visible text of an element: line breaks, tabs and counted spaces kept."""
        pieces: list[str] = []
        skipping = 0
        for event, node in etree.iterwalk(element, events=("start", "end")):
            tag = node.tag
            if event == "start":
                if skipping or tag in _SKIPPED or (node is not element and self._hidden(node)):
                    if not skipping and tag == _NOTE:
                        pieces.append(self._note(node))
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


def _kind(element: etree._Element) -> BlockKind:
    if element.tag == _HEADING:
        return BlockKind.HEADING
    style = (element.get(_STYLE_NAME) or "").lower()
    return BlockKind.TITLE if style == "title" else BlockKind.PARAGRAPH
