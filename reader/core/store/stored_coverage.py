"""The coverage of a Library collection (`reader.core.store.library.Collection`) kept in step
with the store (issue 24): its quote groups, who gets quoted and its timelines over the
analyses the store holds for the collection's files, as `reader.core.store.coverage`
computes them for a run.

`StoredCoverage.sync(collection)` is called whenever the store may have changed, as
`reader.core.store.library_identity.StoredIdentity.sync` is: an analysis new to it is read
once (its entities and quotes, its text, its date and site, the reader's corrections applied)
and added to the quote index; one that left the collection, or whose text's corrections
changed, is taken out (and added again when still there). No other article is read again and
no quote is paired here: the quotes' groups are the store's, kept by
`reader.core.store.quote_group_rows` as analyses are written and read back
(`reader.core.store.quote_group_reads.StoredQuoteGroups`) when the store has changed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from reader.core.store.corrections import apply_corrections
from reader.core.store.coverage import Coverage
from reader.core.store.database import ANALYSIS_VERSION, Store
from reader.core.store.in_lists import chunks, marks
from reader.core.store.library import ArticleSummary, Collection
from reader.core.store.quote_group_reads import StoredQuoteGroups
from reader.core.store.quote_provenance import GroupLabels
from reader.core.store.records import analysis_from_data
from reader.core.text.article import Article, ArticleMeta


class StoredCoverage:
    """A Coverage over the analyses of one store, by analysis id."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.groups = StoredQuoteGroups()
        self.coverage = Coverage(self.groups)
        self._read: tuple[int, int] | None = None  # the store's version the groups were read at
        self._hashes: dict[int, str] = {}  # analysis id -> content hash, of those added
        self._ids: dict[str, int] = {}  # content hash -> analysis id, of those added
        self._corrections: dict[str, tuple[int, int]] = {}  # hash -> (count, last id)

    def sync(self, collection: Collection) -> Coverage:
        """The coverage of exactly the collection's analysed articles as stored now."""
        summaries = {s.content_hash: s for s in collection.articles() if s.analysed}
        wanted = self._analysis_ids(collection.model, [h for h in summaries if h])
        corrections = {
            digest: (count, last)
            for digest, count, last in self.store.query(
                "SELECT content_hash, count(*), max(id) FROM corrections GROUP BY content_hash"
            )
        }
        removed = False
        for analysis_id, digest in list(self._hashes.items()):
            if wanted.get(analysis_id) != digest or corrections.get(
                digest
            ) != self._corrections.get(digest):
                removed = True
                self.coverage.remove(analysis_id)
                del self._hashes[analysis_id]
                self._ids.pop(digest, None)
        new = [i for i in wanted if i not in self._hashes]
        for chunk in chunks(new):
            self._add(chunk, summaries, corrections)
        self._corrections = corrections
        version = self.store.version()
        if new or removed or version != self._read:
            self.groups.read(self.store)  # the store's groups: an arrival may join old ones
            self._read = version
        return self.coverage

    def _analysis_ids(self, model: str, hashes: Sequence[str]) -> dict[int, str]:
        found: dict[int, str] = {}
        for chunk in chunks(hashes):
            for analysis_id, digest in self.store.query(
                "SELECT id, content_hash FROM analyses WHERE model = ? AND analysis_version = ?"
                f" AND content_hash IN ({marks(chunk)})",
                (model, ANALYSIS_VERSION, *chunk),
            ):
                found[analysis_id] = digest
        return found

    def _add(
        self,
        ids: Sequence[int],
        summaries: Mapping[str | None, ArticleSummary],
        corrections: Mapping[str, tuple[int, int]],
    ) -> None:
        rows = self.store.query(
            "SELECT a.id, a.content_hash, a.model, a.title, a.date, a.site, a.data, t.text"
            " FROM analyses a JOIN texts t ON t.content_hash = a.content_hash"
            f" WHERE a.id IN ({marks(ids)})",
            ids,
        )
        for analysis_id, digest, model, title, date, site, data, text in rows:
            summary = summaries[digest]
            try:
                article = Article(
                    title, text, (), Path(summary.path), ArticleMeta(date=date, site=site)
                )
                analysis = analysis_from_data(article, model, data)
            except (ValueError, KeyError, TypeError):  # a row no longer readable: left out
                continue
            if digest in corrections:
                analysis = apply_corrections(analysis, self.store.corrections(digest))
            self.coverage.add(analysis_id, analysis)
            self._hashes[analysis_id] = digest
            self._ids[digest] = analysis_id

    def labels(self) -> GroupLabels:
        """Group ids over the synced coverage (the store's: "g" and the group's number)."""
        return self.coverage.labels()

    def analysis_id(self, content_hash: str | None) -> int | None:
        """The analysis id the coverage knows a text by; None for a text not in it."""
        return self._ids.get(content_hash) if content_hash else None
