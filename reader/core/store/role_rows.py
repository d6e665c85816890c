"""The role an article gives each entity, in the store's entity rows (issue 21, deliverable 3).

Each row of `entity_rows` (one entity of one corrected analysis) carries in `role` the first
role the article states for the entity (`Mention.role`, in text order: "the Secretary of
State", "former Secretary of State"), on one line, or NULL when it states none; so the
Library lists an entity's roles across a collection from the index alone
(`reader.core.store.entity_roles`), never reading an analysis's JSON. Schema 8 adds the
column, an index over the rows that have one, and fills it once from the stored analyses.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable

from reader.core.model import Analysis, Entity
from reader.core.store.corrections import Correction, apply_corrections
from reader.core.store.records import mentions_from_dicts
from reader.core.text.article import Article

BACKFILL_BATCH = 500  # analyses decoded and updated together by the migration


def first_role(entity: Entity) -> str | None:
    """The first stated role among the entity's mentions (by the role's start offset), its
    whitespace made single spaces; None when the article states none."""
    role = min(
        (m.role for m in entity.mentions if m.role is not None),
        key=lambda r: r.start,
        default=None,
    )
    if role is None:
        return None
    return " ".join(role.text.split()) or None


def add_role_column(db: sqlite3.Connection, storable: Callable[[str], str]) -> None:
    """Schema 8: `entity_rows.role` and the index `entity_rows_role` over the rows with one.
    A store that already has the column (made by `rows._schema_2` from a schema 1 store,
    whose rows were written with roles) keeps its values; otherwise every stored analysis
    whose JSON holds a role is read once, the reader's corrections applied as the rows were
    written, and its rows given their roles (by analysis and entity key, both as `storable`,
    `rows.storable`, makes them)."""
    columns = {row[1] for row in db.execute("PRAGMA table_info(entity_rows)")}
    if "role" not in columns:
        db.execute("ALTER TABLE entity_rows ADD COLUMN role TEXT")
        _backfill(db, storable)
    db.execute(
        "CREATE INDEX IF NOT EXISTS entity_rows_role ON entity_rows (analysis_id)"
        " WHERE role IS NOT NULL"
    )


def _backfill(db: sqlite3.Connection, storable: Callable[[str], str]) -> None:
    corrections: dict[str, list[Correction]] = {}
    for digest, data in db.execute(
        "SELECT content_hash, data FROM corrections WHERE content_hash IN"
        " (SELECT content_hash FROM analyses WHERE instr(data, '\"role\"'))"
        " ORDER BY id"
    ).fetchall():
        try:
            corrections.setdefault(digest, []).append(Correction.from_json(data))
        except (ValueError, TypeError):  # as rows.stored_corrections: skipped
            continue
    cursor = db.execute(
        "SELECT id, content_hash, model, data FROM analyses WHERE instr(data, '\"role\"')"
    )
    while batch := cursor.fetchmany(BACKFILL_BATCH):
        updates = []
        for analysis_id, digest, model, data in batch:
            try:
                mentions = mentions_from_dicts(json.loads(data)["entities"])
            except (ValueError, KeyError, TypeError):  # unreadable: the next save replaces it
                continue
            analysis = Analysis(Article(title="", text="", blocks=()), model, mentions, ())
            if digest in corrections:
                analysis = apply_corrections(analysis, corrections[digest])
            updates.extend(
                (storable(role), analysis_id, storable(entity.key))
                for entity in analysis.entities
                if (role := first_role(entity)) is not None
            )
        db.executemany("UPDATE entity_rows SET role = ? WHERE analysis_id = ? AND key = ?", updates)
