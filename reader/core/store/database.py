"""The analysis store: one SQLite file that keeps every analysis, so an article is analysed once.

An analysis is keyed by the article's content hash (sha256 of its text), the pipeline's label
(name and version, `reader.core.analysis.pipeline.model_label`) and `ANALYSIS_VERSION`: an unchanged
article opens without analysis; a changed text, another pipeline or a newer Reader analyses
again. The reader's corrections are kept by content hash alone and applied on every load.

The file is in WAL mode (readers never wait for the writer; two processes may write, each
write is one transaction that waits up to `BUSY_TIMEOUT_S` for the other). `PRAGMA
user_version` holds the schema version; older stores are migrated when opened. A damaged file,
one written by a newer Reader, or one that cannot be written raises `StoreError`, whose str()
is one sentence for the user: callers say it once and work on without a store.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from importlib import metadata
from pathlib import Path
from typing import Any

import platformdirs

from reader.core.model import Analysis
from reader.core.store.alias_rules import read_rules, settle_new, undo_last, with_rules
from reader.core.store.corrections import Correction
from reader.core.store.quote_group_rows import TABLES
from reader.core.store.records import analysis_from_data
from reader.core.store.rows import (
    MIGRATIONS,
    SCHEMA_VERSION,
    article_meta,
    file_stat,
    insert_analysis,
    insert_correction,
    path_key,
    stored_corrections,
    write_file_row,
)
from reader.core.text.article import Article

# What makes an analysis: reading an article into text, and analysing it (code and data files).
_ANALYSIS_CODE = ("text", "analysis", "model.py")


def _analysis_code_digest() -> str:
    """12 hex digits of sha256 over Reader's analysis code (the packages of reader.core that
    load articles and analyse them, with their word lists) and spaCy's version, so that an
    analysis made by other code or rules is never served from the store."""
    digest = hashlib.sha256(metadata.version("spacy").encode())
    core = Path(__file__).parents[1]
    for part in _ANALYSIS_CODE:
        paths = [core / part] if part.endswith(".py") else sorted((core / part).rglob("*"))
        for path in paths:
            if path.is_file() and path.suffix != ".pyc":
                digest.update(path.relative_to(core).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


# The rules' number (bump it when the analysis changes on purpose) and the code's digest:
# any change of the analysis code makes every stored analysis be made again.
ANALYSIS_RULES = 2
ANALYSIS_VERSION = f"{ANALYSIS_RULES}.{_analysis_code_digest()}"
STORE_ENV = "READER_STORE"
STORE_FILE_NAME = "reader.sqlite3"
BUSY_TIMEOUT_S = 30.0


class StoreError(Exception):
    """The store cannot be used (damaged, newer schema, unwritable); str() is for the user."""


def default_store_path() -> Path:
    """$READER_STORE when set, else `reader.sqlite3` in the user's data folder (platformdirs)."""
    explicit = os.environ.get(STORE_ENV)
    if explicit:
        return Path(explicit).expanduser()
    return Path(platformdirs.user_data_dir("reader", appauthor=False)) / STORE_FILE_NAME


def schema_behind(path: Path | None = None) -> bool:
    """Whether the store file at `path` (default `default_store_path()`) exists at an older
    schema, so that `Store.open` will migrate it first: seconds to a minute for a large store
    (grouping every quote of a schema-5 store's 10,000 articles takes about 20 s). False when
    there is no file or it cannot be read (opening it then says why)."""
    path = Path(path) if path is not None else default_store_path()
    try:
        if not path.is_file():
            return False
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
        finally:
            db.close()
    except (OSError, sqlite3.Error):
        return False
    return 0 < version < SCHEMA_VERSION


def content_hash(article: Article) -> str:
    """sha256 hex digest of the article text as UTF-8 (lone surrogates passed through)."""
    return hashlib.sha256(article.text.encode("utf-8", "surrogatepass")).hexdigest()


# --- the store --------------------------------------------------------------------------------


