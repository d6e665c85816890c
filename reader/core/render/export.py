"""Exporting an analysed article as one self-contained, accessible HTML page.

The page carries its own stylesheet and nothing else: no script, no remote loads (its
Content-Security-Policy says so), per-kind toggles made of checkboxes and sibling selectors.
Colours come from the shared palette and the highlighted text from the shared segments, so the
page looks like the article view. Every text from the article is escaped by Jinja2's autoescape.
"""

from __future__ import annotations

import base64
import datetime
import functools
import hashlib
import os
import re
import stat
import tempfile
from dataclasses import dataclass
from importlib.resources import files
from itertools import groupby
from operator import attrgetter
from pathlib import Path

import jinja2
from markupsafe import Markup

from reader.core.model import Analysis, Kind, Mention, Quote
from reader.core.render.evidence import is_confirmed
from reader.core.render.meta_line import meta_fields
from reader.core.render.notices import notice_text
from reader.core.render.ocr_marks import text_pieces
from reader.core.render.palette import PAGE_DARK, PAGE_LIGHT, STYLES, KindStyle, Scheme
from reader.core.render.roles import role_text
from reader.core.render.segments import BlockRuns, article_runs
from reader.core.text.article import BlockKind

TEMPLATE = "export.html.j2"
STYLESHEET = "export.css"
BLOCK_TAGS = {BlockKind.TITLE: "h1", BlockKind.HEADING: "h2", BlockKind.PARAGRAPH: "p"}
BORDER_STYLES = frozenset({"solid", "double", "dotted", "dashed"})
NEW_FILE_MODE = 0o644
KIND_CLASSES = {kind: kind.value.lower() for kind in Kind}

# Code points HTML forbids (controls other than whitespace, noncharacters) and lone surrogates,
# which cannot be encoded; each becomes U+FFFD in the page, which the template never contains.
FORBIDDEN_CODE_POINTS = re.compile(
    "[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]"
)


class ExportError(Exception):
    """The page could not be written; str() is a message for the user."""


@dataclass(frozen=True, slots=True)
class _MarkView:
    kind: str
    key: str
    title: str


@dataclass(frozen=True, slots=True)
class _Stretch:
    """Text drawn as one element: a mark when `mention` is set, else plain text."""

    start: int
    end: int
    mention: int | None
    anchor: bool


@dataclass(frozen=True, slots=True)
class _QuoteGroup:
    """Stretches inside one quote's span (or outside quotes when `quote` is None)."""

    quote: int | None
    anchor: bool
    stretches: tuple[_Stretch, ...]


@dataclass(frozen=True, slots=True)
class _BlockView:
    tag: str | None
    groups: tuple[_QuoteGroup, ...]


@dataclass(frozen=True, slots=True)
class _KindView:
    name: str
    plural: str
    count: int


@dataclass(frozen=True, slots=True)
class _EntityView:
    anchor: str
    target: str | None
    name: str
    count: int
    role: str  # the first role the article states ("" when none)


@dataclass(frozen=True, slots=True)
class _GroupView:
    name: str
    plural: str
    entities: tuple[_EntityView, ...]


@dataclass(frozen=True, slots=True)
class _QuoteView:
    text: str
    target: str | None
    speaker: str
    speaker_target: str | None
    confirmed: bool  # the reader confirmed or chose the speaker


def kind_class(kind: Kind) -> str:
    """The CSS class (and toggle id suffix) of a kind: person, country, org."""
    return KIND_CLASSES[kind]


def kind_declarations(style: KindStyle, scheme: Scheme) -> str:
    """CSS declarations that colour one kind in one theme and draw its underline.

    A border draws solid, double, dotted and dashed lines thick enough to tell apart in every
    browser (and validates); only text-decoration can draw a wavy line.
    """
    if style.underline_style in BORDER_STYLES:
        width = "3px" if style.underline_style == "double" else "2px"
        border = f"{width} {style.underline_style} {scheme.underline}"
        decoration = ""
    else:  # a style only text-decoration can draw, such as wavy
        border = "0 none"
        decoration = (
            f" text-decoration-line: underline; text-decoration-style: {style.underline_style};"
            f" text-decoration-color: {scheme.underline};"
        )
    return (
        f"--mark-bg: {scheme.background}; --mark-fg: {scheme.foreground};"
        f" --mark-line: {scheme.underline}; --mark-border: {border};{decoration}"
    )


