"""The identity of a Library collection (`reader.core.store.library`), kept in step with the
store, and its entities gathered under their collection keys.

`StoredIdentity.sync` is given the collection's analyses each time the store has changed: an
analysis new to it is read once (its entities and mentions, its text for the words before
them, the reader's corrections applied) and added; one that left the collection, or whose
text's corrections changed, is taken out (and added again when still there). No analysis is
redone and no other article is read again: the `CollectionIdentity` resolves keys from its
indexes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from reader.core.store import identity_snapshot as snapshots
from reader.core.store.corrections import apply_corrections
from reader.core.store.database import Store
from reader.core.store.entity_facts import article_entities
from reader.core.store.entity_roles import StatedRole, from_plain, gathered_roles
from reader.core.store.identity import CollectionIdentity
from reader.core.store.in_lists import chunks, marks
from reader.core.store.records import analysis_from_data
from reader.core.text.article import Article

Corrections = snapshots.Corrections  # content hash -> (count of corrections, last id)
IdentityState = tuple[dict[int, str], Corrections]  # (analysis id -> content hash, corrections)


def corrections_state(store: Store) -> Corrections:
    """Each corrected text's content hash -> (its corrections, the last one's id): one GROUP BY
    over the corrections table, what an identity's state holds of them (`of_texts`)."""
    return {
        digest: (count, last)
        for digest, count, last in store.query(
            "SELECT content_hash, count(*), max(id) FROM corrections GROUP BY content_hash"
        )
    }


def of_texts(corrections: Corrections, analyses: Mapping[int, str]) -> Corrections:
    """Those of `corrections` on the texts of `analyses` (analysis id -> content hash): a
    correction elsewhere in the library leaves a collection's identity as it was."""
    texts = set(analyses.values())
    return {digest: counts for digest, counts in corrections.items() if digest in texts}


class StoredIdentity:
    """A CollectionIdentity over analyses of `store`, by analysis id."""

    def __init__(self, store: Store, scope: str = "") -> None:
        self.store = store
        self.identity = CollectionIdentity()
        self.scope = scope  # where its snapshot is kept (identity_snapshot.scope_of); "": none
        self.saves = 0  # snapshots written: writes of the store that change none of its rows
        self._hashes: dict[int, str] = {}  # analysis id -> content hash, of those added
        self._corrections: Corrections = {}  # those of the identity as it stands
        self._gathered: tuple[IdentityState, GatheredMap] | None = None  # (state, gathered)
        self._loaded: snapshots.Snapshot | None = None  # read by `to_read`, for `gathered`

    def sync(self, analyses: Mapping[int, str]) -> CollectionIdentity:
        """The identity of exactly `analyses` (analysis id -> content hash) as stored now."""
        return self._sync(analyses, corrections_state(self.store))

    def gathered(
        self, analyses: Mapping[int, str], corrections: Corrections | None = None
    ) -> GatheredMap:
        """`gather` over exactly `analyses` as stored now, with `corrections` the state of the
        corrections (`corrections_state`; None: read now). With a scope, the snapshot the store
        keeps of it is used when it covers the same state (nothing else is read), else brought
        up to date from its facts and saved again: a collection opens without reading its
        analyses, and a few new ones cost only their own reading. Kept between calls (the
        window's lane keeps one per collection), an update reads only what changed since."""
        snapshot, self._loaded = self._loaded, None  # read by `to_read` just before, if any
        if corrections is None:
            corrections = corrections_state(self.store)
        state = (dict(analyses), of_texts(corrections, analyses))
        if self._gathered is not None and self._gathered[0] == state:
            return self._gathered[1]
        # an identity in hand is brought up to date; without one, the snapshot is read
        if snapshot is None and self.scope and not self._hashes:
            snapshot = snapshots.load(self.store, self.scope)
        if snapshot is not None and snapshot.covers(*state):
            gathered = GatheredMap(*snapshot.gathered())
        else:
            if snapshot is not None and not self._hashes and snapshot.restore(self.identity):
                self._hashes = dict(snapshot.analyses)
                self._corrections = snapshot.corrections
            made = gather(self._sync(*state), analyses)
            summary, details = _to_plain(made, gathered_roles(self.store, _own_keys(made)))
            gathered = GatheredMap(summary, lambda: details, made)
            if self.scope:
                snapshots.save(self.store, self.scope, state, (summary, details), self.identity)
                self.saves += 1
        self._gathered = (state, gathered)
        return gathered

    def to_read(self, analyses: Mapping[int, str]) -> int:
        """How many of `analyses` (analysis id -> content hash) `gathered` would read from the
        store: those not in the identity in hand, or (with none in hand) not in the scope's
        snapshot; all of them without either. Cheap: the snapshot's state only."""
        held: Mapping[int, str] = self._hashes
        if not held and self.scope:
            self._loaded = snapshots.load(self.store, self.scope)  # kept for `gathered`
            held = self._loaded.analyses if self._loaded is not None else {}
        return sum(1 for article, digest in analyses.items() if held.get(article) != digest)

    def _sync(self, analyses: Mapping[int, str], corrections: Corrections) -> CollectionIdentity:
        changed = {
            digest
            for digest in corrections.keys() | self._corrections.keys()
            if corrections.get(digest) != self._corrections.get(digest)
        }
        for article in self.identity.articles():
            digest = self._hashes[article]
            if analyses.get(article) != digest or digest in changed:
                self.identity.remove(article)
                del self._hashes[article]
        new = [article for article in analyses if article not in self.identity]
        for chunk in chunks(new):
            self._add(chunk, corrections)
        self._corrections = corrections
        return self.identity

    def _add(self, ids: Sequence[int], corrections: Corrections) -> None:
        rows = self.store.query(
            "SELECT a.id, a.content_hash, a.model, a.title, a.data, t.text FROM analyses a"
            " JOIN texts t ON t.content_hash = a.content_hash"
            f" WHERE a.id IN ({marks(ids)})",
            ids,
        )
        for analysis_id, digest, model, title, data, text in rows:
            try:
                article = Article(title=title, text=text, blocks=())
                analysis = analysis_from_data(article, model, data)
            except (ValueError, KeyError, TypeError):  # a row no longer readable: no entities
                self.identity.add(analysis_id, ())
            else:
                if digest in corrections:
                    analysis = apply_corrections(analysis, self.store.corrections(digest))
                self.identity.add(analysis_id, article_entities(analysis))
            self._hashes[analysis_id] = digest


