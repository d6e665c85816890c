"""With no article open, the Library takes the window's free width (a new user saw its
Quotes, Doubtful and Role columns hidden behind a scroll bar beside ~800 empty pixels); an
article opening gives the dock back the width the reader chose, and closing it fills again.
Sizes are checked against the window's, once laid out (no timing)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt

from reader.gui.window.settings import Settings
from tests.gui.test_library import WAIT_MS, collect


def test_the_library_fills_the_window_while_no_article_is_open(
    make_window, qtbot, folder: Path, fake_indexing, tmp_path: Path
):
    settings = Settings(QSettings(str(tmp_path / "kept.ini"), QSettings.Format.IniFormat))
    settings.set_library_width(520)  # the reader's width, from an earlier session
    window = make_window(settings=settings)
    window.resize(1600, 800)
    qtbot.wait_until(lambda: window.width() == 1600)
    collect(qtbot, window, folder)
    dock, central = window.library.collections.dock, window.centralWidget()
    layout = window.library.collections.layout
    assert window.articles.article_tabs() == []
    qtbot.wait_until(lambda: dock.width() >= 0.95 * window.width(), timeout=WAIT_MS)
    assert layout.filling and not central.isVisible()
    table = window.library.collections.panel.articles
    qtbot.wait_until(lambda: not table.horizontalScrollBar().isVisible(), timeout=WAIT_MS)

    tabs = window.open_paths([folder / "monday.txt"])
    qtbot.wait_until(lambda: central.isVisible() and dock.width() == 520, timeout=WAIT_MS)
    assert not layout.filling and central.width() > window.width() / 2

    window.resizeDocks([dock], [600], Qt.Orientation.Horizontal)  # the reader widens it
    qtbot.wait_until(lambda: dock.width() == 600, timeout=WAIT_MS)
    window.articles.close_tab(window.articles.widget.indexOf(tabs[0]))
    qtbot.wait_until(lambda: dock.width() >= 0.95 * window.width(), timeout=WAIT_MS)
    layout.save()
    assert settings.library_width() == 600  # the reader's width kept, not the filled one

    dock.hide()  # the Library closed: the window's own page again, never an empty window
    assert central.isVisible() and not layout.filling


def test_a_tab_change_while_the_window_is_destroyed_is_ignored(
    make_window, qtbot, folder: Path, fake_indexing
):
    import shiboken6
    from PySide6.QtWidgets import QMainWindow

    window = make_window()
    collect(qtbot, window, folder)
    layout = window.library.collections.layout
    gone = QMainWindow()
    shiboken6.delete(gone)  # as at shutdown: the tabs' last signals come after the window
    layout._window, kept = gone, layout._window
    try:
        layout.fit_to_articles()  # raised RuntimeError: the window's C++ object was deleted
    finally:
        layout._window = kept
