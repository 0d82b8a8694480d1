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
