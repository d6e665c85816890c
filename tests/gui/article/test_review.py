"""Review mode in the window (issue 22, deliverable 3) and roles shown (issue 21.3): the doubtful
quotes stepped through with Ctrl+. and Ctrl+, each with its evidence; Ctrl+Return confirms the
speaker (a correction that survives a new analysis and undoes), F2 opens the speaker fix; the
list sorted least sure first or doubtful only; an entity's role in the list, the follow bar and
the export. The analysis is the fake one with evidence and a role added; nothing is timed."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import Qt

from reader.core.model import Analysis, Evidence, Passage, Role, Speaker, SpeakerPath
from reader.core.render.evidence import is_doubtful
from reader.core.render.export import render_html
from reader.core.text.article import Article
from reader.gui.article.models import DETAIL_ROLE, ITEM_ROLE
from reader.gui.library import corrections as correction_module
from tests.gui.articles import SEED
from tests.gui.conftest import fake_analyze, open_and_wait

WAIT_MS = 10_000
ROLE = "US Secretary of State"
# The seed's six quotes, in text order: path and confidence (four doubtful: under 0.55).
FOUND = [
    (SpeakerPath.SUBJECT, 0.3),
    (SpeakerPath.NAMED, 0.93),
    (SpeakerPath.CONTINUATION, 0.4),
    (SpeakerPath.NONE, 0.2),
    (SpeakerPath.NAMED, 0.9),
    (SpeakerPath.PRONOUN, 0.5),
]


def with_evidence(article: Article, nlp: Any, **options: Any) -> Analysis:
    """The fake analysis, each quote with the evidence of FOUND; the last one said by "he",
    standing for the Tillerson a sentence before; Tillerson's role on his first mention."""
    analysis = fake_analyze(article, nlp, **options)
    text = article.text
    quotes = []
    for quote, (path, confidence) in zip(analysis.quotes, FOUND, strict=True):
        quotes.append(dataclasses.replace(quote, evidence=Evidence(path, confidence)))
    last = quotes[-1]
    he = text.index("he said", last.end)
    tillerson = text.rindex("Tillerson", 0, last.start)
    quotes[-1] = dataclasses.replace(
        last,
        speaker=Speaker(he, he + 2, "he", "Rex Tillerson", "person:rex-tillerson"),
        evidence=Evidence(
            SpeakerPath.PRONOUN, 0.5, antecedent=Passage(tillerson, tillerson + 9, "Tillerson")
        ),
    )
    start = text.index(ROLE)
    role = Role(start, start + len(ROLE), ROLE)
    first = next(m for m in analysis.mentions if m.key == "person:rex-tillerson")
    mentions = tuple(
        dataclasses.replace(m, role=role) if m is first else m for m in analysis.mentions
    )
    return dataclasses.replace(analysis, mentions=mentions, quotes=tuple(quotes))


def open_reviewed(qtbot, make_window):
    window = make_window(analyze=with_evidence)
    qtbot.wait_until(lambda: window.stored.pipeline_label() is not None, timeout=WAIT_MS)
    tab = open_and_wait(qtbot, window, SEED)
    qtbot.wait_until(lambda: tab.quotes.model.rowCount() == len(FOUND), timeout=WAIT_MS)
    return window, tab


def doubtful_starts(tab) -> list[int]:
    return [q.start for q in tab.analysis.quotes if is_doubtful(q)]


def press(qtbot, window, key: Qt.Key, modifier=Qt.KeyboardModifier.ControlModifier) -> None:
    qtbot.keyClick(window.tabs.currentWidget().view, key, modifier)


def marked_start(tab) -> int | None:
    return tab.view.marked_quote.start if tab.view.marked_quote is not None else None


def test_review_keys_step_through_the_doubtful_quotes_with_their_evidence(make_window, qtbot):
    window, tab = open_reviewed(qtbot, make_window)
    starts = doubtful_starts(tab)
    assert len(starts) == 4 and tab.review.bar.count.text() == "4 doubtful"
    press(qtbot, window, Qt.Key.Key_Period)
    assert marked_start(tab) == starts[0]
    assert [q.start for q in selected(tab)] == [starts[0]]
    assert tab.review.bar.evidence.text() == (
        "the subject of the clause the quote sits in · doubtful (0.30)"
    )
    assert window.statusBar().currentMessage().startswith("Doubtful quote 1 of 4: ")
    for expected in starts[1:]:
        press(qtbot, window, Qt.Key.Key_Period)
        assert marked_start(tab) == expected
    assert tab.review.bar.evidence.text() == "he → Tillerson, 1 sentence before · doubtful (0.50)"
    press(qtbot, window, Qt.Key.Key_Period)
    assert marked_start(tab) == starts[0]  # round again
    press(qtbot, window, Qt.Key.Key_Comma)
    assert marked_start(tab) == starts[-1]


