"""Every keyboard shortcut of the window, read from its actions and shortcuts themselves, so the
list Help ▸ Keyboard Shortcuts shows cannot go stale."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QMenu, QWidget


def shortcut_rows(window: QWidget) -> list[tuple[str, str]]:
    """(keys, what they do) for every action and QShortcut under `window`, sorted by what they
    do ("Menu ▸ Item" for an action in a menu); keys in the platform's own notation."""
    rows: dict[str, str] = {}
    for action in window.findChildren(QAction):
        keys = ", ".join(
            s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()
        )
        if keys:
            rows.setdefault(_describe(action), keys)
    for shortcut in window.findChildren(QShortcut):
        keys = shortcut.key().toString(QKeySequence.SequenceFormat.NativeText)
        if keys:
            rows.setdefault(shortcut.whatsThis() or shortcut.objectName(), keys)
    return sorted(((keys, what) for what, keys in rows.items()), key=lambda row: row[1])


def _describe(action: QAction) -> str:
    """The action as "Menu ▸ Item" when it is in a menu, else its text."""
    text = action.text().replace("&", "").rstrip("…")
    menus = [m for m in action.associatedObjects() if isinstance(m, QMenu)]
    if menus and menus[0].title():
        return f"{menus[0].title().replace('&', '')} ▸ {text}"
    return text
