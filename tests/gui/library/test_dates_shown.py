"""The window writes an article's date as the collection report does (reader.core.render.dates):
the group dialog's Date column, the quote panel's line and the Coverage page's First column say
"undated (file date …)" for a file's date, and sorting by date keeps every stated date before
every file's date, even a file saved years before the stated articles."""

from __future__ import annotations

import datetime

from PySide6.QtCore import Qt

from reader.core.render.dates import date_text
from reader.core.store.coverage import Coverage
from reader.gui.library.coverage_page import GROUP_COLUMNS
from reader.gui.library.quote_group_dialog import QuoteGroupDialog, also_in, first_seen
from tests.core.library_articles import fake_analysis

FERRY = "The ferry will run again before the spring storms come."
BRIDGE = "We will rebuild the bridge before the winter comes."
OLD_FILE = datetime.date(2001, 1, 1)


def _article(title: str, quote: str, date: str | None):
    text = f"{title}\n\nAda Lovelace spoke.\n\n“{quote}”\n"
    return fake_analysis(text, date=date, speakers={quote: "person:ada-lovelace"})


def _coverage() -> Coverage:
    coverage = Coverage()
    coverage.add(1, _article("Ferry news", FERRY, "2016-10-20"))
    coverage.add(2, _article("Ferry again", FERRY, "2016-10-12"))
    coverage.add(3, _article("Harbour notes", FERRY, None), file_day=OLD_FILE)
    coverage.add(4, _article("Bridge plan", BRIDGE, None), file_day=OLD_FILE)
    coverage.add(5, _article("Bridge notes", BRIDGE, None), file_day=datetime.date(2002, 2, 2))
    return coverage


def test_the_group_dialog_writes_dates_as_the_report_and_sorts_stated_ones_first(qtbot):
    ferry = next(g for g in _coverage().quote_groups() if g.articles == 3)
    dialog = QuoteGroupDialog(ferry)
    qtbot.addWidget(dialog)
    assert dialog.facts.text() == "In 3 articles · first 12 October 2016"
    assert also_in(ferry) == "also in 2 articles · first 12 October 2016"
    model = dialog.articles.model()
    dialog.articles.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    shown = [(model.index(n, 0).data(), model.index(n, 2).data()) for n in range(3)]
    assert shown == [
        ("Ferry again", "12 October 2016"),
        ("Ferry news", "20 October 2016"),
        ("Harbour notes", date_text(OLD_FILE, from_file=True)),
    ]
    assert shown[2][1] == "undated (file date 1 Jan 2001)"


def test_the_coverage_pages_first_column_says_undated_and_sorts_stated_first():
    groups = _coverage().quote_groups()
    first = next(c for c in GROUP_COLUMNS if c.header == "First")
    by_first = sorted(groups, key=lambda g: first.sort(g))
    assert [first.text(g) for g in by_first] == [
        "first 12 October 2016",
        "first undated (file date 1 Jan 2001)",
    ]
    assert [first_seen(g) for g in by_first] == [first.text(g) for g in by_first]
