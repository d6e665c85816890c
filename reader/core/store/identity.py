"""Collection identity: which entities of different articles are one real entity.

An article's analysis keys its entities inside the article (`person:obama`, decided by the
entity rules of `reader.core.analysis`) and never changes when other articles arrive. A
collection maps each (article, per-article key) to a collection key from what its articles
say (docs: DESIGN.md, "Two levels of identity"; issue 21, deliverable 1):

Persons
- A full name is the person of its first word, surname and suffix, whatever titles stand
  before it or middle names and initials inside it: "Sen. Ted Cruz", "Donald J. Trump",
  "Hillary Rodham Clinton" are `person:ted-cruz`, `person:donald-trump`,
  `person:hillary-clinton`. Two different middles with one first word and surname ("George W.
  Bush", "George H. W. Bush", compared by initials) are two people, keyed with their initials;
  the name without a middle then names neither and keeps its own key.
- One word (a surname: "Obama"; a given name, "Hillary", when nobody bears it as a surname)
  links to a full name when the evidence leaves one: first the full names of the same article
  with that surname, else those of the whole collection. Several are narrowed by the entity's
  own words before its mentions: a given name there that makes one of them ("Hillary" before
  "Clinton" where the analysis did not take the name whole); a sex ("Mrs.", "his wife,")
  drops the full names called by the other sex somewhere in the collection, then an office
  ("President", "Sen.") or the sex picks the one full name that carries it somewhere, else
  the one the collection names in full in EVIDENCE_MAJORITY times as many articles as all
  the others together ("Obama" alone, where dozens of articles name Barack Obama and three
  Michelle Obama). What is still ambiguous keeps its own key, and so does a one-word name
  with a sex ("Mrs. Vance") that the only candidate's articles show of the other.
- A one-word person its own analysis kept apart from its article's full names with that
  surname (the analysis compares them all: "Mrs. Vance" beside a John Vance called "Mr.",
  "Obama" used only before "Michelle Obama") never links to them; only to another person
  of the collection, by the rules above. Not where those full names end in a suffix ("Harry
  F. Byrd Sr."), which an older analysis did not compare.
- Across articles, one word links only to a person named in full in WELL_ATTESTED other
  articles, or in all of them when there are fewer (or whose given name the article writes
  before it); and a word that is a surname in the collection stays apart when its article
  reads it as a given name: the first word of a full name there, or a common given name
  (COMMON_GIVEN_NAMES, or the given name of a full name of the collection) with no title
  before it ("my parents, James and Olive" is not LeBron James; "Mr. James" may be). A
  monarch's name ("King George III", "Pope Francis": `PersonName.royal`, or a royal title
  before a mention) never links by given name or surname. These rules stop false merges a new
  user found on quotes-dev (an author's father "James" had joined LeBron James, "King George
  III" George Bush).
Organizations
- An acronym ("FBI", "U.N.") or a short form links to a full name only on evidence an
  article gives: first its own article's (a full name written with it, "the Affordable Care
  Act (ACA)", or both forms with those initials), else the full name that an article of the
  collection writes it for (a mention of the full name's entity spelt that way, as the
  analysis links "EU" to "European Union" inside an article). Initials alone never link
  across articles (on quotes-dev, "NBC" had joined the National Baptist Convention and "ACA"
  the Arms Control Association), and a country's short form (COUNTRY_SHORT_FORMS: "U.S." of
  "U.S. Court") never links to an organization ("U.S. Senate"). "The" before a name is not
  part of it.
Countries keep their keys (they come from one gazetteer). An entity the reader corrected is
known by its key, which the correction chose (`EntityFacts.identity_name`).

Cost: adding or removing an article touches only its own entities and dict indexes (by
surname, given name, alias, articles naming a full name; its own initials and aliases); a key
is resolved with a few look-ups among the full names that share its surname or among its
article's organizations, memoized until the next change. Nothing compares all pairs, and
nothing of another article is read again.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable

from reader.core.model import Kind
from reader.core.store.entity_facts import (
    COMMON_GIVEN_NAMES,
    COUNTRY_SHORT_FORMS,
    GIVEN_FORMS,
    ROYAL_WORDS,
    EntityFacts,
    PersonName,
    SharedFacts,
    initials,
    is_acronym,
    org_form,
    slug,
)
from reader.core.store.identity_evidence import EVIDENCE_MAJORITY, Evidence, given_written, narrowed

WELL_ATTESTED = 2
"""A one-word name links across articles only to a person named in full in at least this
many other articles (or in every other one, in a collection of fewer): one article of 84
naming "LeBron James" is too little to say that the "James" of another is him (quotes-dev: an
author's father); two keep "Obama" alone -> Barack Obama, named in full in dozens. Chosen by
hand (issue 21, fresh-eyes trial)."""


def _count(counter: Counter, item: Hashable, delta: int) -> None:
    counter[item] += delta
    if counter[item] <= 0:
        del counter[item]


class CollectionIdentity:
    """The collection keys of the entities of a set of articles (any hashable ids).

    `add(article, entities)` and `remove(article)` change the set; `key(article, key)` gives
    the collection key of an article's key (the key itself when nothing links it; a key the
    article does not have is returned unchanged).
    """

    def __init__(self) -> None:
        self._articles: dict[Hashable, dict[str, EntityFacts]] = {}
        self._shared = SharedFacts()  # one copy of equal strings, sets and names
        self._own: dict[Hashable, dict[str, tuple[PersonName, ...]]] = {}  # surname -> names
        self._middles: dict[tuple, Counter] = defaultdict(Counter)  # base -> middles
        self._evidence: dict[tuple, Evidence] = defaultdict(Evidence)  # (base, middle)
        self._by_surname: dict[str, Counter] = defaultdict(Counter)  # surname -> bases
        self._by_given: dict[str, Counter] = defaultdict(Counter)  # given as written -> bases
        self._written: dict[tuple, Counter] = defaultdict(Counter)  # base -> givens as written
        self._together: Counter = Counter()  # base with Jr./Sr. -> articles naming both forms
        self._kinds: dict[str, Counter] = defaultdict(Counter)  # folded name -> kinds
        self._by_alias: dict[str, Counter] = defaultdict(Counter)  # alias -> full org names
        self._named: Counter = Counter()  # base and (base, middle) -> articles naming it
        self._own_orgs: dict[Hashable, dict[str, tuple[str, ...]]] = {}  # initials/alias ->
        self._own_givens: dict[Hashable, set[str]] = {}  # given names of its full names
        self._memo: dict[tuple[Hashable, str], str] = {}

    def __contains__(self, article: Hashable) -> bool:
        return article in self._articles

    def articles(self) -> tuple[Hashable, ...]:
        return tuple(self._articles)

    def entities(self, article: Hashable) -> tuple[EntityFacts, ...]:
        """The article's entities as added; () for an article not in the collection."""
        return tuple(self._articles.get(article, {}).values())

    def add(self, article: Hashable, entities: Iterable[EntityFacts]) -> None:
        """Add an article's entities (replacing what was added for it before)."""
        self.remove(article)
        facts = {f.key: f for f in map(self._shared.facts, entities)}
        self._articles[article] = facts
        own: dict[str, dict[PersonName, None]] = defaultdict(dict)  # ordered sets
        orgs: dict[str, dict[str, None]] = defaultdict(dict)
        for f in facts.values():
            if f.kind == Kind.PERSON and not (name := self._shared.name(f)).single:
                own[name.surname][name] = None
            if f.kind == Kind.ORG and not f.corrected and not is_acronym(full := org_form(f.name)):
                for form in (*f.aliases, initials(full)):
                    orgs[form][full] = None
            self._index(article, f, +1)
        own = self._own[article] = {surname: tuple(names) for surname, names in own.items()}
        self._own_orgs[article] = {form: tuple(names) for form, names in orgs.items()}
        self._own_givens[article] = {n.written for names in own.values() for n in names}
        self._named.update(_named(own))
        self._together.update(_together(own))
        self._memo.clear()

    def remove(self, article: Hashable) -> None:
        """Take an article's entities out; nothing happens for an article not in it."""
        facts = self._articles.pop(article, None)
        if facts is None:
            return
        for f in facts.values():
            self._index(article, f, -1)
        own = self._own.pop(article)
        self._named.subtract(_named(own))
        self._named = +self._named
        self._together.subtract(_together(own))
        self._together = +self._together
        del self._own_orgs[article], self._own_givens[article]
        self._memo.clear()

    def _index(self, article: Hashable, f: EntityFacts, delta: int) -> None:
        if f.kind in (Kind.PERSON, Kind.ORG) and not f.corrected:
            for form in _kind_forms(self._shared.name(f), f):
                _count(self._kinds[form], f.kind, delta)
        if f.kind == Kind.PERSON:
            name = self._shared.name(f)
            if name.single:
                return
            _count(self._middles[name.base], name.middle, delta)
            _count(self._by_surname[name.surname], name.base, delta)
            _count(self._by_given[name.written], name.base, delta)
            _count(self._written[name.base], name.written, delta)
            evidence = self._evidence[name.base, name.middle]
            for sex in f.sexes:
                _count(evidence.sexes, sex, delta)
            for office in f.offices:
                _count(evidence.offices, office, delta)
        elif f.kind == Kind.ORG and not f.corrected:
            full = org_form(f.name)
            if is_acronym(full):
                return
            for alias in f.aliases:
                _count(self._by_alias[alias], full, delta)

    # -- resolving

    def key(self, article: Hashable, key: str) -> str:
        """The collection key of `key` in `article` (module docstring)."""
        found = self._memo.get((article, key))
        if found is None:
            f = self._articles.get(article, {}).get(key)
            found = key if f is None or f.kind not in (Kind.PERSON, Kind.ORG) else None
            if found is None and f.kind == Kind.PERSON:
                found = self._person_key(article, f)
            elif found is None and _reads_as_person(self._kinds, self._shared.name(f), f):
                found = self._person_key(article, f)  # an ORG the collection calls a person
            if found in (None, key) and f is not None and f.kind == Kind.ORG:
                found = self._org_key(article, f)
            self._memo[article, key] = found
        return found

    def _person_key(self, article: Hashable, f: EntityFacts) -> str:
        name = self._shared.name(f)
        if not name.single:
            return self._full_key(name) or _key_of(
                self._written, _plain(self._together, self._named, name.base), ""
            )
        if name.royal or ROYAL_WORDS & f.offices:
            return f.key  # a monarch's name
        own = self._own[article].get(name.surname, ())  # its article's own come first
        candidates = dict(c for full in own if (c := self._candidate(full)) is not None)
        if own and (f.kind != Kind.PERSON or f.corrected or any(n.suffix for n in own)):
            return narrowed(candidates, f, self._evidence_of, self._named) or f.key
        if (written := given_written(candidates, f)) is not None:
            return written  # else its analysis, which saw its own, kept it apart from them
        bases = self._by_surname.get(name.surname)
        if bases and self._reads_as_given(article, name.surname, f):
            return f.key
        own_bases = {n.base for n in own}
        bases = [b for b in bases or self._by_given.get(name.surname, ()) if b not in own_bases]
        candidates = self._candidates(bases)
        found = narrowed(candidates, f, self._evidence_of, self._named)
        if found is None:
            return f.key
        base, middle = candidates[found]
        named = self._named[base if middle is None else (base, middle)]
        named -= any(n.base == base for n in self._own[article].get(base[1], ()))
        attested = named >= min(WELL_ATTESTED, len(self._articles) - 1)
        givens = {GIVEN_FORMS.get(g, g) for g in f.givens}
        return found if attested or base[0] in givens else f.key

    def _reads_as_given(self, article: Hashable, word: str, f: EntityFacts) -> bool:
        """Whether the article reads a one-word name as a given name (module docstring)."""
        if word in self._own_givens[article]:
            return True
        if f.offices or f.sexes:
            return False
        return word in COMMON_GIVEN_NAMES or any(b[1] != word for b in self._by_given.get(word, ()))

    def _ambiguous(self, base: tuple) -> bool:
        return sum(1 for middle in self._middles.get(base, ()) if middle) > 1

    def _full_key(self, name: PersonName) -> str | None:
        """The key of a full name's person; None for the bare form of two people."""
        candidate = self._candidate(name)
        return candidate[0] if candidate is not None else None

    def _candidate(self, name: PersonName) -> tuple[str, tuple[tuple, str | None]] | None:
        """(key, (base, middle)) of a full name's person, middle None when the base names one
        person whatever its middles; None for the bare form of two people."""
        base = _plain(self._together, self._named, name.base)
        if not self._ambiguous(base):
            return _key_of(self._written, base, ""), (base, None)
        if not name.middle:
            return None
        return _key_of(self._written, base, name.middle), (base, name.middle)

    def _candidates(self, bases: Iterable[tuple]) -> dict[str, tuple[tuple, str | None]]:
        """Key -> (base, middle) of the people of these full names (as `_candidate`)."""
        candidates: dict[str, tuple[tuple, str | None]] = {}
        for base in {_plain(self._together, self._named, b) for b in bases}:
            if self._ambiguous(base):
                for middle in self._middles[base]:
                    if middle:
                        candidates[_key_of(self._written, base, middle)] = (base, middle)
            else:
                candidates[_key_of(self._written, base, "")] = (base, None)
        return candidates

    def _evidence_of(self, base: tuple, middle: str | None) -> Evidence:
        total = Evidence()
        for m in self._middles.get(base, ()) if middle is None else (middle,):
            evidence = self._evidence.get((base, m))
            if evidence is not None:
                total.sexes.update(evidence.sexes)
                total.offices.update(evidence.offices)
        return total

    def _org_key(self, article: Hashable, f: EntityFacts) -> str:
        if f.corrected:
            return f.key
        form = org_form(f.name)
        if form in COUNTRY_SHORT_FORMS:
            return f.key
        full = self._own_orgs[article].get(form) or self._by_alias.get(form)
        if full and len(full) == 1:
            return "org:" + slug(next(iter(full)))
        return "org:" + slug(form) if not is_acronym(form) else f.key


