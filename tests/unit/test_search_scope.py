"""When search ranks only the newest matches, the store says how many matched, and the CLI
says "best of the newest N of M matches"; when it ranks them all, nothing is said."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.core.article import Article
from reader.core.store import Library, SearchScope, library_search


def _library(path: Path) -> None:
    with Library.open(path) as lib:
        lib.add_many(
            Article(title=f"Report {n}", body=f"Report {n}\n\nThe harbour {n} opened.")
            for n in range(5)
        )


def test_scope_counts_every_match_and_what_was_ranked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "lib.sqlite3"
    _library(path)
    with Library.open(path) as lib:
        assert lib.search_scope("harbour") == SearchScope(5, 5)
        assert lib.search_scope("harbour").describe() == ""
        monkeypatch.setattr(library_search, "SEARCH_CANDIDATES", 2)
        scope = lib.search_scope("harb")
        assert scope == SearchScope(5, 2) and not scope.complete
        assert scope.describe() == "best of the newest 2 of 5 matches"
        assert len(lib.search("harb")) == 2  # what search ranked, as the scope says
        assert lib.search_scope("harbour 3 ") == SearchScope(1, 1)
        assert lib.search_scope("xyzzy") == SearchScope(0, 0)
        assert lib.search_scope("h") == SearchScope(0, 0)  # one letter: not searched yet
        assert lib.search_scope("") == SearchScope(0, 0)


def test_cli_says_when_only_the_newest_were_ranked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "lib.sqlite3"
    _library(path)
    assert main(["--library", str(path), "search", "harbour"]) == 0
    assert "newest" not in capsys.readouterr().out
    monkeypatch.setattr(library_search, "SEARCH_CANDIDATES", 3)
    assert main(["--library", str(path), "search", "harbour"]) == 0
    assert "(3 shown: the best of the newest 3 of 5 matches)" in capsys.readouterr().out
    assert main(["--library", str(path), "search", "--json", "harbour"]) == 0
    got = json.loads(capsys.readouterr().out)
    assert (got["matches"], got["ranked"], len(got["hits"])) == (5, 3, 3)
