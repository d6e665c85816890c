"""The Library by collection key: one person across articles that name them differently, and
an identity kept in step with the store (new articles read once, corrections followed)."""

from __future__ import annotations

import dataclasses

import pytest

from reader.core.model import Kind
from reader.core.store.corrections import Correction
from reader.core.store.database import Store, content_hash
from reader.core.store.library import Collection
from reader.core.store.library_identity import StoredIdentity
from tests.core.library_articles import write_article
from tests.core.store.test_identity import article

TRUMP_J = (Kind.PERSON, "person:donald-j-trump", "Donald J. Trump")
TRUMP = (Kind.PERSON, "person:trump", "Trump")
ACME = (Kind.ORG, "org:acme", "Acme")
TEXTS = {
    "a.txt": (
        "Donald J. Trump visited Acme. “We win,” Donald J. Trump said.",
        {"Donald J. Trump": TRUMP_J, "Acme": ACME},
    ),
    "b.txt": ("Mr. Trump left Acme. “We lose,” Trump said.", {"Trump": TRUMP, "Acme": ACME}),
}


def _save(store: Store, folder, name: str) -> None:
    text, forms = TEXTS[name]
    path = write_article(folder, name, text)
    speaker = next(value[1] for value in forms.values() if value[0] is Kind.PERSON)
    analysis = article(text, forms, said=speaker)
    store.save_analysis(
        dataclasses.replace(analysis, article=dataclasses.replace(analysis.article, path=path))
    )


@pytest.fixture
def stored(tmp_path):
    with Store.open(tmp_path / "s.sqlite3") as store:
        _save(store, tmp_path, "a.txt")
        yield store, tmp_path


def test_one_person_under_one_collection_key_in_every_query(stored, monkeypatch):
    store, folder = stored
    read: list[int] = []
    add = StoredIdentity._add
    monkeypatch.setattr(
        StoredIdentity, "_add", lambda self, ids, c: (read.extend(ids), add(self, ids, c))
    )
    collection = Collection(store, [folder / "a.txt", folder / "b.txt"], "m")
    assert {e.key for e in collection.entities()} == {"person:donald-trump", "org:acme"}
    _save(store, folder, "b.txt")  # a second article arrives: only it is read
    entities = {e.key: e for e in collection.entities()}
    assert len(read) == 2 and read[0] != read[1]
    trump = entities["person:donald-trump"]
    assert (trump.name, trump.kind, trump.articles, trump.mentions, trump.quotes) == (
        "Donald J. Trump",
        "PERSON",
        2,
        4,
        2,
    )
    quotes = collection.quotes_of("person:donald-trump")
    assert [(q.quote.text, q.path.name, q.speaker_collection_key) for q in quotes] == [
        ("We win,", "a.txt", "person:donald-trump"),
        ("We lose,", "b.txt", "person:donald-trump"),
    ]
    assert [q.speaker_collection_key for q in collection.quotes()] == [
        "person:donald-trump",
        "person:donald-trump",
    ]
    assert [a.path.name for a in collection.articles_mentioning("person:donald-trump")] == [
        "a.txt",
        "b.txt",
    ]
    assert [(e.key, n) for e, n in collection.co_occurring("person:donald-trump")] == [
        ("org:acme", 2)
    ]
    assert collection.quotes_of("person:trump") == ()


def test_a_correction_is_followed_and_only_its_article_is_read_again(stored, monkeypatch):
    store, folder = stored
    _save(store, folder, "b.txt")
    collection = Collection(store, [folder / "a.txt", folder / "b.txt"], "m")
    assert len(collection.entities()) == 2
    read: list[int] = []
    add = StoredIdentity._add
    monkeypatch.setattr(
        StoredIdentity, "_add", lambda self, ids, c: (read.extend(ids), add(self, ids, c))
    )
    digest = content_hash(article(*TEXTS["b.txt"]).article)
    store.add_correction(digest, Correction("split", start=4, end=9, name="Ivanka Trump"))
    keys = {e.key for e in collection.entities()}
    assert keys == {"person:donald-trump", "person:ivanka-trump", "org:acme"}
    assert len(read) == 1
    store.undo_last_correction(digest)
    assert {e.key for e in collection.entities()} == {"person:donald-trump", "org:acme"}
