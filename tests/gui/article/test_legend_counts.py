"""The article's legend chips count what the entity list lists: entities of each kind, not
their mentions (a new user saw "People 3" over a list of 2 people); the mentions are said in
the chip's description."""

from __future__ import annotations

from reader.core.model import Kind
from reader.gui.article.panels import EntityPanel, LegendBar
from tests.core.library_articles import fake_analysis


def test_chips_count_entities_as_the_list_does_and_describe_the_mentions(qtbot):
    analysis = fake_analysis("Talks\n\nAda Lovelace met Tom Baker. Lovelace spoke. Acme too.\n")
    assert analysis.kind_counts()[Kind.PERSON] == 3  # mentions
    legend, panel = LegendBar(), EntityPanel()
    qtbot.addWidget(legend)
    qtbot.addWidget(panel)
    legend.set_counts(None)
    assert legend.buttons[Kind.PERSON].text() == "People"  # not analysed yet: no number
    legend.set_counts(analysis, len(analysis.quotes))
    panel.set_entities(analysis.entities)
    people = legend.buttons[Kind.PERSON]
    assert people.text() == "People  2"
    assert "3 mentions" in people.accessibleDescription() and "3 mentions" in people.toolTip()
    assert legend.buttons[Kind.ORG].text() == "Organizations  1"
    assert legend.buttons[Kind.COUNTRY].text() == "Countries  0"
    shown = sum(int(b.text().split()[-1]) for b in legend.buttons.values())
    assert panel.title.text().endswith(f"· {shown}")  # the list's count, kind by kind summed
