"""Reading preferences: theme, text size, text column, side panels, the last session, and the
keyboard shortcuts list; each kept across runs in the Settings."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QTableWidget

from reader.core.model import Kind
from reader.core.render.palette import STYLES
from reader.gui.theme import Theme, style_name
from reader.gui.window import dialogs
from reader.gui.window.settings import Settings
from reader.gui.window.shortcuts import shortcut_rows
from tests.gui.articles import SEED
from tests.gui.conftest import open_and_wait


def base_colour() -> str:
    return QApplication.instance().palette().color(QPalette.ColorRole.Base).name()


def test_theme_choice_switches_the_palette_and_the_highlights(window, qtbot, settings):
    tab = open_and_wait(qtbot, window)
    system = base_colour()
    try:
        tab.follow("person:sergei-lavrov")
        window.reading.theme_actions[Theme.DARK].trigger()
        assert base_colour() == "#1e1e1e"
        bar = tab.view.verticalScrollBar()
        assert bar.colour().name() == STYLES[Kind.PERSON].dark.underline
        assert style_name(QApplication.instance()) == "fusion"
        assert settings.theme() == Theme.DARK
        qtbot.wait_until(
            lambda: (
                tab.view.highlighter._formats.normal[Kind.PERSON].background().color().name()
                == STYLES[Kind.PERSON].dark.background
            )
        )
        window.reading.theme_actions[Theme.LIGHT].trigger()
        assert base_colour() == "#ffffff"
        assert settings.theme() == Theme.LIGHT
    finally:
        window.reading.theme_actions[Theme.SYSTEM].trigger()
    assert base_colour() == system
    assert settings.theme() == Theme.SYSTEM


def test_text_size_keys_scale_the_article_and_are_kept(window, qtbot, settings):
    tab = open_and_wait(qtbot, window)
    window.activateWindow()
    document = tab.view.document()
    size = document.defaultFont().pointSizeF()
    title_height = document.firstBlock().layout().boundingRect().height()
    qtbot.keyClick(tab.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(tab.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert document.defaultFont().pointSizeF() > size * 1.2
    assert settings.font_step() == 2
    qtbot.wait_until(lambda: document.firstBlock().layout().boundingRect().height() > 0)
    assert document.firstBlock().layout().boundingRect().height() > title_height  # headings too
    qtbot.keyClick(tab.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert settings.font_step() == 1
    qtbot.keyClick(tab.view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert document.defaultFont().pointSizeF() == size
    assert settings.font_step() == 0


def test_text_column_width_and_side_panels(window, qtbot, settings, tmp_path):
    tab = open_and_wait(qtbot, window)
    window.activateWindow()

    def margin() -> float:
        return tab.view.document().rootFrame().frameFormat().leftMargin()

    window.reading.column_actions[95].trigger()
    wide = margin()
    window.reading.column_actions[60].trigger()
    assert margin() > wide
    assert settings.column_chars() == 60
    window.reading.column_actions[None].trigger()
    assert margin() < wide and settings.column_chars() is None
    side = tab.splitter.widget(1)
    assert side.isVisible()
    qtbot.keyClick(tab.view, Qt.Key.Key_F9)
    assert not side.isVisible() and not settings.side_panels()
    article = tmp_path / "other.txt"
    article.write_text("Lavrov met Tillerson.\n", encoding="utf-8")
    other = open_and_wait(qtbot, window, article)
    assert not other.splitter.widget(1).isVisibleTo(other)  # new tabs follow
    qtbot.keyClick(window, Qt.Key.Key_F9)
    assert side.isVisibleTo(tab) and settings.side_panels()


def test_preferences_apply_to_the_next_window(make_window, qtbot, settings):
    settings.set_font_step(3)
    settings.set_column_chars(60)
    settings.set_side_panels(False)
    window = make_window()
    tab = open_and_wait(qtbot, window)
    assert tab.view.font_step == 3 and tab.view.column_chars == 60
    assert not tab.splitter.widget(1).isVisibleTo(tab)
    assert not window.reading.panels_action.isChecked()


def test_the_last_sessions_articles_are_remembered(make_window, qtbot, settings, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("Lavrov met Tillerson.\n", encoding="utf-8")
    window = make_window()
    open_and_wait(qtbot, window)
    open_and_wait(qtbot, window, other)
    window.shutdown()
    assert settings.session() == [SEED.resolve(), other.resolve()]
    other.unlink()
    again = make_window()
    assert again.reading.session_paths() == [SEED.resolve()]  # gone files are skipped
    again.reading.session_action.trigger()
    assert [tab.path.resolve() for tab in again.article_tabs()] == [SEED.resolve()]


def test_shortcuts_list_is_read_from_the_actions(window, qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(dialogs, "show_shortcuts", lambda _parent, rows: shown.append(rows))
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert shown
    rows = dict((what, keys) for keys, what in shown[0])
    assert rows["Follow ▸ Next Mention"] == "F3"
    assert rows["File ▸ Export as HTML"] == "Ctrl+E"
    assert rows["View ▸ Larger Text"].startswith("Ctrl+=")
    assert rows["View ▸ Show Side Panels"] == "F9"
    assert rows["Help ▸ Keyboard Shortcuts"] == "F1"
    every = {
        s.toString(QKeySequence.SequenceFormat.NativeText)
        for action in window.findChildren(QAction)
        for s in action.shortcuts()
    }
    listed = {key for keys in rows.values() for key in keys.split(", ")}
    assert every <= listed
    action = QAction("Read Aloud", window)
    action.setShortcut(QKeySequence("Ctrl+Shift+R"))
    window.addAction(action)
    assert ("Ctrl+Shift+R", "Read Aloud") in shortcut_rows(window)


def test_the_shortcuts_window_shows_every_row(window, qtbot):
    rows = shortcut_rows(window)
    seen = {}

    def inspect() -> None:
        dialog = QApplication.activeModalWidget()
        table = dialog.findChild(QTableWidget)
        seen["rows"] = [
            (table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())
        ]
        dialog.reject()

    QTimer.singleShot(0, inspect)
    dialogs.show_shortcuts(window, rows)
    assert seen["rows"] == rows


def test_unreadable_preferences_fall_back_to_the_defaults(tmp_path):
    store = QSettings(str(tmp_path / "odd.ini"), QSettings.Format.IniFormat)
    store.setValue("view/theme", "sepia")
    store.setValue("view/font_step", "big")
    store.setValue("view/column_chars", "wide")
    settings = Settings(store)
    assert settings.theme() == Theme.SYSTEM
    assert settings.font_step() == 0
    assert settings.column_chars() == 95
