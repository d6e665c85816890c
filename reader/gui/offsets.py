"""Mapping article character offsets to document positions and back (no Qt needed).

The article view shows each article block as one QTextDocument block, so the text between blocks
is not in the document, and Qt counts UTF-16 code units, so a character outside the Basic
Multilingual Plane (an emoji) takes two positions. Every offset that crosses to the view goes
through an OffsetMap.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from reader.core.article import Article, Block
from reader.core.segments import block_spans

# Qt starts a new block at these; inside a block they are shown as line breaks instead.
_BLOCK_BREAKS = str.maketrans({"\n": "\u2028", "\u2029": "\u2028", "\r": "\u2028"})


def utf16_len(text: str) -> int:
    """Length of `text` in UTF-16 code units, as Qt counts it."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def display_blocks(article: Article) -> tuple[Block, ...]:
    """The blocks to show: the article's, plus any text between them that is not whitespace
    (the same layout the HTML export draws, so no text is ever left out)."""
    return tuple(Block(kind, start, end) for kind, start, end in block_spans(article) if kind)


def display_text(article: Article, block: Block) -> str:
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
