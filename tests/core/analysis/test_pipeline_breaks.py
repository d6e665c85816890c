"""Reader's paragraph-breaks component: a sentence starts at the first word after a line break."""

import spacy

from reader.core.analysis.pipeline import PARAGRAPH_BREAKS, start_sentences_at_paragraph_breaks


def starts(text: str) -> list[str]:
    nlp = spacy.blank("en")
    doc = start_sentences_at_paragraph_breaks(nlp(text))
    return [t.text for t in doc if t.is_sent_start]


def test_the_first_word_after_each_line_break_starts_a_sentence():
    text = "WASHINGTON (Reuters)\nThe talks ended\n\n  \nA second paragraph."
    assert starts(text) == ["WASHINGTON", "The", "A"]


def test_words_within_a_line_are_left_for_the_parser():
    nlp = spacy.blank("en")
    doc = start_sentences_at_paragraph_breaks(nlp("One line. Same line\nNext"))
    assert [t.is_sent_start for t in doc] == [True, None, None, None, None, None, True]


def test_empty_and_one_token_docs_pass_through():
    assert starts("") == []
    assert starts("Word") == ["Word"]


def test_every_line_of_many_short_lines_starts_a_sentence():
    text = "x\n" * 5000
    assert len(starts(text)) == 5000


def test_the_component_is_registered_under_its_name():
    nlp = spacy.blank("en")
    nlp.add_pipe(PARAGRAPH_BREAKS)
    doc = nlp("A\nB")
    assert doc[2].is_sent_start
