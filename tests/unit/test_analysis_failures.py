"""An article the analyser fails on is stored as failed (version, why): not retried at the
next start until the analyser's version changes, shown by `show --json`, never lost."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import reader.core.analysis as analysis_module
from reader.cli import main
from reader.core.analysis import analyze, analyzer_version
from reader.core.analysis_pool import BackgroundAnalyser
from reader.core.article import Article
from reader.core.importer import store_articles
from reader.core.reading.reading_set import analysed_each
from reader.core.store import Library

CALLS: list[str] = []


def _brittle(article: Article) -> object:
    CALLS.append(article.title)
    if article.title == "Bad":
        raise ValueError("the parser choked")
    return analyze(article)


def _articles() -> list[Article]:
    body = "Officials in Paris said on Tuesday that {} bridges would be repaired by March 2026."
    return [
        Article(title=t, body=body.format(k + 3), source="Wire", path=f"/x/{t}.txt")
        for k, t in enumerate(("A", "Bad", "C"))
    ]


def _run(library: Library) -> BackgroundAnalyser:
    analyser = BackgroundAnalyser(library)  # three articles: analysed in this process
    try:
        analyser.run()
    finally:
        analyser.close()
    return analyser


@pytest.fixture
def brittle(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    CALLS.clear()
    monkeypatch.setattr("reader.core.analysis.analyze", _brittle)  # the pool's
    monkeypatch.setattr("reader.core.analysis.pipeline.analyze", _brittle)  # opening one's
    return CALLS


def test_a_failure_is_kept_and_not_retried_by_the_next_start(
    tmp_path: Path, brittle: list[str]
) -> None:
    path = tmp_path / "lib.sqlite3"
    with Library.open(path) as library:
        store_articles(library, _articles())
        assert _run(library).failed == {2: "ValueError: the parser choked"}
    brittle.clear()
    with Library.open(path) as library:  # the next start
        analyser = _run(library)
        assert analyser.pending() == 0
        assert brittle == []  # nothing analysed again, the bad one included
        assert library.analysis_failure(2, analyzer_version()) == "ValueError: the parser choked"
        assert library.get(2).title == "Bad"  # still there, listed and searchable
        assert [r.id for r in library.search("Bad")] == [2]
        # Opening it does not analyse it again: the stored reason is given.
        analyses, failures = analysed_each(library, [1, 2])
        assert failures == ["", "ValueError: the parser choked"]
        assert analyses[1].entities == []
        assert brittle == []


def test_a_new_analyser_version_retries_it(
    tmp_path: Path, brittle: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with Library.open(tmp_path / "lib.sqlite3") as library:
        store_articles(library, _articles())
        _run(library)
        monkeypatch.setattr(analysis_module, "analyzer_version", lambda: "a newer one")
        monkeypatch.setattr("reader.core.analysis.analyze", analyze)  # fixed meanwhile
        monkeypatch.setattr("reader.core.analysis.pipeline.analyze", analyze)
        assert library.queue.pending_count("a newer one") == 3
        assert _run(library).failed == {}
        assert library.analysis_failure(2, "a newer one") is None
        assert library.get_analysis(2, "a newer one") is not None


def test_a_failure_found_on_opening_is_stored_too(tmp_path: Path, brittle: list[str]) -> None:
    with Library.open(tmp_path / "lib.sqlite3") as library:
        store_articles(library, _articles())
        _analyses, failures = analysed_each(library, [2])
        assert failures == ["ValueError: the parser choked"]
        assert library.queue.pending_count(analyzer_version()) == 2  # A and C only


def test_show_json_says_why(
    tmp_path: Path, brittle: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "lib.sqlite3"
    with Library.open(path) as library:
        store_articles(library, _articles())
        _run(library)
    capsys.readouterr()
    assert main(["--library", str(path), "show", "2", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["analysis_error"] == "ValueError: the parser choked"
    assert main(["--library", str(path), "show", "1", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["analysis_error"] is None
