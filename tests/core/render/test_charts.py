"""The charts drawn with matplotlib (issue 24): bars in the order given, labels taken as plain
text, and SVG a page with a strict Content-Security-Policy shows in its own colours."""

from __future__ import annotations

import datetime
import re
import xml.etree.ElementTree as ET

from reader.core.render.charts import (
    LIGHT,
    SvgCharts,
    bar_chart_height,
    draw_bars,
    draw_timeline,
    period_start,
)
from reader.core.store.timelines import Period


def test_bars_come_back_in_the_order_given_with_the_chosen_one_coloured():
    from matplotlib.colors import to_hex
    from matplotlib.figure import Figure

    figure = Figure(figsize=(6, bar_chart_height(3)))
    bars = draw_bars(figure, [("Ada", 5), ("Tom", 3), ("Acme", 1)], LIGHT, chosen=1)
    assert [round(bar.get_width()) for bar in bars] == [5, 3, 1]
    assert [to_hex(bar.get_facecolor()) for bar in bars] == [LIGHT.bar, LIGHT.chosen, LIGHT.bar]
    labels = [t.get_text() for t in figure.axes[0].get_yticklabels()]
    assert labels == ["Ada", "Tom", "Acme"]


def test_weeks_stand_on_their_days_and_gaps_stay_gaps():
    from matplotlib import dates
    from matplotlib.figure import Figure

    assert period_start("2016-W37") == datetime.date(2016, 9, 12)
    assert period_start("2016-09-14") == datetime.date(2016, 9, 14)
    figure = Figure()
    columns = draw_timeline(figure, [("2016-09-01", 2), ("2016-09-20", 1)], Period.DAY, LIGHT)
    days = [dates.num2date(c.get_x() + c.get_width() / 2).date() for c in columns]
    assert days == [datetime.date(2016, 9, 1), datetime.date(2016, 9, 20)]


def test_svg_charts_use_classes_ids_of_their_own_and_plain_labels():
    charts = SvgCharts()
    bars = [("Costs $5 and $6 <more>", 2), ("Tom", 1)]
    first = charts.chart("one", "First", lambda f, c: draw_bars(f, bars, c), (6, 1.2))
    second = charts.chart("two", "Second", lambda f, c: draw_bars(f, bars, c), (6, 1.2))
    assert " style=" not in first + second
    assert "Costs $5 and $6 &lt;more&gt;" in first  # no mathematics, escaped once
    root = ET.fromstring(first)
    assert root.get("role") == "img" and root.get("aria-labelledby") == "one-title"
    assert root[0].tag.endswith("title") and root[0].text == "First"
    ids = re.findall(r' id="([^"]+)"', first + second)
    assert len(ids) == len(set(ids)) and all(i.startswith(("one-", "two-")) for i in ids)
    rules = charts.rules()
    assert "fill: var(--bar)" in rules and "fill: var(--page-fg)" in rules
    used = set(re.findall(r' class="([^"]+)"', first + second))
    assert used == set(re.findall(r"^\.(c\d+) ", rules, re.MULTILINE))
