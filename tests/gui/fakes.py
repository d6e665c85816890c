"""A stand-in for spaCy's analysis, light enough for the spaCy child process to import."""

from __future__ import annotations

import re
from typing import Any

from reader.core.model import Analysis, Kind, Mention, Quote, Speaker
from reader.core.text.article import Article

# surface form -> (kind, key, name); longest forms are matched first
NAMES = {
    "Rex Tillerson": (Kind.PERSON, "person:rex-tillerson", "Rex Tillerson"),
    "Tillerson": (Kind.PERSON, "person:rex-tillerson", "Rex Tillerson"),
    "Sergei Lavrov": (Kind.PERSON, "person:sergei-lavrov", "Sergei Lavrov"),
    "Lavrov": (Kind.PERSON, "person:sergei-lavrov", "Sergei Lavrov"),
    "Russia": (Kind.COUNTRY, "country:russia", "Russia"),
    "Moscow": (Kind.COUNTRY, "country:russia", "Russia"),
    "Congress": (Kind.ORG, "org:congress", "Congress"),
}
_NAME_PATTERN = re.compile("|".join(sorted(map(re.escape, NAMES), key=len, reverse=True)))
_QUOTE_PATTERN = re.compile(r"“([^”]+)”")


def fake_analyze(article: Article, nlp: Any, **_options: Any) -> Analysis:
    """A stand-in for spaCy: known names by pattern, quotes between curly marks.

    A quote is Tillerson's when his name follows it within 40 characters. Takes (and ignores)
    the worker's `on_progress` and `should_stop`, as one chunk would.
    """
    text = article.text
    mentions = tuple(
        Mention(m.start(), m.end(), m.group(), *NAMES[m.group()])
        for m in _NAME_PATTERN.finditer(text)
    )
    quotes = []
    for match in _QUOTE_PATTERN.finditer(text):
        after = text[match.end() : match.end() + 40]
        speaker = None
        if (found := after.find("Tillerson")) >= 0:
            start = match.end() + found
            speaker = Speaker(
                start, start + 9, "Tillerson", "Rex Tillerson", "person:rex-tillerson"
            )
        quotes.append(
            Quote(
                match.start(1),
                match.end(1),
                match.group(1),
                ((match.start(1), match.end(1)),),
                speaker,
            )
        )
    return Analysis(article=article, model="fake 1.0", mentions=mentions, quotes=tuple(quotes))
