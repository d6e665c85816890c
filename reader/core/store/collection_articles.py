"""The article list of a Library collection (`reader.core.store.library.Collection`): each
path with its analysis in the store, read without opening a file (the store remembers each
file's content hash with its modification time and size)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.core.store.database import ANALYSIS_VERSION, Store
from reader.core.store.in_lists import chunks, marks


@dataclass(frozen=True)
class ArticleSummary:
    """One row of the library list; `people` counts distinct persons, `quotes` quotes,
    `doubtful` the quotes still to check (set by `reader.core.render.doubtful_articles`,
    which knows the threshold; 0 as the Collection reads it)."""

    path: Path
    title: str
    date: str | None
    site: str | None
    people: int
    quotes: int
    content_hash: str | None
    analysed: bool
    doubtful: int = 0


def _unchanged_hashes(store: Store, keys: Sequence[bytes]) -> dict[bytes, str]:
    """path_key -> content hash of the files the store has seen as they are now on disk (same
    modification time and size), without reading them."""
    hashes: dict[bytes, str] = {}
    for chunk in chunks(keys):
        rows = store.query(
            f"SELECT path, mtime_ns, size, content_hash FROM files WHERE path IN ({marks(chunk)})",
            chunk,
        )
        for path, mtime_ns, size, digest in rows:
            try:
                stat = os.stat(path)
            except OSError:
                continue
            if (stat.st_mtime_ns, stat.st_size) == (mtime_ns, size):
                hashes[path] = digest
    return hashes


def read_analysed(
    store: Store, paths: Sequence[Path], path_keys: Sequence[bytes], model: str
) -> tuple[list[ArticleSummary], dict[int, ArticleSummary]]:
    """Summaries in path order, and analysis id → the summary of its first path."""
    hashes = _unchanged_hashes(store, path_keys)
    rows_by_hash: dict[str, tuple] = {}
    for chunk in chunks(sorted(set(hashes.values()))):
        for row in store.query(
            "SELECT id, content_hash, title, date, site, people, quotes FROM analyses"
            " WHERE model = ? AND analysis_version = ?"
            f" AND content_hash IN ({marks(chunk)})",
            (model, ANALYSIS_VERSION, *chunk),
        ):
            rows_by_hash[row[1]] = row
    summaries: list[ArticleSummary] = []
    by_id: dict[int, ArticleSummary] = {}
    for path, key in zip(paths, path_keys, strict=True):
        row = rows_by_hash.get(hashes.get(key, ""))
        if row is None:
            summaries.append(
                ArticleSummary(path, path.name, None, None, 0, 0, hashes.get(key), False)
            )
            continue
        analysis_id, digest, title, date, site, people, quotes = row
        summary = ArticleSummary(path, title or path.name, date, site, people, quotes, digest, True)
        summaries.append(summary)
        by_id.setdefault(analysis_id, summary)
    return summaries, by_id
