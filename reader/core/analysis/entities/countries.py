"""Countries by the names and adjectives news uses, resolved to ISO 3166 codes with pycountry.

pycountry knows the official forms ("Russian Federation", "Korea, Republic of"); news writes
"Russia", "South Korea", "the U.S.", "Britain". The tables in data/ add those forms
(country_names.txt), the display names readers expect (display_names.txt), and the demonyms
("Russian") that point at a country (demonyms.txt).

Serves news of any era: the aliases and demonyms hold the forms of both Reuters sets ("Zaire",
"Kazakstan" of 1996; "Czechia", "Türkiye" of 2020). No figure recorded (3717963, 256e50e).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

import pycountry

from reader.core.analysis.entities.word_lists import table


@dataclass(frozen=True, slots=True)
class Country:
    code: str  # ISO 3166-1 alpha-2, upper case ("US")
    name: str  # the name a news reader expects ("United States")

    @property
    def key(self) -> str:
        return f"country:{self.code.lower()}"


# Display names where pycountry's name is not the one news uses.
_DISPLAY_NAMES = dict(table("display_names.txt"))
_EXTRA_NAMES = {"GB-ENG": "England"}
_NOT_A_NAME = re.compile(r"[^\w' -]+")
# Distinct texts whose form `normalize` keeps: a 1 MB article asks for 84,000 forms of a few
# thousand names (every candidate is looked up as a country and a demonym, often twice).
_KEPT_FORMS = 65_536


@lru_cache(maxsize=_KEPT_FORMS)
def normalize(text: str) -> str:
    """The form names are compared in: case, dots, a leading "the" and curly quotes ignored."""
    text = text.replace("’", "'").replace(".", " ")
    text = _NOT_A_NAME.sub(" ", text).casefold()
    text = " ".join(text.split())
    return text.removeprefix("the ")


@cache
def _country(code: str) -> Country:
    if code in _EXTRA_NAMES:
        return Country(code, _EXTRA_NAMES[code])
    record = pycountry.countries.get(alpha_2=code)
    name = _DISPLAY_NAMES.get(code) or getattr(record, "common_name", None) or record.name
    return Country(code, name)


# ISO 3166-2 types of a part of one country that ISO 3166-1 also lists as a country: Hong Kong,
# Macao, Puerto Rico, Guam. News treats them as places, not countries.
_DEPENDENT_TYPES = frozenset({"Outlying area", "Special administrative region"})


@cache
def _dependent_codes() -> frozenset[str]:
    """Codes of ISO 3166-1 entries that ISO 3166-2 lists as part of another country."""
    names = {
        normalize(subdivision.name.removesuffix(" SAR"))
        for subdivision in pycountry.subdivisions
        if subdivision.type in _DEPENDENT_TYPES
    }
    return frozenset(
        record.alpha_2
        for record in pycountry.countries
        if normalize(getattr(record, "common_name", None) or record.name) in names
        or normalize(record.name) in names
    )


@cache
def _us_states() -> frozenset[str]:
    """Normalized names of the U.S. states, the district and the outlying areas (ISO 3166-2)."""
    return frozenset(
        normalize(subdivision.name) for subdivision in pycountry.subdivisions.get(country_code="US")
    )


def is_us_state(text: str) -> bool:
    """Whether `text` names a U.S. state or territory ("Georgia", "Puerto Rico")."""
    return normalize(text) in _us_states()


@cache
def _names() -> dict[str, str]:
    names: dict[str, str] = {}
    dependent = _dependent_codes()
    for record in pycountry.countries:
        if record.alpha_2 in dependent:
            continue
        for attribute in ("name", "common_name", "official_name"):
            value = getattr(record, attribute, None)
            if value and "," not in value:
                names[normalize(value)] = record.alpha_2
    for code, name in table("country_names.txt"):
        names[normalize(name)] = code
    return names


@cache
def _demonyms() -> dict[str, str]:
    return {normalize(word): code for code, word in table("demonyms.txt")}


def country_named(text: str) -> Country | None:
    """The country `text` names ("U.S.", "the Philippines", "Russia"), or None."""
    code = _names().get(normalize(text))
    return _country(code) if code else None


def country_of_demonym(text: str) -> Country | None:
    """The country a demonym ("Russian", "Britons") refers to, or None."""
    code = _demonyms().get(normalize(text))
    return _country(code) if code else None


@cache
def country_first_words() -> frozenset[str]:
    """The first words of every country name and demonym, as `normalize` writes them."""
    names = [*_names(), *_demonyms()]
    return frozenset(name.partition(" ")[0] for name in names)
