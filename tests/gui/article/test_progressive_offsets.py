"""Long article blocks shown as several document blocks: the pieces and the offset map."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.text.article import Article, Block, BlockKind
from reader.gui.article.offsets import (
    MAX_PIECE_CHARS,
    OffsetMap,
    display_blocks,
    piece_cuts,
    utf16_len,
)


def test_a_long_block_is_cut_after_a_space_near_the_limit():
    text = ("word " * 1000).strip()
    pieces = piece_cuts(text, 0, len(text))
    assert len(pieces) == 3
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    for (_, end), (start, _) in itertools.pairwise(pieces):
        assert end == start and text[end - 1] == " "
    assert all(end - start <= MAX_PIECE_CHARS for start, end in pieces)


def test_a_run_without_spaces_is_cut_at_the_limit():
    text = "x" * (2 * MAX_PIECE_CHARS + 5)
    assert piece_cuts(text, 0, len(text)) == [
        (0, MAX_PIECE_CHARS),
        (MAX_PIECE_CHARS, 2 * MAX_PIECE_CHARS),
        (2 * MAX_PIECE_CHARS, len(text)),
    ]


def test_pieces_read_as_one_paragraph():
    text = "Title\n" + "a" * (MAX_PIECE_CHARS * 2) + "\nEnd.\n"
    blocks = (
        Block(BlockKind.TITLE, 0, 5),
        Block(BlockKind.PARAGRAPH, 6, 6 + MAX_PIECE_CHARS * 2),
        Block(BlockKind.PARAGRAPH, 7 + MAX_PIECE_CHARS * 2, len(text) - 1),
    )
    shown = display_blocks(Article("Title", text, blocks))
    assert [(b.continued, b.continues) for b in shown] == [
        (False, False),
        (False, True),
        (True, False),
        (False, False),
    ]


@settings(max_examples=40, deadline=None)
@given(
    st.text(alphabet=st.sampled_from("ab 😀\u0301"), min_size=1, max_size=7000),
    st.data(),
)
def test_offsets_round_trip_across_pieces(body, data):
    text = f"T\n{body}\n"
    blocks = (Block(BlockKind.TITLE, 0, 1), Block(BlockKind.PARAGRAPH, 2, 2 + len(body)))
    offsets = OffsetMap(Article("T", text, blocks))
    position = 0
    for place in offsets.places:  # blocks follow each other, one position between them
        assert place.position == position
        position += utf16_len(text[place.start : place.end]) + 1
    offset = data.draw(st.integers(2, 2 + len(body)))
    start, _ = offsets.range_to_document(offset, offset)
    assert offsets.to_article(start) == offset
