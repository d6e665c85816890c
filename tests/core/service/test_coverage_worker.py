"""A collection's coverage worked out in a child process (issue 25): the same snapshot as in
the window's own process, kept in step with the store from one request to the next."""

from __future__ import annotations

import time

import pytest

from reader.core.service.child_worker import ChildWorker
from reader.core.service.coverage_worker import (
    child_report,
    child_snapshot,
    collection_key,
    take_snapshot,
)
from reader.core.store.database import Store
from reader.core.store.library import Collection
from reader.core.store.stored_coverage import StoredCoverage
from tests.core.library_articles import MODEL, fake_analysis, write_article
from tests.processes import ended, wait_ended

SAID = "We will rebuild the bridge before the winter comes."
TEXTS = {
    "a.txt": (f"Bridge\n\nAda Lovelace spoke.\n\n“{SAID}” Lovelace said.\n", "2024-05-06"),
    "b.txt": (f"Again\n\nTom Baker spoke.\n\n“{SAID[:-1]},” Baker said.\n", "2024-05-07"),
    "c.txt": ("Other\n\nAcme spoke.\n\n“Nothing to add on the bridge today.”\n", None),
}
SPEAKERS = {SAID: "person:ada-lovelace", SAID[:-1] + ",": "person:tom-baker"}


def _save(store: Store, folder, names) -> list:
    paths = []
    for name in names:
        text, date = TEXTS[name]
        path = write_article(folder, name, text)
        store.save_analysis(fake_analysis(text, path, date, SPEAKERS))
        paths.append(path)
    return paths


@pytest.fixture
def worker():
    kept = ChildWorker("coverage")
    yield kept
    kept.close()


def _shown(snapshot) -> tuple:
    """What the window shows of a snapshot (its groups' quotes by path, who is quoted, the
    articles' dates and counts)."""
    return (
        [sorted((s.path, s.start, s.text) for s in g.sightings) for g in snapshot.groups],
        sorted(snapshot.by_quote),
        [(r.key, r.name, r.quotes, r.words, r.articles) for r in snapshot.speakers.rows],
        [(a.path, a.title, a.date, dict(a.counts)) for a in snapshot.articles],
    )


def test_a_snapshot_made_in_a_child_process_is_the_one_made_here(tmp_path, worker):
    with Store.open(tmp_path / "s.sqlite3") as store:
        paths = _save(store, tmp_path / "articles", ["a.txt", "c.txt"])
        collection = Collection(store, paths, MODEL)
        first = worker.run(child_snapshot, collection_key(collection))
        assert first.groups == ()
        assert _shown(first) == _shown(take_snapshot(StoredCoverage(store), collection))
        paths += _save(store, tmp_path / "articles", ["b.txt"])  # the child syncs with it
        collection = Collection(store, paths, MODEL)
        second = worker.run(child_snapshot, collection_key(collection))
        assert _shown(second) == _shown(take_snapshot(StoredCoverage(store), collection))
        (group,) = second.groups
        assert {s.path for s in group.sightings} == {str(paths[0]), str(paths[2])}
        report = worker.run(
            child_report, collection_key(collection), tmp_path / "r.html", "Bridge", False
        )
        assert "Bridge" in report.read_text("utf-8")


def test_the_child_process_is_ended_on_close_and_started_again(tmp_path, worker):
    with Store.open(tmp_path / "s.sqlite3") as store:
        paths = _save(store, tmp_path / "articles", ["a.txt"])
        key = collection_key(Collection(store, paths, MODEL))
        worker.run(child_snapshot, key)
        (process,) = worker._pool._processes.values()  # the child, to see it end
        worker.close()
        wait_ended(process.pid)
        assert ended(process.pid)
        assert len(worker.run(child_snapshot, key).articles) == 1  # a new child


def test_a_child_that_gives_no_answer_is_stopped_with_a_message_real_process(tmp_path, worker):
    with pytest.raises(TimeoutError, match="no answer"):
        worker.run(time.sleep, 60, timeout=0.5)
    with Store.open(tmp_path / "s.sqlite3") as store:
        paths = _save(store, tmp_path / "articles", ["a.txt"])
        key = collection_key(Collection(store, paths, MODEL))
        assert len(worker.run(child_snapshot, key).articles) == 1  # a new child
