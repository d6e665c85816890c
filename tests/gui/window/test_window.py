"""The reader window through its real widgets, with a fast fake analysis on the worker thread."""

from __future__ import annotations

import gc
import re
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QPointF, QSettings, Qt, QTimer, QUrl
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QHelpEvent,
    QPalette,
    QTextLayout,
)
from PySide6.QtWidgets import QApplication, QToolTip

import reader.gui.app as app_module
from reader.core.model import Analysis, Kind, Mention
from reader.core.render.palette import STYLES
from reader.gui.article.article_view import MentionFormats, is_dark
from reader.gui.article.models import KEY_ROLE
from reader.gui.main_window import MainWindow
from reader.gui.window import dialogs
from reader.gui.window.settings import Settings
from reader.gui.work.worker import PipelineRunner
from tests.gui.articles import SEED
from tests.gui.conftest import Gate, fake_analyze, fake_pipeline, open_and_wait


def formats_over(view, start: int, end: int) -> list[QTextLayout.FormatRange]:
    """The highlighter's format ranges covering exactly the document range start-end."""
    block = view.document().findBlock(start)
    local = start - block.position()
    return [r for r in block.layout().formats() if r.start == local and r.length == end - start]


def formats_at(tab, mention: Mention) -> list[QTextLayout.FormatRange]:
    """The highlighter's format ranges covering exactly the mention's document range."""
    return formats_over(tab.view, *tab.view.offsets.range_to_document(mention.start, mention.end))


def wait_for_highlights(qtbot, tab) -> None:
    """Until the highlighter has redrawn every block a change touched."""
    if tab.view.highlighter.busy:
        with qtbot.wait_signal(tab.view.highlighter.applied, timeout=5000):
            pass


def background_of(tab, kind: Kind) -> str:
    style = STYLES[kind]
    return (style.dark if is_dark(tab.view.palette()) else style.light).background


def click_entity(qtbot, tab, key: str) -> None:
    """Click the entity's row in the panel, as a reader would."""
    proxy, model = tab.entities.proxy, tab.entities.model
    index = proxy.mapFromSource(model.index(model.row_of(key), 0))
    tab.entities.list.scrollTo(index)
    center = tab.entities.list.visualRect(index).center()
    qtbot.mouseClick(tab.entities.list.viewport(), Qt.MouseButton.LeftButton, pos=center)


def test_window_shows_before_the_pipeline_loads(make_window, qtbot):
    gate = Gate()
    window = make_window(pipeline=lambda name: (gate.event.wait(10), fake_pipeline(name))[1])
    assert window.isVisible()
    assert window.busy_label.text() == "Loading the spaCy pipeline…"
    gate.event.set()
    qtbot.wait_until(lambda: window.model_label.text() == "spaCy: fake 1.0")


def test_open_by_dialog(window, qtbot, monkeypatch):
    monkeypatch.setattr(dialogs, "ask_open_paths", lambda _parent, _dir: [SEED])
    window.open_action.trigger()
    assert window.tabs.count() == 1
    tab = window.current_tab()
    with qtbot.wait_signal(tab.analysis_shown, timeout=10_000):
        pass
    assert tab.article.path == SEED
    assert tab.view.toPlainText().startswith("The top US diplomat")
    assert window.settings.recent_files()[0] == SEED.resolve()


