"""The byline shown once (trial issue 8): a .txt article whose text keeps its byline line ("By
Lucia Prates" under the headline) shows that line as an italic paragraph in the body's size,
never a bold heading, and the line painted under the title then gives only the date; the
article's text, and so every offset, is the file's."""

from __future__ import annotations

from PySide6.QtGui import QFont

from reader.core.text.article import Article, ArticleMeta, Block, BlockKind
from reader.core.text.loaders import load_article
from reader.gui.article.reading_view import meta_text
from reader.gui.article.text_document import build_document

TEXT = (
    "Ferry Crews Vote To Strike\n\n"
    "By Lucia Prates\n\n"
    "PORTO VELHO, Brazil, March 3, 2025 — Ferry crews voted on Monday to strike from next week.\n"
)


def _loaded(tmp_path) -> Article:
    path = tmp_path / "ferry.txt"
    path.write_bytes(TEXT.encode("utf-8"))
    article = load_article(path)
    assert article.text == TEXT
    return article


def test_the_byline_paragraph_is_no_heading_and_the_meta_line_gives_the_date(qapp, tmp_path):
    article = _loaded(tmp_path)
    assert article.meta == ArticleMeta(author="Lucia Prates", date="2025-03-03")
    assert meta_text(article) == "2025-03-03"  # "By Lucia Prates" is in the body already
    document = build_document(article, qapp.font())
    byline = document.findBlockByNumber(1)
    assert byline.text() == "By Lucia Prates"
    assert byline.blockFormat().headingLevel() == 0
    char_format = byline.charFormat()
    assert char_format.fontItalic()
    assert char_format.fontWeight() != QFont.Weight.Bold
    lede = document.findBlockByNumber(2)
    assert not lede.charFormat().fontItalic()
    assert document.findBlockByNumber(0).blockFormat().headingLevel() == 1  # the title stays


def test_a_byline_a_format_marked_a_heading_is_shown_as_a_byline(qapp):
    text = "Ferry Crews Vote To Strike\nBy Lucia Prates\nCrews voted on Monday."
    blocks = (Block(BlockKind.TITLE, 0, 26), Block(BlockKind.HEADING, 27, 42))
    blocks += (Block(BlockKind.PARAGRAPH, 43, len(text)),)
    article = Article("Ferry Crews Vote To Strike", text, blocks, meta=ArticleMeta("Lucia Prates"))
    document = build_document(article, qapp.font())
    assert document.findBlockByNumber(1).blockFormat().headingLevel() == 0
    assert meta_text(article) == ""


def test_the_author_stays_in_the_meta_line_without_a_byline_paragraph_naming_them(qapp):
    meta = ArticleMeta("Ana Souza", "2025-03-03")
    plain = "Ferry Crews Vote To Strike\nCrews voted on Monday."
    blocks = (Block(BlockKind.TITLE, 0, 26), Block(BlockKind.PARAGRAPH, 27, len(plain)))
    assert meta_text(Article("Ferry", plain, blocks, meta=meta)) == "By Ana Souza · 2025-03-03"
    other = "Ferry Crews Vote To Strike\nBy Lucia Prates\nCrews voted on Monday."
    blocks = (Block(BlockKind.TITLE, 0, 26), Block(BlockKind.PARAGRAPH, 27, 42))
    blocks += (Block(BlockKind.PARAGRAPH, 43, len(other)),)
    shown = meta_text(Article("Ferry", other, blocks, meta=meta))
    assert shown == "By Ana Souza · 2025-03-03"  # the body's byline names someone else
