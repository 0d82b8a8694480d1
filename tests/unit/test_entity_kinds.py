"""Organisations need evidence: rules for telling a body from a product, a work, a vehicle or
a brand named like a person, checked on invented news sentences."""

from __future__ import annotations

from reader.core.analysis.entities.find import find_entities


def found(body: str) -> dict[str, str]:
    """text -> kind for every mention (the last one wins for repeated texts)."""
    return {e.text: e.kind for e in find_entities(body)}


def test_an_unknown_word_named_once_is_not_an_organisation() -> None:
    got = found("Visitors queued for hours to try Quorbix, a headset that fits in a pocket.")
    assert "Quorbix" not in got


def test_an_unknown_word_named_again_is_an_organisation() -> None:
    got = found(
        "Brightwell reported higher sales on Tuesday. Analysts expect Brightwell to hire "
        "more engineers next year."
    )
    assert got["Brightwell"] == "org"


def test_words_around_a_lone_name_can_make_it_an_organisation() -> None:
    assert found("Shares of Vantorex fell 4% in early trading.")["Vantorex"] == "org"
    assert found("A Vantorex spokesman declined to comment.")["Vantorex"] == "org"
    # a given name too, when the words around it say it is a company
    assert found("Kia dealers said demand was strong in March.")["Kia"] == "org"


def test_a_full_name_still_wins_over_company_words() -> None:
    got = found("Officials met Ana Kestrel on Monday. Kestrel officials said little.")
    assert got["Kestrel"] == "person"


def test_a_given_name_joined_to_an_unknown_word_is_a_brand() -> None:
    got = found("Exports by carmakers such as Hyundai and Kia slowed sharply in March.")
    assert got["Hyundai"] == "org" and got["Kia"] == "org"
    got = found("Reporters spoke to Maria Fenwick and Kia Moreno outside the court.")
    assert got["Maria Fenwick"] == "person" and got["Kia Moreno"] == "person"


def test_a_name_ending_in_a_number_word_is_a_vehicle_not_its_owner() -> None:
    got = found("The president flew to Tokyo aboard Air Force One on Monday.")
    assert "Air Force" not in got and "Air Force One" not in got
    assert got["Tokyo"] == "place"
    assert found("The Royal Air Force sent two jets.")["Royal Air Force"] == "org"


def test_a_letter_compound_ends_a_name() -> None:
    got = found("Students in NASA T-shirts lined up for X-ray scans at the clinic.")
    assert got == {"NASA": "org"}


def test_a_name_without_a_head_made_of_common_words_is_not_an_organisation() -> None:
    got = found("The lights dimmed as the crowd admired Velmont Lights, a new installation.")
    assert "Velmont Lights" not in got
    got = found("Older computers still run Velmont XP, the firm said.")
    assert "Velmont XP" not in got
    assert found("Fans of ABX Velmont cheered the new season.")["ABX Velmont"] == "org"


def test_a_word_shaped_like_a_demonym_needs_a_place_and_a_noun() -> None:
    got = found(
        "Deputy Director Oh Hyunjoo spoke on Monday. Output at Hyundai rose in May, "
        "though Hyundai shares fell."
    )
    assert got["Hyundai"] == "org"
    got = found("Chechen voters went to the polls. Troops left Chechnya in 2009.")
    assert "Chechen" not in got and got["Chechnya"] == "place"


def test_a_nationality_word_after_a_place_is_not_a_name() -> None:
    got = found(
        "Chinese diplomats objected. Officials said Hong Kong Chinese who hold foreign "
        "passports may keep them."
    )
    assert got == {"Hong Kong": "place"}
    got = found("Togolese officials met the delegation. Officials from Togo said little.")
    assert "Togolese" not in got and got["Togo"] == "place"
