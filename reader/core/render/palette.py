"""Highlight colours and cues per kind, shared by the article view and the HTML export.

Hues follow the Okabe-Ito palette (orange, sky blue, bluish green), which stays apart under the
common colour-vision deficiencies; each kind also has its own underline style, so colour is
never the only cue. Text on every highlight keeps at least 4.5:1 contrast (tested).
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.model import Kind


@dataclass(frozen=True, slots=True)
class Scheme:
    """Colours of one kind in one theme (hex #rrggbb)."""

    background: str
    foreground: str
    underline: str


@dataclass(frozen=True, slots=True)
class KindStyle:
    kind: Kind
    label: str
    plural: str
    underline_style: str  # a CSS text-decoration-style: solid, double, dotted, dashed, wavy
    light: Scheme
    dark: Scheme


PAGE_LIGHT = Scheme(background="#ffffff", foreground="#1a1a1a", underline="#1a1a1a")
PAGE_DARK = Scheme(background="#1e1e1e", foreground="#e8e8e8", underline="#e8e8e8")

STYLES: dict[Kind, KindStyle] = {
    Kind.PERSON: KindStyle(
        Kind.PERSON,
        "Person",
        "People",
        "solid",
        light=Scheme("#fde2b3", "#1a1a1a", "#a35f00"),
        dark=Scheme("#5a3a00", "#fff4e0", "#f0a830"),
    ),
    Kind.COUNTRY: KindStyle(
        Kind.COUNTRY,
        "Country",
        "Countries",
        "double",
        light=Scheme("#cfe7f7", "#1a1a1a", "#005a8c"),
        dark=Scheme("#0d3a58", "#e6f4ff", "#6cc0f0"),
    ),
    Kind.ORG: KindStyle(
        Kind.ORG,
        "Organization",
        "Organizations",
        "dashed",
        light=Scheme("#d3f0e2", "#1a1a1a", "#00704f"),
        dark=Scheme("#0b4533", "#e3fff3", "#3fd0a0"),
    ),
}


def relative_luminance(hex_colour: str) -> float:
    """WCAG 2 relative luminance of an #rrggbb colour."""
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2 contrast ratio between two #rrggbb colours (1 to 21)."""
    high, low = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# The bar beside quoted text in the view: a violet apart from the three kinds' hues, at 3:1 or
# more against the page (a non-text mark).
QUOTE_BAR_LIGHT = "#7d5fb2"
QUOTE_BAR_DARK = "#b39ddb"
