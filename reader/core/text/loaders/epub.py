"""E-books (.epub): the package document's metadata and spine, each chapter as HTML.

The container names the package (OPF); its metadata gives title, author, date and publisher;
its spine gives the chapters in reading order. A chapter is all content, so its markup is read
whole (no boilerplate removal); its first heading, or else its <title>, heads it. The spine's
items the book marks as auxiliary (`linear="no"`: notes, a table of contents) are not read, and
chapters it names that the file lacks cannot be: the article's notices say how many (a table of
contents aside: its headings are the chapters').
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import unquote

from lxml import etree

from reader.core.errors import ArticleError
from reader.core.text.article import Article, BlockKind
from reader.core.text.loaders.blocks import Part, article_from_parts, with_notices
from reader.core.text.loaders.html import decode_html, document_parts
from reader.core.text.loaders.metadata import stated_meta, stated_title
from reader.core.text.loaders.zip_members import DocumentArchive, check_parts, read_member

CONTAINER = "urn:oasis:names:tc:opendocument:xmlns:container"
OPF = "http://www.idpf.org/2007/opf"
DC = "http://purl.org/dc/elements/1.1/"
_CHAPTER_TYPES = frozenset({"application/xhtml+xml", "text/html", "application/xml"})
_CONTENTS_NAME = re.compile(r"(?<![a-z])(?:toc|nav|contents)(?![a-z])")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)


def load_epub(path: Path, archive: DocumentArchive) -> Article:
    """An e-book as one article: the book's title, each chapter's heading and text in order."""
    package_path = _package_path(path, archive)
    package = _xml(path, archive, package_path)
    base = posixpath.dirname(package_path)
    title = stated_title(_dc(package, "title"))
    meta = stated_meta(
        author=_dc(package, "creator"),
        date=_dc(package, "date"),
        site=_dc(package, "publisher"),
    )
    parts: list[Part] = [(BlockKind.TITLE, title)] if title else []
    hrefs, auxiliary = _spine(package)
    chapters = [posixpath.normpath(posixpath.join(base, unquote(href))) for href in hrefs]
    check_parts(path, archive, chapters)  # a bomb of chapters refused before any is parsed
    names = set(archive.namelist())
    for member in chapters:
        parts += _chapter(path, archive, member)
    missing = sum(member not in names for member in chapters)
    return with_notices(article_from_parts(path, parts, meta=meta), *_notices(auxiliary, missing))


def _notices(auxiliary: int, missing: int) -> tuple[str, str]:
    """What of the spine is not shown: auxiliary items, chapters missing from the file."""
    left_out = absent = ""
    if auxiliary == 1:
        left_out = "A part the book marks as auxiliary (notes, contents or the like) is not shown."
    elif auxiliary:
        left_out = (
            f"{auxiliary} parts the book marks as auxiliary (notes, contents or the like) "
            "are not shown."
        )
    if missing == 1:
        absent = "A chapter the book lists is missing from the file."
    elif missing:
        absent = f"{missing} chapters the book lists are missing from the file."
    return left_out, absent


def _package_path(path: Path, archive: DocumentArchive) -> str:
    container = _xml(path, archive, "META-INF/container.xml")
    rootfile = container.find(f".//{{{CONTAINER}}}rootfile")
    full_path = rootfile.get("full-path") if rootfile is not None else None
    if not full_path:
        raise ArticleError(f"{path.name} is damaged: its container names no package document.")
    return full_path


def _xml(path: Path, archive: DocumentArchive, name: str) -> etree._Element:
    data = read_member(path, archive, name)
    if not data:
        raise ArticleError(f"{path.name} is damaged: it has no {name}.")
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as error:
        raise ArticleError(f"{path.name} is damaged: {name} is not valid XML.") from error


def _dc(package: etree._Element, name: str) -> str | None:
    element = package.find(f"{{{OPF}}}metadata/{{{DC}}}{name}")
    if element is None:
        return None
    return " ".join("".join(element.itertext()).split()) or None


def _spine(package: etree._Element) -> tuple[list[str], int]:
    """Hrefs of the spine's chapters in reading order (non-HTML and non-linear items skipped),
    and how many of its HTML items are non-linear (auxiliary)."""
    manifest = {
        item.get("id"): item
        for item in package.iterfind(f"{{{OPF}}}manifest/{{{OPF}}}item")
        if item.get("id")
    }
    hrefs = []
    auxiliary = 0
    for reference in package.iterfind(f"{{{OPF}}}spine/{{{OPF}}}itemref"):
        item = manifest.get(reference.get("idref"))
        if item is None or not item.get("href") or item.get("media-type") not in _CHAPTER_TYPES:
            continue
        if reference.get("linear") == "no":  # auxiliary content (notes, a table of contents)
            auxiliary += not _is_contents(item)  # a table of contents repeats the headings
        else:
            hrefs.append(item.get("href"))
    return hrefs, auxiliary


def _is_contents(item: etree._Element) -> bool:
    """Whether a manifest item is the book's table of contents (EPUB 3's nav document, or one
    named so): its headings are the chapters' own, so leaving it out loses nothing."""
    if "nav" in (item.get("properties") or "").split():
        return True
    names = f"{item.get('id') or ''} {posixpath.basename(item.get('href') or '')}".lower()
    return _CONTENTS_NAME.search(names) is not None


def _chapter(path: Path, archive: DocumentArchive, member: str) -> list[Part]:
    """A chapter's blocks, led by a heading: its first heading, or its <title> added."""
    data = read_member(path, archive, member)
    if not data:
        return []
    page = decode_html(path, data)
    parts, heading = document_parts(path, page)
    if parts and parts[0][0] is BlockKind.HEADING:
        return parts
    return [(BlockKind.HEADING, heading), *parts] if heading and parts else parts
