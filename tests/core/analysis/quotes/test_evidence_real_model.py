"""Evidence: each quote says how its speaker was found (path, antecedent, relay) and how sure
the finder is, in the analysis JSON with offsets into the article's text.

The articles are written for these tests.
"""

from reader.core.analysis.analyzer import analyze
from reader.core.model import SpeakerPath
from reader.core.render.evidence import DOUBTFUL
from reader.core.text.article import Article
from tests.core.analysis.quotes.helpers import quotes_of


def _evidence_json(nlp, text: str) -> list[dict]:
    return [q["evidence"] for q in analyze(Article("t", text, (), None), nlp).to_dict()["quotes"]]


def test_a_pronoun_s_antecedent_is_in_the_json_with_its_offsets_real_model(nlp):
    text = (
        "Port strike enters second week\n\n"
        "Union leader Dana Whitfield spoke to reporters at the gate on Monday.\n\n"
        'Whitfield disagreed with the offer. "It does not cover the cost of living," she said.\n'
    )
    (evidence,) = _evidence_json(nlp, text)
    antecedent = evidence["antecedent"]
    assert evidence["path"] == "pronoun"
    assert antecedent["text"] == "Whitfield"
    assert text[antecedent["start"] : antecedent["end"]] == "Whitfield"
    assert antecedent["start"] == text.index("Whitfield disagreed")
    cue = evidence["cue"]
    assert text[cue["start"] : cue["end"]] == "said" == cue["text"]
    assert 0 <= evidence["confidence"] <= 1
    assert set(evidence) == {"path", "cue", "antecedent", "relay", "confidence"}


def test_the_offsets_hold_where_the_analysis_reads_through_a_soft_hyphen_real_model(nlp):
    text = (
        "Dock talks\n\n"
        "Union leader Dana Whit\u00adfield spoke to reporters.\n\n"
        '"The offer is an insult," she said.\n'
    )
    (evidence,) = _evidence_json(nlp, text)
    antecedent = evidence["antecedent"]
    assert antecedent is not None
    assert text[antecedent["start"] : antecedent["end"]] == antecedent["text"]
    assert "Whit" in antecedent["text"]


def test_a_relaying_outlet_is_kept_as_the_relay_not_the_speaker_real_model(nlp):
    text = (
        "Bridge closed\n\n"
        '"The bridge will stay closed until spring," Mayor Ann Holt said, '
        "according to the Tribune.\n"
    )
    (quote,) = quotes_of(nlp, text)
    assert quote.speaker is not None and quote.speaker.text == "Ann Holt"
    assert quote.evidence is not None and quote.evidence.relay is not None
    relay = quote.evidence.relay
    assert (relay.text, text[relay.start : relay.end]) == ("Tribune", "Tribune")


def test_paths_name_the_way_each_speaker_was_found_real_model(nlp):
    text = (
        "Budget vote\n\n"
        'Councillor Ruben Tasse told the council on Monday: "We cannot pay for this."\n\n'
        '"The budget is a fiction."\n\n'
        '"The rules protect every household," Mayor Ann Holt said.\n\n'
        'The Department of Agriculture said the rules were "a burden on every farm."\n\n'
        '"The park must stay open for the children." - Lydia Farrant\n'
    )
    paths = {q.text: q.evidence.path for q in quotes_of(nlp, text) if q.evidence}
    assert paths == {
        "We cannot pay for this.": SpeakerPath.COLON,
        "The budget is a fiction.": SpeakerPath.CONTINUATION,
        "The rules protect every household,": SpeakerPath.NAMED,
        "a burden on every farm.": SpeakerPath.ORGANIZATION,
        "The park must stay open for the children.": SpeakerPath.LABEL,
    }


def test_a_speaker_far_from_its_cue_is_less_sure_than_one_next_to_it_real_model(nlp):
    text = (
        "Harbour plan\n\n"
        '"The harbour will be dredged in May," Mayor Ann Holt said.\n\n'
        "Ann Holt, who has led the town since a close election in the spring of last year "
        'and who faces voters again in November, told reporters the plan was "overdue."\n'
    )
    near, far = quotes_of(nlp, text)
    assert near.evidence is not None and far.evidence is not None
    assert near.speaker is not None and far.speaker is not None
    assert near.speaker.key == far.speaker.key == "person:ann-holt"
    assert far.evidence.confidence < near.evidence.confidence


def test_a_quote_with_no_speaker_says_so_real_model(nlp):
    text = 'Town notes\n\nThe plan was described as "a fiction" in the minutes.\n'
    (quote,) = quotes_of(nlp, text)
    assert quote.speaker is None
    assert quote.evidence is not None and quote.evidence.path is SpeakerPath.NONE


def test_an_apposition_puts_no_distance_between_speaker_and_cue_real_model(nlp):
    text = (
        "Harbour fees to rise\n\n"
        "“We have no choice if we want to dredge the channel,” Karin Holm, chair of the "
        "port authority, told local radio.\n\n"
        "“Nobody likes higher fees,” Karin Holm told the council.\n"
    )
    described, bare = quotes_of(nlp, text)
    assert described.speaker is not None and described.speaker.key == "person:karin-holm"
    assert described.evidence is not None and bare.evidence is not None
    assert described.evidence.path is SpeakerPath.NAMED
    assert described.evidence.confidence == bare.evidence.confidence


def test_a_pronoun_that_passed_over_a_nearer_speaker_is_doubtful_real_model(nlp):
    # No given name marks "Marta Figueiredo" a person, so "she" goes back to the director:
    # the nearer speaker passed over makes that doubtful (below the review threshold).
    def article(union_speaker: str) -> str:
        return (
            "Dock workers reject offer\n\n"
            "Rui Tavares Lopes, the operator's director, said the offer was final.\n\n"
            f"{union_speaker} said the deal was weak. “Words are cheap. Show us the paper,” "
            "she said.\n"
        )

    (passed,) = quotes_of(nlp, article("Marta Figueiredo of the SINPORT union"))
    (plain,) = quotes_of(nlp, article("The union"))
    assert passed.evidence is not None and plain.evidence is not None
    assert passed.evidence.path is plain.evidence.path is SpeakerPath.PRONOUN
    assert passed.evidence.confidence < DOUBTFUL < plain.evidence.confidence


def test_a_passed_over_person_of_the_other_gender_leaves_the_pronoun_sure_real_model(nlp):
    def article(union_speaker: str) -> str:
        return (
            "Dock workers reject offer\n\n"
            "Rui Tavares Lopes, the operator's director, said the offer was final.\n\n"
            f"{union_speaker} said the deal was weak. “The offer stands,” he said.\n"
        )

    (passed,) = quotes_of(nlp, article("Mrs. Marta Figueiredo of the SINPORT union"))
    (plain,) = quotes_of(nlp, article("The union"))
    assert passed.speaker is not None and passed.speaker.name == "Rui Tavares Lopes"
    assert passed.evidence is not None and plain.evidence is not None
    assert passed.evidence.confidence == plain.evidence.confidence > DOUBTFUL
