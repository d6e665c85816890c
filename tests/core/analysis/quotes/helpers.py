"""Running the quote finder on a written article: each quote's text and speaker."""

from spacy.language import Language

from reader.core.analysis.entities import mentions_from_doc
from reader.core.analysis.quotes import quotes_from_doc
from reader.core.model import Quote


def quotes_of(nlp: Language, text: str) -> tuple[Quote, ...]:
    doc = nlp(text)
    return quotes_from_doc(doc, mentions_from_doc(doc))


def said(nlp: Language, text: str) -> dict[str, str | None]:
    """Each quote's text, mapped to its speaker's local mention (or None)."""
    return {q.text: (q.speaker.text if q.speaker else None) for q in quotes_of(nlp, text)}
