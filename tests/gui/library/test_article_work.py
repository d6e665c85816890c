"""A collection's article list read off the GUI thread, always (issue 25, "a window that never
waits"): its paths, the Collection, the files' stats, the analyses' rows and the doubtful
counts are read on the articles' lane, the panel saying "Reading the collection…" meanwhile; a
read asked for before a newer one is dropped; refreshes while one runs make one more read. The
lane is a real thread here (the tests say so in their names)."""

from __future__ import annotations

import threading

import pytest

from reader.core.store import library as store_library
from reader.core.store.collections import SavedCollections
from reader.gui.library import article_work
from reader.gui.library.panel import READING
from tests.gui.test_library import WAIT_MS, collect, rows


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """(what, 'main' or 'lane') for each read of an article list's parts from now on: the
    collection's paths, the Collection made, the analysed rows with the stats, the doubtful
    counts."""
    seen: list[tuple[str, str]] = []

    def spied(what: str, function):
        def spy(*args, **kwargs):
            main = threading.current_thread() is threading.main_thread()
            seen.append((what, "main" if main else "lane"))
            return function(*args, **kwargs)

        return spy

    monkeypatch.setattr(SavedCollections, "paths", spied("paths", SavedCollections.paths))
    init = store_library.Collection.__init__
    monkeypatch.setattr(store_library.Collection, "__init__", spied("collection", init))
    read = store_library.read_analysed
    monkeypatch.setattr(store_library, "read_analysed", spied("analysed", read))
    counts = article_work.doubtful_counts
    monkeypatch.setattr(article_work, "doubtful_counts", spied("doubtful", counts))
    return seen


def _second(qtbot, window, tmp_path) -> int:
    other = tmp_path / "other"
    other.mkdir()
    (other / "one.txt").write_text("Lavrov spoke\n\nLavrov spoke in Geneva.\n", encoding="utf-8")
    collect(qtbot, window, other)
    return window.library.collections.current.id


def test_opening_a_collection_reads_its_article_list_on_a_real_thread_only(
    window, qtbot, folder, fake_indexing, tmp_path, reads
):
    collect(qtbot, window, folder)
    library, panel = window.library.collections, window.library.collections.panel
    first = library.current.id
    _second(qtbot, window, tmp_path)
    reads.clear()

    library.show(first)
    assert library.article_work.pending is not None
    assert READING in panel.heading.text()
    assert rows(panel.articles) == [] and rows(panel.entities) == []
    assert library.collection is None
    with qtbot.wait_signal(library.article_work.listed, timeout=WAIT_MS):
        pass
    assert [a.path.name for a in rows(panel.articles)] == [
        "monday.txt",
        "tuesday.txt",
        "wednesday.txt",
    ]
    assert READING not in panel.heading.text() and "3 analysed" in panel.heading.text()
    qtbot.wait_until(lambda: library.identity.pending is None, timeout=WAIT_MS)
    assert rows(panel.entities)
    assert {what for what, _ in reads} == {"paths", "collection", "analysed", "doubtful"}
    assert {where for _, where in reads} == {"lane"}


def test_a_read_asked_before_a_newer_one_is_dropped_on_a_real_thread(
    window, qtbot, folder, fake_indexing, tmp_path, monkeypatch
):
    collect(qtbot, window, folder)
    library = window.library.collections
    first = library.current.id
    second = _second(qtbot, window, tmp_path)
    began, release, listed = threading.Event(), threading.Event(), []
    read = article_work.read_list

    def held(control, *args):
        if not began.is_set():  # the first read waits until the second is asked for
            began.set()
            release.wait(timeout=10)
        return read(control, *args)

    monkeypatch.setattr(article_work, "read_list", held)
    library.article_work.listed.connect(listed.append)
    library.show(first)
    assert began.wait(timeout=10)
    library.show(second)
    wanted = library.article_work.pending
    release.set()
    qtbot.wait_until(lambda: library.article_work.pending is None, timeout=WAIT_MS)
    assert [[p.name for p in item.collection.paths] for item in listed] == [["one.txt"]]
    assert library.current.id == second and library.collection is listed[0].collection
    assert [a.path.name for a in rows(library.panel.articles)] == ["one.txt"]
    assert wanted is not None


def test_refreshes_while_a_read_runs_make_one_more_read_on_a_real_thread(
    window, qtbot, folder, fake_indexing, monkeypatch
):
    collect(qtbot, window, folder)
    library = window.library.collections
    began, release, calls, listed = threading.Event(), threading.Event(), [], []
    read = article_work.read_list

    def held(control, *args):
        calls.append(args[2])  # whether the entities are to be worked out again
        began.set()
        release.wait(timeout=10)
        return read(control, *args)

    monkeypatch.setattr(article_work, "read_list", held)
    library.article_work.listed.connect(listed.append)
    library.article_work.refresh(library.collection)  # as an article analysed asks
    assert began.wait(timeout=10)
    library.article_work.refresh(library.collection)
    library.refresh()  # a correction: the entities too
    library.article_work.refresh(library.collection)
    release.set()
    qtbot.wait_until(lambda: len(listed) == 2, timeout=WAIT_MS)
    qtbot.wait_until(lambda: library.article_work.pending is None, timeout=WAIT_MS)
    assert calls == [False, True]  # the one running, then one more for all those asked
    assert [item.entities for item in listed] == [False, True]
    assert all(item.collection is library.collection for item in listed)


def test_a_refresh_replaces_only_the_rows_that_changed_on_a_real_thread(
    window, qtbot, folder, fake_indexing
):
    collect(qtbot, window, folder)
    library, panel = window.library.collections, window.library.collections.panel
    shown = panel._articles
    resets = []
    panel.articles.records.modelReset.connect(lambda: resets.append(True))
    (folder / "tuesday.txt").write_text("Rewritten\n\nNobody spoke.\n", encoding="utf-8")

    with qtbot.wait_signal(library.article_work.listed, timeout=WAIT_MS) as listed:
        library.article_work.refresh(library.collection)  # as an article analysed asks
    (read,) = listed.args
    names = [a.path.name for a in read.records]
    assert read.base is shown and read.changed == (names.index("tuesday.txt"),)
    assert resets == []  # the one row replaced in place
    tuesday = next(a for a in rows(panel.articles) if a.path.name == "tuesday.txt")
    assert not tuesday.analysed


def test_a_refresh_with_the_entities_also_replaces_only_the_rows_that_changed_on_a_real_thread(
    window, qtbot, folder, fake_indexing
):
    collect(qtbot, window, folder)
    library, panel = window.library.collections, window.library.collections.panel
    resets = []
    panel.articles.records.modelReset.connect(lambda: resets.append(True))
    (folder / "monday.txt").write_text("Rewritten\n\nNobody spoke.\n", encoding="utf-8")

    with qtbot.wait_signal(library.article_work.listed, timeout=WAIT_MS) as listed:
        library.refresh()  # as the end of an analysis or a correction asks
    assert listed.args[0].entities and listed.args[0].changed
    assert resets == []
    monday = next(a for a in rows(panel.articles) if a.path.name == "monday.txt")
    assert not monday.analysed
