"""Analysing an Article: one spaCy pass, then plain data."""

from __future__ import annotations

from spacy.language import Language

from reader.core.article import Article
from reader.core.entities import mentions_from_doc
from reader.core.model import Analysis
from reader.core.pipeline import model_label
from reader.core.quotes import quotes_from_doc


def analyze(article: Article, nlp: Language) -> Analysis:
    doc = nlp(article.text)
    mentions = mentions_from_doc(doc)
    return Analysis(
        article=article,
        model=model_label(nlp),
        mentions=mentions,
        quotes=quotes_from_doc(doc, mentions),
    )
