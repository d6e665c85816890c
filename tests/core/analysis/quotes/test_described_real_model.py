"""A speaker described by a role ("the mayor said") resolved to the one person the article
gives that role; unnamed with none or several. The articles are written for these tests."""

from reader.core.model import SpeakerPath
from tests.core.analysis.quotes.helpers import quotes_of


def _speakers(nlp, text: str) -> dict[str, tuple[str | None, str | None]]:
    """Each quote's first words, mapped to its speaker's local text and key."""
    return {
        q.text.split(",")[0]: (q.speaker.text, q.speaker.key) if q.speaker else (None, None)
        for q in quotes_of(nlp, text)
    }


HARBOUR = (
    "Harbour Deal Signed\n\n"
    "Mayor Helena Dias signed the harbour agreement on Friday with the shipping firms.\n\n"
    '"This is a good day for the whole town," the mayor said.\n\n'
    'Rui Lobo, the leader of the porters union, was pleased. "We got what we asked for," '
    "the union leader said.\n"
)


def test_the_mayor_is_the_one_person_the_article_makes_mayor_real_model(nlp):
    speakers = _speakers(nlp, HARBOUR)
    assert speakers["This is a good day for the whole town"] == (
        "the mayor",
        "person:helena-dias",
    )
    assert speakers["We got what we asked for"] == ("the union leader", "person:rui-lobo")


def test_the_evidence_points_at_the_role_and_the_confidence_is_lower_real_model(nlp):
    quote = next(q for q in quotes_of(nlp, HARBOUR) if q.text.startswith("This is"))
    assert quote.evidence.path is SpeakerPath.NAMED
    antecedent = quote.evidence.antecedent
    assert antecedent is not None
    assert HARBOUR[antecedent.start : antecedent.end] == antecedent.text == "Mayor Helena Dias"
    assert 0.5 < quote.evidence.confidence < 0.93  # below a speaker named by the cue


def test_the_mayor_stays_unnamed_when_two_people_are_mayors_real_model(nlp):
    text = (
        "Twin Towns Agree\n\n"
        "Mayor Helena Dias and Mayor Paulo Reis met at the bridge on Friday.\n\n"
        '"The bridge will stay open," the mayor said.\n'
    )
    assert _speakers(nlp, text)["The bridge will stay open"] == ("the mayor", None)


def test_a_title_inside_a_quote_makes_nobody_the_mayor_real_model(nlp):
    text = (
        "Count Ends\n\n"
        'Ana Sousa, an analyst, said: "Soon we will all be talking about Mayor Reis."\n\n'
        '"The count is over," the mayor said.\n'
    )
    assert _speakers(nlp, text)["The count is over"] == ("the mayor", None)


def test_a_capitalized_word_of_the_role_may_describe_its_holder_real_model(nlp):
    text = (
        "Harbour Funds Approved\n\n"
        "The port will get new cranes, Economy Minister Paulo Reis announced on Friday.\n\n"
        '"The harbour needs cleaner ships," the Economy Minister said.\n'
    )
    assert _speakers(nlp, text)["The harbour needs cleaner ships"] == (
        "the Economy Minister",
        "person:paulo-reis",
    )
