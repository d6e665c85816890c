"""Web pages: nothing trafilatura found is lost or repeated; charsets as browsers read them;
hostile pages cost time in proportion to their size and fail with one sentence."""

from __future__ import annotations

import pytest

from reader.core.text.article import BlockKind
from reader.core.text.loaders import ArticleError, html, load_article
from reader.core.text.loaders.charsets import codec_for_label, decode_page

FILLER = "The harbour pilots met the minister in Oslo and the talks lasted all night long."


def page(body: str, head: str = "<title>Pilots end strike</title>") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body><article>{body}</article></body></html>"


def load(tmp_path, markup: str, name: str = "page.html", encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(markup.encode(encoding))
    return load_article(path)


def texts(article) -> list[str]:
    return [article.block_text(block) for block in article.blocks]


def test_text_right_after_a_heading_and_between_blocks_is_kept(tmp_path):
    article = load(
        tmp_path,
        page(
            f"<h1>Pilots end strike</h1><p>{FILLER}</p><h2>Reaction</h2>"
            "Loose text right after the heading stays in the article as its own paragraph."
            f"<p>{FILLER}</p><div>Text in a plain div between blocks is kept as well.</div>"
            f"<p>{FILLER}</p>"
        ),
    )
    assert "Loose text right after the heading stays in the article as its own paragraph." in (
        texts(article)
    )
    assert "Text in a plain div between blocks is kept as well." in texts(article)
    assert article.blocks[0].kind is BlockKind.TITLE


def test_nested_list_items_appear_once_each(tmp_path):
    article = load(
        tmp_path,
        page(
            f"<p>{FILLER}</p><ul><li>Ports closed<ul><li>Tromsø harbour</li>"
            f"<li>Hammerfest harbour</li></ul></li><li>Ferries late</li></ul><p>{FILLER}</p>"
        ),
    )
    for item in ("Ports closed", "Tromsø harbour", "Hammerfest harbour", "Ferries late"):
        assert article.text.count(item) == 1
        assert item in texts(article)


def test_double_line_break_is_a_paragraph_break_and_a_single_one_a_line_break(tmp_path):
    article = load(
        tmp_path,
        page(
            f"<p>{FILLER}</p><p>First stanza line<br>second line<br><br>"
            f"A new paragraph after two breaks.</p><p>{FILLER}</p>"
        ),
    )
    assert "First stanza line\nsecond line" in texts(article)
    assert "A new paragraph after two breaks." in texts(article)


def test_tables_are_kept_as_text(tmp_path):
    article = load(
        tmp_path,
        page(
            f"<p>{FILLER}</p><table><tr><th>Port</th><th>Ships waiting</th></tr>"
            f"<tr><td>Tromsø</td><td>14</td></tr></table><p>{FILLER}</p>"
        ),
    )
    assert "Port | Ships waiting" in texts(article)
    assert "Tromsø | 14" in texts(article)


@pytest.mark.parametrize("label", ["latin-1", "iso-8859-1", "ISO-8859-1", "ascii", "us-ascii"])
def test_latin1_labels_are_read_as_windows_1252_so_curly_quotes_survive(tmp_path, label):
    quote = "“We have a deal,” said Marisol Etxeberria. It’s done."
    markup = page(
        f"<p>{FILLER}</p><p>{quote}</p><p>{FILLER}</p>",
        head=f'<meta charset="{label}"><title>Deal</title>',
    )
    article = load(tmp_path, markup, encoding="cp1252")
    assert quote in article.text


def test_charset_from_http_equiv_and_a_byte_order_mark():
    declared = b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1250">\x9a'
    assert decode_page(declared).endswith("š")
    assert decode_page(b"\xef\xbb\xbf<p>caf\xc3\xa9</p>") == "<p>café</p>"
    assert (
        decode_page("<p>é</p>".encode("utf-16-le")[:0] + b"\xff\xfe" + "é".encode("utf-16-le"))
        == "é"
    )
    assert decode_page(b"<p>caf\xe9</p>") is None  # undeclared and not UTF-8: guessed later
    assert codec_for_label("no-such-charset") is None
    assert codec_for_label(" LATIN1 ") == "cp1252"


def test_page_metadata_comes_from_its_meta_tags(tmp_path):
    article = load(
        tmp_path,
        page(
            f"<h1>Pilots end strike</h1><p>{FILLER}</p><p>{FILLER} Again.</p>",
            head='<title>Pilots end strike</title><meta name="author" content="Ingrid Solberg">'
            '<meta property="og:site_name" content="Northern Courier">'
            '<meta property="article:published_time" content="2025-03-14T08:00:00Z">',
        ),
    )
    assert article.meta.author == "Ingrid Solberg"
    assert article.meta.site == "Northern Courier"
    assert article.meta.date == "2025-03-14"


def test_a_short_page_trafilatura_rejects_is_read_whole(tmp_path):
    article = load(tmp_path, "<p>Ferry leaves at nine.</p>")
    assert article.text == "Ferry leaves at nine."


def test_a_page_that_is_only_an_svg_gives_one_sentence(tmp_path):
    markup = '<svg xmlns="http://www.w3.org/2000/svg"><rect width="5" height="5"/></svg>'
    with pytest.raises(ArticleError, match=r"^No article text found in drawing\.html\.$"):
        load(tmp_path, markup, name="drawing.html")


def test_an_assertion_inside_trafilatura_becomes_one_sentence(tmp_path, monkeypatch):
    import trafilatura

    def broken_date_extractor(*args, **kwargs):
        raise AssertionError

    monkeypatch.setattr(trafilatura, "extract", broken_date_extractor)
    with pytest.raises(ArticleError, match=r"^odd\.html could not be read as a web page\.$"):
        load(tmp_path, page(f"<p>{FILLER}</p>"), name="odd.html")


def test_a_tag_with_thousands_of_attributes_keeps_its_text_and_meaningful_attributes(tmp_path):
    attributes = " ".join(f'data-x{n}="{n}"' for n in range(3000))
    article = load(
        tmp_path,
        page(f'<p {attributes} class="lead">{FILLER}</p><p {attributes}>Second {FILLER}</p>'),
    )
    assert FILLER in texts(article)
    assert f"Second {FILLER}" in texts(article)
    shortened = html._LONG_TAG.sub(html._shortened_tag, f'<p {attributes} class="lead">')
    assert shortened == '<p class="lead">'


def test_a_page_over_the_extraction_bound_is_read_without_its_furniture(tmp_path, monkeypatch):
    monkeypatch.setattr(html, "MAX_EXTRACTED_CHARS", 100)
    markup = (
        "<html><head><title>Long report</title><meta name='author' content='Desk'></head><body>"
        "<nav><a href='/'>Home</a> <a href='/sport'>Sport</a></nav>"
        f"<header>Site banner</header><article><h1>Long report</h1><p>{FILLER}</p>"
        f"<p>Second {FILLER}</p></article><footer>© Courier</footer></body></html>"
    )
    article = load(tmp_path, markup)
    assert texts(article) == ["Long report", FILLER, f"Second {FILLER}"]
    assert article.meta.author == "Desk"


def test_page_with_no_text_at_all_is_an_error(tmp_path):
    with pytest.raises(ArticleError, match="No article text"):
        load(tmp_path, "<html><head><script>x()</script></head><body><nav></nav></body></html>")


def test_control_characters_in_kept_attributes_do_not_break_loading(tmp_path):
    markup = page(f'<p class="lead\x01x" data-extra="1">{FILLER}</p><p>{FILLER} Twice.</p>')
    assert FILLER in texts(load(tmp_path, markup))


def test_a_page_wrapped_in_one_form_keeps_its_article(tmp_path):
    markup = (
        "<html><head><title>Pilots end strike</title></head><body><form action='/x'>"
        f"<article><h1>Pilots end strike</h1><p>{FILLER}</p><p>Second {FILLER}</p></article>"
        "</form></body></html>"
    )
    assert f"Second {FILLER}" in texts(load(tmp_path, markup))


@pytest.mark.parametrize("depth", [300, 5000])
def test_text_nested_deeper_than_the_parser_goes_survives(tmp_path, depth):
    markup = (
        "<html><body>" + "<div>" * depth + "Deep words in the page." + "</div>" * depth
        + "<p>Words after the nest.</p></body></html>"
    )  # fmt: skip
    article = load(tmp_path, markup)
    assert "Deep words in the page." in article.text
    assert "Words after the nest." in article.text
