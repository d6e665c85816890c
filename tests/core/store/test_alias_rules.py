"""The library's alias rules: kept in the store, applied to stored texts and to texts analysed
later, in the query rows and the collection as in the analysis read, and removed exactly."""

from __future__ import annotations

import pytest

from reader.core.model import Analysis, Kind, Mention, Quote, Speaker
from reader.core.store.alias_rules import (
    RULE_SCOPE,
    AliasRule,
    AliasRuleError,
    derive,
    drop_rule,
    keep_rules,
    read_rules,
    with_rules,
)
from reader.core.store.corrections import Correction
from reader.core.store.database import Store, content_hash
from reader.core.store.library import Collection
from reader.core.store.rows import reindex
from reader.core.text.article import Article
from tests.core.library_articles import MODEL, fake_analysis, write_article

MONDAY = "Tom Baker visited Acme.\n“Gears turn,” Baker said.\n"
TUESDAY = "Acme met Ada Lovelace in France.\n“Engines first,” Lovelace said.\n"
WEDNESDAY = "Baker and Acme argued in Jordan.\n"
BAKER_SAID = {"Gears turn,": "person:tom-baker"}

# "always treat Acme as the Acme Engine Company" and "Tom Baker is Thomas Baker"
ACME = AliasRule(("Acme",), "org:acme-engine-company", "Acme Engine Company", "ORG")
BAKER = AliasRule(("person:tom-baker",), "person:tom-baker", "Thomas Baker")


def _rows(store: Store, digest: str) -> set[tuple[str, str, str]]:
    return set(
        store.query(
            "SELECT e.key, e.name, e.kind FROM entity_rows e JOIN analyses a"
            " ON a.id = e.analysis_id WHERE a.content_hash = ?",
            (digest,),
        )
    )


def _keys(analysis) -> set[tuple[str, str]]:
    return {(m.key, m.name) for m in analysis.mentions}


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "s.sqlite3") as store:
        yield store


def test_a_rule_is_applied_to_an_article_analysed_later(store):
    keep_rules(store, [ACME])
    later = fake_analysis(TUESDAY, speakers={"Engines first,": "person:ada-lovelace"})
    store.save_analysis(later)

    read = store.cached_analysis(later.article, MODEL)
    assert _keys(read) == {
        ("org:acme-engine-company", "Acme Engine Company"),
        ("person:ada-lovelace", "Ada Lovelace"),
        ("country:fr", "France"),
    }
    assert next(m for m in read.mentions if m.text == "Acme").corrected
    assert _rows(store, content_hash(later.article)) == {
        ("org:acme-engine-company", "Acme Engine Company", "ORG"),
        ("person:ada-lovelace", "Ada Lovelace", "PERSON"),
        ("country:fr", "France", "COUNTRY"),
    }


def test_a_rule_added_later_reindexes_the_stored_texts_it_names_and_only_those(store):
    monday, tuesday = fake_analysis(MONDAY, speakers=BAKER_SAID), fake_analysis(TUESDAY)
    store.save_analyses([monday, tuesday])
    keep_rules(store, [BAKER])

    assert _rows(store, content_hash(monday.article)) == {
        ("person:tom-baker", "Thomas Baker", "PERSON"),
        ("org:acme", "Acme", "ORG"),
    }
    read = store.cached_analysis(monday.article, MODEL)
    assert read.quotes[0].speaker.name == "Thomas Baker"
    assert store.corrections(content_hash(tuesday.article)) == ()  # Baker is not there


def test_removing_a_rule_restores_every_text_and_its_rows(store):
    monday, wednesday = fake_analysis(MONDAY, speakers=BAKER_SAID), fake_analysis(WEDNESDAY)
    store.save_analyses([monday, wednesday])
    before = {a.article.text: _rows(store, content_hash(a.article)) for a in (monday, wednesday)}
    [acme_id, baker_id] = keep_rules(store, [ACME, BAKER])
    assert ("org:acme-engine-company", "Acme Engine Company", "ORG") in _rows(
        store, content_hash(wednesday.article)
    )

    assert drop_rule(store, acme_id) == ACME
    assert drop_rule(store, baker_id) == BAKER
    assert drop_rule(store, baker_id) is None
    assert read_rules(store) == ()
    for analysis in (monday, wednesday):
        assert store.cached_analysis(analysis.article, MODEL) == analysis
        assert _rows(store, content_hash(analysis.article)) == before[analysis.article.text]
        assert store.corrections(content_hash(analysis.article)) == ()


