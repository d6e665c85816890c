"""Joining chunk Docs: the same Doc as spaCy's Doc.from_docs, in less memory.

Tests named `..._real_model` load the English pipeline once for the module.
"""

import pytest
import spacy
from spacy.tokens import Doc

from reader.core.analysis.chunking import chunk_bounds
from reader.core.analysis.joined_doc import JoinedDoc, chunk_columns
from reader.core.analysis.pipeline import load_pipeline
from reader.core.analysis.quotes import COMPONENT_NAME

TEXT = (
    "The mayor of Lisbon, Ana Costa, opened the bridge on Monday.\n\n"
    "Portuguese engineers had worked on it for six years, she said.\n\n"
    "  Traffic will start flowing on Friday , officials said .\n\n\n"
    "Critics in Porto said the cost had doubled.\n"
) * 4

ATTRS = list(Doc._get_array_attrs())


def chunk_docs(nlp, text: str, max_chars: int) -> list[Doc]:
    with nlp.select_pipes(disable=[COMPONENT_NAME]):
        return list(nlp.pipe(text[s:e] for s, e in chunk_bounds(text, max_chars)))


def joined(nlp, docs: list[Doc]) -> Doc:
    join = JoinedDoc(nlp.vocab)
    for doc in docs:
        join.add(doc)
    return join.doc()


def test_a_join_of_tokenized_chunks_has_the_text_and_tokens_of_the_whole():
    nlp = spacy.blank("en")
    docs = [nlp(TEXT[s:e]) for s, e in chunk_bounds(TEXT, 90)]
    doc = joined(nlp, docs)
    assert doc.text == TEXT
    assert [t.text_with_ws for t in doc] == [t.text_with_ws for t in nlp(TEXT)]


def test_a_single_empty_chunk_gives_an_empty_doc():
    nlp = spacy.blank("en")
    assert joined(nlp, [nlp("")]).text == ""


@pytest.fixture(scope="module")
def real():
    return load_pipeline()


def test_the_join_equals_spacys_from_docs_real_model(real):
    docs = chunk_docs(real, TEXT, 150)
    assert len(docs) > 4
    ours = joined(real, docs)
    theirs = Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor", "spans", "user_data"])
    assert ours.text == theirs.text == TEXT
    assert (ours.to_array(ATTRS) == theirs.to_array(ATTRS)).all()
    assert [(e.start, e.end, e.label_) for e in ours.ents] == [
        (e.start, e.end, e.label_) for e in theirs.ents
    ]
    assert [s.start for s in ours.sents] == [s.start for s in theirs.sents]
    assert [(t.left_edge.i, t.right_edge.i, str(t.morph)) for t in ours] == [
        (t.left_edge.i, t.right_edge.i, str(t.morph)) for t in theirs
    ]


def test_the_joined_doc_keeps_the_text_it_is_given():
    nlp = spacy.blank("en")
    join = JoinedDoc(nlp.vocab)
    for s, e in chunk_bounds(TEXT, 90):
        join.add(nlp(TEXT[s:e]))
    doc = join.doc(TEXT)
    assert doc.text is TEXT
    assert doc[3:7].text == nlp(TEXT)[3:7].text


def test_a_text_the_chunks_do_not_make_is_refused():
    nlp = spacy.blank("en")
    join = JoinedDoc(nlp.vocab)
    join.add(nlp("The bridge opened."))
    with pytest.raises(ValueError, match="did not join back"):
        join.doc("The bridge closed.")


def test_columns_from_another_vocab_bring_their_strings_real_model(real):
    """A worker process's chunk reaches a joining process whose vocab has never seen its
    words, lemmas or morphology: `chunk_columns` carries them."""
    words = "Zorbulon Quextrave said the wibbling grommets were flimflammed.\n\n"
    text = (words + TEXT) * 2
    docs = chunk_docs(real, text, 150)
    elsewhere = load_pipeline()  # a vocab of its own, as in another process
    assert "Quextrave" not in elsewhere.vocab.strings
    join = JoinedDoc(elsewhere.vocab)
    for doc in docs:
        join.add_columns(chunk_columns(doc))
    ours = join.doc()
    theirs = Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor", "spans", "user_data"])
    assert ours.text == text
    assert [
        (t.text, t.lemma_, t.norm_, t.tag_, t.dep_, str(t.morph), t.ent_type_) for t in ours
    ] == [(t.text, t.lemma_, t.norm_, t.tag_, t.dep_, str(t.morph), t.ent_type_) for t in theirs]
