"""Quoted stretches nobody said: terms, names, titles and scare quotes are left out.

The articles are written for these tests.
"""

from tests.core.analysis.quotes.helpers import said

CORRIDOR = (
    "Relief convoys resume\n\n"
    'The army said on Monday that convoys would again use the so-called "green corridor" '
    'through the valley. Engineers flew a drone nicknamed "Wren" over the road first.\n\n'
    'Mara Ellison, whose novel, "The Long Field," was published last spring, joined the convoy. '
    'She called the route "a lifeline for thousands of families."\n\n'
    'The exhibition "Roads of Salt" opens next week, and a blog post titled "What the Valley '
    'Needs" has been shared widely. Protesters carried banners reading "Open the Roads" and '
    '"Bread Not Bullets."\n\n'
    'Volunteers set up a nationwide "walk-in" at the depots.\n\n'
    '"We will keep the corridor open as long as we can," said Colonel Ines Varga.\n'
)


def test_terms_names_titles_and_slogans_are_not_quotes_real_model(nlp):
    assert said(nlp, CORRIDOR) == {
        "a lifeline for thousands of families.": "She",
        "We will keep the corridor open as long as we can,": "Ines Varga",
    }


def test_a_characterization_in_marks_is_still_a_quote_real_model(nlp):
    text = (
        "Harlow criticised the plan on Friday.\n\n"
        'Harlow described the mayor as a "reckless gambler" at the rally.\n'
    )
    assert said(nlp, text) == {"reckless gambler": "Harlow"}


def test_a_quoted_sentence_after_a_naming_word_is_a_quote_real_model(nlp):
    text = (
        "The paper ran the interview on Sunday.\n\n"
        'The piece took one of her lines as its headline: "At last. Someone who listens."\n'
    )
    assert list(said(nlp, text)) == ["At last. Someone who listens."]


def test_a_show_named_as_whom_words_went_to_is_not_a_quote_real_model(nlp):
    text = (
        "Senator on television\n\n"
        'Senator Ruth Kagame told "Morning Roundtable" that the vote would be close.\n\n'
        '"We do not have the numbers yet," Kagame said.\n'
    )
    assert said(nlp, text) == {"We do not have the numbers yet,": "Kagame"}


def test_a_name_given_by_a_speaker_is_a_quote_real_model(nlp):
    text = 'Rally\n\nAt the rally, Harlow called his rival "Crooked Carl" twice.\n'
    assert said(nlp, text) == {"Crooked Carl": "Harlow"}


def test_a_phrase_in_marks_in_the_title_is_no_quote_real_model(nlp):
    text = (
        'Author\'s new novel revives debate over Tallin Bay "green corridor"\n\n'
        'Critic Ruth Calder called the book "fiction, and it should be read as fiction."\n'
    )
    assert said(nlp, text) == {"fiction, and it should be read as fiction.": "Ruth Calder"}


def test_a_title_after_a_noun_for_a_work_is_no_quote_even_under_a_cue_real_model(nlp):
    text = (
        "Senator's memoir stings\n\n"
        'Former Sen. Harold Brisco has angered colleagues with a new memoir, "The Cloakroom '
        'Years," in which he describes the Senate as "a club that forgot what it was for."\n'
    )
    assert list(said(nlp, text)) == ["a club that forgot what it was for."]
