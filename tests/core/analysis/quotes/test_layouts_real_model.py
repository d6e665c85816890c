"""Speakers named with no speech verb: round-up labels, transcript names, dash signatures.

The articles are written for these tests.
"""

from reader.core.analysis.quotes.layouts import find_transcript_runs
from tests.core.analysis.quotes.helpers import quotes_of, said

ROUND_UP = (
    "What the commentators said about the budget\n\n"
    "Reaction to the budget came quickly on Thursday. Here is a selection.\n\n"
    'Priya Raman, The Ledger: "This is a budget that spends today and pays tomorrow."\n\n'
    'Tomas Berg, Northern Times: "The minister has kept his promises on schools."\n\n'
    'Helen Okafor, economist at Fairmont Bank: "Markets will like the deficit figure."\n'
)


def test_a_label_before_the_colon_names_the_speaker_real_model(nlp):
    assert said(nlp, ROUND_UP) == {
        "This is a budget that spends today and pays tomorrow.": "Priya Raman",
        "The minister has kept his promises on schools.": "Tomas Berg",
        "Markets will like the deficit figure.": "Helen Okafor",
    }


def test_a_transcript_name_in_capitals_is_the_speaker_real_model(nlp):
    text = (
        "From the debate transcript\n\n"
        'DUNMORE: "No. Taxes will not rise, and I have said so many times."\n\n'
        'OKAFOR: "That is not what the figures in your own budget say."\n'
    )
    assert list(said(nlp, text).values()) == ["DUNMORE", "OKAFOR"]


def test_a_label_alone_on_the_line_above_names_the_speaker_real_model(nlp):
    text = (
        "Harbour plan approved\n\n"
        "The council approved the harbour plan on Tuesday night.\n\n"
        "And from Chairwoman Rosalind Achebe:\n\n"
        '"We have approved a plan without knowing how we will pay for it."\n'
    )
    assert said(nlp, text) == {
        "We have approved a plan without knowing how we will pay for it.": "Rosalind Achebe"
    }


def test_a_dash_signature_on_the_next_line_signs_the_quote_real_model(nlp):
    text = (
        "Harbour plan approved\n\n"
        "Mina Osei voted against the plan on Tuesday.\n\n"
        '"The dredging alone will cost more than the council spends in a year."\n'
        "-Councillor Mina Osei\n"
    )
    (quote,) = quotes_of(nlp, text)
    assert quote.speaker is not None
    assert quote.speaker.text.endswith("Mina Osei")
    assert quote.speaker.key == "person:mina-osei"


def test_signed_quotes_run_together_in_one_paragraph_keep_their_own_speakers_real_model(nlp):
    text = (
        "Readers answer\n\n"
        "“The plan is late and costs too much.” ― Mina Osei "
        "“I like the new harbour, and so do my children.” ― Tomas Berg\n"
    )
    assert said(nlp, text) == {
        "The plan is late and costs too much.": "Mina Osei",
        "I like the new harbour, and so do my children.": "Tomas Berg",
    }


def test_a_signature_with_a_description_after_a_comma_names_the_person_real_model(nlp):
    text = (
        "County approves bus routes\n\n"
        "Several comments were read aloud at the meeting.\n\n"
        '"My mother has missed two appointments because the only bus runs twice a day."\n'
        "- Lydia Farrant, Eastfield resident\n"
    )
    (quote,) = quotes_of(nlp, text)
    assert quote.speaker is not None
    assert quote.speaker.text == "Lydia Farrant"


def test_a_clause_after_a_dash_is_no_signature_real_model(nlp):
    text = (
        "Rules draw fire\n\n"
        "Another critic, Laurence Okoye, likened the rules to "
        '"burning the charter" - a charge that might have stung, since he taught the mayor.\n'
    )
    speakers = {q.text: q.speaker.text if q.speaker else None for q in quotes_of(nlp, text)}
    assert speakers.get("burning the charter") != "a charge that might have stung"


TRANSCRIPT = (
    "Harbour chief defends plan\n\n"
    "Port director Kirsten Ahlberg spoke to Lukas Meyn of Radio Nord on Thursday.\n\n"
    "MEYN: Why close the old basin now?\n\n"
    "AHLBERG: Because the quay walls are failing. We have had two collapses since March.\n\n"
    "MEYN: The fishing fleet says it will lose its moorings.\n\n"
    "AHLBERG: They will not lose anything.\n\n"
    "CLARIFICATION: An earlier version misspelled the basin's name.\n"
)


def test_a_transcript_without_marks_gives_each_labelled_paragraph_its_speaker_real_model(nlp):
    assert said(nlp, TRANSCRIPT) == {
        "Why close the old basin now?": "MEYN",
        "Because the quay walls are failing. We have had two collapses since March.": "AHLBERG",
        "The fishing fleet says it will lose its moorings.": "MEYN",
        "They will not lose anything.": "AHLBERG",
    }


def test_a_lone_label_is_a_note_not_a_transcript():
    text = "Fowler calls for a process\n\nCLARIFICATION: The first sentence was clarified.\n"
    assert find_transcript_runs(text) == []
    text = "Title\n\nBOSTON: The mayor spoke on Monday.\n\nNEW YORK: The governor did not.\n"
    assert find_transcript_runs(text) == []
