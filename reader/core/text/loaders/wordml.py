"""WordprocessingML (the XML inside a .docx) read into blocks, as Word shows it.

Read with lxml over the whole tree, so nothing sits where a reader of body paragraphs alone
would miss it: text boxes (`w:txbxContent`, their paragraphs follow the paragraph they are
anchored in), content controls (`w:sdt`), inserted and moved-here text, fields' shown results,
phonetic guides' base text. Not shown, as Word does not show them: tracked deletions and
moved-away text, hidden runs (`w:vanish`), field instructions, the fallback copy of content
given twice (`mc:Fallback`), comment marks. Transitional and Strict Open XML differ only in the
namespace, so both are read alike. A footnote or endnote reference leaves its mark (" [1]") and
is listed in `NoteMarks` for the notes after the text. An equation (Office Math) is its linear
text where it stands ("x^2+1", see omml); a chart is a line "[chart: its title]" after the
paragraph it is anchored in, so the reader knows what the page holds there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import islice

from lxml import etree

from reader.core.text.article import BlockKind
from reader.core.text.loaders.blocks import Part
from reader.core.text.loaders.markup import CELL_SEPARATOR
from reader.core.text.loaders.omml import linear_math, math_name

WORD_NAMESPACES = frozenset(
    {
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main",
    }
)
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Word elements whose whole content is not shown.
_HIDDEN = frozenset(
    {
        "del",
        "delText",
        "moveFrom",
        "instrText",
        "delInstrText",
        "rt",  # a phonetic guide above its base text
        "pPr",
        "rPr",
        "tblPr",
        "trPr",
        "tcPr",
        "sectPr",
        "footnoteRef",
        "endnoteRef",
        "commentReference",
        "annotationRef",
    }
)
_OFF = frozenset({"0", "false", "off"})
OBJECT_PLACEHOLDER = "[An embedded object is not shown here.]"
EQUATION_PLACEHOLDER = "[equation]"  # an equation without text
CHART_NAMESPACES = frozenset(
    {
        "http://schemas.openxmlformats.org/drawingml/2006/chart",
        "http://purl.oclc.org/ooxml/drawingml/chart",
        "http://schemas.microsoft.com/office/drawing/2014/chartex",
    }
)
_DRAWING_DEPTH = 4  # c:chart in a:graphicData in a:graphic in wp:inline, beside wp:docPr
_DOC_PROPERTIES = frozenset(
    {
        "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr",
        "{http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing}docPr",
    }
)


def local_name(element: etree._Element) -> str:
    """The local name of a Word element ("p", "t"); "" for other namespaces and comments."""
    tag = element.tag
    if not isinstance(tag, str) or not tag.startswith("{"):
        return ""
    namespace, _, name = tag[1:].partition("}")
    return name if namespace in WORD_NAMESPACES else ""


def word_attribute(element: etree._Element, name: str) -> str | None:
    """A `w:`-prefixed attribute in either namespace."""
    for namespace in WORD_NAMESPACES:
        value = element.get(f"{{{namespace}}}{name}")
        if value is not None:
            return value
    return None


@dataclass(slots=True)
class NoteMarks:
    """Marks of footnotes and endnotes in the order the text references them."""

    formats: dict[str, tuple[str, int]]  # "footnote"/"endnote": (number format, first number)
    references: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, id, mark)

    def mark(self, kind: str, note_id: str) -> str:
        number_format, start = self.formats.get(kind, ("decimal", 1))
        count = sum(1 for known, _, _ in self.references if known == kind)
        label = format_number(start + count, number_format)
        self.references.append((kind, note_id, label))
        return label


def format_number(number: int, number_format: str) -> str:
    """A note number as Word writes it in that format (decimal, Roman or letters)."""
    if number_format in ("lowerRoman", "upperRoman"):
        roman = _roman(number)
        return roman if number_format == "upperRoman" else roman.lower()
    if number_format in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)
        return letter.upper() if number_format == "upperLetter" else letter
    if number_format == "chicago":
        return "*†‡§"[(number - 1) % 4] * ((number - 1) // 4 + 1)
    return str(number)


def _roman(number: int) -> str:
    values = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"))
    values += ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    result = ""
    for value, letters in values:
        while number >= value:
            result += letters
            number -= value
    return result or str(number)


@dataclass(slots=True)
class _Frame:
    """An open paragraph, table row or cell; what it holds is added to it, not emitted."""

    tag: str
    kind: BlockKind = BlockKind.PARAGRAPH
    pieces: list[str] = field(default_factory=list)
    after: list[Part] = field(default_factory=list)  # text-box paragraphs anchored here


def word_parts(
    root: etree._Element,
    styles: dict[str, str],
    notes: NoteMarks | None = None,
    chunks: dict[str, list[Part]] | None = None,
    charts: dict[str, str] | None = None,
) -> list[Part]:
    """Blocks of a body, a note or a header in document order (iterative: no recursion).

    `styles` maps style ids to names (for titles and headings); `chunks` gives the blocks of
    documents embedded whole (`w:altChunk`) by relationship id; `charts` the titles of the
    chart parts by relationship id ("" for a chart without one).
    """
    parts: list[Part] = []
    frames: list[_Frame] = []
    skipping = 0

    def emit(new: list[Part]) -> None:
        if not frames:
            parts.extend(new)
        elif frames[-1].tag == "p":
            frames[-1].after.extend(new)
        else:
            frames[-1].pieces.extend(text for _, text in new)

    for event, element in etree.iterwalk(root, events=("start", "end")):
        name = local_name(element)
        if event == "start":
            if skipping or name in _HIDDEN or element.tag == _FALLBACK or _is_hidden_run(element):
                skipping += 1
                continue
            if _is_figure(element):  # read whole here: an equation or a chart
                skipping += 1
                _add_figure(element, frames, parts, charts or {})
                continue
            if name in ("p", "tr", "tc"):
                frames.append(_Frame(name))
            elif frames and frames[-1].tag == "p":
                text = _run_text(element, name, notes)
                if text:
                    frames[-1].pieces.append(text)
                elif name == "object":
                    frames[-1].after.append((BlockKind.PARAGRAPH, OBJECT_PLACEHOLDER))
            if name == "altChunk" and chunks is not None:
                emit(chunks.get(_relationship_id(element) or "", []))
            continue
        if skipping:
            skipping -= 1
            continue
        if name not in ("p", "tr", "tc") or not frames or frames[-1].tag != name:
            continue
        frame = frames.pop()
        if name == "p":
            kind = _paragraph_kind(element, styles)
            emit([(kind, "".join(frame.pieces)), *frame.after])
        elif name == "tc" and frames:
            frames[-1].pieces.append(" ".join(" ".join(frame.pieces).split()))
        else:
            emit([(BlockKind.PARAGRAPH, CELL_SEPARATOR.join(p for p in frame.pieces if p))])
    return parts


def _is_figure(element: etree._Element) -> bool:
    """An equation (`m:oMathPara`, or `m:oMath` outside one) or a chart reference."""
    if math_name(element) in ("oMath", "oMathPara"):
        return True
    tag = element.tag
    return (
        isinstance(tag, str)
        and tag.endswith("}chart")
        and tag[1:].split("}")[0] in (CHART_NAMESPACES)
    )


def _add_figure(
    element: etree._Element, frames: list[_Frame], parts: list[Part], charts: dict[str, str]
) -> None:
    """An equation's linear text where it stands; a chart's line after its paragraph."""
    if math_name(element):
        text = linear_math(element) or EQUATION_PLACEHOLDER
        if frames and frames[-1].tag in ("p", "tc"):
            frames[-1].pieces.append(text)
        else:
            parts.append((BlockKind.PARAGRAPH, text))
        return
    title = charts.get(_relationship_id(element) or "") or _alternative_text(element)
    line = (BlockKind.PARAGRAPH, f"[chart: {title}]" if title else "[chart]")
    if frames and frames[-1].tag == "p":
        frames[-1].after.append(line)
    elif frames:
        frames[-1].pieces.append(line[1])
    else:
        parts.append(line)


def _alternative_text(element: etree._Element) -> str:
    """The title or description the author gave the drawing holding a chart ("" if none)."""
    for ancestor in islice(element.iterancestors(), _DRAWING_DEPTH):
        for child in ancestor:
            if child.tag in _DOC_PROPERTIES:
                return " ".join((child.get("title") or child.get("descr") or "").split())
    return ""


def _run_text(element: etree._Element, name: str, notes: NoteMarks | None) -> str:
    """What one element inside a paragraph adds to its text."""
    if name == "t":
        return element.text or ""
    if name == "tab" or name == "ptab":
        return "\t"
    if name in ("br", "cr"):
        return "\n"
    if name == "noBreakHyphen":
        return "\u2011"
    if name == "softHyphen":
        return "\u00ad"
    if name in ("footnoteReference", "endnoteReference") and notes is not None:
        kind = name.removesuffix("Reference")
        return f" [{notes.mark(kind, word_attribute(element, 'id') or '')}]"
    return ""


def _is_hidden_run(element: etree._Element) -> bool:
    """A run formatted as hidden text (`w:vanish`), which Word does not show."""
    if local_name(element) != "r":
        return False
    for properties in element:
        if local_name(properties) == "rPr":
            for setting in properties:
                if local_name(setting) == "vanish":
                    return (word_attribute(setting, "val") or "true").lower() not in _OFF
    return False


def _paragraph_kind(paragraph: etree._Element, styles: dict[str, str]) -> BlockKind:
    for properties in paragraph:
        if local_name(properties) == "pPr":
            for setting in properties:
                if local_name(setting) == "pStyle":
                    style_id = word_attribute(setting, "val") or ""
                    return paragraph_kind(styles.get(style_id, style_id))
    return BlockKind.PARAGRAPH


def paragraph_kind(style: str | None) -> BlockKind:
    """Title and heading styles by name (Word keeps built-in names in English)."""
    style = (style or "").lower()
    if style in ("title", "titel", "titre"):
        return BlockKind.TITLE
    if style.startswith(("heading", "subtitle")):
        return BlockKind.HEADING
    return BlockKind.PARAGRAPH


def _relationship_id(element: etree._Element) -> str | None:
    for key, value in element.attrib.items():
        if key.endswith("}id"):
            return value
    return None


def style_names(root: etree._Element | None) -> dict[str, str]:
    """Style id to style name, from styles.xml."""
    names: dict[str, str] = {}
    if root is None:
        return names
    for style in root:
        if local_name(style) != "style":
            continue
        style_id = word_attribute(style, "styleId")
        for child in style:
            if local_name(child) == "name" and style_id:
                names[style_id] = word_attribute(child, "val") or style_id
    return names
