"""Highlights laid on the article view's text blocks, a few blocks per event-loop turn.

Formats go straight onto each block's layout (as QSyntaxHighlighter does inside), never into the
document, so copied text is just the article. Unlike QSyntaxHighlighter this never walks the
whole document: a block is drawn again only when what it shows changed, preliminary mentions of
a long article are added chunk by chunk, the final analysis redraws only the blocks whose
highlights differ from the preliminary ones, and the blocks in view are drawn first.
"""

from __future__ import annotations

import heapq
import time
from collections.abc import Callable, Iterable, Mapping, Sequence

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QTextCharFormat, QTextDocument, QTextLayout

from reader.core.model import Kind, Mention

SLICE_SECONDS = 0.012  # highlighting work per event-loop turn
STRETCH_CHARS = 20_000  # text laid out again at once after its blocks' formats changed

Spans = dict[int, list[tuple[int, int]]]  # block number -> (start, length) in the block
MentionSpans = dict[int, list[tuple[int, int, Mention]]]


class ArticleHighlighter(QObject):
    """Layers per block: the marked quote, then mentions, then find matches on top.

    `formats` has `normal`, `focus` and `dim` (dicts by Kind), `quote` and `found`.
    `visible_blocks` returns the first and last block numbers in view.
    """

    applied = Signal()  # every pending block has been highlighted

    def __init__(
        self,
        document: QTextDocument,
        formats: object,
        visible_blocks: Callable[[], tuple[int, int]] | None = None,
    ) -> None:
        super().__init__(document)
        self._document = document
        self._formats = formats
        self._visible_blocks = visible_blocks or (lambda: (0, -1))
        self._mentions: MentionSpans = {}
        self._quote: Spans = {}
        self._found: Spans = {}
        self._hidden: frozenset[Kind] = frozenset()
        self._focus: str | None = None
        self._pending: set[int] = set()
        self._heap: list[int] = []  # pending block numbers (and some already done), smallest first
        self.blocks_drawn = 0  # how many times a block was drawn (for tests and benches)
        self._held = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._work)

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def hold(self) -> None:
        """Draw nothing until `release` (the document is still being laid out: a block drawn
        meanwhile would leave Qt's layout of the blocks after it wrong)."""
        self._held = True

    def release(self) -> None:
        self._held = False
        if self._pending:
            self._timer.start()

    def replace_mentions(self, mentions: MentionSpans, changed: Iterable[int]) -> None:
        """Replace all mentions when the blocks drawn differently are known already (worked
        out off the GUI thread with `changed_blocks` against `snapshot()`)."""
        self._mentions = mentions
        self._invalidate(changed)

    def snapshot(self) -> dict[int, tuple[tuple[int, int, Mention], ...]]:
        """The mentions per block as drawn now, safe to read from another thread."""
        return {number: tuple(spans) for number, spans in self._mentions.items()}

    def set_block_mentions(self, mentions: MentionSpans) -> None:
        """Replace the mentions of some blocks (those of a chunk just analysed); a block whose
        highlights stay the same is not drawn again."""
        old = {number: self._mentions.get(number, []) for number in mentions}
        for number, spans in mentions.items():
            if spans:
                self._mentions[number] = spans
            else:
                self._mentions.pop(number, None)
        self._invalidate(changed_blocks(old, mentions, self._focus))

    def set_hidden_kinds(self, kinds: frozenset[Kind]) -> None:
        self._hidden = kinds
        self._invalidate(self._mentions.keys())

    def set_formats(self, formats: object) -> None:
        """New colours (the theme changed): every highlighted block is drawn again."""
        self._formats = formats
        self._invalidate(self._mentions.keys() | self._quote.keys() | self._found.keys())

    def set_focus(self, key: str | None) -> None:
        self._focus = key
        self._invalidate(self._mentions.keys())

    def set_quote(self, spans: Spans) -> None:
        old, self._quote = self._quote, spans
        self._invalidate(old.keys() | spans.keys())

    def set_found(self, spans: Spans) -> None:
        old, self._found = self._found, spans
        self._invalidate(old.keys() | spans.keys())

    def mention_format(self, mention: Mention) -> QTextCharFormat | None:
        formats = self._formats
        if mention.kind in self._hidden:
            return None
        if self._focus is None:
            return formats.normal[mention.kind]  # type: ignore[attr-defined]
        if mention.key == self._focus:
            return formats.focus[mention.kind]  # type: ignore[attr-defined]
        return formats.dim[mention.kind]  # type: ignore[attr-defined]

    def format_ranges(self, number: int) -> list[QTextLayout.FormatRange]:
        """The layered format ranges of one block; later ranges are drawn over earlier ones."""
        ranges = []
        for start, length in self._quote.get(number, ()):
            ranges.append(_range(start, length, self._formats.quote))  # type: ignore[attr-defined]
        for start, length, mention in self._mentions.get(number, ()):
            char_format = self.mention_format(mention)
            if char_format is not None:
                ranges.append(_range(start, length, char_format))
        for start, length in self._found.get(number, ()):
            ranges.append(_range(start, length, self._formats.found))  # type: ignore[attr-defined]
        return ranges

    def _invalidate(self, blocks: Iterable[int]) -> None:
        """Queue blocks for drawing; each is drawn once however often it is queued meanwhile."""
        for number in blocks:
            if number not in self._pending:
                self._pending.add(number)
                heapq.heappush(self._heap, number)
        if not self._pending:
            self.applied.emit()
        elif not self._held:
            self._timer.start()

    def _draw(self, numbers: list[int], deadline: float | None = None) -> None:
        """Set the formats of some blocks (ascending numbers), then have Qt lay out the stretch
        from the first to the last once: each relayout also walks every block after the
        stretch, so one per stretch rather than one per block keeps the cost linear.

        Past `deadline` (a perf_counter time) the blocks not drawn yet stay pending for the
        next turn: while another thread is busy each Qt call may wait for the interpreter
        lock, so a stretch can take far longer than its text suggests."""
        first = last = None
        for index, number in enumerate(numbers):
            if deadline is not None and index and time.perf_counter() > deadline:
                for later in numbers[index:]:
                    heapq.heappush(self._heap, later)
                break
            self._pending.discard(number)
            block = self._document.findBlockByNumber(number)
            if block.isValid():
                block.layout().setFormats(self.format_ranges(number))
                first = first or block
                last = block
                self.blocks_drawn += 1
        if first is not None and last is not None:
            end = last.position() + last.length()
            self._document.markContentsDirty(first.position(), end - first.position())

    def _next_stretch(self) -> list[int]:
        """Pending blocks from the top down, as many as fit in about STRETCH_CHARS of text."""
        numbers: list[int] = []
        start = None
        while self._heap:
            number = self._heap[0]
            if number not in self._pending:
                heapq.heappop(self._heap)
                continue
            position = self._document.findBlockByNumber(number).position()
            if start is None:
                start = position
            elif position - start > STRETCH_CHARS:
                break
            numbers.append(heapq.heappop(self._heap))
        return numbers

    def _work(self) -> None:
        """Draw blocks until the time slice is used up, then yield to the event loop: first the
        pending blocks in view, then the others from the top of the article down."""
        deadline = time.perf_counter() + SLICE_SECONDS
        first, last = self._visible_blocks()
        self._draw([number for number in range(first, last + 1) if number in self._pending])
        while self._heap:  # at least one block per turn, however late the turn started
            self._draw(self._next_stretch(), deadline)
            if time.perf_counter() >= deadline:
                break
        if self._pending:
            self._timer.start()
        else:
            self._heap.clear()
            self.applied.emit()


def changed_blocks(
    old: Mapping[int, Sequence[tuple[int, int, Mention]]],
    new: Mapping[int, Sequence[tuple[int, int, Mention]]],
    focus: str | None,
) -> list[int]:
    """The blocks whose mentions are drawn differently in `new` than in `old`. Pure Python
    (no Qt), so it can run off the GUI thread; linear in the mentions."""
    return [
        number
        for number in old.keys() | new.keys()
        if _look(old.get(number, ()), focus) != _look(new.get(number, ()), focus)
    ]


def _look(spans: Iterable[tuple[int, int, Mention]], focus: str | None) -> list[tuple]:
    """What decides how a block's mentions are drawn (the key matters only when following)."""
    if focus is None:
        return [(start, length, mention.kind) for start, length, mention in spans]
    return [(start, length, mention.kind, mention.key) for start, length, mention in spans]


def _range(start: int, length: int, char_format: QTextCharFormat) -> QTextLayout.FormatRange:
    format_range = QTextLayout.FormatRange()
    format_range.start = start
    format_range.length = length
    format_range.format = char_format
    return format_range
