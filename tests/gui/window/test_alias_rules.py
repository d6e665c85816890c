"""Alias rules in the window: "in the Whole Library" from an article's entity menu, applied on
the store's lane while the event loop runs (the menus greyed and corrections waiting meanwhile)
and then shown in the open tabs; Undo Correction in an article takes back only its own
correction and offers a rule's removal in the dialog; the Alias Rules dialog lists, removes,
imports (a bad file refused in one line) and exports, each change through the lane. The
analysis is the fake one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMenu

from reader.core.store.alias_file import read_rules_file, write_rules_file
from reader.core.store.alias_rules import AliasRule, read_rules
from reader.core.store.corrections import Correction
from reader.gui.library import alias_actions
from reader.gui.library.corrections import CorrectionMenus
from reader.gui.window import alias_rules_dialog
from tests.gui.conftest import open_and_wait

WAIT_MS = 10_000
LAVROV = "Lavrov met Tillerson in Geneva.\n“The talks were useful,” said Tillerson.\n"
RUSSIA = "Congress asked about Russia.\n“We will meet again,” Tillerson said.\n"
SECRETARY = AliasRule(("person:rex-tillerson",), "person:rex-tillerson", "Secretary Tillerson")


def _names(tab) -> dict[str, str]:
    return {e.key: e.name for e in tab.analysis.entities}


def _open(qtbot, window, tmp_path: Path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return open_and_wait(qtbot, window, path)


def _add(qtbot, window, rule: AliasRule):
    """Add `rule` as the window does and wait for it (the event loop running meanwhile)."""
    work = window.library.alias_rules.work
    with qtbot.wait_signal(work.done, timeout=WAIT_MS) as done:
        assert window.library.alias_rules.add_rule(rule)
        assert work.busy  # handed to the store's lane, not done on the GUI thread
    assert not work.busy
    return done.args[0]


def test_a_whole_library_merge_runs_on_the_lane_and_reaches_every_tab(
    window, qtbot, tmp_path, monkeypatch
):
    first = _open(qtbot, window, tmp_path, "a.txt", LAVROV)
    second = _open(qtbot, window, tmp_path, "b.txt", RUSSIA)
    menus = first.findChildren(CorrectionMenus)[0]
    menu = QMenu()
    lavrov = next(e for e in first.analysis.entities if e.key == "person:sergei-lavrov")
    menus._entity_actions(menu, lavrov)
    texts = [a.text() for a in menu.actions()]
    assert "Rename “Sergei Lavrov”…" in texts  # this article
    assert "Rename “Sergei Lavrov” in the Whole Library…" in texts

    tillerson = next(e for e in first.analysis.entities if e.key == "person:rex-tillerson")
    monkeypatch.setattr(alias_actions, "ask_choice", lambda _p, _t, _l, labels: labels[0])
    work = window.library.alias_rules.work
    said: list[str] = []
    work.progress.connect(said.append)
    with qtbot.wait_signal(work.done, timeout=WAIT_MS):
        window.library.alias_rules.merge_everywhere(first, lavrov, [lavrov, tillerson])
        assert work.busy
        # meanwhile the commands wait: greyed in the menu, a correction said and not made
        busy_menu = QMenu()
        menus._entity_actions(busy_menu, lavrov)
        whole = [a for a in busy_menu.actions() if "Whole Library" in a.text()]
        assert whole and not any(a.isEnabled() for a in whole)
        window.library.corrections.correct(first, Correction("rename", key=lavrov.key, name="X"))
        assert "alias rule is being applied" in window.statusBar().currentMessage()
        assert _names(first)["person:rex-tillerson"] == "Rex Tillerson"  # not yet
    assert said[0] == "Applying the alias rule…"
    assert any(" of 2 articles" in line for line in said)
    # Tillerson is Lavrov in every article, the one open beside it included
    for tab in (first, second):
        assert "person:rex-tillerson" not in _names(tab)
        assert _names(tab)["person:sergei-lavrov"] == "Sergei Lavrov"
    assert second.analysis.quotes[0].speaker.key == "person:sergei-lavrov"
    assert "Rule kept for the whole library" in window.statusBar().currentMessage()


def test_undo_in_an_article_takes_back_its_own_correction_and_offers_the_rules_removal(
    window, qtbot, tmp_path
):
    tab = _open(qtbot, window, tmp_path, "a.txt", LAVROV)
    corrections = window.library.corrections
    corrections.correct(tab, Correction("rename", key="person:sergei-lavrov", name="S. Lavrov"))
    _add(qtbot, window, SECRETARY)  # its change in this article is now the latest
    assert _names(tab) == {
        "person:sergei-lavrov": "S. Lavrov",
        "person:rex-tillerson": "Secretary Tillerson",
    }

    corrections.undo(tab)  # the latest change here is the rule's: left, and offered
    store = window.library.stored.store
    assert [rule for _id, rule in read_rules(store)] == [SECRETARY]
    assert _names(tab)["person:rex-tillerson"] == "Secretary Tillerson"
    assert _names(tab)["person:sergei-lavrov"] == "S. Lavrov"
    assert "Undo leaves library rules alone" in window.statusBar().currentMessage()
    dialog = window.library.alias_rules.dialog
    assert dialog is not None and dialog.isVisible()
    assert [item.text() for item in dialog.rules.selectedItems()] == [SECRETARY.describe()]
    assert dialog.remove_button.isEnabled()
    dialog.close()

    second = _open(qtbot, window, tmp_path, "b.txt", RUSSIA)
    second_own = Correction("kind", key="person:rex-tillerson", kind="ORG")
    corrections.correct(second, second_own)  # after the rule: its own is the latest there
    corrections.undo(second)
    assert {e.key: str(e.kind) for e in second.analysis.entities}["person:rex-tillerson"] == (
        "PERSON"
    )
    assert _names(second)["person:rex-tillerson"] == "Secretary Tillerson"  # the rule stays
    assert read_rules(store) != ()

    with qtbot.wait_signal(window.library.alias_rules.changed, timeout=WAIT_MS):
        dialog.remove_button.click()  # the rule removed where Undo offered it
    assert _names(tab) == {
        "person:sergei-lavrov": "S. Lavrov",
        "person:rex-tillerson": "Rex Tillerson",
    }
    corrections.undo(tab)  # now the article's own rename is its latest
    assert _names(tab)["person:sergei-lavrov"] == "Sergei Lavrov"


def test_a_rule_applies_to_an_article_opened_later(window, qtbot, tmp_path):
    _add(qtbot, window, SECRETARY)
    later = _open(qtbot, window, tmp_path, "later.txt", RUSSIA)
    assert _names(later)["person:rex-tillerson"] == "Secretary Tillerson"
    assert all(m.corrected for m in later.analysis.mentions if m.text == "Tillerson")


def test_a_non_ascii_name_rule_reaches_an_article_whatever_its_case(window, qtbot, tmp_path):
    tab = _open(qtbot, window, tmp_path, "a.txt", LAVROV)
    tillerson = Correction("rename", key="person:rex-tillerson", name="Łukasz Nowak")
    window.library.corrections.correct(tab, tillerson)  # the article now calls him so
    rule = AliasRule(("łukasz nowak",), "person:lukasz-nowak", "Łukasz Nowak (MP)")
    _add(qtbot, window, rule)
    assert _names(tab)["person:lukasz-nowak"] == "Łukasz Nowak (MP)"
    rows = window.library.stored.store.query("SELECT key, name FROM entity_rows")
    assert ("person:lukasz-nowak", "Łukasz Nowak (MP)") in rows  # found, not only read so


def test_the_dialog_lists_removes_imports_and_exports(window, qtbot, tmp_path, monkeypatch):
    tab = _open(qtbot, window, tmp_path, "a.txt", LAVROV)
    _add(qtbot, window, SECRETARY)
    dialog = window.library.alias_rules.show_dialog()
    qtbot.waitExposed(dialog)
    assert [dialog.rules.item(i).text() for i in range(dialog.rules.count())] == [
        "person:rex-tillerson → Secretary Tillerson (person:rex-tillerson)"
    ]

    exported = tmp_path / "mine.json"
    monkeypatch.setattr(alias_rules_dialog, "ask_export_path", lambda _p: exported)
    dialog.export_button.click()
    assert read_rules_file(exported) == [SECRETARY]

    dialog.rules.item(0).setSelected(True)
    work = window.library.alias_rules.work
    with qtbot.wait_signal(window.library.alias_rules.changed, timeout=WAIT_MS):
        dialog.remove_button.click()
        assert dialog.progress.isVisible()  # busy while the lane works
        assert not dialog.remove_button.isEnabled() and not dialog.import_button.isEnabled()
    assert not work.busy and not dialog.progress.isVisible()
    assert dialog.rules.count() == 0
    assert dialog.note.text() == "Removed 1 rule."
    assert _names(tab)["person:rex-tillerson"] == "Rex Tillerson"  # the open tab too

    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something else"}', encoding="utf-8")
    monkeypatch.setattr(alias_rules_dialog, "ask_import_path", lambda _p: bad)
    with qtbot.wait_signal(work.done, timeout=WAIT_MS):
        dialog.import_button.click()
    assert dialog.note.text() == (
        'bad.json is not a Reader alias rule file: it does not say "format": "reader-alias-rules".'
    )
    assert dialog.rules.count() == 0

    shared = tmp_path / "colleague.json"
    congress = AliasRule(("Congress",), "org:us-congress", "U.S. Congress", "ORG")
    write_rules_file(shared, [SECRETARY, congress])
    monkeypatch.setattr(alias_rules_dialog, "ask_import_path", lambda _p: shared)
    with qtbot.wait_signal(window.library.alias_rules.changed, timeout=WAIT_MS):
        dialog.import_button.click()
    assert dialog.rules.count() == 2
    assert dialog.note.text() == "Imported 2 rules from colleague.json (0 already kept)."
    assert _names(tab)["person:rex-tillerson"] == "Secretary Tillerson"
    dialog.close()


def test_the_menu_has_the_alias_rules_command(window):
    texts = [a.text() for a in window.findChildren(type(window.menuBar().actions()[0]))]
    assert "Alias &Rules…" in texts