def test_open_by_drop(window, qtbot):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(SEED))])
    point = QPointF(window.rect().center())
    actions = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(
        point.toPoint(), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        point, actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(window, drop)
    assert window.tabs.count() == 1
    qtbot.wait_until(lambda: not window.current_tab().loading)
    assert window.current_tab().article.path == SEED


def test_open_by_argument(qapp, qtbot, monkeypatch, settings, errors, tmp_path):
    article = tmp_path / "short.txt"
    article.write_text("Tillerson met Lavrov in Moscow.\n", encoding="utf-8")
    monkeypatch.setattr(app_module, "Settings", lambda: settings)
    monkeypatch.setattr(
        app_module,
        "PipelineRunner",
        lambda: PipelineRunner(fake_pipeline, fake_analyze, lambda _nlp: []),
    )
    seen: dict[str, object] = {}

    def check() -> None:
        windows = [w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        tab = windows[0].current_tab() if windows else None
        if tab is not None and tab.analysis is not None:
            seen["path"], seen["entities"] = tab.article.path, len(tab.analysis.entities)
            windows[0].close()  # the last window: the application quits
        else:
            QTimer.singleShot(20, check)

    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(qapp.quit)
    guard.start(15_000)
    QTimer.singleShot(0, check)
    assert app_module.run_app([str(article)]) == 0
    guard.stop()
    assert seen == {"path": article, "entities": 3}


def test_highlights_at_the_entity_offsets(window, qtbot):
    tab = open_and_wait(qtbot, window)
    mentions = tab.analysis.mentions
    assert len(mentions) > 10
    for mention in mentions:
        ranges = formats_at(tab, mention)
        assert ranges, mention
        assert ranges[-1].format.background().color().name() == background_of(tab, mention.kind)
    assert (
        tab.legend.buttons[Kind.PERSON]
        .text()
        .endswith(str(sum(e.kind == Kind.PERSON for e in tab.analysis.entities)))
    )


def test_offsets_survive_emoji_and_astral_characters(window, qtbot, tmp_path):
    article = tmp_path / "emoji.txt"
    article.write_text(
        "🇺🇸 Summit 😀 notes\n\n"
        "😀😀 Tillerson met 🎉 Lavrov in Moscow. 𝕏 Russia said “fine” Tillerson\n",
        encoding="utf-8",
    )
    tab = open_and_wait(qtbot, window, article)
    for mention in tab.analysis.mentions:
        assert formats_at(tab, mention), mention
        tab.view.select_range(mention.start, mention.end)
        assert tab.view.textCursor().selectedText() == mention.text
    lavrov = next(m for m in tab.analysis.mentions if m.text == "Lavrov")
    rect = tab.view.mention_rect(lavrov)
    assert tab.view.mention_at(rect.center()) == lavrov


def test_following_an_entity_filters_quotes_and_f3_moves_between_mentions(window, qtbot):
    tab = open_and_wait(qtbot, window)
    key = "person:sergei-lavrov"
    entity = next(e for e in tab.analysis.entities if e.key == key)
    all_quotes = tab.quotes.proxy.rowCount()
    click_entity(qtbot, tab, key)
    assert tab.followed == entity
    expected = tab.analysis.quotes_involving(key)
    assert 0 < tab.quotes.proxy.rowCount() == len(expected) < all_quotes
    offsets = tab.view.offsets

    def cursor_at(mention: Mention) -> bool:
        cursor = tab.view.textCursor()
        expected = offsets.range_to_document(mention.start, mention.end)
        return (cursor.selectionStart(), cursor.selectionEnd()) == expected

    assert cursor_at(entity.mentions[0])
    assert tab.follow_bar.position.text() == f"1 / {entity.count}"
    window.activateWindow()
    qtbot.keyClick(tab.entities.list, Qt.Key.Key_F3)
    assert cursor_at(entity.mentions[1])
    assert tab.follow_bar.position.text() == f"2 / {entity.count}"
    qtbot.keyClick(tab.entities.list, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert cursor_at(entity.mentions[0])
    qtbot.mouseClick(tab.follow_bar.previous, Qt.MouseButton.LeftButton)
    assert cursor_at(entity.mentions[-1])
    wait_for_highlights(qtbot, tab)
    other = next(m for m in tab.analysis.mentions if m.key != key)
    assert formats_at(tab, other)[-1].format.background().color().name() != background_of(
        tab, other.kind
    )  # dimmed, still there


def test_clicking_a_mention_follows_its_entity(window, qtbot):
    tab = open_and_wait(qtbot, window)
    congress = next(m for m in tab.analysis.mentions if m.key == "org:congress")
    tab.view.select_range(congress.start, congress.start)
    point = tab.view.mention_rect(congress).center()
    qtbot.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert tab.followed is not None and tab.followed.key == "org:congress"
    assert tab.entities.list.currentIndex().data(KEY_ROLE) == "org:congress"


def test_escape_clears_the_filter(window, qtbot):
    tab = open_and_wait(qtbot, window)
    all_quotes = tab.quotes.proxy.rowCount()
    click_entity(qtbot, tab, "country:russia")
    assert tab.follow_bar.isVisible()
    qtbot.keyClick(tab.view, Qt.Key.Key_Escape)
    assert tab.followed is None
    assert not tab.follow_bar.isVisible()
    assert tab.quotes.proxy.rowCount() == all_quotes
    assert not tab.entities.list.selectionModel().hasSelection()
    wait_for_highlights(qtbot, tab)
    mention = tab.analysis.mentions[0]
    assert formats_at(tab, mention)[-1].format.background().color().name() == background_of(
        tab, mention.kind
    )


def test_quote_click_scrolls_to_and_marks_the_quote(window, qtbot):
    tab = open_and_wait(qtbot, window)
    last = tab.quotes.proxy.index(tab.quotes.proxy.rowCount() - 1, 0)
    quote = tab.analysis.quotes[-1]
    tab.quotes.list.scrollTo(last)
    qtbot.mouseClick(
        tab.quotes.list.viewport(),
        Qt.MouseButton.LeftButton,
        pos=tab.quotes.list.visualRect(last).center(),
    )
    assert tab.view.textCursor().position() == tab.view.offsets.to_document(quote.start)
    assert tab.view.verticalScrollBar().value() > 0
    start = tab.view.offsets.to_document(quote.fragments[0][0])
    block = tab.view.document().findBlock(start)
    wait_for_highlights(qtbot, tab)
    marked = [r for r in block.layout().formats() if r.start == start - block.position()]
    assert (
        marked and marked[0].format.background() == tab.view.highlighter._formats.quote.background()
    )
    qtbot.keyClick(tab.view, Qt.Key.Key_Escape)
    with qtbot.wait_signal(tab.view.highlighter.applied, timeout=5000):
        pass
    assert not [r for r in block.layout().formats() if r.start == start - block.position()]
    assert quote.text in last.data(Qt.ItemDataRole.ToolTipRole)


def test_quotes_filter_by_speaker(window, qtbot):
    tab = open_and_wait(qtbot, window)
    total = tab.quotes.proxy.rowCount()
    combo = tab.quotes.speaker
    combo.setCurrentIndex(combo.findData("person:rex-tillerson"))  # entries by key
    said = [q for q in tab.analysis.quotes if q.speaker and q.speaker.name == "Rex Tillerson"]
    assert 0 < tab.quotes.proxy.rowCount() == len(said) < total
    combo.setCurrentIndex(0)
    assert tab.quotes.proxy.rowCount() == total


def test_entity_search_box(window, qtbot):
    tab = open_and_wait(qtbot, window)
    qtbot.keyClicks(tab.entities.search, "lav")
    assert tab.entities.proxy.rowCount() == 1
    assert tab.entities.proxy.index(0, 0).data() == "Sergei Lavrov"


def test_legend_toggle_hides_one_kind(window, qtbot):
    tab = open_and_wait(qtbot, window)
    person = next(m for m in tab.analysis.mentions if m.kind == Kind.PERSON)
    country = next(m for m in tab.analysis.mentions if m.kind == Kind.COUNTRY)
    with qtbot.wait_signal(tab.view.highlighter.applied, timeout=5000):
        qtbot.mouseClick(tab.legend.buttons[Kind.PERSON], Qt.MouseButton.LeftButton)
    assert not formats_at(tab, person)
    assert formats_at(tab, country)


def test_find_highlights_all_and_enter_goes_to_the_next(window, qtbot):
    tab = open_and_wait(qtbot, window)
    qtbot.keyClick(tab.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert tab.find_bar.isVisible()
    qtbot.keyClicks(tab.find_bar.edit, "serious")
    text = tab.view.toPlainText()  # one character per document position: no astral characters
    matches = [(m.start(), m.end()) for m in re.finditer("serious", text, re.IGNORECASE)]
    assert len(matches) >= 3
    assert tab.find_bar.count.text() == f"1 of {len(matches)}"
    wait_for_highlights(qtbot, tab)
    found = MentionFormats(tab.view.palette()).found.background()
    for start, end in matches:
        assert any(r.format.background() == found for r in formats_over(tab.view, start, end))
    qtbot.keyClick(tab.find_bar.edit, Qt.Key.Key_Return)
    assert tab.view.textCursor().selectionStart() == matches[1][0]
    qtbot.keyClick(tab.find_bar.edit, Qt.Key.Key_Escape)
    assert not tab.find_bar.isVisible()


def test_export_writes_the_file(window, qtbot, monkeypatch, tmp_path):
    tab = open_and_wait(qtbot, window)
    out = tmp_path / "article.html"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda _parent, suggested: out)
    qtbot.keyClick(tab.view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    page = out.read_text(encoding="utf-8")
    for entity in tab.analysis.entities:  # the highlighted page, not just the text
        assert f'data-key="{entity.key}"' in page, entity.key
    assert str(out) in window.statusBar().currentMessage()


def test_binary_file_shows_one_error_and_keeps_the_other_tabs(window, qtbot, errors, tmp_path):
    tab = open_and_wait(qtbot, window)
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    empty = tmp_path / "empty.txt"
    empty.touch()
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    window.open_paths([binary, tmp_path / "missing.txt", empty, folder])
    qtbot.wait_until(lambda: len(errors) == 1)
    qtbot.wait(20)  # no second dialog comes
    assert len(errors) == 1
    for name in ("photo.txt", "missing.txt", "empty.txt", "folder.txt"):
        assert name in errors[0][1], name
    assert window.tabs.count() == 1 and window.current_tab() is tab
    assert tab.analysis is not None and window.isVisible()


def test_a_closed_tab_drops_its_late_result(make_window, qtbot):
    gate = Gate()
    window = make_window(analyze=gate.analyze)
    tab = window.open_paths([SEED])[0]
    qtbot.wait_until(gate.started.is_set)  # the worker is busy with it
    tab_request = tab.request_id
    window.close_tab(window.tabs.indexOf(tab))
    assert window.tabs.count() == 0
    # Wait on the service's signal (GUI thread): waiting on a signal emitted by the worker
    # thread itself races with pytest-qt's event loop.
    with (
        qtbot.assert_not_emitted(window.service.analysis_ready),
        qtbot.wait_signal(window.service.result_dropped, timeout=10_000) as dropped,
    ):
        gate.event.set()
    assert dropped.args == [tab_request]
    assert window.tabs.count() == 0


def test_opening_another_article_while_one_is_analysed(make_window, qtbot, tmp_path):
    gate = Gate()
    window = make_window(analyze=gate.analyze)
    second = tmp_path / "second.txt"
    second.write_text("Lavrov spoke in Moscow.\n", encoding="utf-8")
    qtbot.wait_until(lambda: window.model_label.text() == "spaCy: fake 1.0")
    first_tab = window.open_paths([SEED])[0]
    second_tab = window.open_paths([second])[0]
    qtbot.wait_until(lambda: not second_tab.loading)
    assert second_tab.view.toPlainText() == "Lavrov spoke in Moscow."  # readable at once
    qtbot.wait_until(lambda: "being analysed first" in second_tab.analysis_bar.message.text())
    assert window.busy_label.text() == "Analysing 2 articles…"
    assert window.progress.isVisible()
    with qtbot.wait_signals([first_tab.analysis_shown, second_tab.analysis_shown], timeout=10_000):
        gate.event.set()
    assert {e.name for e in second_tab.analysis.entities} == {"Sergei Lavrov", "Russia"}
    assert window.busy_label.text() == ""
    assert not window.progress.isVisible()


def test_missing_pipeline_gives_one_dialog_and_readable_text(make_window, qtbot, errors, tmp_path):
    def no_pipeline(name):
        raise RuntimeError("No English spaCy pipeline is installed.")

    window = make_window(pipeline=no_pipeline)
    qtbot.wait_until(lambda: len(errors) == 1)
    tabs = window.open_paths([SEED])
    qtbot.wait_until(lambda: not tabs[0].loading)
    qtbot.wait_until(lambda: window.service.is_pending(tabs[0].request_id or 0) is False)
    qtbot.wait_until(lambda: "no spaCy pipeline" in tabs[0].legend.status.text())
    assert len(errors) == 1 and errors[0][0] == "No spaCy pipeline"
    assert "The top US diplomat" in tabs[0].view.toPlainText()


def test_recent_files_menu_reopens(window, qtbot):
    tab = open_and_wait(qtbot, window)
    window.close_tab(window.tabs.indexOf(tab))
    window.recent_menu.aboutToShow.emit()
    action = window.recent_menu.actions()[0]
    assert action.toolTip() == str(SEED.resolve())
    action.trigger()
    assert window.tabs.count() == 1


def test_preferences_opened_without_a_file_stay_in_the_temporary_folder(settings_folder):
    assert Path(QSettings().fileName()).is_relative_to(settings_folder)


def test_recent_files_geometry_and_pipeline_are_kept_across_runs(make_window, qtbot, tmp_path):
    def preferences() -> Settings:  # what each start of the app reads: the same file, anew
        return Settings(QSettings(str(tmp_path / "kept.ini"), QSettings.Format.IniFormat))

    first = make_window(settings=preferences())
    open_and_wait(qtbot, first)
    first.resize(760, 520)  # within the offscreen screen's 800 x 600
    qtbot.wait_until(lambda: len(first.model_group.actions()) == 2)
    first.model_group.actions()[1].trigger()  # "fake_model"
    first.close()

    second = make_window(settings=preferences())
    assert (second.width(), second.height()) == (760, 520)
    second.recent_menu.aboutToShow.emit()
    assert second.recent_menu.actions()[0].toolTip() == str(SEED.resolve())
    qtbot.wait_until(lambda: second.model_label.text() == "spaCy: fake_model 1.0")
    assert second.model_group.checkedAction().text() == "fake_model"


def test_closing_a_tab_frees_its_analysis(window, qtbot):
    tab = open_and_wait(qtbot, window)
    analysis_id = id(tab.analysis)
    destroyed: list[bool] = []
    tab.destroyed.connect(lambda: destroyed.append(True))
    window.close_tab(window.tabs.indexOf(tab))
    qtbot.wait_until(lambda: bool(destroyed))
    del tab
    gc.collect()
    assert not [o for o in gc.get_objects() if id(o) == analysis_id and isinstance(o, Analysis)]


def test_model_choice_is_saved_and_reanalyses(window, qtbot):
    tab = open_and_wait(qtbot, window)
    qtbot.wait_until(lambda: len(window.model_group.actions()) == 2)
    with qtbot.wait_signal(tab.analysis_shown, timeout=10_000):
        window.model_group.actions()[1].trigger()
    assert window.settings.model() == "fake_model"
    assert window.model_label.text() == "spaCy: fake_model 1.0"


def test_hovering_a_mention_shows_its_kind_and_full_name(window, qtbot):
    tab = open_and_wait(qtbot, window)
    short = next(m for m in tab.analysis.mentions if m.text == "Tillerson")
    point = tab.view.mention_rect(short).center()
    event = QHelpEvent(QEvent.Type.ToolTip, point, tab.view.viewport().mapToGlobal(point))
    QApplication.sendEvent(tab.view.viewport(), event)
    assert QToolTip.text().splitlines()[0] == "Rex Tillerson"
    assert "Person" in QToolTip.text()


def test_dark_palette_uses_the_dark_scheme():
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    formats = MentionFormats(palette)
    for kind, style in STYLES.items():
        assert formats.normal[kind].background().color().name() == style.dark.background
        assert formats.normal[kind].foreground().color().name() == style.dark.foreground


def test_window_without_articles_says_how_to_open_one(window, qtbot):
    assert window.pages.currentWidget() is window.empty
    tab = open_and_wait(qtbot, window)
    assert window.pages.currentWidget() is window.tabs
    window.close_tab(window.tabs.indexOf(tab))
    assert window.pages.currentWidget() is window.empty


def test_enter_in_the_entity_search_follows_the_first_match(window, qtbot):
    tab = open_and_wait(qtbot, window)
    qtbot.keyClicks(tab.entities.search, "congr")
    qtbot.keyClick(tab.entities.search, Qt.Key.Key_Return)
    assert tab.followed is not None and tab.followed.key == "org:congress"
    assert tab.entities.list.hasFocus()


def test_closing_while_the_pipeline_loads_stops_at_once(make_window, qtbot, errors):
    gate = Gate()

    class SlowPipeline:
        closed = False

        def wait_ready(self) -> None:
            gate.started.set()
            gate.event.wait(timeout=10)
            if self.closed:
                raise RuntimeError("stopped")

        def close(self) -> None:
            self.closed = True
            gate.event.set()

    window = make_window(pipeline=lambda _name: SlowPipeline())
    qtbot.wait_until(gate.started.is_set)
    window.close()
    assert not window.service.is_running()
    qtbot.wait(20)  # deliver anything the worker still queued: it must not show a dialog
    assert not errors


def test_tab_key_reaches_every_control_of_the_reader(window, qtbot):
    tab = open_and_wait(qtbot, window)
    window.activateWindow()
    tab.view.setFocus()
    reached = set()
    for _ in range(20):
        widget = QApplication.focusWidget()
        reached.add(widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    wanted = {
        tab.view,
        tab.entities.search,
        tab.entities.list,
        tab.quotes.speaker,
        tab.quotes.list,
        *tab.legend.buttons.values(),
    }
    assert wanted <= reached
