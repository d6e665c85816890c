"""Countries by the names and adjectives news uses, resolved to ISO 3166 codes with pycountry.

pycountry knows the official forms ("Russian Federation", "Korea, Republic of"); news writes
"Russia", "South Korea", "the U.S.", "Britain". The small tables below add those forms, the
display names readers expect, and the demonyms ("Russian") that point at a country.

Serves news of any era: the aliases and demonyms hold the forms of both Reuters sets ("Zaire",
"Kazakstan" of 1996; "Czechia", "Türkiye" of 2020). No figure recorded (3717963, 256e50e).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import pycountry


@dataclass(frozen=True, slots=True)
class Country:
    code: str  # ISO 3166-1 alpha-2, upper case ("US")
    name: str  # the name a news reader expects ("United States")

    @property
    def key(self) -> str:
        return f"country:{self.code.lower()}"


# Display names where pycountry's name is not the one news uses.
_DISPLAY_NAMES = {
    "BN": "Brunei",
    "BO": "Bolivia",
    "CD": "Democratic Republic of the Congo",
    "CI": "Ivory Coast",
    "CV": "Cape Verde",
    "CZ": "Czech Republic",
    "FM": "Micronesia",
    "GB": "Britain",
    "IR": "Iran",
    "KP": "North Korea",
    "KR": "South Korea",
    "LA": "Laos",
    "MD": "Moldova",
    "PS": "Palestine",
    "RU": "Russia",
    "SY": "Syria",
    "TR": "Turkey",
    "TW": "Taiwan",
    "TZ": "Tanzania",
    "VA": "Vatican",
    "VE": "Venezuela",
    "VN": "Vietnam",
}

# Other names news uses, as "CODE: name; name". England is a home nation rather than a sovereign
# state, but news (and sport above all) treats it as a country; it keeps a key of its own.
_ALIASES = """
US: US; U.S.; USA; U.S.A.; America; United States of America; the States
GB: UK; U.K.; Britain; Great Britain
GB-ENG: England
RU: Russia; Russian Federation
KR: South Korea; S. Korea; Korea
KP: North Korea; N. Korea; DPRK
IR: Iran
SY: Syria
PH: Philippines
CZ: Czech Republic; Czechia
SK: Slovak Republic
NL: Netherlands; Holland
IE: Republic of Ireland; Eire
BA: Bosnia; Bosnia-Herzegovina; Bosnia and Herzegovina
MM: Burma; Myanmar
CD: Zaire; DR Congo; DRC; Democratic Republic of Congo
CG: Congo; Congo-Brazzaville
KZ: Kazakstan
SR: Surinam
TT: Trinidad; Trinidad and Tobago
FO: Faroes; Faroe Islands
PS: Palestine
AE: UAE; U.A.E.; Emirates
VA: Vatican; Holy See
CI: Ivory Coast; Cote d'Ivoire
CV: Cape Verde
SZ: Swaziland
MK: Macedonia
TR: Turkey; Türkiye
VN: Vietnam
LA: Laos
BN: Brunei
TL: East Timor
"""

# Demonyms and plural nouns for people, as "CODE: word; word".
_DEMONYMS = """
US: American; Americans
GB: British; Briton; Britons
GB-ENG: English
RU: Russian; Russians
CN: Chinese
JP: Japanese
KR: South Korean; South Koreans
KP: North Korean; North Koreans
DE: German; Germans
FR: French
IT: Italian; Italians
ES: Spanish; Spaniard; Spaniards
PT: Portuguese
NL: Dutch
BE: Belgian; Belgians
CH: Swiss
AT: Austrian; Austrians
SE: Swedish; Swede; Swedes
NO: Norwegian; Norwegians
DK: Danish; Dane; Danes
FI: Finnish; Finn; Finns
IS: Icelandic
IE: Irish
PL: Polish; Pole; Poles
CZ: Czech; Czechs
SK: Slovak; Slovaks
HU: Hungarian; Hungarians
RO: Romanian; Romanians
BG: Bulgarian; Bulgarians
GR: Greek; Greeks
TR: Turkish; Turk; Turks
CY: Cypriot; Cypriots
UA: Ukrainian; Ukrainians
BY: Belarusian; Belarussian; Belarusians
LT: Lithuanian; Lithuanians
LV: Latvian; Latvians
EE: Estonian; Estonians
MD: Moldovan; Moldovans
GE: Georgian; Georgians
AM: Armenian; Armenians
AZ: Azerbaijani; Azeri; Azeris
KZ: Kazakh; Kazakhs
UZ: Uzbek; Uzbeks
TJ: Tajik; Tajiks
AF: Afghan; Afghans
PK: Pakistani; Pakistanis
IN: Indian; Indians
BD: Bangladeshi; Bangladeshis
LK: Sri Lankan; Sri Lankans
NP: Nepali; Nepalese
MM: Burmese
TH: Thai
VN: Vietnamese
KH: Cambodian; Cambodians
MY: Malaysian; Malaysians
SG: Singaporean; Singaporeans
ID: Indonesian; Indonesians
PH: Filipino; Filipinos; Philippine
TW: Taiwanese
MN: Mongolian
AU: Australian; Australians
NZ: New Zealander; New Zealanders
CA: Canadian; Canadians
MX: Mexican; Mexicans
CU: Cuban; Cubans
BR: Brazilian; Brazilians
AR: Argentine; Argentinian; Argentines
CL: Chilean; Chileans
CO: Colombian; Colombians
PE: Peruvian; Peruvians
VE: Venezuelan; Venezuelans
EC: Ecuadorean; Ecuadorian
BO: Bolivian; Bolivians
UY: Uruguayan; Uruguayans
PY: Paraguayan
IL: Israeli; Israelis
PS: Palestinian; Palestinians
LB: Lebanese
SY: Syrian; Syrians
JO: Jordanian; Jordanians
IQ: Iraqi; Iraqis
IR: Iranian; Iranians
SA: Saudi; Saudis
YE: Yemeni; Yemenis
KW: Kuwaiti; Kuwaitis
BH: Bahraini; Bahrainis
QA: Qatari
AE: Emirati
OM: Omani
EG: Egyptian; Egyptians
LY: Libyan; Libyans
TN: Tunisian; Tunisians
DZ: Algerian; Algerians
MA: Moroccan; Moroccans
SD: Sudanese
ET: Ethiopian; Ethiopians
KE: Kenyan; Kenyans
UG: Ugandan; Ugandans
TZ: Tanzanian; Tanzanians
RW: Rwandan; Rwandans
BI: Burundian; Burundians
CD: Congolese
NG: Nigerian; Nigerians
GH: Ghanaian; Ghanaians
ZA: South African; South Africans
ZW: Zimbabwean; Zimbabweans
ZM: Zambian; Zambians
AO: Angolan; Angolans
MZ: Mozambican
SO: Somali; Somalis
RS: Serbian; Serb; Serbs
HR: Croatian; Croat; Croats
BA: Bosnian; Bosnians
SI: Slovenian; Slovene
AL: Albanian; Albanians
MK: Macedonian
"""

_EXTRA_NAMES = {"GB-ENG": "England"}
_NOT_A_NAME = re.compile(r"[^\w' -]+")


def normalize(text: str) -> str:
    """The form names are compared in: case, dots, a leading "the" and curly quotes ignored."""
    text = text.replace("’", "'").replace(".", " ")
    text = _NOT_A_NAME.sub(" ", text).casefold()
    text = " ".join(text.split())
    return text.removeprefix("the ")


def _parse(table: str) -> Iterator[tuple[str, str]]:
    for line in table.strip().splitlines():
        code, _, names = line.partition(":")
        for name in names.split(";"):
            yield code.strip(), name.strip()


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
    for code, name in _parse(_ALIASES):
        names[normalize(name)] = code
    return names


@cache
def _demonyms() -> dict[str, str]:
    return {normalize(word): code for code, word in _parse(_DEMONYMS)}


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
