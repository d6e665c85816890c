"""The review row of the quote panel (issue 22): the quotes in text order or least sure first,
the doubtful ones alone, how many doubtful quotes the article still holds with previous/next,
and the evidence of the quote marked."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from reader.core.render.evidence import CONFIDENCE_HELP
from reader.gui.article.panels import tool_button

TEXT_ORDER, LEAST_SURE_FIRST = "Text order", "Least sure first"


class ReviewBar(QWidget):
    """Order and "Doubtful only"; under them the count with ‹ ›, and one line of evidence."""

    least_sure_first = Signal(bool)
    doubtful_only = Signal(bool)
    previous_requested = Signal()
    next_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.order = QComboBox(self)
        self.order.addItems([TEXT_ORDER, LEAST_SURE_FIRST])
        self.order.setAccessibleName("Order of the quotes")
        self.order.setToolTip(f"Least sure first: the speakers to check come first.\n{_HELP}")
        self.order.currentIndexChanged.connect(lambda i: self.least_sure_first.emit(i == 1))
        self.only = QCheckBox("Doubtful only", self)  # a box shows on or off in every style
        self.only.setToolTip(f"Show only the quotes whose speaker is doubtful.\n{_HELP}")
        self.only.toggled.connect(self.doubtful_only.emit)
        self.count = QLabel(self)
        self.count.setToolTip(_HELP)
        self.previous = tool_button(
            self, "‹", "Previous doubtful quote (Ctrl+,)", self.previous_requested
        )
        self.next = tool_button(self, "›", "Next doubtful quote (Ctrl+.)", self.next_requested)
        self.evidence = QLabel(self)
        self.evidence.setWordWrap(True)
        self.evidence.setAccessibleName("How the speaker was found")
        self.evidence.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        # two rows: in a narrow side panel nothing is cut ("Text o…", "Doubtf…")
        for widgets in ((self.order, self.only), (self.count, self.previous, self.next)):
            row = QHBoxLayout()
            row.setContentsMargins(0, 0, 0, 0)
            for widget in widgets:
                row.addWidget(widget)
            row.addStretch(1)
            layout.addLayout(row)
        layout.addWidget(self.evidence)
        self.set_count(None)
        self.set_evidence("")

    def set_count(self, doubtful: int | None) -> None:
        """How many doubtful quotes are left (None: not analysed yet)."""
        self.count.setText("" if doubtful is None else f"{doubtful} doubtful")
        self.count.setAccessibleName(
            "" if doubtful is None else f"{doubtful} doubtful quotes to check"
        )
        for widget in (self.previous, self.next):
            widget.setEnabled(bool(doubtful))

    def set_evidence(self, line: str) -> None:
        self.evidence.setText(line)
        self.evidence.setVisible(bool(line))


_HELP = CONFIDENCE_HELP.replace("; ", ";\n")
