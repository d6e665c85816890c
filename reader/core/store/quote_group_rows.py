"""Quote groups kept in the store (issue 24, store schema 6): the provenance index in tables,
brought up to date in the transaction that writes or drops an analysis's quote rows
(`reader.core.store.rows`), so the same quote across the store's articles is grouped as
articles arrive and a reopened store reads its groups instead of pairing again.

Tables (all keyed by the analysis's `analyses.id` and the quote's `start`):

- `provenance_scopes`: one row per (model, analysis_version). Quotes pair only within one
  scope: an older Reader's analysis of the same text, kept in the store, is not another
  article.
- `provenance_quotes`: id, analysis_id, start, scope, `words` (the quote's compared words,
  `quote_pairing.quote_words`, joined by spaces), `gaps` (the word indices an elision stands
  before, comma-separated), `keys` (its number of distinct word pairs) and `group_id`.
- `provenance_keys`: (scope, word pair "w1 w2", quote id), the postings looked up.
- `provenance_pairs`: (quote id, other quote id), both ways: the quotes found to be one quote.
- `provenance_groups`: the group ids in use (AUTOINCREMENT: an id is never given twice).
- `provenance_released`: (scope, content hash, start) -> the group id a quote was in when its
  analysis was taken out, so the same text written again (a re-analysis, a correction) gets
  back an id left empty by its own quote instead of a new one; cleared as it is written.

Adding an analysis looks each quote's word pairs up (at most `COMMON_PAIR` + 1 postings read
per pair: a commoner pair is a stop-pair, as in `QuoteIndex`), aligns it with the
`CANDIDATES` quotes sharing the most pairs (`quote_groups.closest_quotes`) and joins their
groups; the oldest group id (the smallest) is kept. Dropping an analysis splits only the
groups its quotes were in; the largest part keeps the id (on a tie, the part holding the
oldest quote). No step reads every quote: the cost grows with the article's quotes and words
and with the groups they touch.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Sequence

from reader.core.model import Analysis
from reader.core.store.in_lists import chunks, marks
from reader.core.store.quote_groups import (
    CANDIDATES,
    COMMON_PAIR,
    analysis_quote_words,
    closest_quotes,
)
from reader.core.store.quote_pairing import QuoteWords, pair_keys, quote_pieces, quote_words

TABLES = (
    "provenance_released",
    "provenance_keys",
    "provenance_pairs",
    "provenance_quotes",
    "provenance_groups",
    "provenance_scopes",
)
"""Every table of the provenance index, for a store emptied (`Store.clear`)."""


def create_quote_groups(db: sqlite3.Connection) -> None:
    """Create (or make again) the provenance tables and group every analysis the store
    holds (from its quote rows, corrections applied as `rows._index` wrote them), in the
    caller's transaction."""
    for table in TABLES:
        db.execute(f"DROP TABLE IF EXISTS {table}")
    db.execute(
        "CREATE TABLE provenance_scopes (id INTEGER PRIMARY KEY, model TEXT NOT NULL,"
        " analysis_version TEXT NOT NULL, UNIQUE (model, analysis_version))"
    )
    db.execute(
        "CREATE TABLE provenance_quotes (id INTEGER PRIMARY KEY, analysis_id INTEGER NOT NULL,"
        " start INTEGER NOT NULL, scope INTEGER NOT NULL, words TEXT NOT NULL,"
        " gaps TEXT NOT NULL, keys INTEGER NOT NULL, group_id INTEGER NOT NULL,"
        " UNIQUE (analysis_id, start))"
    )
    db.execute("CREATE INDEX provenance_quotes_group ON provenance_quotes (group_id)")
    db.execute(
        "CREATE TABLE provenance_keys (scope INTEGER NOT NULL, key TEXT NOT NULL,"
        " quote_id INTEGER NOT NULL, PRIMARY KEY (scope, key, quote_id)) WITHOUT ROWID"
    )
    db.execute(
        "CREATE TABLE provenance_pairs (quote_id INTEGER NOT NULL, other INTEGER NOT NULL,"
        " PRIMARY KEY (quote_id, other)) WITHOUT ROWID"
    )
    db.execute("CREATE TABLE provenance_groups (id INTEGER PRIMARY KEY AUTOINCREMENT)")
    db.execute(
        "CREATE TABLE provenance_released (scope INTEGER NOT NULL, content_hash TEXT NOT NULL,"
        " start INTEGER NOT NULL, group_id INTEGER NOT NULL,"
        " PRIMARY KEY (scope, content_hash, start)) WITHOUT ROWID"
    )
    analyses = db.execute("SELECT id FROM analyses ORDER BY id").fetchall()
    for (analysis_id,) in analyses:
        rows = db.execute(
            "SELECT data FROM quote_rows WHERE analysis_id = ? ORDER BY start", (analysis_id,)
        ).fetchall()
        quotes = []
        for (data,) in rows:
            try:
                quote = json.loads(data)
                fragments = tuple((int(a), int(b)) for a, b in quote.get("fragments") or ())
                words = quote_words(quote_pieces(quote["text"], quote["start"], fragments))
                quotes.append((int(quote["start"]), words))
            except (ValueError, KeyError, TypeError):  # a row no longer readable: left out
                continue
        index_quotes(db, analysis_id, quotes)


