"""Each entity row's first stated role (schema 8): written with the rows, kept through
corrections and alias rules, and filled in once when an older store is migrated."""

from __future__ import annotations

import sqlite3

import pytest

from reader.core.store.alias_rules import AliasRule, drop_rule, keep_rules
from reader.core.store.corrections import Correction
from reader.core.store.database import Store, content_hash
from reader.core.store.rows import SCHEMA_VERSION, reindex
from tests.core.role_articles import (
    FEBRUARY,
    FEBRUARY_ROLES,
    JANUARY,
    JANUARY_ROLES,
    role_analysis,
)

JANUARY_ROWS = {
    ("person:tom-baker", "Tom Baker", "Secretary of State"),
    ("org:acme", "Acme", "a maker of engines"),
    ("country:jo", "Jordan", None),
    ("person:ada-lovelace", "Ada Lovelace", None),
}


def _rows(store: Store, digest: str) -> set[tuple[str, str, str | None]]:
    return set(
        store.query(
            "SELECT e.key, e.name, e.role FROM entity_rows e JOIN analyses a"
            " ON a.id = e.analysis_id WHERE a.content_hash = ?",
            (digest,),
        )
    )


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "s.sqlite3") as store:
        yield store


def test_each_entity_row_holds_the_first_role_its_article_states(store):
    january = role_analysis(JANUARY, JANUARY_ROLES)
    store.save_analysis(january)
    # Baker is also "the Secretary of State" later on; the first role stated is kept.
    assert _rows(store, content_hash(january.article)) == JANUARY_ROWS


def test_a_rename_a_merge_and_a_kind_keep_the_role(store):
    january = role_analysis(JANUARY, JANUARY_ROLES)
    store.save_analysis(january)
    digest = content_hash(january.article)
    store.add_correction(digest, Correction("rename", key="person:tom-baker", name="Thomas Baker"))
    store.add_correction(digest, Correction("kind", key="org:acme", kind="PERSON"))
    assert ("person:tom-baker", "Thomas Baker", "Secretary of State") in _rows(store, digest)
    assert ("org:acme", "Acme", "a maker of engines") in _rows(store, digest)
    # Ada Lovelace (no role of her own) takes Acme in: the merged entity has Acme's role.
    store.add_correction(
        digest, Correction("merge", key="person:ada-lovelace", other_key="org:acme")
    )
    assert ("person:ada-lovelace", "Ada Lovelace", "a maker of engines") in _rows(store, digest)
    store.undo_last_correction(digest)
    assert ("person:ada-lovelace", "Ada Lovelace", None) in _rows(store, digest)


def test_alias_rules_keep_the_role_as_a_full_reindex_writes_it(store):
    january = role_analysis(JANUARY, JANUARY_ROLES)
    february = role_analysis(FEBRUARY, FEBRUARY_ROLES)
    store.save_analyses([january, february])
    baker = AliasRule(("person:tom-baker",), "person:thomas-baker", "Thomas Baker")
    [rule_id] = keep_rules(store, [baker])  # the batched rewrite of alias_rows

    assert ("person:thomas-baker", "Thomas Baker", "Secretary of State") in _rows(
        store, content_hash(january.article)
    )
    assert _rows(store, content_hash(february.article)) == {
        ("person:thomas-baker", "Thomas Baker", "the Secretary of State"),
        ("org:acme", "Acme", None),
        ("country:fr", "France", None),
    }
    columns = "analysis_id, key, name, kind, mentions, quotes, role"
    batched = sorted(store.query(f"SELECT {columns} FROM entity_rows"))
    with store.writing() as db:
        for digest in {a for (a,) in db.execute("SELECT content_hash FROM analyses")}:
            reindex(db, digest)
    assert sorted(store.query(f"SELECT {columns} FROM entity_rows")) == batched

    drop_rule(store, rule_id)
    assert _rows(store, content_hash(january.article)) == JANUARY_ROWS


def test_a_schema_7_store_is_given_its_roles_once_corrections_included(tmp_path):
    path = tmp_path / "old.sqlite3"
    january = role_analysis(JANUARY, JANUARY_ROLES)
    february = role_analysis(FEBRUARY, ())  # an analysis that states no role
    with Store.open(path) as store:
        store.save_analyses([january, february])
        store.add_correction(
            content_hash(january.article),
            Correction("rename", key="person:tom-baker", name="Thomas Baker"),
        )
        expected = sorted(store.query("SELECT analysis_id, key, name, role FROM entity_rows"))
    # The same store as schema 7 wrote it: no role column, no role index.
    db = sqlite3.connect(path)
    db.execute("DROP INDEX entity_rows_role")
    db.execute("ALTER TABLE entity_rows DROP COLUMN role")
    db.execute("PRAGMA user_version = 7")
    db.commit()
    db.close()

    with Store.open(path) as migrated:
        assert migrated.query("PRAGMA user_version") == [(SCHEMA_VERSION,)]
        rows = sorted(migrated.query("SELECT analysis_id, key, name, role FROM entity_rows"))
        assert rows == expected
        assert ("person:tom-baker", "Thomas Baker", "Secretary of State") in {r[1:] for r in rows}
        assert sum(1 for r in rows if r[3] is not None) == 2
        plan = migrated.query(
            "EXPLAIN QUERY PLAN SELECT key, role FROM entity_rows"
            " WHERE role IS NOT NULL AND analysis_id IN (1, 2)"
        )
        assert any("entity_rows_role" in str(step) for step in plan)
