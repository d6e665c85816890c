"""A collection of articles over the store: its articles, entities merged across them by
collection key (one person whatever the article calls them: `reader.core.store.identity`,
kept in step with the store by `reader.core.store.library_identity`), every quote of one
entity, the entities seen with it, and full-text search (SQLite FTS5, in
`reader.core.store.search`).

A Collection reads only the store: an article is "analysed" when the store holds an analysis
of the file's current text by the collection's pipeline (the store remembers each file's
content hash with its modification time and size, so no file is read to list it). Every query
reflects the store as it is when called, corrections included.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from reader.core.model import Quote
from reader.core.store.database import ANALYSIS_VERSION, Store, path_key
from reader.core.store.entity_roles import StatedRole, latest_role
from reader.core.store.folder_files import folder_files
from reader.core.store.identity_snapshot import scope_of
from reader.core.store.library_identity import GatheredMap, StoredIdentity
from reader.core.store.records import quote_from_dict
from reader.core.store.search import SearchHit, fts_query, search_texts

_IN_CHUNK = 500  # parameters per `IN (...)`, well under SQLite's limit
T = TypeVar("T")


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


@dataclass(frozen=True)
class CollectionEntity:
    """One entity across the collection: in how many articles, with how many mentions and
    quotes (quotes it is the speaker of); `name` and `kind` are its most frequent ones; `roles`
    the distinct roles its articles state, in date order (`entity_roles.roles_across`)."""

    key: str
    name: str
    kind: str
    articles: int
    mentions: int
    quotes: int
    roles: tuple[StatedRole, ...] = ()

    @property
    def role(self) -> str:
        """Its most recent stated role ("" for none: `entity_roles.latest_role`)."""
        return latest_role(self.roles)


@dataclass(frozen=True)
class CollectionQuote:
    """A quote with the article it is in; offsets in `quote` are into that article's text.
    `speaker_collection_key` is its speaker's key across the collection (None without one)."""

    quote: Quote
    path: Path
    title: str
    date: str | None
    speaker_collection_key: str | None = None


def supported_files(folder: Path) -> list[Path]:
    """The article files under `folder`, sorted by path (`folder_files.folder_files`: Reader's
    own pages left out); [] for a folder that cannot be read."""
    return folder_files(folder).paths