SCHEMA = 6
"""The store schema that made these tables: an older store being migrated (`rows._schema_2`
writes analyses) has none yet, and its analyses are grouped by `create_quote_groups`."""


def _grouped(db: sqlite3.Connection) -> bool:
    return db.execute("PRAGMA user_version").fetchone()[0] >= SCHEMA


def index_analysis(db: sqlite3.Connection, analysis_id: int, analysis: Analysis) -> None:
    """Group the quotes of the analysis stored as `analysis_id` (its rows just written, the
    reader's corrections applied) with the store's other quotes."""
    if _grouped(db):
        index_quotes(db, analysis_id, analysis_quote_words(analysis))


def unindex_analysis(db: sqlite3.Connection, analysis_id: int) -> None:
    """Take an analysis's quotes out of the groups, in the caller's transaction (before its
    quote rows go, or it is replaced); each group they were in is split where only they
    held it together."""
    if _grouped(db):
        _unindex(db, analysis_id)


def index_quotes(
    db: sqlite3.Connection, analysis_id: int, quotes: Iterable[tuple[int, QuoteWords]]
) -> None:
    """Group an analysis's quotes, each as (start, words), in the caller's transaction; the
    analysis's quotes indexed before are dropped first."""
    if db.execute(
        "SELECT 1 FROM provenance_quotes WHERE analysis_id = ? LIMIT 1", (analysis_id,)
    ).fetchone():
        _unindex(db, analysis_id)
    found_scope = _scope(db, analysis_id)
    if found_scope is None:
        return
    scope, digest = found_scope
    kept: dict[int, QuoteWords] = {}
    for start, words in quotes:
        kept.setdefault(start, words)  # one quote per start, as QuoteIndex keeps them
    # Every candidate is looked up before any of the article's quotes is written: quotes of
    # one article never pair.
    postings = _postings(db, scope, kept.values())
    found = _paired_with(db, kept, postings)
    for start, words in kept.items():
        keys = pair_keys(words)
        quote_id = db.execute(
            "INSERT INTO provenance_quotes (analysis_id, start, scope, words, gaps, keys,"
            " group_id) VALUES (?, ?, ?, ?, ?, ?, 0)",
            (
                analysis_id,
                start,
                scope,
                " ".join(words.words),
                ",".join(map(str, sorted(words.gaps))),
                len(keys),
            ),
        ).lastrowid
        db.executemany(
            "INSERT INTO provenance_keys (scope, key, quote_id) VALUES (?, ?, ?)",
            [(scope, f"{a} {b}", quote_id) for a, b in keys],
        )
        paired = found[start]
        db.executemany(
            "INSERT OR IGNORE INTO provenance_pairs (quote_id, other) VALUES (?, ?)",
            [pair for other in paired for pair in ((quote_id, other), (other, quote_id))],
        )
        _join(db, quote_id, paired, _released(db, scope, digest, start) if not paired else None)
    db.execute(
        "DELETE FROM provenance_released WHERE scope = ? AND content_hash = ?", (scope, digest)
    )


