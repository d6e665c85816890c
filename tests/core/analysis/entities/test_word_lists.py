"""The entity rules' data files: each read, clean and consistent with what the rules expect."""

from collections import Counter
from importlib.resources import files

import pycountry
import pytest

from reader.core.analysis.entities import word_lists
from reader.core.analysis.entities.countries import country_named, country_of_demonym, normalize

DATA = files("reader.core.analysis.entities").joinpath("data")
NAMES = sorted(path.name for path in DATA.iterdir() if path.name.endswith(".txt"))
TABLES = ("cities.txt", "country_names.txt", "demonyms.txt", "display_names.txt")
LISTS = [name for name in NAMES if name not in TABLES]
SOURCES = "".join(
    path.read_text(encoding="utf-8")
    for path in files("reader.core.analysis.entities").iterdir()
    if path.name.endswith(".py")
)


def test_every_data_file_is_read_by_a_rule():
    assert set(TABLES) <= set(NAMES)
    assert [name for name in NAMES if f'"{name}"' not in SOURCES] == []


@pytest.mark.parametrize("name", NAMES)
def test_entries_have_no_stray_whitespace(name):
    for line in DATA.joinpath(name).read_text(encoding="utf-8").splitlines():
        assert line == line.strip() and "\t" not in line, (name, line)


@pytest.mark.parametrize("name", LISTS)
def test_word_lists_are_lower_case_single_words_without_duplicates(name):
    entries = list(word_lists.lines(name))
    assert entries, name
    assert [w for w, n in Counter(entries).items() if n > 1] == []
    assert [w for w in entries if w != w.lower() or " " in w] == []


@pytest.mark.parametrize("name", TABLES)
def test_tables_name_known_codes_with_entries_once(name):
    pairs = word_lists.table(name)
    assert pairs, name
    codes = {record.alpha_2 for record in pycountry.countries} | {"GB-ENG"}
    assert {code for code, _ in pairs} <= codes
    assert all(entry for _, entry in pairs)
    assert [p for p, n in Counter(pairs).items() if n > 1] == []


def test_each_country_name_and_demonym_points_at_its_own_country():
    for code, name in word_lists.table("country_names.txt"):
        assert country_named(name).code == code, name
    for code, word in word_lists.table("demonyms.txt"):
        assert country_of_demonym(word).code == code, word


def test_no_name_is_given_to_two_countries():
    for name in ("country_names.txt", "demonyms.txt"):
        codes_of: dict[str, set[str]] = {}
        for code, entry in word_lists.table(name):
            codes_of.setdefault(normalize(entry), set()).add(code)
        assert {form: codes for form, codes in codes_of.items() if len(codes) > 1} == {}


def test_display_names_give_one_name_per_country_and_name_no_other():
    pairs = word_lists.table("display_names.txt")
    assert len({code for code, _ in pairs}) == len(pairs)
    for code, name in pairs:
        found = country_named(name)
        assert found is None or (found.code, found.name) == (code, name), name
