"""What a new user's trial of the Library found (issue 25, point 2): text columns take the
spare width and the last column no longer stretches; a search hit's match is always in view,
hits close together read apart; the status bar's lines agree in number and are about the
collection shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QHeaderView, QWidget

from reader.core.store.library import ArticleSummary, SearchHit
from reader.gui.library.columns import HIT_COLUMNS, LIBRARY_ARTICLE_COLUMNS
from reader.gui.library.match_cells import MatchDelegate, fit_match
from reader.gui.library.tables import (
    MAX_COLUMN_PX,
    MIN_STRETCH_PX,
    MIN_TEXT_PX,
    record_table,
    restore_widths,
)
from tests.gui.test_library import collect, rows

LONG_TITLE = "Mayor Announces Bid For Second Term After Harbour Deal Ends Long Strike"


def _article(title: str, people: int = 5) -> ArticleSummary:
    return ArticleSummary(
        path=Path(f"/news/{people}.txt"),
        title=title,
        date=None,
        site=None,
        people=people,
        quotes=4,
        content_hash=None,
        analysed=True,
    )


@pytest.fixture
def article_table(qtbot):
    host = QWidget()
    qtbot.addWidget(host)
    table = record_table(host, LIBRARY_ARTICLE_COLUMNS, "Articles")
    table.records.set_records([_article(LONG_TITLE), _article("Strike Ends", 12)])
    table.resize(1300, 300)
    host.resize(1600, 400)
    host.show()
    qtbot.wait_exposed(host)
    yield table  # while `host` lives


def _widths(table) -> list[int]:
    return [table.columnWidth(c) for c in range(table.model().columnCount())]


def test_the_title_takes_the_spare_width_and_the_last_column_fits_its_content(article_table):
    table = article_table
    header = table.horizontalHeader()
    assert not header.stretchLastSection()
    title = QFontMetrics(table.font()).horizontalAdvance(LONG_TITLE)
    assert title > MAX_COLUMN_PX  # a title the old fitting cut
    widths = _widths(table)
    assert widths[0] > title  # whole, and it holds the spare width
    assert sum(widths) == table.viewport().width()  # no gap, no scrolling
    doubtful = header.sectionSizeHint(len(widths) - 1)
    assert widths[-1] < doubtful + 40  # as wide as "Doubtful", not the rest of the window


def test_the_stretched_column_follows_the_table_width_and_shrinks_to_a_floor(article_table, qtbot):
    table = article_table
    before = _widths(table)
    table.resize(1500, 300)
    qtbot.wait_until(lambda: _widths(table)[0] == before[0] + 200)
    assert _widths(table)[1:] == before[1:]
    table.resize(300, 300)
    qtbot.wait_until(lambda: _widths(table)[0] == MIN_STRETCH_PX)
    assert _widths(table)[1:] == before[1:]  # the counts keep their width: the table scrolls


def test_a_width_the_reader_sets_stays_and_nothing_stretches_after(article_table, qtbot):
    table = article_table
    table.horizontalHeader().resizeSection(5, 150)  # the last column: the reader's now
    assert table.fitted
    table.records.set_records([_article("Short")])
    table.resize(1500, 300)
    qtbot.wait_until(lambda: table.viewport().width() > 1400)
    assert table.columnWidth(5) == 150
    assert table.columnWidth(0) < 1000


def test_widths_saved_by_an_older_reader_no_longer_stretch_the_last_column(qtbot):
    host = QWidget()
    qtbot.addWidget(host)
    old = record_table(host, LIBRARY_ARTICLE_COLUMNS, "old")
    old.horizontalHeader().setStretchLastSection(True)  # as every table was
    old.horizontalHeader().resizeSection(0, 222)
    state: QByteArray = old.horizontalHeader().saveState()
    table = record_table(host, LIBRARY_ARTICLE_COLUMNS, "new")
    restore_widths(table, state)
    assert table.fitted and table.columnWidth(0) == 222
    assert not table.horizontalHeader().stretchLastSection()
    assert table.horizontalHeader().sectionResizeMode(5) == QHeaderView.ResizeMode.Interactive


# -- a search hit's match in view


def _hit(snippet: str, word: str, paragraph: int = 1) -> SearchHit:
    at = snippet.index(word)
    return SearchHit(
        Path("/news/a.txt"), "A", 0, 1, snippet, False, (at, at + len(word)), paragraph
    )


SNIPPET = (
    "…workers walked off the job on Monday after the talks with the operators broke down over "
    "wages; the port stood still until late at night, when the ships were sent on to Spain…"
)


@pytest.mark.parametrize("width", [120, 200, 320, 2000])
def test_the_match_is_shown_whole_in_a_narrow_cell(qtbot, width):
    font = QFont()
    bold = QFont(font)
    bold.setBold(True)
    plain, heavy = QFontMetrics(font), QFontMetrics(bold)
    start = SNIPPET.index("port")
    line = fit_match(SNIPPET, (start, start + 4), width, plain, heavy)
    assert line.match == "port"
    used = plain.horizontalAdvance(line.before + line.after) + heavy.horizontalAdvance("port")
    assert used <= width
    if width < 2000:  # cut on the left of the match, so the match is in view
        assert line.before.startswith("…") and len(line.before) < start
        assert line.after
    else:
        assert line.before + line.match + line.after == SNIPPET


def test_a_match_wider_than_the_cell_is_cut_alone():
    plain = QFontMetrics(QFont())
    line = fit_match("a " + "x" * 80 + " b", (2, 82), 60, plain, plain)
    assert line.before == line.after == "" and line.match.endswith("…")


def test_hits_show_their_paragraph_and_their_match_in_bold(qtbot):
    host = QWidget()
    qtbot.addWidget(host)
    table = record_table(host, HIT_COLUMNS, "Search results")
    headline = _hit("Deal To End Port Strike By Lena Kowal LISBON, Portugal, March 3…", "Port", 1)
    dateline = _hit(
        "Deal To End Port Strike By Lena Kowal LISBON, Portugal, March 3…", "Portugal", 3
    )
    table.records.set_records([headline, dateline])
    model = table.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Match", "Article", "Paragraph", "In a quote"]
    assert [model.index(r, 2).data() for r in range(2)] == ["1", "3"]  # the two read apart
    assert (
        model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == headline.snippet
    )  # the whole snippet as its tooltip
    assert isinstance(table.itemDelegateForColumn(0), MatchDelegate)
    host.resize(500, 200)
    host.show()
    qtbot.wait_exposed(host)
    assert not table.grab().isNull()  # the delegate paints (no exception on the way)


def test_the_search_box_says_the_last_word_is_a_prefix(window):
    box = window.library.collections.panel.search_box
    assert "prefix" in box.placeholderText()
    assert "Portugal" in box.toolTip()


# -- the status bar's lines


def test_messages_agree_in_number_and_say_up_to_date(window, qtbot, folder, fake_indexing):
    collect(qtbot, window, folder)
    library = window.library.collections
    status = window.statusBar()
    library.collect_folder(folder)  # nothing new in it
    assert status.currentMessage() == "“week” is up to date"
    (folder / "thursday.txt").write_text("Rain in Oslo\n\nIt rained.\n", encoding="utf-8")
    with qtbot.wait_signal(library.indexer.finished, timeout=10_000):
        library.collect_folder(folder)
        assert status.currentMessage() == "1 new or changed article in “week”"
    assert status.currentMessage() == "Done: 1 article of the collection analysed"
    assert len(rows(library.panel.articles)) == 4


def test_switching_collections_takes_back_the_last_collection_s_news(
    window, qtbot, folder, fake_indexing, tmp_path
):
    collect(qtbot, window, folder)
    library = window.library.collections
    week = library.current.id
    other = tmp_path / "other"
    other.mkdir()
    (other / "a.txt").write_text("Another story\n\nRussia.\n", encoding="utf-8")
    collect(qtbot, window, other)
    assert window.statusBar().currentMessage() == "Done: 1 article of the collection analysed"
    second = library.current.id
    library.show(week)  # analysed already: no news of its own
    assert window.statusBar().currentMessage() == ""
    window.statusBar().showMessage("Something else", 8000)
    library.show(second)
    assert window.statusBar().currentMessage() == "Something else"  # not the Library's: kept


def test_in_a_narrow_view_the_other_text_columns_give_way_to_the_counts(qtbot):
    host = QWidget()
    qtbot.addWidget(host)
    table = record_table(host, HIT_COLUMNS, "Search results")
    long_title = "A Very Long Headline About The Harbour Strike That Goes On And On For Days"
    snippet = "…the harbour stayed shut on Monday…"
    hit = _hit(snippet, "harbour", 2)
    table.records.set_records([SearchHit(hit.path, long_title, 0, 1, snippet, True, hit.marked, 2)])
    wide = QFontMetrics(table.font()).horizontalAdvance(long_title)
    assert wide > 300
    table.resize(560, 200)
    host.resize(600, 300)
    host.show()
    qtbot.wait_exposed(host)
    widths = _widths(table)
    assert widths[1] == MIN_TEXT_PX < wide  # the title gives way first (whole as tooltip)
    assert widths[0] > MIN_STRETCH_PX  # the match column keeps its snippet
    assert sum(widths) <= table.viewport().width()  # the paragraph and "In a quote" in view
