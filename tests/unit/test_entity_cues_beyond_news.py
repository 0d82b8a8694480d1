"""Typing cues that hold beyond news (issue 16 item 1): authors cited by year, the realm
after a title, places introduced by "X is a town", units after figures, towns' teams, and
terms spelt out before their acronym. Checked on invented sentences."""

from __future__ import annotations

from reader.core.analysis.entities.find import find_entities


def found(body: str) -> dict[str, str]:
    """text -> kind for every mention (the last one wins for repeated texts)."""
    return {e.text: e.kind for e in find_entities(body)}


def test_an_author_cited_by_year_is_a_person() -> None:
    got = found(
        "The vowel system follows Quorvald (1993). Later work (Brenzik, 2005) and Tamsell "
        "et al. disagree. Quorvald also describes the stress rules."
    )
    assert got["Quorvald"] == "person"
    assert got["Brenzik"] == "person"
    assert got["Tamsell"] == "person"


def test_one_context_cue_settles_every_mention_of_the_name() -> None:
    got = found(
        "Velmora is a small island in the south. Ferries reach Velmora twice a week, and "
        "Velmora has two hotels. Velmora keeps its old harbour."
    )
    assert {e.kind for e in find_entities("x. " + "Ferries reach Velmora. " * 3)} == {"org"}
    assert got["Velmora"] == "place"


def test_the_realm_after_a_title_is_not_the_person() -> None:
    got = found(
        "Athens was a small village then. The legend says that the King of Athens united "
        "the tribes. Athens grew quickly."
    )
    assert got["Athens"] == "place"
    # a title before a name still makes a person
    assert found("Later, King Theodric united the tribes.")["Theodric"] == "person"


def test_a_code_after_a_figure_is_a_unit_not_an_organisation() -> None:
    got = found("Boats cost 225 DKK per hour or 825 DKK per day from the harbour.")
    assert "DKK" not in got
    # a year before an acronym is no figure
    assert found("It was the 2018 FIFA World Cup. FIFA said so.")["FIFA"] == "org"


def test_a_towns_name_before_a_plural_is_its_team() -> None:
    got = found("He signed with the Pittsburgh Pirates in 2012 and later joined them again.")
    assert got["Pittsburgh Pirates"] == "org"


def test_a_term_spelt_out_before_its_acronym_is_not_an_organisation() -> None:
    got = found(
        "The common bulb is the Compact Fluorescent Light (CFL). However, a CFL contains "
        "mercury, and every CFL must be recycled, whatever light it gives."
    )
    assert "CFL" not in got
    got = found("The World Health Organization (WHO) met. The WHO said little.")
    assert got["WHO"] == "org"


def test_two_authors_cited_by_year_are_two_people() -> None:
    got = found("Earlier studies (Marsden & Mackey, 2014) and Polio and Gass (1997) agree.")
    assert got["Marsden"] == "person"
    assert got["Mackey"] == "person"
    assert got["Polio"] == "person"
    assert got["Gass"] == "person"
    assert "Marsden & Mackey" not in got


def test_a_dictionary_word_before_a_number_is_a_label() -> None:
    got = found(
        "Under Rule 37 the parties must disclose more. Rule 26 says less, and Rule 12 is silent."
    )
    assert "Rule" not in got


def test_a_name_introduced_as_a_thing_made_is_no_entity() -> None:
    got = found(
        "Stardust is a NASA space capsule that collected comet dust. Stardust landed in "
        "Utah, and Stardust samples went to Houston."
    )
    assert "Stardust" not in got
    assert got["Houston"] == "place"


def test_a_camel_case_brand_is_no_person() -> None:
    got = found("Her videos on YouTube drew crowds. YouTube Rewind named her twice.")
    assert got["YouTube Rewind"] == "org"
    assert got["YouTube"] == "org"
    assert found("Officials met Ana McDonald on Monday.")["Ana McDonald"] == "person"


def test_a_towns_name_before_sox_is_its_team() -> None:
    got = found("He joined the Boston Red Sox in 2013 and stayed with the Boston Red Sox.")
    assert got["Boston Red Sox"] == "org"


def test_the_head_word_alone_names_the_one_body() -> None:
    got = found(
        "The court below agreed. We don't think the Court need reach that question, "
        "and the Court said so in 1975."
    )
    assert got["Court"] == "org"


