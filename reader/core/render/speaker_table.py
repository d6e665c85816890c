"""Who gets quoted as a table (issue 24, deliverable 2): one row per speaker, for the whole
run or for each article, as CSV or JSON Lines. The figures are
`reader.core.store.speaker_stats`'s: `quotes`, `quoted_words`, the `articles` quoting the
speaker, `quote_share` and `word_share` of all quotes and words (0..1, four decimals), and
`named` false for the row of unnamed sources ("officials said", no speaker).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from reader.core.render.quote_table import write_csv
from reader.core.store.speaker_stats import SpeakerStats

SPEAKER_COLUMNS = (
    "path",
    "title",
    "speaker",
    "speaker_collection_key",
    "kind",
    "named",
    "quotes",
    "quoted_words",
    "articles",
    "quote_share",
    "word_share",
)


def speaker_rows(
    stats: SpeakerStats, path: str | None = None, title: str | None = None
) -> Iterator[dict[str, Any]]:
    """One dict per speaker, keys SPEAKER_COLUMNS; `path` and `title` None for the rows of a
    whole collection."""
    for row in stats.rows:
        yield {
            "path": path,
            "title": title,
            "speaker": row.name,
            "speaker_collection_key": row.key,
            "kind": row.kind,
            "named": row.named,
            "quotes": row.quotes,
            "quoted_words": row.words,
            "articles": row.articles,
            "quote_share": round(row.quote_share, 4),
            "word_share": round(row.word_share, 4),
        }


def write_speakers_csv(rows: Iterable[dict[str, Any]], stream: TextIO, header: bool = True) -> int:
    """Write speaker rows as CSV, as the quote table is written; returns how many."""
    return write_csv(rows, stream, header, SPEAKER_COLUMNS)
