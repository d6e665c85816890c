"""Pathological layouts read as a few blocks (issue 26): every block becomes a paragraph, a spaCy
sentence and a Qt block downstream, so 200,000 one-letter lines must not become 200,000 blocks.
The text and every offset into it stay exactly as the file gives them."""

from __future__ import annotations

from reader.core.text.article import BlockKind
from reader.core.text.loaders import load_article
from reader.core.text.loaders.blocks import bounded_blocks
from tests.core.text import format_samples as samples


def _assert_blocks_cover_text_exactly(article) -> None:
    previous_end = -1
    for block in article.blocks:
        content = article.block_text(block)
        assert content == content.strip()
        assert block.start > previous_end
        previous_end = block.end


def test_200000_one_character_lines_are_read_as_a_few_blocks(tmp_path):
    path = tmp_path / "lines.txt"
    path.write_text("a\n" * 200_000, encoding="utf-8")

    article = load_article(path)

    assert article.text == "a\n" * 200_000
    assert len(article.blocks) <= 2 * len(article.text) // 500 + 2
    assert article.blocks[0].kind is BlockKind.TITLE
    _assert_blocks_cover_text_exactly(article)
    assert sum(article.block_text(b).count("a") for b in article.blocks) == 200_000


def test_100000_one_letter_headings_are_read_as_a_few_blocks(tmp_path):
    path = tmp_path / "headings.md"
    path.write_text("# a\n" * 100_000, encoding="utf-8")

    article = load_article(path)

    assert article.title == "a"
    assert article.text == "\n".join(["a"] * 100_000)
    assert len(article.blocks) <= 2 * len(article.text) // 500 + 2
    _assert_blocks_cover_text_exactly(article)


def test_a_page_of_100000_tiny_paragraphs_is_read_as_a_few_blocks(tmp_path):
    path = tmp_path / "page.html"
    body = "".join(f"<p>w{i % 10}</p>" for i in range(100_000))
    path.write_text(f"<html><body><h1>Lists</h1>{body}</body></html>", encoding="utf-8")

    article = load_article(path)

    assert article.title == "Lists"
    assert article.text.count("w7") == 10_000
    assert len(article.blocks) <= 2 * len(article.text) // 500 + 2


def test_long_paragraphs_between_runs_of_short_lines_stay_whole(tmp_path):
    long = "The minister said the talks would go on until an agreement was found. " * 10
    lines = "\n".join(["x"] * 3000)
    path = tmp_path / "mixed.txt"
    path.write_text(f"{lines}\n\n{long.strip()}\n\n{lines}\n", encoding="utf-8")

    article = load_article(path)

    assert any(article.block_text(b) == long.strip() for b in article.blocks)
    assert len(article.blocks) < 40
    _assert_blocks_cover_text_exactly(article)


def test_news_layouts_are_never_merged(tmp_path):
    article = load_article(samples.write_docx(tmp_path / "story.docx"))
    assert bounded_blocks(article.text, list(article.blocks)) == article.blocks


def test_a_long_report_with_a_results_table_keeps_every_line(tmp_path):
    paragraph = "The league's season ended on Sunday with a full round of matches. " * 4
    table = "\n".join(f"Team {i} 2 Rivals {i} 1" for i in range(900))
    path = tmp_path / "results.txt"
    path.write_text("\n\n".join([paragraph.strip()] * 300 + [table]), encoding="utf-8")

    article = load_article(path)

    assert len(article.blocks) == 1200


def test_a_page_of_many_elements_is_extracted_without_the_quadratic_fallbacks(
    tmp_path, monkeypatch
):
    import trafilatura

    from reader.core.text.loaders.html import MAX_FALLBACK_ELEMENTS

    extract = trafilatura.extract
    seen: list[bool] = []

    def recording_extract(*args, **kwargs):
        seen.append(kwargs["fast"])
        return extract(*args, **kwargs)

    monkeypatch.setattr(trafilatura, "extract", recording_extract)
    items = "<li>a</li>" * (MAX_FALLBACK_ELEMENTS + 1)
    planted = "The harbour master said the ferry will sail at noon."
    many = tmp_path / "many.html"
    many.write_text(f"<html><body><ul>{items}</ul><p>{planted}</p></body></html>", "utf-8")
    few = tmp_path / "few.html"
    few.write_text(f"<html><body><h1>Ferry</h1><p>{planted}</p></body></html>", "utf-8")

    assert planted in load_article(many).text
    assert planted in load_article(few).text
    assert seen == [True, False]
