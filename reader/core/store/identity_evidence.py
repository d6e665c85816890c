"""Collection identity's evidence for a one-word name (`reader.core.store.identity`): what the
collection says of each full name (sexes and offices seen before it, the articles naming it)
and the one candidate that evidence leaves.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from reader.core.store.entity_facts import GIVEN_FORMS, EntityFacts

EVIDENCE_MAJORITY = 3
"""A title picks a full name that carries it in at least three times as many articles as the
other candidates together: an article-level resolution that went astray once ("President
Obama" read as "Michelle Obama" where she is the only full name) must not veto the others.
Chosen by hand (issue 21, on quotes-dev: President Obama 14 articles to 1 and 1). The same
majority of articles naming a full name picks the bearer of a surname alone that nothing
else settles."""


@dataclass
class Evidence:
    """What the collection says of one full name: sexes and offices seen before it."""

    sexes: Counter = field(default_factory=Counter)
    offices: Counter = field(default_factory=Counter)


def narrowed(
    candidates: dict[str, tuple[tuple, str | None]],
    f: EntityFacts,
    evidence_of: Callable[[tuple, str | None], Evidence],
    named: Counter,
) -> str | None:
    """The one candidate left by the entity's evidence, else None: the given name written
    before it; then a sex drops the candidates shown only of the other (even a lone one);
    then an office, the sex, or the number of articles naming each in full (`named`: base
    and (base, middle) -> articles) picks the one that carries it in EVIDENCE_MAJORITY times
    as many articles as the others together (`reader.core.store.identity`'s docstring)."""
    keys = sorted(candidates)
    written = given_written(candidates, f)
    if len(keys) > 1 and written is not None:
        return written
    evidence = {k: evidence_of(*candidates[k]) for k in keys}
    sex = next(iter(f.sexes)) if len(f.sexes) == 1 else None
    if sex is not None:  # "Mrs. Vance" is never a John Vance called "Mr." only
        other = "f" if sex == "m" else "m"
        keys = [k for k in keys if sex in evidence[k].sexes or other not in evidence[k].sexes]
    if len(keys) <= 1:
        return keys[0] if keys else None
    by_office = {k: sum(evidence[k].offices[o] for o in f.offices) for k in keys}
    by_sex = {k: evidence[k].sexes[sex] if sex else 0 for k in keys}
    by_naming = {k: named[b if m is None else (b, m)] for k in keys for b, m in [candidates[k]]}
    return _held(by_office) or _held(by_sex) or _held(by_naming)


def given_written(candidates: dict[str, tuple[tuple, str | None]], f: EntityFacts) -> str | None:
    """The one candidate whose given name stands right before the entity's mentions
    ("Hillary" before a "Clinton" the analysis kept alone), else None."""
    givens = {GIVEN_FORMS.get(g, g) for g in f.givens}
    written = [k for k in sorted(candidates) if candidates[k][0][0] in givens]
    return written[0] if len(written) == 1 else None


def _held(articles: dict[str, int]) -> str | None:
    """The candidate that carries a title in EVIDENCE_MAJORITY times as many articles as all
    the others together (and in one at least), else None."""
    best = max(articles, key=lambda k: articles[k], default=None)
    if best is None or not articles[best]:
        return None
    others = sum(articles.values()) - articles[best]
    return best if articles[best] >= EVIDENCE_MAJORITY * others else None
