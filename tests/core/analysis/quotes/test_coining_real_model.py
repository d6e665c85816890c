"""Phrases credited to their coiner: the subject of "called", "dubbed" … owns the quoted
phrase, not whoever speaks in the sentence (`coining`).

The articles are written for these tests.
"""

from reader.core.model import SpeakerPath
from tests.core.analysis.quotes.helpers import quotes_of


def test_what_x_called_is_xs_phrase_not_the_mockers_real_model(nlp):
    text = (
        "Campaign heats up\n\n"
        "Obama mocked what Clinton called a “basket of deplorables” at a rally in Ohio on "
        "Friday.\n"
    )
    (quote,) = quotes_of(nlp, text)
    assert quote.speaker is not None and quote.cue is not None and quote.evidence is not None
    assert (quote.text, quote.speaker.text, quote.speaker.key) == (
        "basket of deplorables",
        "Clinton",
        "person:clinton",
    )
    assert quote.cue.text == "called"
    assert quote.evidence.path is SpeakerPath.NAMED


def test_the_coiner_wins_over_the_speaker_of_the_sentence_real_model(nlp):
    text = (
        "Campaign heats up\n\n"
        "Dana Holt said on Monday that she rejected what Clinton called a “basket of "
        "deplorables.”\n"
    )
    (quote,) = quotes_of(nlp, text)
    assert quote.speaker is not None and quote.cue is not None
    assert (quote.speaker.text, quote.cue.text) == ("Clinton", "called")


def test_the_policy_x_dubbed_is_xs_phrase_real_model(nlp):
    text = (
        "Campaign heats up\n\n"
        "Senator Mark Hale defended the policy Trump dubbed “extreme vetting” in a speech "
        "on Monday.\n"
    )
    (quote,) = quotes_of(nlp, text)
    assert quote.speaker is not None and quote.cue is not None and quote.evidence is not None
    assert (quote.text, quote.speaker.text, quote.speaker.key) == (
        "extreme vetting",
        "Trump",
        "person:trump",
    )
    assert quote.cue.text == "dubbed"
    assert quote.evidence.path is SpeakerPath.NAMED


def test_a_coined_label_is_less_sure_than_the_same_words_said_real_model(nlp):
    """A naming verb reports a label, not speech: its speaker weighs like a noun cue's."""
    coined = quotes_of(
        nlp, "Talks\n\nObama mocked what Clinton called a “basket of deplorables.”\n"
    )
    said = quotes_of(nlp, "Talks\n\nClinton said they were a “basket of deplorables.”\n")
    assert coined[0].evidence is not None and said[0].evidence is not None
    assert coined[0].evidence.confidence < said[0].evidence.confidence


def test_what_x_termed_is_xs_phrase_and_stays_a_quote_real_model(nlp):
    """The verb "termed", not the noun of `the term “…”`: the phrase is a quote, its
    coiner's."""
    text = "Budget fight\n\nThe plan was what Senator Mark Vance termed “a reckless gamble.”\n"
    (quote,) = quotes_of(nlp, text)
    assert quote.speaker is not None and quote.cue is not None
    assert (quote.text, quote.speaker.key, quote.cue.text) == (
        "a reckless gamble.",
        "person:mark-vance",
        "termed",
    )


def test_what_x_termed_inside_another_clause_is_still_xs_real_model(nlp):
    text = "Budget fight\n\nMayor Ruth Alder opposed what Paul Reyes termed “a reckless gamble.”\n"
    (quote,) = quotes_of(nlp, text)
    assert quote.speaker is not None and quote.cue is not None
    assert (quote.speaker.key, quote.cue.text) == ("person:paul-reyes", "termed")


def test_labelled_labeled_dubbed_branded_credit_their_subject_real_model(nlp):
    """`Critics labelled the plan “a giveaway”`: the labellers' words, in either spelling,
    and the same for "dubbed" and "branded"; a named labeller keeps the name's key."""
    for verb in ("labelled", "labeled", "dubbed", "branded"):
        text = f"Harbor plan\n\nSenator Mark Vance {verb} the plan “a giveaway” to developers.\n"
        (quote,) = quotes_of(nlp, text)
        assert quote.speaker is not None and quote.cue is not None, verb
        assert (quote.text, quote.speaker.key, quote.cue.text) == (
            "a giveaway",
            "person:mark-vance",
            verb,
        )
    (quote,) = quotes_of(nlp, "Harbor plan\n\nCritics labelled the plan “a giveaway.”\n")
    assert quote.speaker is not None and quote.cue is not None
    assert (quote.speaker.text, quote.speaker.key, quote.cue.text) == (
        "Critics",
        None,
        "labelled",
    )


def test_a_passive_naming_verb_credits_its_by_real_model(nlp):
    """`labelled “…” by critics`: the phrase is the labellers', whether the parser hangs
    the "by" from the verb or from the quoted phrase."""
    for text, speaker, key in (
        (
            "The plan was labelled “a giveaway” by Senator Mark Vance.",
            "Mark Vance",
            "person:mark-vance",
        ),
        ("The plan, labelled “a giveaway” by critics, passed on Monday.", "critics", None),
    ):
        (quote,) = quotes_of(nlp, f"Harbor plan\n\n{text}\n")
        assert quote.speaker is not None and quote.cue is not None, text
        assert (quote.text, quote.speaker.text, quote.speaker.key, quote.cue.text) == (
            "a giveaway",
            speaker,
            key,
            "labelled",
        )
