"""Cutting an article into blocks of runs, each run plain or inside one mention and one quote.

The HTML export draws from these runs, and the article view can too, so both agree on what is
highlighted. Spans may overlap in generated or future data; overlaps are resolved
so every character of the text lies in exactly one run (nothing is duplicated or lost):
the outermost span wins, a span that crosses the end of an earlier one keeps its remainder,
and a span nested inside another is not drawn (it stays in the counts and the index).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reader.core.model import Mention, Quote
from reader.core.text.article import Article, BlockKind


@dataclass(frozen=True, slots=True)
class Span:
    """A drawn stretch of text; `owner` is the index of the mention or quote it belongs to."""

    start: int
    end: int
    owner: int


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of text with one look: `mention`/`quote` are indexes into the analysis, or None.

    `opens_mention`/`opens_quote` mark the first run of a mention or quote, where links land.
    """

    start: int
    end: int
    mention: int | None = None
    quote: int | None = None
    opens_mention: bool = False
    opens_quote: bool = False


@dataclass(frozen=True, slots=True)
class BlockRuns:
    """One block of the page; `kind` None is whitespace between blocks, drawn without a wrapper."""

    kind: BlockKind | None
    start: int
    end: int
    runs: tuple[Run, ...]


def resolve_overlaps(spans: Iterable[tuple[int, int, int]], length: int) -> list[Span]:
    """Non-overlapping spans in text order from (start, end, owner) triples, clipped to the text."""
    resolved: list[Span] = []
    covered_to = 0
    for start, end, owner in sorted(spans, key=lambda s: (s[0], -s[1], s[2])):
        start, end = max(start, covered_to), min(end, length)
        if start < end:
            resolved.append(Span(start, end, owner))
            covered_to = end
    return resolved


def mention_spans(mentions: Sequence[Mention], length: int) -> list[Span]:
    return resolve_overlaps(((m.start, m.end, i) for i, m in enumerate(mentions)), length)


def quote_spans(quotes: Sequence[Quote], length: int) -> list[Span]:
    return resolve_overlaps(
        ((start, end, i) for i, quote in enumerate(quotes) for start, end in quote.fragments),
        length,
    )


def block_spans(article: Article) -> list[tuple[BlockKind | None, int, int]]:
    """The article's blocks plus the stretches between them, together covering the whole text.

    A stretch between blocks that holds more than whitespace becomes a paragraph, so no text
    is ever left out of the page.
    """
    length = len(article.text)
    blocks = resolve_overlaps(((b.start, b.end, i) for i, b in enumerate(article.blocks)), length)
    layout: list[tuple[BlockKind | None, int, int]] = []
    position = 0
    for span in blocks:
        if position < span.start:
            layout.append((_gap_kind(article.text, position, span.start), position, span.start))
        layout.append((article.blocks[span.owner].kind, span.start, span.end))
        position = span.end
    if position < length:
        layout.append((_gap_kind(article.text, position, length), position, length))
    return layout


def _gap_kind(text: str, start: int, end: int) -> BlockKind | None:
    return None if text[start:end].isspace() else BlockKind.PARAGRAPH


def _owner_from(spans: list[Span], index: int, position: int) -> int | None:
    """Owner of the span at `index` if it covers `position` (spans are sorted, not overlapping)."""
    if index < len(spans) and spans[index].start <= position:
        return spans[index].owner
    return None


def article_runs(
    article: Article, mentions: Sequence[Mention], quotes: Sequence[Quote] = ()
) -> list[BlockRuns]:
    """The whole article as blocks of runs; concatenating every run's text gives `article.text`."""
    length = len(article.text)
    marks = mention_spans(mentions, length)
    quoted = quote_spans(quotes, length)
    layout = block_spans(article)
    cuts = sorted(
        {0, length}
        | {edge for span in marks for edge in (span.start, span.end)}
        | {edge for span in quoted for edge in (span.start, span.end)}
        | {edge for _, start, end in layout for edge in (start, end)}
    )
    opened_mentions: set[int] = set()
    opened_quotes: set[int] = set()
    next_mark = next_quote = 0
    result: list[BlockRuns] = []
    cut_index = 0
    for kind, block_start, block_end in layout:
        runs: list[Run] = []
        while cut_index + 1 < len(cuts) and cuts[cut_index + 1] <= block_end:
            start, end = cuts[cut_index], cuts[cut_index + 1]
            cut_index += 1
            while next_mark < len(marks) and marks[next_mark].end <= start:
                next_mark += 1
            while next_quote < len(quoted) and quoted[next_quote].end <= start:
                next_quote += 1
            mention = _owner_from(marks, next_mark, start)
            quote = _owner_from(quoted, next_quote, start)
            opens_mention = mention is not None and mention not in opened_mentions
            opens_quote = quote is not None and quote not in opened_quotes
            if opens_mention:
                opened_mentions.add(mention)
            if opens_quote:
                opened_quotes.add(quote)
            runs.append(Run(start, end, mention, quote, opens_mention, opens_quote))
        result.append(BlockRuns(kind, block_start, block_end, tuple(runs)))
    return result
