"""What the window says after a reader's act, as a new user's trial of the Library met it: a
change of speaker confirms the correction with the way to take it back, as the other
corrections do (was: "No doubtful quotes left in this article")."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog

from reader.core.model import Kind
from tests.gui.conftest import open_and_wait
from tests.gui.test_library import WAIT_MS, wait_model


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
