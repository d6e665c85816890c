"""The spaCy component: finds the quotes of a Doc and puts them in `doc.spans["quotes"]`.

Its stages, in the order they run, are `steps.STAGES`. It reads only the Doc it is given
(whole, or joined from chunks with `Doc.from_docs`): its text, tokens and, when the pipeline
has them, its parse and entities.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from reader.core.analysis.quotes.steps import find_quotes

COMPONENT_NAME = "reader_quotes"
SPANS_KEY = "quotes"

for _name in (
    "quote_fragments",
    "quote_speaker",
    "quote_speaker_ref",
    "quote_speaker_person",
    "quote_cue",
    "quote_evidence",
):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)


@Language.factory(
    COMPONENT_NAME,
    default_config={"doubled_apostrophes": False},
)
def make_quote_finder(nlp: Language, name: str, doubled_apostrophes: bool) -> QuoteFinder:
    return QuoteFinder(doubled_apostrophes=doubled_apostrophes)


class QuoteFinder:
    """Finds direct quotes and their speakers, see the package docstring.

    `doubled_apostrophes` also reads '' as a quotation mark, as some newspaper archives print
    quotes. It is off by default: the evaluation data does not count such stretches as quotes.
    """

    def __init__(self, *, doubled_apostrophes: bool = False) -> None:
        self.doubled_apostrophes = doubled_apostrophes

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[SPANS_KEY] = find_quotes(doc, self.doubled_apostrophes)
        return doc
