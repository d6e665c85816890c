"""A collection of articles over the store: its articles, entities merged across them by
collection key (one person whatever the article calls them: `reader.core.store.identity`,
kept in step with the store by `reader.core.store.library_identity`), every quote of one
entity, the entities seen with it, and full-text search (SQLite FTS5, in
`reader.core.store.search`).

A Collection reads only the store: an article is "analysed" when the store holds an analysis
of the file's current text by the collection's pipeline (the store remembers each file's
content hash with its modification time and size, so no file is read to list it). Every query
reflects the store as it is when called, corrections included; the window's Collection answers
its entity queries from the identity it adopted last, worked out on a lane of its own
(`Collection.adopt_identity`).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from reader.core.model import Quote
from reader.core.store.collection_articles import ArticleSummary, read_analysed
from reader.core.store.database import Store, path_key
from reader.core.store.entity_roles import StatedRole, latest_role
from reader.core.store.folder_files import folder_files
from reader.core.store.identity_snapshot import scope_of
from reader.core.store.in_lists import chunks, marks
from reader.core.store.library_identity import (
    Corrections,
    GatheredMap,
    IdentityState,
    StoredIdentity,
    corrections_state,
    of_texts,
)
from reader.core.store.records import quote_from_dict
from reader.core.store.search import SearchHit, fts_query, search_texts

T = TypeVar("T")


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


def _merged(gathered: GatheredMap) -> dict[str, CollectionEntity]:
    """Collection key -> its CollectionEntity, with its stated roles."""
    return {
        key: CollectionEntity(key, *gathered.summary(key), gathered.roles(key)) for key in gathered
    }


def _by_hash(by_id: dict[int, ArticleSummary]) -> dict[str | None, tuple[int, Path, str]]:
    """Content hash -> (analysis id, path, title), as `search_texts` takes the articles."""
    return {s.content_hash: (i, s.path, s.title) for i, s in by_id.items()}


def _ranked(merged: dict[str, CollectionEntity]) -> tuple[CollectionEntity, ...]:
    """Most articles first, then most mentions, then by name."""
    return tuple(
        sorted(merged.values(), key=lambda e: (-e.articles, -e.mentions, e.name.casefold()))
    )


@dataclass(frozen=True)
class IdentityUpdate:
    """A collection's identity as of `state` (`Collection.identity_state`): its entities
    gathered by collection key, each merged, and those in `Collection.entities`' order. Made
    off the GUI thread by `identity_update`, adopted by the window's Collection."""

    state: IdentityState
    gathered: GatheredMap
    merged: dict[str, CollectionEntity]
    entities: tuple[CollectionEntity, ...]


def identity_update(identity: StoredIdentity, state: IdentityState) -> IdentityUpdate:
    """`identity` (of a collection's scope) brought up to `state`, from its snapshot when that
    covers it, else reading only the analyses new or changed since (`StoredIdentity.gathered`,
    which saves the snapshot); slow at first, for the window's identity lane."""
    gathered = identity.gathered(*state)
    merged = _merged(gathered)
    return IdentityUpdate(state, gathered, merged, _ranked(merged))


def no_identity(state: IdentityState) -> IdentityUpdate:
    """The identity of a state without analysed articles: no entities."""
    return IdentityUpdate(state, GatheredMap({}, dict), {}, ())


@dataclass(frozen=True)
class ArticlesRead:
    """What a Collection's article list and `identity_state` are made of, read by
    `Collection.read_articles` on any connection to its store (off the GUI thread) and adopted
    by the window's Collection (`adopt_articles`): the summaries in path order, analysis id ->
    the summary of its first path, and the store's corrections (`corrections_state`)."""

    summaries: list[ArticleSummary]
    by_id: dict[int, ArticleSummary]
    corrections: Corrections


_NO_IDENTITY = no_identity(({}, {}))
_FROM_IDENTITY = ("keys",)  # cached names read from the identity alone


def _quotes_spoken(
    store: Store, pairs: set[tuple[int, str]], by_id: dict[int, ArticleSummary], key: str
) -> list[CollectionQuote]:
    """The quotes of each (analysis id, speaker key) of `pairs`, as quotes of collection key
    `key`, unsorted."""
    found = []
    for chunk in chunks(sorted({k for _i, k in pairs})):
        for analysis_id, speaker_key, data in store.query(
            "SELECT analysis_id, speaker_key, data FROM quote_rows"
            f" WHERE speaker_key IN ({marks(chunk)})",
            chunk,
        ):
            if (analysis_id, speaker_key) in pairs:
                summary = by_id[analysis_id]
                quote = quote_from_dict(json.loads(data))
                found.append(CollectionQuote(quote, summary.path, summary.title, summary.date, key))
    return found


