"""The item models (checked by qtmodeltester) and the article-to-document offset map."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextCursor

from reader.core.text.article import Article, Block, BlockKind
from reader.core.text.loaders import load_article
from reader.gui.article.article_view import build_document
from reader.gui.article.models import (
    COUNT_ROLE,
    EntityFilterProxy,
    EntityListModel,
    QuoteFilterProxy,
    QuoteListModel,
)
from reader.gui.article.offsets import OffsetMap, utf16_len
from tests.gui.articles import SEED
from tests.gui.conftest import fake_analyze


def test_entity_and_quote_models_pass_the_model_tester(qtmodeltester):
    analysis = fake_analyze(load_article(SEED), None)
    entities = EntityListModel(analysis.entities)
    qtmodeltester.check(entities)
    proxy = EntityFilterProxy()
    proxy.setSourceModel(entities)
    proxy.setFilterFixedString("ser")
    qtmodeltester.check(proxy)
    quotes = QuoteFilterProxy()
    quotes.setSourceModel(QuoteListModel(analysis.quotes))
    quotes.set_entity(analysis, "person:sergei-lavrov")
    qtmodeltester.check(quotes)
    assert 0 < quotes.rowCount() < len(analysis.quotes)


def test_entity_rows_are_entities_sorted_by_mentions():
    analysis = fake_analyze(load_article(SEED), None)
    model = EntityListModel(analysis.entities)
    counts = [model.index(row, 0).data(COUNT_ROLE) for row in range(model.rowCount())]
    assert counts == sorted(counts, reverse=True)
    assert len({model.index(r, 0).data() for r in range(model.rowCount())}) == model.rowCount()


paragraph = st.text(
    alphabet=st.sampled_from([*"ab \n’“”", "😀", "𝕏", "é", "\u2029"]), min_size=1, max_size=30
)


@st.composite
def articles(draw) -> Article:
    pieces = draw(st.lists(paragraph, min_size=1, max_size=5))
    text, blocks = "", []
    for piece in pieces:
        gap = draw(st.sampled_from(["", "\n", "\n\n"]))
        text += gap
        blocks.append(Block(BlockKind.PARAGRAPH, len(text), len(text) + len(piece)))
        text += piece
    return Article(title="t", text=text + "\n", blocks=tuple(blocks))


@settings(deadline=None)  # a busy CI machine can stretch one example past the 200 ms default
@given(articles())
def test_offsets_match_the_document_qt_builds(qapp, article):
    offsets = OffsetMap(article)
    document = build_document(article, qapp.font())
    for block, place in zip(article.blocks, offsets.places, strict=True):
        assert document.findBlockByNumber(place.number).position() == place.position
        for offset in range(block.start, block.end + 1):
            start, position = offsets.range_to_document(block.start, offset)
            assert start == place.position
            assert offsets.to_article(position) == offset
            cursor = QTextCursor(document)
            cursor.setPosition(place.position)
            cursor.setPosition(position, QTextCursor.MoveMode.KeepAnchor)
            shown = article.text[block.start : offset]
            assert utf16_len(cursor.selectedText()) == utf16_len(shown)


def test_text_between_blocks_is_shown_not_dropped(qapp):
    text = "Title\nstray words\nBody text\n"
    article = Article(
        title="Title",
        text=text,
        blocks=(Block(BlockKind.TITLE, 0, 5), Block(BlockKind.PARAGRAPH, 18, 27)),
    )
    document = build_document(article, qapp.font())
    assert document.blockCount() == 3
    assert document.findBlockByNumber(1).text().strip("\u2028") == "stray words"
    assert (
        OffsetMap(article).to_document(text.index("Body"))
        == document.findBlockByNumber(2).position()
    )
