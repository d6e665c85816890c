"""The collection report (issue 24, deliverable 4): one self-contained HTML page over the
articles of a `Coverage`: the quotes found in several articles with their variants (the
words that differ marked), first appearance and speakers; who gets quoted; the articles and
the most mentioned entities over time; the entities with their counts.

Like the article export (`reader.core.render.export`), the page carries its own stylesheet
and nothing else: no script, no remote load (its Content-Security-Policy says so), light and
dark schemes and a print style. Each chart is drawn by matplotlib
(`reader.core.render.charts`) as inline SVG from the same figures as the table that follows
it (a screen reader reads the table; the SVG is an image with a title); its presentation is
in classes of the page's own stylesheet, so the CSP stays as the article export's. Every
text from the articles is escaped by Jinja2's autoescape.

With the articles' own pages exported beside it (`reader.core.render.report_pages`), every
quote of the page (a group's, each wording, each article it appears in) links to its
article's page at the quote, by a relative URL.
"""

from __future__ import annotations

import datetime
import functools
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from markupsafe import Markup

from reader.core.model import Kind
from reader.core.render.charts import SvgCharts, bar_chart_height, draw_bars, draw_timeline
from reader.core.render.dates import ShownDate, shown_date
from reader.core.render.export import (
    FORBIDDEN_CODE_POINTS,
    page_template,
    stylesheet_policy,
    write_page,
)
from reader.core.render.palette import PAGE_DARK, PAGE_LIGHT, STYLES
from reader.core.render.report_pages import ReportPages
from reader.core.store.coverage import Coverage
from reader.core.store.quote_pairing import Change
from reader.core.store.quote_provenance import QuoteGroup, Sighting, Variant
from reader.core.store.speaker_stats import SpeakerStats, speaker_stats
from reader.core.store.timelines import Period, Timeline, articles_timeline, entity_timeline

