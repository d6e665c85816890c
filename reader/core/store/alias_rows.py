"""The query rows of many texts rebuilt at once after alias rules changed their corrections.

An alias rule's corrections (merge, rename, kind: `reader.core.store.alias_rules`) change the
keys, names and kinds of entities and the speakers of quotes, never a quote's text or offsets.
So what they change in the store is the entity rows, each quote row's speaker and JSON, and the
analysis's counts; the quote groups (`reader.core.store.quote_group_rows`) and the quote
passages (`reader.core.store.passages`), made from the quotes' words and offsets, stay as they
are. `rows.reindex` rebuilds every row of one text, groups and passages included; here a batch
of texts is read with one query per table and written with one `executemany` per table, and a
quote row is rewritten only when it differs. A text whose stored quote rows do not line up with
its analysis's quotes (same number, same starts, in order) is rebuilt by `rows.reindex`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field

from reader.core.model import Analysis
from reader.core.store.corrections import Correction
from reader.core.store.in_lists import marks
from reader.core.store.records import analysis_from_data
from reader.core.store.rows import (
    entity_row_values,
    people_in,
    quote_row_values,
    reindex,
)
from reader.core.text.article import Article

BATCH = 200  # texts read and written together: one `IN (...)` of this many hashes


@dataclass
class StoredText:
    """One stored text: its hash, each stored analysis as the pipeline made it with its row id
    (every pipeline and Reader version; rows that no longer decode left out), and the reader's
    corrections of it, oldest first."""

    digest: str
    analyses: list[tuple[int, Analysis]] = field(default_factory=list)
    corrections: list[Correction] = field(default_factory=list)


def read_texts(db: sqlite3.Connection, digests: Sequence[str]) -> list[StoredText]:
    """The stored texts with these hashes (at most `BATCH`), in the order given: two queries."""
    texts = {digest: StoredText(digest) for digest in digests}
    placeholders = marks(list(texts))
    for analysis_id, digest, model, title, data, text in db.execute(
        "SELECT a.id, a.content_hash, a.model, a.title, a.data, t.text FROM analyses a"
        f" JOIN texts t ON t.content_hash = a.content_hash WHERE a.content_hash IN ({placeholders})"
        " ORDER BY a.id",
        list(texts),
    ):
        try:
            analysis = analysis_from_data(Article(title=title, text=text, blocks=()), model, data)
        except (ValueError, KeyError, TypeError):  # unreadable: the next save replaces it
            continue
        texts[digest].analyses.append((analysis_id, analysis))
    for digest, data in db.execute(
        f"SELECT content_hash, data FROM corrections WHERE content_hash IN ({placeholders})"
        " ORDER BY id",
        list(texts),
    ):
        try:
            texts[digest].corrections.append(Correction.from_json(data))
        except (ValueError, TypeError):  # as rows.stored_corrections: skipped
            continue
    return list(texts.values())


def write_rows(db: sqlite3.Connection, corrected: Sequence[tuple[str, int, Analysis]]) -> None:
    """Rewrite the rows of each (text hash, analysis row id, analysis with every stored
    correction of the text applied), in the caller's transaction, the corrections already
    stored. Entity rows and counts as `rows.reindex` writes them; quote rows updated in place."""
    if not corrected:
        return
    ids = [analysis_id for _digest, analysis_id, _analysis in corrected]
    placeholders = marks(ids)
    stored: dict[int, list[tuple]] = {analysis_id: [] for analysis_id in ids}
    for row in db.execute(
        "SELECT analysis_id, rowid, start, speaker_key, data, confidence, path FROM quote_rows"
        f" WHERE analysis_id IN ({placeholders}) ORDER BY analysis_id, rowid",
        ids,
    ):
        stored[row[0]].append(row[1:])
    entity_rows, quote_updates, counts, apart = [], [], [], set()
    for digest, analysis_id, analysis in corrected:
        rows = stored[analysis_id]
        if [row[1] for row in rows] != [q.start for q in analysis.quotes]:
            apart.add(digest)
            continue
        rows_of_entities = entity_row_values(analysis_id, analysis)
        entity_rows.extend(rows_of_entities)
        for (rowid, _start, *old), q in zip(rows, analysis.quotes, strict=True):
            new = quote_row_values(q)
            if tuple(old) != new:
                quote_updates.append((*new, rowid))
        counts.append((people_in(rows_of_entities), len(analysis.quotes), analysis_id))
    db.execute(f"DELETE FROM entity_rows WHERE analysis_id IN ({placeholders})", ids)
    db.executemany(
        "INSERT INTO entity_rows (analysis_id, key, name, kind, mentions, quotes, role)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        entity_rows,
    )
    db.executemany(
        "UPDATE quote_rows SET speaker_key = ?, data = ?, confidence = ?, path = ? WHERE rowid = ?",
        quote_updates,
    )
    db.executemany("UPDATE analyses SET people = ?, quotes = ? WHERE id = ?", counts)
    for digest in sorted(apart):  # every analysis of the text, its entity rows included
        reindex(db, digest)