def palette_css() -> str:
    """CSS custom properties and toggle rules for every kind, written from the shared palette.

    The dark scheme applies to screens only, so printing always uses the light colours.
    """
    light = [f":root {{ --page-bg: {PAGE_LIGHT.background}; --page-fg: {PAGE_LIGHT.foreground}; }}"]
    dark = [f":root {{ --page-bg: {PAGE_DARK.background}; --page-fg: {PAGE_DARK.foreground}; }}"]
    toggles = []
    for kind, style in STYLES.items():
        name = kind_class(kind)
        light.append(f".{name} {{ {kind_declarations(style, style.light)} }}")
        dark.append(f".{name} {{ {kind_declarations(style, style.dark)} }}")
        off = f"#show-{name}:not(:checked) ~"
        toggles += [
            f"#show-{name}:focus-visible ~ .bar .toggle.{name}"
            " { outline: 3px solid var(--focus); outline-offset: 2px; }",
            f"{off} .bar .toggle.{name} .check {{ background: transparent; }}",
            f"{off} .bar .toggle.{name} .check::after {{ display: none; }}",
            f"{off} .bar .swatch.{name}, {off} .layout .swatch.{name}, {off} .layout mark.{name}"
            " { background: transparent; color: inherit; border-bottom-color: transparent;"
            " text-decoration: none; padding: 0; }",
            f"{off} .layout .entities .{name} a {{ color: var(--muted); }}",
        ]
    dark_block = "\n".join(f"  {rule}" for rule in dark)
    return "\n".join(
        [
            *light,
            f"@media screen and (prefers-color-scheme: dark) {{\n{dark_block}\n}}",
            *toggles,
        ]
    )


@functools.cache
def page_css() -> str:
    """The page's whole stylesheet: palette rules, then the layout sheet from resources."""
    layout = files("reader.resources").joinpath(STYLESHEET).read_text(encoding="utf-8")
    return f"\n{palette_css()}\n{layout}"


@functools.cache
def content_security_policy() -> str:
    """The article page's policy: see `stylesheet_policy`."""
    return stylesheet_policy(page_css())


def stylesheet_policy(css: str) -> str:
    """No scripts, no remote loads, no forms: only the page's own stylesheet `css` (by its
    hash), for the article export and the collection report alike."""
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode()
    return (
        f"default-src 'none'; script-src 'none'; style-src 'sha256-{digest}';"
        " base-uri 'none'; form-action 'none'"
    )


@functools.cache
def page_template(name: str) -> jinja2.Template:
    """The Jinja template `name` of reader.resources, autoescaped, read once."""
    environment = jinja2.Environment(
        autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True
    )
    source = files("reader.resources").joinpath(name).read_text(encoding="utf-8")
    return environment.from_string(source)


def _mark_view(mention: Mention) -> _MarkView:
    label = STYLES[mention.kind].label
    return _MarkView(kind_class(mention.kind), mention.key, f"{mention.name} — {label}")


def _block_view(block: BlockRuns) -> _BlockView:
    """Nest a block's runs for HTML: quote spans outside, marks inside, merged where they touch.

    A mark is split only where a quote edge crosses it; only the first piece of a mention or
    quote carries its id.
    """
    groups = []
    for quote, runs_in_quote in groupby(block.runs, key=attrgetter("quote")):
        quote_runs = list(runs_in_quote)
        stretches = []
        for mention, runs_of_mention in groupby(quote_runs, key=attrgetter("mention")):
            runs = list(runs_of_mention)
            stretches.append(_Stretch(runs[0].start, runs[-1].end, mention, runs[0].opens_mention))
        groups.append(_QuoteGroup(quote, quote_runs[0].opens_quote, tuple(stretches)))
    tag = BLOCK_TAGS[block.kind] if block.kind is not None else None
    return _BlockView(tag, tuple(groups))


def _first_drawn(blocks: list[BlockRuns], mentions: tuple[Mention, ...]) -> dict[str, str]:
    """Anchor id of each entity's first drawn mention, by entity key."""
    targets: dict[str, str] = {}
    for block in blocks:
        for run in block.runs:
            if run.opens_mention and run.mention is not None:
                targets.setdefault(mentions[run.mention].key, f"m{run.mention}")
    return targets


def _drawn_quotes(blocks: list[BlockRuns]) -> set[int]:
    return {run.quote for block in blocks for run in block.runs if run.opens_quote}


