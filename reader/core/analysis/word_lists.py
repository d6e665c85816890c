"""The rules' word lists and gazetteers: data files in a `data` folder beside the rules that use
them, read once.

A list holds one entry a line, a table "CODE: entry; entry"; `#` starts a comment. Read with
`importlib.resources`, so an installed copy finds them too. `WordLists(__package__)` reads the
`data` folder of the package that makes it.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib.resources import files


class WordLists:
    """The data files of one package of rules (its `data` folder)."""

    def __init__(self, package: str) -> None:
        self._folder = files(package).joinpath("data")

    def lines(self, name: str) -> Iterator[str]:
        """The entries of data/`name`, in file order, comments and blank lines left out."""
        text = self._folder.joinpath(name).read_text(encoding="utf-8")
        for line in text.splitlines():
            entry = line.partition("#")[0].strip()
            if entry:
                yield entry

    def words(self, name: str) -> frozenset[str]:
        """The words of the list data/`name`."""
        return frozenset(self.lines(name))

    def table(self, name: str) -> list[tuple[str, str]]:
        """The (code, entry) pairs of the table data/`name`, in file order."""
        return [
            (code.strip(), entry.strip())
            for line in self.lines(name)
            for code, _, entries in [line.partition(":")]
            for entry in entries.split(";")
        ]