def _scope(db: sqlite3.Connection, analysis_id: int) -> tuple[int, str] | None:
    """The scope of the analysis's (model, analysis_version), made when new, and its text's
    content hash; None when no such analysis is stored."""
    row = db.execute(
        "SELECT model, analysis_version, content_hash FROM analyses WHERE id = ?", (analysis_id,)
    ).fetchone()
    if row is None:
        return None
    db.execute(
        "INSERT OR IGNORE INTO provenance_scopes (model, analysis_version) VALUES (?, ?)", row[:2]
    )
    scope = db.execute(
        "SELECT id FROM provenance_scopes WHERE model = ? AND analysis_version = ?", row[:2]
    ).fetchone()[0]
    return scope, row[2]


def _released(db: sqlite3.Connection, scope: int, digest: str, start: int) -> int | None:
    """The group id the quote at `start` of this text had when last taken out, when no quote
    holds it now."""
    row = db.execute(
        "SELECT group_id FROM provenance_released"
        " WHERE scope = ? AND content_hash = ? AND start = ?",
        (scope, digest, start),
    ).fetchone()
    if (
        row is None
        or db.execute("SELECT 1 FROM provenance_quotes WHERE group_id = ? LIMIT 1", row).fetchone()
    ):
        return None
    db.execute("INSERT OR IGNORE INTO provenance_groups (id) VALUES (?)", row)
    return row[0]


_HOLDERS = (
    "SELECT k.value, (SELECT group_concat(quote_id) FROM (SELECT quote_id FROM provenance_keys"
    " WHERE scope = ? AND key = k.value LIMIT ?)) FROM json_each(?) k"
)
"""Each word pair of a JSON list with the ids of at most `COMMON_PAIR` + 1 quotes holding it
(one statement for an article's pairs, each read from the postings' primary key)."""


def _postings(
    db: sqlite3.Connection, scope: int, quotes: Iterable[QuoteWords]
) -> dict[str, list[int]]:
    """Word pair "w1 w2" -> the quotes holding it, for every pair of `quotes` held by at
    most `COMMON_PAIR` quotes (a commoner pair is not looked up, as in `QuoteIndex`)."""
    keys = sorted({f"{a} {b}" for words in quotes for a, b in pair_keys(words)})
    found: dict[str, list[int]] = {}
    for i in range(0, len(keys), 2000):
        for key, holders in db.execute(
            _HOLDERS, (scope, COMMON_PAIR + 1, json.dumps(keys[i : i + 2000]))
        ):
            if holders and holders.count(",") < COMMON_PAIR:  # at most COMMON_PAIR ids
                found[key] = [int(h) for h in holders.split(",")]
    return found


def _paired_with(
    db: sqlite3.Connection, quotes: dict[int, QuoteWords], postings: dict[str, list[int]]
) -> dict[int, set[int]]:
    """Start -> the ids of the stored quotes that quote is the same quote as
    (`closest_quotes`), for an article's `quotes` by start, their pairs' holders looked up in
    `postings` (`_postings`) and the candidates read in one statement."""
    ranked: dict[int, list[tuple[int, int]]] = {}
    for start, words in quotes.items():
        shared: Counter[int] = Counter()
        for a, b in pair_keys(words):
            shared.update(postings.get(f"{a} {b}", ()))
        ranked[start] = shared.most_common(CANDIDATES)
    wanted = sorted({quote_id for found in ranked.values() for quote_id, _count in found})
    rows: dict[int, tuple[int, QuoteWords, int]] = {}
    for chunk in chunks(wanted):
        for quote_id, article, words, gaps, keys in db.execute(
            "SELECT id, analysis_id, words, gaps, keys FROM provenance_quotes"
            f" WHERE id IN ({marks(chunk)})",
            chunk,
        ):
            rows[quote_id] = (article, stored_words(words, gaps), keys)
    return {
        start: closest_quotes(  # type: ignore[misc]  # the ids given are ints
            words,
            len(pair_keys(words)),
            [(q, count, *rows[q]) for q, count in ranked[start] if q in rows],
        )
        for start, words in quotes.items()
    }


