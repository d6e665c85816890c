"""The quote finder's stages, in the order they run (`STAGES`), over one Doc's `Finding`.

`SKIPPED_RUNS` lists the quoted runs left out before attribution; the order in which a
fragment's cue is searched for is `attribution.CUE_SEARCHES`. Without a parser in the pipeline
the stages that need one pass, and each quoted run is a quote without speaker.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from reader.core.analysis.quotes.attribution import attribute
from reader.core.analysis.quotes.context import Fragment, Group, QuotedDoc
from reader.core.analysis.quotes.evidence import EvidenceIndex, found_evidence
from reader.core.analysis.quotes.grouping import attributed_groups, groups_by_run, headline_groups
from reader.core.analysis.quotes.layouts import find_transcript_runs
from reader.core.analysis.quotes.marks import (
    QuotedRun,
    find_quoted_runs,
    find_single_mark_runs,
    is_heading,
    opens_paragraph,
    paragraphs,
)
from reader.core.analysis.quotes.not_quotes import is_nickname, is_not_a_quote
from reader.core.analysis.quotes.resolution import (
    article_names,
    gender_agreement,
    missed_person,
    speaker_ref,
)


@dataclass
class Finding:
    """What the stages have found in one Doc so far."""

    doc: Doc
    text: str  # doc.text, built once
    doubled_apostrophes: bool  # '' read as a quotation mark too (see QuoteFinder)
    title_end: int = 0  # the end of the title line, 0 when the text opens with none
    runs: list[QuotedRun] = field(default_factory=list)
    fragments: list[Fragment] = field(default_factory=list)
    qdoc: QuotedDoc | None = None  # None: no parse to attribute with
    groups: list[Group] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)


def gather_runs(finding: Finding) -> None:
    """Runs in double marks, in single marks outside those, and a transcript's labelled
    paragraphs, in text order."""
    text = finding.text
    runs = find_quoted_runs(text, doubled_apostrophes=finding.doubled_apostrophes)
    more = find_single_mark_runs(text, runs) + find_transcript_runs(text)
    if more:
        runs = sorted(runs + more, key=lambda run: run.fragments[0][0])
    finding.runs = runs
    finding.title_end = _heading_end(text)


def _heading_end(text: str) -> int:
    """The end of the text's first line when it reads as a title, else 0."""
    end = text.find("\n")
    end = len(text) if end < 0 else end
    return end if is_heading(text[:end]) else 0


def _in_title(finding: Finding, run: QuotedRun) -> bool:
    """A phrase in marks in the title: nobody said it there."""
    return run.fragments[0][0] < finding.title_end


def _block_quote_marker(finding: Finding, run: QuotedRun) -> bool:
    """A mark opening a paragraph that never closes, as some sites put before excerpts."""
    return not run.closed and opens_paragraph(finding.text, run.fragments[0][0])


def _nickname(finding: Finding, run: QuotedRun) -> bool:
    """`Marcia “Cia” Price`: left out before attribution, so the name reaches its cue."""
    return len(run.fragments) == 1 and is_nickname(finding.doc, finding.text, *run.fragments[0])


# Quoted runs that are no quotes, told without a parse; the first that holds leaves a run out.
SKIPPED_RUNS: tuple[Callable[[Finding, QuotedRun], bool], ...] = (
    _in_title,
    _block_quote_marker,
    _nickname,
)


def cut_fragments(finding: Finding) -> None:
    """The kept runs' stretches with their tokens, run and paragraph, in text order."""
    doc, text = finding.doc, finding.text
    paragraph_starts = [start for start, _ in paragraphs(text)]
    fragments = []
    for run_index, run in enumerate(finding.runs):
        if any(skipped(finding, run) for skipped in SKIPPED_RUNS):
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
    finding.fragments = fragments


