"""Bytes that change encoding midway (issue 26) are refused at any length of either part, and
text in one encoding throughout never is: the rule in reader.core.text.mixed_encodings."""

from __future__ import annotations

import codecs
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.errors import ArticleError
from reader.core.text.decoding import decode_text
from reader.core.text.loaders import load_article
from reader.core.text.mixed_encodings import encoding_change

PATH = Path("story.txt")
SHORT = "The mayor said on Monday the bridge would reopen.\n\n"  # 52 bytes, under one window
LONGER = "The council met in the harbour town to agree the budget for the year.\n" * 3
CJK_PROSE = "東京で首相と外相が会談し、合意を支持すると述べた。政府は来週発表する。"
ONE_BYTE = "a one-byte encoding (UTF-8 or a code page)"


@pytest.mark.parametrize("wide", ["utf-16-le", "utf-16-be", "utf-16"])
@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_a_utf8_part_shorter_than_a_window_then_utf16_is_refused(tmp_path, wide, suffix):
    path = tmp_path / f"switch{suffix}"
    path.write_bytes(SHORT.encode() + LONGER.encode(wide))
    with pytest.raises(ArticleError) as caught:
        load_article(path)
    message = str(caught.value)
    assert message.startswith(f"switch{suffix} changes encoding midway: it starts in {ONE_BYTE}")
    assert "\n" not in message


@pytest.mark.parametrize("wide", ["utf-16-le", "utf-16-be"])
def test_the_change_is_placed_within_a_few_bytes_of_where_it_is(wide):
    first = (SHORT + "x").encode()  # odd length: the UTF-16 units start at an odd offset
    change = encoding_change(first + LONGER.encode(wide))
    assert change is not None
    assert change.first == ONE_BYTE and change.second == "UTF-16"
    assert abs(change.offset - len(first)) <= 3


@pytest.mark.parametrize("wide", ["utf-16-le", "utf-16-be", "utf-16"])
def test_utf16_then_a_short_utf8_tail_is_refused(wide):
    data = LONGER.encode(wide) + b"\n\nCorrection: the vote is on Friday, not Monday."
    with pytest.raises(ArticleError, match="starts in UTF-16 and is in a one-byte encoding"):
        decode_text(data, PATH)


def test_a_short_code_page_part_then_utf16_is_refused():
    first = "Le maire a déclaré à l’élève que la réunion était terminée.\n\n".encode("cp1252")
    with pytest.raises(ArticleError, match="changes encoding midway"):
        decode_text(first + LONGER.encode("utf-16-le"), PATH)


def test_a_short_utf8_part_inside_utf16_is_refused():
    wide = LONGER.encode("utf-16-le")
    with pytest.raises(ArticleError, match="starts in UTF-16"):
        decode_text(wide + SHORT.encode() + wide, PATH)


def test_chinese_utf8_without_spaces_then_utf16_is_refused():
    data = (CJK_PROSE * 2).encode() + LONGER.encode("utf-16-le")
    assert encoding_change(data) is not None


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-16"])
@pytest.mark.parametrize("seed", range(4))
def test_utf16_cjk_and_hangul_throughout_are_never_taken_for_a_change(encoding, seed):
    rng = random.Random(seed)
    alphabets = [(0x4E00, 0x9FFF), (0x3041, 0x30FF), (0xAC00, 0xD7A3)]
    words = [
        "".join(chr(rng.randint(*rng.choice(alphabets))) for _ in range(rng.randint(1, 60)))
        for _ in range(3000)
    ]
    text = "".join(word + rng.choice([" ", "、", "。", "\n"]) for word in words)
    assert encoding_change(text.encode(encoding)) is None
    if encoding == "utf-16":  # without a mark, so few NULs say nothing (decoding's business)
        assert decode_text(text.encode(encoding), PATH) == text


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=400))
def test_any_text_in_utf16_alone_is_never_taken_for_a_change(text):
    for encoding in ("utf-16-le", "utf-16-be"):
        assert encoding_change(text.encode(encoding)) is None


@pytest.mark.parametrize(
    "data",
    [
        LONGER.encode() + b"\x00" * 64,  # padding a tool left at the end
        LONGER.encode() + b"\x00" + LONGER.encode(),  # one stray NUL
        LONGER.encode() + "ok".encode("utf-16-le") + LONGER.encode(),  # too short to be a part
    ],
)
def test_one_byte_text_with_a_few_nuls_is_not_a_change(data):
    assert encoding_change(data) is None


def test_utf16_with_its_mark_alone_is_read():
    assert decode_text(codecs.BOM_UTF16_LE + SHORT.encode("utf-16-le"), PATH) == SHORT
