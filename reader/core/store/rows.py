"""The store's tables: the schema of each version with its migration, and the rows one
analysis writes (its text once, a full-text index, entity and quote rows for the library's
queries, corrections applied). Used by `reader.core.store.database`, inside its transactions.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from reader.core.model import Analysis, Kind, Quote
from reader.core.store.corrections import Correction, apply_corrections
from reader.core.store.passages import add_passages, create_quote_passages, drop_passage_trigger
from reader.core.store.quote_group_rows import create_quote_groups, index_analysis, unindex_analysis
from reader.core.store.records import analysis_from_data, mentions_from_dicts, quotes_from_dicts
from reader.core.store.role_rows import add_role_column, first_role
from reader.core.text.article import Article

SCHEMA_VERSION = 9


def storable(text: str) -> str:
    """The text with lone surrogates (which SQLite cannot hold) and the two control characters
    the library's search uses as markers replaced one for one, so offsets stay valid."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text.replace("\x01", " ").replace("\x02", " ")


def article_meta(article: Article) -> tuple[str | None, str | None]:
    meta = getattr(article, "meta", None)
    date, site = getattr(meta, "date", None), getattr(meta, "site", None)
    return (storable(date) if date else None), (storable(site) if site else None)


def path_key(path: Path) -> bytes:
    """A file's path as the store keeps it: its bytes (a name need not be valid UTF-8)."""
    return os.fsencode(path)


# --- schema and migrations ------------------------------------------------------------------


def _schema_1(db: sqlite3.Connection) -> None:
    """The first store: analyses as their whole JSON (text included), and corrections."""
    db.execute(
        "CREATE TABLE analyses (content_hash TEXT NOT NULL, model TEXT NOT NULL,"
        " analysis_version INTEGER NOT NULL, data TEXT NOT NULL,"
        " PRIMARY KEY (content_hash, model, analysis_version))"
    )
    db.execute(
        "CREATE TABLE corrections (id INTEGER PRIMARY KEY AUTOINCREMENT,"
        " content_hash TEXT NOT NULL, data TEXT NOT NULL)"
    )
    db.execute("CREATE INDEX corrections_hash ON corrections (content_hash)")


def _schema_2(db: sqlite3.Connection) -> None:
    """The library: texts once each with a full-text index, files seen, entity and quote rows
    for queries across articles, and analyses without their text."""
    db.execute(
        "CREATE TABLE analyses_2 (id INTEGER PRIMARY KEY, content_hash TEXT NOT NULL,"
        " model TEXT NOT NULL, analysis_version INTEGER NOT NULL, title TEXT NOT NULL,"
        " date TEXT, site TEXT, people INTEGER NOT NULL, quotes INTEGER NOT NULL,"
        " data TEXT NOT NULL, UNIQUE (content_hash, model, analysis_version))"
    )
    db.execute(
        "CREATE TABLE texts (id INTEGER PRIMARY KEY, content_hash TEXT NOT NULL UNIQUE,"
        " text TEXT NOT NULL)"
    )
    db.execute(
        "CREATE VIRTUAL TABLE texts_fts USING fts5(text, content='texts', content_rowid='id',"
        " tokenize='unicode61 remove_diacritics 2')"
    )
    db.execute(
        "CREATE TABLE files (path BLOB PRIMARY KEY, mtime_ns INTEGER NOT NULL,"
        " size INTEGER NOT NULL, content_hash TEXT NOT NULL)"
    )
    db.execute(
        "CREATE TABLE entity_rows (analysis_id INTEGER NOT NULL, key TEXT NOT NULL,"
        " name TEXT NOT NULL, kind TEXT NOT NULL, mentions INTEGER NOT NULL,"
        " quotes INTEGER NOT NULL, role TEXT)"
    )  # role is schema 8's, here because the rows below are today's
    db.execute("CREATE INDEX entity_rows_key ON entity_rows (key)")
    db.execute("CREATE INDEX entity_rows_analysis ON entity_rows (analysis_id)")
    db.execute(
        "CREATE TABLE quote_rows (analysis_id INTEGER NOT NULL, start INTEGER NOT NULL,"
        " speaker_key TEXT, data TEXT NOT NULL, confidence REAL, path TEXT)"
    )  # confidence and path are schema 5's, here because the rows below are today's
    db.execute("CREATE INDEX quote_rows_speaker ON quote_rows (speaker_key)")
    db.execute("CREATE INDEX quote_rows_analysis ON quote_rows (analysis_id)")
    old = db.execute("SELECT content_hash, model, analysis_version, data FROM analyses").fetchall()
    db.execute("DROP TABLE analyses")
    db.execute("ALTER TABLE analyses_2 RENAME TO analyses")
    for digest, model, version, data in old:
        record = json.loads(data)
        article = Article(title=record.get("title") or "", text=record["text"], blocks=())
        meta = record.get("meta") or {}
        analysis = Analysis(
            article=article,
            model=model,
            mentions=mentions_from_dicts(record.get("entities", ())),
            quotes=quotes_from_dicts(record.get("quotes", ())),
        )
        insert_analysis(db, digest, analysis, version, (meta.get("date"), meta.get("site")))


