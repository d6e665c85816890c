"""The direction of a paragraph from its first strong character (HTML's dir="auto")."""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import Qt

_STRONG = {"L": False, "R": True, "AL": True}


def is_right_to_left(text: str) -> bool:
    """True when the first strongly directional character is right-to-left (Hebrew, Arabic…);
    stops at that character, so a paragraph costs what it takes to reach it."""
    for char in text:
        strong = _STRONG.get(unicodedata.bidirectional(char))
        if strong is not None:
            return strong
    return False


def paragraph_direction(text: str) -> Qt.LayoutDirection:
    return (
        Qt.LayoutDirection.RightToLeft if is_right_to_left(text) else Qt.LayoutDirection.LeftToRight
    )
