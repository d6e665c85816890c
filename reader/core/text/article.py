"""An article as loaded from a file: its text, the blocks (title, headings, paragraphs) in it,
and what the source says about it (author, date, site)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path


class BlockKind(StrEnum):
    TITLE = "title"
    HEADING = "heading"
    PARAGRAPH = "paragraph"


@dataclass(frozen=True, slots=True)
class Block:
    """A stretch of the article text that is shown as one title, heading or paragraph.

    `start`/`end` are character offsets into `Article.text`. A line break inside a block is a
    line break within one paragraph (a hard wrap or a `<br>`), not a paragraph break.
    """

    kind: BlockKind
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """Byline, publication date and publisher as the source names them; None when it does not.

    `date` is ISO 8601 (`YYYY-MM-DD`, or with a time) when the source's date could be read,
    else the source's own wording.
    """

    author: str | None = None
    date: str | None = None
    site: str | None = None
    # The text was read from pictures with OCR; `uncertain` holds the (start, end) offsets into
    # the article text of the words the OCR engine was unsure of.
    ocr: bool = False
    uncertain: tuple[tuple[int, int], ...] = ()

    def to_dict(self) -> dict[str, object]:
        """Only the known fields, as in the analysis JSON's `"meta"` (`ocr` and
        `ocr_uncertain`, a list of [start, end], only for text read with OCR)."""
        fields: dict[str, object] = {"author": self.author, "date": self.date, "site": self.site}
        if self.ocr:
            fields.update(ocr=True, ocr_uncertain=[list(span) for span in self.uncertain])
        return {name: value for name, value in fields.items() if value or name == "ocr_uncertain"}

    def __bool__(self) -> bool:
        return bool(self.author or self.date or self.site or self.ocr)


@dataclass(frozen=True, slots=True)
class Article:
    """Everything later stages need from a file; offsets of every analysis refer to `text`."""

    title: str
    text: str
    blocks: tuple[Block, ...]
    path: Path | None = None
    meta: ArticleMeta | None = None
    # What the loader left out of `text` or could not read, one sentence each for the reader
    # ("Its headers and footers are not shown."): said beside the article, never part of it.
    notices: tuple[str, ...] = ()

    def block_text(self, block: Block) -> str:
        return self.text[block.start : block.end]

    @property
    def display_name(self) -> str:
        return self.path.name if self.path else self.title