@dataclass
class Gathered:
    """The article entities under one collection key: their display names and kinds (by
    mentions), the per-article keys of each analysis id (sorted), and the mentions and
    quotes."""

    names: Counter = field(default_factory=Counter)
    kinds: Counter = field(default_factory=Counter)
    keys: dict[int, tuple[str, ...]] = field(default_factory=dict)
    mentions: int = 0
    quotes: int = 0

    @property
    def name(self) -> str:
        """The name most used among those of two words or more, else the most used one."""
        return max(self.names, key=lambda name: (" " in name.strip(), self.names[name]))


class GatheredMap(Mapping[str, Gathered]):
    """Collection key -> Gathered, from a summary of each (name, kind, articles, mentions,
    quotes) and details (names, kinds, the per-article keys) read and made into a Gathered
    when first asked for: listing a collection's entities needs only `summary`."""

    def __init__(
        self,
        summary: Mapping[str, list],
        details: Callable[[], Mapping[str, list]],
        made: Mapping[str, Gathered] = {},
    ) -> None:
        self._summary = summary
        self._read_details = details
        self._details: Mapping[str, list] | None = None
        self._made = dict(made)

    def __getitem__(self, key: str) -> Gathered:
        group = self._made.get(key)
        if group is None:
            _name, _kind, _articles, mentions, quotes = self._summary[key][:5]
            if self._details is None:
                self._details = self._read_details()
            names, kinds, by_id = self._details[key]
            group = self._made[key] = Gathered(
                Counter(names),
                Counter(kinds),
                {int(i): tuple(keys) for i, keys in by_id.items()},
                mentions,
                quotes,
            )
        return group

    def __iter__(self) -> Iterator[str]:
        return iter(self._summary)

    def __len__(self) -> int:
        return len(self._summary)

    def summary(self, key: str) -> tuple[str, str, int, int, int]:
        """Its name (as `Gathered.name`), most frequent kind, articles, mentions, quotes."""
        name, kind, articles, mentions, quotes = self._summary[key][:5]
        return name, kind, articles, mentions, quotes

    def roles(self, key: str) -> tuple[StatedRole, ...]:
        """The roles its articles state, in date order (`entity_roles.roles_across`)."""
        return from_plain(self._summary[key][5]) if len(self._summary[key]) > 5 else ()


def gather(identity: CollectionIdentity, ids: Iterable[int]) -> dict[str, Gathered]:
    """Collection key -> what it gathers from the analyses `ids`; one pass over their
    entities. An article's own keys under one collection key are a sorted tuple (a set per
    article and key was 44 MB at 10,000 articles)."""
    gathered: dict[str, Gathered] = {}
    for analysis_id in ids:
        own: dict[str, list[str]] = {}  # collection key -> the article's keys under it
        for entity in identity.entities(analysis_id):
            key = identity.key(analysis_id, entity.key)
            group = gathered.get(key)
            if group is None:
                group = gathered[key] = Gathered()
            group.names[entity.name] += entity.mentions
            group.kinds[entity.kind] += entity.mentions
            own.setdefault(key, []).append(entity.key)
            group.mentions += entity.mentions
            group.quotes += entity.quotes
        for key, keys in own.items():
            gathered[key].keys[analysis_id] = tuple(sorted(keys))
    return gathered


def _own_keys(gathered: Mapping[str, Gathered]) -> dict[int, dict[str, str]]:
    """Analysis id -> each of its own keys -> its collection key."""
    keys: dict[int, dict[str, str]] = {}
    for key, group in gathered.items():
        for analysis_id, own in group.keys.items():
            keys.setdefault(analysis_id, {}).update(dict.fromkeys(own, key))
    return keys


def _to_plain(
    gathered: Mapping[str, Gathered], roles: Mapping[str, list]
) -> tuple[dict[str, list], dict[str, list]]:
    """The summary and the details of each group, as GatheredMap and a snapshot keep them;
    a group's summary ends with its stated roles (`entity_roles.gathered_roles`) if any."""
    summary = {
        key: [g.name, g.kinds.most_common(1)[0][0], len(g.keys), g.mentions, g.quotes]
        + ([roles[key]] if key in roles else [])
        for key, g in gathered.items()
    }
    details = {key: [g.names, g.kinds, g.keys] for key, g in gathered.items()}  # no copies
    return summary, details
