"""A collection's identity kept in the store (schema 4): a collection opened again reads no
analysis, gives the same answers, and one whose analyses or corrections moved on is brought up
to date from the snapshot; an older store is migrated with its rows kept."""

from __future__ import annotations

import dataclasses
import json
import sqlite3

from reader.core.store import identity_snapshot
from reader.core.store.corrections import Correction
from reader.core.store.database import Store, content_hash
from reader.core.store.entity_facts import EntityFacts
from reader.core.store.identity import CollectionIdentity
from reader.core.store.library import Collection
from reader.core.store.library_identity import GatheredMap, StoredIdentity, _to_plain, gather
from reader.core.store.rows import MIGRATIONS, SCHEMA_VERSION
from tests.core.store.test_identity import article
from tests.core.store.test_library_identity import TEXTS, _save


def _answers(collection: Collection) -> tuple:
    """Everything the Library asks of a collection's identity."""
    key = "person:donald-trump"
    return (
        collection.entities(),
        collection.quotes_of(key),
        collection.quotes(),
        collection.articles_mentioning(key),
        collection.co_occurring(key),
        collection.texts_of(key),
    )


def _reads(monkeypatch) -> list[int]:
    """The analysis ids the identity reads from the store from now on."""
    read: list[int] = []
    add = StoredIdentity._add
    monkeypatch.setattr(
        StoredIdentity, "_add", lambda self, ids, c: (read.extend(ids), add(self, ids, c))
    )
    return read


def test_a_collection_opened_again_reads_no_analysis_and_answers_the_same(tmp_path, monkeypatch):
    paths = [tmp_path / "a.txt", tmp_path / "b.txt"]
    with Store.open(tmp_path / "s.sqlite3") as store:
        _save(store, tmp_path, "a.txt")
        _save(store, tmp_path, "b.txt")
        first = _answers(Collection(store, paths, "m"))
    read = _reads(monkeypatch)
    with Store.open(tmp_path / "s.sqlite3") as store:
        again = Collection(store, list(reversed(paths)), "m")  # same set, another order
        assert again.entities() == first[0]
        assert read == []
        assert _answers(Collection(store, paths, "m")) == first
        assert read == []


def test_a_snapshot_that_moved_on_is_brought_up_to_date_reading_only_what_changed(
    tmp_path, monkeypatch
):
    paths = [tmp_path / "a.txt", tmp_path / "b.txt"]
    with Store.open(tmp_path / "s.sqlite3") as store:
        _save(store, tmp_path, "a.txt")
        Collection(store, paths, "m").entities()  # kept with a.txt only
        _save(store, tmp_path, "b.txt")
        digest = content_hash(article(*TEXTS["b.txt"]).article)
        store.add_correction(digest, Correction("split", start=4, end=9, name="Ivanka Trump"))
        read = _reads(monkeypatch)
        updated = _answers(Collection(store, paths, "m"))
        assert len(read) == 1  # b.txt, new since the snapshot
        monkeypatch.undo()
        fresh = Collection(store, paths, "m")
        fresh._identity.scope = ""  # no snapshot: everything read and resolved anew
        assert updated == _answers(fresh)
        assert {e.key for e in updated[0]} == {
            "person:donald-trump",
            "person:ivanka-trump",
            "org:acme",
        }


def test_a_snapshot_made_by_other_identity_rules_is_not_used(tmp_path, monkeypatch):
    paths = [tmp_path / "a.txt", tmp_path / "b.txt"]
    with Store.open(tmp_path / "s.sqlite3") as store:
        _save(store, tmp_path, "a.txt")
        _save(store, tmp_path, "b.txt")
        first = _answers(Collection(store, paths, "m"))
        monkeypatch.setattr(identity_snapshot, "RULES", "other rules")
        read = _reads(monkeypatch)
        assert _answers(Collection(store, paths, "m")) == first
        assert len(read) == 2


def test_a_collection_counts_the_store_as_unchanged_after_keeping_its_snapshot(tmp_path):
    with Store.open(tmp_path / "s.sqlite3") as store:
        _save(store, tmp_path, "a.txt")
        collection = Collection(store, [tmp_path / "a.txt"], "m")
        collection.entities()  # writes the snapshot
        assert collection._identity.saves == 1
        collection.articles()
        assert "gathered" in collection._cache  # nothing read again for the snapshot's write
        store.add_correction("0" * 64, Correction("kind", key="org:x", kind="PERSON"))
        collection.articles()
        assert "gathered" not in collection._cache  # any other write is seen


def test_a_schema_3_store_is_migrated_with_its_rows(tmp_path):
    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path, isolation_level=None)
    for number, migrate in enumerate(MIGRATIONS[:3], start=1):
        migrate(db)
        db.execute(f"PRAGMA user_version = {number}")
    db.close()
    with Store.open(path) as store:
        _save(store, tmp_path, "a.txt")
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version = 3")
    db.execute("DROP INDEX quote_rows_confidence")  # schema 5's, taken back with schema 4's
    db.execute("ALTER TABLE quote_rows DROP COLUMN confidence")
    db.execute("ALTER TABLE quote_rows DROP COLUMN path")
    db.execute("DROP TABLE identity_snapshots")
    db.execute("DROP INDEX quote_rows_speaker_article")
    db.execute("CREATE INDEX quote_rows_speaker ON quote_rows (speaker_key)")
    db.commit()
    db.close()
    with Store.open(path) as store:
        assert store.query("PRAGMA user_version")[0][0] == SCHEMA_VERSION
        plan = store.query(
            "EXPLAIN QUERY PLAN SELECT analysis_id FROM quote_rows WHERE speaker_key = ?", ("k",)
        )
        assert "COVERING INDEX quote_rows_speaker_article" in plan[0][-1]
        collection = Collection(store, [tmp_path / "a.txt"], "m")
        assert [q.quote.text for q in collection.quotes_of("person:donald-trump")] == ["We win,"]
        assert store.query("SELECT count(*) FROM identity_snapshots")[0][0] == 1


