"""Encodings told or refused (issue 26): a web page in UTF-16 without a byte-order mark read as
a browser sniffs it, bytes that change encoding midway refused with a line saying where, and
code pages that differ in a few bytes (ISO-8859-7 and Windows-1253 first) told apart by which
reading is valid and fits the language."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.errors import ArticleError
from reader.core.text.decoding import decode_text
from reader.core.text.loaders import load_article

PATH = Path("story.md")
PAGE = (
    "<html><head><title>Talks go on</title></head><body><h1>Talks go on</h1>"
    "<p>The minister said the talks would go on until dawn. Mr Mitsotakis agreed.</p></body></html>"
)
PROSE = "The minister said the talks would go on until dawn, at the café.\n" * 200
GREEK = (
    "Η Άννα και ο Άρης είπαν ότι ο πρωθυπουργός Κυριάκος Μητσοτάκης θα πάει στην Αθήνα. "
    "«Όλα καλά», είπε. Έτσι ήταν. Ύδρα, Ώρα, Ήλιος, Ίος, Όμηρος."
)
GREEK_APOSTROPHES = "Ο Νίκος είπε: «σ’ αγαπώ, μ’ αρέσει». Η Άννα πήγε στην Αθήνα με τον Άρη."


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_a_utf16_page_without_a_bom_is_read_as_utf16(tmp_path, encoding):
    path = tmp_path / "page.html"
    path.write_bytes(PAGE.encode(encoding))
    article = load_article(path)
    assert article.title == "Talks go on"
    assert (
        "The minister said the talks would go on until dawn. Mr Mitsotakis agreed." in article.text
    )
    assert "\ufffd" not in article.text and "<" not in article.text


@pytest.mark.parametrize(
    ("first", "second", "message"),
    [
        (
            "utf-8",
            "utf-16-le",
            "starts in a one-byte encoding (UTF-8 or a code page) and is in UTF-16 from about byte",
        ),
        ("utf-16-le", "utf-8", "starts in UTF-16 and is in a one-byte encoding"),
        ("utf-8", "utf-16-be", "and is in UTF-16 from about byte"),
    ],
)
def test_a_file_that_changes_encoding_midway_is_refused_saying_where(
    tmp_path, first, second, message
):
    path = tmp_path / "mixed.txt"
    path.write_bytes(PROSE.encode(first) + PROSE.encode(second))
    with pytest.raises(ArticleError) as caught:
        load_article(path)
    assert str(caught.value).startswith("mixed.txt changes encoding midway: ")
    assert message in str(caught.value)
    assert str(caught.value).endswith("save it in one encoding and open it again.")


def test_a_change_of_encoding_after_an_odd_number_of_bytes_is_refused_too(tmp_path):
    path = tmp_path / "odd.html"
    path.write_bytes(PROSE.encode("utf-8") + b"x" + PROSE.encode("utf-16-le"))
    with pytest.raises(ArticleError, match=r"odd\.html changes encoding midway"):
        load_article(path)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-16", "utf-8"])
def test_text_in_one_encoding_throughout_is_never_taken_for_a_change(encoding):
    text = PROSE + "東京で会談が続いた。" * 2000 + "Αθήνα και Μόσχα. " * 500
    assert decode_text(text.encode(encoding), PATH) == text.replace("\ufeff", "")


@pytest.mark.parametrize("text", [GREEK, GREEK_APOSTROPHES])
@pytest.mark.parametrize("encoding", ["iso8859_7", "cp1253"])
def test_greek_is_read_in_the_code_page_it_was_written_in(tmp_path, text, encoding):
    path = tmp_path / "greek.md"
    path.write_bytes(text.encode(encoding))
    article = load_article(path)
    assert article.text == text
    assert "¶" not in article.text


def test_iso8859_7_and_windows_1253_differ_where_the_test_says():
    # The bytes the two tables give different letters: Ά is 0xB6 in ISO-8859-7, 0xA2 in 1253,
    # where ISO-8859-7 has the apostrophe and 1253 has the pilcrow at 0xB6.
    assert "Ά".encode("iso8859_7") == b"\xb6" and "Ά".encode("cp1253") == b"\xa2"
    assert b"\xb6".decode("cp1253") == "¶" and b"\xa2".decode("iso8859_7") == "’"


@pytest.mark.parametrize(
    ("text", "encodings"),
    [
        (
            "« L'économie a progressé », a déclaré le ministre. Le cœur de l'été coûte 5 €.",
            ["cp1252", "iso8859_15"],
        ),
        (
            "Ślązacy źle oceniają rząd. Świętość, źródło, ćma, łąka, żółw, gęś.",
            ["iso8859_2", "cp1250"],
        ),
        (
            "Šéf vlády řekl, že ťuhýk a žába šli přes Šumavu. Žádný člověk nečekal.",
            ["iso8859_2", "cp1250"],
        ),
        (
            "Президент России Владимир Путин заявил, что переговоры продолжатся в Москве.",
            ["cp1251", "koi8_r", "iso8859_5"],
        ),
    ],
)
def test_other_code_pages_that_differ_in_a_few_bytes_are_told_apart(text, encodings):
    for encoding in encodings:
        assert decode_text(text.encode(encoding), PATH) == text, encoding