def attribute_fragments(finding: Finding) -> None:
    """Each fragment's cue and local speaker, from the parse (`attribution`)."""
    if not finding.doc.has_annotation("DEP"):
        return
    finding.qdoc = QuotedDoc(finding.doc, finding.text, finding.fragments)
    for fragment in finding.fragments:
        attribute(finding.qdoc, fragment)


def drop_not_quotes(finding: Finding) -> None:
    """Names, titles, terms and scare quotes in marks left out (`not_quotes`); it reads their
    cues, so after attribution, and before grouping, so a title never joins the quote next
    to it."""
    if finding.qdoc is None:
        return
    fragments_of_run = Counter(fragment.run for fragment in finding.fragments)
    finding.fragments = [
        fragment
        for fragment in finding.fragments
        if not is_not_a_quote(finding.qdoc, fragment, fragments_of_run[fragment.run] == 1)
    ]


def group_fragments(finding: Finding) -> None:
    """Fragments joined into quotes, speakers carried to cue-less ones (`grouping`); without
    a parse, one quote per run."""
    if finding.qdoc is None:
        finding.groups = groups_by_run(finding.fragments)
    else:
        finding.groups = attributed_groups(finding.fragments, finding.qdoc)


def add_headline_quotes(finding: Finding) -> None:
    """Headline quotes that repeat a body quote, with its speaker: after grouping, which
    gives the body quotes their speakers."""
    if finding.qdoc is not None:
        finding.groups = finding.groups + headline_groups(finding.doc, finding.text, finding.groups)


def resolve_speakers(finding: Finding) -> None:
    """A span per quote in text order, its speaker resolved to the name it stands for
    (`resolution`), with its evidence (`evidence`, once there is a parse) and the other
    extensions the package docstring lists."""
    doc, qdoc = finding.doc, finding.qdoc
    quoted = qdoc.quoted if qdoc is not None else []
    names = None  # gathered only when some quote has a speaker
    index = EvidenceIndex(qdoc) if qdoc is not None and finding.groups else None
    for group in sorted(finding.groups, key=lambda g: g.fragments[0].start):
        first, last = group.fragments[0], group.fragments[-1]
        span = doc.char_span(first.start, last.end, alignment_mode="expand")
        if span is None:
            continue
        span._.quote_fragments = [(f.start, f.end) for f in group.fragments]
        span._.quote_cue = group.cue
        span._.quote_speaker = group.speaker
        gender = 0
        if group.speaker is not None:
            if names is None:
                names = article_names(doc, quoted)
            span._.quote_speaker_ref = speaker_ref(group.speaker, quoted, names)
            gender = gender_agreement(group.speaker, span._.quote_speaker_ref, names)
            span._.quote_speaker_person = missed_person(span._.quote_speaker_ref, names)
        if qdoc is not None and index is not None:
            ref = span._.quote_speaker_ref
            genders = names.genders if names is not None else None
            span._.quote_evidence = found_evidence(qdoc, index, group, ref, gender, genders)
        finding.spans.append(span)


STAGES: tuple[Callable[[Finding], None], ...] = (
    # Marks paired on the raw text, no parse needed (`marks`, `layouts` for transcripts).
    gather_runs,
    # Title phrases, block-quote markers and nicknames out (SKIPPED_RUNS), before the parse is
    # read: a nickname left in would stop the search for the cue of the quote before it.
    cut_fragments,
    # A cue and a local speaker per fragment, before grouping, which joins fragments by cue.
    attribute_fragments,
    # Needs the cues; before grouping, so that a title never joins the quote next to it.
    drop_not_quotes,
    group_fragments,
    # Needs the body quotes' speakers, which grouping settles.
    add_headline_quotes,
    # Pronouns and descriptions resolved last, once per quote that keeps a speaker.
    resolve_speakers,
)


def find_quotes(doc: Doc, doubled_apostrophes: bool) -> list[Span]:
    """The quote spans of `doc`, after every stage of `STAGES`."""
    finding = Finding(doc, doc.text, doubled_apostrophes)
    for stage in STAGES:
        stage(finding)
    return finding.spans
