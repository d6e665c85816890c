"""What the window says after a reader's act, as a new user's trial of the Library met it: a
change of speaker confirms the correction with the way to take it back, as the other
corrections do (was: "No doubtful quotes left in this article"); an empty collection says how
to fill it (was: a blank table); a collection removed is said (was: nothing)."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QLabel, QMessageBox

from reader.core.model import Kind
from reader.gui.library import commands
from reader.gui.library.empty_hint import EMPTY_COLLECTION, HINT_NAME
from tests.gui.conftest import open_and_wait
from tests.gui.test_library import WAIT_MS, collect, wait_model


def test_change_speaker_confirms_the_correction_with_its_undo(window, qtbot, monkeypatch):
    wait_model(qtbot, window)
    tab = open_and_wait(qtbot, window)
    quote = next(q for q in tab.analysis.quotes if q.speaker is not None)
    speakers = [e for e in tab.analysis.entities if e.kind in (Kind.PERSON, Kind.ORG)]
    other = next(e for e in speakers if e.key != quote.speaker.key)
    monkeypatch.setattr(
        QInputDialog,
        "getItem",
        lambda _p, _t, _l, items, _c, _e: (
            next(i for i in items if i.startswith(other.name)),
            True,
        ),
    )
    tab.view.mark_quote(quote)
    with qtbot.wait_signal(tab.analysis_shown, timeout=WAIT_MS):
        window.library.corrections.fix_current()  # Edit ▸ Change Speaker… (F2), marked quote
    changed = next(q for q in tab.analysis.quotes if q.start == quote.start)
    assert changed.speaker is not None and changed.speaker.key == other.key
    said = window.statusBar().currentMessage()
    assert said == f"Speaker changed to “{other.name}” (Edit ▸ Undo Correction takes it back)"


def test_an_empty_collection_says_how_to_add_articles(
    window, qtbot, folder, fake_indexing, monkeypatch
):
    wait_model(qtbot, window)
    panel = window.library.collections.panel
    hint = panel.findChild(QLabel, HINT_NAME)
    assert hint is not None and hint.text() == EMPTY_COLLECTION
    assert not hint.isVisible()  # no collection shown
    monkeypatch.setattr(commands, "ask_text", lambda *_args: "Scratch")
    with qtbot.wait_signal(window.library.collections.article_work.listed, timeout=WAIT_MS):
        window.library.commands.new_collection()
    qtbot.wait_until(hint.isVisible, timeout=WAIT_MS)  # was: a blank table
    assert "Add ▸ Add Files…" in hint.text()
    monkeypatch.setattr(commands.dialogs, "ask_folder", lambda *_args: folder)
    with qtbot.wait_signal(window.library.collections.indexer.finished, timeout=WAIT_MS):
        window.library.commands.add_folder()
    qtbot.wait_until(lambda: panel.articles.records.rowCount() == 3, timeout=WAIT_MS)
    assert not hint.isVisible()
    panel.articles.filter_box.setText("no such title")  # filtered to nothing: not "no articles"
    assert not hint.isVisible()


def test_removing_a_collection_says_so(window, qtbot, folder, fake_indexing, monkeypatch):
    collect(qtbot, window, folder)
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: QMessageBox.StandardButton.Yes)
    window.library.commands.remove()
    said = window.statusBar().currentMessage()
    assert said == "Collection “week” removed (its analyses stay in the store)"