def test_words_only_a_person_takes_make_a_lone_name_a_person() -> None:
    got = found(
        "Theodorus stayed with Pachomius in the desert. Pachomius, who founded the "
        "monastery, taught him. Pachomius died in 348."
    )
    assert got["Pachomius"] == "person"


def test_regions_and_parts_of_towns_are_places() -> None:
    got = found("Buses run to the Northeast twice a day. The shops of Old Oakland are near.")
    assert got["Northeast"] == "place"
    assert got["Old Oakland"] == "place"


def test_a_genus_before_its_species_is_no_entity() -> None:
    got = found("The team used Formica fusca, an ant. Later Formica fusca ants were tested.")
    assert "Formica" not in got
    assert found("Analysts expect Kestrel to grow, and Kestrel hired staff.")["Kestrel"] == "org"


def test_two_places_before_an_organisation_head_are_one_body() -> None:
    got = found("The appeal went to the Newfoundland and Labrador Court of Appeal in 2019.")
    assert got["Newfoundland and Labrador Court of Appeal"] == "org"
    got = found("Scientists of the US and the University of Sheffield of the UK agree.")
    assert "US and the University of Sheffield of the UK" not in got


def test_in_a_text_about_places_an_unknown_repeated_word_is_a_place() -> None:
    body = (
        "Denmark is small. Trains from Germany and Sweden reach Denmark daily, and "
        "from Norway too. The road runs on to Faaborg. Faaborg has a harbour, and buses "
        "link Faaborg with Odense."
    )
    assert found(body)["Faaborg"] == "place"
    # the same word in a text about a company stays an organisation
    body = "Analysts expect Faaborg to grow, and Faaborg hired staff in Odense."
    assert found(body)["Faaborg"] == "org"


def test_for_joins_two_names_unless_a_head_comes_before_it() -> None:
    got = found("He first played in MLB for the Pittsburgh Pirates in 2012.")
    assert got["MLB"] == "org"
    assert got["Pittsburgh Pirates"] == "org"
    got = found("She worked at the Centre for Irish Studies in Galway.")
    assert got["Centre for Irish Studies"] == "org"


def test_a_compass_word_before_a_known_place_is_part_of_its_name() -> None:
    got = found("It is spoken in the south of the area, in Southern Senegal, by many.")
    assert got["Southern Senegal"] == "place"


def test_a_courtesy_title_makes_an_unknown_surname_a_person() -> None:
    """ "Mr", "Ms", "Mrs" and "Dr" were dropped as function words, so a surname no list
    knows fell to the organisation default in every mention."""
    got = found(
        "Both courts agreed and Quenbrook does not dispute it. The case began because "
        "Ms. Quenbrook wrote to the foundation. Quenbrook's claim is narrow. Dr Ashvell and "
        "Mrs Ovrant replied, and Ashvell spoke twice."
    )
    assert got["Quenbrook"] == "person"
    assert got["Ashvell"] == "person"
    assert got["Ovrant"] == "person"


def test_an_acronym_of_a_term_written_out_elsewhere_is_no_body() -> None:
    """Without brackets: "Remote Sensing" ... "RS" is a field; "World Health Organization"
    ... "WHO" has a body's head and stays an organisation."""
    got = found("Work on Remote Sensing grew fast. Today RS data are everywhere; RS is cheap.")
    assert "RS" not in got
    got = found("The World Health Organization met. The WHO said no. WHO officials agreed.")
    assert got["WHO"] == "org"


def test_interjections_are_no_names_and_surname_endings_are_people() -> None:
    """A transcript's "Um" and "Yeah" fell to the organisation default; so did a surname
    no list knows ("Brezhnakov" twice) when its ending says what it is."""
    got = found("Um, it was good. Yeah, Um, we went to Paris. Later Brezhnakov spoke twice.")
    assert "Um" not in got and "Yeah" not in got
    got = found("Later Brezhnakov spoke. Reforms by Brezhnakov failed in the end.")
    assert got["Brezhnakov"] == "person"


def test_a_ruler_title_is_no_name_of_its_own() -> None:
    got = found("The Tsar fled in March. Later the Tsar returned, and the Paralympics opened.")
    assert "Tsar" not in got and "Paralympics" not in got
