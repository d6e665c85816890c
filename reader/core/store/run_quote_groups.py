"""The quote groups of one `reader analyze` or `reader quotes` run (issue 24): each analysis
joins a `QuoteIndex` as it arrives (in the order `RunCollection` keeps its payloads), and
once the last is in, every quote is given its group's id, the same for one quote across the
files of the run.
"""

from __future__ import annotations

from typing import Any

from reader.core.model import Analysis
from reader.core.store.quote_groups import QuoteIndex, analysis_quote_words
from reader.core.store.quote_provenance import GroupLabels


class RunQuoteGroups:
    """Analyses numbered 0, 1… in the order added (a failed file, None, takes its number)."""

    def __init__(self) -> None:
        self._index = QuoteIndex()
        self._count = 0
        self._labels = GroupLabels(self._index)

    def add(self, analysis: Analysis | None) -> None:
        if analysis is not None:
            self._index.add(self._count, analysis_quote_words(analysis))
        self._count += 1

    def label(self, number: int, start: int) -> str | None:
        """The group id of the quote at `start` of analysis `number` ("g1", "g2"… in the
        order asked, so in input order when the lines are printed in it)."""
        return self._labels.label(number, start)

    def with_groups(self, number: int, record: dict[str, Any]) -> dict[str, Any]:
        """An analysis record (`Analysis.to_dict`) with `group` added last to each quote."""
        for quote in record.get("quotes", ()):
            quote["group"] = self.label(number, quote["start"])
        return record
