"""A sentence's first word glued to the surname of a person the article names in full is no
first name (`headlines.is_glued_opener`): neither the model's span nor a widened one keeps it.

The articles are written for these tests; the docs are hand-labelled (no model loaded).
"""

from reader.core.analysis.entities import mentions_from_doc
from tests.core.analysis.entities.entity_docs import labelled


def keys(doc) -> list[tuple[str, str]]:
    return [(m.text, m.key) for m in mentions_from_doc(doc)]


def test_a_word_opening_a_quotation_is_cut_from_the_surname_after_it():
    doc = labelled(
        "Debate night\n\nHillary Clinton spoke in Ohio. A rival wrote, “Notice Clinton coughing "
        "all the time.”\n\nClinton ignored it.",
        ("Hillary Clinton", "PERSON"),
        ("Notice Clinton", "PERSON"),
        ("Clinton", "PERSON"),
    )
    assert keys(doc) == [
        ("Hillary Clinton", "person:hillary-clinton"),
        ("Clinton", "person:hillary-clinton"),
        ("Clinton", "person:hillary-clinton"),
    ]


def test_a_verb_opening_a_paragraph_never_widens_a_surname_into_a_name():
    doc = labelled(
        "Debate night\n\nHillary Clinton spoke in Ohio.\n\n"
        "Injecting Clinton's health into the race is an old tactic.",
        ("Hillary Clinton", "PERSON"),
        ("Clinton", "PERSON"),
    )
    assert [text for text, _ in keys(doc)] == ["Hillary Clinton", "Clinton"]
    assert {key for _, key in keys(doc)} == {"person:hillary-clinton"}


def test_a_first_name_opening_a_sentence_stays_a_name_beside_another_bearer():
    doc = labelled(
        "Video released\n\nKeith Lamont Scott was shot on Tuesday. Witnesses saw Scott fall.\n"
        "Rakeyia Scott can be heard on the video. Nobody noticed the car.",
        ("Keith Lamont Scott", "PERSON"),
        ("Scott", "PERSON"),
        ("Rakeyia Scott", "PERSON"),
    )
    assert keys(doc)[-1] == ("Rakeyia Scott", "person:rakeyia-scott")
