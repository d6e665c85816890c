"""The window's menus by role: a command is put in a `Place` (File's open commands, Edit's
corrections, View's docks...), never looked up by a menu's visible label, so a menu can be
renamed or translated without losing items.

Every place is listed here in menu order, so the whole menu bar can be read in one screen; the
owners of the commands (the window, the reading controls, the library) each add their own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import Enum

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

Shortcut = QKeySequence | QKeySequence.StandardKey | str


class MenuRole(Enum):
    """The window's top-level menus, in menu-bar order; the value is the label they start with."""

    FILE = "&File"
    EDIT = "&Edit"
    FOLLOW = "F&ollow"
    VIEW = "&View"
    SETTINGS = "&Settings"
    HELP = "&Help"


class Place(Enum):
    """Where a command goes, in menu order: its menu and its section there (a separator parts
    two sections that both hold commands). Commands of one place keep the order they were added
    in."""

    OPEN = (MenuRole.FILE, 0)  # Open, Open Folder
    RECENT = (MenuRole.FILE, 0)  # Open Recent, Reopen Last Session
    EXPORT = (MenuRole.FILE, 1)  # as HTML, quotes as CSV
    CLOSE = (MenuRole.FILE, 2)  # Close Tab, Quit
    FIND = (MenuRole.EDIT, 0)
    CORRECTIONS = (MenuRole.EDIT, 1)  # Undo Correction, Clear Analysis Store
    MENTIONS = (MenuRole.FOLLOW, 0)
    THEME = (MenuRole.VIEW, 0)
    TEXT = (MenuRole.VIEW, 1)  # text size, text column
    PANELS = (MenuRole.VIEW, 2)  # the side panels of each tab
    DOCKS = (MenuRole.VIEW, 3)  # the Library
    PIPELINE = (MenuRole.SETTINGS, 0)
    HELP = (MenuRole.HELP, 0)

    def __new__(cls, role: MenuRole, section: int) -> Place:
        place = object.__new__(cls)
        place._value_ = len(cls.__members__)  # the order; places sharing a section stay distinct
        place.role = role
        place.section = section
        return place

    role: MenuRole
    section: int


class MenuRegistry:
    """The menu bar of one window, filled by place. Actions are also added to the window, so
    their shortcuts work while the menu bar is hidden."""

    def __init__(self, menu_bar: QMenuBar, window: QWidget) -> None:
        self._window = window
        self._menus = {role: menu_bar.addMenu(role.value) for role in MenuRole}
        self._placed: dict[MenuRole, list[tuple[Place, QAction]]] = {r: [] for r in MenuRole}
        self._separators: dict[tuple[MenuRole, int], QAction] = {}

    def menu(self, role: MenuRole) -> QMenu:
        """The top-level menu of this role, whatever its label says now."""
        return self._menus[role]

    def add_action(
        self,
        place: Place,
        text: str,
        slot: Callable[[], object],
        shortcuts: Sequence[Shortcut] = (),
    ) -> QAction:
        """A new command in `place` that calls `slot`."""
        action = QAction(text, self._window)
        keys = [QKeySequence(shortcut) for shortcut in shortcuts]
        action.setShortcuts(
            [key for key in keys if not key.isEmpty()]
        )  # none for Quit on some desktops
        action.triggered.connect(slot)
        return self.add(place, action)

    def add(self, place: Place, action: QAction) -> QAction:
        """Put an action made elsewhere (a dock's toggle) in `place`."""
        self._window.addAction(action)
        self._place(place, action)
        return action

    def add_menu(self, place: Place, title: str) -> QMenu:
        """A new submenu in `place`, for its owner to fill."""
        menu = QMenu(title, self._menus[place.role])
        self._place(place, menu.menuAction())
        return menu

    def _place(self, place: Place, action: QAction) -> None:
        self._placed[place.role].append((place, action))
        self._placed[place.role].sort(key=lambda placed: placed[0].value)  # stable: added order
        self._lay_out(place.role)

    def _lay_out(self, role: MenuRole) -> None:
        """Show the role's actions in place order, a separator between two sections."""
        menu = self._menus[role]
        for action in menu.actions():
            menu.removeAction(action)
        section = None
        for place, action in self._placed[role]:
            if section is not None and place.section != section:
                menu.addAction(self._separator(role, place.section))
            menu.addAction(action)
            section = place.section

    def _separator(self, role: MenuRole, section: int) -> QAction:
        if (role, section) not in self._separators:
            separator = QAction(self._menus[role])
            separator.setSeparator(True)
            self._separators[role, section] = separator
        return self._separators[role, section]