def test_undo_in_one_article_takes_back_only_its_own_latest_correction(store):
    monday, wednesday = fake_analysis(MONDAY), fake_analysis(WEDNESDAY)
    store.save_analyses([monday, wednesday])
    digest = content_hash(monday.article)
    own = Correction("kind", key="person:tom-baker", kind="ORG")
    store.add_correction(digest, own)
    keep_rules(store, [ACME])  # its correction in Monday is now the latest there

    assert store.undo_last_correction(digest) == own  # the reader's own, not the rule's
    assert store.undo_last_correction(digest) is None  # only the rule's is left
    assert [rule for _id, rule in read_rules(store)] == [ACME]  # kept, for every article
    assert [c.rule is not None for c in store.corrections(digest)] == [True, True]
    read = store.cached_analysis(monday.article, MODEL)
    assert ("org:acme-engine-company", "Acme Engine Company") in _keys(read)
    assert ("person:tom-baker", Kind.PERSON) in {(m.key, m.kind) for m in read.mentions}
    assert ("person:tom-baker", "Tom Baker", "PERSON") in _rows(store, digest)


def test_a_rules_rows_are_those_a_full_reindex_writes(store):
    """The batched rewrite (entity rows, quote rows in place, counts) leaves the same rows as
    rows.reindex rebuilding each text, quote groups and passages included."""
    monday = fake_analysis(MONDAY, speakers=BAKER_SAID)
    tuesday = fake_analysis(TUESDAY, speakers={"Engines first,": "person:ada-lovelace"})
    store.save_analyses([monday, tuesday, fake_analysis(WEDNESDAY)])
    keep_rules(store, [ACME, BAKER])
    tables = {
        "entity_rows": "analysis_id, key, name, kind, mentions, quotes",
        "quote_rows": "analysis_id, start, speaker_key, data, confidence, path",
        "analyses": "id, people, quotes",
        "quote_passages": "analysis_id, quote_start, start, end, text",
        "provenance_quotes": "analysis_id, start, words, group_id",
    }

    def everything() -> dict[str, list[tuple]]:
        return {t: sorted(store.query(f"SELECT {c} FROM {t}")) for t, c in tables.items()}

    batched = everything()
    assert ("person:tom-baker", "Thomas Baker") in {r[1:3] for r in batched["entity_rows"]}
    assert any('"name": "Thomas Baker"' in r[3] for r in batched["quote_rows"])
    with store.writing() as db:
        for digest in {a for (a,) in db.execute("SELECT content_hash FROM analyses")}:
            reindex(db, digest)
    assert everything() == batched


def test_a_name_rule_finds_its_texts_whatever_the_case_of_a_non_ascii_name(store):
    text = "Łukasz Nowak spoke in Gdańsk.\n“We stay,” said Nowak.\n"
    key, at, start = "person:łukasz-nowak", text.index("Nowak."), text.index("We")
    name = Mention(0, 12, "Łukasz Nowak", Kind.PERSON, key, "Łukasz Nowak")
    said = Mention(at, at + 5, "Nowak", Kind.PERSON, key, "Łukasz Nowak")
    speaker = Speaker(at, at + 5, "Nowak", "Łukasz Nowak", key)
    quote = Quote(start, start + 8, "We stay,", ((start, start + 8),), speaker)
    article = Article(title="Gdańsk", text=text, blocks=())
    analysis = Analysis(article, MODEL, (name, said), (quote,))
    store.save_analysis(analysis)
    rule = AliasRule(("łukasz  nowak",), "person:lukasz-nowak", "Łukasz Nowak (MP)")
    keep_rules(store, [rule])

    digest = content_hash(analysis.article)
    assert _rows(store, digest) == {("person:lukasz-nowak", "Łukasz Nowak (MP)", "PERSON")}
    assert store.corrections(digest)  # kept in the store, not only applied where read
    read = store.cached_analysis(analysis.article, MODEL)
    assert read.quotes[0].speaker.key == "person:lukasz-nowak"


