"""How mentions look in the article view: each kind's colours in the light or dark palette, in
the normal, followed and dimmed states, and the shades of quotes and find matches."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette, QTextCharFormat

from reader.core.model import Kind
from reader.core.render.palette import QUOTE_BAR_DARK, QUOTE_BAR_LIGHT, STYLES, Scheme

# Qt has no double underline; a dotted one keeps the three kinds apart (solid, dotted, dashed).
UNDERLINES = {
    "solid": QTextCharFormat.UnderlineStyle.SingleUnderline,
    "double": QTextCharFormat.UnderlineStyle.DotLine,
    "dotted": QTextCharFormat.UnderlineStyle.DotLine,
    "dashed": QTextCharFormat.UnderlineStyle.DashUnderline,
    "wavy": QTextCharFormat.UnderlineStyle.WaveUnderline,
}


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightnessF() < 0.5


def quote_bar_colour(palette: QPalette) -> QColor:
    """The colour of the bar the view draws beside quoted text."""
    return QColor(QUOTE_BAR_DARK if is_dark(palette) else QUOTE_BAR_LIGHT)


def scheme_for(kind: Kind, dark: bool) -> Scheme:
    style = STYLES[kind]
    return style.dark if dark else style.light


def _blend(colour: str, page: QColor, keep: float) -> QColor:
    """`colour` faded toward the page: keep=1 is the colour, keep=0 the page."""
    c = QColor(colour)
    return QColor.fromRgbF(
        c.redF() * keep + page.redF() * (1 - keep),
        c.greenF() * keep + page.greenF() * (1 - keep),
        c.blueF() * keep + page.blueF() * (1 - keep),
    )


class MentionFormats:
    """The character formats of each kind in the normal, followed and dimmed states."""

    def __init__(self, palette: QPalette) -> None:
        dark = is_dark(palette)
        page = palette.color(QPalette.ColorRole.Base)
        self.normal: dict[Kind, QTextCharFormat] = {}
        self.focus: dict[Kind, QTextCharFormat] = {}
        self.dim: dict[Kind, QTextCharFormat] = {}
        for kind in Kind:
            scheme = scheme_for(kind, dark)
            underline = UNDERLINES[STYLES[kind].underline_style]
            normal = QTextCharFormat()
            normal.setBackground(QColor(scheme.background))
            normal.setForeground(QColor(scheme.foreground))
            normal.setUnderlineStyle(underline)
            normal.setUnderlineColor(QColor(scheme.underline))
            focus = QTextCharFormat(normal)
            focus.setFontWeight(QFont.Weight.DemiBold)
            # Dimmed mentions keep the page's own text colour (full contrast) and only fade
            # their background and underline: still visible, nothing hidden.
            dim = QTextCharFormat()
            dim.setBackground(_blend(scheme.background, page, 0.35))
            dim.setUnderlineStyle(underline)
            dim.setUnderlineColor(_blend(scheme.underline, page, 0.45))
            self.normal[kind], self.focus[kind], self.dim[kind] = normal, focus, dim
        self.quote = QTextCharFormat()
        self.quote.setBackground(QColor("#4b4424" if dark else "#fbf3cf"))
        self.found = QTextCharFormat()
        self.found.setBackground(QColor("#7a5c00" if dark else "#ffd84d"))
        self.found.setForeground(QColor("#ffffff" if dark else "#1a1a1a"))
