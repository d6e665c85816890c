"""Small invented articles and a tiny saved pipeline for the store, library and batch tests."""

from __future__ import annotations

import re
from pathlib import Path

import spacy

from reader.core.model import Analysis, Kind, Mention, Quote, Speaker
from reader.core.text.article import Article, ArticleMeta

MODEL = "test-pipeline 1.0"

# surface form -> (kind, key, name)
ENTITIES = {
    "Ada Lovelace": (Kind.PERSON, "person:ada-lovelace", "Ada Lovelace"),
    "Lovelace": (Kind.PERSON, "person:ada-lovelace", "Ada Lovelace"),
    "Tom Baker": (Kind.PERSON, "person:tom-baker", "Tom Baker"),
    "Baker": (Kind.PERSON, "person:tom-baker", "Tom Baker"),
    "Jordan": (Kind.COUNTRY, "country:jo", "Jordan"),
    "France": (Kind.COUNTRY, "country:fr", "France"),
    "Acme": (Kind.ORG, "org:acme", "Acme"),
}
_PATTERN = re.compile("|".join(sorted(map(re.escape, ENTITIES), key=len, reverse=True)))


def fake_analysis(
    text: str,
    path: Path | None = None,
    date: str | None = None,
    speakers: dict[str, str] | None = None,
) -> Analysis:
    """Mentions of the ENTITIES forms; a quote for every “…” stretch, whose speaker is the
    entity named by `speakers[quoted text]` (its first mention), else none."""
    mentions = []
    for match in _PATTERN.finditer(text):
        kind, key, name = ENTITIES[match.group()]
        mentions.append(Mention(match.start(), match.end(), match.group(), kind, key, name))
    quotes = []
    for match in re.finditer("“([^”]+)”", text):
        start, end = match.span(1)
        speaker = None
        named = (speakers or {}).get(match.group(1))
        if named is not None:
            m = next(m for m in mentions if m.key == named)
            speaker = Speaker(m.start, m.end, m.text, m.name, m.key)
        quotes.append(Quote(start, end, match.group(1), ((start, end),), speaker))
    article = Article(
        title=text.split("\n", 1)[0], text=text, blocks=(), path=path, meta=ArticleMeta(date=date)
    )
    return Analysis(article, MODEL, tuple(mentions), tuple(quotes))


def write_article(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


def save_tiny_pipeline(folder: Path) -> Path:
    """A blank English pipeline with a sentencizer and an entity ruler for the ENTITIES forms,
    saved so that `load_pipeline(str(folder))` loads it (fast; no model needed)."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler")
    labels = {Kind.PERSON: "PERSON", Kind.COUNTRY: "GPE", Kind.ORG: "ORG"}
    ruler.add_patterns(
        [{"label": labels[kind], "pattern": form} for form, (kind, _, _) in ENTITIES.items()]
    )
    nlp.to_disk(folder)
    return folder
