"""A collection's identity worked out off the GUI thread, always (issue 25, "a window that never
waits"): shown for the first time, the Library lists the collection's articles at once and says
its people and organisations are being worked out; an out-of-date identity (a correction, new
analyses) is brought up to date on the identity lane while the entities adopted last stay
listed; the GUI thread never syncs an identity nor reads a snapshot. The lane is a real
thread here (the tests say so in their names)."""

from __future__ import annotations

import threading

import pytest

from reader.core.store import identity_snapshot
from reader.core.store.corrections import Correction
from reader.core.store.library_identity import StoredIdentity
from reader.gui.library import identity_work
from reader.gui.library.identity_work import WORKING_OUT
from tests.gui.test_library import WAIT_MS, collect, rows


def _forget_snapshots(window) -> None:
    with window.stored.store.writing() as db:
        db.execute("DELETE FROM identity_snapshots")


def _snapshots(window) -> int:
    return window.stored.store.query("SELECT count(*) FROM identity_snapshots")[0][0]


@pytest.fixture
def threads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """'main' or 'lane' for each identity sync and snapshot read from now on."""
    seen: list[str] = []
    sync, load = StoredIdentity._sync, identity_snapshot.load

    def where() -> None:
        seen.append("main" if threading.current_thread() is threading.main_thread() else "lane")

    monkeypatch.setattr(StoredIdentity, "_sync", lambda *a: (where(), sync(*a))[1])
    monkeypatch.setattr(identity_snapshot, "load", lambda *a: (where(), load(*a))[1])
    return seen


def shown(qtbot, library, collection_id: int) -> None:
    """Show a collection and wait for its article list (read on the articles' lane)."""
    with qtbot.wait_signal(library.article_work.listed, timeout=WAIT_MS):
        library.show(collection_id)


def refreshed(qtbot, library) -> None:
    """Refresh the collection shown and wait for its article list read again."""
    with qtbot.wait_signal(library.article_work.listed, timeout=WAIT_MS):
        library.refresh()


def _other_collection(
    qtbot, library, tmp_path, name: str = "other", text: str = "Lavrov spoke in Geneva."
) -> int:
    """Another collection, of one article (on Lavrov), shown and worked out; its id. The
    identities of the last `identity_work.KEPT` collections shown are kept."""
    other = tmp_path / name
    other.mkdir()
    (other / "one.txt").write_text(f"Lavrov spoke\n\n{text}\n", encoding="utf-8")
    with qtbot.wait_signal(library.indexer.finished, timeout=WAIT_MS):
        library.collect_folder(other)
    qtbot.wait_until(
        lambda: library.article_work.pending is None and library.identity.pending is None,
        timeout=WAIT_MS,
    )
    return library.current.id


def _first_of_three_without_snapshots(qtbot, window, folder, tmp_path) -> tuple:
    """The folder's collection made and listed, then two others shown after it (so its
    identity is no longer kept) and every snapshot dropped: (the Library, the first
    collection's id, its entities listed by key), ready for a first build when shown again."""
    collect(qtbot, window, folder)
    library = window.library.collections
    first = library.current.id
    listed = {e.key: e for e in rows(library.panel.entities)}
    _other_collection(qtbot, library, tmp_path)
    _other_collection(qtbot, library, tmp_path, "third", "Guterres spoke in Geneva.")
    _forget_snapshots(window)
    return library, first, listed


def _rename(window, library, key: str, name: str) -> None:
    """A rename of `key` in each article of the collection shown, kept in the store."""
    for digest, own in library.collection.texts_of(key):
        window.stored.store.add_correction(digest, Correction("rename", key=own, name=name))


def test_a_first_open_lists_the_articles_at_once_and_the_entities_from_a_real_thread(
    window, qtbot, folder, fake_indexing, tmp_path, threads
):
    library, first, listed = _first_of_three_without_snapshots(qtbot, window, folder, tmp_path)
    threads.clear()

    shown(qtbot, library, first)
    panel = library.panel
    assert library.identity.pending is not None
    assert [a.path.name for a in rows(panel.articles)] == [
        "monday.txt",
        "tuesday.txt",
        "wednesday.txt",
    ]
    assert rows(panel.entities) == []
    assert panel.follow_label.text() == WORKING_OUT
    qtbot.wait_until(lambda: library.identity.pending is None, timeout=WAIT_MS)
    refreshed(qtbot, library)  # read again: still no identity on the GUI thread
    assert {e.key: e for e in rows(panel.entities)} == listed
    assert panel.follow_label.text() != WORKING_OUT
    assert _snapshots(window) == 1  # saved by the lane, on its own connection
    panel.follow("person:rex-tillerson")
    assert [q.path.name for q in rows(panel.quotes)] == ["monday.txt", "tuesday.txt"]
    assert "main" not in threads and "lane" in threads


