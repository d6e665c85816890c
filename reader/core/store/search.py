"""Full-text search in a collection's texts (SQLite FTS5 over the store's `texts`, and over its
quoted passages for a search inside quotes only): where the reader's words occur, with a
snippet around each hit and whether it lies inside a quote."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from reader.core.store.database import Store
from reader.core.store.in_lists import chunks, marks

_SNIPPET_CHARS = 60
_MARK_OPEN, _MARK_CLOSE = "\x01", "\x02"
_PARAGRAPH = re.compile(r"^[ \t]*\S", re.MULTILINE)  # a line that is not blank


@dataclass(frozen=True)
class SearchHit:
    """One match of a search: [`start`, `end`) in characters into the article's text, a
    snippet of the text around it (on one line), whether it lies inside a quote, [start, end)
    of the match in characters into the snippet (`marked`), and the number of the paragraph
    (non-blank line, from 1) the match starts in."""

    path: Path
    title: str
    start: int
    end: int
    snippet: str
    in_quote: bool
    marked: tuple[int, int] = (0, 0)
    paragraph: int = 0


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
    hash -> (analysis id, path, title)), at most `limit`: best-ranked texts first, each text's
    hits in text order. `quotes_only` keeps the hits inside quotes: read from the index of the
    quoted passages (`reader.core.store.passages`), best-ranked passages first, each passage's
    hits in text order. Raises StoreError when the store fails."""
    if quotes_only:
        return _search_quotes(store, match, articles, limit)
    hits: list[SearchHit] = []
    rows = _ranked(
        store,
        "SELECT t.content_hash, highlight(texts_fts, 0, char(1), char(2)) FROM texts_fts f"
        " JOIN texts t ON t.id = f.rowid WHERE texts_fts MATCH ? ORDER BY rank LIMIT ?",
        match,
        limit,  # each text has a hit: `limit` texts are enough when all are the collection's
    )
    for digest, marked in rows:
        if digest not in articles:
            continue
        analysis_id, path, title = articles[digest]
        text, spans = _unmark(marked)
        quoted = _quote_spans(store, analysis_id)
        starts = [s for s, _ in quoted]
        paragraphs = _paragraph_starts(text, spans[-1][0] if spans else 0)
        for start, end in spans:
            index = bisect.bisect_right(starts, start) - 1
            in_quote = index >= 0 and end <= quoted[index][1]
            snippet, at = _snippet(text, start, end)
            paragraph = bisect.bisect_right(paragraphs, start)
            hits.append(SearchHit(path, title, start, end, snippet, in_quote, at, paragraph))
            if len(hits) >= limit:
                return tuple(hits)
    return tuple(hits)


def _search_quotes(
    store: Store, match: str, articles: Mapping[str, tuple[int, Path, str]], limit: int
) -> tuple[SearchHit, ...]:
    """`search_texts` inside quotes: the matching passages by rank (each has a hit, so
    `limit` passages are enough when they are all the collection's)."""
    found: list[tuple[str, int, int]] = []  # (content hash, start, end), passages by rank
    rows = _ranked(
        store,
        "SELECT a.id, a.content_hash, p.start,"
        " highlight(quote_passages_fts, 0, char(1), char(2)) FROM quote_passages_fts f"
        " JOIN quote_passages p ON p.id = f.rowid JOIN analyses a ON a.id = p.analysis_id"
        " WHERE quote_passages_fts MATCH ? ORDER BY rank LIMIT ?",
        match,
        limit,
    )
    for analysis_id, digest, offset, marked in rows:
        if digest in articles and articles[digest][0] == analysis_id:
            found.extend((digest, offset + s, offset + e) for s, e in _unmark(marked)[1])
            if len(found) >= limit:
                break
    found = list(dict.fromkeys(found))[:limit]  # quotes sharing a fragment mark it once
    texts = _texts(store, sorted({digest for digest, _start, _end in found}))
    last: dict[str, int] = {}
    for digest, start, _end in found:
        last[digest] = max(start, last.get(digest, 0))
    paragraphs = {digest: _paragraph_starts(texts[digest], at) for digest, at in last.items()}
    hits = []
    for digest, start, end in found:
        _analysis_id, path, title = articles[digest]
        snippet, at = _snippet(texts[digest], start, end)
        paragraph = bisect.bisect_right(paragraphs[digest], start)
        hits.append(SearchHit(path, title, start, end, snippet, True, at, paragraph))
    return tuple(hits)


def _ranked(store: Store, sql: str, match: str, first: int) -> Iterator[tuple]:
    """The rows of `sql` (a MATCH ordered by rank, its two parameters the match and a LIMIT)
    in rank order, read in windows growing fourfold from `first` rows. FTS5 marks (highlight)
    only the rows a window returns, after ranking every match: one ranking and `first` rows
    marked for a collection that is most of the store, a few more windows for a collection
    the best-ranked matches mostly lie outside of."""
    seen, window = 0, max(1, first)
    while True:
        rows = store.query(sql, (match, window))
        yield from rows[seen:]
        if len(rows) < window:
            return
        seen, window = len(rows), window * 4


def _texts(store: Store, digests: list[str]) -> dict[str, str]:
    """Content hash -> text, for the texts of `digests`."""
    texts: dict[str, str] = {}
    for chunk in chunks(digests):
        texts.update(
            store.query(
                f"SELECT content_hash, text FROM texts WHERE content_hash IN ({marks(chunk)})",
                chunk,
            )
        )
    return texts


def _quote_spans(store: Store, analysis_id: int) -> list[tuple[int, int]]:
    """The [start, end) of every fragment of the article's quotes, in text order."""
    return [
        (start, end)
        for start, end in store.query(
            "SELECT start, end FROM quote_passages WHERE analysis_id = ? ORDER BY start, end",
            (analysis_id,),
        )
    ]


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


def _snippet(text: str, start: int, end: int) -> tuple[str, tuple[int, int]]:
    """The hit with some context on each side, on one line (each run of white space one
    space), and [start, end) of the hit in characters into it."""
    left = max(0, start - _SNIPPET_CHARS)
    right = min(len(text), end + _SNIPPET_CHARS)
    before = ("…" if left else "") + _one_line(text[left:start])
    match = _one_line(text[start:end])
    after = _one_line(text[end:right]) + ("…" if right < len(text) else "")
    if before.strip("…") and text[start - 1].isspace():
        before += " "
    if _one_line(text[end:right]) and text[end].isspace():
        after = " " + after
    return before + match + after, (len(before), len(before) + len(match))


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _paragraph_starts(text: str, until: int) -> list[int]:
    """Where each paragraph (non-blank line) of `text` starts, in characters, in order, up to
    the one holding character `until` (read no further than the last hit)."""
    return [found.start() for found in _PARAGRAPH.finditer(text, 0, until + 1)]
