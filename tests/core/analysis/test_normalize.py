"""The analysis copy of an article's text: what it sees through, and offsets mapped back exactly."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.analysis.normalize import analysis_text
from reader.core.text.article import Block, BlockKind


def spans_of(copy, word: str) -> tuple[int, int]:
    start = copy.text.index(word)
    return copy.span_to_article(start, start + len(word))


def test_hard_wrap_inside_a_paragraph_reads_as_a_space():
    text = "First paragraph.\n\nUnion leader Marisol\nEtxeberria told reporters.\n\nLast one."
    copy = analysis_text(text)
    assert copy.text == (
        "First paragraph.\n\nUnion leader Marisol Etxeberria told reporters.\n\nLast one."
    )
    assert copy.is_identity
    assert spans_of(copy, "Marisol Etxeberria") == (31, 49)
    assert text[31:49] == "Marisol\nEtxeberria"


def test_spaces_around_a_wrap_collapse_and_offsets_skip_them():
    text = "A long line   \n   continues here.\n\nNext."
    copy = analysis_text(text)
    assert copy.text == "A long line continues here.\n\nNext."
    assert spans_of(copy, "continues") == (18, 27)
    assert text[18:27] == "continues"
    assert spans_of(copy, "line continues") == (7, 27)
    assert copy.to_article(len(copy.text)) == len(text)


def test_blocks_decide_which_line_breaks_are_paragraph_breaks():
    text = "Headline\nA wrapped\nparagraph.\nAnother paragraph."
    blocks = (
        Block(BlockKind.TITLE, 0, 8),
        Block(BlockKind.PARAGRAPH, 9, 29),
        Block(BlockKind.PARAGRAPH, 30, 48),
    )
    assert analysis_text(text, blocks).text == (
        "Headline\nA wrapped paragraph.\nAnother paragraph."
    )


def test_without_blank_lines_or_blocks_every_line_break_stays():
    text = "One paragraph a line.\nAnother one."
    assert analysis_text(text).text == text


@pytest.mark.parametrize(
    ("text", "word", "seen", "span"),
    [
        ("They flew to Port\u00adugal today.", "Portugal", "Portugal", (13, 22)),
        ("Talks in Nor\u200bway ended.", "Norway", "Norway", (9, 16)),
        ("Zero\u200dwidth joiner in Ice\u200cland.", "Iceland", "Iceland", (21, 29)),
        ("Said J.\u00a0M.\u00a0Dunleavy.", "J. M. Dunleavy", "J. M. Dunleavy", (5, 19)),
        ("Rostrup\u02bcs plan.", "Rostrup's", "Rostrup's", (0, 9)),
        ("Rostrup`s plan.", "Rostrup's", "Rostrup's", (0, 9)),
        ("A well\u2011known \u202fcase.", "well-known", "well-known", (2, 12)),
        ("\ufeffBOM at the start of Chile.", "Chile", "Chile", (21, 26)),
    ],
)
def test_invisible_and_look_alike_characters(text, word, seen, span):
    copy = analysis_text(text)
    assert seen in copy.text
    assert spans_of(copy, word) == span


def test_soft_hyphen_before_a_wrap_joins_the_word():
    text = "Minister of Portu\u00ad\ngal spoke.\n\nEnd."
    copy = analysis_text(text)
    assert copy.text == "Minister of Portugal spoke.\n\nEnd."
    assert spans_of(copy, "Portugal") == (12, 22)
    assert text[12:22] == "Portu\u00ad\ngal"


def test_a_span_never_takes_in_removed_characters_after_it():
    text = "Oslo\u200b\u200b and more"
    copy = analysis_text(text)
    assert copy.text == "Oslo and more"
    assert copy.span_to_article(0, 4) == (0, 4)
    assert copy.to_article(4) == 6


def test_apostrophe_marks_outside_words_stay():
    text = "`quoted` and ´accent´ stay"
    assert analysis_text(text).text == text


_ALPHABET = st.sampled_from(
    [*"ab \n\t.", "\u00ad", "\u200b", "\u00a0", "\u02bc", "`", "\u2011", "\ufeff", "\n\n"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=60).map("".join))
def test_every_kept_character_maps_back_to_itself_or_its_replacement(text):
    copy = analysis_text(text)
    assert copy.to_article(len(copy.text)) == len(text)
    previous = -1
    for offset, char in enumerate(copy.text):
        original = copy.to_article(offset)
        assert original > previous
        previous = original
        assert text[original] == char or (char in " '-" and text[original] != char)
        start, end = copy.span_to_article(offset, offset + 1)
        assert (start, end) == (original, original + 1)
