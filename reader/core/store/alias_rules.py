"""The reader's alias rules: a merge or rename kept for the whole library ("always treat 'the
Donald' as Donald Trump"), not for one article.

A rule names its aliases (entity keys such as `person:the-donald`, or names such as "the
Donald", compared casefolded with spaces collapsed) and the entity they become: its key, name
and kind. In an article, every entity whose key, or whose name, is one of the aliases is merged
into that entity (renamed when the article has it under another name); a rule whose alias is its
own key is a rename. Mentions are never matched one by one: a surname the article itself gave
to another person ("Bush" in an article on Jeb Bush) stays with that person.

Storage, without a schema change: a rule is a row of the `corrections` table under the reserved
content hash `RULE_SCOPE` ('*', never a sha256 hex digest), its JSON the rule's. What a rule does
to one text is kept as that text's own corrections, each tagged with the rule's id
(`Correction.rule`), so every reader of corrections (the analysis read, the library's query rows,
its identity and coverage) sees the rule with no other change. Adding a rule writes those
corrections for the stored texts it matches (found through `entity_rows`: keys by their index,
names compared casefolded in Python over the distinct names, so "Łukasz Nowak" finds "łukasz
nowak"), a text analysed later gets them when it is saved (`settle_new`), removing a rule
deletes them; each touched text's query rows are rebuilt in the same transaction, `BATCH` texts
at a time (`reader.core.store.alias_rows`), so the cost is linear in the texts the rule touches.
Until a text is saved (an analysis just made in the window) the rules are applied where it is
read (`with_rules`).

Undo in one article (`undo_last`) takes back only the reader's own latest correction of that
text: a rule's correction there is the rule's, removed with the rule (`drop_rule`).
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, Protocol

from reader.core.model import Analysis, Kind
from reader.core.store.alias_rows import BATCH, read_texts, write_rows
from reader.core.store.corrections import Correction, apply_corrections
from reader.core.store.in_lists import chunks, marks
from reader.core.store.rows import reindex, stored_corrections

RULE_SCOPE = "*"  # the content hash under which the corrections table keeps the rules
_KEY = re.compile(r"^(person|country|org):\S+$")


class AliasRuleError(ValueError):
    """A rule that cannot be kept as given; str() is one sentence for the user."""


def fold(name: str) -> str:
    """A name as rules compare it: casefolded, runs of white space made one space."""
    return " ".join(name.casefold().split())


def is_key(alias: str) -> bool:
    """Whether `alias` is an entity key (`person:…`, `country:…`, `org:…`), not a name."""
    return bool(_KEY.match(alias))


@dataclass(frozen=True)
class AliasRule:
    """Entities called one of `aliases` (keys or names) become entity `key`, named `name`, of
    kind `kind` (None: the kind each article gives it)."""

    aliases: tuple[str, ...]
    key: str
    name: str
    kind: str | None = None

    def __post_init__(self) -> None:
        aliases = tuple(dict.fromkeys(" ".join(a.split()) for a in self.aliases if a.strip()))
        object.__setattr__(self, "aliases", aliases)
        object.__setattr__(self, "name", " ".join(self.name.split()))
        if not aliases:
            raise AliasRuleError("An alias rule needs at least one alias (a name or a key).")
        if not is_key(self.key):
            raise AliasRuleError(
                f"{self.key!r} is not an entity key; use person:…, country:… or org:…."
            )
        if not self.name:
            raise AliasRuleError(f"The alias rule for {self.key} needs a name.")
        if self.kind is not None and self.kind not in tuple(Kind):
            raise AliasRuleError(f"{self.kind!r} is not a kind; use PERSON, COUNTRY or ORG.")

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {"aliases": list(self.aliases), "key": self.key}
        data["name"] = self.name
        if self.kind is not None:
            data["kind"] = self.kind
        return data

    @classmethod
    def from_dict(cls, data: object) -> AliasRule:
        """Raises AliasRuleError when `data` is not a rule's dict (as `to_dict` writes)."""
        if not isinstance(data, dict):
            raise AliasRuleError("A rule must be an object with aliases, key and name.")
        aliases, key, name, kind = (data.get(f) for f in ("aliases", "key", "name", "kind"))
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise AliasRuleError("A rule's aliases must be a list of names or keys.")
        if not isinstance(key, str) or not isinstance(name, str):
            raise AliasRuleError("A rule needs a key and a name, both text.")
        if kind is not None and not isinstance(kind, str):
            raise AliasRuleError("A rule's kind must be PERSON, COUNTRY or ORG.")
        return cls(tuple(aliases), key, name, kind)

    def describe(self) -> str:
        """One line for a list: “the Donald”, person:x → Donald Trump (person:donald-trump)."""
        shown = ", ".join(a if is_key(a) else f"“{a}”" for a in self.aliases)
        return f"{shown} → {self.name} ({self.key})"


