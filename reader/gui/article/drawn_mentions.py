"""Which mention is drawn where in the article view: the highlighted stretches in text order.

A long analysis arrives chunk by chunk: each chunk's mentions replace what its stretch showed.
The final analysis then replaces them all; where its highlights go is worked out on a lane of
its own (a second or more of Python on a long article), and only the newest analysis's answer
is kept. The view asks which mention lies under an article offset.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from PySide6.QtCore import QObject, Signal, Slot

from reader.core.model import Analysis, Mention
from reader.core.render.segments import mention_spans
from reader.gui.article.highlighter import MentionSpans, changed_blocks
from reader.gui.article.offsets import OffsetMap, mentions_by_block
from reader.gui.work.background import JobControl, Lane

Stretch = tuple[int, int, Mention]  # start, end (article offsets), the mention drawn there


def drawn_spans(mentions: tuple[Mention, ...], length: int) -> list[Stretch]:
    """The stretches the mentions are drawn on, (start, end, mention) in text order (article
    offsets), overlaps resolved as the HTML export resolves them (`mention_spans`), so both
    highlight the same text. Mentions in text order that do not overlap, as an analysis has
    them, are their own stretches: one pass checks that and spares sorting and a Span object
    for each of tens of thousands (a tenth of a second of the interpreter lock at 1 MB)."""
    covered_to = 0
    for mention in mentions:
        if mention.start < covered_to or mention.end <= mention.start:
            break
        covered_to = mention.end
    else:
        if covered_to <= length:
            return [(mention.start, mention.end, mention) for mention in mentions]
    resolved = mention_spans(mentions, length)
    return [(span.start, span.end, mentions[span.owner]) for span in resolved]


def _work_out_final(
    _control: JobControl, analysis: Analysis, offsets: OffsetMap, drawn: MentionSpans
) -> tuple[list[Stretch], MentionSpans, set[int]]:
    """On the lane: the final stretches, per block, and the blocks whose highlights change."""
    spans = drawn_spans(analysis.mentions, len(analysis.article.text))
    by_block = mentions_by_block(offsets, spans)
    return spans, by_block, changed_blocks(drawn, by_block, None)


class DrawnMentions(QObject):
    """The stretches drawn now; `final_ready` gives the highlighter the final analysis's."""

    final_ready = Signal(object, object)  # mentions per block, block numbers that change

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.spans: list[Stretch] = []
        self._starts: list[int] = []
        self._lane = Lane("highlights", latest_only=True, parent=self)

    def work_out_final(self, analysis: Analysis, offsets: OffsetMap, drawn: MentionSpans) -> None:
        """Start working out the final stretches; `drawn` is what the highlighter shows now."""
        job = self._lane.submit(_work_out_final, analysis, offsets, drawn)
        job.result.connect(self._on_final)

    @Slot(object)
    def _on_final(self, result: tuple[list[Stretch], MentionSpans, set[int]]) -> None:
        spans, by_block, changed = result
        self._set(spans)
        self.final_ready.emit(by_block, changed)

    def _set(self, spans: list[Stretch]) -> None:
        self.spans = spans
        self._starts = [start for start, _, _ in spans]

    def add_chunk(
        self, start: int, end: int, mentions: tuple[Mention, ...], offsets: OffsetMap
    ) -> MentionSpans:
        """One analysed chunk's mentions in place of what [start, end) showed; returns the
        mentions of every block the chunk covers (empty lists included), for the highlighter."""
        spans = drawn_spans(mentions, offsets.length)
        low = bisect_left(self._starts, start)
        high = bisect_left(self._starts, end)
        self.spans[low:high] = spans
        self._starts[low:high] = [span_start for span_start, _, _ in spans]
        first = offsets.place_of(start).number
        last = offsets.place_of(max(end - 1, start)).number
        above = offsets.places[first].start
        low = max(bisect_left(self._starts, above) - 1, 0)  # one may reach into the block
        high = bisect_left(self._starts, offsets.places[last].end)
        touching = [span for span in self.spans[low:high] if span[1] > above]
        by_block = mentions_by_block(offsets, touching)
        return {number: by_block.get(number, []) for number in range(first, last + 1)}

    def at(self, offset: int) -> Mention | None:
        """The mention drawn over an article offset, if any."""
        index = bisect_right(self._starts, offset) - 1
        if index < 0 or offset >= self.spans[index][1]:
            return None
        return self.spans[index][2]
