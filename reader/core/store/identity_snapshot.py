"""A collection's identity kept in the store between runs (`identity_snapshots`, schema 4), so
a large collection opens without reading its analyses again (issue 25, deliverable 3).

Resolving the collection keys of 10,000 articles means reading every analysis with its text
(tens of seconds); the answer changes only when the collection's analyses or their corrections
do. A snapshot holds, for one collection (`scope`: the pipeline and its set of paths), the
state it was made from (analysis id -> content hash, corrections per text), the gathered
entities (what the Library's queries read) and each article's entity facts (what
`reader.core.store.library_identity.StoredIdentity` needs to bring it up to date incrementally
when the state has moved on). Plain JSON: a store file is never trusted to run code. The facts
are one JSON line per article (`[article, rows]`), written and read an article at a time: the
whole collection's facts as Python lists at once were 170 MB at 10,000 articles (issue 25).
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, fields
from pathlib import Path

from reader.core.store.database import Store
from reader.core.store.entity_facts import EntityFacts
from reader.core.store.identity import CollectionIdentity

KEPT = 8  # snapshots kept, newest first: one per collection a reader goes back to


def _rules_digest() -> str:
    """12 hex digits of sha256 over the code that reads entity facts and resolves collection
    keys: a snapshot made by other rules is never used (as ANALYSIS_VERSION for analyses)."""
    digest = hashlib.sha256()
    names = ("entity_facts.py", "identity.py", "identity_evidence.py", "library_identity.py")
    names += ("identity_snapshot.py",)
    for name in (*names, "entity_roles.py"):  # the roles kept with the gathered entities
        digest.update((Path(__file__).parent / name).read_bytes())
    return digest.hexdigest()[:12]


RULES = _rules_digest()
_FIELDS = tuple(f.name for f in fields(EntityFacts))
Corrections = dict[str, tuple[int, int]]  # content hash -> (count, last id)


def scope_of(model: str, paths: Iterable[bytes]) -> str:
    """The snapshot's key: the pipeline and the set of paths (each as `path_key` gives it; their
    order does not matter)."""
    digest = hashlib.sha256(model.encode())
    for key in sorted(set(paths)):
        digest.update(b"\0" + key)
    return digest.hexdigest()


@dataclass(frozen=True)
class Snapshot:
    """A saved identity: the state it covers; `gathered` stays JSON text until asked for,
    and `facts` reads the facts' JSON lines from the store only for `restore` (None when that
    snapshot has been replaced or removed since): opening a collection whose snapshot covers
    it reads neither (the facts were 60 ms and 14 MB of text at 10,000 articles)."""

    analyses: dict[int, str]
    corrections: Corrections
    gathered_json: str
    facts: Callable[[], str | None]

    def covers(self, analyses: Mapping[int, str], corrections: Corrections) -> bool:
        return self.analyses == dict(analyses) and self.corrections == corrections

    def gathered(self) -> tuple[dict[str, list], Callable[[], Mapping[str, list]]]:
        """The summary of each collection key, and a function giving their details, as `save`
        was given them: listing the entities decodes only the first, and a key's details are
        decoded from their own line when asked (all of them at once were 550 ms and 400,000
        lists at 10,000 articles, paid by the first quotes of one person)."""
        text = self.gathered_json  # not the snapshot: its facts are not kept with the details
        summary, end = json.JSONDecoder().raw_decode(text)
        return summary, lambda: _Details(text, end, summary)

    def restore(self, identity: CollectionIdentity) -> bool:
        """Add each article's saved entity facts to `identity`, one article at a time; False
        (nothing added) when the snapshot is no longer in the store."""
        facts = self.facts()
        if facts is None:
            return False
        for line in facts.split("\n") if facts else ():
            article, rows = json.loads(line)
            identity.add(
                article,
                [
                    EntityFacts(
                        *row[:5],
                        *(frozenset(values) for values in row[5:9]),
                        row[9],
                    )
                    for row in rows
                ],
            )
        return True


def load(store: Store, scope: str) -> Snapshot | None:
    """The snapshot saved for `scope`, or None (none saved, made by other identity rules, or no
    longer readable)."""
    rows = store.query(
        "SELECT state, gathered, saved FROM identity_snapshots WHERE scope = ?", (scope,)
    )
    if not rows:
        return None
    state, gathered, saved = rows[0]
    try:
        analyses, corrections, rules = json.loads(state)
        if rules != RULES:
            return None
        return Snapshot(
            {int(i): digest for i, digest in analyses.items()},
            {digest: (count, last) for digest, (count, last) in corrections.items()},
            gathered,
            lambda: _facts_of(store, scope, saved),
        )
    except (ValueError, TypeError, AttributeError):  # an older layout: unpacking fails
        return None


def _facts_of(store: Store, scope: str, saved: int) -> str | None:
    """The facts' JSON lines of the snapshot of `scope` saved at `saved`; None if replaced."""
    rows = store.query(
        "SELECT facts FROM identity_snapshots WHERE scope = ? AND saved = ?", (scope, saved)
    )
    return rows[0][0] if rows else None


