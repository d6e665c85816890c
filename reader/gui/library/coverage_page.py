"""The Library's Coverage page (issue 24): who gets quoted across the collection as a bar
chart (sortable; a click on a bar follows that speaker, as selecting an entity does), and the
quotes found in several articles, those with variants or disputed speakers flagged (a click
opens the group)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reader.core.render.charts import bar_chart_height, draw_bars
from reader.core.render.dates import date_order
from reader.core.store.quote_provenance import QuoteGroup
from reader.core.store.speaker_stats import SpeakerRow, SpeakerStats
from reader.gui.article.models import shown_quote
from reader.gui.library.charts import ChartView
from reader.gui.library.quote_group_dialog import first_seen
from reader.gui.library.tables import Column, record_at, record_table

SPEAKER_BARS = 15  # bars in the chart; the chart's sort picks which

SORTS = {
    "Most quotes": lambda row: (-row.quotes, -row.words, row.name.casefold()),
    "Most quoted words": lambda row: (-row.words, -row.quotes, row.name.casefold()),
    "Most articles": lambda row: (-row.articles, -row.quotes, row.name.casefold()),
    "Name": lambda row: row.name.casefold(),
}
_VALUES = {
    "Most quotes": lambda row: row.quotes,
    "Most quoted words": lambda row: row.words,
    "Most articles": lambda row: row.articles,
    "Name": lambda row: row.quotes,
}


def _flags(group: QuoteGroup) -> str:
    flags = ["variants"] if group.misquoted else []
    return ", ".join([*flags, "disputed speaker"] if group.disputed else flags)


GROUP_COLUMNS = (
    Column(
        "Quote",
        lambda g: shown_quote(g.variants[0].sightings[0].text),
        tooltip=lambda g: g.variants[0].sightings[0].text,
    ),
    Column("Articles", lambda g: str(g.articles), lambda g: g.articles, numeric=True),
    Column("Outlets", lambda g: ", ".join(g.outlets)),
    Column(
        "First",
        first_seen,  # its date as the report writes it (reader.core.render.dates)
        sort=lambda g: date_order(g.first.date, g.first.date_from_file) if g.first else None,
    ),
    Column("Differs", _flags),
)


class CoveragePage(QWidget):
    """Shows a `CoverageSnapshot`'s speakers and groups."""

    follow_requested = Signal(str)  # a speaker's collection key
    group_requested = Signal(object)  # a QuoteGroup

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel("The coverage shows once the collection is analysed.", self)
        self.summary.setWordWrap(True)
        self.sort = QComboBox(self)
        self.sort.addItems(list(SORTS))
        self.sort.setAccessibleName("Sort the speakers")
        self.sort.currentTextChanged.connect(lambda _text: self._draw_speakers())
        self.chart = ChartView("Who gets quoted (a click on a bar follows the speaker)", self)
        self.chart.setToolTip("Click a bar to follow that speaker in the Entities page")
        self.chart.bar_clicked.connect(self._bar_clicked)
        self.flagged_only = QCheckBox("Only with variants or disputed speakers", self)
        self.flagged_only.toggled.connect(lambda _on: self._list_groups())
        self.groups = record_table(self, GROUP_COLUMNS, "Quotes in several articles")
        self.groups.activated.connect(self._open_group)
        self.groups.clicked.connect(self._open_group)

        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 4, 0, 0)
        sort_row = QHBoxLayout()
        sort_row.addWidget(QLabel("<b>Who gets quoted</b>", top), 1)
        sort_row.addWidget(self.sort)
        top_layout.addWidget(self.summary)
        top_layout.addLayout(sort_row)
        top_layout.addWidget(self.chart)
        top_layout.addStretch(1)
        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 4, 0, 0)
        bottom_layout.addWidget(QLabel("<b>Quotes in several articles</b>", bottom))
        bottom_layout.addWidget(self.flagged_only)
        bottom_layout.addWidget(self.groups, 1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(top)
        split.addWidget(bottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        self._stats: SpeakerStats | None = None
        self._all_groups: tuple[QuoteGroup, ...] = ()
        self.shown_speakers: list[SpeakerRow] = []
        self._pending = False

    def set_coverage(self, stats: SpeakerStats | None, groups: tuple[QuoteGroup, ...]) -> None:
        """Show these figures, now or when the page comes into view (a hidden page's new
        sizes would move the dock's layout under the reader)."""
        self._stats, self._all_groups = stats, groups
        self._pending = True
        if self.isVisible():
            self._fill()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._pending:
            self._fill()

    def _fill(self) -> None:
        self._pending = False
        stats, groups = self._stats, self._all_groups
        if stats is None or not stats.quotes:
            self.summary.setText("No quotes in the analysed articles yet.")
        else:

            def share(part: int) -> str:
                return f"{part / stats.quotes:.0%}"

            self.summary.setText(
                f"{stats.quotes} quotes, {stats.words} quoted words. Named speakers "
                f"{share(stats.named_quotes)}, unnamed sources {share(stats.unnamed_quotes)}; "
                f"people {share(stats.person_quotes)}, organizations "
                f"{share(stats.organization_quotes)}; the five quoted most say "
                f"{stats.top_share():.0%}. {len(groups)} quotes are in several articles."
            )
        self._draw_speakers()
        self._list_groups()

    def _draw_speakers(self) -> None:
        rows = [row for row in self._stats.rows if row.named] if self._stats else []
        order = self.sort.currentText()
        self.shown_speakers = sorted(rows, key=SORTS[order])[:SPEAKER_BARS]
        bars = [(row.name, _VALUES[order](row)) for row in self.shown_speakers]
        height = round(bar_chart_height(len(bars)) * self.logicalDpiY())
        self.chart.show_chart(
            (lambda figure, colours: draw_bars(figure, bars, colours)) if bars else None, height
        )

    def _list_groups(self) -> None:
        flagged = self.flagged_only.isChecked()
        self.groups.records.set_records(
            [g for g in self._all_groups if not flagged or g.misquoted or g.disputed]
        )

    def _bar_clicked(self, number: int) -> None:
        if 0 <= number < len(self.shown_speakers):
            key = self.shown_speakers[number].key
            if key is not None:
                self.follow_requested.emit(key)

    def _open_group(self, index: QModelIndex) -> None:
        group: QuoteGroup | None = record_at(index)
        if group is not None:
            self.group_requested.emit(group)