def _groups(analysis: Analysis, targets: dict[str, str]) -> tuple[list[_GroupView], dict[str, str]]:
    """The entity index grouped by kind, and the index entry's id of each entity key."""
    entities = analysis.entities
    anchors = {entity.key: f"e{number}" for number, entity in enumerate(entities)}
    groups = []
    for kind, style in STYLES.items():
        members = tuple(
            _EntityView(anchors[e.key], targets.get(e.key), e.name, e.count, role_text(e))
            for e in entities
            if e.kind == kind
        )
        if members:
            groups.append(_GroupView(kind_class(kind), style.plural, members))
    return groups, anchors


def _quote_view(
    number: int, quote: Quote, text: str, drawn: set[int], anchors: dict[str, str]
) -> _QuoteView:
    words = " … ".join(text[start:end] for start, end in quote.fragments) or quote.text
    speaker = quote.speaker
    return _QuoteView(
        text=f"“{words}”",
        target=f"q{number}" if number in drawn else None,
        speaker=(speaker.name or speaker.text) if speaker else "speaker not identified",
        speaker_target=anchors.get(speaker.key) if speaker and speaker.key else None,
        confirmed=is_confirmed(quote),
    )


def render_html(analysis: Analysis, *, exported_at: datetime.datetime | None = None) -> str:
    """The export page of an analysis; `exported_at` (default now) is printed in the footer."""
    return rendered_page(analysis, exported_at=exported_at)[0]


def rendered_page(
    analysis: Analysis, *, exported_at: datetime.datetime | None = None
) -> tuple[str, dict[int, str]]:
    """The export page, and the element id ("q3") at each quote drawn in its text by the
    quote's `start` (characters into the article's text): what a link into the page aims at."""
    article = analysis.article
    text = article.text
    blocks = article_runs(article, analysis.mentions, analysis.quotes)
    groups, anchors = _groups(analysis, _first_drawn(blocks, analysis.mentions))
    drawn_quotes = _drawn_quotes(blocks)
    named = {group.name: len(group.entities) for group in groups}  # the index's counts
    page = page_template(TEMPLATE).render(
        title=article.title,
        file_name=article.display_name,
        model=analysis.model,
        exported_at=exported_at or datetime.datetime.now(datetime.UTC),
        csp=content_security_policy(),
        css=Markup(page_css()),
        kinds=[
            _KindView(kind_class(k), s.plural, named.get(kind_class(k), 0))
            for k, s in STYLES.items()
        ],
        show_title=not any(block.kind == BlockKind.TITLE for block in article.blocks),
        title_index=next((i for i, b in enumerate(blocks) if b.kind == BlockKind.TITLE), -1),
        meta=meta_fields(article),  # the author once: see meta_line
        notices=[notice_text(notice) for notice in article.notices],  # the view's words
        text=text,
        piece=text_pieces(text, article.meta),  # the text, OCR's unsure words marked
        blocks=[_block_view(block) for block in blocks],
        marks=[_mark_view(m) for m in analysis.mentions],
        groups=groups,
        quotes=[
            _quote_view(n, q, text, drawn_quotes, anchors) for n, q in enumerate(analysis.quotes)
        ],
    )
    quote_ids = {q.start: f"q{n}" for n, q in enumerate(analysis.quotes) if n in drawn_quotes}
    return FORBIDDEN_CODE_POINTS.sub("\ufffd", page), quote_ids


def _reason(error: OSError) -> str:
    return error.strerror or str(error)


def write_export(analysis: Analysis, path: str | Path) -> None:
    """Write the article's page to `path` (see `write_page`); raises ExportError."""
    write_page(render_html(analysis).encode("utf-8"), Path(path), "export to")


def write_page(page: bytes, path: Path, doing: str) -> None:
    """Write a page atomically: a temporary file in the same folder, then a rename.

    A failed write never leaves a half-written page and never damages an existing one.
    A replaced file keeps its permissions; a new one is readable by all (0644). Raises
    ExportError saying "Cannot {doing} {path}: …".
    """
    folder = path.parent
    if path.is_dir():
        raise ExportError(f"Cannot {doing} {path}: it is a folder.")
    if not folder.is_dir():
        raise ExportError(f"Cannot {doing} {path}: there is no folder {folder}.")
    try:
        mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else NEW_FILE_MODE
        # The name's start only: a 250-byte target name must leave room for the random part.
        descriptor, temporary_name = tempfile.mkstemp(
            dir=folder, prefix=f".{path.name[:40]}.", suffix=".tmp"
        )
    except OSError as error:
        raise ExportError(f"Cannot {doing} {path}: {_reason(error)}.") from error
    temporary = Path(temporary_name)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(page)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except OSError as error:
        raise ExportError(f"Cannot {doing} {path}: {_reason(error)}.") from error
    finally:
        temporary.unlink(missing_ok=True)
