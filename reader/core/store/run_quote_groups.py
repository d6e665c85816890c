"""The quote groups of one `reader analyze` or `reader quotes` run (issue 24): each analysis
joins a `QuoteIndex` as it arrives (in the order `RunCollection` keeps its payloads), and
once the last is in, every quote is given its group's id, the same for one quote across the
files of the run.

With a store, the ids are the store's groups (`reader.core.store.quote_group_reads`): the
same in every run over that store and in the Library's CSV, read once when the first id is
asked for. A run whose analyses the store does not all hold (--no-store, a store that cannot
be opened or written) numbers its own groups "g1", "g2"… in the order asked.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reader.core.model import Analysis
from reader.core.store.database import Store, StoreError, content_hash
from reader.core.store.quote_group_reads import group_label, stored_analysis_ids, stored_groups
from reader.core.store.quote_groups import QuoteIndex, analysis_quote_words
from reader.core.store.quote_provenance import GroupLabels


class RunQuoteGroups:
    """Analyses numbered 0, 1… in the order added (a failed file, None, takes its number).

    `store_path` and `use_store` as the run's own: the store at `store_path` (None: the
    default one) is read when `use_store`."""

    def __init__(self, store_path: Path | None = None, use_store: bool = False) -> None:
        self._index = QuoteIndex()
        self._count = 0
        self._labels = GroupLabels(self._index)
        self._store_path = store_path
        self._use_store = use_store
        self._quotes: dict[int, tuple[str, str, tuple[int, ...]]] = {}  # model, hash, starts
        self._stored: dict[tuple[int, int], str] | None = None  # None: not read yet

    def add(self, analysis: Analysis | None) -> None:
        if analysis is not None:
            self._index.add(self._count, analysis_quote_words(analysis))
            starts = tuple(q.start for q in analysis.quotes)
            self._quotes[self._count] = (analysis.model, content_hash(analysis.article), starts)
        self._count += 1

    def label(self, number: int, start: int) -> str | None:
        """The group id of the quote at `start` of analysis `number`: the store's, else "g1",
        "g2"… in the order asked (so in input order when the lines are printed in it)."""
        if self._stored is None:
            self._stored = self._read_store()
        if self._stored:
            return self._stored.get((number, start))
        return self._labels.label(number, start)

    def with_groups(self, number: int, record: dict[str, Any]) -> dict[str, Any]:
        """An analysis record (`Analysis.to_dict`) with `group` added last to each quote."""
        for quote in record.get("quotes", ()):
            quote["group"] = self.label(number, quote["start"])
        return record

    def _read_store(self) -> dict[tuple[int, int], str]:
        """(number, start) -> the store's group id for every quote of the run; {} when the
        store is not used or does not group every one of them."""
        if not self._use_store or not self._quotes:
            return {}
        try:
            with Store.open(self._store_path) as store:
                ids: dict[int, int] = {}
                for model in {model for model, _hash, _starts in self._quotes.values()}:
                    mine = {n: h for n, (m, h, _s) in self._quotes.items() if m == model}
                    found = stored_analysis_ids(store, model, sorted(set(mine.values())))
                    ids.update((n, found[h]) for n, h in mine.items() if h in found)
                groups = stored_groups(store, ids.values())
        except StoreError:  # said once by the run's own opening of the store
            return {}
        labels: dict[tuple[int, int], str] = {}
        for number, (_model, _hash, starts) in self._quotes.items():
            for start in starts:
                group = groups.get((ids.get(number, -1), start))
                if group is None:
                    return {}
                labels[(number, start)] = group_label(group)
        return labels
