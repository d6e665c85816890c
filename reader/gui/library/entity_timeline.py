"""The followed entity over time (issue 24, deliverable 3): its mentions or quotes per day or
week across the collection, by the dates the articles state; the undated articles are counted
apart, never put on a day. A click on a bar lists that period's articles (a double-click on
one opens it). Above the chart, the roles its articles state, in date order with their dates
(issue 21: "Secretary of State" turning into "former Secretary of State")."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QListWidget, QVBoxLayout, QWidget

from reader.core.render.charts import draw_timeline
from reader.core.render.collection_roles import role_line
from reader.core.render.dates import date_text
from reader.core.store.entity_roles import StatedRole
from reader.core.store.timelines import Period
from reader.gui.library.charts import ChartView
from reader.gui.library.coverage_state import CoverageSnapshot, DatedArticle
from reader.gui.library.tables import Column, record_at, record_table

CHART_PX = 180
ROLE_ROWS = 4  # roles shown without scrolling

PERIOD_ARTICLE_COLUMNS = (
    Column("Article", lambda pair: pair[0].title, tooltip=lambda p: f"{p[0].title}\n{p[0].path}"),
    # a period's articles state their dates (a file's date puts no article on the chart)
    Column("Date", lambda pair: date_text(pair[0].date), sort=lambda pair: pair[0].date),
    Column("Source", lambda pair: pair[0].site or ""),
    Column("Count", lambda pair: str(pair[1]), lambda pair: pair[1], numeric=True),
)


class EntityTimeline(QWidget):
    """The chart of one collection key over a `CoverageSnapshot`."""

    open_requested = Signal(object)  # Path

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.what = QComboBox(self)
        self.what.addItems(["Mentions", "Quotes said"])
        self.what.setAccessibleName("Count mentions or quotes")
        self.period = QComboBox(self)
        self.period.addItem("Per day", Period.DAY)
        self.period.addItem("Per week", Period.WEEK)
        self.period.setAccessibleName("Per day or per week")
        self.roles_label = QLabel(self)
        self.roles_label.setWordWrap(True)
        self.roles = QListWidget(self)
        self.roles.setAccessibleName("Roles of the followed entity, by date")
        self.roles.setMaximumHeight(
            ROLE_ROWS * self.roles.fontMetrics().lineSpacing() + 2 * self.roles.frameWidth() + 4
        )
        self.roles.hide()
        self.chart = ChartView("The followed entity over time (click a bar for its articles)")
        self.undated = QLabel(self)
        self.undated.setWordWrap(True)
        self.articles = record_table(self, PERIOD_ARTICLE_COLUMNS, "Articles of the period")
        row = QHBoxLayout()
        row.addWidget(self.what)
        row.addWidget(self.period)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.roles_label)
        layout.addWidget(self.roles)
        layout.addLayout(row)
        layout.addWidget(self.chart)
        layout.addWidget(self.undated)
        layout.addWidget(self.articles, 1)
        self.what.currentIndexChanged.connect(lambda _i: self.refresh())
        self.period.currentIndexChanged.connect(lambda _i: self.refresh())
        self.chart.bar_clicked.connect(self.list_period)
        self.articles.doubleClicked.connect(self._open)
        self.articles.activated.connect(self._open)
        self.snapshot: CoverageSnapshot | None = None
        self.key: str | None = None
        self.periods: tuple[str, ...] = ()
        self._counts: tuple[tuple[str, int], ...] = ()

    def show_entity(
        self,
        snapshot: CoverageSnapshot | None,
        key: str | None,
        roles: Sequence[StatedRole] = (),
    ) -> None:
        """Chart collection key `key` (None: nothing followed) over `snapshot` (None: not read
        yet), and list `roles`, its stated roles in date order (`CollectionEntity.roles`)."""
        self.snapshot, self.key = snapshot, key
        self.show_roles(roles if key is not None else ())
        self.refresh()

    def show_roles(self, roles: Sequence[StatedRole]) -> None:
        """One line per role: "Secretary of State — 2 articles, 12 Jan–2 Feb 2017"."""
        self.roles.clear()
        self.roles.addItems([role_line(role) for role in roles])
        self.roles.setVisible(bool(roles))
        self.roles_label.setText(
            "Roles its articles state, by date:"
            if roles
            else ("No article states its role." if self.key is not None else "")
        )
        self.roles_label.setVisible(self.key is not None)

    def _counting(self) -> tuple[Period, bool]:
        return self.period.currentData(), self.what.currentIndex() == 1

    def refresh(self) -> None:
        self.articles.records.set_records(())
        if self.snapshot is None or self.key is None:
            self.periods = ()
            self._draw((), None)
            self.undated.setText("Follow an entity to see it over time.")
            return
        period, quotes = self._counting()
        line = self.snapshot.timeline(self.key, period, quotes)
        self.periods = tuple(name for name, _count in line.counts)
        self._draw(line.counts, None)
        what = "quotes" if quotes else "mentions"
        self.undated.setText(
            f"{line.undated} {what} in articles that state no date (not on the chart)."
            if line.undated
            else f"Every article with its {what} states a date."
        )

    def _draw(self, counts: tuple[tuple[str, int], ...], chosen: int | None) -> None:
        period = self.period.currentData()
        self._counts = counts
        self.chart.show_chart(
            (lambda figure, colours: draw_timeline(figure, counts, period, colours, chosen))
            if counts
            else None,
            CHART_PX,
        )

    def list_period(self, number: int) -> None:
        """List the articles of the period of bar `number` (and say which period)."""
        if self.snapshot is None or self.key is None or not 0 <= number < len(self.periods):
            return
        period, quotes = self._counting()
        found = self.snapshot.articles_in(self.key, period, self.periods[number], quotes)
        self.articles.records.set_records(found)
        self.undated.setText(
            f"{self.periods[number]}: {len(found)} article{'s' if len(found) != 1 else ''}"
        )
        self._draw(self._counts, number)  # the period listed stands out

    def _open(self, index: QModelIndex) -> None:
        pair: tuple[DatedArticle, int] | None = record_at(index)
        if pair is not None:
            self.open_requested.emit(Path(pair[0].path))
