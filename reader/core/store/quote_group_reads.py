"""The store's quote groups read back (issue 24): the group id of each quote of some stored
analyses, as `reader.core.store.quote_group_rows` keeps them, for the Library's coverage
(`StoredQuoteGroups`, in a `Coverage` in place of its own `QuoteIndex`) and for the
`group` column of `reader quotes` and `reader analyze` over a store.

A group's id is "g" and its number in the store, the same in every run and every window over
one store until the group's quotes change (a group joined to an older one takes that one's
id; a group split keeps its id in its largest part). Groups are the store's: two quotes of a
collection may be one group through an article of another collection of the same store.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator, Sequence

from reader.core.store.database import ANALYSIS_VERSION, Store
from reader.core.store.in_lists import chunks, marks
from reader.core.store.quote_groups import QuoteId
from reader.core.store.quote_pairing import QuoteWords

"""Parameters per `IN (...)`, well under SQLite's limit."""


def group_label(group: int) -> str:
    """The printed id of stored group number `group`: "g12"."""
    return f"g{group}"


def stored_analysis_ids(store: Store, model: str, hashes: Sequence[str]) -> dict[str, int]:
    """Content hash -> the id of its analysis by `model` (a `model_label`) for this Reader
    version, for those of `hashes` the store holds."""
    found: dict[str, int] = {}
    for chunk in chunks(hashes):
        for analysis_id, digest in store.query(
            "SELECT id, content_hash FROM analyses WHERE model = ? AND analysis_version = ?"
            f" AND content_hash IN ({marks(chunk)})",
            (model, ANALYSIS_VERSION, *chunk),
        ):
            found[digest] = analysis_id
    return found


def stored_groups(store: Store, analysis_ids: Iterable[int]) -> dict[tuple[int, int], int]:
    """(analysis id, quote start) -> group number, for every quote of these analyses (read
    from the index on `provenance_quotes (analysis_id, start)`, nothing paired)."""
    ids = sorted(set(analysis_ids))
    found: dict[tuple[int, int], int] = {}
    for chunk in chunks(ids):
        for analysis_id, start, group in store.query(
            "SELECT analysis_id, start, group_id FROM provenance_quotes"
            f" WHERE analysis_id IN ({marks(chunk)})",
            chunk,
        ):
            found[(analysis_id, start)] = group
    return found


class StoredQuoteGroups:
    """The store's groups over the articles a `Coverage` holds (their ids are analysis ids),
    answering as `QuoteIndex` does: `add` and `remove` keep the articles' quote words,
    `read` takes each quote's group from the store, and `group_of` gives a group's printed
    id (`group_label`, a str: `GroupLabels` prints it as it is)."""

    def __init__(self) -> None:
        self._words: dict[QuoteId, QuoteWords] = {}
        self._articles: dict[Hashable, list[QuoteId]] = {}
        self._group: dict[QuoteId, int] = {}
        self._members: dict[int, set[QuoteId]] = {}

    def add(self, article: Hashable, quotes: Iterable[tuple[int, QuoteWords]]) -> None:
        """Keep an article's quotes, each as (start, words); its groups come with `read`."""
        self.remove(article)
        ids = self._articles[article] = []
        for start, words in quotes:
            if (article, start) not in self._words:
                self._words[(article, start)] = words
                ids.append((article, start))

    def remove(self, article: Hashable) -> None:
        for quote in self._articles.pop(article, ()):
            del self._words[quote]
            group = self._group.pop(quote, None)
            if group is not None:
                self._members[group].discard(quote)

    def read(self, store: Store) -> None:
        """Read every kept quote's group from the store as it stands."""
        found = stored_groups(store, (a for a in self._articles if isinstance(a, int)))
        self._group, self._members = {}, {}
        for quote in self._words:
            group = found.get(quote)  # type: ignore[arg-type]  # analysis ids are ints
            if group is not None:
                self._group[quote] = group
                self._members.setdefault(group, set()).add(quote)

    def group_of(self, quote: QuoteId) -> str | None:
        group = self._group.get(quote)
        return group_label(group) if group is not None else None

    def words(self, quote: QuoteId) -> QuoteWords:
        return self._words[quote]

    def groups(self, least: int = 2) -> Iterator[frozenset[QuoteId]]:
        """The groups with at least `least` of the kept quotes."""
        for members in self._members.values():
            if len(members) >= least:
                yield frozenset(members)

    def members(self, quote: QuoteId) -> frozenset[QuoteId]:
        group = self._group.get(quote)
        return frozenset(self._members.get(group, ())) if group is not None else frozenset()
