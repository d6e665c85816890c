"""A run of capitalised words is no name: the work on it stays linear in its length.

No timing: the bound is on what the steps see and give, the longest candidate and name.
"""

from reader.core.analysis.entities import mentions_from_doc
from reader.core.analysis.entities.from_model import model_candidates
from reader.core.analysis.entities.steps import MAX_NAME_TOKENS, run_steps
from tests.core.analysis.entities.entity_docs import labelled

_REPEATS = 3000


def _repeated_name() -> str:
    return " ".join(["Merkel"] * _REPEATS) + " said."


def test_a_run_of_one_repeated_name_gives_no_candidate_longer_than_the_cap():
    text = _repeated_name()
    doc = labelled(text, (text.removesuffix(" said."), "PERSON"))
    assert max(c.end - c.start for c in model_candidates(doc)) == _REPEATS  # what the steps get

    candidates = run_steps(doc, model_candidates(doc))

    assert all(c.end - c.start <= MAX_NAME_TOKENS for c in candidates)
    assert len(candidates) <= _REPEATS


def test_a_run_of_one_repeated_name_gives_names_of_a_few_words_at_most():
    text = _repeated_name()
    doc = labelled(text, (text.removesuffix(" said."), "PERSON"))

    mentions = mentions_from_doc(doc)

    assert len(mentions) <= _REPEATS
    assert all(len(m.name.split()) <= MAX_NAME_TOKENS for m in mentions)
    assert all(len(m.text.split()) <= MAX_NAME_TOKENS for m in mentions)


def test_a_long_real_name_is_kept():
    text = "The Delaware Department of Natural Resources and Environmental Control said so."
    name = "Delaware Department of Natural Resources and Environmental Control"
    doc = labelled(text, (name, "ORG"))

    assert [m.name for m in mentions_from_doc(doc)] == [name]
