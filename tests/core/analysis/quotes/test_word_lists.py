"""The quote rules' data files: each read by a rule, clean, and in the form the rule compares."""

from collections import Counter
from importlib.resources import files

import pytest

from reader.core.analysis.quotes import word_lists

PACKAGE = files("reader.core.analysis.quotes")
NAMES = sorted(p.name for p in PACKAGE.joinpath("data").iterdir() if p.name.endswith(".txt"))
SOURCES = "".join(
    p.read_text(encoding="utf-8") for p in PACKAGE.iterdir() if p.name.endswith(".py")
)
# Labels are compared as printed, in capitals; the other lists hold lower-case lemmas.
IN_CAPITALS = ("not_speaker_labels.txt",)


def test_every_data_file_is_read_by_a_rule():
    assert NAMES
    assert [name for name in NAMES if f'"{name}"' not in SOURCES] == []


@pytest.mark.parametrize("name", NAMES)
def test_lists_are_single_words_once_each_in_the_case_compared(name):
    lines = PACKAGE.joinpath("data", name).read_text(encoding="utf-8").splitlines()
    entries = [line for line in lines if line and not line.startswith("#")]
    assert entries
    assert [line for line in lines if line != line.strip() or "\t" in line] == []
    assert [w for w, n in Counter(entries).items() if n > 1] == []
    assert [w for w in entries if " " in w] == []
    case = str.upper if name in IN_CAPITALS else str.lower
    assert [w for w in entries if case(w) != w] == []
    assert word_lists.words(name) == frozenset(entries)
