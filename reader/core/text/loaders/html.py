"""Web pages (.html, .htm, and the HTML inside e-mails, saved pages and e-books).

The page is decoded as a browser decodes it (see charsets), parsed once by lxml, read as a
browser without scripts shows it (see visibility: <noscript> content in, hidden elements out)
and trimmed of what is never article text (scripts, styles, SVG, comments, most attributes) so
trafilatura's cost stays proportional to the text; trafilatura then finds the article
(dropping navigation, banners and ads) and Reader walks its XML once: every text node it kept
lands in exactly one block, nothing twice. Nothing is fetched or executed.
"""

from __future__ import annotations

import copy
import logging
import re
from pathlib import Path

from lxml import etree, html

from reader.core.errors import ArticleError
from reader.core.text.article import Article, ArticleMeta
from reader.core.text.loaders.blocks import Part, article_from_parts, with_title_first
from reader.core.text.loaders.charsets import decode_page
from reader.core.text.loaders.markup import (
    HTML_TAGS,
    PARAGRAPH_MARK,
    TRAFILATURA_TAGS,
    markup_parts,
)
from reader.core.text.loaders.metadata import stated_meta, stated_title
from reader.core.text.loaders.opening_dates import with_dateline_date
from reader.core.text.loaders.visibility import HIDING_ATTRIBUTES, drop_hidden, read_noscript

# Elements whose content is never article text (<noscript>: see visibility.read_noscript).
_DROPPED_TAGS = (
    "script",
    "style",
    "template",
    "svg",
    "math",
    "iframe",
    "object",
    "embed",
    "canvas",
    "video",
    "audio",
    "picture",
    "map",
    "select",
    "button",
    "input",
    "textarea",
    "link",
)  # fmt: skip (not <form>: some sites wrap the whole page in one)
# The attributes trafilatura's extraction and metadata look at; others are dropped.
_KEPT_ATTRIBUTES = frozenset(
    [
        "class",
        "id",
        "role",
        "itemprop",
        "itemtype",
        "itemscope",
        "property",
        "name",
        "content",
        "rel",
        "lang",
        "datetime",
        "http-equiv",
        "charset",
        "type",
        "pubdate",
    ]
)
_MAX_ATTRIBUTE_CHARS = 200
# Characters the HTML parser lets through in attribute values but lxml cannot set again.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_LONG_TAG = re.compile(r"<([a-zA-Z][^\s/>]{0,30})(\s[^<>]{4000,})>")
_ATTRIBUTE = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*))?""")
_MAX_ELEMENTS = 1_000_000
# The parser drops everything nested deeper than about 2,000 levels (and what follows it); a
# page nested deeper than this loses its container tags instead, so its text survives.
_MAX_NESTING = 1_000
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]{0,20})\b[^<>]{0,4000}?(/?)>")
_VOID_TAGS = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    ]
)
_CONTAINER_TAG = re.compile(
    r"</?(?:div|span|section|article|main|font|b|i|u|em|strong|a|center|small|big|blockquote"
    r"|ul|ol|li|dl|dt|dd|table|thead|tbody|tr|td|th|p|h[1-6]|q|s|sub|sup|code|pre)\b[^<>]{0,4000}>",
    re.IGNORECASE,
)
# Above this many characters of text, trafilatura's extraction costs more than linear time
# (1 MB: 1.4 s, 4 MB: 4.7 s, 20 MB: 50 s of CPU), so such pages are read by _large_page_parts.
MAX_EXTRACTED_CHARS = 2_000_000
# Above this many elements, trafilatura runs without its fallback extractors: jusText's
# paragraph revision (justext/core.py, _get_neighbour) is quadratic in the paragraphs, 616 CPU s
# on a page of 100,000 one-word items (bench/bench_fuzz.py, "many paragraphs or items"). News
# pages hold a few thousand elements; their text comes from trafilatura's own extractor.
MAX_FALLBACK_ELEMENTS = 10_000
# The page's date as its markup states it (meta tags, JSON-LD, <time>, an element marked as
# the date): htmldate's "extensive search" also took any date written in the text (a talk set
# for "April 14, 2025" in the fourth paragraph became the article's date). Without a date in
# the markup, a dateline opening the body dates the page (opening_dates), nothing else.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
_FURNITURE_TAGS = ("nav", "header", "footer", "aside", "menu", "dialog")
_FURNITURE_ROLES = (
    "//*[@role='navigation' or @role='banner' or @role='contentinfo' or @role='complementary']"
)

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


def load_html(path: Path, data: bytes) -> Article:
    """The article of a saved page; raises ArticleError when the page holds no text.

    trafilatura's own balance of precision and recall: favor_recall, used before, kept more
    boilerplate than article text on scrapinghub/article-extraction-benchmark (181 pages, its
    evaluate.py rule, bench/bench_html_extraction.py): F1 0.964 without it, 0.961 with it
    (8 pages better without, 1 worse).
    """
    return with_dateline_date(html_article(path, decode_html(path, data), favor_recall=False))


def decode_html(path: Path, data: bytes) -> str:
    """The page's text: declared charset (browser labels), else UTF-8, else the text decoder."""
    text = decode_page(data)
    if text is None:
        from reader.core.text.decoding import decode_text

        text = decode_text(data, path)
    return text