TEMPLATE = "report.html.j2"
STYLESHEET = "report.css"
CHART_BARS = 12  # bars in a chart of speakers or entities; the table lists them all
TOP_ENTITIES = 5  # entities followed week by week
ENTITY_ROWS = 60  # entities listed
CHART_INCHES = 6.4  # a chart's width; a bar chart's height follows its bars
TIMELINE_INCHES = 2.6


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of a variant's text, `marked` where its words differ from the first wording
    (the report's <mark>, the window's group dialog)."""

    text: str
    marked: bool


@dataclass(frozen=True, slots=True)
class _SightingView:
    title: str
    site: str | None
    when: ShownDate | None
    speaker: str | None
    href: str | None  # the quote in its article's page, when the pages are exported too


@dataclass(frozen=True, slots=True)
class VariantView:
    runs: tuple[Run, ...]
    notes: tuple[str, ...]
    misquote: bool  # words differ from the first wording, which its stated date precedes
    unplaced: bool  # words differ, but only a file's date (or none) puts it after the first
    sightings: tuple[_SightingView, ...]


@dataclass(frozen=True, slots=True)
class _GroupView:
    id: str
    articles: int
    outlets: tuple[str, ...]
    first: _SightingView | None
    disputed: bool
    speakers: tuple[str, ...]
    misquoted: bool
    unplaced: bool  # a wording differs, but file dates alone would put it after the first
    variants: tuple[VariantView, ...]


@dataclass(frozen=True, slots=True)
class _Chart:
    """A chart as the page shows it: its `svg` element and its caption."""

    svg: Markup
    title: str


def counted(number: int, singular: str, plural: str | None = None) -> str:
    """ "1 quote", "2 quotes": the number with its noun in agreement (`plural` when the
    noun does not take an "s")."""
    return f"{number} {singular if number == 1 else plural or singular + 's'}"


def kind_label(kind: str | None) -> str:
    """The one display form of an entity kind on the page ("PERSON" -> "Person"); "" for
    None (an unnamed source); an unknown kind as it is."""
    if kind is None:
        return ""
    try:
        return STYLES[Kind(kind)].label
    except ValueError:
        return kind


def _stated(sighting: Sighting) -> bool:
    return sighting.date is not None and not sighting.date_from_file


def _sighting_view(sighting: Sighting, pages: ReportPages | None = None) -> _SightingView:
    return _SightingView(
        sighting.title,
        sighting.site,
        shown_date(sighting.date, sighting.date_from_file),
        sighting.speaker,
        pages.href(sighting.article, sighting.start) if pages else None,
    )


def _wording(variant: Variant, start: int, end: int) -> str:
    """The words [start, end) of a wording as its first sighting writes them."""
    sighting, spans = variant.sightings[0], variant.words.spans[start:end]
    first = sighting.text_position(spans[0][0]) if spans else None
    last = sighting.text_position(spans[-1][1] - 1) if spans else None
    if first is None or last is None:
        return " ".join(variant.words.words[start:end])
    return sighting.text[first : last + 1]


def variant_view(variant: Variant, base: Variant, pages: ReportPages | None = None) -> VariantView:
    """The variant's text with its changed and added words marked, and a note for each
    difference from the first wording `base` (which words, for which); each sighting with
    its link into `pages` when the articles' pages are exported.

    A variant is a possible misquote only when both it and the first wording state a date:
    a file's date tells when the file was saved, not when the article appeared, so a
    wording known by it alone is `unplaced` (its words differ; which came first is unknown).
    """
    sighting = variant.sightings[0]
    marked: list[tuple[int, int]] = []
    notes: list[str] = []
    for stretch in variant.comparison.stretches if variant.comparison else ():
        if stretch.change in (Change.CHANGED, Change.ADDED):
            for start, end in variant.words.spans[stretch.b_start : stretch.b_end]:
                first, last = sighting.text_position(start), sighting.text_position(end - 1)
                if first is not None and last is not None:
                    marked.append((first, last + 1))
        ours = _wording(variant, stretch.b_start, stretch.b_end)
        theirs = _wording(base, stretch.a_start, stretch.a_end)
        if stretch.change == Change.CHANGED:
            notes.append(f"“{ours}” for “{theirs}”")
        elif stretch.change == Change.ADDED:
            notes.append(f"“{ours}” added")
        elif stretch.change == Change.DROPPED:
            notes.append(f"“{theirs}” left out")
    placed = _stated(base.sightings[0]) and any(_stated(s) for s in variant.sightings)
    return VariantView(
        _runs(sighting.text, marked),
        tuple(notes),
        variant.misquote and placed,
        variant.misquote and not placed,
        tuple(_sighting_view(s, pages) for s in variant.sightings),
    )


def wording_label(view: VariantView, first: bool) -> str:
    """What a wording is, as the report and the group dialog name it: the `first` wording;
    a possible misquote; a wording whose words differ but whose order only file dates give;
    or the same words cut or elided."""
    if first:
        return "First wording"
    if view.misquote:
        return "Possible misquote"
    if view.unplaced:
        return "Different words (undated, so which came first is unknown)"
    return "Same words, cut or elided"


def _runs(text: str, marked: Iterable[tuple[int, int]]) -> tuple[Run, ...]:
    """`text` cut into plain and marked runs ((start, end) positions into it); marks with
    only spaces between them are one."""
    spans: list[list[int]] = []
    for start, end in sorted(marked):
        if spans and (start <= spans[-1][1] or not text[spans[-1][1] : start].strip()):
            spans[-1][1] = max(spans[-1][1], end)
        else:
            spans.append([start, end])
    runs, position = [], 0
    for start, end in spans:
        if start > position:
            runs.append(Run(text[position:start], False))
        runs.append(Run(text[start:end], True))
        position = end
    if position < len(text):
        runs.append(Run(text[position:], False))
    return tuple(runs)


def _group_view(group: QuoteGroup, pages: ReportPages | None) -> _GroupView:
    base = group.variants[0]
    variants = tuple(variant_view(v, base, pages) for v in group.variants)
    return _GroupView(
        group.id,
        group.articles,
        group.outlets,
        _sighting_view(group.first, pages) if group.first else None,
        group.disputed,
        tuple(f"{name} ({count})" for name, count in group.speakers.values()),
        any(v.misquote for v in variants),
        any(v.unplaced for v in variants),
        variants,
    )


def _bar_chart(
    charts: SvgCharts, chart_id: str, title: str, items: Iterable[tuple[str, int]]
) -> _Chart | None:
    """A horizontal bar chart of (label, value), in the order given, at most CHART_BARS; None
    without any."""
    shown = list(items)[:CHART_BARS]
    if not shown:
        return None
    svg = charts.chart(
        chart_id,
        f"{title} (the table below gives the figures)",
        lambda figure, colours: draw_bars(figure, shown, colours),
        (CHART_INCHES, bar_chart_height(len(shown))),
    )
    return _Chart(Markup(svg), title)


def _timeline_chart(charts: SvgCharts, title: str, line: Timeline) -> _Chart | None:
    """Articles per day as columns on a date axis; None without any dated article."""
    if not line.counts:
        return None
    svg = charts.chart(
        "days",
        f"{title} (the table below gives the figures)",
        lambda figure, colours: draw_timeline(figure, line.counts, Period.DAY, colours),
        (CHART_INCHES, TIMELINE_INCHES),
    )
    return _Chart(Markup(svg), title)


def _speakers(stats: SpeakerStats, charts: SvgCharts) -> dict:
    def share(part: int) -> str:
        return f"{part / stats.quotes:.0%}" if stats.quotes else "0%"

    return {
        "stats": stats,
        "named": share(stats.named_quotes),
        "unnamed": share(stats.unnamed_quotes),
        "people": share(stats.person_quotes),
        "organizations": share(stats.organization_quotes),
        "top": f"{stats.top_share():.0%}",
        "chart": _bar_chart(
            charts,
            "speakers",
            "Quotes per speaker",
            ((row.name, row.quotes) for row in stats.rows if row.named),
        ),
    }


def _timeline_views(coverage: Coverage, charts: SvgCharts) -> dict:
    rows = list(coverage.dated_counts())
    days: Timeline = articles_timeline(rows, Period.DAY)
    gathered = coverage.entities()
    top = sorted(gathered, key=lambda k: (-gathered[k].mentions, gathered[k].name))[:TOP_ENTITIES]
    weekly = {key: entity_timeline(rows, key, Period.WEEK)[0] for key in top}
    weeks = sorted({period for line in weekly.values() for period, _count in line.counts})
    return {
        "days": days,
        "chart": _timeline_chart(charts, "Articles per day", days),
        "entities": [gathered[key].name for key in top],
        "weeks": [(week, [dict(weekly[key].counts).get(week, 0) for key in top]) for week in weeks],
        "undated_mentions": [weekly[key].undated for key in top],
    }


def _entities(coverage: Coverage) -> list[tuple[str, str, int, int, int]]:
    """(name, kind label, articles, mentions, quotes), most articles first."""
    gathered = coverage.entities()
    rows = [
        (
            group.name,
            kind_label(group.kinds.most_common(1)[0][0]),
            len(group.keys),
            group.mentions,
            group.quotes,
        )
        for group in gathered.values()
    ]
    rows.sort(key=lambda row: (-row[2], -row[3], row[0].casefold()))
    return rows[:ENTITY_ROWS]


@functools.cache
def report_css() -> str:
    """The page's stylesheet: the page colours of the palette, then resources/report.css."""
    layout = files("reader.resources").joinpath(STYLESHEET).read_text(encoding="utf-8")
    return (
        f"\n:root {{ --page-bg: {PAGE_LIGHT.background}; --page-fg: {PAGE_LIGHT.foreground}; }}"
        "\n@media screen and (prefers-color-scheme: dark) {"
        f" :root {{ --page-bg: {PAGE_DARK.background}; --page-fg: {PAGE_DARK.foreground}; }} }}"
        f"\n{layout}"
    )


