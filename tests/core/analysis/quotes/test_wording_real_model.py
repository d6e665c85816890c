"""Words someone used, sang or was hailed with are quotes; a term or an audience is not.

The articles are written for these tests.
"""

from tests.core.analysis.quotes.helpers import said


def test_a_phrase_someone_used_or_said_is_their_quote_real_model(nlp):
    text = (
        "Holt spoke in Dover on Tuesday.\n\n"
        "Holt has used the phrase “rogue state” often, and criticized Brill for avoiding it.\n\n"
        "Brill said the words “tear apart” the town.\n\n"
        "The term “safe passage” was coined by aid workers, who opened the so-called "
        "“green corridor” on Monday.\n"
    )
    quotes = said(nlp, text)
    assert quotes["rogue state"] == "Holt"
    assert quotes["tear apart"] == "Brill"  # not "the words"
    assert "safe passage" not in quotes and "green corridor" not in quotes


def test_a_song_sung_is_a_quote_but_a_show_told_is_an_audience_real_model(nlp):
    text = (
        "At a rally in Tulsa, Marten sings Joni Lake's “Paper Moons” to the crowd.\n\n"
        "Marten told “Morning Roundtable” that she would tour again.\n"
    )
    assert said(nlp, text) == {"Paper Moons": "Marten"}


def test_words_given_with_as_are_a_characterization_real_model(nlp):
    text = (
        "Ten years ago, a Herald article hailed Holt as “The Golden Boy” for his work.\n\n"
        "Senator Ada Brill has been pounding Holt as a “con man” ― just as she did with "
        "Smith in 2012.\n"
    )
    quotes = said(nlp, text)
    assert quotes["The Golden Boy"] == "a Herald article"
    assert "con man" in quotes


def test_a_title_inside_a_noun_phrase_is_not_a_quote_even_under_a_cue_real_model(nlp):
    text = (
        "Sharpton took calls from listeners to his “Straight Talk” radio program who said "
        "they had doubts about Holt.\n\n"
        "Holt spoke during a “Town Hall Forum” sponsored by a network, and said she was "
        "ready.\n\n"
        "Holt called her “Miss Sunshine” in an interview.\n"
    )
    assert said(nlp, text) == {"Miss Sunshine": "Holt"}


def test_words_in_marks_that_qualify_the_noun_after_them_are_not_quotes_real_model(nlp):
    text = (
        "The “rigged vote” claim was apparently about a video circulating online.\n\n"
        "However, the “fact-finding” panel has its critics.\n\n"
        "Holt made the claim that the count was “rigged.”\n"
    )
    assert said(nlp, text) == {"rigged.": "Holt"}
