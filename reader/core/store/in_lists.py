"""Queries over many values: each `IN (...)` list cut to at most IN_CHUNK parameters, well
under SQLite's limit on the parameters of one statement (32,766 since 3.32, 999 before)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")
IN_CHUNK = 500  # parameters per `IN (...)`


def chunks(items: Sequence[T], size: int = IN_CHUNK) -> Iterator[Sequence[T]]:
    """`items` in slices of at most `size` (one `IN (...)` each), in order."""
    for i in range(0, len(items), size):
        yield items[i : i + size]


def marks(chunk: Sequence[object]) -> str:
    """The placeholders of an `IN (...)` list of `chunk`'s length: "?,?,?"."""
    return ",".join("?" * len(chunk))