def render_report(
    coverage: Coverage,
    title: str,
    *,
    generated_at: datetime.datetime | None = None,
    pages: ReportPages | None = None,
) -> str:
    """The report page of the coverage's articles; `generated_at` (default now) in the
    footer. With `pages` (the articles' pages written beside it), each quote links to its
    article's page at the quote. The files left out as the same text as another
    (`coverage.duplicates`) are counted under the article count."""
    groups = coverage.quote_groups()
    charts = SvgCharts()
    speakers = _speakers(speaker_stats(coverage.spoken()), charts)
    time = _timeline_views(coverage, charts)
    css = f"{report_css()}\n/* The charts' classes (charts.py) */\n{charts.rules()}\n"
    dated = sorted(a.date for a in coverage.articles.values() if a.date and not a.date_from_file)
    views = [_group_view(g, pages) for g in groups]
    undated = [a for a in coverage.articles.values() if not a.date or a.date_from_file]
    file_days = sorted(a.date for a in undated if a.date)
    page = page_template(TEMPLATE).render(
        title=title,
        csp=stylesheet_policy(css),
        css=Markup(css),
        generated_at=(generated_at or datetime.datetime.now(datetime.UTC)).replace(microsecond=0),
        articles=len(coverage.articles),
        duplicates=len(coverage.duplicates.left_out),
        first=shown_date(dated[0], False) if dated else None,
        last=shown_date(dated[-1], False) if dated else None,
        undated=len(undated),
        undated_files=(
            (shown_date(file_days[0], True), shown_date(file_days[-1], True), len(file_days))
            if file_days
            else None
        ),
        counted=counted,
        kind_label=kind_label,
        wording_label=wording_label,
        groups=views,
        variants=sum(1 for g in views if g.misquoted),
        unplaced=sum(1 for g in views if g.unplaced and not g.misquoted),
        disputed=sum(1 for g in groups if g.disputed),
        speakers=speakers,
        time=time,
        entities=_entities(coverage),
    )
    # NFC: the page is read, never offset into; composed characters are what HTML expects.
    return unicodedata.normalize("NFC", FORBIDDEN_CODE_POINTS.sub("\ufffd", page))


def write_report(
    coverage: Coverage, path: Path, title: str, pages: ReportPages | None = None
) -> None:
    """Write the page atomically, as the article export does (`write_page`), its quotes
    linked into `pages` when given, whose folder then loses the pages an earlier export
    wrote there that the report no longer links (`ReportPages.finish`); raises ExportError
    with a sentence for the user."""
    page = render_report(coverage, title, pages=pages)
    write_page(page.encode("utf-8"), path, "write the report to")
    if pages is not None:
        pages.finish()
