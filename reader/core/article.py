"""An article as loaded from a file: its text and the blocks (title, headings, paragraphs) in it."""

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
    """A stretch of the article text that is shown as one title, heading or paragraph."""

    kind: BlockKind
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Article:
    """Everything later stages need from a file; offsets of every analysis refer to `text`."""

    title: str
    text: str
    blocks: tuple[Block, ...]
    path: Path | None = None

    def block_text(self, block: Block) -> str:
        return self.text[block.start : block.end]

    @property
    def display_name(self) -> str:
        return self.path.name if self.path else self.title
