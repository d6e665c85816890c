"""Metadata only from the source (placeholders, application names and impossible dates
dropped), and a page read as a browser without scripts shows it."""

from __future__ import annotations

import datetime

import pytest

from reader.core.text.loaders import load_article
from reader.core.text.loaders.metadata import stated_author, stated_date, stated_title
from tests.core.text import format_samples as samples


@pytest.mark.parametrize(
    "title",
    ["Untitled", "Word Document", "Microsoft Word - memo.doc", "Document1", "q3-report.pdf", "  "],
)
def test_placeholder_titles_are_dropped(title):
    assert stated_title(title) is None


@pytest.mark.parametrize(
    "author",
    ["(anonymous)", "Saved by Blink", "Administrator", "Microsoft Office User", "unknown", ""],
)
def test_placeholder_authors_are_dropped(author):
    assert stated_author(author) is None


@pytest.mark.parametrize(
    "date", ["0000-01-01", "1601-01-01", "2999-05-01", "2024-02-30", datetime.date(1899, 1, 1)]
)
def test_impossible_dates_are_dropped(date):
    assert stated_date(date) is None


def test_stated_values_are_kept():
    assert stated_title("Pilots end strike in Tromsø") == "Pilots end strike in Tromsø"
    assert stated_author("Ingrid Solberg") == "Ingrid Solberg"
    assert stated_date("2025-03-14") == "2025-03-14"
    assert stated_date(datetime.datetime(2025, 3, 14, 9, 0)) == "2025-03-14"
    assert stated_date("14 March 2025") == "14 March 2025"


def test_a_pdf_with_placeholder_info_gets_none_of_it(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "memo.pdf"
    page = canvas.Canvas(str(path), invariant=1)
    page.setTitle("Untitled")
    page.setAuthor("(anonymous)")
    page.setFont("Helvetica-Bold", 18)
    page.drawString(72, 760, "Harbour pilots end strike")
    page.setFont("Helvetica", 10)
    page.drawString(72, 730, "The pilots agreed to the offer on Friday night after long talks.")
    page.save()
    data = path.read_bytes()
    assert b"D:20000101" in data  # reportlab's invariant date, replaced by a year-0 one
    path.write_bytes(data.replace(b"D:20000101", b"D:00000101"))
    article = load_article(path)
    assert article.title == "Harbour pilots end strike"
    assert article.meta is None


def test_a_web_page_titled_title_takes_its_headline(tmp_path):
    page = samples.html_page().replace(f"<title>{samples.TITLE}</title>", "<title>Title</title>")
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    article = load_article(path)
    assert article.title == samples.TITLE
    assert "Title\n" not in article.text


def test_a_page_whose_article_is_only_in_noscript_is_read_as_without_scripts(tmp_path):
    body = samples.html_page().split("<body>")[1].split("</body>")[0]
    page = (
        f"<html><head><title>{samples.TITLE}</title></head><body>"
        "<div id='app'></div><script>render()</script>"
        f"<noscript>{body}</noscript></body></html>"
    )
    path = tmp_path / "blog.html"
    path.write_text(page, encoding="utf-8")
    article = load_article(path)
    assert samples.PARAGRAPHS[1] in article.text
    assert "render()" not in article.text


def test_a_noscript_notice_beside_the_article_stays_out(tmp_path):
    notice = "<noscript>Please enable JavaScript to see the comments.</noscript>"
    path = tmp_path / "page.html"
    path.write_text(samples.html_page().replace("</article>", f"</article>{notice}"))
    assert "enable JavaScript" not in load_article(path).text