def _named(own: dict[str, tuple[PersonName, ...]]) -> Counter:
    """Each person an article names in full, once by base and once by (base, middle)."""
    names = {name for names in own.values() for name in names}
    return Counter({*(n.base for n in names), *((n.base, n.middle) for n in names)})


def _reads_as_person(kinds_of: dict[str, Counter], name: PersonName, f: EntityFacts) -> bool:
    """Whether an organization's name is a person's by the collection's kinds: the
    collection calls the name (or, for one word, the surname) a person's in at least
    EVIDENCE_MAJORITY times as many articles as an organization's ("Trump" tagged ORG
    once, "Bernie Sanders" after "the Democratic Party's"; not "Ford" in car news)."""
    if f.corrected:
        return False
    kinds = kinds_of.get(_kind_forms(name, f)[0], Counter())
    return kinds[Kind.PERSON] >= EVIDENCE_MAJORITY * max(1, kinds[Kind.ORG])


def _key_of(written: dict[tuple, Counter], base: tuple[str, str, str], middle: str) -> str:
    """A person's collection key, with the given name as the collection writes it most
    (then the first in alphabetical order): "Joe Biden" and "Joseph Biden" share one."""
    counts = written.get(base) or Counter({base[0]: 1})
    given = max(counts, key=lambda w: (counts[w], w))
    return _person_key((given, *base[1:]), middle)


