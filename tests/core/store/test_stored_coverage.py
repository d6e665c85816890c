"""A Library collection's quote groups kept in step with the store (issue 24): articles
added, dropped from the collection, and corrected are read again alone."""

from __future__ import annotations

import csv

import pytest

from reader.core.render.quote_table import export_collection_quotes
from reader.core.store.corrections import Correction
from reader.core.store.database import Store, content_hash
from reader.core.store.library import Collection
from reader.core.store.stored_coverage import StoredCoverage
from tests.core.library_articles import MODEL, fake_analysis, write_article

SAID = "We will rebuild the bridge before the winter comes."
TEXTS = {
    "a.txt": (f"Bridge\n\nAda Lovelace spoke.\n\n“{SAID}” Lovelace said.\n", "2024-05-06"),
    "b.txt": (f"Again\n\nTom Baker spoke.\n\n“{SAID[:-1]},” Baker said.\n", "2024-05-07"),
    "c.txt": ("Other\n\nAcme spoke.\n\n“Nothing to add on the bridge today.”\n", None),
}
SPEAKERS = {SAID: "person:ada-lovelace", SAID[:-1] + ",": "person:tom-baker"}


@pytest.fixture
def stored(tmp_path):
    folder = tmp_path / "articles"
    with Store.open(tmp_path / "s.sqlite3") as store:
        paths = []
        for name, (text, date) in TEXTS.items():
            path = write_article(folder, name, text)
            store.save_analysis(fake_analysis(text, path, date, SPEAKERS))
            paths.append(path)
        yield store, paths


def test_the_store_s_articles_form_groups_read_once_each(stored, monkeypatch):
    store, paths = stored
    kept = StoredCoverage(store)
    coverage = kept.sync(Collection(store, paths[:1], MODEL))
    assert coverage.quote_groups() == ()
    reads: list[list[int]] = []
    add = kept._add
    monkeypatch.setattr(kept, "_add", lambda ids, *rest: reads.append(list(ids)) or add(ids, *rest))
    (group,) = kept.sync(Collection(store, paths, MODEL)).quote_groups()
    assert [s.path for s in group.sightings] == [str(paths[0]), str(paths[1])]
    assert group.disputed and group.first.path == str(paths[0])
    assert len(reads[0]) == 2  # only b and c were read
    kept.sync(Collection(store, [paths[1], paths[2]], MODEL))
    assert kept.coverage.quote_groups() == ()
    assert len(reads) == 1  # nothing new to read


def test_a_corrected_article_is_read_again_and_the_dispute_follows_it(stored):
    """Clearing the second speaker leaves one named speaker: no dispute."""
    store, paths = stored
    kept = StoredCoverage(store)
    collection = Collection(store, paths, MODEL)
    (group,) = kept.sync(collection).quote_groups()
    assert group.disputed
    text = TEXTS["b.txt"][0]
    start = text.index("We will")
    store.add_correction(
        content_hash(fake_analysis(text).article), Correction("speaker", start=start)
    )
    (group,) = kept.sync(collection).quote_groups()
    assert not group.disputed


def test_the_library_csv_carries_the_quote_groups(stored, tmp_path):
    store, paths = stored
    out = tmp_path / "quotes.csv"
    assert export_collection_quotes(Collection(store, paths, MODEL), out) == 3
    with out.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert [r["group"] for r in rows] == ["g1", "g1", "g2"]