def save(
    store: Store,
    scope: str,
    state: tuple[Mapping[int, str], Corrections],
    gathered: tuple[Mapping[str, list], Mapping[str, list]],
    identity: CollectionIdentity,
) -> None:
    """Keep the identity of `state` for `scope` (replacing its older one), `gathered` as two
    mappings of collection keys to plain lists, a summary and details (`Snapshot.gathered`):
    the summary's JSON line, then one line of details per key; only the KEPT newest snapshots
    stay."""
    analyses, corrections = state
    with store.writing() as db:
        db.execute(
            "INSERT OR REPLACE INTO identity_snapshots (scope, saved, state, gathered, facts)"
            " VALUES (?, ?, ?, ?, ?)",
            (
                scope,
                time.time_ns(),
                json.dumps([analyses, corrections, RULES]),
                _gathered_json(*gathered),
                _facts_json(identity),
            ),
        )
        db.execute(
            "DELETE FROM identity_snapshots WHERE scope NOT IN"
            " (SELECT scope FROM identity_snapshots ORDER BY saved DESC LIMIT ?)",
            (KEPT,),
        )


class _Details(Mapping[str, list]):
    """The details of each collection key, one JSON line each after the summary's (in its
    order, from offset `end`), decoded when asked."""

    def __init__(self, text: str, end: int, keys: Iterable[str]) -> None:
        self._text = text
        self._starts: dict[str, int] = {}
        for key in keys:
            end = text.index("\n", end) + 1
            self._starts[key] = end

    def __getitem__(self, key: str) -> list:
        start = self._starts[key]
        end = self._text.find("\n", start)
        return json.loads(self._text[start : end if end >= 0 else len(self._text)])

    def __iter__(self) -> Iterator[str]:
        return iter(self._starts)

    def __len__(self) -> int:
        return len(self._starts)


def _gathered_json(summary: Mapping[str, list], details: Mapping[str, list]) -> str:
    """The summary as one JSON line, then each key's details as one line in its order."""
    encode = json.JSONEncoder(ensure_ascii=False).encode
    return "\n".join([encode(summary), *(encode(details[key]) for key in summary)])


def _facts_json(identity: CollectionIdentity) -> str:
    """Each article's entity facts as one JSON line, `[article, rows]` (`Snapshot.restore`)."""
    encode = json.JSONEncoder(ensure_ascii=False).encode
    return "\n".join(
        encode(
            [
                article,
                [
                    [
                        *(getattr(f, name) for name in _FIELDS[:5]),
                        *(sorted(getattr(f, name)) for name in _FIELDS[5:9]),
                        f.corrected,
                    ]
                    for f in identity.entities(article)
                ],
            ]
        )
        for article in identity.articles()
    )
