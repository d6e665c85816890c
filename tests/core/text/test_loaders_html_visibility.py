"""Web pages read as a browser without scripts shows them: hidden elements stay out, <noscript>
content is part of the page (except a notice to turn scripts on)."""

from __future__ import annotations

import pytest

from reader.core.text.loaders import html, load_article

FILLER = "The harbour pilots met the minister in Oslo and the talks lasted all night long."
SECOND = "Fishing boats had queued outside the harbours of Tromsø and Hammerfest for four days."


def load(tmp_path, body: str, head: str = "<title>Pilots end strike</title>"):
    path = tmp_path / "page.html"
    path.write_text(
        f"<!DOCTYPE html><html><head>{head}</head><body><article><h1>Pilots end strike</h1>"
        f"<p>{FILLER}</p>{body}<p>{SECOND}</p></article></body></html>",
        encoding="utf-8",
    )
    return load_article(path)


@pytest.mark.parametrize(
    "hidden",
    [
        '<p style="display:none">Secret wire slug BC-EU-Pilots.</p>',
        '<p style="color: red; DISPLAY : None !important">Secret wire slug BC-EU-Pilots.</p>',
        '<p style="visibility: hidden">Secret wire slug BC-EU-Pilots.</p>',
        "<div hidden><p>Secret wire slug BC-EU-Pilots.</p></div>",
        '<p>Visible words <span aria-hidden="true">Secret wire slug BC-EU-Pilots.</span></p>',
        '<section aria-hidden="TRUE"><p>Secret wire slug BC-EU-Pilots.</p></section>',
    ],
)
def test_hidden_elements_stay_out(tmp_path, hidden):
    article = load(tmp_path, hidden)
    assert "Secret" not in article.text
    assert FILLER in article.text and SECOND in article.text


def test_text_after_a_hidden_element_and_visible_styles_stay(tmp_path):
    article = load(
        tmp_path,
        "<p>The deal was signed <span hidden>(draft)</span>before dawn on Friday.</p>"
        '<p style="overflow: hidden; display: block">A styled paragraph is read as usual.</p>'
        '<p aria-hidden="false">An element aria-hidden false is read.</p>'
        '<div hidden="until-found"><p>A section a search in the page reveals.</p></div>',
    )
    assert "The deal was signed before dawn on Friday." in article.text
    assert "(draft)" not in article.text
    assert "A styled paragraph is read as usual." in article.text
    assert "An element aria-hidden false is read." in article.text
    assert "A section a search in the page reveals." in article.text


def test_hidden_text_stays_out_of_a_page_read_whole_and_of_a_large_page(tmp_path, monkeypatch):
    path = tmp_path / "short.html"
    path.write_text("<p>Ferry leaves at nine.</p><p hidden>Secret timetable.</p>")
    assert load_article(path).text == "Ferry leaves at nine."
    monkeypatch.setattr(html, "MAX_EXTRACTED_CHARS", 100)
    article = load(tmp_path, '<p style="display:none">Secret wire slug.</p>')
    assert SECOND in article.text and "Secret" not in article.text


def test_a_hidden_tag_with_thousands_of_attributes_stays_hidden(tmp_path):
    attributes = " ".join(f'data-x{n}="{n}"' for n in range(3000))
    article = load(tmp_path, f'<p {attributes} style="display:none">Secret wire slug.</p>')
    assert "Secret" not in article.text


def test_part_of_the_article_in_noscript_is_read(tmp_path):
    lazy = (
        "A third paragraph the site loads with a script and also puts in noscript, "
        "which a browser without scripts shows in its place."
    )
    article = load(tmp_path, f"<div id='more'></div><noscript><p>{lazy}</p></noscript>")
    assert lazy in article.text
    assert article.text.index(FILLER) < article.text.index(lazy) < article.text.index(SECOND)


@pytest.mark.parametrize(
    "notice",
    [
        "Please enable JavaScript to view the comments powered by Disqus.",
        "JavaScript is required to load the comments.",
        "Your browser does not run scripts; turn them on for the live blog.",
    ],
)
def test_a_notice_to_turn_scripts_on_stays_out(tmp_path, notice):
    article = load(tmp_path, f"<noscript><p>{notice}</p></noscript>")
    assert notice not in article.text
    assert SECOND in article.text


def test_noscript_markup_saved_as_text_is_read_as_markup(tmp_path):
    escaped = (
        '&lt;img height="1" width="1" src="https://tracker.invalid/p.gif"&gt;'
        "&lt;p&gt;Words a browser without scripts showed in this paragraph.&lt;/p&gt;"
    )
    article = load(tmp_path, f"<noscript>{escaped}</noscript>")
    assert "Words a browser without scripts showed in this paragraph." in article.text
    assert "<" not in article.text and "tracker" not in article.text


def test_noscript_in_the_head_adds_no_text(tmp_path):
    head = (
        "<title>Pilots end strike</title>"
        "<noscript><style>.lazy{display:none}</style>Stray head words.</noscript>"
    )
    article = load(tmp_path, "", head=head)
    assert "Stray" not in article.text and ".lazy" not in article.text
    assert SECOND in article.text
