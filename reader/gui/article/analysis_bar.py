"""The strip above an article that says how its analysis is going: opening, reading a scan with
OCR or queued, how far (determinate, with Cancel), failed or cancelled (with Retry). Hidden once
the analysis is shown."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget


class AnalysisBar(QWidget):
    cancel_requested = Signal()
    retry_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("analysisBar")
        self.message = QLabel(self)
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(220)
        self.progress.setFormat("%p %")
        self.cancel = QPushButton("Cancel", self)
        self.retry = QPushButton("Retry", self)
        self.retry.setToolTip("Analyse this article again")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 4, 12, 4)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.cancel)
        layout.addWidget(self.retry)
        self.cancel.clicked.connect(self.cancel_requested)
        self.retry.clicked.connect(self.retry_requested)
        self.hide()

    def _show(
        self,
        message: str,
        *,
        progress: bool,
        cancel: bool,
        retry: bool,
        stops: str = "Stop analysing this article (the text stays open)",
    ) -> None:
        self.message.setText(message)
        self.cancel.setToolTip(stops)
        self.progress.setVisible(progress)
        self.cancel.setVisible(cancel)
        self.retry.setVisible(retry)
        self.show()

    def show_opening(self) -> None:
        self._show("Opening…", progress=False, cancel=False, retry=False)

    def show_reading(self, message: str, done: int, total: int) -> None:
        """The file is being read with OCR: `done` of `total` pages, with Cancel."""
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))
        stops = "Stop reading this file with OCR and close its tab"
        self._show(message, progress=True, cancel=True, retry=False, stops=stops)

    def show_queued(self, behind: str | None) -> None:
        message = f"Waiting: “{behind}” is being analysed first" if behind else "Waiting…"
        self._show(message, progress=False, cancel=True, retry=False)

    def show_progress(self, done: int, total: int) -> None:
        """`done` of `total` characters analysed (0 of 0: started, no chunk finished yet)."""
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))
        message = "Analysing… highlights appear as each part is done" if done else "Analysing…"
        self._show(message, progress=True, cancel=True, retry=False)

    def show_failure(self, message: str, retry: bool = True) -> None:
        self._show(message, progress=False, cancel=False, retry=retry)

    def show_cancelled(self) -> None:
        self._show(
            "Analysis cancelled; highlights so far are preliminary",
            progress=False,
            cancel=False,
            retry=True,
        )
