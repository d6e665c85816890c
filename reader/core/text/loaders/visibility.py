"""What of a web page a browser without scripts shows, which is what Reader reads: it runs no
script, so <noscript> content is part of the page, and what no reader sees or hears (hidden
elements) is not. Used by the HTML loader on the parsed page, before its attributes are
trimmed (the hiding attributes are among those trimmed).

Measured on scrapinghub/article-extraction-benchmark (bench/bench_html_extraction.py, 181
pages): dropping hidden elements raises one page's F1 (an AP wire slug in a display:none div)
and lowers none; <noscript> read this way ties dropping it on every page.
"""

from __future__ import annotations

import re

from lxml import etree, html

# The attributes that hide an element from every reader of the page.
HIDING_ATTRIBUTES = frozenset(["hidden", "aria-hidden", "style"])
_HIDING_STYLE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b", re.I)
# A <noscript> that only tells the reader to turn scripts on ("Please enable JavaScript to view
# the comments"): about the reader's browser, not the article, and Reader has no scripts to
# turn on. Only short ones: a whole article in <noscript> may well mention JavaScript.
_SCRIPT_NOTICE = re.compile(
    r"\bjava\s?script\b|\bJS\b"
    r"|\b(?:enabl|disabl|turn|requir|support|run|allow)\w*\W+(?:\w+\W+){0,3}?scripts?\b"
    r"|\bscript(?:s|ing)?\W+(?:\w+\W+){0,3}?(?:enabl|disabl|turn|requir|support|off\b)",
    re.I,
)
_MAX_NOTICE_CHARS = 300
# A page saved by a browser running scripts keeps <noscript> content as text ("&lt;img …"):
# such text that holds a tag is the markup a browser without scripts would have parsed.
_MARKUP = re.compile(r"<[a-zA-Z/!]")


def read_noscript(tree: html.HtmlElement) -> None:
    """<noscript> in the body read as a browser without scripts shows it: its content stays
    in place as ordinary content (markup kept as text parsed first), except a notice asking to
    turn scripts on. <noscript> in the head only ever holds styles, links and meta tags: dropped.
    """
    head = tree.find("head")
    if head is not None:
        etree.strip_elements(head, "noscript", with_tail=False)
    for block in list(tree.iter("noscript")):
        if len(block) == 0 and _MARKUP.search(block.text or ""):
            _parse_markup_text(block)
        text = " ".join(block.text_content().split())
        if len(text) <= _MAX_NOTICE_CHARS and _SCRIPT_NOTICE.search(text):
            block.drop_tree()
    etree.strip_tags(tree, "noscript")


def _parse_markup_text(block: html.HtmlElement) -> None:
    parser = html.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True)
    try:
        holder = html.fragment_fromstring(block.text, create_parent="div", parser=parser)
    except (etree.ParserError, ValueError):
        return
    block.text = holder.text
    block.extend(list(holder))


def drop_hidden(tree: html.HtmlElement) -> None:
    """Elements no reader of the page sees or hears dropped with their content: `hidden` (not
    `hidden="until-found"`, which a search in the page shows), `aria-hidden="true"`, an inline
    style `display: none` or `visibility: hidden`. trafilatura has rules for some of these, but
    Reader trims those attributes before trafilatura sees the page. <body> itself is kept."""
    for element in tree.xpath("//body//*[@hidden or @aria-hidden or @style]"):
        hidden = element.get("hidden")
        if (
            (hidden is not None and hidden.strip().lower() != "until-found")
            or (element.get("aria-hidden") or "").strip().lower() == "true"
            or _HIDING_STYLE.search(element.get("style") or "")
        ):
            element.drop_tree()
