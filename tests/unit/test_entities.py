"""People, places and organisations: rules checked on invented sentences and the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.analysis.entities.find import find_entities
from reader.core.analysis.entities.names import merge_aliases, name_key
from reader.core.analysis.model import Entity

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def found(body: str) -> dict[str, str]:
    """text -> kind for every mention (the last one wins for repeated texts)."""
    return {e.text: e.kind for e in find_entities(body)}


def names(body: str) -> dict[str, str]:
    return {e.text: e.name for e in find_entities(body)}


def test_sentence_initial_common_words_are_not_names() -> None:
    body = (
        "However, the plan stalled. Establishing a fund took months, said Maria Fenwick. "
        "The Fenwick report was dull. Reporters waited outside the hall in Nairobi."
    )
    got = found(body)
    assert "However" not in got
    assert "Establishing" not in got
    assert "The" not in got and "The Fenwick" not in got
    assert "Reporters" not in got
    assert got["Maria Fenwick"] == "person"
    assert got["Nairobi"] == "place"


def test_title_case_heading_keeps_only_confirmed_names() -> None:
    body = (
        "Fenwick Unveils Bold Harbour Plan For Nairobi\n\n"
        "Senator Maria Fenwick spoke in Nairobi on Monday about the harbour.\n\n"
        "Lessons From A Difficult Decade\n\n"
        "The senator said the work would take years."
    )
    ents = find_entities(body)
    heading = [e for e in ents if e.start < body.index("\n")]
    assert {(e.text, e.kind) for e in heading} == {("Fenwick", "person"), ("Nairobi", "place")}
    texts = {e.text for e in ents}
    assert not texts & {"Unveils", "Bold Harbour Plan", "Lessons", "Difficult Decade"}


def test_all_caps_dateline_is_a_place_only_when_known() -> None:
    got = found("NAIROBI, Kenya — Traders gathered early on Tuesday.")
    assert got["NAIROBI"] == "place" and got["Kenya"] == "place"
    got = found("BLORVILLE, Kenya — Traders gathered early on Tuesday.")
    assert "BLORVILLE" not in got and got["Kenya"] == "place"


@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_possessives_are_trimmed(apostrophe: str) -> None:
    body = f"Maria Fenwick{apostrophe}s office denied it. Later Fenwick{apostrophe}s aide left."
    ents = find_entities(body)
    assert [e.text for e in ents] == ["Maria Fenwick", "Fenwick"]
    assert all(body[e.start : e.end] == e.text for e in ents)


def test_titles_are_cues_not_part_of_the_name() -> None:
    body = (
        "Kenyan President Daniel Otieno met Prime Minister Ana Lisboa and Dr. Hugo Brandt. "
        "Commerce Secretary Ruth Okafor joined them, as did Mr. Brandt."
    )
    got = found(body)
    for name in ("Daniel Otieno", "Ana Lisboa", "Hugo Brandt", "Ruth Okafor", "Brandt"):
        assert got[name] == "person"
    assert not any("President" in t or "Minister" in t or "Secretary" in t for t in got)


def test_title_after_a_place_keeps_the_place() -> None:
    got = found("He spoke with U.S. President Walter Grimsby about tariffs.")
    assert got["U.S."] == "place" and got["Walter Grimsby"] == "person"


def test_organisation_heads_and_place_cues() -> None:
    body = (
        "The Harbour Workers Union and the Ministry of Fisheries disagreed. "
        "Analysts at Brightwater Capital Group said shares of Lumen Corp fell. "
        "The protest moved from Clearbrook, Texas to Lake Tanager Station."
    )
    got = found(body)
    assert got["Harbour Workers Union"] == "org"
    assert got["Ministry of Fisheries"] == "org"
    assert got["Brightwater Capital Group"] == "org"
    assert got["Lumen Corp"] == "org"
    assert got["Clearbrook"] == "place" and got["Texas"] == "place"
    assert got["Lake Tanager Station"] == "place"


def test_acronyms_are_orgs_unless_places_and_merge_with_expansion() -> None:
    body = (
        "The Coastal Fisheries Council (CFC) met in the UK. The CFC said the EU rules "
        "were unfair; a CEO agreed."
    )
    ents = find_entities(body)
    got = {e.text: e for e in ents}
    assert got["CFC"].kind == "org" and got["CFC"].name == "Coastal Fisheries Council"
    assert got["UK"].kind == "place"
    assert "CEO" not in got


def test_surname_and_variant_spellings_share_a_canonical_name() -> None:
    body = (
        "Governor Helena Marchetti arrived. Marchetti's plan was praised, and Marchetti "
        "later thanked voters. Separately, Park Min-jun met President Park, and "
        "Park Min Jun said talks went well."
    )
    got = names(body)
    assert got["Helena Marchetti"] == got["Marchetti"] == "Helena Marchetti"
    assert got["Park Min-jun"] == got["Park"] == got["Park Min Jun"] == "Park Min-jun"
    assert name_key("Park Min-jun") == name_key("Park Min Jun")


def test_hyphenated_places_are_two_places() -> None:
    got = found("The U.S.-Kenya talks reached the Kenya-Uganda border, Asia-Pacific envoys said.")
    assert got["U.S."] == got["Kenya"] == got["Uganda"] == got["Asia-Pacific"] == "place"
    assert "U.S.-Kenya" not in got and "Kenya-Uganda" not in got


def test_officer_of_an_organisation_and_member_of_a_place() -> None:
    got = found(
        "He met the CEO of the Harbour Workers Council Ana Lisboa, then Hugo Brandt of "
        "Brightwater Capital Group and Lukas Tamm of Estonia."
    )
    assert got["Harbour Workers Council"] == "org" and got["Ana Lisboa"] == "person"
    assert got["Hugo Brandt"] == "person" and got["Brightwater Capital Group"] == "org"
    assert got["Lukas Tamm"] == "person" and got["Estonia"] == "place"


def test_spelled_out_acronym_and_events() -> None:
    got = found(
        "The General Agreement on Tariffs and Trade (GATT) met before the Nairobi Lantern "
        "Festival and the Spring Festival."
    )
    assert got["General Agreement on Tariffs and Trade"] == "org"
    assert got["Nairobi"] == "place"
    assert not {"Spring", "Lantern Festival", "Spring Festival"} & set(got)


def test_a_lone_head_word_names_its_organisation() -> None:
    body = "The Coastal Fisheries Council met on Monday. Later the Council said it would wait."
    got = {e.text: e for e in find_entities(body)}
    assert got["Council"].kind == "org" and got["Council"].name == "Coastal Fisheries Council"


def test_assorted_name_shapes() -> None:
    got = found(
        "Shares of AT&T and Procter & Gamble rose. Martin Luther King Jr. was quoted. "
        "Officials in Dar es Salaam and the Netherlands agreed, Hollis said. "
        "A Seoul-based firm grew."
    )
    assert got["AT&T"] == got["Procter & Gamble"] == "org"
    assert got["Martin Luther King Jr."] == "person"
    assert got["Dar es Salaam"] == got["Netherlands"] == got["Seoul"] == "place"
    assert got["Hollis"] == "person"  # a common surname on its own


def test_sentence_opening_surname_that_is_a_word() -> None:
    body = "Curator Helen Waters opened the show.\n\nWaters pointed out the prints to visitors."
    got = names(body)
    assert got["Waters"] == "Helen Waters"


def test_coordinated_names_are_separate() -> None:
    got = found("Trade between Kenya and Tanzania grew, Helena Marchetti and Hugo Brandt said.")
    assert got["Kenya"] == "place" and got["Tanzania"] == "place"
    assert got["Helena Marchetti"] == "person" and got["Hugo Brandt"] == "person"


def test_merge_aliases_across_articles() -> None:
    first = find_entities("President Park Min-jun spoke in Seoul. Park said little.")
    second = find_entities(
        "Park Min Jun, the president, visited the Coastal Fisheries Council. "
        "The CFC welcomed him, and Park smiled."
    )
    third = find_entities("Officials of the CFC met Park again.")
    mapping = merge_aliases([first, second, third])
    people = {e.name for e in first + second + third if e.kind == "person"}
    assert len({mapping[n] for n in people}) == 1
    assert {e.name for e in third if e.text == "CFC"} == {"CFC"}  # no expansion in that one
    assert mapping["CFC"] == mapping["Coastal Fisheries Council"] == "Coastal Fisheries Council"
    assert mapping["Park"] == "Park Min-jun"  # a bare surname joins the one full name


def test_merge_aliases_keeps_places_apart_from_people() -> None:
    first = find_entities("Forward Michael Jordan scored twice in Amman.")
    second = find_entities("Officials in Jordan welcomed the team.")
    mapping = merge_aliases([first, second])
    assert mapping["Jordan"] == "Jordan"
    assert mapping["Michael Jordan"] == "Michael Jordan"


def test_no_entities_in_plain_lowercase_text() -> None:
    assert find_entities("nothing here is a name, not even the river or the city.") == []


_PIECES = [
    *"AaBbKkMmPpSsTtUuİıßÉé .,'’-&()\n\t:;\"“”—0123\u202e\x1b",
    "U.S.",
    "President ",
    "of the ",
    " and ",
    "Mr. ",
    "Kenya",
    "(UN)",
    " said",
    "NAIROBI, ",
    "’s ",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=80).map("".join) | st.text(max_size=200))
def test_any_text_gives_valid_spans(body: str) -> None:
    for e in find_entities(body):
        assert isinstance(e, Entity)
        assert 0 <= e.start < e.end <= len(body)
        assert body[e.start : e.end] == e.text
        assert e.kind in ("person", "place", "org")
        assert e.name


@pytest.mark.parametrize(
    "body",
    [
        "Abc " * 5000,
        "Abc Def Ghi\n" * 2000,
        "ABC DEF " * 3000,
        "Abc of " * 3000 + "Def",
        "A. " * 5000,
    ],
)
def test_degenerate_text_is_handled(body: str) -> None:
    """Long capitalised runs and many title-case lines: no error, valid spans (the run is
    cut into pieces so the work stays linear)."""
    for e in find_entities(body):
        assert body[e.start : e.end] == e.text


def _seed(prefix: str) -> list[Entity]:
    path = next(SEEDS.glob(f"{prefix}*.txt"))
    return find_entities(path.read_text(encoding="utf-8"))


def test_seeds_have_expected_canonical_entities_and_no_junk() -> None:
    a, b = _seed("000_"), _seed("004_")
    for ents in (a, b):
        by_text = {(e.text, e.kind) for e in ents}
        assert ("Trump", "person") in by_text
        assert ("South Korea", "place") in by_text
        assert ("APEC", "org") in by_text
        assert {e.name for e in ents if e.text == "Trump"} == {"Donald Trump"}
        assert {e.name for e in ents if e.text == "APEC"} == {"Asia-Pacific Economic Cooperation"}
        texts = {e.text for e in ents}
        assert not texts & {"However", "The", "Trade Negotiations", "Economic Landscape"}
        assert not any(t.startswith(("President ", "South Korean ")) for t in texts)
    assert {e.name for e in b if e.text == "Lee"} == {"Lee Jae Myung"}
    mapping = merge_aliases([a, b])
    lees = {mapping[e.name] for e in a + b if e.kind == "person" and e.text.startswith("Lee")}
    assert len(lees) == 1
