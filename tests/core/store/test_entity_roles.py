"""An entity's roles across a collection with their dates (issue 21, deliverable 3)."""

from __future__ import annotations

import datetime

import pytest

from reader.core.model import Analysis, Kind, Mention, Role
from reader.core.store.alias_rules import AliasRule, keep_rules
from reader.core.store.database import Store
from reader.core.store.entity_roles import (
    StatedRole,
    latest_role,
    role_wording,
    roles_across,
)
from reader.core.store.library import Collection
from reader.core.text.article import Article, ArticleMeta
from tests.core.library_articles import MODEL, write_article
from tests.core.role_articles import DATED, role_analysis

D = datetime.date
BAKER_ROLES = (
    StatedRole("Secretary of State", 2, D(2017, 1, 12), D(2017, 2, 2), 0),
    StatedRole("Former Secretary of State", 1, D(2018, 3, 14), D(2018, 3, 14), 0),
    StatedRole("keen sailor", 1, None, None, 1),
)


@pytest.fixture
def library(tmp_path):
    with Store.open(tmp_path / "s.sqlite3") as store:
        paths = []
        for name, text, date, roles in DATED:
            path = write_article(tmp_path / "articles", name, text)
            store.save_analysis(role_analysis(text, roles, path, date))
            paths.append(path)
        yield store, paths


def test_a_persons_roles_are_listed_in_date_order_with_their_dates(library):
    store, paths = library
    collection = Collection(store, paths, MODEL)
    entities = {e.key: e for e in collection.entities()}
    assert entities["person:tom-baker"].roles == BAKER_ROLES
    assert entities["org:acme"].roles == (
        StatedRole("maker of engines", 1, D(2017, 1, 12), D(2017, 1, 12), 0),
    )
    assert entities["country:fr"].roles == ()
    assert entities["person:tom-baker"].role == "Former Secretary of State"
    assert entities["org:acme"].role == "maker of engines"
    assert entities["country:jo"].role == ""
    # A collection opened again reads them from its identity's snapshot, as they were.
    again = Collection(store, paths, MODEL).entities()
    assert store.query("SELECT count(*) FROM identity_snapshots") == [(1,)]
    assert {e.key: e.roles for e in again} == {e.key: e.roles for e in entities.values()}


def test_only_the_collections_articles_count(library):
    store, paths = library
    january_and_undated = Collection(store, [paths[0], paths[3]], MODEL)
    entities = {e.key: e for e in january_and_undated.entities()}
    assert entities["person:tom-baker"].roles == (
        StatedRole("Secretary of State", 1, D(2017, 1, 12), D(2017, 1, 12), 0),
        StatedRole("keen sailor", 1, None, None, 1),
    )
    assert entities["person:tom-baker"].role == "Secretary of State"  # dated before undated


def test_roles_follow_the_collection_key_of_a_surname_only_article(library, tmp_path):
    store, paths = library
    text = "Baker again\nBaker, the envoy to Jordan, spoke.\n"
    path = write_article(tmp_path / "articles", "april.txt", text)
    start = text.index("the envoy to Jordan")
    baker = Mention(
        text.index("Baker,"),
        text.index("Baker,") + 5,
        "Baker",
        Kind.PERSON,
        "person:baker",
        "Baker",
        role=Role(start, start + len("the envoy to Jordan"), "the envoy to Jordan"),
    )
    article = Article("Baker again", text, (), path=path, meta=ArticleMeta(date="2018-04-02"))
    store.save_analysis(Analysis(article, MODEL, (baker,), ()))
    collection = Collection(store, [*paths, path], MODEL)
    roles = {e.key: e.roles for e in collection.entities()}["person:tom-baker"]
    assert roles[-2] == StatedRole("envoy to Jordan", 1, D(2018, 4, 2), D(2018, 4, 2), 0)
    assert {e.key: e.role for e in collection.entities()}["person:tom-baker"] == ("envoy to Jordan")


def test_an_alias_rule_carries_the_roles_to_its_entity(library):
    store, paths = library
    keep_rules(store, [AliasRule(("person:tom-baker",), "person:thomas-baker", "Thomas Baker")])
    entities = {e.key: e for e in Collection(store, paths, MODEL).entities()}
    assert entities["person:thomas-baker"].roles == BAKER_ROLES
    assert "person:tom-baker" not in entities


def test_roles_across_gathers_wordings_and_leaves_out_other_articles():
    rows = [
        (1, "person:a", "the Mayor"),
        (2, "person:a2", "mayor"),  # the same person in article 2, the same role
        (2, "person:a2", "former  mayor"),
        (3, "person:a", "the Mayor"),
        (9, "person:a", "king"),  # not an article of the collection
    ]
    keys = {2: {"person:a2": "person:a"}}
    dates = {1: "2020-05-01T10:00:00+02:00", 2: "2019-01-01", 3: "Tuesday"}
    assert roles_across(rows, keys, dates) == {
        "person:a": (
            # both first stated on 1 Jan 2019: the one stated last comes last
            StatedRole("former mayor", 1, D(2019, 1, 1), D(2019, 1, 1), 0),
            StatedRole("Mayor", 3, D(2019, 1, 1), D(2020, 5, 1), 1),
        )
    }
    assert latest_role(roles_across(rows, keys, dates)["person:a"]) == "Mayor"


def test_role_wording_and_the_latest_role_of_undated_roles():
    assert role_wording("  the   Secretary of\nState ") == "Secretary of State"
    assert role_wording("An") == "An"
    assert role_wording("his deputy") == "his deputy"
    undated = (StatedRole("envoy", 2, None, None, 2), StatedRole("aide", 1, None, None, 1))
    assert latest_role(undated) == "envoy"
    assert latest_role(()) == ""
