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
