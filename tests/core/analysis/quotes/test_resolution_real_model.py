"""Pronoun speakers resolved to the person just named, whatever the tagger made of the name.

The articles are written for these tests.
"""

from tests.core.analysis.quotes.helpers import quotes_of


def speaker_names(nlp, text: str) -> list[tuple[str, str | None]]:
    return [(q.speaker.text, q.speaker.name) for q in quotes_of(nlp, text) if q.speaker]


def test_a_pronoun_goes_to_the_subject_just_named_not_the_last_speaker_real_model(nlp):
    text = (
        "Contract hearing turns hostile\n\n"
        '"Somebody needs to explain why a company with no record got this contract," said '
        "Rep. Dale Pruitt, R-Texas.\n\n"
        'Vendor spokesman Gerald Finch said the company had "followed every rule in the book."\n\n'
        'Pruitt later took his criticism online. "If this contract is clean, release the '
        'documents. All of them. Today," he tweeted shortly after the hearing.\n'
    )
    assert speaker_names(nlp, text)[-1] == ("he", "Dale Pruitt")


def test_a_pronoun_goes_to_a_surname_the_tagger_filed_as_a_place_real_model(nlp):
    text = (
        "Office return splits staff\n\n"
        "Employees at Corvane Software reacted with anger after chief executive Lena Markham "
        "ordered all staff back to the office.\n\n"
        "The company's head of human resources, Bea Sorensen, cautioned managers. \"Nobody "
        'should fear for their job because they asked a question," she cautioned.\n\n'
        'Markham later conceded that the rollout had been rushed. "We should have consulted '
        'people first. That is on me," she conceded.\n'
    )
    assert speaker_names(nlp, text)[-1] == ("she", "Lena Markham")


def test_a_pronoun_goes_to_the_name_apposed_to_the_subject_not_its_possessor_real_model(nlp):
    text = (
        "Jury clears builder\n\n"
        "A jury cleared Jonah Harwick of fraud on Thursday.\n\n"
        "Harwick's lawyer, Bernard Sloane, spoke briefly outside the courthouse. "
        '"My client has been vindicated," he said.\n'
    )
    assert speaker_names(nlp, text) == [("he", "Bernard Sloane")]


def test_it_never_stands_for_a_person_real_model(nlp):
    text = (
        "Campaign hits back\n\n"
        "Senator Ada Brill's campaign is defending her tweets about rancher Tom Harker. "
        "It is denouncing what it calls “the biggest smear in the history of the state.”\n"
    )
    speakers = [q.speaker for q in quotes_of(nlp, text) if q.speaker]
    assert speakers, "the quote has a speaker"
    assert all(not (s.key or "").startswith("person:") for s in speakers)


def test_the_agency_is_the_agency_named_before_it_real_model(nlp):
    text = (
        "Floods cut off villages\n\n"
        "The National Disaster Agency sent boats to the valley on Sunday.\n\n"
        '"Our teams are working around the clock," the agency said in a statement.\n'
    )
    (quote,) = quotes_of(nlp, text)
    assert quote.speaker is not None
    assert (quote.speaker.text, quote.speaker.key) == ("the agency", "org:national-disaster-agency")


def test_a_pronoun_goes_to_a_councillor_the_tagger_filed_as_an_organization_real_model(nlp):
    text = (
        "Harbour plan\n\n"
        "Councillor Ruben Tasse, who chairs the harbour committee, was less enthusiastic. "
        '"The numbers in that plan have not been checked by anyone," he said.\n'
    )
    assert speaker_names(nlp, text) == [("he", "Ruben Tasse")]


def test_they_never_stands_for_one_person_real_model(nlp):
    text = (
        "Envoy recalls talks\n\n"
        "Diplomat Sven Aulin met the rebels twice in the spring. The rebels kept their "
        'demands in a sealed letter, which they refer to simply as "the envelope."\n'
    )
    for quote in quotes_of(nlp, text):
        assert quote.speaker is None or quote.speaker.key != "person:sven-aulin"


def test_the_company_is_the_organization_named_before_it_real_model(nlp):
    text = (
        "Carmaker closes plant\n\n"
        "The British carmaker Brennan Motors will close its Harlow Bay plant, the company's "
        "chief executive told staff on Tuesday.\n\n"
        '"This was an extremely difficult decision," the company said in a statement.\n'
    )
    (quote,) = quotes_of(nlp, text)
    assert quote.speaker is not None
    assert (quote.speaker.text, quote.speaker.key) == ("the company", "org:brennan-motors")


def test_the_statement_speaks_for_the_organization_that_issued_it_real_model(nlp):
    text = (
        "Port fire contained\n\n"
        "The Castrela Fire Service issued a statement on Monday night.\n\n"
        '"The blaze was contained to the eastern section," the statement said.\n'
    )
    (quote,) = quotes_of(nlp, text)
    assert quote.speaker is not None
    assert quote.speaker.key == "org:castrela-fire-service"


def _union_article(name: str) -> str:
    return (
        "Dock workers reject offer\n\n"
        "Rui Tavares Lopes, the operator's director, said the offer was final. He told "
        "reporters that talks would not resume.\n\n"
        f"{name} of the SINPORT union said the deal was weak. “Words are cheap. Show us the "
        "paper,” she said.\n"
    )


def test_a_given_name_and_surname_saying_something_is_a_person_the_tagger_missed_real_model(
    nlp,
):
    # The small model tags "Figueiredo" a place and "Ana Sobral" nothing at all.
    for name in ("Ana Figueiredo", "Ana Sobral"):
        ((pronoun, named),) = speaker_names(nlp, _union_article(name))
        assert pronoun == "she"
        assert named is not None and named.endswith(name.split()[-1])


def test_a_speaking_person_the_entities_missed_is_keyed_by_full_name_real_model(nlp):
    text = _union_article("Ana Figueiredo") + "\n“We will decide on Friday,” Figueiredo added.\n"
    quotes = quotes_of(nlp, text)
    assert [(q.speaker.text, q.speaker.name, q.speaker.key) for q in quotes if q.speaker] == [
        ("she", "Ana Figueiredo", "person:ana-figueiredo"),
        ("Figueiredo", "Ana Figueiredo", "person:ana-figueiredo"),
    ]
