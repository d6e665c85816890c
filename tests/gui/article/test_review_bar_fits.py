"""The quote panel's review row in a narrow side panel (a new user's trial, 1360 px window):
the order box and "Doubtful only" shown whole, not cut to "Text o…" and "Doubtf…"."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from reader.gui.article.review_bar import ReviewBar


def test_the_review_row_is_whole_in_a_narrow_panel(qtbot):
    panel = QWidget()
    qtbot.addWidget(panel)
    bar = ReviewBar(panel)
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(bar)
    bar.set_count(12)
    panel.setFixedSize(244, 120)  # the quote panel's width in a 1360-pixel window
    panel.show()
    qtbot.wait_exposed(panel)
    for widget in (bar.order, bar.only, bar.count, bar.previous, bar.next):
        assert widget.width() >= widget.sizeHint().width(), widget
        assert widget.geometry().right() <= bar.width()
