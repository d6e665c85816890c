"""Quote groups kept in the store (issue 24, schema 6): grouped as analyses are written,
the same ids after a re-analysis, a correction and a reopening, split and joined as articles
come and go, built once for a store of schema 5, and looked up through indexes only."""

from __future__ import annotations

import dataclasses
import sqlite3

import pytest

from reader.core.store import quote_group_rows
from reader.core.store.corrections import Correction
from reader.core.store.database import Store, content_hash
from reader.core.store.library import Collection
from reader.core.store.quote_group_reads import stored_analysis_ids, stored_groups
from reader.core.store.rows import SCHEMA_VERSION
from reader.core.store.stored_coverage import StoredCoverage
from tests.core.library_articles import MODEL, fake_analysis, write_article

SAID = "We will rebuild the old bridge before the winter comes to the valley."
CUT = "rebuild the old bridge before the winter comes"
OTHER = "Nobody else is going to pay for the new school roof this year."
LONG = f"{SAID} {OTHER}"

A = f"Bridge\n\nAda Lovelace spoke.\n\n“{SAID}” Lovelace said.\n\n“{OTHER}”\n"
B = f"Again\n\nTom Baker spoke.\n\n“{SAID[:-1]},” Baker said.\n"
C = "Other\n\nAcme spoke.\n\n“Nothing at all to add on the harbour today, we think.”\n"
D = f"Cut\n\n“{CUT}” Baker said.\n"
E = f"Roof\n\n“{OTHER}”\n"
BRIDGE = f"Both\n\n“{LONG}”\n"
SPEAKERS = {SAID: "person:ada-lovelace", SAID[:-1] + ",": "person:tom-baker"}


def save(store: Store, text: str, model: str = MODEL):
    analysis = dataclasses.replace(fake_analysis(text, speakers=SPEAKERS), model=model)
    store.save_analysis(analysis)
    return analysis


def groups_of(store: Store, *texts: str, model: str = MODEL) -> list[dict[int, int]]:
    """Per text: quote start -> its stored group number."""
    hashes = [content_hash(fake_analysis(t).article) for t in texts]
    ids = stored_analysis_ids(store, model, hashes)
    groups = stored_groups(store, ids.values())
    return [{s: g for (a, s), g in groups.items() if a == ids.get(h)} for h in hashes]


def start(text: str, quote: str) -> int:
    return text.index(quote)


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "s.sqlite3") as opened:
        yield opened


def test_a_second_article_joins_the_first_s_group_as_it_is_written(store):
    save(store, A)
    (a,) = groups_of(store, A)
    assert a[start(A, SAID)] != a[start(A, OTHER)]
    save(store, B)
    save(store, C)
    a, b, c = groups_of(store, A, B, C)
    assert b[start(B, SAID[:-1])] == a[start(A, SAID)]  # the first article's id kept
    assert set(c.values()).isdisjoint(a.values())


def test_reanalysis_correction_and_reopening_keep_the_group_ids(store, tmp_path, monkeypatch):
    save(store, A)
    save(store, B)
    before = groups_of(store, A, B)
    save(store, A)  # analysed again: the old analysis replaced, its quotes taken out first
    assert groups_of(store, A, B) == before
    store.add_correction(
        content_hash(fake_analysis(B).article), Correction("speaker", start=start(B, SAID[:-1]))
    )
    assert groups_of(store, A, B) == before
    store.close()
    # Reopened, the groups are read from the tables: nothing is paired again.
    monkeypatch.setattr(quote_group_rows, "_paired_with", lambda *a: pytest.fail("paired"))
    with Store.open(tmp_path / "s.sqlite3") as again:
        assert groups_of(again, A, B) == before


def test_a_reanalysis_without_the_quote_leaves_the_other_in_the_group_id(store):
    save(store, A)
    save(store, B)
    (a, b) = groups_of(store, A, B)
    group = a[start(A, SAID)]
    without = fake_analysis(A, speakers=SPEAKERS)
    store.save_analysis(dataclasses.replace(without, quotes=without.quotes[1:]))
    (a, b) = groups_of(store, A, B)
    assert start(A, SAID) not in a and b[start(B, SAID[:-1])] == group
    save(store, A)
    (a, _b) = groups_of(store, A, B)
    assert a[start(A, SAID)] == group


