"""Speaker resolution on hand-parsed Docs: which name a pronoun speaker stands for."""

import spacy
from spacy.tokens import Doc

from reader.core.analysis.quotes.resolution import article_names, speaker_ref

_BLANK = spacy.blank("en")

# (word, head, dependency, part of speech, entity tag)
_PARSE = [
    ("Tom", 1, "compound", "PROPN", "B-PERSON"),
    ("Hale", 2, "nsubj", "PROPN", "I-PERSON"),
    ("spoke", 2, "ROOT", "VERB", "O"),
    (".", 2, "punct", "PUNCT", "O"),
    ("Mr.", 5, "compound", "PROPN", "O"),
    ("Okoro", 6, "nsubj", "PROPN", "B-ORG"),  # a person the tagger filed as an organization
    ("said", 6, "ROOT", "VERB", "O"),
    ("the", 8, "det", "DET", "O"),
    ("deal", 9, "nsubj", "NOUN", "O"),
    ("was", 6, "ccomp", "AUX", "O"),
    ("fair", 9, "acomp", "ADJ", "O"),
    (".", 6, "punct", "PUNCT", "O"),
    ("He", 13, "nsubj", "PRON", "O"),
    ("said", 13, "ROOT", "VERB", "O"),
    ("it", 16, "nsubj", "PRON", "O"),
    ("would", 16, "aux", "AUX", "O"),
    ("hold", 13, "ccomp", "VERB", "O"),
    (".", 13, "punct", "PUNCT", "O"),
]


def parsed(rows: list[tuple[str, int, str, str, str]]) -> Doc:
    words, heads, deps, pos, ents = (list(column) for column in zip(*rows, strict=True))
    return Doc(_BLANK.vocab, words=words, heads=heads, deps=deps, pos=pos, ents=ents)


def test_a_pronoun_finds_a_titled_person_tagged_as_an_organization():
    doc = parsed(_PARSE)
    quoted = [False] * len(doc)
    ref = speaker_ref(doc[12:13], quoted, article_names(doc, quoted))
    assert ref is not None and ref.text == "Okoro"


def test_an_organization_with_no_sign_of_a_person_is_passed_over_by_he():
    rows = [(w, h, d, p, e) for w, h, d, p, e in _PARSE]
    rows[4] = ("The", 5, "det", "DET", "O")  # "The Okoro said …": no title, no person
    doc = parsed(rows)
    quoted = [False] * len(doc)
    ref = speaker_ref(doc[12:13], quoted, article_names(doc, quoted))
    assert ref is not None and ref.text == "Tom Hale"
