"""Alias rules in the window: "in the Whole Library" from an article's entity menu, shown at
once in the open tabs, undone by Undo Correction; the Alias Rules dialog lists, removes,
imports (a bad file refused in one line) and exports. The analysis is the fake one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMenu

from reader.core.store.alias_file import read_rules_file, write_rules_file
from reader.core.store.alias_rules import AliasRule, read_rules
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


def test_a_whole_library_merge_from_an_article_reaches_every_tab_and_is_undone(
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
    window.library.alias_rules.merge_everywhere(first, lavrov, [lavrov, tillerson])
    # Tillerson is Lavrov in every article, the one open beside it included
    for tab in (first, second):
        assert "person:rex-tillerson" not in _names(tab)
        assert _names(tab)["person:sergei-lavrov"] == "Sergei Lavrov"
    assert second.analysis.quotes[0].speaker.key == "person:sergei-lavrov"

    window.library.corrections.undo(second)  # Undo right after: the whole rule goes
    assert read_rules(window.library.stored.store) == ()
    for tab in (first, second):
        assert _names(tab)["person:rex-tillerson"] == "Rex Tillerson"


def test_a_rule_applies_to_an_article_opened_later(window, qtbot, tmp_path):
    assert window.library.alias_rules.add_rule(SECRETARY)
    later = _open(qtbot, window, tmp_path, "later.txt", RUSSIA)
    assert _names(later)["person:rex-tillerson"] == "Secretary Tillerson"
    assert all(m.corrected for m in later.analysis.mentions if m.text == "Tillerson")


def test_the_dialog_lists_removes_imports_and_exports(window, qtbot, tmp_path, monkeypatch):
    tab = _open(qtbot, window, tmp_path, "a.txt", LAVROV)
    window.library.alias_rules.add_rule(SECRETARY)
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
    with qtbot.wait_signal(window.library.alias_rules.changed, timeout=WAIT_MS):
        dialog.remove_button.click()
    assert dialog.rules.count() == 0
    assert _names(tab)["person:rex-tillerson"] == "Rex Tillerson"  # the open tab, at once

    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something else"}', encoding="utf-8")
    monkeypatch.setattr(alias_rules_dialog, "ask_import_path", lambda _p: bad)
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
