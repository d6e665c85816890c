"""The speaker column of the quotes CSV names each speaker as the entity list does: the
article's name for the speaker's entity (one article), the collection's name for its
collection key (the Library, a `reader quotes` run), never the short form one quote's nearby
mention happens to use ("Ribeiro" in one row, "Ana Ribeiro" in the next)."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from reader import commands
from reader.core.model import Analysis, Kind, Mention, Quote, Speaker
from reader.core.render.quote_table import export_analysis_quotes, export_collection_quotes
from reader.core.service.batch import BatchResult
from reader.core.store.database import Store
from reader.core.store.library import Collection
from reader.core.text.article import Article, ArticleMeta
from tests.cli_run import run_main
from tests.core.library_articles import MODEL, write_article

# The first article names her in full, the second only by surname, as a follow-up does.
FULL = (
    "Harbour vote put off\nAna Ribeiro chairs the harbour board.\n"
    "“We need more time,” Ribeiro said.\n"
)
SHORT = "Board meets again\n“The vote is next month,” Ribeiro said.\n"


def _analysis(text: str, path: Path | None, names: dict[str, tuple[str, str]]) -> Analysis:
    """Person mentions of each form in `names` (form -> (key, name)); a quote for each “…”,
    said by the mention right after it, named (as the quote finder names it) after that
    mention's own entity name."""
    pattern = re.compile("|".join(sorted(map(re.escape, names), key=len, reverse=True)))
    mentions = tuple(
        Mention(m.start(), m.end(), m.group(), Kind.PERSON, *names[m.group()])
        for m in (pattern.finditer(text) if names else ())
    )
    quotes = []
    for match in re.finditer("“([^”]+)”", text):
        start, end = match.span(1)
        said = next((m for m in mentions if m.start > end), None)
        speaker = Speaker(said.start, said.end, said.text, said.name, said.key) if said else None
        quotes.append(Quote(start, end, match.group(1), ((start, end),), speaker))
    article = Article(text.split("\n", 1)[0], text, (), path, ArticleMeta(date="2025-03-14"))
    return Analysis(article, MODEL, mentions, tuple(quotes))


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))


def test_one_article_s_csv_names_the_speaker_as_its_entity_list_does(tmp_path):
    text = (
        "Harbour board\nAna Ribeiro chairs the board.\n"
        "“We wait,” ANA RIBEIRO said. “We vote in May,” Ana Ribeiro said.\n"
        "“No comment,” Rui Lopes said. “Later,” said a clerk.\n"
    )
    ribeiro = "person:ana-ribeiro"
    analysis = _analysis(
        text,
        tmp_path / "board.txt",
        {  # one entity written two ways (the same slug, so the same key), and another
            "Ana Ribeiro": (ribeiro, "Ana Ribeiro"),
            "ANA RIBEIRO": (ribeiro, "ANA RIBEIRO"),
            "Rui Lopes": ("person:rui-lopes", "Rui Lopes"),
        },
    )
    assert {e.key: e.name for e in analysis.entities}[ribeiro] == "Ana Ribeiro"
    assert [q.speaker.name for q in analysis.quotes[:2]] == ["ANA RIBEIRO", "Ana Ribeiro"]

    out = tmp_path / "quotes.csv"
    assert export_analysis_quotes(analysis, out) == 4
    rows = _csv(out)

    assert [r["speaker"] for r in rows] == ["Ana Ribeiro", "Ana Ribeiro", "Rui Lopes", ""]
    assert [r["speaker_key"] for r in rows] == [ribeiro, ribeiro, "person:rui-lopes", ""]


def test_a_speaker_the_entity_list_does_not_hold_keeps_the_name_the_finder_gave(tmp_path):
    text = "Ferry news\n“The ferry is late,” a spokesman said.\n"
    mention_free = _analysis(text, tmp_path / "f.txt", {})
    start, end = text.index("a spokesman"), text.index(" said.")
    for speaker, name in (
        (Speaker(start, end, "a spokesman", "a spokesman", None), "a spokesman"),
        (Speaker(start, end, "a spokesman", "Rosa Faria", "person:rosa-faria"), "Rosa Faria"),
    ):
        quote = replace(mention_free.quotes[0], speaker=speaker)
        out = tmp_path / "q.csv"
        export_analysis_quotes(replace(mention_free, quotes=(quote,)), out)
        assert _csv(out)[0]["speaker"] == name


def _run_analyses(folder: Path) -> list[Analysis]:
    full = _analysis(
        FULL,
        write_article(folder, "a.txt", FULL),
        {
            "Ana Ribeiro": ("person:ana-ribeiro", "Ana Ribeiro"),
            "Ribeiro": ("person:ana-ribeiro", "Ana Ribeiro"),
        },
    )
    short = _analysis(
        SHORT, write_article(folder, "b.txt", SHORT), {"Ribeiro": ("person:ribeiro", "Ribeiro")}
    )
    return [full, short]


def test_the_library_csv_names_a_speaker_by_the_collection_s_name(tmp_path):
    analyses = _run_analyses(tmp_path / "news")
    with Store.open(tmp_path / "s.sqlite3") as store:
        for analysis in analyses:
            store.save_analysis(analysis)
        collection = Collection(store, [a.article.path for a in analyses], MODEL)
        listed = {e.key: e.name for e in collection.entities()}
        out = tmp_path / "quotes.csv"
        assert export_collection_quotes(collection, out) == 2
    rows = _csv(out)

    assert listed == {"person:ana-ribeiro": "Ana Ribeiro"}  # the short form joined her
    assert [(r["speaker_key"], r["speaker_collection_key"]) for r in rows] == [
        ("person:ana-ribeiro", "person:ana-ribeiro"),
        ("person:ribeiro", "person:ana-ribeiro"),
    ]
    assert [r["speaker"] for r in rows] == ["Ana Ribeiro", "Ana Ribeiro"]


@pytest.mark.parametrize("table", ["csv", "jsonl"])
def test_reader_quotes_names_a_speaker_by_the_run_s_name(tmp_path, capsys, monkeypatch, table):
    analyses = _run_analyses(tmp_path / "news")
    results = [BatchResult(a.article.path, a) for a in analyses]
    monkeypatch.setattr(commands, "_results", lambda args: iter(results))

    code, out, _err = run_main(capsys, "quotes", *(r.path for r in results), "--format", table)

    assert code == 0
    if table == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
    else:
        rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["speaker"], r["speaker_key"], r["speaker_collection_key"]) for r in rows] == [
        ("Ana Ribeiro", "person:ana-ribeiro", "person:ana-ribeiro"),
        ("Ana Ribeiro", "person:ribeiro", "person:ana-ribeiro"),
    ]
