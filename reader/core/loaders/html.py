"""Web pages (.html, .htm, and the HTML inside e-mails, saved pages and e-books).

The page is decoded as a browser decodes it (see charsets), parsed once by lxml and trimmed of
what is never article text (scripts, styles, SVG, comments, most attributes) so trafilatura's
cost stays proportional to the text; trafilatura then finds the article (dropping navigation,
banners and ads) and Reader walks its XML once: every text node it kept lands in exactly one
block, nothing twice. Nothing is fetched or executed.
"""

from __future__ import annotations

import logging
from pathlib import Path

from lxml import etree, html

from reader.core.article import Article, ArticleMeta
from reader.core.errors import ArticleError
from reader.core.loaders.blocks import Part, article_from_parts, with_title_first
from reader.core.loaders.charsets import decode_page
from reader.core.loaders.markup import HTML_TAGS, PARAGRAPH_MARK, TRAFILATURA_TAGS, markup_parts

# Elements whose content is never article text.
_DROPPED_TAGS = (
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "video", "audio", "picture", "map", "select", "button", "form", "input",
    "textarea", "link",
)  # fmt: skip
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
_MAX_ELEMENTS = 400_000

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


def load_html(path: Path, data: bytes) -> Article:
    """The article of a saved page; raises ArticleError when the page holds no article text."""
    return html_article(path, decode_html(path, data))


def decode_html(path: Path, data: bytes) -> str:
    """The page's text: declared charset (browser labels), else UTF-8, else the text decoder."""
    text = decode_page(data)
    if text is None:
        from reader.core.decoding import decode_text

        text = decode_text(data, path)
    return text


def html_article(
    path: Path,
    page: str,
    *,
    title: str | None = None,
    meta: ArticleMeta | None = None,
    all_text_if_no_article: bool = False,
) -> Article:
    """An Article from a page's markup; `title`/`meta` (e.g. an e-mail's) win over the page's.

    With `all_text_if_no_article` (an e-mail body, which has no page furniture), a page in
    which trafilatura finds no article is read whole instead.
    """
    parts, page_title, page_meta = html_parts(path, page)
    if not parts and all_text_if_no_article:
        parts, _ = document_parts(path, page)
    title = title or page_title
    return article_from_parts(path, with_title_first(parts, title), meta=meta or page_meta or None)


def html_parts(path: Path, page: str) -> tuple[list[Part], str | None, ArticleMeta]:
    """The blocks, title and metadata trafilatura finds in a page (no blocks: an empty list)."""
    import trafilatura

    tree = _trimmed_tree(path, page)
    if tree is None:
        return [], None, ArticleMeta()
    try:
        extracted = trafilatura.extract(
            tree,
            output_format="xml",
            with_metadata=True,
            favor_recall=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            include_formatting=False,
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
    title = " ".join((root.get("title") or "").split()) or None
    meta = ArticleMeta(
        author=_attribute(root, "author"),
        date=_attribute(root, "date"),
        site=_attribute(root, "sitename") or _attribute(root, "hostname"),
    )
    main = root.find("main")
    parts = markup_parts(main, TRAFILATURA_TAGS) if main is not None else []
    return parts, title, meta


def document_parts(path: Path, page: str) -> tuple[list[Part], str | None]:
    """All the text of markup that is all content (an e-book chapter, an e-mail), block by
    block, and the page's <title>. Headings h1-h6 are HEADING parts, the rest paragraphs."""
    tree = _trimmed_tree(path, page)
    if tree is None:
        return [], None
    title = " ".join((tree.findtext(".//title") or "").split()) or None
    return markup_parts(tree, HTML_TAGS), title


def _attribute(root: etree._Element, name: str) -> str | None:
    return " ".join((root.get(name) or "").split()) or None


def _trimmed_tree(path: Path, page: str) -> html.HtmlElement | None:
    """The page parsed once, without scripts, styles, comments or unused attributes."""
    parser = html.HTMLParser(
        encoding="utf-8", remove_comments=True, remove_pis=True, remove_blank_text=False
    )
    data = page.replace(PARAGRAPH_MARK, "").encode("utf-8", errors="replace")
    try:
        tree = html.document_fromstring(data, parser=parser)
    except (etree.ParserError, ValueError):
        return None
    etree.strip_elements(tree, *_DROPPED_TAGS, etree.Comment, with_tail=False)
    count = 0
    for element in tree.iter():
        count += 1
        if count > _MAX_ELEMENTS:
            raise ArticleError(
                f"{path.name} has more than {_MAX_ELEMENTS:,} elements; "
                "Reader does not open pages that large."
            )
        if not isinstance(element.tag, str):
            continue
        attributes = element.attrib
        for name in list(attributes):
            if name not in _KEPT_ATTRIBUTES:
                del attributes[name]
            elif len(attributes[name]) > _MAX_ATTRIBUTE_CHARS:
                attributes[name] = attributes[name][:_MAX_ATTRIBUTE_CHARS]
        if element.tag == "br":
            _mark_paragraph_break(element)
    return tree


def _mark_paragraph_break(br: html.HtmlElement) -> None:
    """A <br> followed (across whitespace) by another <br> marks a paragraph break.

    trafilatura keeps a single line break for a run of <br>, so the run is marked first.
    """
    following = br.getnext()
    if following is not None and following.tag == "br" and not (br.tail or "").strip():
        br.tail = PARAGRAPH_MARK
