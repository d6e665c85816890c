"""Plain text and Markdown: titles, paragraphs told apart by blank lines, indentation or the wrap
width, and Markdown text kept however deeply it is nested."""

from __future__ import annotations

import textwrap

import pytest

from reader.core.text.article import BlockKind
from reader.core.text.loaders import load_article
from reader.core.text.loaders.text import paragraph_spans

PARAGRAPHS = [
    "Harbour pilots in northern Norway called off their strike on Friday after negotiators "
    "for the union and the coastal administration reached a deal shortly before dawn, ending "
    "four days in which almost no ship entered the two largest harbours of the region.",
    "“We have an agreement that respects the work our members do in every kind of weather,” "
    "said union leader Marisol Etxeberria, who had led the talks since Tuesday evening.",
    "Minister Anders Lykke welcomed the agreement and said that talks on staffing would "
    "resume in April, once both sides had studied the figures for the winter season.",
]


def write(tmp_path, text: str, name: str = "story.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_article(path)


def blocks_of(article) -> list[tuple[BlockKind, str]]:
    return [(block.kind, article.block_text(block)) for block in article.blocks]


def test_first_line_that_reads_as_a_headline_is_the_title(tmp_path):
    article = write(tmp_path, "Pilots end strike in Tromsø\n\n" + "\n\n".join(PARAGRAPHS))
    assert article.title == "Pilots end strike in Tromsø"
    assert article.blocks[0].kind is BlockKind.TITLE


def test_a_title_case_headline_with_a_full_stop_is_still_the_title(tmp_path):
    article = write(tmp_path, "Pilots End Strike After Night Of Talks.\n\n" + PARAGRAPHS[0])
    assert article.title == "Pilots End Strike After Night Of Talks."


def test_a_first_sentence_is_no_title(tmp_path):
    article = write(tmp_path, "\n\n".join(PARAGRAPHS), name="pilots-strike.txt")
    assert article.title == "Pilots Strike"
    assert article.blocks[0].kind is BlockKind.PARAGRAPH


def test_hard_wrapped_paragraphs_without_blank_lines_are_told_apart_by_the_wrap_width(tmp_path):
    wrapped = "\n".join(textwrap.fill(paragraph, 72) for paragraph in PARAGRAPHS)
    article = write(tmp_path, "Pilots end strike\n" + wrapped + "\n")
    paragraphs = [" ".join(text.split()) for kind, text in blocks_of(article)[1:]]
    assert paragraphs == PARAGRAPHS
    assert article.text == "Pilots end strike\n" + wrapped + "\n"


def test_indented_first_lines_start_paragraphs(tmp_path):
    wrapped = "\n".join(
        textwrap.fill(paragraph, 72, initial_indent="    ") for paragraph in PARAGRAPHS
    )
    spans = paragraph_spans(wrapped)
    assert [" ".join(wrapped[s:e].split()) for s, e in spans] == PARAGRAPHS


def test_blank_lines_separate_wrapped_paragraphs(tmp_path):
    wrapped = "\n\n".join(textwrap.fill(paragraph, 60) for paragraph in PARAGRAPHS)
    article = write(tmp_path, wrapped)
    assert [" ".join(text.split()) for _, text in blocks_of(article)] == PARAGRAPHS


def test_lines_of_different_lengths_without_blank_lines_are_paragraphs_each(tmp_path):
    text = "Short line.\nA somewhat longer line of text that ends here.\nEnd.\n"
    assert len(write(tmp_path, text).blocks) == 3


@pytest.mark.parametrize("depth", [25, 60])
def test_markdown_nested_past_the_parser_limit_keeps_its_text(tmp_path, depth):
    quote = ">" * depth + " Deeply quoted words survive."
    items = "".join("  " * level + f"- item at level {level}\n" for level in range(depth))
    article = write(tmp_path, f"# Nested\n\nIntro.\n\n{quote}\n\nAfter.\n\n{items}", "n.md")
    assert "Deeply quoted words survive." in article.text
    for level in range(depth):
        assert f"item at level {level}" in article.text
    assert (
        article.text.index("Intro.") < article.text.index("Deeply") < article.text.index("After.")
    )


def test_markdown_link_definitions_and_html_are_not_text(tmp_path):
    article = write(
        tmp_path, "# Title\n\nSee [the report][r].\n\n[r]: https://example.invalid\n", "l.md"
    )
    assert article.text == "Title\nSee the report."


def test_markdown_nul_runs_leave_no_replacement_characters(tmp_path):
    path = tmp_path / "nul.md"
    body = " ".join(PARAGRAPHS).encode("utf-8")
    path.write_bytes(b"# Title\n\nSome words" + b"\x00" * 5 + b" here. " + body + b"\n")
    article = load_article(path)
    assert "\ufffd" not in article.text
    assert "Some words here." in article.text


def test_a_short_hard_wrapped_paragraph_going_on_in_lower_case_is_one_paragraph(tmp_path):
    article = write(
        tmp_path,
        "Minister resigns over budget\n\n"
        "Prime Minister Ada Kerr said on Monday that the\n"
        "government would present a new budget next week, after\n"
        "the finance minister resigned.\n",
    )
    assert blocks_of(article) == [
        (BlockKind.TITLE, "Minister resigns over budget"),
        (
            BlockKind.PARAGRAPH,
            "Prime Minister Ada Kerr said on Monday that the\n"
            "government would present a new budget next week, after\n"
            "the finance minister resigned.",
        ),
    ]
