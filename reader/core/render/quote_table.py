"""Quotes as a table: CSV or JSON Lines rows of speaker, speaker key, quote, article title,
date, path, start and end (characters into the article's text), and the speaker's collection
key (the same person across the articles of a collection or a run; issue 21), then how sure
the finder is of the speaker and how it found it (`confidence` in [0, 1] and `speaker_path`,
as in the quote's evidence; `path` is the article's file), and the quote's `group` (the same
id for the same quote in several articles of a run: `reader.core.store.quote_groups`), for
spreadsheets and scripts. The speaker is named as the entity list names its entity (the
article's, or the collection's for its collection key: `with_names`).

CSV cells that a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage
return) get a leading apostrophe; JSON Lines carry the values untouched. The window's CSV
(`export_collection_quotes`, `export_analysis_quotes`) gives each quote as the window shows it
(`quote_words`: on one line, without the comma that ends it where the sentence goes on; `start`
and `end` still span the quoted characters in the article's text); `reader quotes` gives the
quoted characters as they are, in CSV as in JSON Lines. One article's CSV has no
`speaker_collection_key` or `group` column: those hold only across a collection or a run.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, TextIO

from reader.core.model import Analysis
from reader.core.store.library import Collection, CollectionQuote
from reader.core.store.stored_coverage import StoredCoverage

QUOTE_COLUMNS = (
    "speaker",
    "speaker_key",
    "quote",
    "title",
    "date",
    "path",
    "start",
    "end",
    "speaker_collection_key",
    "confidence",
    "speaker_path",
    "group",
)
ARTICLE_COLUMNS = tuple(c for c in QUOTE_COLUMNS if c not in ("speaker_collection_key", "group"))
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def quote_words(text: str) -> str:
    """A quote's text as a list shows it: its whitespace runs one space, on one line, without
    the comma or space that ends it where the sentence goes on ("…,” he said"); the analysis
    keeps the quoted characters as they are."""
    return " ".join(text.split()).rstrip(" ,")


def shown_quote(text: str) -> str:
    """A quote as a list shows it: `quote_words` in quotation marks, “…”."""
    return f"“{quote_words(text)}”"


def quote_rows(quotes: Iterable[CollectionQuote]) -> Iterator[dict[str, Any]]:
    """One dict per quote, keys QUOTE_COLUMNS (speaker fields None when it has no speaker;
    the collection key None outside a collection; confidence and speaker path None for an
    analysis stored before evidence was kept; `group` None, for the caller that knows the
    quote groups to fill)."""
    for item in quotes:
        quote, speaker, evidence = item.quote, item.quote.speaker, item.quote.evidence
        yield {
            "speaker": speaker.name if speaker else None,
            "speaker_key": speaker.key if speaker else None,
            "quote": quote.text,
            "title": item.title,
            "date": item.date,
            "path": str(item.path),
            "start": quote.start,
            "end": quote.end,
            "speaker_collection_key": item.speaker_collection_key,
            "confidence": evidence.confidence if evidence else None,
            "speaker_path": str(evidence.path) if evidence else None,
            "group": None,
        }


def entity_names(analysis: Analysis) -> dict[str, str]:
    """Each entity key of the analysis -> its name as the entity list shows it (its first
    mention's name, as `Analysis.entities` gives it); one pass over the mentions."""
    names: dict[str, str] = {}
    for mention in analysis.mentions:
        names.setdefault(mention.key, mention.name)
    return names


def with_names(
    rows: Iterable[dict[str, Any]], names: Mapping[str, str], column: str = "speaker_key"
) -> Iterator[dict[str, Any]]:
    """The rows (changed in place), each `speaker` the name `names` gives its `column`: the
    speaker's key with an article's `entity_names`, its collection key with a collection's
    names. A speaker they do not hold (no key, or one only the quote finder gave) keeps the
    name the finder gave; so one person is named the same in every row, not "Ribeiro" where
    a quote's nearby mention was the short form and "Ana Ribeiro" elsewhere."""
    for row in rows:
        if name := names.get(row[column]):
            row["speaker"] = name
        yield row


def analysis_quotes(analysis: Analysis) -> list[CollectionQuote]:
    """The quotes of one analysed article, with its title, date and path."""
    article = analysis.article
    date = getattr(getattr(article, "meta", None), "date", None)
    path = article.path if article.path is not None else Path(article.title)
    return [CollectionQuote(q, path, article.title, date) for q in analysis.quotes]


def article_rows(analysis: Analysis) -> Iterator[dict[str, Any]]:
    """The `quote_rows` of one analysed article, each speaker named as its entity list names
    the speaker's entity (`entity_names`)."""
    return with_names(quote_rows(analysis_quotes(analysis)), entity_names(analysis))


def quote_citation(item: CollectionQuote) -> str:
    """The quote with its attribution, for the clipboard: “…” — Name, in Title, Date
    (the parts that are unknown left out)."""
    speaker = item.quote.speaker.name if item.quote.speaker else None
    source = ", ".join(
        part for part in (speaker, f"in {item.title}" if item.title else None, item.date) if part
    )
    return f"“{item.quote.text}”" + (f" — {source}" if source else "")


def csv_cell(value: Any) -> Any:
    """A value as a CSV cell: "" for None, a leading apostrophe before a formula start."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return "" if value is None else value


def write_csv(
    rows: Iterable[dict[str, Any]],
    stream: TextIO,
    header: bool = True,
    columns: Sequence[str] = QUOTE_COLUMNS,
) -> int:
    """Write rows as CSV (RFC 4180 quoting, `\\r\\n` line ends, cells a spreadsheet would run
    given an apostrophe), the `columns` in order; returns how many."""
    writer = csv.writer(stream)
    if header:
        writer.writerow(columns)
    count = 0
    for row in rows:
        writer.writerow([csv_cell(row[column]) for column in columns])
        count += 1
    return count


def as_shown(rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """The rows (changed in place), each quote as the window shows it (`quote_words`), for the
    window's CSV; `start` and `end` still span the quoted characters."""
    for row in rows:
        if isinstance(row["quote"], str):
            row["quote"] = quote_words(row["quote"])
        yield row


def write_jsonl(rows: Iterable[dict[str, Any]], stream: TextIO) -> int:
    """Write rows as one JSON object per line; returns how many."""
    count = 0
    for row in rows:
        stream.write(json.dumps(row, ensure_ascii=False) + "\n")
        count += 1
    return count


def export_collection_quotes(
    collection: Collection, destination: Path, coverage: StoredCoverage | None = None
) -> int:
    """Write every quote of the collection to `destination` as CSV (UTF-8 with a byte-order
    mark, so spreadsheets read the accents), with its quote group over the collection (from
    `coverage`, the caller's kept in step, else one made here); returns the number of quotes.

    Raises OSError when the file cannot be written.
    """
    coverage = coverage if coverage is not None else StoredCoverage(collection.store)
    coverage.sync(collection)
    labels = coverage.labels()
    hashes = {s.path: s.content_hash for s in collection.articles()}
    quotes = collection.quotes()
    names = {entity.key: entity.name for entity in collection.entities()}
    rows = list(with_names(quote_rows(quotes), names, "speaker_collection_key"))
    for row, item in zip(rows, quotes, strict=True):
        row["group"] = labels.label(coverage.analysis_id(hashes.get(item.path)), item.quote.start)
    with destination.open("w", encoding="utf-8-sig", newline="") as stream:
        return write_csv(as_shown(rows), stream)


def export_analysis_quotes(analysis: Analysis, destination: Path) -> int:
    """The same for the quotes of one article (`article_rows`), in ARTICLE_COLUMNS: no
    collection key or quote group, which only a collection or a run gives."""
    with destination.open("w", encoding="utf-8-sig", newline="") as stream:
        return write_csv(as_shown(article_rows(analysis)), stream, columns=ARTICLE_COLUMNS)