StoredRule = tuple[int, AliasRule]  # (its id, the rule)
Progress = Callable[[int, int], None]  # (texts done, texts to do), after each batch


# --- applying rules to one analysis -----------------------------------------------------------


def _derive_pass(rules: Sequence[StoredRule], analysis: Analysis) -> list[Correction]:
    """The corrections the rules make in `analysis` now: one pass over its entities."""
    by_alias: dict[str, list[int]] = {}
    for index, (_id, rule) in enumerate(rules):
        for alias in rule.aliases:
            by_alias.setdefault(alias if is_key(alias) else fold(alias), []).append(index)
    matched: dict[int, list] = {}
    for entity in analysis.entities:
        hits = set(by_alias.get(entity.key, ())) | set(by_alias.get(fold(entity.name), ()))
        for index in hits:
            matched.setdefault(index, []).append(entity)
    derived: list[Correction] = []
    taken: set[str] = set()  # an entity goes to the first rule (by id) that names it
    for index in sorted(matched):
        rule_id, rule = rules[index]
        entities = [e for e in matched[index] if e.key not in taken]
        taken.update(e.key for e in entities)
        for entity in entities:
            if entity.key != rule.key:
                derived.append(
                    Correction("merge", key=rule.key, other_key=entity.key, rule=rule_id)
                )
        merged = any(e.key != rule.key for e in entities)
        if merged or any(e.name != rule.name for e in entities):
            derived.append(Correction("rename", key=rule.key, name=rule.name, rule=rule_id))
        if rule.kind is not None and any(str(e.kind) != rule.kind for e in entities):
            derived.append(Correction("kind", key=rule.key, kind=rule.kind, rule=rule_id))
    return derived


def derive(rules: Sequence[StoredRule], analysis: Analysis) -> list[Correction]:
    """The corrections the rules make in `analysis` (corrections already applied): [] when it
    already reads as the rules say. A rule whose target another rule names applies in a next
    pass over the entities; at most one pass per rule, so rules naming each other end."""
    derived: list[Correction] = []
    current = analysis
    for _ in range(len(rules)):
        more = _derive_pass(rules, current)
        if not more:
            break
        derived.extend(more)
        current = apply_corrections(analysis, derived)
    return derived


def with_rules(
    analysis: Analysis, corrections: Sequence[Correction], rules: Sequence[StoredRule]
) -> Analysis:
    """`analysis` (the pipeline's) with the text's corrections applied, then whatever the rules
    still change (nothing once the text's rule corrections are stored)."""
    corrected = apply_corrections(analysis, corrections)
    derived = derive(rules, corrected) if rules else []
    return apply_corrections(analysis, [*corrections, *derived]) if derived else corrected


# --- the rules in the store (each function works in the caller's transaction) ---------------


class _Store(Protocol):
    """What `read_rules`, `keep_rules` and `drop_rule` need of `database.Store` (which imports
    this module): a read query and one write transaction, each raising StoreError."""

    def writing(self) -> AbstractContextManager[sqlite3.Connection]: ...

    def query(self, sql: str, parameters: Sequence[Any] = ()) -> list[tuple]: ...


