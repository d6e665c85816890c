"""analyze() at any length: chunks joined into one Doc, progress, cancelling.

The article is written for these tests. Tests named `..._real_model` load the English pipeline
once for the module; the others use `spacy.blank("en")` with Reader's components.
"""

import pytest
import spacy

from reader.core.analysis.analyzer import AnalysisCancelled, Progress, analyze
from reader.core.analysis.chunking import chunk_bounds
from reader.core.analysis.pipeline import load_pipeline, prepare
from reader.core.text.article import Article

ARTICLE = """Harbour talks stall as ministers trade blame

VALLETTA (Wire) - Talks on the future of the Grand Harbour stalled on Tuesday after Maltese and
Italian ministers failed to agree on who should pay for the new breakwater.

Maria Fenech, Malta's transport minister, told reporters the plan was "ready to sign today."
She said Italy had moved the goalposts twice in a week.

"We came here in good faith," Fenech said. "We leave with nothing but promises.

"The people of the islands deserve better than another summit that ends at midnight."

Giulio Ferraro, the Italian envoy, rejected the charge. "Rome has paid its share," Ferraro said,
adding that the European Commission would decide on the remaining funds.

The commission said in a statement that it would review the plan next month.

Fenech, who has led the talks since 2019, said she would meet Ferraro again in Brussels.
"I am not giving up," she said.

Ferraro later told Reuters that France and Spain had offered to mediate. He said he welcomed
the offer but that "nothing will be agreed until everything is agreed."

Port workers in Valletta staged a brief walkout on Wednesday. Their union leader, Joseph
Camilleri, said members were tired of waiting. "Every month of delay costs us jobs," Camilleri
said.

Fenech thanked the workers for their patience. "They have been more patient than any of us,"
she said.
"""


def whole_and_chunked(nlp, text: str, max_chunk_chars: int):
    article = Article(title="Harbour talks", text=text, blocks=())
    whole = analyze(article, nlp, max_chunk_chars=len(text) + 1)
    chunked = analyze(article, nlp, max_chunk_chars=max_chunk_chars)
    return whole, chunked


@pytest.fixture(scope="module")
def blank():
    return prepare(spacy.blank("en"))


@pytest.fixture(scope="module")
def real():
    return load_pipeline()


def test_chunked_analysis_matches_one_doc_on_a_blank_pipeline(blank):
    text = ARTICLE * 3
    assert len(chunk_bounds(text, 400)) > 10
    whole, chunked = whole_and_chunked(blank, text, 400)
    assert chunked.mentions == whole.mentions
    assert chunked.quotes == whole.quotes
    assert any(len(q.fragments) == 2 for q in chunked.quotes)  # over a paragraph break


def test_a_quote_running_over_paragraphs_in_two_chunks_stays_one_quote(blank):
    text = 'She said: "The first part goes on.\n\n"The second part ends here."\n\nDone.\n'
    cut = text.index('"The second')
    assert chunk_bounds(text, cut + 4)[0] == (0, cut)
    whole, chunked = whole_and_chunked(blank, text, cut + 4)
    assert [q.fragments for q in chunked.quotes] == [q.fragments for q in whole.quotes]
    assert len(chunked.quotes) == 1 and len(chunked.quotes[0].fragments) == 2


def test_progress_reports_each_chunk_in_order_up_to_the_whole_text(blank):
    text = ARTICLE * 2
    article = Article(title="t", text=text, blocks=())
    seen: list[Progress] = []
    analysis = analyze(article, blank, on_progress=seen.append, max_chunk_chars=500)
    bounds = chunk_bounds(text, 500)
    assert [(p.start, p.end) for p in seen] == bounds
    assert [p.done for p in seen] == [end for _, end in bounds]
    assert all(p.total == len(text) for p in seen)
    for p in seen:
        assert all(p.start <= m.start < m.end <= p.end for m in p.mentions)
        assert all(text[m.start : m.end] == m.text for m in p.mentions)
    final = {(m.start, m.end) for m in analysis.mentions}
    assert {(m.start, m.end) for p in seen for m in p.mentions} & final