def test_an_out_of_date_identity_is_updated_on_a_real_thread_the_old_one_listed_meanwhile(
    window, qtbot, folder, fake_indexing, threads
):
    collect(qtbot, window, folder)
    library, panel = window.library.collections, window.library.collections.panel
    listed = rows(panel.entities)
    panel.follow("person:rex-tillerson")
    threads.clear()

    _rename(window, library, "person:rex-tillerson", "Rex W. Tillerson")
    refreshed(qtbot, library)
    assert library.identity.pending is not None
    assert rows(panel.entities) == listed  # the entities adopted last, until the update
    assert panel.follow_label.text() != WORKING_OUT
    assert [q.path.name for q in rows(panel.quotes)] == ["monday.txt", "tuesday.txt"]

    with qtbot.wait_signal(library.identity.ready, timeout=WAIT_MS):
        pass
    names = {e.key: e.name for e in rows(panel.entities)}
    assert names["person:rex-tillerson"] == "Rex W. Tillerson"
    assert "Rex W. Tillerson" in panel.follow_label.text()  # the one followed, read again
    assert library.collection.identity_current()
    assert "main" not in threads and "lane" in threads


def test_a_collection_shown_again_lists_the_entities_it_adopted_at_once(
    window, qtbot, folder, fake_indexing, threads
):
    collect(qtbot, window, folder)
    library = window.library.collections
    listed = rows(library.panel.entities)
    threads.clear()

    shown(qtbot, library, library.current.id)
    assert library.identity.pending is None
    assert rows(library.panel.entities) == listed
    assert threads == []


def test_going_back_to_the_collection_shown_before_lists_its_entities_at_once(
    window, qtbot, folder, fake_indexing, tmp_path, threads
):
    collect(qtbot, window, folder)
    library = window.library.collections
    first, listed = library.current.id, rows(library.panel.entities)
    _other_collection(qtbot, library, tmp_path)
    threads.clear()

    shown(qtbot, library, first)
    assert library.identity.pending is None
    assert rows(library.panel.entities) == listed
    assert threads == []  # no snapshot read, no sync: its identity was kept


def test_showing_another_collection_drops_the_first_ones_update_on_a_real_thread(
    window, qtbot, folder, fake_indexing, tmp_path
):
    collect(qtbot, window, folder)
    library = window.library.collections
    first = library.current.id
    second = _other_collection(qtbot, library, tmp_path)
    _rename(window, library, "person:sergei-lavrov", "Sergei V. Lavrov")  # the second's
    _other_collection(qtbot, library, tmp_path, "third", "Guterres spoke in Geneva.")
    _forget_snapshots(window)

    shown(qtbot, library, first)
    dropped = library.identity.pending
    first_collection = library.collection
    shown(qtbot, library, second)  # its own entities listed, its update pending
    wanted = library.identity.pending
    assert None not in (dropped, wanted) and dropped != wanted
    assert [e.name for e in rows(library.panel.entities)] == ["Sergei Lavrov"]
    with qtbot.wait_signal(library.identity.ready, timeout=WAIT_MS) as blocker:
        pass
    assert blocker.args == [wanted]
    assert [e.name for e in rows(library.panel.entities)] == ["Sergei V. Lavrov"]
    assert first_collection.adopted is None