def html_article(
    path: Path,
    page: str,
    *,
    title: str | None = None,
    meta: ArticleMeta | None = None,
    favor_recall: bool = True,
) -> Article:
    """An Article from a page's markup; `title`/`meta` (e.g. an e-mail's) win over the page's.

    A page in which trafilatura finds no article (a short e-mail body, a bare fragment) is read
    whole instead, so text is never dropped for being too little. `favor_recall` by default: an
    e-mail's HTML body is all message, without a site's furniture (web pages: see load_html).
    """
    tree, text_chars, elements = _trimmed_tree(path, page)
    if text_chars > MAX_EXTRACTED_CHARS:
        parts, page_title, page_meta = _large_page_parts(tree)
    else:
        fast = elements > MAX_FALLBACK_ELEMENTS
        parts, page_title, page_meta = _extracted_parts(path, tree, favor_recall, fast)
    if not parts:
        parts, _ = _whole_parts(tree)
    title = title or page_title
    return article_from_parts(path, with_title_first(parts, title), meta=meta or page_meta or None)


def document_parts(path: Path, page: str) -> tuple[list[Part], str | None]:
    """All the text of markup that is all content (an e-book chapter), block by block, and the
    page's <title>. Headings h1-h6 are HEADING parts, the rest paragraphs."""
    tree, _, _ = _trimmed_tree(path, page)
    return _whole_parts(tree)


def _whole_parts(tree: html.HtmlElement | None) -> tuple[list[Part], str | None]:
    if tree is None:
        return [], None
    title = " ".join((tree.findtext(".//title") or "").split()) or None
    return markup_parts(tree, HTML_TAGS), title


def _extracted_parts(
    path: Path, tree: html.HtmlElement | None, favor_recall: bool, fast: bool
) -> tuple[list[Part], str | None, ArticleMeta | None]:
    """The blocks, title and metadata trafilatura finds in a page (no blocks: an empty list);
    `fast`: without trafilatura's fallback extractors (see MAX_FALLBACK_ELEMENTS)."""
    import trafilatura

    if tree is None:
        return [], None, ArticleMeta()
    try:
        extracted = trafilatura.extract(
            copy.deepcopy(tree),
            output_format="xml",
            with_metadata=True,
            favor_recall=favor_recall,
            fast=fast,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            include_formatting=False,
            date_extraction_params=dict(_DATE_PARAMS),
        )
    except (AssertionError, ValueError, TypeError, IndexError, RecursionError) as error:
        # trafilatura's date and metadata helpers assert on pages that are no documents
        # (an SVG alone, say); the page is then unreadable, not the program broken.
        raise ArticleError(f"{path.name} could not be read as a web page.") from error
    if not extracted:
        return [], None, ArticleMeta()
    root = etree.fromstring(
        extracted.encode("utf-8"), etree.XMLParser(resolve_entities=False, huge_tree=True)
    )
    title = stated_title(root.get("title"))
    meta = stated_meta(
        author=_attribute(root, "author"),
        date=_attribute(root, "date"),
        site=_attribute(root, "sitename") or _attribute(root, "hostname"),
    )
    main = root.find("main")
    parts = markup_parts(main, TRAFILATURA_TAGS) if main is not None else []
    return parts, title, meta