def stored_words(words: str, gaps: str) -> QuoteWords:
    """A quote's compared words as `provenance_quotes` keeps them (no offsets)."""
    return QuoteWords(tuple(words.split()), (), frozenset(int(g) for g in gaps.split(",") if g))


def _new_group(db: sqlite3.Connection) -> int:
    return db.execute("INSERT INTO provenance_groups DEFAULT VALUES").lastrowid


def _join(
    db: sqlite3.Connection, quote_id: int, paired: set[int], released: int | None = None
) -> None:
    """Put the quote in one group with every quote it pairs with (the oldest id kept); one
    that pairs with none takes the `released` id, else a new one."""
    groups = (
        sorted(
            group
            for (group,) in db.execute(
                f"SELECT DISTINCT group_id FROM provenance_quotes WHERE id IN ({marks(paired)})",
                sorted(paired),
            )
        )
        if paired
        else []
    )
    if not groups:
        group = released if released is not None else _new_group(db)
    else:
        group, merged = groups[0], groups[1:]
        if merged:
            merged_marks = marks(merged)
            db.execute(
                f"UPDATE provenance_quotes SET group_id = ? WHERE group_id IN ({merged_marks})",
                (group, *merged),
            )
            db.execute(f"DELETE FROM provenance_groups WHERE id IN ({merged_marks})", merged)
    db.execute("UPDATE provenance_quotes SET group_id = ? WHERE id = ?", (group, quote_id))


def _unindex(db: sqlite3.Connection, analysis_id: int) -> None:
    rows = db.execute(
        "SELECT q.id, q.scope, q.words, q.group_id, a.content_hash, q.start"
        " FROM provenance_quotes q LEFT JOIN analyses a ON a.id = q.analysis_id"
        " WHERE q.analysis_id = ?",
        (analysis_id,),
    ).fetchall()
    touched: set[int] = set()
    for quote_id, scope, words, group, digest, start in rows:
        if digest is not None:
            db.execute(
                "INSERT OR REPLACE INTO provenance_released (scope, content_hash, start,"
                " group_id) VALUES (?, ?, ?, ?)",
                (scope, digest, start, group),
            )
        db.executemany(
            "DELETE FROM provenance_keys WHERE scope = ? AND key = ? AND quote_id = ?",
            [(scope, f"{a} {b}", quote_id) for a, b in pair_keys(stored_words(words, ""))],
        )
        others = db.execute(
            "SELECT other FROM provenance_pairs WHERE quote_id = ?", (quote_id,)
        ).fetchall()
        db.executemany(
            "DELETE FROM provenance_pairs WHERE quote_id = ? AND other = ?",
            [(other, quote_id) for (other,) in others],
        )
        db.execute("DELETE FROM provenance_pairs WHERE quote_id = ?", (quote_id,))
        db.execute("DELETE FROM provenance_quotes WHERE id = ?", (quote_id,))
        touched.add(group)
    for group in sorted(touched):
        _split(db, group)


def _split(db: sqlite3.Connection, group: int) -> None:
    """Give each connected part of `group` a group of its own; the largest part (on a tie,
    the one with the oldest quote) keeps the id, a group left empty is dropped."""
    left = {
        quote_id
        for (quote_id,) in db.execute(
            "SELECT id FROM provenance_quotes WHERE group_id = ?", (group,)
        )
    }
    parts: list[list[int]] = []
    while left:
        start = min(left)
        left.discard(start)
        part, todo = [start], [start]
        while todo:
            for (other,) in db.execute(
                "SELECT other FROM provenance_pairs WHERE quote_id = ?", (todo.pop(),)
            ).fetchall():
                if other in left:
                    left.discard(other)
                    part.append(other)
                    todo.append(other)
        parts.append(part)
    if not parts:
        db.execute("DELETE FROM provenance_groups WHERE id = ?", (group,))
        return
    parts.sort(key=lambda p: (-len(p), min(p)))
    for part in parts[1:]:
        _regroup(db, part, _new_group(db))


def _regroup(db: sqlite3.Connection, quotes: Sequence[int], group: int) -> None:
    db.executemany(
        "UPDATE provenance_quotes SET group_id = ? WHERE id = ?", [(group, q) for q in quotes]
    )