def _schema_3(db: sqlite3.Connection) -> None:
    """Named collections: each a list of files (by path, as `files` keys them), so a reader
    keeps several stories; removing one leaves the analyses, which are shared by text."""
    db.execute("CREATE TABLE collections (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)")
    db.execute(
        "CREATE TABLE collection_files (collection_id INTEGER NOT NULL, path BLOB NOT NULL,"
        " position INTEGER NOT NULL, PRIMARY KEY (collection_id, path))"
    )
    db.execute("CREATE INDEX collection_files_order ON collection_files (collection_id, position)")


def _schema_4(db: sqlite3.Connection) -> None:
    """Scale (issue 25): a collection's identity kept between runs
    (`reader.core.store.identity_snapshot`), and the quotes of a speaker found by speaker and
    article in the index alone (the old speaker index is its prefix)."""
    db.execute(
        "CREATE TABLE identity_snapshots (scope TEXT PRIMARY KEY, saved INTEGER NOT NULL,"
        " state TEXT NOT NULL, gathered TEXT NOT NULL, facts TEXT NOT NULL)"
    )
    db.execute("DROP INDEX quote_rows_speaker")
    db.execute("CREATE INDEX quote_rows_speaker_article ON quote_rows (speaker_key, analysis_id)")


def _schema_5(db: sqlite3.Connection) -> None:
    """Review mode at scale (issue 22): each quote row's speaker confidence and path as
    columns, indexed by article, so a collection's doubtful counts are read from the index
    instead of every quote's JSON after each write."""
    columns = {row[1] for row in db.execute("PRAGMA table_info(quote_rows)")}
    for column, kind in (("confidence", "REAL"), ("path", "TEXT")):
        if column not in columns:  # a schema 1 store has them from `_schema_2`
            db.execute(f"ALTER TABLE quote_rows ADD COLUMN {column} {kind}")
    db.execute(
        "UPDATE quote_rows SET confidence = json_extract(data, '$.evidence.confidence'),"
        " path = json_extract(data, '$.evidence.path')"
    )
    db.execute("CREATE INDEX quote_rows_confidence ON quote_rows (analysis_id, confidence, path)")


def _schema_6(db: sqlite3.Connection) -> None:
    """Quote provenance (issue 24): the same quote across articles grouped in the store
    (`reader.core.store.quote_group_rows`), every stored analysis grouped once here, each
    one written later as it arrives."""
    create_quote_groups(db)


def _schema_7(db: sqlite3.Connection) -> None:
    """Search inside quotes at scale (issue 25): each quote fragment's text with its offsets
    and an FTS5 index over them, kept in step with `quote_rows` by triggers
    (`reader.core.store.passages`)."""
    create_quote_passages(db)


