"""Terms in marks inside the object of a verb that rejects them are no quotes (`terms`).

The articles are written for these tests.
"""

import pytest

from tests.core.analysis.quotes.helpers import said


@pytest.mark.parametrize(
    "sentence",
    [
        "The senator denied any “quid pro quo” with the firm.",
        "Senator Mark Vance denied any “quid pro quo” with the firm on Tuesday.",
        "Mayor Dana Holt rejected the “witch hunt” label in a statement.",
        "Governor Ruth Alder dismissed talk of a “deal” with the union.",
        "The “witch hunt” label was rejected by the mayor's office.",
        "Senator Mark Vance disputed the council's “final” figures.",
    ],
)
def test_a_term_the_subject_rejects_is_no_quote_real_model(nlp, sentence):
    assert said(nlp, f"Harbor deal\n\n{sentence}\n") == {}


@pytest.mark.parametrize(
    ("sentence", "quoted", "speaker"),
    [
        # The whole object in marks: the denial itself is quoted.
        (
            "Senator Mark Vance denied “any wrongdoing whatsoever” on Tuesday.",
            "any wrongdoing whatsoever",
            "Mark Vance",
        ),
        # A clause under the verb, not its object noun phrase.
        (
            "Senator Mark Vance denied that there was a “quid pro quo” with the firm.",
            "quid pro quo",
            "Mark Vance",
        ),
        # A term under a verb that does not reject it is the subject's.
        ("Senator Mark Vance promised a “fresh start” for the city.", "fresh start", "Mark Vance"),
        (
            "Senator Mark Vance said he had seen no “smoking gun” in the files.",
            "smoking gun",
            "Mark Vance",
        ),
    ],
)
def test_other_terms_under_a_speech_verb_keep_the_speaker_real_model(
    nlp, sentence, quoted, speaker
):
    assert said(nlp, f"Harbor deal\n\n{sentence}\n") == {quoted: speaker}


def test_the_rejected_term_leaves_the_quote_next_to_it_real_model(nlp):
    text = (
        "Harbor deal\n\n"
        "Senator Mark Vance denied any “quid pro quo” with the firm. “I never met them "
        "before the vote,” he said on Tuesday.\n"
    )
    assert said(nlp, text) == {"I never met them before the vote,": "he"}


@pytest.mark.parametrize(
    "sentence",
    [
        # A term ending its sentence inside a noun phrase, with no cue.
        "The weaker plants would be placed in a separate “holding fund.” The fund would "
        "sell them within a year.",
        # A term completing the noun before it through "of".
        "Ironically, the mayor's strategy of “quiet resistance” to the ruling lasted for years.",
    ],
)
def test_a_term_in_a_noun_phrase_with_no_cue_is_no_quote_real_model(nlp, sentence):
    """Without these rules the clause's subject ("The weaker plants", "the mayor's
    strategy") was listed as the term's speaker."""
    assert said(nlp, f"Harbor deal\n\n{sentence}\n") == {}


def test_a_characterization_and_its_conjunct_stay_one_quote_real_model(nlp):
    text = (
        "Harbor deal\n\n"
        "In recent weeks, Senator Ruth Alder has gone after the mayor as a “tax vampire "
        "who will drain the city” and a “pampered prince.”\n"
    )
    assert said(nlp, text) == {
        "tax vampire who will drain the city … pampered prince.": "Ruth Alder"
    }
