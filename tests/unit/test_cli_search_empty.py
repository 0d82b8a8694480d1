"""`broadsheet search` with no hits says so; `--json` keeps an empty list."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main


def test_search_without_hits_says_no_matches(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "lib.sqlite3")
    assert main(["--library", db, "search", "xyzzy"]) == 0
    out = capsys.readouterr().out
    assert "No matches for" in out
    assert "xyzzy" in out


def test_search_without_hits_json_is_empty_list(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "lib.sqlite3")
    assert main(["--library", db, "search", "--json", "xyzzy"]) == 0
    assert json.loads(capsys.readouterr().out)["hits"] == []


def test_typed_search_on_a_fresh_library_builds_the_entity_index(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Nothing analysed yet (the app never opened): `person:` still finds the article."""
    from test_store_support import make_article

    from reader.core.store import Library

    db = tmp_path / "lib.sqlite3"
    library = Library.open(db)
    body = (
        "Prime Minister Keir Starmer met union leaders in Manchester on Tuesday. "
        "Starmer said the talks had been constructive and would resume next week. "
    ) * 3
    library.add_many([make_article(1, title="Talks resume", body=body, source="Wire")])
    library.close()
    assert main(["--library", str(db), "search", "--json", "person:starmer"]) == 0
    hits = json.loads(capsys.readouterr().out)["hits"]
    assert [h["title"] for h in hits] == ["Talks resume"]
