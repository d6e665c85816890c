"""Several named collections in the Library: made from folders, shown one at a time from the
collection list, renamed and removed (analyses kept), an article in several, a folder opened
again bringing only its new and changed files, and the last one shown back at the next start."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from reader.core.store.collections import SavedCollections
from reader.gui.library import commands
from reader.gui.window.settings import Settings
from tests.gui.test_library import WAIT_MS, collect, rows, wait_model


@pytest.fixture
def second_folder(tmp_path: Path) -> Path:
    other = tmp_path / "summit"
    other.mkdir()
    (other / "thursday.txt").write_text(
        "Summit\n\nLavrov met Congress leaders.\n", encoding="utf-8"
    )
    return other


def names(window) -> list[str]:
    choice = window.library.collections.panel.bar.choice
    return [choice.itemText(i) for i in range(choice.count())]


def shown(window) -> list[str]:
    return [a.path.name for a in rows(window.library.collections.panel.articles)]


def test_two_folders_make_two_collections_and_the_list_switches_between_them(
    window, qtbot, folder, second_folder, fake_indexing
):
    collect(qtbot, window, folder)
    collect(qtbot, window, second_folder)
    library = window.library.collections
    assert names(window) == ["week (3 articles)", "summit (1 article)"]
    assert shown(window) == ["thursday.txt"]
    week = SavedCollections(window.stored.store).all()[0]
    with qtbot.wait_signal(library.article_work.listed, timeout=WAIT_MS):
        library.panel.bar.chosen.emit(week.id)  # as a pick in the list does
    assert library.current.name == "week"
    assert shown(window) == ["monday.txt", "tuesday.txt", "wednesday.txt"]
    assert library.panel.bar.choice.currentText() == "week (3 articles)"


def test_an_article_can_be_in_two_collections(window, qtbot, folder, second_folder, fake_indexing):
    collect(qtbot, window, folder)
    collect(qtbot, window, second_folder)
    library = window.library.collections
    with qtbot.wait_signal(library.article_work.listed, timeout=WAIT_MS):
        library.add_to(library.current.id, [folder / "monday.txt"])
    assert shown(window) == ["thursday.txt", "monday.txt"]
    shelf = SavedCollections(window.stored.store)
    assert [c.size for c in shelf.all()] == [3, 2]


def test_a_folder_opened_again_brings_only_its_new_and_changed_files(
    window, qtbot, folder, fake_indexing
):
    collect(qtbot, window, folder)
    (folder / "thursday.txt").write_text("Thursday\n\nTillerson flew home.\n", encoding="utf-8")
    tuesday = folder / "tuesday.txt"
    tuesday.write_text("Lavrov in Geneva\n\nLavrov stayed.\n", encoding="utf-8")
    os.utime(tuesday, ns=(1, 1))
    with qtbot.wait_signal(window.library.collections.indexer.finished, timeout=WAIT_MS):
        window.library.collections.collect_folder(folder)
    assert [p.name for p in fake_indexing[-1]] == ["tuesday.txt", "thursday.txt"]
    assert names(window) == ["week (4 articles)"]  # the same collection, brought up to date
    qtbot.wait_until(lambda: window.library.collections.article_work.pending is None)
    assert all(a.analysed for a in rows(window.library.collections.panel.articles))


def test_renaming_and_removing_a_collection_keeps_the_analyses(
    window, qtbot, folder, second_folder, fake_indexing, monkeypatch
):
    collect(qtbot, window, folder)
    collect(qtbot, window, second_folder)
    library, store = window.library.collections, window.stored.store
    analyses = store.count()
    monkeypatch.setattr(commands, "ask_text", lambda *_args: "Geneva summit")
    window.library.commands.rename()
    assert names(window) == ["week (3 articles)", "Geneva summit (1 article)"]
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: QMessageBox.StandardButton.Yes)
    window.library.commands.remove()
    assert names(window) == ["week (3 articles)"] and library.current.name == "week"
    assert store.count() == analyses == 4
    window.library.commands.remove()
    assert names(window) == [] and library.collection is None
    assert store.count() == analyses


def test_a_new_collection_gets_files_added_to_it(window, qtbot, folder, fake_indexing, monkeypatch):
    wait_model(qtbot, window)
    monkeypatch.setattr(commands, "ask_text", lambda *_args: "Tillerson")
    window.library.commands.new_collection()
    assert names(window) == ["Tillerson (0 articles)"]
    monkeypatch.setattr(commands.dialogs, "ask_folder", lambda *_args: folder)
    with qtbot.wait_signal(window.library.collections.indexer.finished, timeout=WAIT_MS):
        window.library.commands.add_folder()
    assert shown(window) == ["monday.txt", "tuesday.txt", "wednesday.txt"]


def test_the_last_collection_shown_comes_back_and_an_old_one_becomes_named(
    make_window, qtbot, folder, second_folder, fake_indexing, tmp_path
):
    settings = Settings(QSettings(str(tmp_path / "kept.ini"), QSettings.Format.IniFormat))
    settings._store.setValue("library/paths", [str(p) for p in sorted(folder.glob("*.txt"))])
    settings._store.setValue("library/name", "week")  # as Readers before named collections
    first = make_window(settings=settings)
    wait_model(qtbot, first)
    qtbot.wait_until(lambda: first.library.collections.current is not None, timeout=WAIT_MS)
    assert names(first) == ["week (3 articles)"]
    collect(qtbot, first, second_folder)
    week = SavedCollections(first.stored.store).all()[0]
    first.library.collections.show(week.id)
    first.shutdown()

    second = make_window(settings=settings)
    wait_model(qtbot, second)
    qtbot.wait_until(lambda: second.library.collections.collection is not None, timeout=WAIT_MS)
    assert second.library.collections.current.name == "week"
    assert names(second) == ["week (3 articles)", "summit (1 article)"]
    assert shown(second) == ["monday.txt", "tuesday.txt", "wednesday.txt"]


def test_files_with_a_symlink_loop_among_them_make_a_collection(
    window, qtbot, folder, fake_indexing, tmp_path
):
    """A symlink loop among chosen or dropped files is kept as given (its analysis says it
    cannot be read) instead of the window failing on resolving it."""
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    wait_model(qtbot, window)
    files = sorted(folder.glob("*.txt"))
    with qtbot.wait_signal(window.library.collections.indexer.finished, timeout=WAIT_MS):
        window.library.collections.collect([*files, loop], "dropped")
    assert window.library.collections.current.name == "dropped"
    assert loop in fake_indexing[-1]
