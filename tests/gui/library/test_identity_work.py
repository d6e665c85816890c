"""A collection's first identity built off the GUI thread (issue 25, "a window that never
waits"): shown for the first time, the Library lists the collection's articles at once and says
its people and organisations are being worked out; the entities follow when the real
background thread has built (and saved) the identity. A collection with a snapshot lists its
entities at once, as before."""

from __future__ import annotations

from reader.gui.library.identity_work import WORKING_OUT
from tests.gui.test_library import WAIT_MS, collect, rows


def _forget_snapshots(window) -> None:
    with window.stored.store.writing() as db:
        db.execute("DELETE FROM identity_snapshots")


def _snapshots(window) -> int:
    return window.stored.store.query("SELECT count(*) FROM identity_snapshots")[0][0]


def test_a_first_open_lists_the_articles_at_once_and_the_entities_from_a_real_thread(
    window, qtbot, folder, fake_indexing
):
    collect(qtbot, window, folder)
    library = window.library.collections
    qtbot.wait_until(lambda: library.identity.pending is None, timeout=WAIT_MS)
    listed = {e.key: e for e in rows(library.panel.entities)}
    _forget_snapshots(window)

    library.show(library.current.id)
    panel = library.panel
    assert library.identity.pending is not None
    assert [a.path.name for a in rows(panel.articles)] == [
        "monday.txt",
        "tuesday.txt",
        "wednesday.txt",
    ]
    assert rows(panel.entities) == []
    assert panel.follow_label.text() == WORKING_OUT
    library.refresh()  # a correction meanwhile: still no build on the GUI thread
    assert rows(panel.entities) == []
    assert panel.follow_label.text() == WORKING_OUT

    with qtbot.wait_signal(library.identity.ready, timeout=WAIT_MS):
        pass
    assert {e.key: e for e in rows(panel.entities)} == listed
    assert panel.follow_label.text() != WORKING_OUT
    assert _snapshots(window) == 1  # saved by the build, on its own connection
    panel.follow("person:rex-tillerson")
    assert [q.path.name for q in rows(panel.quotes)] == ["monday.txt", "tuesday.txt"]


def test_a_collection_with_a_snapshot_lists_its_entities_at_once(
    window, qtbot, folder, fake_indexing
):
    collect(qtbot, window, folder)
    library = window.library.collections
    qtbot.wait_until(lambda: library.identity.pending is None, timeout=WAIT_MS)
    assert _snapshots(window) >= 1

    library.show(library.current.id)
    assert library.identity.pending is None
    assert "person:rex-tillerson" in {e.key for e in rows(library.panel.entities)}


def test_showing_another_collection_drops_the_first_ones_build(
    window, qtbot, folder, fake_indexing, tmp_path
):
    collect(qtbot, window, folder)
    library = window.library.collections
    first = library.current.id
    other = tmp_path / "other"
    other.mkdir()
    (other / "one.txt").write_text("Lavrov spoke\n\nLavrov spoke in Geneva.\n", encoding="utf-8")
    with qtbot.wait_signal(library.indexer.finished, timeout=WAIT_MS):
        library.collect_folder(other)
    second = library.current.id
    qtbot.wait_until(lambda: library.identity.pending is None, timeout=WAIT_MS)
    _forget_snapshots(window)

    library.show(first)
    dropped = library.identity.pending
    library.show(second)
    wanted = library.identity.pending
    assert None not in (dropped, wanted) and dropped != wanted
    with qtbot.wait_signal(library.identity.ready, timeout=WAIT_MS) as blocker:
        pass
    assert blocker.args == [wanted]
    assert {e.key for e in rows(library.panel.entities)} == {"person:sergei-lavrov"}
