"""How many doubtful quotes each text of a collection still holds (issue 22, review mode), in
one query per 500 texts over the store's quote rows, which are written with the reader's
corrections applied (a confirmed or chosen speaker has path `confirmed`, never doubtful). The
rows' `confidence` and `path` columns (schema 5) are indexed by article, so no JSON is read.

The threshold is the caller's (`reader.core.render.evidence.DOUBTFUL`, which the store, below
render, cannot import): `reader.core.render.doubtful_articles` passes it.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.core.model import SpeakerPath
from reader.core.store.database import ANALYSIS_VERSION, Store
from reader.core.store.in_lists import chunks, marks


def doubtful_counts(
    store: Store, hashes: Sequence[str], model: str, under: float
) -> dict[str, int]:
    """Content hash -> how many quotes of its analysis by `model` are doubtful: with evidence,
    not confirmed, confidence under `under` (as `evidence.is_doubtful` says). Texts with none
    are left out; a quote without evidence (analysed before it was kept) reads NULL and is
    never counted, as `is_doubtful` never flags it."""
    counts: dict[str, int] = {}
    unique = sorted(set(hashes))
    for chunk in chunks(unique):
        counts.update(
            store.query(
                "SELECT a.content_hash, COUNT(*) FROM analyses a"
                " JOIN quote_rows q ON q.analysis_id = a.id"
                " WHERE a.model = ? AND a.analysis_version = ?"
                f" AND a.content_hash IN ({marks(chunk)})"
                " AND q.confidence < ? AND q.path IS NOT ?"
                " GROUP BY a.content_hash",
                (model, ANALYSIS_VERSION, *chunk, under, str(SpeakerPath.CONFIRMED)),
            )
        )
    return counts
