"""`broadsheet show ID [--json]`: one article from the library."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.core.article import Article
from reader.core.store import Library


def _library(tmp_path: Path) -> tuple[str, int]:
    path = tmp_path / "lib.sqlite"
    library = Library.open(path)
    article = Article(
        title="Bridge [/] vote\x1b[31m",
        body="First paragraph.\n\nSecond \x1b[2J paragraph.",
        source="The Courier",
        published=dt.date(2024, 3, 5),
        url="https://example.org/bridge",
    )
    article_id, _ = library.add(article)
    library.close()
    return str(path), article_id


def test_show_json_and_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lib, article_id = _library(tmp_path)
    assert main(["--library", lib, "show", str(article_id), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data == {
        "id": article_id,
        "title": "Bridge [/] vote\x1b[31m",
        "source": "The Courier",
        "published": "2024-03-05",
        "url": "https://example.org/bridge",
        "body": "First paragraph.\n\nSecond \x1b[2J paragraph.",
        "analysis_error": None,  # why the analyser failed on it, when it did
    }
    assert main(["--library", lib, "show", str(article_id)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert "Bridge [/] vote" in out
    assert "The Courier · 2024-03-05" in out
    assert "https://example.org/bridge" in out
    assert "First paragraph.\n\nSecond ␛[2J paragraph." in out


def test_show_unknown_id(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lib, article_id = _library(tmp_path)
    assert main(["--library", lib, "show", str(article_id + 99)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert f"no article with id {article_id + 99}" in captured.err
