"""Bar charts drawn with matplotlib (issue 24): who gets quoted, and counts over time. The
report embeds them as SVG (`svg_chart`, no Qt); the window draws the same figures on a Qt
canvas (`reader.gui.library.charts`), so both look alike.

matplotlib takes about a second to import, so it is imported here only when a chart is drawn,
never when Reader starts. Only `matplotlib.figure.Figure` is used, never pyplot's global state.
Labels come from articles: a "$" in them is escaped so that it is never read as mathematics.
"""

from __future__ import annotations

import datetime
import io
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.core.store.timelines import Period

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from matplotlib.patches import Rectangle

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
LABEL_CHARACTERS = 32  # a longer label is cut with "…" (the table beside it has it whole)
BAR_INCHES = 0.28  # height per bar of a horizontal bar chart


@dataclass(frozen=True, slots=True)
class ChartColours:
    """The colours a chart is drawn in: bars, the bar picked out, text, axes and grid."""

    bar: str
    chosen: str
    text: str
    rule: str


LIGHT = ChartColours(bar="#1f5fa8", chosen="#a3271f", text="#1a1a1a", rule="#bdb8ad")
DARK = ChartColours(bar="#8cbcff", chosen="#ff9b8f", text="#e8e6e3", rule="#5a5a5a")

# The report draws in stand-in colours that become the page's CSS custom properties, so its
# charts follow the light, dark and print styles of report.css.
_STAND_INS = ChartColours(bar="#0000fe", chosen="#0000fd", text="#000001", rule="#000002")
_LINE_DEFAULTS = {"stroke-linejoin": "round", "stroke-linecap": "butt"}
_PROPERTIES = {
    _STAND_INS.bar: "var(--bar)",
    _STAND_INS.chosen: "var(--flag)",
    _STAND_INS.text: "var(--page-fg)",
    _STAND_INS.rule: "var(--rule)",
}


def _label(text: str) -> str:
    """A bar's label as matplotlib must get it: on one line, cut, no mathematics."""
    text = " ".join(text.split())
    if len(text) > LABEL_CHARACTERS:
        text = text[: LABEL_CHARACTERS - 1] + "…"
    return text.replace("$", r"\$")


def _plain_axes(figure: Figure, colours: ChartColours):
    """One axes without a frame but its baseline, transparent, in the chart's colours."""
    figure.patch.set_alpha(0)
    axes = figure.add_subplot()
    axes.patch.set_alpha(0)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        axes.spines[side].set_color(colours.rule)
    axes.tick_params(colors=colours.text, labelcolor=colours.text, labelsize=10, length=0)
    axes.set_axisbelow(True)
    return axes


def bar_chart_height(bars: int) -> float:
    """Inches for a horizontal bar chart of `bars` bars (at least one)."""
    return 0.5 + BAR_INCHES * max(bars, 1)


def draw_bars(
    figure: Figure,
    bars: Sequence[tuple[str, int]],
    colours: ChartColours,
    chosen: int | None = None,
) -> list[Rectangle]:
    """Horizontal bars of (label, value), the first on top, each with its value at its end;
    bar `chosen` (an index) in the chosen colour. Returns the bars in the order given."""
    axes = _plain_axes(figure, colours)
    positions = list(range(len(bars)))
    values = [value for _label_text, value in bars]
    fills = [colours.chosen if n == chosen else colours.bar for n in positions]
    drawn = axes.barh(positions, values, height=0.7, color=fills)
    axes.set_yticks(positions, labels=[_label(label) for label, _value in bars])
    axes.invert_yaxis()
    axes.bar_label(drawn, padding=3, color=colours.text, fontsize=9)
    axes.xaxis.set_visible(False)
    axes.spines["bottom"].set_visible(False)
    axes.set_xlim(0, max(values, default=0) * 1.12 or 1)
    figure.set_layout_engine("tight", pad=0.4)
    return list(drawn.patches)


def period_start(period: str) -> datetime.date:
    """The first day of a period as `reader.core.store.timelines.period_of` names it."""
    if "-W" in period:
        year, week = period.split("-W")
        return datetime.date.fromisocalendar(int(year), int(week), 1)
    return datetime.date.fromisoformat(period)


