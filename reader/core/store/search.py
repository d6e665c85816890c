"""Full-text search in a collection's texts (SQLite FTS5 over the store's `texts`): where the
reader's words occur, with a snippet around each hit and whether it lies inside a quote."""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from reader.core.store.database import Store

_SNIPPET_CHARS = 60
_MARK_OPEN, _MARK_CLOSE = "\x01", "\x02"
_PAGE = 16  # texts marked at a time, in rank order, until the hits reach the limit


@dataclass(frozen=True)
class SearchHit:
    """One match of a search: [`start`, `end`) in characters into the article's text, a
    snippet of the text around it, and whether it lies inside a quote."""

    path: Path
    title: str
    start: int
    end: int
    snippet: str
    in_quote: bool


def fts_query(text: str) -> str:
    """The user's words as an FTS5 query: every word must occur (prefix match on the last);
    a phrase in double quotes stays a phrase. Never an FTS5 syntax error."""
    text = re.sub(r"[\x00-\x1f\x7f]", " ", text)  # control characters end an FTS5 string
    parts = re.findall(r'"([^"]+)"|(\S+)', text)
    terms = []
    for phrase, word in parts:
        value = (phrase or word).replace('"', "")
        if value.strip():
            terms.append('"' + value + '"')
    if terms and not parts[-1][0]:
        terms[-1] += "*"
    return " ".join(terms)


def search_texts(
    store: Store,
    match: str,
    articles: Mapping[str, tuple[int, Path, str]],
    limit: int,
    quotes_only: bool,
) -> tuple[SearchHit, ...]:
    """The hits of the FTS5 query `match` (see `fts_query`) in the texts of `articles` (content
    hash -> (analysis id, path, title)), best-ranked texts first, at most `limit`;
    `quotes_only` keeps the hits inside quotes. Raises StoreError when the store fails."""
    ranked = [
        (rowid, digest)
        for rowid, digest in store.query(
            "SELECT texts_fts.rowid, t.content_hash FROM texts_fts"
            " JOIN texts t ON t.id = texts_fts.rowid WHERE texts_fts MATCH ? ORDER BY rank",
            (match,),
        )
        if digest in articles
    ]
    hits: list[SearchHit] = []
    for page in range(0, len(ranked), _PAGE):
        texts = _marked_texts(store, match, [rowid for rowid, _ in ranked[page : page + _PAGE]])
        for rowid, digest in ranked[page : page + _PAGE]:
            analysis_id, path, title = articles[digest]
            text, spans = _unmark(texts[rowid])
            quoted = _quote_spans(store, analysis_id)
            starts = [s for s, _ in quoted]
            for start, end in spans:
                index = bisect.bisect_right(starts, start) - 1
                in_quote = index >= 0 and end <= quoted[index][1]
                if quotes_only and not in_quote:
                    continue
                hits.append(
                    SearchHit(path, title, start, end, _snippet(text, start, end), in_quote)
                )
                if len(hits) >= limit:
                    return tuple(hits)
    return tuple(hits)


def _marked_texts(store: Store, match: str, rowids: list[int]) -> dict[int, str]:
    """The texts of `rowids` with the matches of `match` marked: highlight() costs a pass
    over a whole text, so it runs only on the ranked texts a page of hits needs."""
    return dict(
        store.query(
            "SELECT rowid, highlight(texts_fts, 0, char(1), char(2)) FROM texts_fts"
            f" WHERE texts_fts MATCH ? AND rowid IN ({','.join('?' * len(rowids))})",
            (match, *rowids),
        )
    )


def _quote_spans(store: Store, analysis_id: int) -> list[tuple[int, int]]:
    spans = []
    for (data,) in store.query("SELECT data FROM quote_rows WHERE analysis_id = ?", (analysis_id,)):
        spans.extend(tuple(f) for f in json.loads(data)["fragments"])
    return sorted(spans)


def _unmark(marked: str) -> tuple[str, list[tuple[int, int]]]:
    """The text without highlight() markers, and the marked spans in its offsets."""
    text_parts: list[str] = []
    spans: list[tuple[int, int]] = []
    length = 0
    start = 0
    for piece in re.split(f"([{_MARK_OPEN}{_MARK_CLOSE}])", marked):
        if piece == _MARK_OPEN:
            start = length
        elif piece == _MARK_CLOSE:
            spans.append((start, length))
        else:
            text_parts.append(piece)
            length += len(piece)
    return "".join(text_parts), spans


def _snippet(text: str, start: int, end: int) -> str:
    """The hit with some context on each side, on one line."""
    left = max(0, start - _SNIPPET_CHARS)
    right = min(len(text), end + _SNIPPET_CHARS)
    snippet = " ".join(text[left:right].split())
    return ("…" if left else "") + snippet + ("…" if right < len(text) else "")
