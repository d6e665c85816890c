"""What the article says an entity is, where it says it: the role kept with the mention.

News says who someone is at the first mention, in one of three ways (issue 21): a title before
the name ("Russian Foreign Minister Sergei Lavrov", "Secretary of State John Kerry", "former
President Bill Clinton"), an apposition after it ("Rex Tillerson, the Secretary of State,";
"the Tax Foundation, a conservative think tank"), or a relative clause ("Ana Ruiz, who heads the
port authority"). The role is the stretch of text that says it, never a word list's label, so
that the reader sees the article's own wording and where it stands.

Each mention looks at a few tokens on either side of it (at most `_LONGEST_ROLE`): the cost is
linear in the number of mentions. Serves news of any era; the title words are those `from_model`
trims off names, the role nouns those `persons` reads in appositions.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from reader.core.analysis.entities.candidates import Candidate, covered
from reader.core.analysis.entities.countries import country_of_demonym
from reader.core.analysis.entities.from_model import HONORIFICS, TITLES
from reader.core.analysis.entities.offices import PORTFOLIO_WORDS
from reader.core.analysis.entities.persons import HUMAN_ROLES
from reader.core.analysis.entities.token_facts import token_lowers, token_pos, token_texts
from reader.core.model import Kind

# Tokens of the longest role looked at: "the chairman of the House Oversight and Government
# Reform Committee" is thirteen (chosen by hand).
_LONGEST_ROLE = 14
# Title words that say no role on their own: "Mr. Obama", "former Bill Clinton".
_NO_ROLE_ALONE = HONORIFICS - {"senator", "sen", "governor", "gov", "mayor"} | frozenset(
    {"former", "late", "new", "acting", "vice", "deputy", "foreign", "state", "prime", "tem"}
)
_ROLE_WORDS = TITLES | HUMAN_ROLES
_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "another"})
# Ends of an apposition or a clause: "Rex Tillerson, the Secretary of State, said".
_STOPS = frozenset({",", ".", ";", ":", "(", ")", "—", "--", "“", "”", '"', "?", "!"})
# "Ana Ruiz, who heads the port authority": verbs of a relative clause that say a role.
_ROLE_VERBS = frozenset(
    {"heads", "headed", "leads", "led", "runs", "ran", "chairs", "chaired", "directs"}
    | {"directed", "oversees", "oversaw", "founded", "owns", "manages", "represents"}
)
_LINKS = frozenset({"and", "&"})
_POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
_BEING = frozenset({"is", "was"})
# "was re-elected mayor", "was named minister", "was sworn in as governor": verbs of taking
# an office before its title ("in", "as" read after one of them only).
_OFFICE_VERBS = frozenset(
    {"elected", "reelected", "re-elected", "named", "appointed", "reappointed", "chosen"}
    | {"sworn", "installed", "confirmed", "made", "voted"}
)
# Tags of finite verbs: an apposition has none ("Trump, the nominee said" is no apposition).
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def roles_of(doc: Doc, candidates: list[Candidate]) -> dict[int, tuple[int, int]]:
    """For the persons and organizations whose role the text states next to them, the
    role's token bounds [start, end), by the candidate's start token."""
    named = covered(doc, [c for c in candidates if c.kind in (Kind.PERSON, Kind.ORG)])
    roles = {}
    for candidate in candidates:
        if candidate.kind not in (Kind.PERSON, Kind.ORG):
            continue
        role = _apposition(doc, candidate.end, named) or _relative_clause(doc, candidate)
        if role is None and candidate.kind is Kind.PERSON:
            role = _title_before(doc, candidate.start) or _apposed_before(doc, candidate)
        if role is None and candidate.kind is Kind.PERSON:
            role = _predicate(doc, candidate.end)
        if role is not None:
            roles[candidate.start] = role
    return roles


def _title_before(doc: Doc, start: int) -> tuple[int, int] | None:
    """ "Russian Foreign Minister" before "Sergei Lavrov": title words, nationalities,
    adjectives and the "of" of "Secretary of State", right before the name on its line."""
    texts, lowers, pos = token_texts(doc), token_lowers(doc), token_pos(doc)
    first = start
    i = start - 1
    while i >= 0 and start - i <= _LONGEST_ROLE and "\n" not in texts[i]:
        word = lowers[i].rstrip(".")
        if word in _ROLE_WORDS or country_of_demonym(texts[i]) is not None:
            first = i
        elif word == "of" and i > 0 and first == i + 1 < start and _is_role_word(doc[i - 1]):
            first = i  # "Secretary of State", not "director of" before a name
        elif pos[i] == "ADJ" and first < start:
            first = i  # "presidential" of "Republican presidential nominee"
        elif first == i + 1 < start and _names_a_portfolio(doc, i):
            first = i  # "Commerce" of "Commerce Secretary", "energy" of "energy minister"
        else:
            break
        i -= 1
    while first < start and lowers[first] == "of":
        first += 1
    if first == start or not any(_says_a_role(t) for t in doc[first:start]):
        return None
    return first, start


def _names_a_portfolio(doc: Doc, i: int) -> bool:
    """A department word, or a common noun in lower case, right before a role word: "Energy
    Minister", "infrastructure minister", "company spokesman"; a department word or "and"
    between two before a department word ("Homeland Security", "Commerce and Tourism")."""
    token, after = doc[i], doc[i + 1]
    if after.lower_ in _LINKS or after.lower_ in PORTFOLIO_WORDS:
        # "Homeland Security", "Commerce and Tourism": department words and their links
        link = token.lower_ in _LINKS and i > 0 and doc[i - 1].lower_ in PORTFOLIO_WORDS
        return link or token.lower_ in PORTFOLIO_WORDS
    if not _is_role_word(after):
        return False
    if token.lower_ in PORTFOLIO_WORDS:
        return True
    noun = token.pos_ == "NOUN" if token.pos_ else token.lower_ not in _DETERMINERS
    return noun and token.is_lower and token.is_alpha


def _apposed_before(doc: Doc, candidate: Candidate) -> tuple[int, int] | None:
    """ "Portugal's infrastructure minister, Rui Tavares Lopes,", "A company spokesman, Tom
    Becker,": a role phrase, a comma, then the name closed by a comma or a full stop. The role
    is the title phrase after its determiner or possessive ("infrastructure minister")."""
    start, end, texts = candidate.start, candidate.end, token_texts(doc)
    if start < 2 or texts[start - 1] != "," or end >= len(doc):
        return None
    if texts[end] not in (",", ".", ";"):
        return None
    role = _title_before(doc, start - 1)
    if role is None:
        return None
    before = doc[role[0] - 1] if role[0] > 0 else None
    if before is not None and not (
        before.lower_ in _DETERMINERS or before.lower_ in _POSSESSIVES or before.text in _STOPS
    ):
        return None  # "said the minister, Ana" needs its phrase's start in view
    return role


def _apposition(doc: Doc, end: int, named: bytearray) -> tuple[int, int] | None:
    """ "Rex Tillerson, the Secretary of State,": after a comma, a phrase opened by a
    determiner or a title word, up to the next comma or full stop, with no finite verb, and,
    after a determiner, no person's or organization's name first ("the White House, the
    Pentagon and Congress" is a list) and a noun that is no name."""
    if end + 2 >= len(doc) or token_texts(doc)[end] != ",":
        return None
    stop = _phrase_end(doc, end + 1)
    if stop - (end + 1) < 2 and not _says_a_role(doc[end + 1]):
        return None
    opening = doc[end + 1]
    if opening.lower_ not in _DETERMINERS and not _says_a_role(opening):
        return None
    phrase = doc[end + 1 : stop]
    if any(t.tag_ in _FINITE for t in phrase) or not any(t.is_alpha for t in phrase[1:]):
        return None
    if opening.lower_ in _DETERMINERS and (
        named[opening.i + 1] or not any(_is_noun(t) and not named[t.i] for t in phrase[1:])
    ):
        return None
    return end + 1, stop


def _relative_clause(doc: Doc, candidate: Candidate) -> tuple[int, int] | None:
    """ "Ana Ruiz, who heads the port authority": the clause from its verb; "who is the
    mayor": from after "is" (a passive, "who was shot", says no role)."""
    end = candidate.end
    if candidate.kind is not Kind.PERSON or end + 3 >= len(doc):
        return None
    if token_texts(doc)[end] != "," or token_lowers(doc)[end + 1] != "who":
        return None
    verb = doc[end + 2]
    if verb.lower_ in _BEING and doc[end + 3].lower_ in _DETERMINERS:
        start = end + 3  # "who is the mayor", not "who was shot"
    elif verb.lower_ in _ROLE_VERBS:
        start = end + 2
    else:
        return None
    stop = _phrase_end(doc, start)
    return (start, stop) if stop > start else None


def _predicate(doc: Doc, end: int) -> tuple[int, int] | None:
    """ "Ana Ruiz was re-elected mayor of Faro", "Rui Sousa was named finance minister",
    "Tome Lobo is the president of the port authority": after the name, "is" or "was", a verb
    of taking office if any, a determiner if any, then role words (`_title_before`'s) and the
    name of what the role is of ("of Faro"); the role is that phrase."""
    lowers, limit = token_lowers(doc), min(len(doc), end + _LONGEST_ROLE)
    if end >= limit or lowers[end] not in _BEING:
        return None
    i = end + 1
    while i < limit and (lowers[i] in _OFFICE_VERBS or lowers[i] in ("re", "-")):
        i += 1
    if i > end + 1 and i < limit and lowers[i] in ("in", "as"):
        i += 1 + (lowers[i] == "in" and i + 1 < limit and lowers[i + 1] == "as")
    if i < limit and lowers[i] in _DETERMINERS:
        i += 1
    start = i
    while i < limit and _title_word(doc, i):
        i += 1
    if i == start or not _says_a_role(doc[i - 1]) or (i < limit and lowers[i] in _POSSESSIVES):
        return None  # "was the mayor's aide" gives the mayor's role to nobody
    return start, _of_a_name(doc, i, limit)


def _title_word(doc: Doc, i: int) -> bool:
    """A word of a title after "was": a role word, a department, an adjective in lower case
    ("finance minister", "deputy mayor", "chief executive")."""
    word = token_lowers(doc)[i].rstrip(".")
    if word in _ROLE_WORDS or word in PORTFOLIO_WORDS:
        return True
    token = doc[i]
    return token.is_lower and token.pos_ in ("ADJ", "NOUN") and _is_role_word_after(doc, i)


def _is_role_word_after(doc: Doc, i: int) -> bool:
    return i + 1 < len(doc) and _is_role_word(doc[i + 1])


def _of_a_name(doc: Doc, i: int, limit: int) -> int:
    """The end of "of Faro", "of the port authority" after a role ending at i: "of", a
    determiner, then capitalized words or nouns; i when no such phrase follows."""
    lowers, texts = token_lowers(doc), token_texts(doc)
    if i >= limit or lowers[i] != "of":
        return i
    j = i + 1
    if j < limit and lowers[j] in _DETERMINERS:
        j += 1
    first = j
    while j < limit and (texts[j][:1].isupper() or doc[j].pos_ == "NOUN") and texts[j].isalpha():
        j += 1
    return j if j > first else i


def _phrase_end(doc: Doc, start: int) -> int:
    """The end of the phrase from `start`: the next stop, line break or `_LONGEST_ROLE`."""
    i = start
    limit = min(len(doc), start + _LONGEST_ROLE)
    while i < limit and doc[i].text not in _STOPS and "\n" not in doc[i].text:
        i += 1
    return i if i < limit or i == len(doc) else start


def _is_noun(token: Token) -> bool:
    """A noun by the tagger; without one (a blank pipeline), any word that is no name."""
    if token.pos_:
        return token.pos_ in ("NOUN", "PROPN")
    return token.is_alpha


def _is_role_word(token: Token) -> bool:
    return token.lower_.rstrip(".") in _ROLE_WORDS


def _says_a_role(token: Token) -> bool:
    word = token.lower_.rstrip(".")
    return word in _ROLE_WORDS and word not in _NO_ROLE_ALONE
