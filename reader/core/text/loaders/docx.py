"""Word documents (.docx), Transitional or Strict Open XML, read from the package's own XML.

The package's relationships name the main document and its styles, settings, footnotes,
endnotes and embedded HTML chunks (`w:altChunk`); wordml reads the body. Footnotes and endnotes
follow the text under a "Notes" heading, one paragraph each, marked as in the text ("[1] …";
endnotes in Word's default lower-case Roman numerals unless the document sets another format).

Equations are read as their linear text and charts leave a line "[chart: title]" (wordml).
Headers and footers are page furniture, not the article: left out, and the Article's notices
say so once when they hold text.

The title is the paragraph in the Title style, else the core properties' title, else a heading
or headline-like line that opens the document. Author and creation date come from the core
properties, only as the document states them (see metadata): a package without core
properties has none, and python-docx's template values (author "python-docx", created and
modified 2013-12-23T23:15:00Z) are not the article's.
"""

from __future__ import annotations

import posixpath
from dataclasses import replace
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
    with_title_first,
)
from reader.core.text.loaders.metadata import stated_meta, stated_title
from reader.core.text.loaders.opening_dates import with_dateline_date
from reader.core.text.loaders.wordml import (
    CHART_NAMESPACES,
    NoteMarks,
    local_name,
    style_names,
    word_attribute,
    word_parts,
)
from reader.core.text.loaders.zip_members import DocumentArchive, read_member

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
_DC = "http://purl.org/dc/elements/1.1/"
_DCTERMS = "http://purl.org/dc/terms/"
# The creation time in python-docx's default template, kept in every document made from it
# unless the program sets another; to the second, it is no article's date.
_TEMPLATE_CREATED = "2013-12-23T23:15:00"
_NOTE_KINDS = ("footnote", "endnote")
_DEFAULT_NOTE_FORMATS = {"footnote": ("decimal", 1), "endnote": ("lowerRoman", 1)}
_NOT_NOTES = frozenset({"separator", "continuationSeparator", "continuationNotice"})
NOTES_HEADING = "Notes"
_CHART_RELATIONS = frozenset({"chart", "chartEx"})
_Relations = list[tuple[str, str, str]]  # (type's last word, id, target part), see _relations
_PICTURES = frozenset({"drawing", "pict", "object"})


def load_docx(path: Path, archive: DocumentArchive) -> Article:
    """A Word article; ArticleError when the file is damaged or holds no text."""
    package = _relationships(path, archive, "")
    main = package.get("officeDocument", "word/document.xml")
    document = _xml(path, archive, main)
    if document is None:
        raise ArticleError(f"{path.name} is damaged: it cannot be read as a Word document.")
    related = _relationships(path, archive, main)
    styles = style_names(_xml(path, archive, related.get("styles")))
    body = next((child for child in document if local_name(child) == "body"), None)
    notes = NoteMarks(_note_formats(_xml(path, archive, related.get("settings")), body))
    relations = _relations(path, archive, main)
    chunks = _chunks(path, relations, archive)
    charts = _chart_titles(path, relations, archive)
    parts = word_parts(body, styles, notes, chunks, charts) if body is not None else []
    parts += _notes(path, archive, related, styles, notes)
    title, meta = _core_properties(path, archive, package.get("core-properties"))
    if not any(kind is BlockKind.TITLE for kind, _ in parts):
        parts = with_title_first(parts, title) if title else headline_first(parts)
    if _only_pictures(parts, body):
        raise only_pictures(path)
    article = with_dateline_date(article_from_parts(path, parts, meta=meta))
    if _has_page_furniture(path, relations, archive, styles):
        article = replace(article, notices=(HEADERS_LEFT_OUT,))
    return article


def _only_pictures(parts: list[Part], body: etree._Element | None) -> bool:
    if body is None or any(text.strip() for _, text in parts):
        return False
    return any(local_name(element) in _PICTURES for element in body.iter())


def _xml(path: Path, archive: DocumentArchive, name: str | None) -> etree._Element | None:
    """A part parsed (None when absent); ArticleError when it is not XML."""
    data = read_member(path, archive, name) if name else b""
    if not data:
        return None
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as error:
        raise ArticleError(f"{path.name} is damaged: its part {name} is not valid XML.") from error


def _relationships(path: Path, archive: DocumentArchive, source: str) -> dict[str, str]:
    """Relationship type (its last word: "styles", "footnotes", …) to the target part's name.

    Transitional and Strict packages differ only in the types' prefixes.
    """
    targets: dict[str, str] = {}
    for kind, _, target in _relations(path, archive, source):
        targets.setdefault(kind, target)
    return targets


def _relations(path: Path, archive: DocumentArchive, source: str) -> list[tuple[str, str, str]]:
    """(type's last word, id, target part) of a part's relationships; links to outside the
    package are no parts and are left out."""
    folder, name = posixpath.split(source)
    root = _xml(path, archive, posixpath.join(folder, "_rels", f"{name}.rels"))
    relations = []
    for relation in root if root is not None else ():
        target, kind = relation.get("Target"), (relation.get("Type") or "").rsplit("/", 1)[-1]
        if target and relation.get("TargetMode") != "External":
            joined = target if target.startswith("/") else f"{folder}/{target}"
            part = posixpath.normpath(joined).lstrip("/")
            relations.append((kind, relation.get("Id") or "", part))
    return relations


