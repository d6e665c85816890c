"""The entity rules' word lists and gazetteers, read once from the `data` folder beside them.

A list holds one entry a line, a table "CODE: entry; entry"; `#` starts a comment. Read with
`importlib.resources`, so an installed copy finds them too.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib.resources import files


def lines(name: str) -> Iterator[str]:
    """The entries of data/`name`, in file order, comments and blank lines left out."""
    text = files(__package__).joinpath("data").joinpath(name).read_text(encoding="utf-8")
    for line in text.splitlines():
        entry = line.partition("#")[0].strip()
        if entry:
            yield entry


def words(name: str) -> frozenset[str]:
    """The words of the list data/`name`."""
    return frozenset(lines(name))


def table(name: str) -> list[tuple[str, str]]:
    """The (code, entry) pairs of the table data/`name`, in file order."""
    return [
        (code.strip(), entry.strip())
        for line in lines(name)
        for code, _, entries in [line.partition(":")]
        for entry in entries.split(";")
    ]
