"""The quote finder: a spaCy component that finds direct quotes and who said them.

Results live on the Doc: `doc.spans["quotes"]`, each span with extensions
`quote_fragments` (list of (start_char, end_char), marks excluded), `quote_speaker`
(the local Span naming the speaker, possibly a pronoun, or None), `quote_speaker_ref`
(the Span of the name that speaker refers to, or None) and `quote_cue` (Span or None).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from reader.core.model import Mention, Quote

COMPONENT_NAME = "reader_quotes"
SPANS_KEY = "quotes"

for _name in ("quote_fragments", "quote_speaker", "quote_speaker_ref", "quote_cue"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)


@Language.factory(COMPONENT_NAME)
def make_quote_finder(nlp: Language, name: str) -> QuoteFinder:
    return QuoteFinder()


class QuoteFinder:
    """Finds quotes and their speakers (placeholder until the quote issue lands)."""

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[SPANS_KEY] = []
        return doc


def quotes_from_doc(doc: Doc, mentions: tuple[Mention, ...]) -> tuple[Quote, ...]:
    """Turn the component's spans into plain Quotes whose speakers carry entity keys."""
    return ()
