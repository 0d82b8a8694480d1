"""A town's name before a word that is no personal name names a place, not a person
("York Minster"), and "River X" is a place (issue 16 item 1)."""

from __future__ import annotations

from reader.core.analysis.entities.find import find_entities


def _kinds(body: str) -> dict[str, str]:
    return {e.text: e.kind for e in find_entities(body)}


def test_town_before_a_building_word_is_a_place_and_so_is_the_town() -> None:
    body = (
        "Visitors climb the towers of York Minster every day. "
        "Most of them stay in York for a night before the train home."
    )
    kinds = _kinds(body)
    assert kinds["York Minster"] == "place"
    assert kinds["York"] == "place"


def test_river_prefix_names_a_place() -> None:
    kinds = _kinds("The boats tie up where the River Ouse bends past the walls.")
    assert kinds["River Ouse"] == "place"


def test_town_name_then_surname_stays_a_person() -> None:
    kinds = _kinds("Officials said Victoria Beckham met fans in the square on Monday.")
    assert kinds["Victoria Beckham"] == "person"