def _plain(together: Counter, named: Counter, base: tuple) -> tuple:
    """A base with "Jr." or "Sr." as the same person's base without it, when the collection
    names the name without it (`named`) and no article names both (`together`): "Joseph R.
    Biden Jr." and "Joseph R. Biden"; never "Donald Trump Jr.", whose articles name his
    father too."""
    given, surname, suffix = base
    if suffix not in ("jr", "sr") or together[base]:
        return base
    return (given, surname, "") if named[given, surname, ""] else base


def _together(own: dict[str, tuple[PersonName, ...]]) -> Counter:
    """The bases with "Jr." or "Sr." of the full names an article names also without it."""
    names = {name.base for names in own.values() for name in names}
    return Counter(b for b in names if b[2] in ("jr", "sr") and (*b[:2], "") in names)


def _kind_forms(name: PersonName, f: EntityFacts) -> tuple[str, ...]:
    """The folded names an entity votes a kind for: its name without titles and middles
    (and, a person's full name, its surname too)."""
    full = " ".join(w for w in (name.given, name.surname) if w)
    return (full, name.surname) if f.kind == Kind.PERSON and not name.single else (full,)


def _person_key(base: tuple[str, str, str], middle: str) -> str:
    given, surname, suffix = base
    return "person:" + slug(" ".join(w for w in (given, *middle, surname, suffix) if w))
