"""No correction waits on the GUI thread for an alias rule (issue 21's leftover): while a rule's
job holds the store's write transaction on the store's lane (a real thread, held by an Event),
every path that writes a correction (the Library's entity menu over articles not open, an
open article's correction, Undo, Confirm Speaker) comes back at once, says why on the status
bar and writes nothing; once the rule is done, the same correction goes through. The analysis
is the fake one."""

from __future__ import annotations

import threading

from reader.core.model import Kind
from reader.core.store.alias_rules import AliasRule
from reader.core.store.corrections import Correction
from reader.gui.library import corrections, entity_menu
from reader.gui.library.corrections import CorrectionMenus
from reader.gui.window import alias_rule_work
from tests.gui.conftest import open_and_wait
from tests.gui.test_library import WAIT_MS, collect

HOLD_S = 60  # longer than the store's busy timeout (30 s): a write that waited would fail
RULE = AliasRule(("person:rex-tillerson",), "person:rex-tillerson", "Secretary Tillerson")


def test_a_rule_holding_the_store_never_makes_a_correction_wait_real_thread(
    window, qtbot, folder, fake_indexing, monkeypatch, errors
):
    collect(qtbot, window, folder)
    tab = open_and_wait(qtbot, window, folder / "monday.txt")
    library, store = window.library, window.library.stored.store
    library.corrections.correct(tab, Correction("rename", key="person:rex-tillerson", name="R"))
    collection = library.collections.collection
    lavrov = next(e for e in collection.entities() if e.key == "person:sergei-lavrov")
    digests = sorted({digest for digest, _key in collection.texts_of(lavrov.key)})
    assert len(digests) == 2  # Monday's, open in its tab, and Tuesday's, not open
    before = {digest: store.corrections(digest) for digest in digests}

    holding, release, finished = threading.Event(), threading.Event(), threading.Event()

    def held_rule(rule_store, rules, progress=None):
        """The rule's one transaction, held on the lane's thread until the test lets go."""
        with rule_store.writing():
            holding.set()
            release.wait(HOLD_S)
        finished.set()
        return []

    monkeypatch.setattr(alias_rule_work, "keep_rules", held_rule)
    asked: list[str] = []
    for module in (corrections, entity_menu):
        monkeypatch.setattr(module, "ask_text", lambda _p, title, *_a: asked.append(title))
        monkeypatch.setattr(module, "ask_choice", lambda _p, title, *_a: asked.append(title))
    work = library.alias_rules.work
    with qtbot.wait_signal(work.done, timeout=WAIT_MS):
        try:
            assert library.alias_rules.add_rule(RULE)
            qtbot.wait_until(holding.is_set, timeout=WAIT_MS)
            library.entity_menu.change_kind(lavrov, Kind.ORG)  # over both articles
            library.corrections.correct(tab, Correction("kind", key=lavrov.key, kind="ORG"))
            tab.view.mark_quote(tab.analysis.quotes[0])
            library.corrections.confirm_current()
            library.corrections.undo(tab)
            # the commands that ask first say so before the reader types what would be refused
            menus = tab.findChildren(CorrectionMenus)[0]
            tillerson = next(e for e in tab.analysis.entities if e.key != lavrov.key)
            menus.rename(tillerson)
            menus.merge(tillerson)
            menus.split(tab.analysis.mentions[0])
            menus.change_speaker(tab.analysis.quotes[0])
            library.entity_menu.rename(lavrov)
            assert asked == []
            # every call came back while the rule still held the store
            assert not finished.is_set()
            said = window.statusBar().currentMessage()
            assert said == "Wait a moment: an alias rule is being applied to the library"
        finally:
            release.set()
    assert errors == []
    assert {digest: store.corrections(digest) for digest in digests} == before

    library.entity_menu.change_kind(lavrov, Kind.ORG)  # the rule done, it goes through
    assert all(
        store.corrections(digest)[-1] == Correction("kind", key=key, kind="ORG")
        for digest, key in collection.texts_of(lavrov.key)
    )
