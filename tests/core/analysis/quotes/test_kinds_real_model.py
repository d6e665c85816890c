"""Who speaks follows the construction, not the nearest name (issue 22): the speech verb that
governs the quote, walked up through complement clauses; the asker of "was asked by"; the
subject of "reported"; never the addressee of "told" or "said to"; a relaying outlet kept as
the relay; the author of a document; and no speaker where nobody speaks (a poll's answer, a
sign, a message).

The articles are written for these tests.
"""

from reader.core.model import SpeakerPath
from tests.core.analysis.quotes.helpers import quotes_of, said


def _names(nlp, text: str) -> dict[str, str | None]:
    """Each quote's text, mapped to its speaker's entity name (or None)."""
    return {q.text: (q.speaker.name if q.speaker else None) for q in quotes_of(nlp, text)}


def test_the_speaker_is_the_subject_of_the_speech_verb_above_the_clause_real_model(nlp):
    text = (
        "Budget fight\n\n"
        'Senator Mark Vance said he expected that voters will say "enough."\n\n'
        "Senator Mark Vance told the station that Mayor Dana Holt's plan "
        '"would bankrupt the city."\n\n'
        'Rev. Anna Lutz said the town lost a voice "that never wavered."\n'
    )
    assert _names(nlp, text) == {
        "enough.": "Mark Vance",
        "would bankrupt the city.": "Mark Vance",
        "that never wavered.": "Anna Lutz",
    }


def test_words_introduced_with_a_comma_stay_with_the_verb_that_introduces_them_real_model(nlp):
    text = 'Talks\n\nMark Vance said Dana Holt told him, "We are done with these talks."\n'
    assert _names(nlp, text) == {"We are done with these talks.": "Dana Holt"}


def test_the_asker_asks_and_the_reporter_reports_real_model(nlp):
    text = (
        "Interview\n\n"
        'Senator Mark Vance was asked by host Dana Holt whether "the tax will pass this year."\n\n'
        'Several outlets reported that the agency had "more than one plan" for the river.\n'
    )
    assert said(nlp, text) == {
        "the tax will pass this year.": "Dana Holt",
        "more than one plan": "Several outlets",
    }


def test_the_addressee_of_told_or_said_to_is_never_the_speaker_real_model(nlp):
    text = (
        "Race\n\n"
        '"We will win this seat," Mark Vance, 70, told the network\'s Dana Holt.\n\n'
        'Mark Vance said to Dana Holt: "The seat is ours."\n\n'
        '"We are done," Mark Vance said to Dana Holt.\n'
    )
    assert set(_names(nlp, text).values()) == {"Mark Vance"}


def test_a_relaying_outlet_is_the_relay_and_the_speaker_stays_real_model(nlp):
    text = (
        "Bridge\n\n"
        'According to the Tribune, Mayor Ann Holt said the bridge was "unsafe for trucks."\n'
    )
    (quote,) = quotes_of(nlp, text)
    assert quote.speaker is not None and quote.speaker.name == "Ann Holt"
    assert quote.evidence is not None and quote.evidence.relay is not None
    assert quote.evidence.relay.text == "Tribune"


def test_a_document_speaks_for_its_author_real_model(nlp):
    text = (
        "Filing\n\n"
        '"The bank hid its losses," according to a court filing by prosecutor Elena Ruiz.\n'
    )
    assert _names(nlp, text) == {"The bank hid its losses,": "Elena Ruiz"}


def test_a_poll_s_answer_a_sign_and_a_message_have_no_speaker_real_model(nlp):
    text = (
        "Park vote\n\n"
        'Seventy-two percent of voters said "yes" to the tax, the survey found.\n\n'
        'One message read "Save our park" in red letters.\n\n'
        'A sign outside the hall said "No more talks."\n'
    )
    quotes = quotes_of(nlp, text)
    assert [(q.text, q.speaker) for q in quotes] == [
        ("yes", None),
        ("Save our park", None),
        ("No more talks.", None),
    ]
    assert all(q.evidence and q.evidence.path is SpeakerPath.NONE for q in quotes)
    assert all(q.cue is not None for q in quotes)


def test_a_share_holding_a_view_keeps_it_real_model(nlp):
    text = 'Park vote\n\nA majority of voters said the plan was "unfair to renters."\n'
    assert said(nlp, text) == {"unfair to renters.": "A majority"}


def test_quoted_as_saying_right_before_the_quote_is_the_one_quoted_s_real_model(nlp):
    text = (
        "Talks\n\n"
        "The broadcaster RTV quoted Deputy Prime Minister Yuri Sandor as saying "
        '"the talks are over."\n'
    )
    (quote,) = quotes_of(nlp, text)
    assert quote.speaker is not None and quote.speaker.name == "Yuri Sandor"
    assert quote.evidence is not None and quote.evidence.relay is not None
    assert quote.evidence.relay.text == "RTV"