def _every_quote(
    store: Store,
    summaries: list[ArticleSummary],
    by_id: dict[int, ArticleSummary],
    keys: dict[int, dict[str, str]],
) -> tuple[CollectionQuote, ...]:
    """Every quote of the analyses `by_id` (the summary of each analysis id), article by
    article in the order of `summaries`, each speaker by its collection key (`keys`: analysis
    id -> the collection key of each of its own entity keys)."""
    order = {s.path: i for i, s in enumerate(summaries)}
    found = []
    for chunk in chunks(list(by_id)):
        for analysis_id, data in store.query(
            f"SELECT analysis_id, data FROM quote_rows WHERE analysis_id IN ({marks(chunk)})",
            chunk,
        ):
            summary = by_id[analysis_id]
            quote = quote_from_dict(json.loads(data))
            speaker = quote.speaker.key if quote.speaker else None
            collection_key = keys.get(analysis_id, {}).get(speaker, speaker) if speaker else None
            found.append(
                CollectionQuote(quote, summary.path, summary.title, summary.date, collection_key)
            )
    found.sort(key=lambda q: (order[q.path], q.quote.start))
    return tuple(found)


class Collection:
    """A view over the store for a list of article paths analysed by pipeline `model` (its
    `model_label`). Paths that are listed twice, or files with the same text, count as one
    article in the entity counts; quotes are given with the first path of their text.

    With `adopts_identity` (the window's), its entities come only from the `IdentityUpdate`
    last adopted (`adopt_identity`; none before the first), never from the store: the window
    brings them up to date on a lane of its own (`reader.gui.library.identity_work`), comparing
    `identity_state` with the state adopted (`identity_current`). Its queries skip the analyses
    of an adopted identity that have left the collection since."""

    def __init__(
        self, store: Store, paths: Sequence[Path], model: str, *, adopts_identity: bool = False
    ) -> None:
        self.store = store
        keyed: dict[bytes, Path] = {}  # each path's key in `files` (equal paths: equal keys)
        for given in paths:
            path = given if isinstance(given, Path) else Path(given)
            keyed.setdefault(path_key(path), path)
        self.paths, self._path_keys = tuple(keyed.values()), list(keyed)
        self.model = model
        self.adopts_identity = adopts_identity
        self._identity = StoredIdentity(store, scope_of(model, self._path_keys))
        self._cache: dict[str, object] = {}
        self._cache_version: tuple[int, int] | None = None
        self._adopted: IdentityUpdate | None = None
        self._adopted_cache: dict[str, object] = {}  # what is read from the adopted identity
        self._read: ArticlesRead | None = None  # the article list adopted last

    def _cached(self, name: str, make: Callable[[], T]) -> T:
        """What `make` reads, kept until the store is written to (here or by another process);
        with `adopts_identity`, what the identity answers is kept until the next adoption.

        A file changed on disk while the store is untouched shows on the next write. The
        identity's own snapshots change no row read here, so they are not counted as writes.
        """
        if self.adopts_identity and name in _FROM_IDENTITY:
            cache = self._adopted_cache
        else:
            data_version, writes = self.store.version()
            version = (data_version, writes - self._identity.saves)
            if version != self._cache_version:
                self._cache.clear()
                self._cache_version = version
            cache = self._cache
        if name not in cache:
            cache[name] = make()
        return cache[name]  # type: ignore[return-value]

    # -- the article list

    def _analysed(self) -> tuple[list[ArticleSummary], dict[int, ArticleSummary]]:
        """Summaries in path order, and analysis id → the summary of its first path (the
        adopted ones, once a list was adopted)."""
        if self._read is not None:
            return self._read.summaries, self._read.by_id
        return self._cached(
            "analysed",
            lambda: read_analysed(self.store, self.paths, self._path_keys, self.model),
        )

    def articles(self) -> tuple[ArticleSummary, ...]:
        """Every path of the collection in its order, analysed or not."""
        return tuple(self._analysed()[0])

    def read_articles(self, store: Store) -> ArticlesRead:
        """The article list and the corrections read on `store`, a connection of its own to
        this Collection's file (any thread: only its paths are used); no file is read."""
        summaries, by_id = read_analysed(store, self.paths, self._path_keys, self.model)
        return ArticlesRead(summaries, by_id, corrections_state(store))

    def adopt_articles(self, read: ArticlesRead) -> None:
        """Answer the article list and `identity_state` from `read` until the next adoption
        (the window reads it again on a lane after each write: `gui.library.article_work`)."""
        self._read = read
        self._cache.clear()  # what was made of the list before (the search's articles)

    # -- its identity: what it is worked out from, adopted when worked out elsewhere

    @property
    def scope(self) -> str:
        """Where the store keeps the snapshot of its identity (`identity_snapshot.scope_of`)."""
        return self._identity.scope

    def identity_state(self) -> IdentityState:
        """(analysis id -> content hash of its analysed articles, the corrections of their
        texts) as the store holds them now: what its identity is made of. Cheap: the article
        list's reading (cached) and one GROUP BY over the corrections, no snapshot."""
        analyses = {i: s.content_hash or "" for i, s in self._analysed()[1].items()}
        corrections = (
            self._read.corrections
            if self._read is not None
            else self._cached("corrections", lambda: corrections_state(self.store))
        )
        return analyses, of_texts(corrections, analyses)

    @property
    def adopted(self) -> IdentityUpdate | None:
        """The identity adopted last (None before the first)."""
        return self._adopted

    def adopt_identity(self, update: IdentityUpdate) -> None:
        """Answer from `update` from now on (made by `identity_update` off the GUI thread)."""
        self._adopted = update
        self._adopted_cache.clear()

    def identity_current(self) -> bool:
        """Whether the identity adopted is that of the store as it is now."""
        return self._adopted is not None and self._adopted.state == self.identity_state()

    def _update(self) -> IdentityUpdate:
        """The identity the queries answer from: the adopted one, or (without
        `adopts_identity`) the store's, brought up to date here."""
        if self.adopts_identity:
            return self._adopted or _NO_IDENTITY
        state = self.identity_state()
        return self._cached("gathered", lambda: identity_update(self._identity, state))

    # -- entities, by collection key (reader.core.store.identity)

    def _gathered(self) -> GatheredMap:
        """The analysed articles' entities by collection key."""
        return self._update().gathered

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

    def entities(self) -> tuple[CollectionEntity, ...]:
        """Entities merged across the analysed articles by collection key; most articles
        first, then most mentions, then by name."""
        return self._update().entities

    def articles_mentioning(self, key: str) -> tuple[ArticleSummary, ...]:
        """The collection's articles (in collection order) with at least one mention of the
        collection key `key`."""
        summaries, by_id = self._analysed()
        group = self._gathered().get(key)
        hashes = {by_id[i].content_hash for i in group.keys if i in by_id} if group else set()
        return tuple(s for s in summaries if s.analysed and s.content_hash in hashes)

    def texts_of(self, key: str) -> tuple[tuple[str, str], ...]:
        """(content hash, the article's own key) for each article where the collection key
        `key` is: where a correction of that entity across the collection is kept."""
        by_id, group = self._analysed()[1], self._gathered().get(key)
        found = [(i, keys) for i, keys in group.keys.items() if i in by_id] if group else ()
        return tuple((by_id[i].content_hash or "", k) for i, keys in found for k in sorted(keys))

    def quotes_of(self, key: str) -> tuple[CollectionQuote, ...]:
        """Every quote whose speaker has the collection key `key`, across the collection, by
        date (undated last), then path, then position."""
        by_id = self._analysed()[1]
        group = self._gathered().get(key)
        own = group.keys.items() if group else ()
        pairs = {(i, k) for i, keys in own if i in by_id for k in keys}
        found = _quotes_spoken(self.store, pairs, by_id, key)
        found.sort(key=lambda q: (q.date is None, q.date or "", str(q.path), q.quote.start))
        return tuple(found)

    def quotes(self) -> tuple[CollectionQuote, ...]:
        """Every quote of the collection, article by article in collection order."""
        return _every_quote(self.store, *self._analysed(), self._keys())

    def co_occurring(self, key: str, limit: int = 10) -> tuple[tuple[CollectionEntity, int], ...]:
        """The entities found in the most articles together with the collection key `key`,
        with that number of articles; ties by name."""
        keys, by_id = self._keys(), self._analysed()[1]
        group = self._gathered().get(key)
        shared: Counter = Counter()
        for analysis_id in group.keys if group else ():
            if analysis_id in by_id:
                shared.update(set(keys.get(analysis_id, {}).values()))
        shared.pop(key, None)
        merged = self._update().merged
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
