"""The author on the export page: once. When the text's own byline paragraph ("By Jane Doe")
names the author, the page keeps that paragraph (it is the article's text, with its
highlights) and leaves the author out of the line under the title; an author the text does
not name stays in that line."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from reader.core.model import Analysis
from reader.core.render.meta_line import shown_author
from reader.core.text.article import Article, ArticleMeta, Block, BlockKind
from reader.core.text.loaders import load_article
from tests.core.render.test_export import Page, render

BODY = "The harbour board met on Tuesday and put the vote off until spring."


def _meta_line(html: str) -> str:
    start = html.find('<p class="meta"')
    return "" if start < 0 else html[html.index(">", start) + 1 : html.index("</p>", start)]


def _article(byline: str, meta: ArticleMeta | None, body: tuple[str, ...] = (BODY,)) -> Article:
    """A title, the paragraph `byline` (none when ""), then the paragraphs `body`."""
    lines = ["Harbour vote put off", *([byline] if byline else []), *body]
    text = "\n".join(lines)
    blocks, start = [], 0
    for number, line in enumerate(lines):
        kind = BlockKind.TITLE if number == 0 else BlockKind.PARAGRAPH
        blocks.append(Block(kind, start, start + len(line)))
        start += len(line) + 1
    return Article("Harbour vote put off", text, tuple(blocks), Path("vote.txt"), meta)


def _page(article: Article) -> str:
    return render(Analysis(article, "test-model 1.0", (), ()))


def test_a_txt_byline_names_the_author_once_in_the_text_not_again_under_the_title(tmp_path):
    path = tmp_path / "vote.txt"
    path.write_text(f"Harbour vote put off\n\nBy Jane Doe\n\n{BODY}\n", encoding="utf-8")
    article = load_article(path)
    assert article.meta is not None and article.meta.author == "Jane Doe"  # the loader read it

    html = _page(article)

    assert html.count("Jane Doe") == 1
    assert '<p dir="auto">By Jane Doe</p>' in html  # the article's own paragraph, kept
    assert Page(html).text == article.text  # the text is the article's, whole


def test_a_word_file_whose_properties_and_byline_both_name_the_author_shows_it_once(tmp_path):
    document = docx.Document()
    document.core_properties.author = "Jane Doe"
    document.add_heading("Harbour vote put off", 0)
    document.add_paragraph("By Jane Doe")
    document.add_paragraph(BODY)
    path = tmp_path / "vote.docx"
    document.save(str(path))
    article = load_article(path)
    assert article.meta is not None and article.meta.author == "Jane Doe"

    html = _page(article)

    assert html.count("Jane Doe") == 1
    assert "Jane Doe" not in _meta_line(html)


def test_the_date_and_site_stay_under_the_title_when_the_author_leaves_it():
    meta = ArticleMeta(author="Jane Doe", date="2025-03-14", site="Harbour Gazette")
    html = _page(_article("By Jane Doe", meta))
    assert _meta_line(html) == (
        '<time datetime="2025-03-14">14 March 2025</time> · Harbour Gazette'
    )
    assert html.count("Jane Doe") == 1


def test_nothing_is_left_under_the_title_when_the_author_was_all_it_said():
    html = _page(_article("By Jane Doe", ArticleMeta(author="Jane Doe")))
    assert '<p class="meta"' not in html
    assert Page(html).errors == []


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("By JANE DOE", "Jane Doe"),  # the byline in capitals
        ("By Jane Doe", "jane  doe"),  # the file's field spelt otherwise
        ("By Jane Doe and John Roe", "Jane Doe"),  # one of the byline's authors
        ("By Jane Doe and John Roe", "Jane Doe, John Roe"),  # the same two, listed
        ("By Jane Doe, 3 March 2024", "Jane Doe"),  # a byline with its date
    ],
)
def test_an_author_the_byline_names_is_left_out_of_the_line(byline, author):
    article = _article(byline, ArticleMeta(author=author))
    assert shown_author(article) is None
    assert "By " not in _meta_line(_page(article))


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("", "Jane Doe"),  # the text names no one
        ("By John Roe", "Jane Doe"),  # a byline naming someone else
        ("By Jane Doe", "Jane Doe and John Roe"),  # the byline names one of two
        ("By the way, the vote is off", "Jane Doe"),  # prose, no byline
    ],
)
def test_an_author_the_text_does_not_name_stays_under_the_title(byline, author):
    article = _article(byline, ArticleMeta(author=author))
    assert shown_author(article) == author
    assert _meta_line(_page(article)).startswith(f"By {author}")


def test_a_byline_further_down_the_text_does_not_hide_the_author():
    article = _article("", ArticleMeta(author="Jane Doe"), (BODY,) * 6 + ("By Jane Doe",))
    assert shown_author(article) == "Jane Doe"