def _facts() -> list[EntityFacts]:
    return [
        EntityFacts(
            "person:zoe-caron", "Zoé Caron", "PERSON", 3, 1, frozenset({"f"}), frozenset({"sen"})
        ),
        EntityFacts("person:caron", "Caron", "PERSON", 2, givens=frozenset({"zoé"})),
        EntityFacts(  # a line separator and quotes inside a name stay inside its line
            "org:a-b", 'A\u2028B "Co"\\', "ORG", 1, aliases=frozenset({"AB", "A B"}), corrected=True
        ),
    ]


def test_the_facts_kept_are_restored_equal_one_article_a_line(tmp_path):
    identity = CollectionIdentity()
    identity.add(7, _facts())
    identity.add(9, _facts()[:1])
    identity.add(11, ())
    state = ({7: "h7", 9: "h9", 11: "h11"}, {})
    with Store.open(tmp_path / "s.sqlite3") as store:
        identity_snapshot.save(store, "scope", state, ({}, {}), identity)
        snapshot = identity_snapshot.load(store, "scope")
        assert snapshot is not None and snapshot.covers(*state)
        assert snapshot.facts().count("\n") == 2  # three articles, one line each
        restored = CollectionIdentity()
        assert snapshot.restore(restored)
    assert restored.articles() == (7, 9, 11)
    for article_id in (7, 9, 11):
        assert restored.entities(article_id) == identity.entities(article_id)
        for f in identity.entities(article_id):
            assert restored.key(article_id, f.key) == identity.key(article_id, f.key)


def test_a_snapshot_replaced_after_it_was_read_restores_nothing(tmp_path):
    identity = CollectionIdentity()
    identity.add(7, _facts())
    with Store.open(tmp_path / "s.sqlite3") as store:
        identity_snapshot.save(store, "scope", ({7: "h"}, {}), ({}, {}), identity)
        snapshot = identity_snapshot.load(store, "scope")
        identity_snapshot.save(store, "scope", ({7: "h", 8: "i"}, {}), ({}, {}), identity)
        restored = CollectionIdentity()
        assert not snapshot.restore(restored)  # its facts are not the newer state's
        assert restored.articles() == ()
        assert identity_snapshot.load(store, "scope").restore(restored)
        assert restored.articles() == (7,)


def test_an_articles_own_keys_under_one_collection_key_are_sorted_kept_or_not(tmp_path):
    identity = CollectionIdentity()
    identity.add(7, _facts())
    made = gather(identity, [7])
    key = identity.key(7, "person:zoe-caron")
    assert identity.key(7, "person:caron") == key  # "Caron" is the article's Zoé Caron
    assert made[key].keys == {7: ("person:caron", "person:zoe-caron")}
    with Store.open(tmp_path / "s.sqlite3") as store:
        identity_snapshot.save(store, "scope", ({7: "h"}, {}), _to_plain(made, {}), identity)
        kept = GatheredMap(*identity_snapshot.load(store, "scope").gathered())
    assert kept[key] == made[key]
    assert kept.summary("org:a-b") == ('A\u2028B "Co"\\', "ORG", 1, 1, 0)


def test_each_keys_details_are_read_from_their_own_line(tmp_path):
    identity = CollectionIdentity()
    identity.add(7, _facts())
    identity.add(9, _facts()[2:])
    made = gather(identity, [7, 9])
    summary, details = _to_plain(made, {})
    with Store.open(tmp_path / "s.sqlite3") as store:
        identity_snapshot.save(store, "scope", ({7: "h", 9: "i"}, {}), (summary, details), identity)
        snapshot = identity_snapshot.load(store, "scope")
    lines = snapshot.gathered_json.split("\n")
    assert len(lines) == 1 + len(made)  # the summary, then one line per collection key
    read_summary, read_details = snapshot.gathered()
    assert list(read_details()) == list(read_summary) == list(summary)
    person, org = identity.key(7, "person:caron"), "org:a-b"
    assert read_details()[org] == json.loads(json.dumps(details[org], ensure_ascii=False))
    broken = dataclasses.replace(  # another key's line unreadable: this key's still read
        snapshot, gathered_json="\n".join(line if i != 1 else "[" for i, line in enumerate(lines))
    )
    assert next(iter(read_summary)) == person  # its line is the broken one
    assert GatheredMap(*broken.gathered())[org] == made[org]


def test_what_an_identity_would_read_counts_what_neither_it_nor_its_snapshot_holds(tmp_path):
    paths = [tmp_path / "a.txt", tmp_path / "b.txt"]
    with Store.open(tmp_path / "s.sqlite3") as store:
        _save(store, tmp_path, "a.txt")
        collection = Collection(store, paths, "m")
        analyses = collection.identity_state()[0]
        scope = collection._identity.scope
        assert StoredIdentity(store, scope).to_read(analyses) == 1  # no snapshot yet
        collection.entities()  # its snapshot saved
        _save(store, tmp_path, "b.txt")
        analyses = Collection(store, paths, "m").identity_state()[0]
        fresh = StoredIdentity(store, scope)
        assert fresh.to_read(analyses) == 1  # b.txt, new since the snapshot
        assert StoredIdentity(store, "").to_read(analyses) == 2  # no scope, no snapshot
        fresh.gathered(analyses)  # from the snapshot `to_read` read, and b.txt
        assert fresh.to_read(analyses) == 0  # both in hand
