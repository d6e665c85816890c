"""The entity pipeline's steps, in the order they run: `model_candidates`, then `STEPS`, then
`naming.to_mentions`.

Each step reads the Doc and the candidates so far (sorted by start token) and returns the new
list, or None when it changed the candidates in place. The order is part of the rules: a step
sees only what the steps before it decided, and the comment on each says what it needs.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from reader.core.analysis.entities.acronyms import drop_spelled_out_acronyms
from reader.core.analysis.entities.candidates import Candidate
from reader.core.analysis.entities.companies import unlabelled_companies
from reader.core.analysis.entities.credits import drop_credit_lines
from reader.core.analysis.entities.described import names_by_description
from reader.core.analysis.entities.full_names import completed_names
from reader.core.analysis.entities.furniture import (
    drop_common_words,
    drop_lone_common_nouns,
    drop_page_furniture,
    drop_qualifying_common_words,
    mark_platforms,
)
from reader.core.analysis.entities.headlines import without_headline_words
from reader.core.analysis.entities.institutions import unlabelled_institutions
from reader.core.analysis.entities.kinds import settle_kinds
from reader.core.analysis.entities.lone_names import drop_bracketed_words, lone_names_by_use
from reader.core.analysis.entities.offices import without_departments
from reader.core.analysis.entities.organizations import organizations_by_evidence
from reader.core.analysis.entities.persons import with_speaking_names
from reader.core.analysis.entities.places import (
    countries_inside_names,
    places_not_organizations,
    states_not_countries,
)
from reader.core.analysis.entities.records import teams_by_record
from reader.core.analysis.entities.script import drop_right_to_left
from reader.core.analysis.entities.sports import (
    is_sports_report,
    places_as_teams,
    with_person_patterns,
    with_results_lines,
)
from reader.core.analysis.entities.unlabelled import add_unlabelled
from reader.core.analysis.entities.wire import (
    drop_unintroduced_persons,
    is_wire_story,
    mark_dateline_places,
)

Step = Callable[[Doc, list[Candidate]], list[Candidate] | None]

# Tokens of the longest stretch that can be a name. Real names have a handful of words (the
# longest on the development sets: 9 tokens, "D.C. Court of Appeals’ Board on Professional
# Responsibility"; a person's, 7: "Nawaf al-Ahmad al-Sabah"). A longer stretch is a run of
# capitalised words ("Merkel Merkel ..." 20,000 times, one PERSON to the model), and the steps
# compare every ending or beginning of a name, so each one would cost its length squared.
MAX_NAME_TOKENS = 16


def sports_teams_or_wire_persons(doc: Doc, candidates: list[Candidate]) -> None:
    """A sports report's places that act are teams; outside sports, agency copy's lone names
    never introduced are no persons. One or the other: a sports report keeps its lone
    surnames ("Wilson scored"), which agency copy would drop."""
    if is_sports_report(doc, candidates):
        places_as_teams(doc, candidates)
    elif is_wire_story(doc):
        drop_unintroduced_persons(doc, candidates)


STEPS: tuple[Step, ...] = (
    # The model labels runs of Arabic or Hebrew words at random: gone before any step counts
    # them as names or votes with them.
    drop_right_to_left,
    # Credit lines are read on the characters (`credits`) and named last; the model's cuts of
    # them go first, so that no step learns a photographer's name as a team or a place.
    drop_credit_lines,
    # "[W]e are": an editor's bracket inside a word, gone before any step learns it as a name.
    drop_bracketed_words,
    # "U.S." + "Senate" joined while both are still the model's own pieces, before the
    # headline and layout steps split or relabel either.
    countries_inside_names,
    # "Commerce" of "Commerce Secretary Howard Lutnick" is the role's, before any vote counts it.
    without_departments,
    # Gallery captions, then one-word names that open a sentence and are common words: before
    # any layout step or vote can make a name of them.
    drop_page_furniture,
    drop_common_words,
    # "the Northern shaft" where the text speaks of northern winters: a common word that only
    # qualifies nouns, gone with the other common words.
    drop_qualifying_common_words,
    # "AI" where the article writes "artificial intelligence": a common term's short form,
    # gone with the other common words, before any vote or repeat takes it for a name.
    drop_spelled_out_acronyms,
    # "said on Twitter": the platform names nothing but keeps its place, so that the votes
    # pass it over and `unlabelled` adds no repeat of it ("Twitter said").
    mark_platforms,
    # Title-case headlines cut to the names the body uses (else split at the article's common
    # words), a verb cut off a name: before the votes, so "Trump Warns Clinton" never votes as
    # one person, and before `completed_names`, which reads the same headline lines.
    without_headline_words,
    # Names on a dateline are places: flagged before the results lines (which skip them) and
    # the votes (which never change a place).
    mark_dateline_places,
    # 1990s wire layouts (see `sports`): results lines make teams first; layout persons
    # ("A. Dale", "15 - Jeff Wilson") then replace what they overlap; a win-loss record makes
    # a team only where no person stands, so it runs after both.
    with_results_lines,
    with_person_patterns,
    teams_by_record,
    # Needs the team flags of the results lines and records to tell a sports report.
    sports_teams_or_wire_persons,
    # Untagged names that speak a quote: after every step that names or flags a span (it adds
    # only uncovered names), before the votes, which they join.
    with_speaking_names,
    # One kind per name for the whole document, from all the candidates found so far.
    settle_kinds,
    # "her book, Living History", "a group known as Fancy Bear": the noun a name is given to
    # overrides the votes (a work is no entity, a group an organization), before the company
    # evidence, which may still make a person a company.
    names_by_description,
    # A company's evidence (legal form, trade, company noun, role) overrides the vote above,
    # but not for a name the article shows to be a person's ("Clinton spokesman Brian Fallon").
    organizations_by_evidence,
    # "Florida" labelled an organization where the article's other mentions, or the U.S.
    # states, say place: after every step that gives an organization evidence, before the
    # repeats, which then leave the place alone.
    places_not_organizations,
    # "told Dispatchly", "down the Vistula": a one-word person the article never introduces
    # (no full name, title or given name) that a mention shows to be a medium or a thing,
    # after the votes (which count every mention) and before the repeats take its kind.
    lone_names_by_use,
    # A lone common noun opening a sentence ("Turnout was 62 percent") that is still a person
    # after every vote and evidence (a team's "Surrey" is an organization by now), or a
    # plural of people in a role ("Farmers' union"), still an organization: before the
    # repeats, which would learn it as a name.
    drop_lone_common_nouns,
    # "the Dockworkers Union" the model missed: after every name is settled (it only fills
    # gaps), before the repeats, which then find it again elsewhere.
    unlabelled_institutions,
    # "ASML chief executive Lars Hendriks", "ASML shares rose": a company the model missed,
    # by its office before a person or its shares; after the persons are settled (the office
    # needs one after it), before the repeats, which then find it again elsewhere.
    unlabelled_companies,
    # Repeats of known names take their settled kind, so after the votes and the evidence.
    add_unlabelled,
    # Persons widened over nicknames, particles, a missed first name: repeats included.
    completed_names,
    # Georgia the state, told by the other U.S. states the whole list now holds: last.
    states_not_countries,
)


def run_steps(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """`candidates` after every step of `STEPS`, in order, none longer than `MAX_NAME_TOKENS`
    (dropped before each step, so that no step ever sees one)."""
    candidates = of_name_length(candidates)
    for step in STEPS:
        result = step(doc, candidates)
        candidates = of_name_length(candidates if result is None else result)
    return candidates


def of_name_length(candidates: list[Candidate]) -> list[Candidate]:
    """`candidates` without those too long to be names (see `MAX_NAME_TOKENS`)."""
    if all(c.end - c.start <= MAX_NAME_TOKENS for c in candidates):
        return candidates
    return [c for c in candidates if c.end - c.start <= MAX_NAME_TOKENS]
