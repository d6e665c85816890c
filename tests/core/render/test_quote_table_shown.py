"""The quotes CSV reads as the window shows each quote (on one line, without the comma that
ends it where the sentence goes on), its `start` and `end` still the quoted characters' span in
the article's text; one article's CSV has no collection-only columns."""

from __future__ import annotations

import csv
from pathlib import Path

from reader.core.model import Analysis, Kind, Mention, Quote, Speaker
from reader.core.render.quote_table import (
    ARTICLE_COLUMNS,
    QUOTE_COLUMNS,
    export_analysis_quotes,
    export_collection_quotes,
    quote_words,
    shown_quote,
)
from reader.core.store.database import Store
from reader.core.store.library import Collection
from reader.core.text.article import Article, ArticleMeta
from tests.core.library_articles import MODEL, write_article

TEXT = (
    "Port strike talks\n"
    "“We are ready to talk,” said Mira Holt of the dockers' union.\n"
    "“The cranes stay still\nuntil Friday.” Holt added.\n"
)


def _analysis(path: Path) -> Analysis:
    holt = TEXT.index("Mira Holt")
    mention = Mention(holt, holt + 9, "Mira Holt", Kind.PERSON, "person:mira-holt", "Mira Holt")
    speaker = Speaker(holt, holt + 9, "Mira Holt", "Mira Holt", "person:mira-holt")
    quotes = []
    for opening in (TEXT.index("“We"), TEXT.index("“The")):
        start, end = opening + 1, TEXT.index("”", opening)
        quotes.append(Quote(start, end, TEXT[start:end], ((start, end),), speaker))
    article = Article("Port strike talks", TEXT, (), path, ArticleMeta(date="2025-04-02"))
    return Analysis(article, MODEL, (mention,), tuple(quotes))


def _csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        reader = csv.DictReader(stream)
        return list(reader.fieldnames or ()), list(reader)


def test_the_window_and_the_csv_show_a_quote_alike():
    assert quote_words("We are ready to talk,") == "We are ready to talk"
    assert (
        quote_words(" The cranes stay still\nuntil Friday. ")
        == "The cranes stay still until Friday."
    )
    assert shown_quote("We are ready to talk,") == "“We are ready to talk”"


def test_one_article_s_csv_shows_the_quote_as_the_window_and_keeps_its_span(tmp_path):
    analysis = _analysis(write_article(tmp_path, "strike.txt", TEXT))
    out = tmp_path / "quotes.csv"
    assert export_analysis_quotes(analysis, out) == 2
    header, rows = _csv(out)

    assert [r["quote"] for r in rows] == [
        "We are ready to talk",  # was: "We are ready to talk,"
        "The cranes stay still until Friday.",
    ]
    spans = [TEXT[int(r["start"]) : int(r["end"])] for r in rows]
    assert spans == ["We are ready to talk,", "The cranes stay still\nuntil Friday."]
    # Columns only a collection or a run fills are not in one article's table (were empty).
    assert header == list(ARTICLE_COLUMNS)
    assert "speaker_collection_key" not in header and "group" not in header
    assert [r["speaker"] for r in rows] == ["Mira Holt", "Mira Holt"]


def test_the_collection_s_csv_shows_the_quote_as_the_window_too(tmp_path):
    analysis = _analysis(write_article(tmp_path / "news", "strike.txt", TEXT))
    with Store.open(tmp_path / "s.sqlite3") as store:
        store.save_analysis(analysis)
        collection = Collection(store, [analysis.article.path], MODEL)
        out = tmp_path / "quotes.csv"
        assert export_collection_quotes(collection, out) == 2
    header, rows = _csv(out)
    assert header == list(QUOTE_COLUMNS)
    assert rows[0]["quote"] == "We are ready to talk"
    assert all(r["speaker_collection_key"] and r["group"] for r in rows)
