"""The spaCy component: finds the quotes of a Doc and puts them in `doc.spans["quotes"]`.

It reads only the Doc it is given (whole, or joined from chunks with `Doc.from_docs`): its
text, tokens and, when the pipeline has them, its parse and entities.
"""

from __future__ import annotations

import bisect
from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc, Span

from reader.core.analysis.quotes.attribution import attribute
from reader.core.analysis.quotes.context import Fragment, Group, QuotedDoc
from reader.core.analysis.quotes.grouping import attributed_groups, groups_by_run, headline_groups
from reader.core.analysis.quotes.layouts import find_transcript_runs
from reader.core.analysis.quotes.marks import (
    find_quoted_runs,
    find_single_mark_runs,
    is_heading,
    opens_paragraph,
    paragraphs,
)
from reader.core.analysis.quotes.not_quotes import is_nickname, is_not_a_quote
from reader.core.analysis.quotes.resolution import article_names, speaker_ref

COMPONENT_NAME = "reader_quotes"
SPANS_KEY = "quotes"

for _name in ("quote_fragments", "quote_speaker", "quote_speaker_ref", "quote_cue"):
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
        text = doc.text
        fragments = self._fragments(doc, text)
        if doc.has_annotation("DEP"):
            qdoc = QuotedDoc(doc, text, fragments)
            groups, quoted = _attributed_groups(doc, text, fragments, qdoc), qdoc.quoted
        else:  # no parser in the pipeline: quotes without speakers
            groups, quoted = groups_by_run(fragments), []
        doc.spans[SPANS_KEY] = _quote_spans(doc, groups, quoted)
        return doc

    def _fragments(self, doc: Doc, text: str) -> list[Fragment]:
        """The quoted stretches with their tokens, run and paragraph, in text order."""
        paragraph_starts = [start for start, _ in paragraphs(text)]
        fragments = []
        runs = find_quoted_runs(text, doubled_apostrophes=self.doubled_apostrophes)
        more = find_single_mark_runs(text, runs) + find_transcript_runs(text)
        if more:
            runs = sorted(runs + more, key=lambda run: run.fragments[0][0])
        title_end = _heading_end(text)
        for run_index, run in enumerate(runs):
            if run.fragments[0][0] < title_end:
                continue  # a phrase in marks in the title: nobody said it there
            if not run.closed and opens_paragraph(text, run.fragments[0][0]):
                continue  # a block-quote marker, as some sites put before excerpts
            if len(run.fragments) == 1 and is_nickname(doc, text, *run.fragments[0]):
                continue
            for start, end in run.fragments:
                tokens = doc.char_span(start, end, alignment_mode="expand")
                if tokens is None or len(tokens) == 0:
                    continue
                paragraph = bisect.bisect_right(paragraph_starts, start)
                fragments.append(
                    Fragment(
                        start,
                        end,
                        tokens,
                        run_index,
                        paragraph,
                        starts_paragraph=opens_paragraph(text, start),
                        ends_with_full_stop=text[end - 1] == ".",
                    )
                )
        return fragments


def _heading_end(text: str) -> int:
    """The end of the text's first line when it reads as a title, else 0."""
    end = text.find("\n")
    end = len(text) if end < 0 else end
    return end if is_heading(text[:end]) else 0


def _attributed_groups(
    doc: Doc, text: str, fragments: list[Fragment], qdoc: QuotedDoc
) -> list[Group]:
    """The quotes with their cues and speakers: names and terms in marks left out (before
    grouping, so a title never joins the quote next to it), headline quotes added."""
    fragments_of_run = Counter(fragment.run for fragment in fragments)
    for fragment in fragments:
        attribute(qdoc, fragment)
    quotes = [
        fragment
        for fragment in fragments
        if not is_not_a_quote(qdoc, fragment, fragments_of_run[fragment.run] == 1)
    ]
    groups = attributed_groups(quotes, qdoc)
    return groups + headline_groups(doc, text, groups)


def _quote_spans(doc: Doc, groups: list[Group], quoted: list[bool]) -> list[Span]:
    """A span per quote in text order, with the extensions the package docstring lists."""
    spans = []
    names = None  # gathered only when some quote has a speaker
    for group in sorted(groups, key=lambda g: g.fragments[0].start):
        first, last = group.fragments[0], group.fragments[-1]
        span = doc.char_span(first.start, last.end, alignment_mode="expand")
        if span is None:
            continue
        span._.quote_fragments = [(f.start, f.end) for f in group.fragments]
        span._.quote_cue = group.cue
        span._.quote_speaker = group.speaker
        if group.speaker is not None:
            if names is None:
                names = article_names(doc, quoted)
            span._.quote_speaker_ref = speaker_ref(group.speaker, quoted, names)
        spans.append(span)
    return spans
