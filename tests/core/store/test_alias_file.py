"""The alias rule file: a round trip keeps every rule, and a bad file is refused in one line."""

from __future__ import annotations

import json

import pytest

from reader.core.store.alias_file import (
    MAX_BYTES,
    AliasFileError,
    read_rules_file,
    rules_document,
    write_rules_file,
)
from reader.core.store.alias_rules import AliasRule, keep_rules, read_rules
from reader.core.store.database import Store

RULES = [
    AliasRule(("the Donald", "person:the-donald"), "person:donald-trump", "Donald Trump", "PERSON"),
    AliasRule(("org:fed",), "org:federal-reserve", "Federal Reserve"),
    AliasRule(("Zoë Ångström",), "person:zoe-angstrom", "Zoë Ångström"),
]


def test_a_rule_file_round_trip_keeps_every_rule_in_order(tmp_path):
    path = tmp_path / "aliases.json"
    write_rules_file(path, RULES)
    assert read_rules_file(path) == RULES
    document = json.loads(path.read_text("utf-8"))
    assert (document["format"], document["version"]) == ("reader-alias-rules", 1)
    assert document["rules"][1] == {
        "aliases": ["org:fed"],
        "key": "org:federal-reserve",
        "name": "Federal Reserve",
    }


def test_rules_exported_from_one_store_and_imported_in_another_are_the_same(tmp_path):
    path = tmp_path / "shared.json"
    with Store.open(tmp_path / "mine.sqlite3") as mine:
        keep_rules(mine, RULES)
        write_rules_file(path, [rule for _id, rule in read_rules(mine)])
    with Store.open(tmp_path / "colleague.sqlite3") as theirs:
        assert len(keep_rules(theirs, read_rules_file(path))) == 3
        assert keep_rules(theirs, read_rules_file(path)) == []  # imported twice: kept once
        assert [rule for _id, rule in read_rules(theirs)] == RULES


def test_an_empty_rule_list_round_trips(tmp_path):
    path = tmp_path / "none.json"
    write_rules_file(path, [])
    assert read_rules_file(path) == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            b"\xff\xfe not text",
            "aliases.json is not a Reader alias rule file: it is not UTF-8 text.",
        ),
        (b'{"format": ', "aliases.json is not a Reader alias rule file: it is not JSON"),
        (b"[1, 2]", 'it does not say "format": "reader-alias-rules".'),
        (b'{"format": "reader-alias-rules", "version": 2, "rules": []}', "it is version 2;"),
        (b'{"format": "reader-alias-rules", "version": "1", "rules": []}', "not a whole number"),
        (b'{"format": "reader-alias-rules", "version": 1}', 'it has no "rules" list.'),
        (
            b'{"format": "reader-alias-rules", "version": 1, "rules": [{"aliases": ["A"],'
            b' "key": "org:a", "name": "A"}, {"aliases": ["B"], "name": "B"}]}',
            "rule 2: A rule needs a key and a name, both text.",
        ),
        (
            b'{"format": "reader-alias-rules", "version": 1, "rules": [{"aliases": ["A"],'
            b' "key": "planet:a", "name": "A"}]}',
            "rule 1: 'planet:a' is not an entity key",
        ),
        (b"[" * 100_000, "aliases.json is not a Reader alias rule file"),
    ],
)
def test_a_bad_file_is_refused_with_one_line(tmp_path, content, message):
    path = tmp_path / "aliases.json"
    path.write_bytes(content)
    with pytest.raises(AliasFileError) as refused:
        read_rules_file(path)
    assert message in str(refused.value)
    assert "\n" not in str(refused.value)


def test_a_file_too_large_or_missing_is_refused(tmp_path):
    big = tmp_path / "big.json"
    big.write_bytes(b" " * (MAX_BYTES + 1))
    with pytest.raises(AliasFileError, match="larger than 1 MB"):
        read_rules_file(big)
    with pytest.raises(AliasFileError, match="cannot be read"):
        read_rules_file(tmp_path / "missing.json")


def test_an_unwritable_place_is_said_in_one_line(tmp_path):
    with pytest.raises(AliasFileError, match="cannot be written"):
        write_rules_file(tmp_path / "no-such-folder" / "a.json", RULES)


def test_the_document_is_what_the_file_holds():
    assert json.loads(rules_document(RULES))["rules"][0]["aliases"] == [
        "the Donald",
        "person:the-donald",
    ]