def _chunks(items: Sequence, size: int = _IN_CHUNK) -> Iterable[Sequence]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _unchanged_hashes(store: Store, keys: Sequence[bytes]) -> dict[bytes, str]:
    """path_key -> content hash of the files the store has seen as they are now on disk (same
    modification time and size), without reading them."""
    hashes: dict[bytes, str] = {}
    for chunk in _chunks(keys):
        rows = store.query(
            "SELECT path, mtime_ns, size, content_hash FROM files"
            f" WHERE path IN ({','.join('?' * len(chunk))})",
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


def _merged(gathered: GatheredMap) -> dict[str, CollectionEntity]:
    """Collection key -> its CollectionEntity, with its stated roles."""
    return {
        key: CollectionEntity(key, *gathered.summary(key), gathered.roles(key)) for key in gathered
    }


def _by_hash(by_id: dict[int, ArticleSummary]) -> dict[str | None, tuple[int, Path, str]]:
    """Content hash -> (analysis id, path, title), as `search_texts` takes the articles."""
    return {s.content_hash: (i, s.path, s.title) for i, s in by_id.items()}


class Collection:
    """A view over the store for a list of article paths analysed by pipeline `model` (its
    `model_label`). Paths that are listed twice, or files with the same text, count as one
    article in the entity counts; quotes are given with the first path of their text."""

    def __init__(self, store: Store, paths: Sequence[Path], model: str) -> None:
        self.store = store
        self.paths = tuple(p if isinstance(p, Path) else Path(p) for p in dict.fromkeys(paths))
        self.model = model
        self._path_keys = [path_key(p) for p in self.paths]  # each path's key in `files`
        self._identity = StoredIdentity(store, scope_of(model, self._path_keys))
        self._cache: dict[str, object] = {}
        self._cache_version: tuple[int, int] | None = None

    def _cached(self, name: str, make: Callable[[], T]) -> T:
        """What `make` reads, kept until the store is written to (here or by another process).

        A file changed on disk while the store is untouched shows on the next write. The
        identity's own snapshots change no row read here, so they are not counted as writes.
        """
        data_version, writes = self.store.version()
        version = (data_version, writes - self._identity.saves)
        if version != self._cache_version:
            self._cache.clear()
            self._cache_version = version
        if name not in self._cache:
            self._cache[name] = make()
        return self._cache[name]

    # -- the article list

    def _analysed(self) -> tuple[list[ArticleSummary], dict[int, ArticleSummary]]:
        """Summaries in path order, and analysis id → the summary of its first path."""
        return self._cached("analysed", self._read_analysed)

    def _read_analysed(self) -> tuple[list[ArticleSummary], dict[int, ArticleSummary]]:
        hashes = _unchanged_hashes(self.store, self._path_keys)
        rows_by_hash: dict[str, tuple] = {}
        for chunk in _chunks(sorted(set(hashes.values()))):
            for row in self.store.query(
                "SELECT id, content_hash, title, date, site, people, quotes FROM analyses"
                " WHERE model = ? AND analysis_version = ?"
                f" AND content_hash IN ({','.join('?' * len(chunk))})",
                (self.model, ANALYSIS_VERSION, *chunk),
            ):
                rows_by_hash[row[1]] = row
        summaries: list[ArticleSummary] = []
        by_id: dict[int, ArticleSummary] = {}
        for path, key in zip(self.paths, self._path_keys, strict=True):
            row = rows_by_hash.get(hashes.get(key, ""))
            if row is None:
                summaries.append(
                    ArticleSummary(path, path.name, None, None, 0, 0, hashes.get(key), False)
                )
                continue
            analysis_id, digest, title, date, site, people, quotes = row
            summary = ArticleSummary(
                path, title or path.name, date, site, people, quotes, digest, True
            )
            summaries.append(summary)
            by_id.setdefault(analysis_id, summary)
        return summaries, by_id

    def articles(self) -> tuple[ArticleSummary, ...]:
        """Every path of the collection in its order, analysed or not."""
        return tuple(self._analysed()[0])

    # -- entities, by collection key (reader.core.store.identity)

    def _gathered(self) -> GatheredMap:
        """The analysed articles' entities by collection key, brought up to date with the store
        (from the snapshot the store keeps of this collection when it is current)."""
        by_id = self._analysed()[1]
        return self._cached(
            "gathered",
            lambda: self._identity.gathered({i: s.content_hash or "" for i, s in by_id.items()}),
        )

    def _keys(self) -> dict[int, dict[str, str]]:
        """Analysis id -> the collection key of each of its own entity keys."""

        def read() -> dict[int, dict[str, str]]:
            keys: dict[int, dict[str, str]] = {}
            for collection_key, group in self._gathered().items():
                for analysis_id, own in group.keys.items():
                    article = keys.setdefault(analysis_id, {})
                    article.update(dict.fromkeys(own, collection_key))
            return keys

        return self._cached("keys", read)

    def _all_merged(self) -> dict[str, CollectionEntity]:
        gathered = self._gathered()
        return self._cached("merged", lambda: _merged(gathered))

    def entities(self) -> tuple[CollectionEntity, ...]:
        """Entities merged across the analysed articles by collection key; most articles
        first, then most mentions, then by name."""
        return self._cached(
            "entities",
            lambda: tuple(
                sorted(
                    self._all_merged().values(),
                    key=lambda e: (-e.articles, -e.mentions, e.name.casefold()),
                )
            ),
        )

    def articles_mentioning(self, key: str) -> tuple[ArticleSummary, ...]:
        """The collection's articles (in collection order) with at least one mention of the
        collection key `key`."""
        summaries, by_id = self._analysed()
        group = self._gathered().get(key)
        hashes = {by_id[i].content_hash for i in group.keys} if group else set()
        return tuple(s for s in summaries if s.analysed and s.content_hash in hashes)

    def texts_of(self, key: str) -> tuple[tuple[str, str], ...]:
        """(content hash, the article's own key) for each article where the collection key
        `key` is: where a correction of that entity across the collection is kept."""
        by_id, group = self._analysed()[1], self._gathered().get(key)
        found = group.keys.items() if group else ()
        return tuple((by_id[i].content_hash or "", k) for i, keys in found for k in sorted(keys))

    def quotes_of(self, key: str) -> tuple[CollectionQuote, ...]:
        """Every quote whose speaker has the collection key `key`, across the collection, by
        date (undated last), then path, then position."""
        by_id = self._analysed()[1]
        group = self._gathered().get(key)
        pairs = {(i, k) for i, keys in group.keys.items() for k in keys} if group else set()
        found = []
        for chunk in _chunks(sorted({k for _i, k in pairs})):
            for analysis_id, speaker_key, data in self.store.query(
                "SELECT analysis_id, speaker_key, data FROM quote_rows"
                f" WHERE speaker_key IN ({','.join('?' * len(chunk))})",
                chunk,
            ):
                if (analysis_id, speaker_key) in pairs:
                    summary = by_id[analysis_id]
                    quote = quote_from_dict(json.loads(data))
                    found.append(
                        CollectionQuote(quote, summary.path, summary.title, summary.date, key)
                    )
        found.sort(key=lambda q: (q.date is None, q.date or "", str(q.path), q.quote.start))
        return tuple(found)

    def quotes(self) -> tuple[CollectionQuote, ...]:
        """Every quote of the collection, article by article in collection order."""
        summaries, by_id = self._analysed()
        keys = self._keys()
        order = {s.path: i for i, s in enumerate(summaries)}
        found = []
        for chunk in _chunks(list(by_id)):
            for analysis_id, data in self.store.query(
                "SELECT analysis_id, data FROM quote_rows"
                f" WHERE analysis_id IN ({','.join('?' * len(chunk))})",
                chunk,
            ):
                summary = by_id[analysis_id]
                quote = quote_from_dict(json.loads(data))
                speaker = quote.speaker.key if quote.speaker else None
                collection_key = (
                    keys.get(analysis_id, {}).get(speaker, speaker) if speaker else None
                )
                found.append(
                    CollectionQuote(
                        quote, summary.path, summary.title, summary.date, collection_key
                    )
                )
        found.sort(key=lambda q: (order[q.path], q.quote.start))
        return tuple(found)

    def co_occurring(self, key: str, limit: int = 10) -> tuple[tuple[CollectionEntity, int], ...]:
        """The entities found in the most articles together with the collection key `key`,
        with that number of articles; ties by name."""
        keys = self._keys()
        group = self._gathered().get(key)
        shared: Counter = Counter()
        for analysis_id in group.keys if group else ():
            shared.update(set(keys.get(analysis_id, {}).values()))
        shared.pop(key, None)
        merged = self._all_merged()
        ranked = sorted(shared.items(), key=lambda kv: (-kv[1], merged[kv[0]].name.casefold()))
        return tuple((merged[k], n) for k, n in ranked[:limit])

    # -- search

    def search(
        self, query: str, limit: int = 200, quotes_only: bool = False
    ) -> tuple[SearchHit, ...]:
        """Where the words of `query` occur in the collection's texts (FTS5, case and accents
        ignored, the last word as a prefix), best-ranked articles first, at most `limit` hits;
        `quotes_only` keeps the hits inside quotes."""
        match = fts_query(query)
        if not match or limit <= 0:
            return ()
        articles = self._cached("by_hash", lambda: _by_hash(self._analysed()[1]))
        return search_texts(self.store, match, articles, limit, quotes_only)