def _schema_8(db: sqlite3.Connection) -> None:
    """Roles across a collection (issue 21): each entity row's first stated role
    (`reader.core.store.role_rows`), filled once from the stored analyses."""
    add_role_column(db, storable)


def _schema_9(db: sqlite3.Connection) -> None:
    """A 1 MB article is written in a quarter of the time (issue 25): its quote rows' passages
    are added from the text in hand (`passages.add_passages`), no longer by a trigger that read
    the article's whole text again for every quote."""
    drop_passage_trigger(db)


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (
    _schema_1,
    _schema_2,
    _schema_3,
    _schema_4,
    _schema_5,
    _schema_6,
    _schema_7,
    _schema_8,
    _schema_9,
)
"""MIGRATIONS[n - 1] takes a store at schema n - 1 to schema n."""


# --- rows -------------------------------------------------------------------------------------


def insert_analysis(
    db: sqlite3.Connection,
    digest: str,
    analysis: Analysis,
    version: int,
    meta: tuple[str | None, str | None],
) -> None:
    """Insert (or replace) one analysis, its text and its query rows, corrections applied."""
    text = storable(analysis.article.text)
    cursor = db.execute(
        "INSERT OR IGNORE INTO texts (content_hash, text) VALUES (?, ?)", (digest, text)
    )
    if cursor.rowcount:
        db.execute("INSERT INTO texts_fts (rowid, text) VALUES (?, ?)", (cursor.lastrowid, text))
    old = db.execute(
        "SELECT id FROM analyses WHERE content_hash = ? AND model = ? AND analysis_version = ?",
        (digest, analysis.model, version),
    ).fetchone()
    if old is not None:
        _delete_rows(db, old[0])
        db.execute("DELETE FROM analyses WHERE id = ?", old)
    data = json.dumps(
        {
            "entities": [m.to_dict() for m in analysis.mentions],
            "quotes": [q.to_dict() for q in analysis.quotes],
        },
        ensure_ascii=True,
    )
    cursor = db.execute(
        "INSERT INTO analyses (content_hash, model, analysis_version, title, date, site,"
        " people, quotes, data) VALUES (?, ?, ?, ?, ?, ?, 0, 0, ?)",
        (digest, analysis.model, version, storable(analysis.article.title), *meta, data),
    )
    corrected = apply_corrections(analysis, stored_corrections(db, digest))
    _index(db, cursor.lastrowid, corrected, text)


def _delete_rows(db: sqlite3.Connection, analysis_id: int) -> None:
    unindex_analysis(db, analysis_id)
    db.execute("DELETE FROM entity_rows WHERE analysis_id = ?", (analysis_id,))
    db.execute("DELETE FROM quote_rows WHERE analysis_id = ?", (analysis_id,))


def entity_row_values(analysis_id: int, analysis: Analysis) -> list[tuple]:
    """The `entity_rows` values of one (corrected) analysis: analysis id, key, name, kind,
    mentions, quotes spoken, first stated role (the columns `_index` inserts, in order)."""
    spoken: dict[str, int] = {}
    for q in analysis.quotes:
        if q.speaker is not None and q.speaker.key is not None:
            spoken[q.speaker.key] = spoken.get(q.speaker.key, 0) + 1
    return [
        (
            analysis_id,
            storable(e.key),
            storable(e.name),
            str(e.kind),
            e.count,
            spoken.get(e.key, 0),
            storable(role) if (role := first_role(e)) is not None else None,
        )
        for e in analysis.entities
    ]


def quote_row_values(quote: Quote) -> tuple[str | None, str, float | None, str | None]:
    """A quote's `quote_rows` values after its place: speaker key, JSON, confidence, path."""
    evidence = quote.evidence
    return (
        storable(quote.speaker.key) if quote.speaker and quote.speaker.key else None,
        json.dumps(quote.to_dict(), ensure_ascii=True),
        evidence.confidence if evidence is not None else None,
        str(evidence.path) if evidence is not None else None,
    )


