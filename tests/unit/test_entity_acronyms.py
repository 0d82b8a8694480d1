"""An acronym and its expansion are one entity (issue 16 item 2): spelled out in the
article, or known from the shipped table of well-known institutions."""

from __future__ import annotations

from reader.core.analysis.entities.find import find_entities
from reader.core.analysis.entities.gazetteer import institutions


def names(body: str) -> dict[str, tuple[str, str]]:
    return {e.text: (e.kind, e.name) for e in find_entities(body)}


def test_hyphenated_expansion_in_the_article_names_the_acronym() -> None:
    got = names("The Asia-Pacific Economic Cooperation forum opened. APEC leaders met.")
    full = "Asia-Pacific Economic Cooperation"
    assert got["APEC"] == ("org", full)
    assert got[full] == ("org", full)


def test_known_short_forms_take_the_full_name() -> None:
    got = names("Stocks fell after the Fed spoke, and NATO allies met. The Fed said no.")
    assert got["Fed"] == ("org", "Federal Reserve")
    assert got["NATO"] == ("org", "North Atlantic Treaty Organization")


def test_an_acronym_that_is_also_a_function_word_is_found() -> None:
    assert names("Officials at the WHO said so.")["WHO"] == ("org", "World Health Organization")
    assert "who" not in {k.lower() for k in names("Nobody knows who did it.")}


def test_the_article_s_own_expansion_wins_over_the_table() -> None:
    body = "The Federal Bureau of Prisons (FBI) is not the police. The FBI said no."
    assert names(body)["FBI"][1] == "Federal Bureau of Prisons"


def test_table_is_small_and_well_formed() -> None:
    table = institutions()
    assert 10 < len(table) < 500
    assert all(full and full[0].isupper() for full in table.values())


def test_an_acronym_spelled_out_in_lower_case_is_a_term_not_an_org() -> None:
    body = "We mapped it with geographic information systems (GIS). GIS data helped."
    assert "GIS" not in names(body)
    assert names("Flows of foreign direct investment (FDI) fell. The IMF said so.") == {
        "IMF": ("org", "International Monetary Fund")
    }


def test_a_person_of_an_organisation_is_two_entities() -> None:
    got = names("Lawmaker Cheng Chung-tai of Civic Passion said the bill was wrong.")
    assert got == {
        "Cheng Chung-tai": ("person", "Cheng Chung-tai"),
        "Civic Passion": ("org", "Civic Passion"),
    }
    assert names("John Smith of London spoke.") == {
        "John Smith": ("person", "John Smith"),
        "London": ("place", "London"),
    }
