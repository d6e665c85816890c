"""The columns of the library's tables: what each shows of a Collection's records."""

from __future__ import annotations

from reader.core.render.collection_roles import roles_text
from reader.core.render.evidence import DOUBTFUL
from reader.core.render.palette import STYLES
from reader.core.store.library import ArticleSummary
from reader.gui.article.models import shown_quote
from reader.gui.library.tables import Column


def kind_label(kind: str) -> str:
    style = STYLES.get(kind)  # type: ignore[call-overload]
    return style.label if style is not None else kind.title()


def _count(value: int) -> str:
    return str(value)


def _if_analysed(article: ArticleSummary, value: int) -> str:
    return str(value) if article.analysed else "–"


ARTICLE_COLUMNS = (
    Column("Title", lambda a: a.title, tooltip=lambda a: f"{a.title}\n{a.path}"),
    Column("Date", lambda a: a.date or "", sort=lambda a: a.date),
    Column("Source", lambda a: a.site or ""),
    Column(
        "People",
        lambda a: _if_analysed(a, a.people),
        lambda a: a.people,
        numeric=True,
    ),
    Column(
        "Quotes",
        lambda a: _if_analysed(a, a.quotes),
        lambda a: a.quotes,
        numeric=True,
    ),
)
# The collection's own article list adds how many doubtful quotes each article still holds
# (counted by `reader.core.render.doubtful_articles`; other article lists do not count them).
LIBRARY_ARTICLE_COLUMNS = (
    *ARTICLE_COLUMNS,
    Column(
        "Doubtful",
        lambda a: _if_analysed(a, a.doubtful),
        lambda a: a.doubtful,
        tooltip=lambda a: (
            "Doubtful quotes still to check: confidence under "
            f"{DOUBTFUL:.2f}, speaker not confirmed"
        ),
        numeric=True,
    ),
)
ENTITY_COLUMNS = (
    Column("Name", lambda e: e.name, tooltip=lambda e: f"{e.name} ({kind_label(e.kind)})"),
    Column("Kind", lambda e: kind_label(e.kind)),
    Column("Articles", lambda e: _count(e.articles), lambda e: e.articles, numeric=True),
    Column("Mentions", lambda e: _count(e.mentions), lambda e: e.mentions, numeric=True),
    Column("Quotes", lambda e: _count(e.quotes), lambda e: e.quotes, numeric=True),
    # Last, so that the sorting and widths the reader left for the columns above still hold.
    Column(
        "Role",
        lambda e: e.role,
        lambda e: e.role or None,  # entities with no role after the others
        tooltip=lambda e: roles_text(e.roles, "\n") or "No article states a role",
    ),
)
QUOTE_COLUMNS = (
    Column("Quote", lambda q: shown_quote(q.quote.text), lambda q: q.quote.text),
    Column("Article", lambda q: q.title, tooltip=lambda q: f"{q.title}\n{q.path}"),
    Column("Date", lambda q: q.date or "", sort=lambda q: q.date),
)
SEEN_WITH_COLUMNS = (
    Column("Seen with", lambda pair: pair[0].name, lambda pair: pair[0].name),
    Column("Kind", lambda pair: kind_label(pair[0].kind)),
    Column("Articles together", lambda pair: _count(pair[1]), lambda pair: pair[1], numeric=True),
)
# A hit's match shown in bold and always in view (reader.gui.library.match_cells), its
# paragraph beside it so that hits close together (a headline, the byline under it) read apart.
HIT_COLUMNS = (
    Column("Match", lambda h: h.snippet, tooltip=lambda h: h.snippet, marked=lambda h: h.marked),
    Column("Article", lambda h: h.title, tooltip=lambda h: f"{h.title}\n{h.path}"),
    Column(
        "Paragraph",
        lambda h: str(h.paragraph),
        lambda h: (h.path, h.start),  # the article's order, then the text's
        tooltip=lambda h: f"Paragraph {h.paragraph} of the article (blank lines not counted)",
        numeric=True,
    ),
    Column("In a quote", lambda h: "yes" if h.in_quote else "", lambda h: h.in_quote),
)
