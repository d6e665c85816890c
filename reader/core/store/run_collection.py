"""The files of one `reader analyze` or `reader quotes` run as a collection (issue 21): each
analysis joins a `CollectionIdentity` as it arrives while what the command will print for it
waits in a temporary file (so memory does not grow with the run), and once the last file is
in, each is given back, in input order, with the means to add collection keys to it.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable, Iterator
from typing import Any

from reader.core.model import Analysis
from reader.core.store.entity_facts import article_entities
from reader.core.store.identity import CollectionIdentity
from reader.core.store.library_identity import gather

KeyOf = Callable[[str | None], str | None]
"""An article's per-article key -> its collection key (None -> None)."""


class RunCollection:
    """Payloads (anything JSON can hold: an analysis record, a list of quote rows) kept in
    order, and the identity of the analyses that came with them."""

    def __init__(self) -> None:
        self._identity = CollectionIdentity()
        self._spool = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115 (closed by __exit__)
        self._count = 0

    def __enter__(self) -> RunCollection:
        return self

    def __exit__(self, *exc: object) -> None:
        self._spool.close()

    def add(self, analysis: Analysis | None, payload: Any) -> None:
        """Keep `payload` for later; its article's `analysis` (None for a file that failed)
        joins the collection. Lone surrogates (undecodable file names) survive: the file
        holds JSON escapes."""
        if analysis is not None:
            self._identity.add(self._count, article_entities(analysis))
        self._spool.write(json.dumps(payload) + "\n")
        self._count += 1

    def keyed(self) -> Iterator[tuple[KeyOf, Any]]:
        """Each payload in the order added, with its article's KeyOf over the whole run."""
        self._spool.flush()
        self._spool.seek(0)
        for index, line in enumerate(self._spool):
            yield self._key_of(index), json.loads(line)

    def names(self) -> dict[str, str]:
        """Each collection key of the run -> its name as the Library's entity list gives it
        (`Gathered.name`: the most used of two words or more, else the most used); one pass
        over the entities of the analyses added so far."""
        gathered = gather(self._identity, range(self._count))  # a failed file has none
        return {key: group.name for key, group in gathered.items()}

    def _key_of(self, article: int) -> KeyOf:
        return lambda key: None if key is None else self._identity.key(article, key)


def with_collection_keys(record: dict[str, Any], key_of: KeyOf) -> dict[str, Any]:
    """An analysis record (`Analysis.to_dict`) with `collection_key` added last to each entity
    mention and to each quote's speaker; every other field as it was."""
    for mention in record.get("entities", ()):
        mention["collection_key"] = key_of(mention["key"])
    for quote in record.get("quotes", ()):
        if quote.get("speaker") is not None:
            quote["speaker"]["collection_key"] = key_of(quote["speaker"]["key"])
    return record
