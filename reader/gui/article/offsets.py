"""Mapping article character offsets to document positions and back (no Qt needed).

The article view shows each article block as one QTextDocument block, so the text between blocks
is not in the document, and Qt counts UTF-16 code units, so a character outside the Basic
Multilingual Plane (an emoji) takes two positions. Every offset that crosses to the view goes
through an OffsetMap.

Qt lays out a block as a whole, and a line with no break opportunity in quadratic time (a
100,000-character run of letters takes seconds), so a long article block is shown as several
document blocks of at most MAX_PIECE_CHARS characters, cut at a space where there is one. The
pieces follow each other with no gap in the article text; the OffsetMap counts them as blocks.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from reader.core.model import Mention
from reader.core.render.segments import block_spans
from reader.core.text.article import Article, BlockKind

# Qt starts a new block at these; inside a block they are shown as line breaks instead.
_BLOCK_BREAKS = str.maketrans({"\n": "\u2028", "\u2029": "\u2028", "\r": "\u2028"})


def utf16_len(text: str) -> int:
    """Length of `text` in UTF-16 code units, as Qt counts it."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


MAX_PIECE_CHARS = 2000  # a block laid out by Qt in a few milliseconds, whatever its text
_SPACE_WINDOW = MAX_PIECE_CHARS // 4  # how far back from the limit a piece may end at a space


@dataclass(frozen=True, slots=True)
class DisplayBlock:
    """One document block: an article block, or a piece of a long one (`continued`: not the
    first piece of its article block, so it is drawn without the space above a paragraph;
    `continues`: another piece follows)."""

    kind: BlockKind
    start: int
    end: int
    continued: bool = False
    continues: bool = False


def display_blocks(article: Article) -> tuple[DisplayBlock, ...]:
    """The blocks to show: the article's, plus any text between them that is not whitespace
    (the same layout the HTML export draws, so no text is ever left out), long ones in pieces."""
    blocks: list[DisplayBlock] = []
    for kind, start, end in block_spans(article):
        if kind:
            cuts = piece_cuts(article.text, start, end)
            for index, (piece_start, piece_end) in enumerate(cuts):
                blocks.append(
                    DisplayBlock(kind, piece_start, piece_end, index > 0, index + 1 < len(cuts))
                )
    return tuple(blocks)


def piece_cuts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) cut into pieces of at most MAX_PIECE_CHARS, each ending after a space
    when one is near the limit; linear in the length of the block."""
    pieces = []
    while end - start > MAX_PIECE_CHARS:
        limit = start + MAX_PIECE_CHARS
        space = text.rfind(" ", limit - _SPACE_WINDOW, limit)
        cut = space + 1 if space > start else limit
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def display_text(article: Article, block: DisplayBlock) -> str:
    """The text of one block as the document holds it (same length in UTF-16 units)."""
    return article.text[block.start : block.end].translate(_BLOCK_BREAKS)


@dataclass(frozen=True, slots=True)
class BlockPlace:
    """Where one article block sits in the document."""

    number: int
    start: int
    end: int
    position: int
    units: int
    astral: bool


class OffsetMap:
    """Converts between article offsets (str indices) and document positions (UTF-16 units)."""

    def __init__(self, article: Article) -> None:
        self._text = article.text
        self.length = len(article.text)
        self.places: list[BlockPlace] = []
        position = 0
        for number, block in enumerate(display_blocks(article)):
            text = article.text[block.start : block.end]
            units = utf16_len(text)
            self.places.append(
                BlockPlace(number, block.start, block.end, position, units, units != len(text))
            )
            position += units + 1
        self._starts = [place.start for place in self.places]
        self._positions = [place.position for place in self.places]

    def place_of(self, offset: int) -> BlockPlace:
        """The block holding `offset`, or the next block when the offset falls between blocks."""
        index = max(bisect_right(self._starts, offset) - 1, 0)
        place = self.places[index]
        if offset > place.end and index + 1 < len(self.places):
            return self.places[index + 1]
        return place

    def local(self, offset: int, place: BlockPlace) -> int:
        """The position of `offset` inside the document block of `place`, clamped to the block."""
        offset = min(max(offset, place.start), place.end)
        if not place.astral:
            return offset - place.start
        return utf16_len(self._text[place.start : offset])

    def to_document(self, offset: int) -> int:
        place = self.place_of(offset)
        return place.position + self.local(offset, place)

    def range_to_document(self, start: int, end: int) -> tuple[int, int]:
        """Document positions of an article range; an end on a block's end stays in that block."""
        place = self.place_of(start)
        if end <= place.end:
            return place.position + self.local(start, place), place.position + self.local(
                end, place
            )
        return self.to_document(start), self.to_document(end)

    def to_article(self, position: int) -> int:
        """The article offset of a document position (positions on block ends map to the end)."""
        index = max(bisect_right(self._positions, position) - 1, 0)
        place = self.places[index]
        local = min(max(position - place.position, 0), place.units)
        if not place.astral:
            return place.start + local
        units = 0
        for index, char in enumerate(self._text[place.start : place.end]):
            if units >= local:
                return place.start + index
            units += 2 if ord(char) > 0xFFFF else 1
        return place.end


def local_spans(offsets: OffsetMap, start: int, end: int) -> list[tuple[int, int, int]]:
    """(block number, start, length) pieces of an article range, one per block it touches."""
    pieces = []
    place = offsets.place_of(start)
    while True:
        local_start = offsets.local(start, place)
        local_end = offsets.local(end, place)
        if local_end > local_start:
            pieces.append((place.number, local_start, local_end - local_start))
        if end <= place.end or place.number + 1 >= len(offsets.places):
            return pieces
        place = offsets.places[place.number + 1]


def mentions_by_block(
    offsets: OffsetMap, spans: list[tuple[int, int, Mention]]
) -> dict[int, list[tuple[int, int, Mention]]]:
    """Drawn mention stretches (article offsets) as (start, length, mention) per block number."""
    by_block: dict[int, list[tuple[int, int, Mention]]] = {}
    for start, end, mention in spans:
        for number, local, length in local_spans(offsets, start, end):
            by_block.setdefault(number, []).append((local, length, mention))
    return by_block
