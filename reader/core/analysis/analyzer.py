"""Analysing an Article at any length: spaCy over chunks, then the document-wide steps once.

spaCy reads the analysis copy of the text (`normalize`: hard wraps and invisible
characters seen through; `defuse`: runs the tokenizer is quadratic on broken up);
every offset is mapped back into `article.text`. A copy up to `max_chunk_chars` is one
`nlp(text)`, exactly as it always was. A longer one is cut at paragraph boundaries
(`chunking`), the chunks go through `nlp.pipe` with the quote finder off, and are
joined into one Doc with the same text (`joined_doc`). The quote finder and the
entity step then run over that Doc, so the document-wide decisions (one key per real entity,
kinds settled with the whole text in view, pronoun antecedents across a chunk boundary, a quote
running over several paragraphs) are taken as if the text had been one Doc, and nothing depends
on spaCy's `max_length`. The model's own tags, parse and entity labels are per chunk: near a
cut its context window ends at the paragraph break instead of reaching the next paragraph.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc

from reader.core.analysis.chunking import MAX_CHUNK_CHARS, chunk_bounds
from reader.core.analysis.defuse import break_long_runs
from reader.core.analysis.entities import mentions_from_doc
from reader.core.analysis.joined_doc import ChunkColumns, JoinedDoc, chunk_columns
from reader.core.analysis.normalize import AnalysisText, analysis_text
from reader.core.analysis.pipeline import model_label
from reader.core.analysis.quotes import COMPONENT_NAME as QUOTES_COMPONENT
from reader.core.analysis.quotes import FRAGMENT_JOINER, quotes_from_doc
from reader.core.model import Analysis, Mention, Passage, Quote, Role
from reader.core.text.article import Article

# Below this many chunks a second process costs more to start and feed than it saves.
_MIN_CHUNKS_PER_PROCESS = 2


class AnalysisCancelled(Exception):  # noqa: N818 (the name the window builds on)
    """`should_stop` asked `analyze` to stop; nothing of the analysis is kept."""


@dataclass(frozen=True, slots=True)
class Progress:
    """How far `analyze` is, reported after each chunk.

    `done` and `total` count characters of `article.text`; [`start`, `end`) is the chunk just
    finished, in characters into `article.text`; `mentions` are the preliminary mentions inside
    it (the entity step on that chunk alone, so their keys and kinds may still change when the
    whole text is in view), with offsets into `article.text`.
    """

    done: int
    total: int
    start: int
    end: int
    mentions: tuple[Mention, ...]


def analyze(
    article: Article,
    nlp: Language,
    *,
    on_progress: Callable[[Progress], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
    max_chunk_chars: int = MAX_CHUNK_CHARS,
    n_process: int = 1,
    worker_setup: Callable[[], None] | None = None,
) -> Analysis:
    """The mentions and quotes of `article`, offsets into `article.text`.

    `nlp` is a pipeline prepared by `pipeline.prepare`. No spaCy Doc is made longer
    than `max_chunk_chars` characters. `on_progress` is called after every chunk (preliminary
    mentions are only computed when it is given); `should_stop` is asked before every chunk and
    `AnalysisCancelled` raised when it returns True. `n_process` > 1 parses the chunks of a long
    text in that many forked worker processes, each calling `worker_setup` first (the window's
    child arms its parent-death watch there); a text of fewer chunks than two per process is
    parsed here. Raises what spaCy raises for a broken pipeline; text of any length is fine.
    """
    copy = analysis_text(article.text, article.blocks)
    text = break_long_runs(copy.text)
    back = _OffsetsBack(copy, article.text) if text != article.text else None
    report = on_progress
    if on_progress is not None and back is not None:

        def report(progress: Progress) -> None:
            on_progress(back.progress(progress))

    doc = _parsed(
        text, nlp, report, should_stop, max_chunk_chars, _Workers(n_process, worker_setup)
    )
    mentions = mentions_from_doc(doc, text)
    quotes = quotes_from_doc(doc, mentions)
    if back is not None:
        mentions = tuple(back.mention(m) for m in mentions)
        quotes = tuple(back.quote(q) for q in quotes)
    return Analysis(article=article, model=model_label(nlp), mentions=mentions, quotes=quotes)


@dataclass(frozen=True, slots=True)
class _Workers:
    """How many processes parse a long text's chunks, and what each forked one does first."""

    count: int = 1
    setup: Callable[[], None] | None = None


def _parsed(
    text: str,
    nlp: Language,
    on_progress: Callable[[Progress], None] | None,
    should_stop: Callable[[], bool] | None,
    max_chunk_chars: int,
    workers: _Workers,
) -> Doc:
    """One Doc over all of `text` with every component's annotations, built chunk by chunk."""
    bounds = chunk_bounds(text, max_chunk_chars)
    if should_stop is not None and should_stop():
        raise AnalysisCancelled
    if len(bounds) == 1:
        doc = nlp(text)
        if on_progress is not None:
            on_progress(Progress(len(text), len(text), 0, len(text), mentions_from_doc(doc)))
        return doc
    if len(bounds) < _MIN_CHUNKS_PER_PROCESS * workers.count:
        workers = _Workers()
    joined = JoinedDoc(nlp.vocab)
    tasks = [(text[s:e], s if on_progress is not None else None) for s, e in bounds]
    with _chunk_columns(nlp, tasks, workers) as chunks:
        for (start, end), (columns, mentions) in zip(bounds, chunks, strict=True):
            joined.add_columns(columns)
            del columns  # no longer needed while the joined one is built
            if on_progress is not None:
                on_progress(Progress(end, len(text), start, end, mentions))
            if should_stop is not None and should_stop() and end < len(text):
                raise AnalysisCancelled
    doc = joined.doc(text)
    return nlp.get_pipe(QUOTES_COMPONENT)(doc)


