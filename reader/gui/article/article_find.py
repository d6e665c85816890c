"""Find in one article (Ctrl+F): every match shaded, Enter and the arrows step through them."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt

from reader.gui.article.panels import FindBar
from reader.gui.article.text_column import MAX_FIND_MATCHES, TextColumn


class ArticleFind(QObject):
    """Keeps the matches of the find bar's text in the view and which one is selected."""

    def __init__(self, bar: FindBar, view: TextColumn, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bar = bar
        self._view = view
        self._matches: list[tuple[int, int]] = []
        self._index = -1
        bar.text_changed.connect(self._on_text)
        bar.next_requested.connect(lambda: self._step(1))
        bar.previous_requested.connect(lambda: self._step(-1))
        bar.closed.connect(self.close)

    def open(self) -> None:
        self._bar.show()
        self._bar.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._bar.edit.selectAll()
        self._on_text(self._bar.edit.text())

    def close(self) -> None:
        self._bar.hide()
        self._view.find_all("")
        self._view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_text(self, text: str) -> None:
        self._matches = self._view.find_all(text)
        self._index = -1
        self._step(1)

    def _step(self, step: int) -> None:
        if self._matches:
            self._index = (self._index + step) % len(self._matches)
            self._view.select_document_range(*self._matches[self._index])
        capped = len(self._matches) >= MAX_FIND_MATCHES
        self._bar.set_count(self._index, len(self._matches), capped)
