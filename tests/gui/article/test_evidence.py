"""The evidence in the window (issue 22, deliverable 2): hovering a quote's margin bar or its
row says who said it, how that was found and how sure, in one line; the quote marked shows
its speaker's antecedent outlined in the text. The analysis is tests/gui/article/test_review's."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from reader.gui.article.quote_marks import span_rects
from tests.gui.article.test_review import open_reviewed

LINE = "he → Tillerson, 1 sentence before · doubtful (0.50)"


def hover(view, point: QPoint) -> str:
    event = QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    QApplication.sendEvent(view.viewport(), event)
    return QToolTip.text()


def test_hovering_a_quote_bar_or_row_says_the_evidence_in_one_line(make_window, qtbot):
    _window, tab = open_reviewed(qtbot, make_window)
    view, quote = tab.view, tab.analysis.quotes[-1]
    view.select_range(quote.start, quote.end)  # in sight
    rects = view.quote_marks.bar_rects(view, 0, view.document().characterCount())
    bar = next(rect for rect, said in rects if said == quote)
    assert hover(view, bar.center()) == (
        f"Quote by Rex Tillerson\n{LINE}\nClick to find it in the quote list"
    )
    row = tab.quotes.model.index(len(tab.analysis.quotes) - 1, 0)
    assert f"<p><i>{LINE}</i></p>" in row.data(Qt.ItemDataRole.ToolTipRole)


def test_the_marked_quote_outlines_its_speakers_antecedent(make_window, qtbot):
    _window, tab = open_reviewed(qtbot, make_window)
    view, quote = tab.view, tab.analysis.quotes[-1]
    antecedent = quote.evidence.antecedent
    view.mark_quote(quote)
    where = view.offsets.range_to_document(antecedent.start, antecedent.end)
    assert view.quote_marks.antecedent == where
    (rect,) = span_rects(view, *where)
    cursor = view.textCursor()
    cursor.setPosition(where[0])
    assert abs(rect.left() - view.cursorRect(cursor).left()) <= 2  # on the name, where drawn
    view.repaint()
    outlined = view.viewport().grab().toImage()
    edge = QPoint(int(rect.left()) - 2, int(rect.center().y()))
    view.mark_quote(tab.analysis.quotes[1])  # a quote without antecedent: no outline
    assert view.quote_marks.antecedent is None
    view.repaint()
    plain = view.viewport().grab().toImage()
    assert outlined.pixelColor(edge) != plain.pixelColor(edge)
