"""One invented article, written as every format Reader reads, by the libraries that write them.

Used by the loader tests and by bench/bench_formats.py. Nothing here is third-party sample
material: the article is made up, the files are generated (python-docx, reportlab, the
standard library's zipfile and email) or written out by hand below.
"""

from __future__ import annotations

import html
import re
import zipfile
from collections import Counter
from email.message import EmailMessage
from pathlib import Path

TITLE = "Harbour pilots end strike after night of talks in Tromsø"
AUTHOR = "Ingrid Solberg"
DATE = "2025-03-14"
HEADING = "What the deal means for shipping"
PARAGRAPHS = (
    "Harbour pilots in northern Norway called off their strike on Friday after negotiators "
    "for the union and the Norwegian Coastal Administration reached a deal shortly before dawn.",
    "“We have an agreement that respects the work our members do in every kind of weather,” "
    "said union leader Marisol Etxeberria, who had led the talks since Tuesday.",
    "The strike had stopped most traffic into Tromsø and Hammerfest for four days. Fishing "
    "boats waiting to land their catch queued outside both harbours.",
)
PARAGRAPHS_AFTER_HEADING = (
    "Shipping companies said the first vessels would move within hours. A spokesperson for "
    "the Coastal Administration said the deal raises night-shift pay by eleven per cent.",
    "Minister Anders Lykke welcomed the agreement. “Nobody wins when the harbours are shut,” "
    "he told reporters in Oslo, adding that talks on staffing would resume in April.",
)
LIST_ITEMS = ("Night shifts paid at a higher rate", "Two pilots on every large tanker")


def body_text() -> str:
    """The whole article as plain text (what a loader should give back, word for word)."""
    return "\n".join([TITLE, *PARAGRAPHS, HEADING, *PARAGRAPHS_AFTER_HEADING, *LIST_ITEMS])


def bag_of_words_f1(found: str, expected: str) -> float:
    """F1 of the two texts' word multisets (case folded): 1.0 when the same words come back."""
    words_found = Counter(re.findall(r"\w+", found.casefold()))
    words_expected = Counter(re.findall(r"\w+", expected.casefold()))
    overlap = sum((words_found & words_expected).values())
    if not overlap:
        return 0.0
    precision = overlap / sum(words_found.values())
    recall = overlap / sum(words_expected.values())
    return 2 * precision * recall / (precision + recall)


def _html_body() -> str:
    paragraphs = "".join(f"<p>{html.escape(p)}</p>\n" for p in PARAGRAPHS)
    after = "".join(f"<p>{html.escape(p)}</p>\n" for p in PARAGRAPHS_AFTER_HEADING)
    items = "".join(f"<li>{html.escape(item)}</li>" for item in LIST_ITEMS)
    return (
        f"<h1>{html.escape(TITLE)}</h1>\n{paragraphs}<h2>{html.escape(HEADING)}</h2>\n"
        f"{after}<ul>{items}</ul>\n"
    )


def html_page() -> str:
    """A saved news page: navigation, the article, a footer."""
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(TITLE)}</title>"
        f'<meta name="author" content="{AUTHOR}"><meta name="date" content="{DATE}">'
        "</head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article>{_html_body()}</article>"
        "<footer>© The Northern Courier</footer></body></html>"
    )


def write_docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.core_properties.author = AUTHOR
    document.add_paragraph(TITLE, style="Title")
    for paragraph in PARAGRAPHS:
        document.add_paragraph(paragraph)
    document.add_heading(HEADING, level=1)
    for paragraph in PARAGRAPHS_AFTER_HEADING:
        document.add_paragraph(paragraph)
    for item in LIST_ITEMS:
        document.add_paragraph(item, style="List Bullet")
    document.save(path)
    return path


