"""The small things of issue 25 that cost a reader's trust, each checked as the reader meets it:
the Library's width and columns, its counters, titles and dates, dialogs that preselect the
current value and open in the last folder, menus that say what they do, a right-click that
only opens the menu, the summary back after following, quotes shown without a trailing comma."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import ClassVar

from PySide6.QtCore import QByteArray, QPoint, QSettings, QStandardPaths, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu

from reader.core.service.batch import BatchResult
from reader.core.store.collections import SavedCollections
from reader.core.text.loaders import load_article
from reader.gui.library import indexer
from reader.gui.library.corrections import NO_SPEAKER, CorrectionMenus
from reader.gui.library.match_cells import fit_match
from reader.gui.library.tables import MAX_COLUMN_PX
from reader.gui.window.settings import Settings
from tests.gui.conftest import fake_analyze, open_and_wait
from tests.gui.test_library import WAIT_MS, collect, rows, wait_model


def kept_settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "kept.ini"), QSettings.Format.IniFormat))


def test_the_library_opens_wide_enough_and_keeps_the_width_given_it(
    make_window, qtbot, folder, fake_indexing, tmp_path
):
    settings = kept_settings(tmp_path)
    first = make_window(settings=settings)
    first.resize(1600, 800)  # the offscreen screen is 800 pixels wide: say the window's size
    qtbot.wait_until(lambda: first.width() == 1600)
    collect(qtbot, first, folder)
    open_and_wait(qtbot, first, folder / "monday.txt")  # none open: the Library fills the window
    dock = first.library.collections.dock
    # the dock is sized once the window has laid it out (a turn of the event loop after it shows)
    qtbot.wait_until(lambda: dock.width() >= 480, timeout=WAIT_MS)  # was about 275, columns cut
    first.resizeDocks([dock], [610], Qt.Orientation.Horizontal)
    qtbot.wait_until(lambda: dock.width() == 610)
    first.shutdown()
    settings.set_geometry(QByteArray())
    second = make_window(settings=settings)
    second.resize(1600, 800)  # as wide as the first
    qtbot.wait_until(lambda: second.library.collections.dock.isVisible(), timeout=WAIT_MS)
    open_and_wait(qtbot, second, folder / "monday.txt")
    qtbot.wait_until(lambda: second.library.collections.dock.width() == 610)


def test_columns_fit_their_content_and_keep_the_widths_given_them(
    make_window, qtbot, folder, fake_indexing, tmp_path
):
    settings = kept_settings(tmp_path)
    first = make_window(settings=settings)
    collect(qtbot, first, folder)
    table = first.library.collections.panel.articles
    metrics = QFontMetrics(table.font())
    longest = max(metrics.horizontalAdvance(a.title) for a in rows(table))
    assert table.columnWidth(0) >= min(longest, MAX_COLUMN_PX)  # titles whole
    table.horizontalHeader().resizeSection(1, 131)
    first.shutdown()
    second = make_window(settings=settings)
    qtbot.wait_until(lambda: second.library.collections.collection is not None, timeout=WAIT_MS)
    assert second.library.collections.panel.articles.columnWidth(1) == 131


def test_the_search_match_column_shows_the_match(window, qtbot, folder, fake_indexing):
    collect(qtbot, window, folder)
    panel = window.library.collections.panel
    panel.search_box.setText("talks")
    panel.run_search()
    font = panel.hits.font()
    bold = QFont(font)
    bold.setBold(True)
    width = panel.hits.columnWidth(0)
    for hit in rows(panel.hits):  # the match whole, in bold, however the snippet is cut
        line = fit_match(hit.snippet, hit.marked, width, QFontMetrics(font), QFontMetrics(bold))
        assert line.match == hit.snippet[slice(*hit.marked)]


def test_the_analysed_counter_moves_with_each_article(window, qtbot, folder, monkeypatch):
    release = threading.Event()

    def one_by_one(paths, model=None, jobs=1, store=None, scheduler=None, warn=None, **_how):
        for number, path in enumerate(paths):
            if number == 1:
                release.wait(timeout=10)  # the first article is done, the rest wait
            analysis = fake_analyze(load_article(path), None)
            store.save_analysis(analysis)
            yield BatchResult(path, analysis=analysis)

    monkeypatch.setattr(indexer, "analyze_files", one_by_one)
    wait_model(qtbot, window)
    library = window.library.collections
    with qtbot.wait_signal(library.indexer.progress, timeout=WAIT_MS):
        library.collect_folder(folder)
    # read again on the articles' lane at once, no periodic refresh (waited for, not timed)
    qtbot.wait_until(lambda: "1 analysed" in library.panel.heading.text(), timeout=WAIT_MS)
    with qtbot.wait_signal(library.indexer.finished, timeout=WAIT_MS):
        release.set()
    qtbot.wait_until(lambda: "3 analysed" in library.panel.heading.text(), timeout=WAIT_MS)


def test_sorting_and_filters_are_kept_per_collection(
    make_window, qtbot, folder, fake_indexing, tmp_path
):
    settings = kept_settings(tmp_path)
    window = make_window(settings=settings)
    collect(qtbot, window, folder)
    library = window.library.collections
    table = library.panel.articles
    table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    table.filter_box.setText("e")
    week = library.current.id
    other = tmp_path / "other"
    other.mkdir()
    (other / "a.txt").write_text("Another story\n\nRussia.\n", encoding="utf-8")
    collect(qtbot, window, other)
    assert table.filter_box.text() == ""  # the other collection has its own
    with qtbot.wait_signal(library.article_work.listed, timeout=WAIT_MS):
        library.show(week)
    assert table.filter_box.text() == "e"
    assert [a.title for a in rows(table)] == ["Lavrov in Geneva", "Congress hearing"]
    window.shutdown()
    again = make_window(settings=settings)
    qtbot.wait_until(lambda: again.library.collections.collection is not None, timeout=WAIT_MS)
    assert again.library.collections.panel.articles.filter_box.text() == "e"
    assert SavedCollections(again.stored.store).get(week).name == "week"


def test_the_csv_dialog_opens_in_the_documents_folder_then_the_last_used(
    window, qtbot, tmp_path, monkeypatch
):
    wait_model(qtbot, window)
    open_and_wait(qtbot, window)
    asked: list[str] = []
    target = tmp_path / "out" / "quotes.csv"
    target.parent.mkdir()

    def save_name(_parent, _title, proposed, _filter):
        asked.append(proposed)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    window.library.export_quotes_action.trigger()
    window.library.export_quotes_action.trigger()
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert Path(asked[0]).parent == Path(documents)
    assert Path(asked[1]).parent == target.parent


def test_change_speaker_preselects_the_current_speaker(window, qtbot, monkeypatch):
    wait_model(qtbot, window)
    tab = open_and_wait(qtbot, window)
    quote = next(q for q in tab.analysis.quotes if q.speaker is not None)
    offered: list[tuple[list[str], int]] = []

    def get_item(_parent, _title, _label, items, current, _editable):
        offered.append((items, current))
        return items[current], True  # OK at once

    monkeypatch.setattr(QInputDialog, "getItem", get_item)
    tab.findChildren(CorrectionMenus)[0].change_speaker(quote)
    items, current = offered[0]
    assert items[current] != NO_SPEAKER and items[current].startswith(quote.speaker.name)
    kept = next(q for q in tab.analysis.quotes if q.start == quote.start)
    assert kept.speaker is not None and kept.speaker.key == quote.speaker.key


class RecordedMenu(QMenu):
    """A context menu that records its commands instead of waiting for a choice."""

    shown: ClassVar[list[list[str]]] = []

    def exec(self, *_args) -> None:
        RecordedMenu.shown.append([a.text() for a in self.actions()])


def test_the_split_command_says_what_it_does(window, qtbot, monkeypatch):
    wait_model(qtbot, window)
    tab = open_and_wait(qtbot, window)
    mention = next(m for m in tab.analysis.mentions if m.text == "Tillerson")
    monkeypatch.setattr(tab.view, "mention_at", lambda _point: mention)
    monkeypatch.setattr(tab.view, "createStandardContextMenu", lambda _p: RecordedMenu(tab))
    tab.findChildren(CorrectionMenus)[0]._text_menu(QPoint(1, 1))
    assert "Split This Mention Off “Rex Tillerson”…" in RecordedMenu.shown[-1]


def test_a_right_click_on_an_entity_opens_its_menu_without_following_it(window, qtbot, monkeypatch):
    wait_model(qtbot, window)
    tab = open_and_wait(qtbot, window)
    monkeypatch.setattr(QMenu, "exec", lambda *_a: None)
    entities = tab.entities.list
    center = entities.visualRect(tab.entities.proxy.index(0, 0)).center()
    qtbot.mouseClick(entities.viewport(), Qt.MouseButton.RightButton, pos=center)
    assert tab.followed is None
    qtbot.mouseClick(entities.viewport(), Qt.MouseButton.LeftButton, pos=center)
    assert tab.followed is not None


def test_the_status_summary_comes_back_after_following(window, qtbot):
    wait_model(qtbot, window)
    tab = open_and_wait(qtbot, window)
    window.statusBar().clearMessage()
    tab.follow("person:rex-tillerson")
    tab.clear_filter()
    summary = window.statusBar().currentMessage()
    assert summary.startswith(f"{tab.title}: ") and "people, countries and organizations" in summary


def test_quotes_are_shown_without_their_trailing_comma(window, qtbot, folder, fake_indexing):
    collect(qtbot, window, folder)
    panel = window.library.collections.panel
    panel.follow("person:rex-tillerson")
    assert panel.quotes.model().index(0, 0).data() == "“We will meet again”"
    assert rows(panel.quotes)[0].quote.text == "We will meet again,"  # the data keeps it
    tab = open_and_wait(qtbot, window, folder / "monday.txt")
    assert tab.quotes.proxy.index(0, 0).data() == "“We will meet again”"


def test_the_open_dialog_starts_in_the_documents_folder_without_an_article(window, monkeypatch):
    asked: list[str] = []
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileNames",
        lambda _p, _t, folder, _f: (asked.append(folder), ([], ""))[1],
    )
    window.open_dialog()
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert asked == [documents]