# A chunk to parse: its text, and its start in the whole text when its preliminary mentions are
# wanted (None: they are not).
_Task = tuple[str, int | None]
# A parsed chunk: its columns (`joined_doc.chunk_columns`) and its preliminary mentions (offsets
# into the whole text) or ().
_Parsed = tuple[ChunkColumns, tuple[Mention, ...]]


@contextmanager
def _chunk_columns(
    nlp: Language, tasks: list[_Task], workers: _Workers
) -> Iterator[Iterator[_Parsed]]:
    """The chunks parsed in order, the quote finder off, each as the columns the joined Doc
    takes.

    With `workers.count` > 1 the chunks are parsed in that many forked worker processes, which
    inherit the loaded pipeline and send each chunk back as its columns with their strings and
    its preliminary mentions, so that the parent's share of the work per chunk is only to code
    the columns (no Doc is rebuilt from bytes for its columns to be read out again). spaCy's
    own `nlp.pipe(n_process=...)` is not used: when its consumer stops early (a cancelled
    analysis) a worker blocks writing a Doc nobody reads and the parent waits for it forever.
    A pool is terminated on leaving this block, however it is left. Where processes cannot be
    forked, the chunks are parsed here.
    """
    if workers.count > 1 and "fork" in multiprocessing.get_all_start_methods():
        global _FORKED_NLP  # what the forked workers inherit
        _FORKED_NLP = nlp
        context = multiprocessing.get_context("fork")
        pool = context.Pool(workers.count, initializer=workers.setup)
        try:
            yield pool.imap(_parse_in_worker, tasks, chunksize=1)
        finally:
            pool.terminate()
            pool.join()
            _FORKED_NLP = None
        return
    with nlp.select_pipes(disable=[QUOTES_COMPONENT]):
        docs = nlp.pipe((chunk for chunk, _start in tasks), batch_size=1)
        yield (
            (chunk_columns(doc, with_strings=False), _preliminary(doc, start))
            for doc, (_text, start) in zip(docs, tasks, strict=True)
        )


_FORKED_NLP: Language | None = None


def _parse_in_worker(task: _Task) -> _Parsed:
    """In a forked worker: one chunk through the inherited pipeline, as its columns and their
    strings for the parent, with its preliminary mentions."""
    nlp = _FORKED_NLP
    with nlp.select_pipes(disable=[QUOTES_COMPONENT]):
        doc = nlp(task[0])
    return chunk_columns(doc), _preliminary(doc, task[1])


def _preliminary(chunk: Doc, offset: int | None) -> tuple[Mention, ...]:
    """The entity step's mentions of one chunk, moved to offsets into the whole text; none
    when `offset` is None (nobody wants them)."""
    if offset is None:
        return ()
    return tuple(
        replace(m, start=m.start + offset, end=m.end + offset, role=_shifted_role(m.role, offset))
        for m in mentions_from_doc(chunk)
    )


def _shifted_role(role: Role | None, offset: int) -> Role | None:
    if role is None:
        return None
    return replace(role, start=role.start + offset, end=role.end + offset)


class _OffsetsBack:
    """Moves what was found in the analysis copy of the text (`normalize`, then
    `defuse`, which keeps lengths) back to offsets and text of the article's text.
    O(log k) per offset, k the number of places where the copy dropped characters."""

    def __init__(self, copy: AnalysisText, article_text: str) -> None:
        self._copy = copy
        self._text = article_text

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self._copy.span_to_article(start, end)

    def mention(self, mention: Mention) -> Mention:
        start, end = self.span(mention.start, mention.end)
        role = mention.role
        if role is not None:
            role_start, role_end = self.span(role.start, role.end)
            role = replace(
                role, start=role_start, end=role_end, text=self._text[role_start:role_end]
            )
        return replace(mention, start=start, end=end, text=self._text[start:end], role=role)

    def quote(self, quote: Quote) -> Quote:
        fragments = tuple(self.span(s, e) for s, e in quote.fragments)
        speaker, cue = quote.speaker, quote.cue
        if speaker is not None:
            start, end = self.span(speaker.start, speaker.end)
            speaker = replace(speaker, start=start, end=end, text=self._text[start:end])
        if cue is not None:
            start, end = self.span(cue.start, cue.end)
            cue = replace(cue, start=start, end=end, text=self._text[start:end])
        evidence = quote.evidence
        if evidence is not None:
            antecedent, relay = self.passage(evidence.antecedent), self.passage(evidence.relay)
            evidence = replace(evidence, antecedent=antecedent, relay=relay)
        return replace(
            quote,
            start=fragments[0][0],
            end=fragments[-1][1],
            text=FRAGMENT_JOINER.join(self._text[s:e] for s, e in fragments),
            fragments=fragments,
            speaker=speaker,
            cue=cue,
            evidence=evidence,
        )

    def passage(self, passage: Passage | None) -> Passage | None:
        if passage is None:
            return None
        start, end = self.span(passage.start, passage.end)
        return Passage(start, end, self._text[start:end])

    def progress(self, progress: Progress) -> Progress:
        start, end = self.span(progress.start, progress.end)
        if progress.done == progress.total:  # characters dropped at the very end count too
            end = len(self._text)
        return Progress(
            done=end,
            total=len(self._text),
            start=start,
            end=end,
            mentions=tuple(self.mention(m) for m in progress.mentions),
        )