def test_a_short_text_reports_progress_once(blank):
    article = Article(title="t", text=ARTICLE, blocks=())
    seen: list[Progress] = []
    analysis = analyze(article, blank, on_progress=seen.append)
    assert len(seen) == 1 and seen[0].done == seen[0].total == len(ARTICLE)
    assert seen[0].mentions == analysis.mentions


def test_should_stop_cancels_between_chunks(blank):
    article = Article(title="t", text=ARTICLE * 2, blocks=())
    seen: list[Progress] = []
    with pytest.raises(AnalysisCancelled):
        analyze(
            article,
            blank,
            on_progress=seen.append,
            should_stop=lambda: len(seen) >= 2,
            max_chunk_chars=500,
        )
    assert len(seen) == 2
    with pytest.raises(AnalysisCancelled):
        analyze(article, blank, should_stop=lambda: True)


def test_nothing_depends_on_spacys_max_length(blank):
    text = ARTICLE * 4
    blank.max_length = 2000
    try:
        analysis = analyze(Article(title="t", text=text, blocks=()), blank, max_chunk_chars=1500)
    finally:
        blank.max_length = 1_000_000
    assert all(text[m.start : m.end] == m.text for m in analysis.mentions)
    assert len(analysis.quotes) == 4 * len(analyze(Article("t", ARTICLE, ()), blank).quotes)


def test_chunked_analysis_matches_one_doc_real_model(real):
    whole, chunked = whole_and_chunked(real, ARTICLE, 300)
    assert len(chunk_bounds(ARTICLE, 300)) >= 6
    assert chunked.mentions == whole.mentions
    assert chunked.quotes == whole.quotes
    speakers = {q.text[:12]: q.speaker for q in chunked.quotes if q.speaker is not None}
    assert speakers["I am not giv"].text == "she"  # its antecedent is in an earlier chunk
    assert speakers["I am not giv"].key == speakers["We came here"].key == "person:maria-fenech"
    keys = {m.key for m in chunked.mentions if m.text in ("Fenech", "Maria Fenech")}
    assert len(keys) == 1


def test_two_processes_give_the_same_analysis_real_model(real):
    text = ARTICLE * 2
    article = Article(title="t", text=text, blocks=())
    one = analyze(article, real, max_chunk_chars=600)
    two = analyze(article, real, max_chunk_chars=600, n_process=2)
    assert two.mentions == one.mentions and two.quotes == one.quotes


def test_offsets_are_into_the_article_text_when_the_analysis_reads_a_cleaned_copy(real):
    wrapped = ARTICLE.replace("Maria Fenech,", "Maria\n  Fenech,").replace("Mal", "Mal\u00adta ")
    text = wrapped.replace("the Italian envoy", "the Italian\u00a0envoy") + "x" * 250 + "\n"
    article = Article(title="t", text=text, blocks=())
    seen: list[Progress] = []
    analysis = analyze(article, real, on_progress=seen.append, max_chunk_chars=400)
    assert seen[-1].done == seen[-1].total == len(text)
    for m in (*analysis.mentions, *(m for p in seen for m in p.mentions)):
        assert text[m.start : m.end] == m.text
    assert any(m.text == "Maria\n  Fenech" for m in analysis.mentions)
    for q in analysis.quotes:
        assert q.text == " … ".join(text[s:e] for s, e in q.fragments)
        for part in (q.speaker, q.cue):
            assert part is None or text[part.start : part.end] == part.text
    assert any(q.speaker is not None and q.speaker.key for q in analysis.quotes)


def test_cancelling_with_two_processes_leaves_no_worker_running_real_model(real):
    import multiprocessing

    article = Article(title="t", text=ARTICLE * 3, blocks=())
    seen: list[Progress] = []
    with pytest.raises(AnalysisCancelled):
        analyze(
            article,
            real,
            on_progress=seen.append,
            should_stop=lambda: len(seen) >= 1,
            max_chunk_chars=500,
            n_process=2,
        )
    for process in multiprocessing.active_children():
        process.join(timeout=30)
    assert multiprocessing.active_children() == []
