"""Who speaks: organizations, agencies and documents, the original source of a relayed
quote, and the local mention next to the cue.

The articles are written for these tests.
"""

from tests.core.analysis.quotes.helpers import quotes_of, said


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


def test_a_cue_past_its_short_object_is_the_cue_of_the_quote_after_it_real_model(nlp):
    text = (
        "Singer meets candidate\n\n"
        '"Keep your promises," Lena Marsh sings to the senator before asking her, '
        '"Where do we go from here?"\n'
    )
    quotes = quotes_of(nlp, text)
    assert [(q.text, q.cue.text) for q in quotes] == [
        ("Keep your promises,", "sings"),
        ("Where do we go from here?", "asking"),
    ]


def test_who_before_the_cue_is_the_speaker_and_names_the_person_real_model(nlp):
    text = 'Debate night\n\nIt was Clara Voss who wrote: "He is not having a good night."\n'
    (quote,) = quotes_of(nlp, text)
    assert quote.speaker is not None
    assert (quote.speaker.text, quote.speaker.key) == ("who", "person:clara-voss")


def test_a_cue_after_the_quote_beats_the_verb_that_introduced_it_real_model(nlp):
    text = (
        "Senate hearing\n\n"
        "Democratic Sen. Clara Voss (D-Mo.) scolded him: “The evidence is almost unanimous "
        "against you,” she said. “I don’t understand why you need to go there.”\n"
    )
    (quote,) = quotes_of(nlp, text)
    assert quote.speaker is not None
    assert (quote.speaker.text, quote.speaker.key) == ("she", "person:clara-voss")
    assert quote.cue is not None and quote.cue.text == "said"


def test_a_cue_introducing_a_quote_of_its_own_stays_with_it_real_model(nlp):
    text = (
        "Debate night\n\n"
        'Moderator Ann Perez asked Hollis: "Will you run again?" Hollis replied: "Never."\n'
    )
    assert said(nlp, text) == {"Will you run again?": "Ann Perez", "Never.": "Hollis"}


def test_going_on_to_say_is_said_by_the_subject_of_the_cue_before_real_model(nlp):
    text = (
        "Senator weighs in\n\n"
        '"To be talking about the tariff issue again now, is reckless," Hollis said, going on '
        'to say that the state has spent "decades fighting against tariffs and price wars and '
        'all that stuff, to have that fight again, young farmers do not want to see that."\n'
    )
    assert list(said(nlp, text).values()) == ["Hollis", "Hollis"]


def test_the_words_someone_refuses_to_use_are_theirs_not_the_refusals_real_model(nlp):
    text = (
        "Governor answers a nurse\n\n"
        "Governor Mara Quist responded to a nurse on Wednesday night by saying her refusal "
        "to use the words “climate emergency” was a “manufactured” issue.\n"
    )
    assert said(nlp, text)["climate emergency"] == "Mara Quist"


def test_quoted_as_saying_names_the_one_quoted_real_model(nlp):
    text = (
        "Grain reserves released\n\n"
        '"Bread will not be rationed," the state broadcaster quoted Deputy Prime Minister '
        "Yuri Sandor as saying.\n"
    )
    assert said(nlp, text) == {"Bread will not be rationed,": "Yuri Sandor"}


def test_a_name_apposed_to_a_subject_the_parser_misread_speaks_real_model(nlp):
    text = (
        "Bill passes\n\n"
        "Parrish's chief of staff, Mina Okoro, posted on X that the team had "
        '"worked 40 hours straight to get this done."\n'
    )
    assert said(nlp, text) == {"worked 40 hours straight to get this done.": "Mina Okoro"}


def test_any_verb_before_a_colon_introduces_its_subjects_words_real_model(nlp):
    text = (
        "Voters divided\n\n"
        'Voters in the diner were divided. "I will vote for Roy because I know him," said '
        'Earl Dunning, 74. His wife, Marjorie, disagreed: "Knowing him is exactly the problem."\n'
    )
    assert said(nlp, text) == {
        "I will vote for Roy because I know him,": "Earl Dunning",
        "Knowing him is exactly the problem.": "Marjorie",
    }


def test_quotes_in_single_marks_are_found_with_their_speakers_real_model(nlp):
    text = (
        "Audit row\n\n"
        "'With respect, that is what every agency says right before the audit comes back,' "
        "she told Secretary Lorna Vance.\n\n"
        "‘They moved money from one pocket to another,’ Senator Ada Coombs told reporters. "
        "In the '90s it was different, and the Smiths' house shows it.\n"
    )
    assert said(nlp, text) == {
        "With respect, that is what every agency says right before the audit comes back,": ("she"),
        "They moved money from one pocket to another,": "Ada Coombs",
    }


def test_shot_back_is_a_cue_real_model(nlp):
    text = (
        "Hearing turns tense\n\n"
        '"Nine thousand people for 600 million users? That is a rounding error," '
        "Senator Roger Vance shot back.\n"
    )
    (quote,) = quotes_of(nlp, text)
    assert quote.cue is not None and quote.cue.text == "shot"
    assert quote.speaker is not None and quote.speaker.text == "Roger Vance"


def test_a_spokeswomans_name_apposed_to_the_one_she_speaks_for_is_hers_real_model(nlp):
    text = (
        "Broadband bill passes\n\n"
        "The bill now goes to the House, where a spokeswoman for Speaker Ronald Meeks, Tara "
        "Lindgren, said it would be reviewed “in due course.”\n"
    )
    assert said(nlp, text) == {"in due course.": "Tara Lindgren"}


def test_an_entity_run_over_a_clause_is_not_the_speakers_name_real_model(nlp):
    """The small model reads `Vance accused Holt of being a` after a quote as one title;
    the speaker is Vance, with the key of the full name before."""
    text = (
        "Harbor deal\n\n"
        "Senator Mark Vance spoke in Dayton on Monday. Bemoaning the “rigged economy,” "
        "Vance accused Holt of being a puppet of the banks.\n"
    )
    (quote,) = quotes_of(nlp, text)
    assert quote.speaker is not None
    assert (quote.speaker.text, quote.speaker.key) == ("Vance", "person:mark-vance")
