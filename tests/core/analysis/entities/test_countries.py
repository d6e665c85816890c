import pytest

from reader.core.analysis.entities.countries import (
    country_named,
    country_of_demonym,
    is_us_state,
    normalize,
)


@pytest.mark.parametrize(
    "text", ["US", "U.S.", "USA", "United States", "the United States", "America"]
)
def test_names_of_the_united_states_share_one_country(text):
    country = country_named(text)
    assert country is not None
    assert (country.code, country.key, country.name) == ("US", "country:us", "United States")


@pytest.mark.parametrize(
    ("text", "code", "name"),
    [
        ("Russia", "RU", "Russia"),
        ("Russian Federation", "RU", "Russia"),
        ("Britain", "GB", "Britain"),
        ("UK", "GB", "Britain"),
        ("North Korea", "KP", "North Korea"),
        ("South Korea", "KR", "South Korea"),
        ("Iran", "IR", "Iran"),
        ("Syria", "SY", "Syria"),
        ("the Philippines", "PH", "Philippines"),
        ("GERMANY", "DE", "Germany"),
        ("Burma", "MM", "Myanmar"),
    ],
)
def test_news_names_resolve_to_iso_codes_and_news_display_names(text, code, name):
    country = country_named(text)
    assert country is not None
    assert (country.code, country.name) == (code, name)


@pytest.mark.parametrize("text", ["Moscow", "Texas", "Europe", "Chechnya", "London", ""])
def test_cities_states_and_regions_are_not_countries(text):
    assert country_named(text) is None


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("Russian", "RU"),
        ("American", "US"),
        ("British", "GB"),
        ("Russians", "RU"),
        ("South Korean", "KR"),
        ("Filipino", "PH"),
    ],
)
def test_demonyms_point_at_their_country(word, code):
    country = country_of_demonym(word)
    assert country is not None
    assert country.code == code


def test_a_country_name_is_not_a_demonym():
    assert country_of_demonym("Russia") is None


def test_normalize_ignores_dots_case_curly_quotes_and_a_leading_the():
    assert normalize("The U.S.") == "u s"
    assert normalize("Cote d’Ivoire") == normalize("cote d'ivoire")


@pytest.mark.parametrize("text", ["Hong Kong", "Macao", "Puerto Rico", "Guam", "West Bank"])
def test_territories_of_other_countries_are_not_countries(text):
    assert country_named(text) is None


@pytest.mark.parametrize(("text", "state"), [("Georgia", True), ("Ohio", True), ("Armenia", False)])
def test_us_states_come_from_iso_3166_2(text, state):
    assert is_us_state(text) is state