def people_in(entity_rows: list[tuple]) -> int:
    """How many of `entity_row_values`' rows are people (the analyses' `people` count)."""
    person = str(Kind.PERSON)
    return sum(1 for row in entity_rows if row[3] == person)


def _index(db: sqlite3.Connection, analysis_id: int, analysis: Analysis, text: str) -> None:
    """The entity and quote rows of one (corrected) analysis, its quote passages (cut from
    `text`, its article's text as stored) and its counts."""
    entity_rows = entity_row_values(analysis_id, analysis)
    db.executemany(
        "INSERT INTO entity_rows (analysis_id, key, name, kind, mentions, quotes, role)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        entity_rows,
    )
    db.executemany(
        "INSERT INTO quote_rows (analysis_id, start, speaker_key, data, confidence, path)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [(analysis_id, q.start, *quote_row_values(q)) for q in analysis.quotes],
    )
    add_passages(db, analysis_id, analysis.quotes, text)
    index_analysis(db, analysis_id, analysis)
    db.execute(
        "UPDATE analyses SET people = ?, quotes = ? WHERE id = ?",
        (people_in(entity_rows), len(analysis.quotes), analysis_id),
    )


def stored_corrections(db: sqlite3.Connection, digest: str) -> tuple[Correction, ...]:
    """The text's corrections, oldest first; a row that no longer reads as one is skipped."""
    rows = db.execute(
        "SELECT data FROM corrections WHERE content_hash = ? ORDER BY id", (digest,)
    ).fetchall()
    corrections = []
    for (data,) in rows:
        try:
            corrections.append(Correction.from_json(data))
        except (ValueError, TypeError):  # CorrectionError is a ValueError, as is bad JSON
            continue
    return tuple(corrections)


def insert_correction(db: sqlite3.Connection, digest: str, correction: Correction) -> int:
    """Add a correction of the text with this hash, in the caller's transaction; its id."""
    cursor = db.execute(
        "INSERT INTO corrections (content_hash, data) VALUES (?, ?)",
        (digest, correction.to_json()),
    )
    reindex(db, digest)
    return cursor.lastrowid


def delete_last_correction(db: sqlite3.Connection, digest: str) -> Correction | None:
    """Remove the latest correction of the text with this hash, in the caller's transaction,
    and return it; None when it has none."""
    row = db.execute(
        "SELECT id, data FROM corrections WHERE content_hash = ? ORDER BY id DESC LIMIT 1",
        (digest,),
    ).fetchone()
    if row is None:
        return None
    db.execute("DELETE FROM corrections WHERE id = ?", (row[0],))
    reindex(db, digest)
    return Correction.from_json(row[1])


def file_stat(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


def reindex(db: sqlite3.Connection, digest: str) -> None:
    """Rebuild the query rows of every analysis of this text after its corrections changed."""
    corrections = stored_corrections(db, digest)
    rows = db.execute(
        "SELECT a.id, a.model, a.title, a.data, t.text FROM analyses a"
        " JOIN texts t ON t.content_hash = a.content_hash WHERE a.content_hash = ?",
        (digest,),
    ).fetchall()
    for analysis_id, model, title, data, text in rows:
        analysis = analysis_from_data(Article(title=title, text=text, blocks=()), model, data)
        _delete_rows(db, analysis_id)
        _index(db, analysis_id, apply_corrections(analysis, corrections), text)


def write_file_row(db: sqlite3.Connection, path: Path, digest: str) -> None:
    seen = file_stat(path)
    if seen is not None:
        db.execute(
            "INSERT OR REPLACE INTO files (path, mtime_ns, size, content_hash) VALUES (?, ?, ?, ?)",
            (path_key(path), *seen, digest),
        )
