"""Blocks from a markup tree in one iterative pass: each text node lands in exactly one block.

Used for trafilatura's XML (web pages, e-mails, saved pages) and for HTML that is all
content (EPUB chapters, an e-mail body trafilatura has nothing to say about). Iterative, so
markup nested thousands of levels deep costs no recursion; linear in the size of the tree.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from reader.core.text.article import BlockKind
from reader.core.text.loaders.blocks import Part

# A run of two or more line breaks is a paragraph break: this private-use character marks it
# in the text (the HTML loader puts it where a page has <br><br>), and blocks split there.
PARAGRAPH_MARK = "\ue000"
CELL_SEPARATOR = " | "


@dataclass(frozen=True, slots=True)
class MarkupTags:
    """Which tags start a block, which are headings, line breaks, table cells, or skipped."""

    blocks: frozenset[str]
    headings: frozenset[str]
    line_breaks: frozenset[str]
    cells: frozenset[str]
    preformatted: frozenset[str]
    skipped: frozenset[str] = frozenset()


TRAFILATURA_TAGS = MarkupTags(
    blocks=frozenset({"p", "head", "item", "list", "quote", "code", "table", "row", "main"}),
    headings=frozenset({"head"}),
    line_breaks=frozenset({"lb"}),
    cells=frozenset({"cell"}),
    preformatted=frozenset({"code"}),
)
HTML_TAGS = MarkupTags(
    blocks=frozenset(
        [
            "p",
            "div",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "li",
            "ul",
            "ol",
            "dl",
            "dt",
            "dd",
            "blockquote",
            "pre",
            "table",
            "tr",
            "thead",
            "tbody",
            "tfoot",
            "caption",
            "section",
            "article",
            "header",
            "footer",
            "aside",
            "nav",
            "figure",
            "figcaption",
            "main",
            "address",
            "hr",
            "body",
        ]
    ),
    headings=frozenset(["h1", "h2", "h3", "h4", "h5", "h6"]),
    line_breaks=frozenset({"br"}),
    cells=frozenset({"td", "th"}),
    preformatted=frozenset({"pre", "textarea"}),
    skipped=frozenset(["head", "script", "style", "noscript", "template", "svg", "math", "title"]),
)


def markup_parts(root: etree._Element, tags: MarkupTags) -> list[Part]:
    """(kind, text) blocks of a tree in document order; headings as HEADING, the rest PARAGRAPH.

    Loose text beside blocks (a container's own text, a block's tail) forms paragraphs of its
    own; a list item's text before its nested list is one block, each nested item another.
    """
    parts: list[Part] = []
    buffer: list[str] = []
    kinds: list[BlockKind] = [BlockKind.PARAGRAPH]
    skipping = 0
    preformatted = 0  # inside <pre>: line breaks in the text are line breaks
    last_break = -1  # index in buffer of the latest line break

    def text_of(value: str | None) -> str:
        # Outside <pre>, a line break in markup is white space like any other.
        return (value or "") if preformatted else (value or "").replace("\n", " ")

    def flush() -> None:
        nonlocal last_break
        text = "".join(buffer)
        buffer.clear()
        last_break = -1
        for piece in text.split(PARAGRAPH_MARK):
            piece = piece.strip().removesuffix(CELL_SEPARATOR.strip()).strip()
            if piece:
                parts.append((kinds[-1], piece))

    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = _local_name(element)
        if event == "start":
            if not tag:  # a comment: only its tail is text
                continue
            if skipping or tag in tags.skipped:
                skipping += 1
                continue
            if tag in tags.blocks:
                flush()
                kinds.append(BlockKind.HEADING if tag in tags.headings else BlockKind.PARAGRAPH)
            elif tag in tags.line_breaks:
                if last_break >= 0 and not "".join(buffer[last_break + 1 :]).strip():
                    buffer[last_break] = PARAGRAPH_MARK  # a second break in a row
                else:
                    buffer.append("\n")
                    last_break = len(buffer) - 1
            if tag in tags.preformatted:
                preformatted += 1
            buffer.append(text_of(element.text))
            continue
        if skipping:
            skipping -= 1
            if skipping:
                continue
        elif tag in tags.blocks:
            flush()
            kinds.pop()
        elif tag in tags.cells:
            buffer.append(CELL_SEPARATOR)
        if tag in tags.preformatted:
            preformatted -= 1
        if element is not root:
            buffer.append(text_of(element.tail))
    flush()
    return parts


def _local_name(element: etree._Element) -> str:
    tag = element.tag
    if not isinstance(tag, str):  # comments and processing instructions
        return ""
    return tag.rsplit("}", 1)[-1].lower()
