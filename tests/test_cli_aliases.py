"""`reader aliases`: import a shared rule file, list, export and remove rules; a rule imported
before an article is analysed is in that article's JSON."""

from __future__ import annotations

import json

import pytest

from reader.cli import main
from reader.core.store.alias_file import read_rules_file, write_rules_file
from reader.core.store.alias_rules import AliasRule, read_rules
from reader.core.store.database import Store
from tests.core.library_articles import save_tiny_pipeline, write_article
from tests.test_cli import run_reader

ACME = AliasRule(("Acme",), "org:acme-engine-company", "Acme Engine Company", "ORG")
BAKER = AliasRule(("person:tom-baker",), "person:tom-baker", "Thomas Baker")


@pytest.fixture
def shared(tmp_path):
    path = tmp_path / "colleague.json"
    write_rules_file(path, [ACME, BAKER])
    return path


def test_import_list_export_and_remove(tmp_path, shared, capsys):
    store = tmp_path / "s.sqlite3"
    assert main(["aliases", "import", str(shared), "--store", str(store)]) == 0
    assert "imported 2 alias rules (0 already kept)" in capsys.readouterr().err
    assert main(["aliases", "import", str(shared), "--store", str(store)]) == 0
    assert "imported 0 alias rules (2 already kept)" in capsys.readouterr().err

    assert main(["aliases", "list", "--store", str(store)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[1] for line in lines] == [
        "“Acme” → Acme Engine Company (org:acme-engine-company)",
        "person:tom-baker → Thomas Baker (person:tom-baker)",
    ]

    out = tmp_path / "mine.json"
    assert main(["aliases", "export", str(out), "--store", str(store)]) == 0
    assert read_rules_file(out) == [ACME, BAKER]

    first_id = lines[0].split("\t")[0]
    assert main(["aliases", "remove", first_id, "--store", str(store)]) == 0
    with Store.open(store) as opened:
        assert [rule for _id, rule in read_rules(opened)] == [BAKER]
    assert main(["aliases", "remove", first_id, "--store", str(store)]) == 1
    assert f"there is no alias rule {first_id}" in capsys.readouterr().err


def test_a_bad_file_is_refused_in_one_line_and_nothing_is_imported(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "reader-alias-rules", "version": 1, "rules": [{"key": 3}]}')
    store = tmp_path / "s.sqlite3"
    assert main(["aliases", "import", str(bad), "--store", str(store)]) == 1
    err = capsys.readouterr().err
    assert err == (
        "reader: bad.json is not a Reader alias rule file: rule 1: A rule's aliases must be a"
        " list of names or keys.\n"
    )
    with Store.open(store) as opened:
        assert read_rules(opened) == ()


def test_no_store_is_refused(shared, capsys):
    assert main(["aliases", "list", "--no-store"]) == 1
    assert "--no-store" in capsys.readouterr().err


def test_a_rule_imported_first_is_in_the_json_of_an_article_analysed_later(tmp_path, shared):
    pipeline = save_tiny_pipeline(tmp_path / "tiny")
    store = tmp_path / "s.sqlite3"
    assert main(["aliases", "import", str(shared), "--store", str(store)]) == 0
    article = write_article(tmp_path, "later.txt", "News\nTom Baker joined Acme in France.\n")
    result = run_reader("analyze", article, "--model", pipeline, "--store", store, "--jobs", "1")
    assert result.returncode == 0, result.stderr
    entities = json.loads(result.stdout)["entities"]
    assert [(e["text"], e["key"], e["name"], e.get("corrected", False)) for e in entities] == [
        ("Tom Baker", "person:tom-baker", "Thomas Baker", True),
        ("Acme", "org:acme-engine-company", "Acme Engine Company", True),
        ("France", "country:fr", "France", False),
    ]


def test_list_of_an_empty_store_says_there_are_no_rules(tmp_path, capsys):
    assert main(["aliases", "list", "--store", str(tmp_path / "s.sqlite3")]) == 0
    out, err = capsys.readouterr()
    assert out == ""  # stdout lists rules only
    assert err.splitlines() == [
        "reader: no alias rules (Edit > Alias Rules... or `reader aliases import FILE` adds some)."
    ]