def test_updates_asked_while_one_runs_make_one_more_job_on_a_real_thread(
    window, qtbot, folder, fake_indexing, monkeypatch
):
    collect(qtbot, window, folder)
    library = window.library.collections
    began, release, states = threading.Event(), threading.Event(), []
    update = identity_work.identity_update

    def held(identity, state):
        states.append(state)
        began.set()
        release.wait(timeout=10)
        return update(identity, state)

    monkeypatch.setattr(identity_work, "identity_update", held)
    _rename(window, library, "org:congress", "The Congress")
    refreshed(qtbot, library)
    assert began.wait(timeout=10)
    for name in ("US Congress", "Congress of the US", "Congress"):
        _rename(window, library, "org:congress", name)
        refreshed(qtbot, library)
    latest = library.identity.pending
    with qtbot.wait_signal(library.identity.ready, timeout=WAIT_MS) as blocker:
        release.set()
    assert blocker.args == [latest]
    assert len(states) == 2  # the one running, then the newest asked
    assert library.collection.identity_current()
    assert {e.key: e.name for e in rows(library.panel.entities)}["org:congress"] == "Congress"


def test_a_first_build_of_many_analyses_is_made_in_a_child_real_process(
    window, qtbot, folder, fake_indexing, tmp_path, monkeypatch
):
    library, first, listed = _first_of_three_without_snapshots(qtbot, window, folder, tmp_path)
    synced: list[str] = []  # syncs in this process (the child's are not seen here)
    sync = StoredIdentity._sync
    monkeypatch.setattr(StoredIdentity, "_sync", lambda *a: (synced.append("here"), sync(*a))[1])
    monkeypatch.setattr(identity_work, "CHILD_FROM", 1)  # three analyses count as many

    shown(qtbot, library, first)
    qtbot.wait_until(lambda: library.identity.pending is None, timeout=WAIT_MS)
    assert {e.key: e for e in rows(library.panel.entities)} == listed
    assert synced == []  # read from the snapshot the child saved
    assert _snapshots(window) == 1
    library.panel.follow("person:rex-tillerson")
    assert [q.path.name for q in rows(library.panel.quotes)] == ["monday.txt", "tuesday.txt"]


class _FailingChild:
    """A child process that dies on every request (as one killed by the system would)."""

    def __init__(self) -> None:
        self.asked = 0

    def run(self, *_args, **_how):
        self.asked += 1
        raise RuntimeError("the identity process died")

    def close(self) -> None:
        pass


def test_a_build_the_child_cannot_make_is_made_on_the_lane_on_a_real_thread(
    window, qtbot, folder, fake_indexing, tmp_path, monkeypatch
):
    library, first, listed = _first_of_three_without_snapshots(qtbot, window, folder, tmp_path)
    child = _FailingChild()
    monkeypatch.setattr(library.identity._lane_identity, "_child", child)
    monkeypatch.setattr(identity_work, "CHILD_FROM", 1)

    shown(qtbot, library, first)
    qtbot.wait_until(lambda: library.identity.pending is None, timeout=WAIT_MS)
    assert child.asked == 1
    assert {e.key: e for e in rows(library.panel.entities)} == listed
    assert _snapshots(window) == 1  # saved by the lane instead


class _HeldChild:
    """A child process whose build runs until it is closed (ended) from the GUI thread."""

    def __init__(self) -> None:
        self.began, self.closed = threading.Event(), threading.Event()

    def run(self, *_args, **_how):
        self.began.set()
        if not self.closed.wait(timeout=20):
            raise AssertionError("never ended")
        raise RuntimeError("ended")  # as a killed process's request ends

    def close(self) -> None:
        self.closed.set()


def test_showing_another_collection_ends_a_build_in_the_child_on_a_real_thread(
    window, qtbot, folder, fake_indexing, tmp_path, monkeypatch
):
    collect(qtbot, window, folder)
    library = window.library.collections
    first = library.current.id
    other = _other_collection(qtbot, library, tmp_path)
    _other_collection(qtbot, library, tmp_path, "third", "Guterres spoke in Geneva.")
    _forget_snapshots(window)
    child = _HeldChild()
    monkeypatch.setattr(library.identity._lane_identity, "_child", child)
    monkeypatch.setattr(identity_work, "CHILD_FROM", 1)
    shown(qtbot, library, first)
    assert child.began.wait(timeout=10)

    shown(qtbot, library, other)  # before the first one's build has ended
    assert child.closed.is_set()
    qtbot.wait_until(lambda: library.identity.pending is None, timeout=WAIT_MS)
    assert [e.key for e in rows(library.panel.entities)] == ["person:sergei-lavrov"]