def write_pdf(path: Path, *, pages: int = 1, encrypt: str | None = None) -> Path:
    """The article (repeated to fill `pages` pages), with a running header and page numbers."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    styles = getSampleStyleSheet()

    def furniture(canvas, document) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(72, A4[1] - 40, "Northern Courier — Harbour Report 2025")
        canvas.drawRightString(A4[0] - 72, 30, f"Page {document.page} of {pages}")
        canvas.restoreState()

    story = [Paragraph(html.escape(TITLE), styles["Title"])]
    for page in range(pages):
        if page:
            story.append(PageBreak())
        story += [Paragraph(html.escape(p), styles["BodyText"]) for p in PARAGRAPHS]
        story.append(Paragraph(html.escape(HEADING), styles["Heading2"]))
        story += [Paragraph(html.escape(p), styles["BodyText"]) for p in PARAGRAPHS_AFTER_HEADING]
        story += [Paragraph(html.escape(f"• {item}"), styles["BodyText"]) for item in LIST_ITEMS]
    kwargs = {}
    if encrypt:
        from reportlab.lib import pdfencrypt

        kwargs["encrypt"] = pdfencrypt.StandardEncryption(encrypt, canPrint=1)
    document = SimpleDocTemplate(str(path), pagesize=A4, title=TITLE, author=AUTHOR, **kwargs)
    document.build(story, onFirstPage=furniture, onLaterPages=furniture)
    return path


def write_epub(path: Path) -> Path:
    chapter_one = "".join(f"<p>{html.escape(p)}</p>" for p in PARAGRAPHS)
    items = "".join(f"<li>{html.escape(item)}</li>" for item in LIST_ITEMS)
    chapter_two = (
        f"<h1>{html.escape(HEADING)}</h1>"
        + "".join(f"<p>{html.escape(p)}</p>" for p in PARAGRAPHS_AFTER_HEADING)
        + f"<ul>{items}</ul>"
    )

    def xhtml(title: str, body: str) -> str:
        return (
            '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'
            f"<head><title>{html.escape(title)}</title></head><body>{body}</body></html>"
        )

    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        archive.writestr(
            "META-INF/container.xml",
            '<?xml version="1.0"?><container version="1.0" '
            'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
            '<rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>'
            "</rootfiles></container>",
        )
        archive.writestr(
            "OEBPS/content.opf",
            '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0">'
            '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f"<dc:title>{html.escape(TITLE)}</dc:title><dc:creator>{AUTHOR}</dc:creator>"
            f"<dc:date>{DATE}</dc:date><dc:publisher>Northern Courier</dc:publisher></metadata>"
            '<manifest><item id="c2" href="text/two.xhtml" media-type="application/xhtml+xml"/>'
            '<item id="c1" href="text/one.xhtml" media-type="application/xhtml+xml"/>'
            '<item id="css" href="style.css" media-type="text/css"/>'
            '<item id="toc" href="toc.xhtml" media-type="application/xhtml+xml"/></manifest>'
            '<spine><itemref idref="toc" linear="no"/><itemref idref="c1"/><itemref idref="c2"/>'
            "</spine></package>",
        )
        archive.writestr("OEBPS/text/one.xhtml", xhtml("The strike ends", chapter_one))
        archive.writestr("OEBPS/text/two.xhtml", xhtml(HEADING, chapter_two))
        archive.writestr("OEBPS/style.css", "p { margin: 0 }")
        archive.writestr("OEBPS/toc.xhtml", xhtml("Contents", "<p>Contents: chapter list</p>"))
    return path


def write_odt(path: Path) -> Path:
    def p(text: str, style: str = "Standard") -> str:
        return f'<text:p text:style-name="{style}">{html.escape(text)}</text:p>'

    items = "".join(f"<text:list-item>{p(item)}</text:list-item>" for item in LIST_ITEMS)
    body = (
        p(TITLE, "Title")
        + "".join(p(x) for x in PARAGRAPHS)
        + f'<text:h text:outline-level="1">{html.escape(HEADING)}</text:h>'
        + "".join(p(x) for x in PARAGRAPHS_AFTER_HEADING)
        + f"<text:list>{items}</text:list>"
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">'
        f"<office:body><office:text>{body}</office:text></office:body></office:document-content>"
    )
    meta = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-meta '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><office:meta>'
        f"<dc:title>{html.escape(TITLE)}</dc:title><meta:initial-creator>{AUTHOR}"
        f"</meta:initial-creator><meta:creation-date>{DATE}T09:00:00</meta:creation-date>"
        "</office:meta></office:document-meta>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED
        )
        archive.writestr("content.xml", content)
        archive.writestr("meta.xml", meta)
    return path


def _rtf_escape(text: str) -> str:
    out = []
    for char in text:
        if char in "\\{}":
            out.append("\\" + char)
        elif ord(char) < 128:
            out.append(char)
        else:
            out.append(f"\\u{ord(char) if ord(char) < 32768 else ord(char) - 65536}?")
    return "".join(out)


def write_rtf(path: Path) -> Path:
    paragraphs = [*PARAGRAPHS, HEADING, *PARAGRAPHS_AFTER_HEADING, *LIST_ITEMS]
    body = "".join(f"\\pard {_rtf_escape(p)}\\par\n" for p in paragraphs)
    path.write_text(
        "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Times New Roman;}}"
        f"{{\\info{{\\title {_rtf_escape(TITLE)}}}{{\\author {AUTHOR}}}"
        "{\\creatim\\yr2025\\mo3\\dy14\\hr9\\min0}}\n"
        f"\\pard\\b\\fs36 {_rtf_escape(TITLE)}\\b0\\fs24\\par\n{body}}}",
        encoding="ascii",
    )
    return path


def write_eml(path: Path) -> Path:
    message = EmailMessage()
    message["Subject"] = TITLE
    message["From"] = f"{AUTHOR} <ingrid@example.invalid>"
    message["To"] = "desk@example.invalid"
    message["Date"] = "Fri, 14 Mar 2025 09:00:00 +0100"
    message.set_content(body_text())
    message.add_alternative(f"<html><body>{_html_body()}</body></html>", subtype="html")
    path.write_bytes(bytes(message))
    return path


def write_mhtml(path: Path) -> Path:
    message = EmailMessage()
    message["Subject"] = TITLE
    message["Snapshot-Content-Location"] = "https://courier.example.invalid/harbour"
    message["MIME-Version"] = "1.0"
    message.make_related()
    message.add_related(html_page(), subtype="html", cte="quoted-printable")
    message.add_related(b"\x89PNG\r\n\x1a\nnot really", maintype="image", subtype="png")
    path.write_bytes(bytes(message))
    return path


WRITERS = {
    ".docx": write_docx,
    ".pdf": write_pdf,
    ".epub": write_epub,
    ".odt": write_odt,
    ".rtf": write_rtf,
    ".eml": write_eml,
    ".mhtml": write_mhtml,
}