def _note_formats(
    settings: etree._Element | None, body: etree._Element | None
) -> dict[str, tuple[str, int]]:
    """How footnotes and endnotes are numbered: the settings', then the last section's."""
    formats = dict(_DEFAULT_NOTE_FORMATS)
    sections = [settings]
    if body is not None:
        sections += [child for child in body if local_name(child) == "sectPr"][-1:]
    for holder in sections:
        for properties in holder if holder is not None else ():
            kind = local_name(properties).removesuffix("Pr")
            if kind in _NOTE_KINDS:
                number_format, start = formats[kind]
                for setting in properties:
                    value = word_attribute(setting, "val") or ""
                    if local_name(setting) == "numFmt" and value:
                        number_format = value
                    elif local_name(setting) == "numStart" and value.isdigit():
                        start = int(value)
                formats[kind] = (number_format, start)
    return formats


def _notes(
    path: Path,
    archive: DocumentArchive,
    related: dict[str, str],
    styles: dict[str, str],
    notes: NoteMarks,
) -> list[Part]:
    """The referenced notes after the text: footnotes, then endnotes, in reference order."""
    texts: dict[tuple[str, str], str] = {}
    for kind in _NOTE_KINDS:
        if not any(known == kind for known, _, _ in notes.references):
            continue
        root = _xml(path, archive, related.get(f"{kind}s"))
        for note in root if root is not None else ():
            if local_name(note) == kind and word_attribute(note, "type") not in _NOT_NOTES:
                lines = [text.strip() for _, text in word_parts(note, styles)]
                texts[(kind, word_attribute(note, "id") or "")] = "\n".join(x for x in lines if x)
    ordered = sorted(notes.references, key=lambda reference: _NOTE_KINDS.index(reference[0]))
    parts: list[Part] = [
        (BlockKind.PARAGRAPH, f"[{mark}] {texts[(kind, note_id)]}")
        for kind, note_id, mark in ordered
        if texts.get((kind, note_id))
    ]
    return [(BlockKind.HEADING, NOTES_HEADING), *parts] if parts else []


def _chunks(path: Path, relations: _Relations, archive: DocumentArchive) -> dict[str, list[Part]]:
    """Blocks of the HTML or saved pages embedded whole (`w:altChunk`), by relationship id."""
    return {
        relation_id: _chunk_parts(path, read_member(path, archive, target))
        for kind, relation_id, target in relations
        if kind == "aFChunk"
    }


def _chart_titles(path: Path, relations: _Relations, archive: DocumentArchive) -> dict[str, str]:
    """The title of each chart part (classic and chartEx) by relationship id; "" when the chart
    has none (its drawing's alternative text is used then, see wordml)."""
    titles = {}
    for kind, relation_id, target in relations:
        if kind in _CHART_RELATIONS:
            root = _xml(path, archive, target)
            titles[relation_id] = _chart_title(root) if root is not None else ""
    return titles


def _chart_title(root: etree._Element) -> str:
    """The text of the chart's own title (rich text or a cached cell; not an axis's title), ""
    without one."""
    for chart in root:
        for title in chart if _chart_element(chart, "chart") else ():
            if _chart_element(title, "title"):
                texts = (
                    node.text or ""
                    for node in title.iter()
                    if isinstance(node.tag, str) and node.tag.endswith(("}t", "}v"))
                )
                return " ".join("".join(texts).split())
    return ""


def _chart_element(element: etree._Element, name: str) -> bool:
    tag = element.tag
    return (
        isinstance(tag, str)
        and tag.endswith(f"}}{name}")
        and tag[1:].split("}")[0] in (CHART_NAMESPACES)
    )


def _has_page_furniture(
    path: Path, relations: _Relations, archive: DocumentArchive, styles: dict[str, str]
) -> bool:
    """Whether a header or footer part holds text (left out of the article: page furniture)."""
    for kind, _, target in relations:
        if kind in ("header", "footer"):
            root = _xml(path, archive, target)
            if root is not None and any(text.strip() for _, text in word_parts(root, styles)):
                return True
    return False


def _chunk_parts(path: Path, data: bytes) -> list[Part]:
    from reader.core.text.loaders.html import decode_html, document_parts
    from reader.core.text.loaders.mail import saved_page_html

    page = None if data.lstrip()[:1] == b"<" else saved_page_html(data)
    parts, _ = document_parts(path, page if page is not None else decode_html(path, data))
    return parts


def _core_properties(
    path: Path, archive: DocumentArchive, name: str | None
) -> tuple[str | None, ArticleMeta | None]:
    """Title and metadata as the core properties state them (none without the part)."""
    root = _xml(path, archive, name)
    if root is None:
        return None, None

    def value(namespace: str, field: str) -> str:
        return " ".join((root.findtext(f"{{{namespace}}}{field}") or "").split())

    # The template's time is dropped whoever the author is: a program that sets only the
    # author (or the title) leaves the template's creation time in place.
    author, created = value(_DC, "creator"), value(_DCTERMS, "created")
    if created.startswith(_TEMPLATE_CREATED):
        created = ""
    return stated_title(value(_DC, "title")), stated_meta(author=author, date=created[:10])