def draw_timeline(
    figure: Figure,
    counts: Sequence[tuple[str, int]],
    period: Period,
    colours: ChartColours,
    chosen: int | None = None,
) -> list[Rectangle]:
    """Columns per day or ISO week on a date axis (gaps where nothing was published), column
    `chosen` in the chosen colour. Returns the columns in the order of `counts`."""
    from matplotlib import dates

    axes = _plain_axes(figure, colours)
    width = 0.8 if period == Period.DAY else 5.6
    starts = [period_start(name) for name, _count in counts]
    if period == Period.WEEK:  # a week's column stands over its seven days
        starts = [start + datetime.timedelta(days=3) for start in starts]
    fills = [colours.chosen if n == chosen else colours.bar for n in range(len(counts))]
    drawn = axes.bar(
        dates.date2num(starts), [count for _name, count in counts], width=width, color=fills
    )
    locator = dates.AutoDateLocator(maxticks=8)
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(dates.ConciseDateFormatter(locator))
    axes.xaxis.get_offset_text().set_color(colours.text)
    axes.yaxis.get_major_locator().set_params(integer=True)
    axes.grid(axis="y", color=colours.rule, linewidth=0.6)
    figure.set_layout_engine("tight", pad=0.4)
    return list(drawn.patches)


class SvgCharts:
    """Draws a page's charts as SVG; their classes are shared, so `rules()` once per page.

    matplotlib writes presentation as style attributes, which a page whose
    Content-Security-Policy allows only its own hashed stylesheet would not apply: each
    distinct style becomes a class here, and the stand-in colours its custom properties."""

    def __init__(self, prefix: str = "c") -> None:
        self._prefix = prefix
        self._classes: dict[str, str] = {}  # declarations -> class name

    def chart(
        self,
        chart_id: str,
        title: str,
        draw: Callable[[Figure, ChartColours], object],
        size: tuple[float, float],
    ) -> str:
        """The <svg> element of what `draw(figure, colours)` draws on a figure of `size`
        inches; `chart_id` prefixes its ids (unique in the page)."""
        from matplotlib import rc_context
        from matplotlib.figure import Figure

        with rc_context({"svg.fonttype": "none", "svg.hashsalt": chart_id}):
            figure = Figure(figsize=size)
            draw(figure, _STAND_INS)
            out = io.StringIO()
            figure.savefig(
                out,
                format="svg",
                metadata={"Creator": None, "Date": None, "Format": None, "Type": None},
            )
        return self._classed(out.getvalue(), chart_id, title)

    def rules(self) -> str:
        """The CSS of every class the charts drawn so far use."""
        return "\n".join(
            f".{name} {{ {declarations} }}" for declarations, name in self._classes.items()
        )

    def _class_of(self, style: str) -> str:
        """The class of a style attribute's declarations, over matplotlib's own default for
        lines (its SVG's `*` rule, which would be an element style here)."""
        declarations = dict(_LINE_DEFAULTS)
        for part in style.split(";"):
            name, _, value = part.partition(":")
            if name.strip():
                declarations[name.strip()] = " ".join(value.split())
        rule = "; ".join(f"{name}: {value}" for name, value in declarations.items())
        for colour, value in _PROPERTIES.items():
            rule = rule.replace(colour, value)
        if rule not in self._classes:
            self._classes[rule] = f"{self._prefix}{len(self._classes) + 1}"
        return self._classes[rule]

    def _classed(self, svg: str, chart_id: str, title: str) -> str:
        ET.register_namespace("", SVG)
        ET.register_namespace("xlink", XLINK)
        root = ET.fromstring(svg)
        referenced = set(re.findall(r'(?:href="#|url\(#)([^")]+)', svg))
        for parent in root.iter():
            for child in list(parent):
                if child.tag in (f"{{{SVG}}}style", f"{{{SVG}}}metadata"):
                    parent.remove(child)
        for element in root.iter():
            if (style := element.attrib.pop("style", None)) is not None:
                element.set("class", self._class_of(style))
            if (own := element.attrib.pop("id", None)) in referenced:
                element.set("id", f"{chart_id}-{own}")
            if (target := element.get(f"{{{XLINK}}}href", "")).startswith("#"):
                element.set(f"{{{XLINK}}}href", f"#{chart_id}-{target[1:]}")
            if (clip := element.get("clip-path", "")).startswith("url(#"):
                element.set("clip-path", f"url(#{chart_id}-{clip[5:]}")
        _, _, width, height = (float(n) for n in root.attrib.pop("viewBox").split())
        root.attrib.pop("version", None)
        root.set("viewBox", f"0 0 {width:g} {height:g}")
        root.set("width", str(round(width * 4 / 3)))  # points to CSS pixels
        root.set("height", str(round(height * 4 / 3)))
        root.set("role", "img")
        root.set("aria-labelledby", f"{chart_id}-title")
        heading = ET.Element(f"{{{SVG}}}title", {"id": f"{chart_id}-title"})
        heading.text = title
        root.insert(0, heading)
        return ET.tostring(root, encoding="unicode")