def test_a_bridging_quote_joins_two_groups_under_the_oldest_id_and_leaving_splits_them(store):
    save(store, D)
    save(store, E)
    (d, e) = groups_of(store, D, E)
    cut, roof = d[start(D, CUT)], e[start(E, OTHER)]
    assert cut < roof
    save(store, BRIDGE)
    (d, e, bridge) = groups_of(store, D, E, BRIDGE)
    assert d[start(D, CUT)] == e[start(E, OTHER)] == bridge[start(BRIDGE, LONG)] == cut
    without = fake_analysis(BRIDGE)
    store.save_analysis(dataclasses.replace(without, quotes=()))
    (d, e) = groups_of(store, D, E)
    assert d[start(D, CUT)] == cut  # a tie of one quote each: the oldest quote's part
    assert e[start(E, OTHER)] not in (cut, roof)  # a new id: an id is never given twice


def test_quotes_of_another_pipeline_are_never_grouped_with_these(store):
    save(store, A)
    save(store, B, model="other-pipeline 2.0")
    (a,) = groups_of(store, A)
    (b,) = groups_of(store, B, model="other-pipeline 2.0")
    assert set(a.values()).isdisjoint(b.values())


def test_a_schema_5_store_groups_its_analyses_once_when_opened(tmp_path, monkeypatch):
    path = tmp_path / "old.sqlite3"
    with Store.open(path) as store:
        for text in (A, B, C):
            save(store, text)
        expected = groups_of(store, A, B, C)
    db = sqlite3.connect(path)
    for table in quote_group_rows.TABLES:
        db.execute(f"DROP TABLE {table}")
    db.execute("PRAGMA user_version = 5")
    db.commit()
    db.close()
    calls: list[int] = []
    index = quote_group_rows.index_quotes
    monkeypatch.setattr(
        quote_group_rows, "index_quotes", lambda db, i, q: calls.append(i) or index(db, i, q)
    )
    with Store.open(path) as store:
        assert store.query("PRAGMA user_version")[0][0] == SCHEMA_VERSION
        assert groups_of(store, A, B, C) == expected
    assert len(calls) == 3
    with Store.open(path) as store:
        assert groups_of(store, A, B, C) == expected
    assert len(calls) == 3  # built once


def test_clearing_the_store_empties_the_index_and_ids_are_not_given_again(store):
    save(store, A)
    (a,) = groups_of(store, A)
    store.clear()
    for table in quote_group_rows.TABLES[:-2]:
        assert store.query(f"SELECT count(*) FROM {table}") == [(0,)]
    save(store, A)
    (again,) = groups_of(store, A)
    assert set(again.values()).isdisjoint(a.values())


def test_writing_an_article_reads_the_index_through_its_keys_never_a_scan(store):
    for text in (A, B, C, D, E):
        save(store, text)
    statements: list[str] = []
    store._db.set_trace_callback(statements.append)
    try:
        save(store, BRIDGE)
        save(store, BRIDGE)  # replaced: taken out, then grouped again
    finally:
        store._db.set_trace_callback(None)
    mine = [s for s in statements if "provenance_" in s and not s.startswith("INSERT")]
    assert any("provenance_keys" in s for s in mine)
    for statement in set(mine):
        plan = store.query(f"EXPLAIN QUERY PLAN {statement}")
        # Only the article's own list of word pairs (json_each) and a subquery's few rows
        # may be read in full; every stored table is searched through an index.
        scans = [
            row[-1]
            for row in plan
            if row[-1].startswith("SCAN") and not row[-1].startswith(("SCAN k ", "SCAN (sub"))
        ]
        assert not scans, (statement, scans)
        assert "SEARCH" in " ".join(row[-1] for row in plan), statement


def test_the_library_s_coverage_reads_the_store_s_group_ids(store, tmp_path):
    paths = [write_article(tmp_path / "news", n, t) for n, t in (("a.txt", A), ("b.txt", B))]
    for path, text in zip(paths, (A, B), strict=True):
        store.save_analysis(fake_analysis(text, path, speakers=SPEAKERS))
    kept = StoredCoverage(store)
    (group,) = kept.sync(Collection(store, paths, MODEL)).quote_groups()
    (a, _b) = groups_of(store, A, B)
    assert group.id == f"g{a[start(A, SAID)]}"
    assert {s.path for s in group.sightings} == {str(p) for p in paths}
    save(store, D)  # another article of the store joins the group: the collection's stays
    (group,) = kept.sync(Collection(store, paths, MODEL)).quote_groups()
    assert group.id == f"g{a[start(A, SAID)]}" and group.articles == 2