def test_confirm_moves_on_survives_a_new_analysis_and_undoes(make_window, qtbot):
    window, tab = open_reviewed(qtbot, make_window)
    starts = doubtful_starts(tab)
    press(qtbot, window, Qt.Key.Key_Period)
    press(qtbot, window, Qt.Key.Key_Return)  # Ctrl+Return: the speaker is right
    qtbot.wait_until(lambda: marked_start(tab) == starts[1], timeout=WAIT_MS)
    confirmed = next(q for q in tab.analysis.quotes if q.start == starts[0])
    assert confirmed.corrected and confirmed.evidence.path is SpeakerPath.CONFIRMED
    assert tab.review.bar.count.text() == "3 doubtful"
    row = tab.quotes.model.index(tab.quotes.model.quotes.index(confirmed), 0)
    assert row.data(DETAIL_ROLE) == "Unattributed · confirmed"

    window.stored.clear()  # forget the analysis: opened again, the article is analysed again
    window.close_tab(window.tabs.indexOf(tab))
    again = open_and_wait(qtbot, window, SEED)
    qtbot.wait_until(lambda: again.review.bar.count.text() == "3 doubtful", timeout=WAIT_MS)
    assert doubtful_starts(again) == starts[1:]
    press(qtbot, window, Qt.Key.Key_Period)
    assert marked_start(again) == starts[1]  # the confirmed quote is never flagged again

    window.library.corrections.undo(again)
    qtbot.wait_until(lambda: again.review.bar.count.text() == "4 doubtful", timeout=WAIT_MS)


def test_f2_opens_the_speaker_fix_and_moves_on(make_window, qtbot, monkeypatch):
    window, tab = open_reviewed(qtbot, make_window)
    starts = doubtful_starts(tab)
    asked: list[list[str]] = []

    def choose(_parent, _title, _label, choices, current=0):
        asked.append(choices)
        return next(c for c in choices if c.startswith("Sergei Lavrov"))

    monkeypatch.setattr(correction_module, "ask_choice", choose)
    press(qtbot, window, Qt.Key.Key_Period)
    press(qtbot, window, Qt.Key.Key_F2, Qt.KeyboardModifier.NoModifier)
    assert asked
    qtbot.wait_until(lambda: marked_start(tab) == starts[1], timeout=WAIT_MS)
    fixed = next(q for q in tab.analysis.quotes if q.start == starts[0])
    assert fixed.speaker.key == "person:sergei-lavrov" and not is_doubtful(fixed)


def test_the_list_sorts_least_sure_first_or_shows_the_doubtful_only(make_window, qtbot):
    _window, tab = open_reviewed(qtbot, make_window)
    bar, proxy = tab.review.bar, tab.quotes.proxy
    bar.order.setCurrentIndex(1)
    shown = [proxy.index(row, 0).data(ITEM_ROLE) for row in range(proxy.rowCount())]
    assert [q.evidence.confidence for q in shown] == [0.2, 0.3, 0.4, 0.5, 0.9, 0.93]
    bar.order.setCurrentIndex(0)
    assert [proxy.index(row, 0).data(ITEM_ROLE) for row in range(6)] == list(tab.analysis.quotes)
    bar.only.setChecked(True)
    assert proxy.rowCount() == 4 and tab.quotes.title.text() == "Quotes · 4 of 6"


def test_roles_in_the_entity_list_the_follow_bar_and_the_export(make_window, qtbot):
    _window, tab = open_reviewed(qtbot, make_window)
    panel = tab.entities

    def row_of(key: str):
        return panel.proxy.mapFromSource(panel.model.index(panel.model.row_of(key)))

    row = row_of("person:rex-tillerson")
    assert row.data(Qt.ItemDataRole.ToolTipRole).endswith(f"\n{ROLE}")
    assert row.data(DETAIL_ROLE) == f"Person · {ROLE}"
    assert row_of("person:sergei-lavrov").data(DETAIL_ROLE) == "Person"
    tab.follow("person:rex-tillerson")
    assert tab.follow_bar.name.text().endswith(f" · {ROLE}")
    page = render_html(tab.analysis)
    assert f'<span class="role" dir="auto">{ROLE}</span>' in page


def selected(tab) -> list:
    return [index.data(ITEM_ROLE) for index in tab.quotes.list.selectedIndexes()]