def read_rules(store: _Store) -> tuple[StoredRule, ...]:
    """The library's rules with their ids, oldest first. Raises StoreError."""
    return parse_rules(store.query(RULES_SQL, (RULE_SCOPE,)))


def keep_rules(
    store: _Store, rules: Sequence[AliasRule], progress: Progress | None = None
) -> list[int]:
    """Keep the rules and apply them to every stored text they name (one transaction); the
    ids of those added (a rule kept already is not added again). `progress` is called after
    each batch of texts. Raises StoreError."""
    with store.writing() as db:
        return add_rules(db, rules, progress)


def drop_rule(store: _Store, rule_id: int, progress: Progress | None = None) -> AliasRule | None:
    """Forget the rule and what it changed (one transaction); None when there is no such rule.
    Raises StoreError."""
    with store.writing() as db:
        return remove_rule(db, rule_id, progress)


def undo_last(db: sqlite3.Connection, digest: str) -> Correction | None:
    """Remove the text's latest own correction (one no alias rule made) and return it; None
    when it has none. A rule's corrections stay: they go with the rule (`drop_rule`)."""
    for correction_id, data in db.execute(
        "SELECT id, data FROM corrections WHERE content_hash = ? ORDER BY id DESC", (digest,)
    ).fetchall():
        try:
            correction: Correction | None = Correction.from_json(data)
        except (ValueError, TypeError):  # unreadable (and so never applied): dropped as own
            correction = None
        if correction is None or correction.rule is None:
            db.execute("DELETE FROM corrections WHERE id = ?", (correction_id,))
            reindex(db, digest)
            return correction
    return None


RULES_SQL = "SELECT id, data FROM corrections WHERE content_hash = ? ORDER BY id"


def parse_rules(rows: Iterable[tuple[int, str]]) -> tuple[StoredRule, ...]:
    """The rules of `RULES_SQL`'s rows; a row that no longer reads as a rule is skipped."""
    rules = []
    for rule_id, data in rows:
        try:
            rules.append((rule_id, AliasRule.from_dict(json.loads(data))))
        except ValueError:  # AliasRuleError is one, as is bad JSON
            continue
    return tuple(rules)


def stored_rules(db: sqlite3.Connection) -> tuple[StoredRule, ...]:
    """The library's rules, oldest first."""
    return parse_rules(db.execute(RULES_SQL, (RULE_SCOPE,)))


def add_rules(
    db: sqlite3.Connection, rules: Iterable[AliasRule], progress: Progress | None = None
) -> list[int]:
    """Keep the rules (one already kept, alike in every field, is not added twice) and make
    their corrections in every stored text they match; the ids of the rules added."""
    kept = {rule for _id, rule in stored_rules(db)}
    added: list[int] = []
    aliases: set[str] = set()
    for rule in rules:
        if rule in kept:
            continue
        kept.add(rule)
        cursor = db.execute(
            "INSERT INTO corrections (content_hash, data) VALUES (?, ?)",
            (RULE_SCOPE, json.dumps(rule.to_dict(), ensure_ascii=True)),
        )
        added.append(cursor.lastrowid)
        aliases.update(rule.aliases)
    if added:
        _settle(db, _texts_naming(db, aliases), stored_rules(db), progress=progress)
    return added


