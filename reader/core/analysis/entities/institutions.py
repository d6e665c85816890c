"""Organizations the model left unlabelled: "the Dockworkers Union", "the Fishers Association".

A run of capitalized words after "the" that ends in a word for an institution is an
organization's name, wherever the model tagged nothing there (it often misses a short name
of a small body it has never seen). Not on a title-case line, where every word is
capitalized, and never over a name already found.

Serves prose of any era. One pass over the capitalized tokens.
"""

from __future__ import annotations

from spacy.tokens import Doc

from reader.core.analysis.entities.candidates import Candidate, covered
from reader.core.analysis.entities.furniture import title_case_lines
from reader.core.analysis.entities.token_facts import capitalized, token_lowers, token_texts
from reader.core.analysis.entities.token_facts import flags as token_flags
from reader.core.analysis.entities.word_lists import words
from reader.core.model import Kind

_HEADS = words("institution_heads.txt")
# Words of the longest such name: "the Lisbon Port Pilots and Dockers Union" has six.
_LONGEST = 6


def unlabelled_institutions(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """`candidates` with an organization for each "the" + capitalized words ending in an
    institution's word (`institution_heads.txt`) that no candidate covers."""
    taken = covered(doc, candidates)
    titled = title_case_lines(doc)
    texts, lowers, facts = token_texts(doc), token_lowers(doc), token_flags(doc)
    found = []
    read_to = 0
    for i in capitalized(doc):
        if i < read_to or i == 0 or lowers[i - 1] != "the" or taken[i] or titled[i]:
            continue
        end = i
        while end < min(len(doc), i + _LONGEST) and facts.title[end] and not taken[end]:
            end += 1
        if end - i >= 2 and lowers[end - 1] in _HEADS and texts[end - 1].isalpha():
            found.append(Candidate(i, end, Kind.ORG))
            read_to = end
    if not found:
        return candidates
    return sorted(candidates + found, key=lambda c: c.start)
