"""Text read by OCR in the export (issue 23, deliverable 5): a label beside the byline, and the
words the engine was unsure of in a span with a wavy underline and a title, inside mentions too;
the page's text stays the article's."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from reader.core.model import Kind
from reader.core.render.ocr_marks import OCR_LABEL, UNSURE_TITLE, text_pieces
from reader.core.text.article import ArticleMeta
from tests.core.render.test_export import Page, analysis_of, mention, render

TEXT = "Ferry crews in Bergn voted on Monday.\nThe unon <said> Jonas Lie agreed."


def _ocr_analysis(spans: tuple[tuple[int, int], ...]):
    start = TEXT.index("Jonas Lie")
    analysis = analysis_of(TEXT, (mention(TEXT, start, start + 9, Kind.PERSON, "Jonas Lie"),))
    meta = ArticleMeta(ocr=True, uncertain=spans)
    return replace(analysis, article=replace(analysis.article, meta=meta))


def _span(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


def test_unsure_words_are_marked_in_the_text_and_inside_mentions():
    analysis = _ocr_analysis((_span("Bergn"), _span("unon"), _span("<said>"), _span("Lie")))

    html = render(analysis)
    page = Page(html)

    assert page.errors == []
    assert page.text == TEXT
    marked = [tag for tag in page.elements("span") if tag.get("class") == "uncertain"]
    assert len(marked) == 4 and all(tag["title"] == UNSURE_TITLE for tag in marked)
    assert '<span class="uncertain" title="' in html
    assert ">&lt;said&gt;</span>" in html  # escaped inside the mark
    mark = html[html.index('<mark class="entity person"') :]
    assert mark[: mark.index("</mark>")].endswith('">Lie</span>')  # inside the mention's mark


def test_the_page_says_the_text_was_read_by_ocr():
    html = render(_ocr_analysis((_span("Bergn"),)))
    meta = html[html.index('<p class="meta"') :]
    assert OCR_LABEL in meta[: meta.index("</p>")]
    assert ".uncertain {" in html  # the wavy underline's rule is in the page's own sheet

    plain = render(analysis_of(TEXT))
    assert OCR_LABEL not in plain and 'class="uncertain"' not in plain


def test_the_json_meta_says_ocr_and_gives_the_unsure_words():
    analysis = _ocr_analysis((_span("Bergn"),))
    assert analysis.to_dict()["meta"] == {"ocr": True, "ocr_uncertain": [list(_span("Bergn"))]}


@st.composite
def _spans(draw) -> tuple[tuple[int, int], ...]:
    cuts = sorted(set(draw(st.lists(st.integers(0, len(TEXT)), max_size=12))))
    return tuple((a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=False) if b > a)


@given(_spans(), st.integers(0, len(TEXT)), st.integers(0, len(TEXT)))
def test_any_piece_of_the_text_is_given_whole_with_each_unsure_stretch_marked(spans, a, b):
    start, end = min(a, b), max(a, b)
    piece = str(text_pieces(TEXT, ArticleMeta(ocr=True, uncertain=spans))(start, end))
    page = Page(f'<div id="article-text">{piece}</div>')
    assert page.text == TEXT[start:end]
    inside = [(max(s, start), min(e, end)) for s, e in spans if min(e, end) > max(s, start)]
    assert piece.count('class="uncertain"') == len(inside)
