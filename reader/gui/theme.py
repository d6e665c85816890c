"""The theme choice (System, Light, Dark) and the readable colours every list row is drawn with.

Light and Dark are Fusion palettes set on the application, so dark works wherever Qt runs (plain
X11 has no system dark mode). System puts back the style and palette the application started
with. Colours of text on a background are chosen here, checked against WCAG's 4.5:1.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from reader.core.render.palette import contrast_ratio

TARGET_CONTRAST = 5.0  # what colours are chosen for: 4.5:1 is required
_Role = QPalette.ColorRole
_Group = QPalette.ColorGroup


class Theme(StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


# Role -> (light, dark). Highlight pairs and placeholder text keep 4.5:1 on their backgrounds.
_COLOURS: dict[QPalette.ColorRole, tuple[str, str]] = {
    _Role.Window: ("#efefef", "#2b2b2b"),
    _Role.WindowText: ("#1a1a1a", "#e8e8e8"),
    _Role.Base: ("#ffffff", "#1e1e1e"),
    _Role.AlternateBase: ("#f4f4f4", "#262626"),
    _Role.ToolTipBase: ("#ffffdc", "#3a3a3a"),
    _Role.ToolTipText: ("#1a1a1a", "#e8e8e8"),
    _Role.PlaceholderText: ("#5f5f5f", "#a8a8a8"),
    _Role.Text: ("#1a1a1a", "#e8e8e8"),
    _Role.Button: ("#e6e6e6", "#353535"),
    _Role.ButtonText: ("#1a1a1a", "#e8e8e8"),
    _Role.BrightText: ("#ffffff", "#ffffff"),
    _Role.Light: ("#ffffff", "#4a4a4a"),
    _Role.Midlight: ("#f0f0f0", "#3e3e3e"),
    _Role.Mid: ("#b8b8b8", "#5a5a5a"),
    _Role.Dark: ("#8a8a8a", "#1a1a1a"),
    _Role.Shadow: ("#5a5a5a", "#0a0a0a"),
    _Role.Highlight: ("#1f5fa8", "#2f64a6"),
    _Role.HighlightedText: ("#ffffff", "#ffffff"),
    _Role.Link: ("#0b57a4", "#8ab8f0"),
    _Role.LinkVisited: ("#6a2c91", "#c6a0e8"),
}
_DISABLED: dict[QPalette.ColorRole, tuple[str, str]] = {
    _Role.WindowText: ("#6b6b6b", "#9a9a9a"),
    _Role.Text: ("#6b6b6b", "#9a9a9a"),
    _Role.ButtonText: ("#6b6b6b", "#9a9a9a"),
}

_system: dict[str, object] = {}


def fusion_palette(dark: bool) -> QPalette:
    """The full palette of the Light or Dark theme, the same in every colour group except
    the disabled text, which is quieter but still readable."""
    palette = QPalette()
    column = 1 if dark else 0
    for role, colours in _COLOURS.items():
        palette.setColor(role, QColor(colours[column]))
    for role, colours in _DISABLED.items():
        palette.setColor(_Group.Disabled, role, QColor(colours[column]))
    return palette


def apply_theme(app: QApplication, theme: Theme) -> None:
    """Switch the whole application's look; System restores what it started with. A style
    sheet is kept, and its palette(...) colours follow the new palette."""
    sheet = app.styleSheet()
    app.setStyleSheet("")  # the style underneath, by its name, and no stale palette() colours
    if not _system:
        _system["style"] = app.style().name()
        _system["palette"] = QPalette(app.palette())
    if theme == Theme.SYSTEM:
        if app.style().name() != _system["style"]:
            app.setStyle(str(_system["style"]))
        app.setPalette(_system["palette"])  # type: ignore[arg-type]
    else:
        if app.style().name() != "fusion":
            app.setStyle("Fusion")
        app.setPalette(fusion_palette(theme == Theme.DARK))
    app.setStyleSheet(sheet)


def style_name(app: QApplication) -> str:
    """The name of the style underneath any style sheet ("fusion", "windows"…)."""
    sheet = app.styleSheet()
    app.setStyleSheet("")
    name = app.style().name()
    app.setStyleSheet(sheet)
    return name


def _rgb(colour: QColor) -> str:
    return colour.name(QColor.NameFormat.HexRgb)


def contrast(first: QColor, second: QColor) -> float:
    """WCAG contrast ratio of two opaque colours."""
    return contrast_ratio(_rgb(first), _rgb(second))


def blend(colour: QColor, background: QColor, keep: float) -> QColor:
    """`colour` laid over `background` at opacity `keep` (0 to 1), as an opaque colour."""
    return QColor.fromRgbF(
        colour.redF() * keep + background.redF() * (1 - keep),
        colour.greenF() * keep + background.greenF() * (1 - keep),
        colour.blueF() * keep + background.blueF() * (1 - keep),
    )


def readable(preferred: QColor, background: QColor) -> QColor:
    """`preferred` when it reads on `background` at 5:1, else near-black or white, whichever
    reads better (a system palette may pair white text with a pale selection). 5:1 leaves a
    margin over the 4.5:1 required: antialiased strokes are painted a little lighter."""
    if contrast(preferred, background) >= TARGET_CONTRAST:
        return QColor(preferred)
    candidates = (QColor("#111111"), QColor("#ffffff"))
    return max(candidates, key=lambda c: contrast(c, background))


def quiet(text: QColor, background: QColor, keep: float = 0.72) -> QColor:
    """Text faded toward its background for secondary detail, no further than 5:1."""
    text = readable(text, background)
    while keep < 1.0 and contrast(blend(text, background, keep), background) < TARGET_CONTRAST:
        keep = min(1.0, keep + 0.04)
    return blend(text, background, keep)
