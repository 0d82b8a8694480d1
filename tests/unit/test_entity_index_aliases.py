"""The entity index holds the written form as well as the canonical name, so `org:APEC`
finds an article whose highlights call "APEC" the Asia-Pacific Economic Cooperation
(issue 16 item 2)."""

from __future__ import annotations

from pathlib import Path

from test_store_support import make_article

from reader.core.analysis.model import Analysis, Entity
from reader.core.store import Library

FULL = "Asia-Pacific Economic Cooperation"


def test_acronym_and_expansion_both_find_the_article(tmp_path: Path) -> None:
    lib = Library.open(tmp_path / "library.sqlite3")
    try:
        lib.add_many([make_article(1, title="Summit", body="APEC leaders met in Lima.")])
        ents = [Entity("APEC", "org", 0, 4, FULL), Entity("Lima", "place", 19, 23, "Lima")]
        lib.put_analysis(1, Analysis(entities=ents), "v1")
        assert [h.id for h in lib.search("org:APEC")] == [1]
        assert [h.id for h in lib.search('org:"asia-pacific economic cooperation"')] == [1]
        assert [h.id for h in lib.search("person:APEC")] == []
        lib.rebuild_index()  # the repair path rebuilds from the same rows
        assert [h.id for h in lib.search("org:APEC")] == [1]
    finally:
        lib.close()


def test_known_short_form_finds_an_article_that_only_spells_it_out(tmp_path: Path) -> None:
    lib = Library.open(tmp_path / "library.sqlite3")
    try:
        body = f"Leaders of the {FULL} met in Lima."
        lib.add_many([make_article(1, title="Summit", body=body)])
        start = body.index(FULL)
        ents = [Entity(FULL, "org", start, start + len(FULL), FULL)]
        lib.put_analysis(1, Analysis(entities=ents), "v1")
        assert [h.id for h in lib.search("org:APEC")] == [1]
        assert [h.id for h in lib.search("org:ASEAN")] == []
        lib.rebuild_index()
        assert [h.id for h in lib.search("org:APEC")] == [1]
    finally:
        lib.close()


def test_short_forms_come_from_the_institutions_table_only() -> None:
    from reader.core.analysis.entities.gazetteer import known_short_forms

    assert known_short_forms("asia-pacific economic cooperation") == ("APEC",)
    assert known_short_forms("Kestrel Motors") == ()
