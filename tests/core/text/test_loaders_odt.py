"""OpenDocument text and RTF as real files come: notes, hidden text, only stated metadata."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from reader.core.text.article import BlockKind
from reader.core.text.loaders import ArticleError, load_article

NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/"'
)


def write_odt(
    path: Path, body: str, *, styles: str = "", meta: str | None = None, manifest: str = ""
) -> Path:
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NAMESPACES}>'
        f"<office:automatic-styles>{styles}</office:automatic-styles>"
        f"<office:body><office:text>{body}</office:text></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
        if meta is not None:
            archive.writestr(
                "meta.xml",
                f"<office:document-meta {NAMESPACES}><office:meta>{meta}</office:meta>"
                "</office:document-meta>",
            )
        if manifest:
            archive.writestr("META-INF/manifest.xml", manifest)
    return path


def note(note_class: str, citation: str, text: str) -> str:
    return (
        f'<text:note text:note-class="{note_class}"><text:note-citation>{citation}'
        f"</text:note-citation><text:note-body><text:p>{text}</text:p></text:note-body></text:note>"
    )


def texts(article) -> list[str]:
    return [article.block_text(block) for block in article.blocks]


def test_footnotes_and_endnotes_follow_the_text_with_their_citations(tmp_path):
    body = (
        "<text:h>Pilots end strike</text:h>"
        f"<text:p>The union agreed.{note('endnote', 'i', 'Reporting by Ingrid Solberg.')}"
        f" Talks resume{note('footnote', '1', 'Ministry figures.')} in April.</text:p>"
    )
    article = load_article(write_odt(tmp_path / "notes.odt", body))
    assert texts(article) == [
        "Pilots end strike",
        "The union agreed. [i] Talks resume [1] in April.",
        "Notes",
        "[1] Ministry figures.",
        "[i] Reporting by Ingrid Solberg.",
    ]
    assert article.blocks[2].kind is BlockKind.HEADING


def test_hidden_paragraphs_sections_and_styles_are_not_shown(tmp_path):
    styles = (
        '<style:style style:name="T1" style:family="text">'
        '<style:text-properties text:display="none"/></style:style>'
        '<style:style style:name="P9" style:family="paragraph" style:parent-style-name="T1"/>'
    )
    body = (
        "<text:p>Shown before.</text:p>"
        '<text:p><text:hidden-paragraph text:condition="ooow:1" text:is-hidden="true"/>'
        "Hidden paragraph.</text:p>"
        '<text:section text:name="S1" text:display="none"><text:p>Hidden section.</text:p>'
        "</text:section>"
        '<text:p>Shown <text:span text:style-name="T1">secret </text:span>after.</text:p>'
        '<text:p text:style-name="P9">Hidden by its style.</text:p>'
        '<text:p><text:hidden-text text:condition="x" text:string-value="gone" '
        'text:is-hidden="true">gone</text:hidden-text>Last.</text:p>'
    )
    article = load_article(write_odt(tmp_path / "hidden.odt", body, styles=styles))
    assert texts(article) == ["Shown before.", "Shown after.", "Last."]


def test_a_shapes_alt_text_is_not_article_text(tmp_path):
    body = (
        "<text:p>Map of the harbour.<draw:frame><svg:title>Rectangle 3</svg:title>"
        "<svg:desc>A blue box</svg:desc></draw:frame></text:p>"
    )
    assert load_article(write_odt(tmp_path / "shape.odt", body)).text == "Map of the harbour."


def test_the_first_heading_is_the_title_when_the_stated_title_is_a_placeholder(tmp_path):
    meta = (
        "<dc:title>Article</dc:title><meta:initial-creator>Unknown</meta:initial-creator>"
        "<meta:creation-date>0000-00-00T00:00:00</meta:creation-date>"
        "<dc:date>2026-01-01T10:00:00</dc:date>"
    )
    body = "<text:h>Harbour pilots end strike</text:h><text:p>They agreed on Friday.</text:p>"
    article = load_article(write_odt(tmp_path / "article.odt", body, meta=meta))
    assert article.title == "Harbour pilots end strike"
    assert article.blocks[0].kind is BlockKind.TITLE
    assert article.meta is None  # dc:date is the last save, not the article's date


def test_an_encrypted_odt_says_so(tmp_path):
    manifest = "<manifest:manifest><manifest:encryption-data/></manifest:manifest>"
    path = write_odt(tmp_path / "locked.odt", "<text:p>x</text:p>", manifest=manifest)
    with pytest.raises(ArticleError, match="encrypted with a password"):
        load_article(path)


def test_rtf_footnotes_and_endnotes_follow_the_text_marked_where_they_stood(tmp_path):
    path = tmp_path / "notes.rtf"
    path.write_text(
        "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Times;}}\\pard Pilots end strike\\par\n"
        "\\pard The union agreed{\\super\\chftn{\\footnote\\pard{\\super\\chftn} Ministry "
        "figures.}} on Friday.{\\super\\chftn{\\footnote\\ftnalt\\pard{\\super\\chftn} Reporting "
        "by Ingrid Solberg.}}\\par\n\\pard Ferries wait{\\super\\chftn{\\footnote\\pard Second "
        "\\{note\\}.}}.\\par}",
        encoding="ascii",
    )
    article = load_article(path)
    assert texts(article) == [
        "Pilots end strike",
        "The union agreed [1] on Friday. [i]",
        "Ferries wait [2].",
        "Notes",
        "[1] Ministry figures.",
        "[2] Second {note}.",
        "[i] Reporting by Ingrid Solberg.",
    ]
    assert article.blocks[3].kind is BlockKind.HEADING


def test_rtf_characters_outside_the_basic_plane_are_whole(tmp_path):
    path = tmp_path / "gothic.rtf"
    path.write_text("{\\rtf1\\ansi Gothic: \\u-10240?\\u-8398?.\\par}", encoding="ascii")
    assert load_article(path).text.strip() == "Gothic: \U00010332."


def test_an_odt_of_pictures_only_says_so_and_shows_no_alt_text(tmp_path):
    body = (
        "<text:p><draw:frame draw:name='Image1'><draw:image/><svg:title>Visit us</svg:title>"
        "</draw:frame></text:p>"
    )
    with pytest.raises(ArticleError, match="only pictures, charts or embedded objects"):
        load_article(write_odt(tmp_path / "pics.odt", body))
