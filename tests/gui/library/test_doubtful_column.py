"""The Library's "Doubtful" column and summary (issue 22): how many doubtful quotes each
article and the collection still hold, down by one when the reader confirms a speaker."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reader.core.store.corrections import Correction
from reader.core.store.database import Store, content_hash
from reader.core.store.library import Collection
from reader.gui.library.article_work import with_doubtful
from reader.gui.library.panel import LibraryPanel
from tests.core.library_articles import MODEL, write_article
from tests.core.store.test_doubtful_counts import TEXT, two_doubtful


def shown(panel: LibraryPanel) -> dict[str, str]:
    """Article title -> the text of its Doubtful cell, as the table shows it."""
    model = panel.articles.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    column = headers.index("Doubtful")
    return {
        model.index(row, 0).data(): model.index(row, column).data()
        for row in range(model.rowCount())
    }


def test_the_column_and_the_summary_count_the_doubtful_quotes_left(qtbot, tmp_path):
    folder = tmp_path / "articles"
    doubts = write_article(folder, "doubts.txt", TEXT)
    new = write_article(folder, "new.txt", "Not analysed\nNothing here.\n")
    with Store.open(tmp_path / "s.sqlite3") as store:
        analysis = two_doubtful(doubts)
        store.save_analysis(analysis)
        panel = LibraryPanel()
        qtbot.addWidget(panel)
        collection = Collection(store, [doubts, new], MODEL)
        panel.set_collection(collection, "Week", with_doubtful(store, collection.articles(), MODEL))
        assert shown(panel) == {"Talks resume": "2", "new.txt": "–"}
        assert "2 doubtful quotes" in panel.heading.text()

        first = analysis.quotes[0]
        store.add_correction(
            content_hash(analysis.article), Correction("confirm_speaker", start=first.start)
        )
        panel.articles_read(with_doubtful(store, collection.articles(), MODEL))  # as read again
        assert shown(panel) == {"Talks resume": "1", "new.txt": "–"}
        assert "1 doubtful quote" in panel.heading.text()
        assert "1 doubtful quotes" not in panel.heading.text()
