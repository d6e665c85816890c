"""Quote passages (store schema 7, issue 25): every fragment of every stored quote as a row of
its own, with its offsets into its article's text, and an FTS5 index over their words, so a
search "inside quotes only" reads the index of the quoted words instead of marking every text
the word is in and then keeping its few hits inside quotes.

`quote_passages`: id, analysis_id, quote_start (the quote's `start`), start and end (the
fragment's [start, end) in characters into the article's text) and the fragment's text;
`quote_passages_fts` indexes that text (an FTS5 table with `quote_passages` as its content,
tokenised as `texts_fts` is). The one writer of quote rows (`rows._index`, for a new analysis
and for a correction re-indexing a text) adds their fragments with `add_passages`, cut from the
text it has in hand; a trigger takes a deleted quote row's fragments out, so `Store.clear` and
every delete keep them right without knowing of them. Schema 9 dropped the trigger that added
them: it cut each quote's fragments from its article's whole text in `texts`, read again for
every quote row (1.5 s for the 2,700 quotes of a 1 MB article).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from reader.core.model import Quote

PASSAGES_SCHEMA = 7  # the store schema that made the passage table
_TOKENIZE = "tokenize='unicode61 remove_diacritics 2'"  # as texts_fts (rows._schema_2)
_FRAGMENT = "json_extract(f.value, '$[0]'), json_extract(f.value, '$[1]')"


def create_quote_passages(db: sqlite3.Connection) -> None:
    """Create (or make again) the passage table, its index and triggers, filled from the
    stored quote rows; inside the caller's transaction. New quote rows add their passages
    with `add_passages`."""
    for trigger in ("quote_passages_add", "quote_passages_drop", "quote_fts_add", "quote_fts_drop"):
        db.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    db.execute("DROP TABLE IF EXISTS quote_passages_fts")
    db.execute("DROP TABLE IF EXISTS quote_passages")
    db.execute(
        "CREATE TABLE quote_passages (id INTEGER PRIMARY KEY, analysis_id INTEGER NOT NULL,"
        " quote_start INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,"
        " text TEXT NOT NULL)"
    )
    db.execute(
        "CREATE INDEX quote_passages_quote ON quote_passages (analysis_id, quote_start, start, end)"
    )
    db.execute(
        "CREATE VIRTUAL TABLE quote_passages_fts USING fts5(text, content='quote_passages',"
        f" content_rowid='id', {_TOKENIZE})"
    )
    db.execute(
        "INSERT INTO quote_passages (analysis_id, quote_start, start, end, text)"
        f" SELECT q.analysis_id, q.start, {_FRAGMENT}, {_cut('t.text')}"
        " FROM quote_rows q JOIN analyses a ON a.id = q.analysis_id"
        " JOIN texts t ON t.content_hash = a.content_hash, json_each(q.data, '$.fragments') f"
    )
    db.execute("INSERT INTO quote_passages_fts (quote_passages_fts) VALUES ('rebuild')")
    db.execute(
        "CREATE TRIGGER quote_passages_drop AFTER DELETE ON quote_rows BEGIN"
        " DELETE FROM quote_passages"
        " WHERE analysis_id = OLD.analysis_id AND quote_start = OLD.start; END"
    )
    db.execute(
        "CREATE TRIGGER quote_fts_add AFTER INSERT ON quote_passages BEGIN"
        " INSERT INTO quote_passages_fts (rowid, text) VALUES (NEW.id, NEW.text); END"
    )
    db.execute(
        "CREATE TRIGGER quote_fts_drop AFTER DELETE ON quote_passages BEGIN"
        " INSERT INTO quote_passages_fts (quote_passages_fts, rowid, text)"
        " VALUES ('delete', OLD.id, OLD.text); END"
    )


def _cut(text: str) -> str:
    """SQL for the fragment `f` of the text `text` (SQLite's substr counts characters from 1,
    as Python's offsets count them from 0)."""
    return (
        f"substr({text}, json_extract(f.value, '$[0]') + 1,"
        " json_extract(f.value, '$[1]') - json_extract(f.value, '$[0]'))"
    )


def drop_passage_trigger(db: sqlite3.Connection) -> None:
    """Schema 9: quote rows no longer add their passages through a trigger (`add_passages`)."""
    db.execute("DROP TRIGGER IF EXISTS quote_passages_add")


def add_passages(
    db: sqlite3.Connection, analysis_id: int, quotes: Iterable[Quote], text: str
) -> None:
    """Add the passage rows of the quotes just inserted as quote rows of `analysis_id`: each
    fragment of each quote, cut from `text` (the article's text as the store holds it, so
    offsets are characters into it). One pass over the quotes; the text is never re-read.
    Nothing before schema 7 (an older store being migrated: schema 7 fills them itself)."""
    if db.execute("PRAGMA user_version").fetchone()[0] < PASSAGES_SCHEMA:
        return
    db.executemany(
        "INSERT INTO quote_passages (analysis_id, quote_start, start, end, text)"
        " VALUES (?, ?, ?, ?, ?)",
        [
            (analysis_id, quote.start, start, end, text[start:end])
            for quote in quotes
            for start, end in quote.fragments
        ],
    )
