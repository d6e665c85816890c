"""What a Word file holds besides its paragraphs (issue 23): an equation is read as its linear
text where it stands, a chart leaves "[chart: its title]" after its paragraph, and headers and
footers are left out with one notice. The files are written with python-docx, the equation and
chart parts with lxml."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from lxml import etree

from reader.core.text.loaders import load_article
from reader.core.text.loaders.docx import HEADERS_LEFT_OUT
from reader.core.text.loaders.omml import MAX_DEPTH, linear_math

M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
INTRO = "The council published its budget for the harbour on Monday."
AFTER = "The mayor said the figures would be checked again in spring."


def math(inner: str) -> etree._Element:
    parser = etree.XMLParser(huge_tree=True)  # as Reader's: deep nesting is parsed
    return etree.fromstring(f'<m:oMath xmlns:m="{M}">{inner}</m:oMath>', parser)


def r(text: str) -> str:
    return f"<m:r><m:t>{text}</m:t></m:r>"


PYTHAGORAS = (
    f"<m:sSup><m:e>{r('a')}</m:e><m:sup>{r('2')}</m:sup></m:sSup>{r('+')}"
    f"<m:sSup><m:e>{r('b')}</m:e><m:sup>{r('2')}</m:sup></m:sSup>{r('=')}"
    f"<m:sSup><m:e>{r('c')}</m:e><m:sup>{r('2')}</m:sup></m:sSup>"
)


@pytest.mark.parametrize(
    ("inner", "linear"),
    [
        (PYTHAGORAS, "a^2+b^2=c^2"),
        (f"<m:f><m:num>{r('x+1')}</m:num><m:den>{r('2')}</m:den></m:f>", "(x+1)/2"),
        (f"<m:sSub><m:e>{r('x')}</m:e><m:sub>{r('i')}</m:sub></m:sSub>", "x_i"),
        (f"<m:rad><m:deg/><m:e>{r('y')}</m:e></m:rad>", "√(y)"),
        (f"<m:rad><m:deg>{r('3')}</m:deg><m:e>{r('y')}</m:e></m:rad>", "√(3&y)"),
        (
            f'<m:nary><m:naryPr><m:chr m:val="∑"/></m:naryPr><m:sub>{r("i=1")}</m:sub>'
            f"<m:sup>{r('n')}</m:sup><m:e>{r('i')}</m:e></m:nary>",
            "∑_(i=1)^n i",
        ),
        (f"<m:d><m:e>{r('a')}</m:e><m:e>{r('b')}</m:e></m:d>", "(a|b)"),
        (
            f'<m:d><m:dPr><m:begChr m:val="["/><m:endChr m:val="]"/></m:dPr>'
            f"<m:e>{r('0,1')}</m:e></m:d>",
            "[0,1]",
        ),
        (f"<m:func><m:fName>{r('sin')}</m:fName><m:e>{r('x')}</m:e></m:func>", "sin x"),
        (
            f"<m:m><m:mr><m:e>{r('a')}</m:e><m:e>{r('b')}</m:e></m:mr>"
            f"<m:mr><m:e>{r('c')}</m:e><m:e>{r('d')}</m:e></m:mr></m:m>",
            "■(a&b@c&d)",
        ),
    ],
)
def test_an_equation_is_its_linear_text(inner, linear):
    assert linear_math(math(inner)) == linear


def test_an_equation_nested_past_the_limit_keeps_its_text_without_recursing_further():
    inner = r("z")
    for _ in range(MAX_DEPTH * 20):  # far past the limit and Python's own stack
        inner = f"<m:d><m:e>{inner}</m:e><m:e>{r('1')}</m:e></m:d>"
    text = linear_math(math(inner))
    assert text.startswith("(") and "z" in text and text.count("1") == MAX_DEPTH * 20


def add_math(paragraph, inner: str) -> None:
    paragraph._p.append(math(inner))


def add_chart(document, paragraph, title: str | None, alt_text: str = "") -> None:
    """A chart part (with its title when given) related from the body, drawn in `paragraph`."""
    title_xml = (
        f"<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>{title}</a:t></a:r></a:p></c:rich>"
        "</c:tx></c:title>"
        if title
        else '<c:autoTitleDeleted val="1"/>'
    )
    axis_title = "<c:valAx><c:title><c:tx><c:rich><a:p><a:r><a:t>Euros</a:t></a:r></a:p>"
    axis_title += "</c:rich></c:tx></c:title></c:valAx>"
    chart_xml = (
        f'<c:chartSpace xmlns:c="{C}" xmlns:a="{A}"><c:chart>{title_xml}'
        f"<c:plotArea>{axis_title}</c:plotArea></c:chart></c:chartSpace>"
    )
    package = document.part.package
    number = len([p for p in package.iter_parts() if "/charts/" in str(p.partname)]) + 1
    part = Part(PackURI(f"/word/charts/chart{number}.xml"), CHART_TYPE, chart_xml.encode(), package)
    relation_id = document.part.relate_to(part, RELATIONSHIP_TYPE.CHART)
    drawing = etree.fromstring(
        f'<w:r xmlns:w="{docx.oxml.ns.nsmap["w"]}" xmlns:wp="{WP}" xmlns:a="{A}" '
        f'xmlns:c="{C}" xmlns:r="{R}"><w:drawing><wp:inline>'
        f'<wp:extent cx="5486400" cy="3200400"/><wp:docPr id="{number}" name="Chart {number}" '
        f'descr="{alt_text}"/><a:graphic><a:graphicData uri="{C}">'
        f'<c:chart r:id="{relation_id}"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>'
    )
    paragraph._p.append(drawing)


def test_equations_in_a_word_file_are_read_where_they_stand(tmp_path: Path):
    document = docx.Document()
    document.add_paragraph(INTRO)
    inline = document.add_paragraph("The engineers used ")
    add_math(inline, PYTHAGORAS)
    inline.add_run(" to check the bridge.")
    display = document.add_paragraph()
    add_math(display, f"<m:f><m:num>{r('x+1')}</m:num><m:den>{r('2')}</m:den></m:f>")
    empty = document.add_paragraph("An equation with no text: ")
    add_math(empty, "<m:sSup><m:e/><m:sup/></m:sSup>")
    document.add_paragraph(AFTER)
    path = tmp_path / "equations.docx"
    document.save(path)
    text = load_article(path).text
    assert "The engineers used a^2+b^2=c^2 to check the bridge." in text
    assert "\n(x+1)/2\n" in text
    assert "An equation with no text: [equation]" in text
    assert text.index(INTRO) < text.index("(x+1)/2") < text.index(AFTER)


def test_a_chart_is_named_by_its_title_after_its_paragraph(tmp_path: Path):
    document = docx.Document()
    document.add_paragraph(INTRO)
    add_chart(document, document.add_paragraph(), "Harbour budget by year")
    add_chart(document, document.add_paragraph(), None, alt_text="Spending per district")
    add_chart(document, document.add_paragraph(), None)
    document.add_paragraph(AFTER)
    path = tmp_path / "charts.docx"
    document.save(path)
    article = load_article(path)
    lines = article.text.splitlines()
    assert lines[lines.index(INTRO) + 1 :] == [
        "[chart: Harbour budget by year]",  # the chart's title, not its axis's ("Euros")
        "[chart: Spending per district]",  # no title: the drawing's alternative text
        "[chart]",
        AFTER,
    ]
    assert article.notices == ()


def test_headers_and_footers_are_left_out_with_one_notice(tmp_path: Path):
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "Harbour Gazette — Monday edition"
    section.footer.paragraphs[0].text = "Page 1 of 3 — printed for subscribers"
    document.add_paragraph(INTRO)
    document.add_paragraph(AFTER)
    path = tmp_path / "headers.docx"
    document.save(path)
    article = load_article(path)
    assert "Gazette" not in article.text and "subscribers" not in article.text
    assert article.notices == (HEADERS_LEFT_OUT,)


def test_empty_headers_say_nothing(tmp_path: Path):
    document = docx.Document()
    document.sections[0].header.is_linked_to_previous = False  # an empty header part
    document.add_paragraph(INTRO)
    path = tmp_path / "plain.docx"
    document.save(path)
    assert load_article(path).notices == ()
