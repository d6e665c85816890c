"""The quote rules' word lists, read once from the `data` folder beside them.

One entry a line; `#` starts a comment. Read with `importlib.resources`, so an installed copy
finds them too.
"""

from __future__ import annotations

from importlib.resources import files


def words(name: str) -> frozenset[str]:
    """The words of the list data/`name`, comments and blank lines left out."""
    text = files(__package__).joinpath("data").joinpath(name).read_text(encoding="utf-8")
    entries = (line.partition("#")[0].strip() for line in text.splitlines())
    return frozenset(entry for entry in entries if entry)
