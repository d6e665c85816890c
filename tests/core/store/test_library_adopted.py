"""The window's Collection (issue 25, "a window that never waits"): its entities come only from
the identity it adopted, worked out elsewhere (`identity_update` over a StoredIdentity kept
between updates); it knows cheaply whether the store has moved on, and its queries skip the
analyses that left the collection since it adopted its identity."""

from __future__ import annotations

import os

import pytest

from reader.core.store import identity_snapshot
from reader.core.store.corrections import Correction
from reader.core.store.database import content_hash
from reader.core.store.library import Collection, identity_update
from reader.core.store.library_identity import StoredIdentity
from tests.core.library_articles import MODEL, fake_analysis
from tests.core.store.test_library import ARTICLES, library  # noqa: F401 (fixture)


def _window_collection(library) -> tuple:  # noqa: F811
    store, plain, paths = library
    return store, Collection(store, plain.paths, MODEL, adopts_identity=True), paths


def _no_identity_work_here(monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on, any sync or snapshot read fails the test."""

    def refused(*_args, **_kwargs):
        raise AssertionError("the window's Collection worked out its identity itself")

    monkeypatch.setattr(StoredIdentity, "_sync", refused)
    monkeypatch.setattr(identity_snapshot, "load", refused)


def test_a_window_collection_lists_only_the_identity_it_adopted(library, monkeypatch):  # noqa: F811
    store, collection, _paths = _window_collection(library)
    update = identity_update(StoredIdentity(store, collection.scope), collection.identity_state())
    expected = library[1].entities()  # the CLI's Collection, which works it out itself
    _no_identity_work_here(monkeypatch)

    assert collection.entities() == () and collection.quotes_of("person:tom-baker") == ()
    assert collection.adopted is None and not collection.identity_current()
    collection.adopt_identity(update)
    assert collection.identity_current()
    assert collection.entities() == expected
    assert [q.quote.text for q in collection.quotes_of("person:tom-baker")] == [
        "Not with those gears,",
        "Café engines for all,",
    ]
    top, shared = collection.co_occurring("person:tom-baker")[0]
    assert (top.key, shared) == ("org:acme", 2)


def test_a_correction_puts_the_adopted_identity_out_of_date_and_an_update_reads_one_text(
    library,  # noqa: F811
    monkeypatch,
):
    store, collection, _paths = _window_collection(library)
    kept = StoredIdentity(store, collection.scope)  # as the window's lane keeps it
    collection.adopt_identity(identity_update(kept, collection.identity_state()))
    digest = content_hash(fake_analysis(ARTICLES["later/undated.md"][0]).article)
    store.add_correction(digest, Correction("rename", key="org:acme", name="Acme Works"))
    assert not collection.identity_current()
    assert {e.key: e.name for e in collection.entities()}["org:acme"] == "Acme"  # as adopted

    read: list[list[int]] = []
    add = StoredIdentity._add
    monkeypatch.setattr(
        StoredIdentity, "_add", lambda s, ids, c: (read.append(ids), add(s, ids, c))
    )
    collection.adopt_identity(identity_update(kept, collection.identity_state()))
    assert len(read) == 1 and len(read[0]) == 1  # only the corrected text read again
    assert collection.identity_current()
    assert "Acme Works" in {e.name for e in collection.entities()}  # 2 mentions of 3


def test_a_correction_elsewhere_in_the_library_leaves_the_identity_current(
    library,  # noqa: F811
):
    store, collection, _paths = _window_collection(library)
    collection.adopt_identity(
        identity_update(StoredIdentity(store, collection.scope), collection.identity_state())
    )
    other = fake_analysis("Elsewhere\nTom Baker sails.\n")
    store.save_analysis(other)
    store.add_correction(
        content_hash(other.article), Correction("rename", key="person:tom-baker", name="T. B.")
    )
    assert collection.identity_current()


def test_queries_skip_the_analyses_that_left_the_collection_since_it_was_adopted(
    library,  # noqa: F811
):
    store, collection, paths = _window_collection(library)
    collection.adopt_identity(
        identity_update(StoredIdentity(store, collection.scope), collection.identity_state())
    )
    tuesday = paths[1]
    tuesday.write_text("Rewritten since: nobody here.\n", "utf-8")  # its analysis leaves
    os.utime(tuesday, ns=(1, 1))
    store.save_analysis(fake_analysis("Elsewhere\nAcme sails.\n"))  # a write: read again

    assert not collection.articles()[1].analysed and not collection.identity_current()
    assert [q.path for q in collection.quotes_of("person:tom-baker")] == [paths[2]]
    assert [a.path for a in collection.articles_mentioning("org:acme")] == [paths[2]]
    undated = content_hash(fake_analysis(ARTICLES["later/undated.md"][0]).article)
    assert {digest for digest, _key in collection.texts_of("org:acme")} == {undated}
    assert [(e.key, n) for e, n in collection.co_occurring("person:tom-baker")] == [
        ("org:acme", 1),
        ("country:fr", 1),
    ]
    assert len(collection.quotes()) == 2  # monday's and undated's
