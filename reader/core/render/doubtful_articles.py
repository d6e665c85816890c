"""The Library's doubtful counts (issue 22): how many doubtful quotes each article and the
whole collection still hold, corrections applied, so a reader sees where speakers are left to
check. Counted by the store (`reader.core.store.doubtful`) with the window's own threshold,
`evidence.DOUBTFUL`, so the Library and the quote panel never disagree on what is doubtful.
"""

from __future__ import annotations

import dataclasses
import weakref
from collections.abc import Iterable

from reader.core.render.evidence import DOUBTFUL
from reader.core.store.doubtful import doubtful_counts
from reader.core.store.library import ArticleSummary, Collection

# Collection -> (the store's version when counted, the articles with their counts): the list
# is refreshed while a collection is analysed, and is counted again only after a write.
_counted: weakref.WeakKeyDictionary[
    Collection, tuple[tuple[int, int], tuple[ArticleSummary, ...]]
] = weakref.WeakKeyDictionary()


def articles_with_doubtful(collection: Collection) -> tuple[ArticleSummary, ...]:
    """`collection.articles()`, each analysed one with its `doubtful` count."""
    version = collection.store.version()
    kept = _counted.get(collection)
    if kept is not None and kept[0] == version:
        return kept[1]
    articles = collection.articles()
    hashes = [a.content_hash for a in articles if a.analysed and a.content_hash]
    counts = doubtful_counts(collection.store, hashes, collection.model, DOUBTFUL)
    counted = tuple(
        dataclasses.replace(a, doubtful=counts[a.content_hash])
        if a.analysed and a.content_hash in counts
        else a
        for a in articles
    )
    _counted[collection] = (version, counted)
    return counted


def doubtful_in(articles: Iterable[ArticleSummary]) -> int:
    """How many doubtful quotes the collection still holds: each text once, as the
    collection counts a text listed under two paths as one article."""
    return sum({a.content_hash: a.doubtful for a in articles if a.analysed}.values())
