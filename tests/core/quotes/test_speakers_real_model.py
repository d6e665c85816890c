"""Who speaks: organizations, agencies and documents, the original source of a relayed
quote, and the local mention next to the cue.

The articles are written for these tests.
"""

from tests.core.quotes.helpers import quotes_of, said


def test_an_organization_after_the_verb_speaks_real_model(nlp):
    text = (
        "Ministry defends new water rules\n\n"
        '"The rules protect every household," added the ministry, which drafted them.\n\n'
        'The Department of Agriculture notes: "Irrigation permits are not affected."\n'
    )
    assert said(nlp, text) == {
        "The rules protect every household,": "the ministry",
        "Irrigation permits are not affected.": "The Department of Agriculture",
    }


def test_a_relayed_quote_is_the_original_sources_real_model(nlp):
    text = (
        "Reforms declared final\n\n"
        '"The reforms are final," according to a news agency, quoting state media.\n'
    )
    assert said(nlp, text) == {"The reforms are final,": "state media"}


def test_in_the_words_of_names_the_speaker_real_model(nlp):
    text = 'Trial opens\n\nIn the words of the prosecutor, "nobody is above these rules."\n'
    assert said(nlp, text) == {"nobody is above these rules.": "the prosecutor"}


def test_a_participle_opening_the_sentence_is_not_the_speaker_real_model(nlp):
    text = (
        "Farmers left out\n\n"
        "Writing in a blog post on Tuesday, the ministry's spokesman, Kofi Osei, said: "
        '"The farmers were not consulted at any stage."\n'
    )
    (quote,) = quotes_of(nlp, text)
    assert quote.speaker is not None
    assert quote.speaker.text == "Kofi Osei"
    assert quote.speaker.key == "person:kofi-osei"


def test_the_local_mention_is_the_one_next_to_the_cue_real_model(nlp):
    text = (
        "Port strike enters second week\n\n"
        "Union leader Dana Whitfield spoke to reporters at the gate on Monday.\n\n"
        '"We will stay out until the company talks to us," Whitfield said.\n\n'
        'Whitfield disagreed. "The offer does not cover the cost of living," she said.\n'
    )
    quotes = quotes_of(nlp, text)
    assert [(q.speaker.text, q.speaker.name) for q in quotes] == [
        ("Whitfield", "Dana Whitfield"),
        ("she", "Dana Whitfield"),
    ]
    assert [text[q.speaker.start : q.speaker.end] for q in quotes] == ["Whitfield", "she"]