def _large_page_parts(tree: html.HtmlElement) -> tuple[list[Part], str | None, ArticleMeta | None]:
    """A page too large for trafilatura (its cost grows faster than the page): the <article>
    (else <main>, else the body) without navigation, headers, footers, asides and forms, and
    the metadata its <meta> tags give. Linear in the size of the page."""
    etree.strip_elements(tree, *_FURNITURE_TAGS, with_tail=False)
    for element in tree.xpath(_FURNITURE_ROLES):
        element.drop_tree()
    root = next(iter(tree.iter("article", "main")), None)
    if root is None:
        root = tree.find("body")
    parts = markup_parts(root if root is not None else tree, HTML_TAGS)
    title = stated_title(_meta_content(tree, "og:title") or tree.findtext(".//title"))
    meta = stated_meta(
        author=_meta_content(tree, "author"),
        date=_meta_content(tree, "article:published_time") or _meta_content(tree, "date"),
        site=_meta_content(tree, "og:site_name"),
    )
    return parts, title, meta


def _meta_content(tree: html.HtmlElement, name: str) -> str | None:
    for element in tree.iter("meta"):
        if name in (element.get("name"), element.get("property")):
            return " ".join((element.get("content") or "").split()) or None
    return None


def _attribute(root: etree._Element, name: str) -> str | None:
    return " ".join((root.get(name) or "").split()) or None


def _trimmed_tree(path: Path, page: str) -> tuple[html.HtmlElement | None, int, int]:
    """The page parsed once, without scripts, styles, comments or unused attributes, the
    number of text characters left in it and the number of its elements."""
    parser = html.HTMLParser(
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
        remove_blank_text=False,
        huge_tree=True,  # text nodes over 10 MB, nesting past 256 levels
    )
    page = _LONG_TAG.sub(_shortened_tag, page.replace(PARAGRAPH_MARK, ""))
    if _deepest_nesting(page) > _MAX_NESTING:
        page = _CONTAINER_TAG.sub(" ", page)
    data = page.encode("utf-8", errors="replace")
    try:
        tree = html.document_fromstring(data, parser=parser)
    except (etree.ParserError, ValueError):
        return None, 0, 0
    read_noscript(tree)
    etree.strip_elements(tree, *_DROPPED_TAGS, etree.Comment, with_tail=False)
    drop_hidden(tree)
    text_chars = count = 0
    for count, element in enumerate(tree.iter(), 1):
        if count > _MAX_ELEMENTS:
            raise ArticleError(
                f"{path.name} has more than {_MAX_ELEMENTS:,} elements; "
                "Reader does not open pages that large."
            )
        text_chars += len(element.text or "") + len(element.tail or "")
        attributes = element.attrib
        if attributes:
            kept = {
                name: _NOT_XML.sub("", value[:_MAX_ATTRIBUTE_CHARS])
                for name, value in attributes.items()
                if name in _KEPT_ATTRIBUTES
            }
            if len(kept) != len(attributes) or any(
                len(value) == _MAX_ATTRIBUTE_CHARS for value in kept.values()
            ):
                attributes.clear()
                attributes.update(kept)
        if element.tag == "br":
            _mark_paragraph_break(element)
    return tree, text_chars, count


def _deepest_nesting(page: str) -> int:
    """How deep elements nest, counted on the tags alone (one linear scan)."""
    depth = deepest = 0
    for match in _TAG.finditer(page):
        closing, name, self_closing = match.groups()
        if name.lower() in _VOID_TAGS or self_closing:
            continue
        depth = max(depth - 1, 0) if closing else depth + 1
        deepest = max(deepest, depth)
    return deepest


def _shortened_tag(match: re.Match) -> str:
    """A start tag with a very long attribute list, keeping only the attributes Reader reads.

    libxml2 checks each attribute against all earlier ones of its element, so a tag with
    thousands of attributes costs the square of their number to parse; this pass is linear.
    """
    kept = [
        attribute.group()
        for attribute in _ATTRIBUTE.finditer(match.group(2))
        if attribute.group(1).lower() in _KEPT_ATTRIBUTES | HIDING_ATTRIBUTES
    ][: len(_KEPT_ATTRIBUTES) + len(HIDING_ATTRIBUTES)]
    return f"<{match.group(1)} {' '.join(kept)}>"


def _mark_paragraph_break(br: html.HtmlElement) -> None:
    """A <br> followed (across whitespace) by another <br> marks a paragraph break.

    trafilatura keeps a single line break for a run of <br>, so the run is marked first.
    """
    following = br.getnext()
    if following is not None and following.tag == "br" and not (br.tail or "").strip():
        br.tail = PARAGRAPH_MARK
