"""`reader quotes` and `reader analyze` over a store print the store's quote group ids
(issue 24): the same id for one group in two runs, whatever the files and their order, and
in the CSV and the JSON alike."""

from __future__ import annotations

import csv
import io
import json

from tests.core.library_articles import write_article
from tests.test_cli import run_reader

SAID = "We will rebuild the old bridge before the winter comes"
TEXTS = {
    "a.txt": "Bridge plan\n\nMayor Ada Lovelace spoke on Monday.\n\n"
    f"“{SAID},” Lovelace said.\n\n“Nobody else will pay for it,” she added.\n",
    "b.txt": "Bridge news\n\nThe mayor, Ada Lovelace, was in town.\n\n"
    f"“{SAID} again,” Lovelace said on Tuesday.\n",
    "c.txt": "School news\n\nTom Baker, the head teacher, spoke.\n\n"
    "“The new roof of the school will be finished in May,” Baker said.\n",
}


def quotes_csv(store, *paths) -> list[dict[str, str]]:
    result = run_reader("quotes", *paths, "--store", store, "--jobs", "1")
    assert result.returncode == 0, result.stderr
    return list(csv.DictReader(io.StringIO(result.stdout)))


def test_the_csv_group_ids_are_the_store_s_across_two_runs_real_model(tmp_path):
    paths = {name: write_article(tmp_path / "news", name, text) for name, text in TEXTS.items()}
    store = tmp_path / "store.sqlite3"
    first = quotes_csv(store, paths["a.txt"], paths["b.txt"])
    shared = {r["group"] for r in first if r["quote"].startswith("We will")}
    assert len(shared) == 1 and all(g.startswith("g") for g in shared)
    (group,) = shared
    second = quotes_csv(store, paths["c.txt"], paths["b.txt"], paths["a.txt"])
    by_quote = {(r["path"], r["quote"]): r["group"] for r in second}
    for row in first:  # every quote keeps its id, the pair's shared one included
        assert by_quote[(row["path"], row["quote"])] == row["group"]
    school = [r["group"] for r in second if r["quote"].startswith("The new roof")]
    assert school and group not in school  # the first row of this run, yet not "g1"'s id
    result = run_reader("analyze", paths["b.txt"], "--store", store, "--format", "json")
    assert result.returncode == 0, result.stderr
    (record,) = json.loads(result.stdout)
    assert [q["group"] for q in record["quotes"]] == [group]


def test_without_the_store_a_run_numbers_its_own_groups_real_model(tmp_path):
    paths = {name: write_article(tmp_path / "news", name, text) for name, text in TEXTS.items()}
    result = run_reader("quotes", paths["c.txt"], paths["a.txt"], "--no-store", "--jobs", "1")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["group"] for r in rows] == ["g1", "g2", "g3"]