def test_progress_is_said_for_each_batch_of_texts(store, monkeypatch):
    from reader.core.store import alias_rules

    monkeypatch.setattr(alias_rules, "BATCH", 2)
    texts = [f"Acme hired {n} people in Jordan.\n" for n in ("two", "six", "ten", "nine", "one")]
    store.save_analyses([fake_analysis(text) for text in texts])
    said: list[tuple[int, int]] = []
    [rule_id] = keep_rules(store, [ACME], progress=lambda done, total: said.append((done, total)))
    assert said == [(2, 5), (4, 5), (5, 5)]
    said.clear()
    drop_rule(store, rule_id, progress=lambda done, total: said.append((done, total)))
    assert said == [(2, 5), (4, 5), (5, 5)]


def test_an_article_correction_made_after_the_rule_outlives_its_removal(store):
    monday = fake_analysis(MONDAY)
    store.save_analysis(monday)
    [rule_id] = keep_rules(store, [ACME])
    digest = content_hash(monday.article)
    store.add_correction(digest, Correction("kind", key="person:tom-baker", kind="ORG"))
    drop_rule(store, rule_id)

    read = store.cached_analysis(monday.article, MODEL)
    assert {(m.key, m.kind) for m in read.mentions} == {
        ("person:tom-baker", Kind.ORG),
        ("org:acme", Kind.ORG),
    }


def test_a_rule_is_applied_where_an_unsaved_analysis_is_read(store):
    keep_rules(store, [ACME])
    fresh = fake_analysis(WEDNESDAY)  # just made: not in the store yet
    shown = store.corrected(fresh)
    assert ("org:acme-engine-company", "Acme Engine Company") in _keys(shown)
    store.save_analysis(fresh)
    assert store.cached_analysis(fresh.article, MODEL) == shown


def test_a_name_alias_matches_without_case_or_spacing_and_a_kind_is_set():
    rule = AliasRule(("  tom   BAKER ",), "person:thomas-baker", "Thomas Baker", "ORG")
    analysis = fake_analysis(MONDAY, speakers=BAKER_SAID)
    derived = derive([(7, rule)], analysis)
    assert {(c.action, c.rule) for c in derived} == {("merge", 7), ("rename", 7), ("kind", 7)}
    fixed = with_rules(analysis, (), [(7, rule)])
    baker = [m for m in fixed.mentions if m.text in ("Tom Baker", "Baker")]
    assert {(m.key, m.name, m.kind) for m in baker} == {
        ("person:thomas-baker", "Thomas Baker", Kind.ORG)
    }
    assert fixed.quotes[0].speaker.key == "person:thomas-baker"
    assert derive([(7, rule)], fixed) == []  # applied once, nothing left to do


def test_rules_naming_each_other_end():
    one = AliasRule(("Acme",), "org:b", "B")
    two = AliasRule(("B",), "org:acme", "Acme")
    fixed = with_rules(fake_analysis(WEDNESDAY), (), [(1, one), (2, two)])
    assert len({m.key for m in fixed.mentions if m.kind == Kind.ORG}) == 1


def test_the_collection_shows_the_rule_across_articles(tmp_path, store):
    paths = []
    for name, text in (("mon.txt", MONDAY), ("wed.txt", WEDNESDAY)):
        path = write_article(tmp_path / "articles", name, text)
        store.save_analysis(fake_analysis(text, path))
        paths.append(path)
    collection = Collection(store, paths, MODEL)
    assert {e.key for e in collection.entities()} >= {"org:acme"}

    [rule_id] = keep_rules(store, [ACME])
    entity = next(e for e in collection.entities() if e.key == "org:acme-engine-company")
    assert (entity.name, entity.articles, entity.mentions) == ("Acme Engine Company", 2, 2)
    assert "org:acme" not in {e.key for e in collection.entities()}

    drop_rule(store, rule_id)
    assert "org:acme-engine-company" not in {e.key for e in collection.entities()}


def test_the_rules_are_kept_apart_from_any_text(store):
    keep_rules(store, [ACME, ACME, BAKER])  # the same rule twice is kept once
    assert [rule for _id, rule in read_rules(store)] == [ACME, BAKER]
    assert store.corrections(RULE_SCOPE) == ()  # not read as a text's corrections


@pytest.mark.parametrize(
    "fields",
    [
        {"aliases": (" ",), "key": "org:x", "name": "X"},
        {"aliases": ("X",), "key": "x", "name": "X"},
        {"aliases": ("X",), "key": "org:x", "name": " "},
        {"aliases": ("X",), "key": "org:x", "name": "X", "kind": "PLANET"},
    ],
)
def test_a_rule_that_cannot_be_kept_is_refused(fields):
    with pytest.raises(AliasRuleError):
        AliasRule(**fields)
