"""Loading each format and encoding, and the failures a user meets."""

from pathlib import Path

import pytest

from reader.core.text import loaders
from reader.core.text.article import BlockKind
from reader.core.text.loaders import ArticleError, load_article

SEEDS = Path(__file__).resolve().parents[3] / "seeds"
ARTICLE = (
    "Ministers meet in Zürich\n"
    "The minister said: “We will not negotiate.” Café owners agreed — mostly.\n"
    "A second paragraph, naïve but über-clear.\n"
)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
def test_txt_in_common_encodings_decodes_to_the_same_text(tmp_path, encoding):
    path = tmp_path / "article.txt"
    path.write_bytes(ARTICLE.encode(encoding))
    assert load_article(path).text == ARTICLE


def test_latin1_text_is_decoded(tmp_path):
    text = "Le café de Zürich\nÀ Genève, les élèves sont très contents. Ça va.\n"
    path = tmp_path / "latin.txt"
    path.write_bytes(text.encode("latin-1"))
    assert load_article(path).text == text


def test_line_endings_are_normalized_and_nothing_else_changes(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"Title line\r\n  Indented paragraph.\r\nOld Mac line.\rEnd.  \r\n")
    assert load_article(path).text == "Title line\n  Indented paragraph.\nOld Mac line.\nEnd.  \n"


def test_txt_blocks_are_lines_with_title_and_subheads(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("A headline\nFirst paragraph.\n‘A subhead’\nSecond paragraph.\n", "utf-8")
    article = load_article(path)
    assert article.title == "A headline"
    assert [(b.kind, article.block_text(b)) for b in article.blocks] == [
        (BlockKind.TITLE, "A headline"),
        (BlockKind.PARAGRAPH, "First paragraph."),
        (BlockKind.HEADING, "‘A subhead’"),
        (BlockKind.PARAGRAPH, "Second paragraph."),
    ]


def test_txt_with_blank_lines_keeps_wrapped_paragraphs_whole(tmp_path):
    path = tmp_path / "wrapped.txt"
    first = (
        "The first paragraph of this report runs over several lines, each of them\n"
        "wrapped close to seventy columns, as e-mail and wire copy often are when\n"
        "they reach a newsroom."
    )
    path.write_text(f"{first}\n\nSecond one, on a line of its own.\n", "utf-8")
    article = load_article(path)
    assert [article.block_text(b) for b in article.blocks] == [
        first,
        "Second one, on a line of its own.",
    ]
    assert article.title == "Wrapped"


def test_txt_lines_between_blank_lines_that_are_not_wrapped_stay_apart(tmp_path):
    path = tmp_path / "list.txt"
    path.write_text(
        "Intro paragraph.\n\nSell the plan\nBe the candidate who shines\nTell jokes.\n", "utf-8"
    )
    article = load_article(path)
    assert [article.block_text(b) for b in article.blocks][1:] == [
        "Sell the plan",
        "Be the candidate who shines",
        "Tell jokes.",
    ]


def test_seed_article_title_comes_from_the_file_name():
    article = load_article(SEEDS / "tillerson-lavrov.txt")
    assert article.title == "Tillerson Lavrov"
    assert article.text == (SEEDS / "tillerson-lavrov.txt").read_text("utf-8")
    assert [article.block_text(b) for b in article.blocks if b.kind is BlockKind.HEADING] == [
        "‘We have our differences’"
    ]


def test_markdown_keeps_headings_and_paragraph_text(tmp_path):
    path = tmp_path / "story.md"
    path.write_text(
        "# Talks in *Oslo*\n\nThe [minister](http://example.invalid) said **yes**.\n"
        "It continued.\n\n## Background\n\n<script>alert(1)</script>\n\n- a list item\n",
        "utf-8",
    )
    article = load_article(path)
    assert article.title == "Talks in Oslo"
    assert article.text == (
        "Talks in Oslo\nThe minister said yes. It continued.\nBackground\na list item"
    )
    assert [b.kind for b in article.blocks] == [
        BlockKind.TITLE,
        BlockKind.PARAGRAPH,
        BlockKind.HEADING,
        BlockKind.PARAGRAPH,
    ]
    assert "alert" not in article.text


def test_html_keeps_the_article_and_drops_page_furniture():
    article = load_article(SEEDS / "rail-strike.html")
    assert article.title == "Rail unions call off strike after late-night deal"
    assert article.blocks[0].kind is BlockKind.TITLE
    assert "Katrin\nVogel" not in article.text
    assert "Katrin Vogel" in article.text
    assert any(
        b.kind is BlockKind.HEADING and article.block_text(b) == "Relief in Austria and Poland"
        for b in article.blocks
    )
    for furniture in ("cookie", "Subscribe", "dataLayer", "Advertisement", "Most read", "©"):
        assert furniture not in article.text


def test_html_without_article_text_is_an_error(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><script>x()</script></head><body><nav></nav></body></html>")
    with pytest.raises(ArticleError, match="No article text"):
        load_article(path)


@pytest.mark.parametrize("name", ["harbour-talks.md", "rail-strike.html", "tillerson-lavrov.txt"])
def test_every_block_lies_inside_the_text(name):
    article = load_article(SEEDS / name)
    assert article.blocks
    for block in article.blocks:
        assert 0 <= block.start < block.end <= len(article.text)
        assert article.block_text(block).strip() == article.block_text(block)


def test_missing_file(tmp_path):
    with pytest.raises(ArticleError, match="does not exist"):
        load_article(tmp_path / "nope.txt")


def test_directory(tmp_path):
    with pytest.raises(ArticleError, match="is a folder"):
        load_article(tmp_path)


@pytest.mark.parametrize("content", [b"", b"  \n\t\n"])
def test_empty_file(tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(ArticleError, match=r"empty|only whitespace"):
        load_article(path)


def test_png_renamed_txt(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(ArticleError, match="PNG image"):
        load_article(path)


def test_undecodable_bytes(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(256)) * 20)
    with pytest.raises(ArticleError, match=r"not text|binary"):
        load_article(path)


def test_size_limit_admits_a_long_report():
    assert loaders.MAX_FILE_BYTES >= 5 * 1024 * 1024
