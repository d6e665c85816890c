"""Cutting long text into chunks at paragraph boundaries (no model needed)."""

import itertools

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.analysis.chunking import MAX_CHUNK_CHARS, chunk_bounds


def pieces(text: str, max_chars: int) -> list[str]:
    return [text[s:e] for s, e in chunk_bounds(text, max_chars)]


def test_a_short_or_empty_text_is_one_chunk():
    assert chunk_bounds("A short article.\n", 100) == [(0, 17)]
    assert chunk_bounds("", 100) == [(0, 0)]
    assert MAX_CHUNK_CHARS < 1_000_000  # within spaCy's default max_length


def test_chunks_end_after_a_blank_line_and_all_its_whitespace():
    paragraph = "The minister spoke for an hour about the harbour.\n\n  \n"
    text = paragraph * 6
    chunks = pieces(text, 120)
    assert "".join(chunks) == text
    assert all(len(c) <= 120 for c in chunks)
    assert all(c.endswith("harbour.\n\n  \n") for c in chunks)


def test_a_blank_line_is_preferred_to_a_line_break():
    text = "Line one of a stanza\nline two of it.\n\nNext paragraph here.\nAnd more text."
    first = pieces(text, 45)[0]
    assert first == "Line one of a stanza\nline two of it.\n\n"


def test_without_line_breaks_chunks_end_after_a_sentence_then_a_space():
    text = "One sentence here. Another one there. " * 5
    chunks = pieces(text, 50)
    assert "".join(chunks) == text
    assert all(c.endswith(". ") for c in chunks[:-1])
    words = "word " * 40
    assert all(c.endswith(" ") for c in pieces(words, 33)[:-1])


def test_one_enormous_word_is_cut_at_the_bound():
    text = "x" * 250
    assert chunk_bounds(text, 100) == [(0, 100), (100, 200), (200, 250)]


def test_a_run_of_whitespace_crossing_the_bound_is_never_split():
    text = "word " * 12 + " " * 50 + "b" * 30
    chunks = pieces(text, 100)
    assert "".join(chunks) == text
    assert chunks[0] == "word " * 11


def test_a_bound_below_two_characters_is_refused():
    with pytest.raises(ValueError, match="at least 2"):
        chunk_bounds("text", 1)


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from(["a", "b", " ", "\n", ".", "”", "\t"]), max_size=400),
    max_chars=st.integers(min_value=2, max_value=60),
)
def test_chunks_cover_the_text_in_order_within_the_bound(text, max_chars):
    bounds = chunk_bounds(text, max_chars)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(bounds))
    assert all(0 < e - s <= max_chars for s, e in bounds if len(text))


def test_chunk_edges_tokenize_as_the_whole_text_does():
    nlp = spacy.blank("en")
    text = "He left.\n\n\nShe stayed,\nthen spoke. \n\n They met again.\n" * 20
    whole = [t.text_with_ws for t in nlp(text)]
    chunked = [t.text_with_ws for piece in pieces(text, 70) for t in nlp(piece)]
    assert chunked == whole