def remove_rule(
    db: sqlite3.Connection, rule_id: int, progress: Progress | None = None
) -> AliasRule | None:
    """Forget the rule and every correction it made (the texts it touched read as before it,
    other rules applied); the rule, None when there is no such rule."""
    row = db.execute(
        "SELECT data FROM corrections WHERE id = ? AND content_hash = ?", (rule_id, RULE_SCOPE)
    ).fetchone()
    if row is None:
        return None
    db.execute("DELETE FROM corrections WHERE id = ?", (rule_id,))
    touched = [
        digest
        for (digest,) in db.execute(
            "SELECT DISTINCT content_hash FROM corrections"
            " WHERE content_hash != ? AND json_extract(data, '$.rule') = ?",
            (RULE_SCOPE, rule_id),
        )
    ]
    db.execute(
        "DELETE FROM corrections WHERE content_hash != ? AND json_extract(data, '$.rule') = ?",
        (RULE_SCOPE, rule_id),
    )
    _settle(db, touched, stored_rules(db), always=True, progress=progress)
    try:
        return AliasRule.from_dict(json.loads(row[0]))
    except ValueError:
        return None


def settle_new(db: sqlite3.Connection, saved: Sequence[tuple[str, Analysis]]) -> None:
    """After analyses are saved (text hash, the pipeline's analysis): keep the corrections the
    rules make in each, and rebuild its query rows when there are any."""
    rules = stored_rules(db)
    if not rules:
        return
    for digest, analysis in saved:
        corrections = stored_corrections(db, digest)
        derived = derive(rules, apply_corrections(analysis, corrections))
        if derived:
            _insert(db, digest, derived)
            reindex(db, digest)


def _texts_naming(db: sqlite3.Connection, aliases: set[str]) -> list[str]:
    """The hashes of the stored texts with an entity keyed or named as one of the aliases.
    Names are compared as `fold` makes them (Unicode case, runs of spaces): SQLite's NOCASE
    knows only ASCII, so the distinct names of `entity_rows` are folded here and the texts
    found by the names that match."""
    keys = sorted(a for a in aliases if is_key(a))
    folded = {fold(a) for a in aliases if not is_key(a)}
    names = []
    if folded:
        names = sorted(
            name
            for (name,) in db.execute("SELECT DISTINCT name FROM entity_rows")
            if fold(name) in folded
        )
    found: set[str] = set()
    for column, values in (("e.key", keys), ("e.name", names)):
        for chunk in chunks(values):
            found.update(
                digest
                for (digest,) in db.execute(
                    "SELECT DISTINCT a.content_hash FROM entity_rows e"
                    " JOIN analyses a ON a.id = e.analysis_id"
                    f" WHERE {column} IN ({marks(chunk)})",
                    chunk,
                )
            )
    return sorted(found)


def _settle(
    db: sqlite3.Connection,
    digests: Sequence[str],
    rules: Sequence[StoredRule],
    always: bool = False,
    progress: Progress | None = None,
) -> None:
    """For each text: keep what the rules change in each of its stored analyses (every pipeline
    and version), and rebuild its query rows when that, or `always`, says so; `BATCH` texts
    read, and their rows written, at a time."""
    for start in range(0, len(digests), BATCH):
        new: list[tuple[str, str]] = []
        rewritten = []
        for text in read_texts(db, digests[start : start + BATCH]):
            derived: dict[str, Correction] = {}
            corrected = []
            for analysis_id, analysis in text.analyses:
                now = apply_corrections(analysis, text.corrections)
                corrected.append((analysis_id, analysis, now))
                for c in derive(rules, now):
                    derived.setdefault(c.to_json(), c)
            if derived:
                new.extend((text.digest, data) for data in derived)
                every = [*text.corrections, *derived.values()]
                rewritten += [
                    (text.digest, i, apply_corrections(a, every)) for i, a, _n in corrected
                ]
            elif always:
                rewritten += [(text.digest, i, now) for i, _a, now in corrected]
        db.executemany("INSERT INTO corrections (content_hash, data) VALUES (?, ?)", new)
        write_rows(db, rewritten)
        if progress is not None:
            progress(min(start + BATCH, len(digests)), len(digests))


def _insert(db: sqlite3.Connection, digest: str, corrections: Sequence[Correction]) -> None:
    db.executemany(
        "INSERT INTO corrections (content_hash, data) VALUES (?, ?)",
        [(digest, c.to_json()) for c in corrections],
    )
