"""Laying out a long article's document a stretch per event-loop turn.

Qt lays out a long document lazily on a timer of its own, in steps that double up to 200,000
characters: at 1 MB, steps of 50 ms and more of the GUI thread at once. And a change marked in
the document while that lazy layout runs (a highlight drawn) leaves the blocks after it laid
out wrong: the document comes out shorter than its text. So the view holds Qt's own steps back
and lays the document out itself, STEP_CHARS at a time (asking where a block is lays out the
document up to it), and the highlighter waits until it is done.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QTextDocument

STEP_CHARS = 20_000  # a few milliseconds of layout


class LayoutPacer(QObject):
    """Lays out `document` from the top, one stretch per turn; `done` once it is all laid out.

    `restart` begins again from the top (the view calls it when something it did made Qt lay
    the whole document out anew: a new font or text width)."""

    done = Signal()

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._document = document
        self._position = 0
        self.busy = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._step)

    def restart(self) -> None:
        if not self.busy:
            self.busy = True
            self._document.documentLayout().installEventFilter(self)
        self._position = 0
        self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """Qt's own lazy layout steps (timer events of the document's layout) wait."""
        return event.type() == QEvent.Type.Timer

    def _step(self) -> None:
        document = self._document
        end = max(document.characterCount() - 1, 0)
        self._position = min(self._position + STEP_CHARS, end)
        layout = document.documentLayout()
        layout.blockBoundingRect(document.findBlock(self._position))
        if self._position < end:
            self._timer.start()
            return
        layout.blockBoundingRect(document.lastBlock())
        layout.removeEventFilter(self)
        self.busy = False
        self.done.emit()