class Store:
    """An open store file; safe to share between threads (one lock), and between processes."""

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self._db = connection
        self._lock = threading.RLock()
        self._writes = 0

    @classmethod
    def open(cls, path: Path | None = None) -> Store:
        """Open (creating or migrating) the store at `path`, default `default_store_path()`.

        Raises StoreError when the file is damaged, newer than this Reader, or unwritable.
        """
        path = Path(path) if path is not None else default_store_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(
                path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
            )
        except (OSError, sqlite3.Error) as error:
            raise StoreError(
                f"The analysis store {path} cannot be opened ({_reason(error)}); "
                "Reader works on without it."
            ) from error
        try:
            db.execute("PRAGMA journal_mode = WAL").fetchone()
            db.execute("PRAGMA synchronous = NORMAL")
            _migrate(db, path)
        except StoreError:
            db.close()
            raise
        except sqlite3.Error as error:
            db.close()
            raise _store_error(path, error) from error
        return cls(path, db)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- low level, for reader.core.store.library

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (BEGIN IMMEDIATE: waits for another writer, never deadlocks)."""
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
                try:
                    yield self._db
                except BaseException:
                    self._db.execute("ROLLBACK")
                    raise
                self._db.execute("COMMIT")
                self._writes += 1
            except sqlite3.Error as error:
                raise _store_error(self.path, error) from error

    @contextmanager
    def writing(self) -> Iterator[sqlite3.Connection]:
        """One write transaction for the store's own modules (`reader.core.store.collections`),
        so their SQL stays beside their tables while every write goes through one lock."""
        with self._transaction() as db:
            yield db

    def version(self) -> tuple[int, int]:
        """Changes whenever this connection or another process has written to the store, so
        views can cache what they read (SQLite's data_version and this connection's writes)."""
        return self.query("PRAGMA data_version")[0][0], self._writes

    def query(self, sql: str, parameters: Sequence[Any] = ()) -> list[tuple]:
        """All rows of one read query; raises StoreError when the file fails."""
        with self._lock:
            try:
                return self._db.execute(sql, parameters).fetchall()
            except sqlite3.Error as error:
                raise _store_error(self.path, error) from error

    # -- analyses

    def cached_analysis(self, article: Article, model: str) -> Analysis | None:
        """The stored analysis of this text by pipeline `model` (a `model_label`), corrections
        applied, for the given article; None when there is none for this Reader version (or
        its row cannot be read: the next save replaces it)."""
        digest = content_hash(article)
        rows = self.query(
            "SELECT data FROM analyses WHERE content_hash = ? AND model = ?"
            " AND analysis_version = ?",
            (digest, model, ANALYSIS_VERSION),
        )
        if not rows:
            return None
        try:
            analysis = analysis_from_data(article, model, rows[0][0])
        except (ValueError, KeyError, TypeError):  # a row no longer readable: analyse again
            return None
        if article.path is not None:  # so a collection lists it without reading the file
            _remember_file(self, article.path, digest)
        return self._with_corrections(analysis, digest)

    def holds(self, content_hash: str, model: str) -> bool:
        """Whether an analysis of the text with this hash by pipeline `model` (a `model_label`)
        is stored for this Reader version: one indexed row looked up, nothing decoded."""
        return bool(self.query(_HELD, (content_hash, model, ANALYSIS_VERSION)))

    def corrected(self, analysis: Analysis) -> Analysis:
        """The analysis with the stored corrections of its text applied."""
        return self._with_corrections(analysis, content_hash(analysis.article))

    def _with_corrections(self, analysis: Analysis, digest: str) -> Analysis:
        """The one place where the reader's changes meet the pipeline's analysis, for a stored
        analysis and a new one alike: the corrections of this text (those the library's alias
        rules made in it among them), then what the rules change in a text not yet saved."""
        return with_rules(analysis, self.corrections(digest), read_rules(self))

    def save_analysis(
        self,
        analysis: Analysis,
        keep_existing: bool = False,
        on_locked: Callable[[], None] | None = None,
    ) -> None:
        """Keep the analysis as the pipeline made it (one transaction); replaces an older one
        (`keep_existing` and `on_locked`: as `save_analyses` takes them).

        Raises ValueError for an analysis with corrections applied (store the pipeline's own).
        """
        if any(m.corrected for m in analysis.mentions) or any(q.corrected for q in analysis.quotes):
            raise ValueError("save_analysis takes the pipeline's analysis, not a corrected one.")
        self.save_analyses([analysis], keep_existing, on_locked)

    def save_analyses(
        self,
        analyses: Sequence[Analysis],
        keep_existing: bool = False,
        on_locked: Callable[[], None] | None = None,
    ) -> None:
        """Several analyses in one transaction (the batch command's unit of writing). With
        `keep_existing`, one the store holds already (written meanwhile by another process) is
        left as it is; decided inside the transaction, so whichever writer comes second writes
        nothing. `on_locked` is called once the store's write lock is held, before anything is
        written: the window's spaCy child answers the window then, so the window's own write
        of the same analysis (`keep_existing`) waits for the child's and writes nothing."""
        with self._transaction() as db:
            if on_locked is not None:
                on_locked()
            written = []
            for analysis in analyses:
                digest = content_hash(analysis.article)
                if not (keep_existing and _held(db, digest, analysis.model)):
                    insert_analysis(
                        db, digest, analysis, ANALYSIS_VERSION, article_meta(analysis.article)
                    )
                    written.append((digest, analysis))
                if analysis.article.path is not None:
                    write_file_row(db, analysis.article.path, digest)
            settle_new(db, written)

    def clear(self) -> None:
        """Drop every analysis, text and file record; the reader's corrections are kept."""
        with self._transaction() as db:
            for table in ("entity_rows", "quote_rows", "analyses", "files", "texts", *TABLES):
                db.execute(f"DELETE FROM {table}")
            db.execute("INSERT INTO texts_fts (texts_fts) VALUES ('delete-all')")

    def count(self) -> int:
        """How many analyses the store holds (all pipelines and versions)."""
        return self.query("SELECT count(*) FROM analyses")[0][0]

    # -- corrections

    def add_correction(self, content_hash: str, correction: Correction) -> int:
        """Store a correction for the text with this hash; returns its id (ids only grow)."""
        with self._transaction() as db:
            return insert_correction(db, content_hash, correction)

    def undo_last_correction(self, content_hash: str) -> Correction | None:
        """Remove and return the latest own correction of this text (an alias rule's stay)."""
        with self._transaction() as db:
            return undo_last(db, content_hash)

    def corrections(self, content_hash: str) -> tuple[Correction, ...]:
        """The corrections of this text, oldest first."""
        with self._lock:
            try:
                return stored_corrections(self._db, content_hash)
            except sqlite3.Error as error:
                raise _store_error(self.path, error) from error


_HELD = (
    "SELECT 1 FROM analyses WHERE content_hash = ? AND model = ? AND analysis_version = ? LIMIT 1"
)


def _held(db: sqlite3.Connection, digest: str, model: str) -> bool:
    """Whether an analysis of this text by `model` is stored for this Reader version."""
    return db.execute(_HELD, (digest, model, ANALYSIS_VERSION)).fetchone() is not None


def _remember_file(store: Store, path: Path, digest: str) -> None:
    """Record the file's stat with its text's hash, unless the store has it as it is."""
    seen = file_stat(path)
    if seen is None:
        return
    rows = store.query(
        "SELECT mtime_ns, size, content_hash FROM files WHERE path = ?", (path_key(path),)
    )
    if rows and tuple(rows[0]) == (*seen, digest):
        return
    with store.writing() as db:
        write_file_row(db, path, digest)


def _migrate(db: sqlite3.Connection, path: Path) -> None:
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"The analysis store {path} was written by a newer Reader (schema {version}, this "
            f"Reader knows up to {SCHEMA_VERSION}); Reader works on without it."
        )
    for number in range(version + 1, SCHEMA_VERSION + 1):
        db.execute("BEGIN IMMEDIATE")
        try:
            if db.execute("PRAGMA user_version").fetchone()[0] >= number:
                db.execute("ROLLBACK")  # another process migrated it meanwhile
                continue
            MIGRATIONS[number - 1](db)
            db.execute(f"PRAGMA user_version = {number}")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")


def _reason(error: BaseException) -> str:
    return str(getattr(error, "strerror", None) or error).rstrip(".")


def _store_error(path: Path, error: sqlite3.Error) -> StoreError:
    reason = _reason(error)
    if type(error) is sqlite3.DatabaseError:  # not a database, or a malformed one
        return StoreError(
            f"The analysis store {path} is damaged or not a Reader store ({reason}); "
            "Reader works on without it."
        )
    return StoreError(
        f"The analysis store {path} cannot be used ({reason}); Reader works on without it."
    )
