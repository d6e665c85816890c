"""The loader's notices in the export: under the byline, in the view's words, outside the
article's text; a page without them has no notice."""

from __future__ import annotations

from dataclasses import replace

from reader.core.text.article import ArticleMeta, Block, BlockKind
from tests.core.render.test_export import Page, analysis_of, render

TEXT = "Talks in Oslo\nRex Tillerson met Sergei Lavrov in Norway on Monday."
NOTICE = "Its running headers, footers and page numbers are not shown (4 lines)."


def _analysis(*, title_block: bool, meta: ArticleMeta | None, notices: tuple[str, ...]):
    end = TEXT.index("\n")
    first = BlockKind.TITLE if title_block else BlockKind.PARAGRAPH
    blocks = (Block(first, 0, end), Block(BlockKind.PARAGRAPH, end + 1, len(TEXT)))
    analysis = analysis_of(TEXT, blocks=blocks, title="Talks in Oslo")
    return replace(analysis, article=replace(analysis.article, meta=meta, notices=notices))


def _notices(html: str) -> list[str]:
    found, position = [], html.find('<p class="notice"')
    while position >= 0:
        start = html.index(">", position) + 1
        found.append(html[start : html.index("</p>", start)])
        position = html.find('<p class="notice"', start)
    return found


def test_the_page_says_what_the_loader_left_out_under_the_byline():
    meta = ArticleMeta(author="Amara Diallo")
    for title_block in (True, False):
        html = render(_analysis(title_block=title_block, meta=meta, notices=(NOTICE,)))
        page = Page(html)

        assert page.errors == []
        assert _notices(html) == [f"Note: {NOTICE}"]
        assert html.index('<p class="meta"') < html.index('<p class="notice"')
        assert page.text == TEXT  # not part of the article's text
    assert ".article .notice {" in html


def test_a_notice_is_shown_without_a_byline_and_none_without_notices():
    html = render(_analysis(title_block=True, meta=None, notices=("A & B <left> out.",)))
    assert _notices(html) == ["Note: A &amp; B &lt;left&gt; out."]  # escaped
    assert '<p class="meta"' not in html

    plain = render(_analysis(title_block=True, meta=None, notices=()))
    assert _notices(plain) == [] and '<p class="meta"' not in plain
