"""The new-user trial's wrong kinds, through the real model: sentences of the trial's own
invented articles (written by the team for the trial), each a case of one general rule."""

import pytest

from reader.core.analysis.pipeline import load_pipeline, prepare
from tests.core.analysis.entities.test_entities_persons_real_model import kinds_of


@pytest.fixture(scope="module")
def nlp():
    return prepare(load_pipeline())


def test_the_trials_wrong_kinds_are_gone_real_model(nlp):
    text = (
        "BEIJING - Dutch Trade Minister Anouk Verbeek defended her country's new limits on "
        "chip machine exports during a visit to Beijing on Friday.\n\n"
        "MUMBAI - Nvidia and Reliance Industries will build artificial intelligence data "
        "centres in India, the two companies said on Tuesday. Nvidia chief executive Jensen "
        'Huang said the country would become "one of the largest AI markets in the world."\n\n'
        "Farmers' union Unió de Pagesos warned that thousands of small growers could go out "
        "of business.\n\n"
        "Residents say they have had no running water for almost three weeks as the "
        "Cutzamala system that supplies the capital runs low.\n\n"
        "Farmer Baldev Sandhu, 61, was doubtful.\n\n"
        "ASML chief executive Lars Hendriks told analysts the company expected little impact."
    )
    kinds = kinds_of(nlp, text)
    for wrong in ("Dutch Trade", "AI", "Farmers", "Cutzamala", "Farmer Baldev Sandhu"):
        assert wrong not in kinds, wrong
    assert kinds["Baldev Sandhu"] == {("PERSON", "person:baldev-sandhu")}
    assert kinds["Nvidia"] == {("ORG", "org:nvidia")}
    assert kinds["ASML"] == {("ORG", "org:asml")}
