"""The menu registry: a command lands in the menu of its role, in its place, whatever the menus
are called; and the window's menus read as they always have."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow

from reader.gui.window.menus import MenuRegistry, MenuRole, Place


def texts(menu) -> list[str]:
    """The menu's items as shown, '-' for a separator."""
    return ["-" if action.isSeparator() else action.text() for action in menu.actions()]


def registry(qtbot) -> tuple[QMainWindow, MenuRegistry]:
    window = QMainWindow()
    qtbot.addWidget(window)
    return window, MenuRegistry(window.menuBar(), window)


def test_a_command_lands_in_the_menu_of_its_role_whatever_its_label(qtbot):
    window, menus = registry(qtbot)
    for role in MenuRole:
        menus.menu(role).setTitle(f"Menu {role.name.lower()} (translated)")
    menus.add_action(Place.CORRECTIONS, "Undo", lambda: None, ["Ctrl+Z"])
    menus.add_action(Place.FIND, "Find", lambda: None)
    assert texts(menus.menu(MenuRole.EDIT)) == ["Find", "-", "Undo"]
    assert [a.menu().title() for a in window.menuBar().actions()][1] == "Menu edit (translated)"


def test_places_keep_menu_order_whoever_adds_first(qtbot):
    _window, menus = registry(qtbot)
    menus.add_action(Place.CLOSE, "Quit", lambda: None)
    menus.add_action(Place.OPEN, "Open", lambda: None)
    menus.add_menu(Place.RECENT, "Recent")
    menus.add_action(Place.EXPORT, "Export", lambda: None)
    menus.add_action(Place.OPEN, "Open Folder", lambda: None)
    assert texts(menus.menu(MenuRole.FILE)) == [
        "Open",
        "Open Folder",
        "Recent",
        "-",
        "Export",
        "-",
        "Quit",
    ]
    assert texts(menus.menu(MenuRole.VIEW)) == []  # no separator without items


def test_shortcuts_work_on_the_window_even_with_the_menu_bar_hidden(qtbot):
    window, menus = registry(qtbot)
    action = menus.add_action(Place.HELP, "Help", lambda: None, ["F1", ""])
    assert action in window.actions()
    assert [key.toString() for key in action.shortcuts()] == ["F1"]  # the empty one dropped


def test_the_windows_menus_read_as_before(window):
    menus = window.menus
    assert [a.text() for a in window.menuBar().actions()] == [r.value for r in MenuRole]
    assert texts(menus.menu(MenuRole.FILE)) == [
        "&Open…",
        "Open &Folder…",
        "Open &Recent",
        "Reopen &Last Session",
        "-",
        "&Export as HTML…",
        "Export &Quotes as CSV…",
        "Export Collection &Report…",
        "Export Collection Report with Article &Pages…",
        "-",
        "&Close Tab",
        "&Quit",
    ]
    assert texts(menus.menu(MenuRole.EDIT)) == [
        "&Find…",
        "-",
        "&Undo Correction",
        "&Confirm Speaker",
        "Change &Speaker…",
        "Alias &Rules…",
        "Clear Analysis &Store…",
    ]
    assert texts(menus.menu(MenuRole.FOLLOW)) == [
        "&Next Mention",
        "&Previous Mention",
        "&Clear Filter",
        "Next &Doubtful Quote",
        "Pre&vious Doubtful Quote",
    ]
    assert texts(menus.menu(MenuRole.VIEW)) == [
        "&Theme",
        "-",
        "&Larger Text",
        "&Smaller Text",
        "&Default Text Size",
        "Text &Column",
        "-",
        "Show Side &Panels",
        "-",
        "&Library",
    ]
    assert texts(menus.menu(MenuRole.SETTINGS)) == ["spaCy &Pipeline"]
    assert texts(menus.menu(MenuRole.HELP)) == ["&Keyboard Shortcuts"]


def test_translated_menus_lose_no_command_of_the_library_or_the_reading_controls(
    make_window, monkeypatch
):
    """The menus are renamed before the library and the reading controls add theirs."""
    made = MenuRegistry.__init__

    def translated(self, menu_bar, window) -> None:
        made(self, menu_bar, window)
        titles = ["&Datei", "&Bearbeiten", "&Folgen", "&Ansicht", "&Einstellungen", "&Hilfe"]
        for role, title in zip(MenuRole, titles, strict=True):
            self.menu(role).setTitle(title)

    monkeypatch.setattr(MenuRegistry, "__init__", translated)
    window = make_window()
    assert window.menuBar().actions()[0].text() == "&Datei"
    file_menu = texts(window.menus.menu(MenuRole.FILE))
    assert "Open &Folder…" in file_menu and "Reopen &Last Session" in file_menu
    assert "Export &Quotes as CSV…" in file_menu
    assert "&Undo Correction" in texts(window.menus.menu(MenuRole.EDIT))
    assert {"&Theme", "Show Side &Panels", "&Library"} <= set(
        texts(window.menus.menu(MenuRole.VIEW))
    )
    assert texts(window.menus.menu(MenuRole.HELP)) == ["&Keyboard Shortcuts"]
