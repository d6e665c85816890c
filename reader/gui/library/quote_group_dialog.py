"""One quote group in a window (issue 24): the articles, outlets and dates where the quote
appears, the speakers each article gives (different people flagged), and each wording with
the words that differ from the first marked, as the collection report shows them.
Double-clicking an article opens it at the quote."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from reader.core.render.dates import date_order, date_text
from reader.core.render.report import variant_view, wording_label
from reader.core.store.quote_provenance import QuoteGroup, Sighting
from reader.gui.article.models import shown_quote
from reader.gui.library.tables import Column, record_at, record_table


def first_seen(group: QuoteGroup) -> str:
    """ "first 12 October 2016, Politico" ("first undated (file date 7 Dec 2026)" when only a
    file's date orders it, `reader.core.render.dates`); "" when no appearance is dated."""
    first = group.first
    if first is None:
        return ""
    where = f", {first.site}" if first.site else ""
    return f"first {date_text(first.date, first.date_from_file)}{where}"


def also_in(group: QuoteGroup) -> str:
    """What the quote panel says of a quote of this group: "also in 7 articles · first …"."""
    others = group.articles - 1
    line = f"also in {others} article{'s' if others != 1 else ''}"
    return f"{line} · {seen}" if (seen := first_seen(group)) else line


def _speaker(group: QuoteGroup, sighting: Sighting) -> str:
    name = sighting.speaker or "no speaker named"
    return f"{name} (disputed)" if group.disputed and sighting.speaker_key else name


def sighting_columns(group: QuoteGroup) -> tuple[Column, ...]:
    return (
        Column("Article", lambda s: s.title, tooltip=lambda s: f"{s.title}\n{s.path}"),
        Column("Outlet", lambda s: s.site or ""),
        Column(
            "Date",
            lambda s: date_text(s.date, s.date_from_file),
            sort=lambda s: date_order(s.date, s.date_from_file),  # stated dates first
        ),
        Column("Speaker", lambda s: _speaker(group, s)),
    )


def variants_html(group: QuoteGroup) -> str:
    """Each wording, its differing words in bold and underlined, with what differs."""
    base = group.variants[0]
    parts = []
    for number, variant in enumerate(group.variants):
        view = variant_view(variant, base)
        text = "".join(
            f"<b><u>{escape(run.text)}</u></b>" if run.marked else escape(run.text)
            for run in view.runs
        )
        what = wording_label(view, number == 0)
        seen = ", ".join(escape(s.site or s.title) for s in variant.sightings)
        notes = f"<br><i>{escape('; '.join(view.notes))}</i>" if view.notes else ""
        parts.append(f"<p><b>{what}</b> ({seen}):<br>“{text}”{notes}</p>")
    return "".join(parts)


class QuoteGroupDialog(QDialog):
    """The group's facts, its wordings and its articles; `open_at_requested` as the Library's
    (path, start, end) when an article is double-clicked."""

    open_at_requested = Signal(object, int, int)

    def __init__(self, group: QuoteGroup, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = group
        self.setWindowTitle(f"Quote in {group.articles} articles")
        outlets = f" ({', '.join(group.outlets)})" if group.outlets else ""
        seen = f" · {first_seen(group)}" if group.first else ""
        self.facts = QLabel(f"In {group.articles} articles{outlets}{seen}", self)
        self.facts.setWordWrap(True)
        self.quote = QLabel(shown_quote(group.variants[0].sightings[0].text), self)
        self.quote.setWordWrap(True)
        speakers = ", ".join(f"{name} ({count})" for name, count in group.speakers.values())
        self.flag = QLabel(f"<b>Credited to different people:</b> {escape(speakers)}.", self)
        self.flag.setWordWrap(True)
        self.flag.setVisible(group.disputed)
        self.variants = QTextBrowser(self)
        self.variants.setAccessibleName("Wordings of the quote")
        self.variants.setHtml(variants_html(group))
        self.articles = record_table(self, sighting_columns(group), "Articles with the quote")
        self.articles.records.set_records(group.sightings)
        self.articles.doubleClicked.connect(self._open)
        self.articles.activated.connect(self._open)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        for widget in (self.facts, self.quote, self.flag):
            layout.addWidget(widget)
        layout.addWidget(self.variants, 1)
        layout.addWidget(self.articles, 1)
        layout.addWidget(buttons)
        self.resize(640, 520)

    def _open(self, index: QModelIndex) -> None:
        sighting: Sighting | None = record_at(index)
        if sighting is not None:
            end = sighting.fragments[-1][1] if sighting.fragments else sighting.start
            self.open_at_requested.emit(Path(sighting.path), sighting.start, end)
