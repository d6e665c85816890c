"""Breaking long runs without spaces: same length, same offsets, no chunk over the limit."""

from __future__ import annotations

import re

import pytest
import spacy
from hypothesis import given
from hypothesis import strategies as st

from reader.core.analysis.defuse import RUN_LIMIT, break_long_runs

ARTICLE = "Angela Merkel met Emmanuel Macron in Paris on Monday, officials said.\n"


@pytest.fixture(scope="module")
def tokenizer():
    return spacy.blank("en").tokenizer


def longest_run(text: str) -> int:
    return max((len(run) for run in re.findall(r"\S+", text)), default=0)


def test_ordinary_text_is_returned_unchanged():
    text = ARTICLE * 50 + "https://example.com/news/2026/11/30/a-long-but-ordinary-address.html"
    assert break_long_runs(text) is text


@pytest.mark.parametrize(
    "flood",
    [
        "?" * 8000,
        "&" * 50_000,
        "😀" * 5000,
        "a" + "\u0301" * 5000,  # one letter under a flood of combining accents
        "\ufffd" * 5000,
        "“" * 5000,
        "x" * 20_000,  # a very long "word"
        "a?" * 3000,
    ],
    ids=["questions", "ampersands", "emoji", "combining", "replacement", "marks", "word", "mixed"],
)
def test_floods_are_broken_into_short_chunks_at_the_same_offsets(flood, tokenizer):
    text = ARTICLE + flood + "\n" + ARTICLE
    broken = break_long_runs(text)
    assert len(broken) == len(text)
    assert longest_run(broken) <= RUN_LIMIT
    changed = [i for i, (a, b) in enumerate(zip(text, broken, strict=True)) if a != b]
    assert changed and all(broken[i] == " " for i in changed)
    # The article around the flood is untouched, and spaCy still finds its words there.
    assert broken.startswith(ARTICLE) and broken.endswith(ARTICLE)
    doc = tokenizer(broken)
    assert doc.text == broken
    assert doc[0].text == "Angela" and doc[-2].text == "."


def test_a_run_just_at_the_limit_is_kept():
    text = "a" * RUN_LIMIT
    assert break_long_runs(text) is text
    assert break_long_runs(text + "a") == "a" * RUN_LIMIT + " "


@given(st.text(st.sampled_from("ab?&😀\u0301 \n\t.")))
def test_only_non_space_characters_become_spaces_and_runs_stay_short(text):
    broken = break_long_runs(text)
    assert len(broken) == len(text)
    assert longest_run(broken) <= RUN_LIMIT
    for before, after in zip(text, broken, strict=True):
        assert after == before or (after == " " and not before.isspace())
