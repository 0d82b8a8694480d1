"""Store first, analyse behind: what waits for analysis is read from the store, a pool of
worker processes analyses it, the parent lands the analyses in batches (stories joined), a
run stopped half-way is resumed by the next, `--wait` waits, and no process outlives `close`."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from test_store_support import process_alive

import reader.core.analysis_pool as pool_module
from reader.cli import main
from reader.core.analysis import analyze, analyzer_version
from reader.core.analysis_pool import BackgroundAnalyser
from reader.core.article import Article
from reader.core.importer import store_articles
from reader.core.store import Library

PLACES = ["Seoul", "Paris", "Nairobi", "Lima", "Oslo", "Hanoi", "Quito", "Accra"]


def _articles(count: int) -> list[Article]:
    return [
        Article(
            title=f"Report {k}",
            body=(
                f"Officials in {PLACES[k % len(PLACES)]} said on Tuesday that {k + 3} bridges"
                f" would be repaired by March 2026 at a cost of ${k + 10} million. Report {k}."
            ),
            source=f"Wire {k % 3}",
            path=f"/x/{k}.txt",
        )
        for k in range(count)
    ]


def _library(tmp_path: Path, count: int) -> Library:
    library = Library.open(tmp_path / "lib.sqlite3")
    store_articles(library, _articles(count))
    return library


def test_stored_articles_are_listed_searchable_and_pending(tmp_path: Path) -> None:
    library = _library(tmp_path, 5)
    version = analyzer_version()
    assert library.count() == 5 and library.search("Nairobi")
    assert library.queue.pending_count(version) == 5
    assert library.queue.pending(version, limit=2) == [1, 2]
    assert library.stories.story_of(1) == []  # joins a story when its analysis lands


def test_land_stores_once_and_joins_a_story(tmp_path: Path) -> None:
    library = _library(tmp_path, 3)
    version = analyzer_version()
    first = analyze(library.get(1))
    assert library.queue.land([(1, first), (1, first)], version) == [1]
    assert library.queue.land([(1, first), (2, analyze(library.get(2)))], version) == [2]
    assert library.queue.land([(99, first)], version) == []  # gone: skipped
    assert library.get_analysis(1, version) == first
    assert 1 in library.stories.story_of(1)
    assert library.queue.pending(version) == [3]


def test_the_pool_analyses_what_is_pending_as_analyze_does(tmp_path: Path) -> None:
    library = _library(tmp_path, 12)
    analyser = BackgroundAnalyser(library, workers=2, inline_below=0)
    seen: list[tuple[int, int]] = []
    try:
        assert analyser.run(progress=lambda done, total: seen.append((done, total))) == 12
        assert analyser.processes()  # it did use worker processes
    finally:
        analyser.close()
    version = analyzer_version()
    assert library.queue.pending_count(version) == 0
    for article_id in library.ids():
        got = library.get_analysis(article_id, version)
        assert got is not None and got.to_json() == analyze(library.get(article_id)).to_json()
        assert library.stories.story_of(article_id)
    assert seen[0] == (0, 12) and seen[-1] == (12, 12)


def test_a_run_stopped_half_way_is_resumed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pool_module, "BATCH", 4)
    monkeypatch.setattr(pool_module, "TASK", 2)
    library = _library(tmp_path, 16)
    version = analyzer_version()
    first = BackgroundAnalyser(library, workers=2, inline_below=0)
    try:  # stopped after its first batch, as a quit or a kill would leave it
        first.run(landed=lambda ids: first.stop())
    finally:
        first.close()
    left = library.queue.pending_count(version)
    assert 0 < left < 16
    library.close()
    reopened = Library.open(tmp_path / "lib.sqlite3")  # the next start
    again = BackgroundAnalyser(reopened, workers=2, inline_below=0)
    try:
        assert again.run() == left
    finally:
        again.close()
    assert reopened.queue.pending_count(version) == 0


def test_no_worker_process_outlives_close(tmp_path: Path) -> None:
    library = _library(tmp_path, 4)
    analyser = BackgroundAnalyser(library, workers=2, inline_below=0)
    analyser.run()
    pids = analyser.processes()
    assert pids and all(process_alive(pid) for pid in pids)
    analyser.close()
    assert analyser.processes() == []
    assert not any(process_alive(pid) for pid in pids)


def test_a_failing_article_is_reported_and_the_others_land(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = _library(tmp_path, 3)

    def brittle(article: Article) -> object:
        if article.title == "Report 1":
            raise ValueError("bad input")
        return analyze(article)

    monkeypatch.setattr("reader.core.analysis.analyze", brittle)
    analyser = BackgroundAnalyser(library)  # 3 articles: analysed in this process
    try:
        assert analyser.run() == 2
    finally:
        analyser.close()
    assert analyser.failed == {2: "ValueError: bad input"}
    assert analyser.pending() == 0  # stored as failed: not retried (test_analysis_failures)


def test_add_returns_stored_and_wait_waits(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = str(tmp_path / "library.sqlite3")
    files = []
    for k, article in enumerate(_articles(3)):
        path = tmp_path / f"a{k}.txt"
        path.write_text(f"{article.title}\n\n{article.body}\n", encoding="utf-8")
        files.append(str(path))
    assert main(["--library", db, "add", files[0]]) == 0
    with Library.open(db) as library:
        assert library.queue.pending_count(analyzer_version()) == 3  # two seeds and it
    assert main(["--library", db, "add", "--wait", *files[1:]]) == 0
    out, err = capsys.readouterr()
    assert "added 2" in out and err == ""
    with Library.open(db) as library:
        assert library.queue.pending_count(analyzer_version()) == 0
        assert len(library.stories.stories()) >= 1


def test_stories_analyse_what_waits_first(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = str(tmp_path / "library.sqlite3")
    assert main(["--library", db, "list"]) == 0  # the seeds, stored and not analysed
    capsys.readouterr()
    assert main(["--library", db, "stories", "--json", "--all"]) == 0
    listed = json.loads(capsys.readouterr().out)["stories"]
    assert sorted(a["id"] for s in listed for a in s["articles"]) == [1, 2]
    with Library.open(db) as library:
        assert library.queue.pending_count(analyzer_version()) == 0


CHILD = """
import sys
from reader.core.analysis_pool import BackgroundAnalyser
from reader.core.store import Library

analyser = BackgroundAnalyser(Library.open(sys.argv[1]), workers=2, inline_below=0)
analyser.run()
print(*analyser.processes(), flush=True)
sys.stdin.read()  # until killed
"""


def _ended_within(pid: int, seconds: float) -> bool:
    import select

    try:
        handle = os.pidfd_open(pid)
    except ProcessLookupError:
        return True
    try:
        return bool(select.select([handle], [], [], seconds)[0])
    finally:
        os.close(handle)


def test_workers_end_when_their_parent_is_killed(tmp_path: Path) -> None:
    """kill -9 runs no shutdown: the workers notice their parent is gone and end."""
    import signal
    import subprocess
    import sys

    _library(tmp_path, 3).close()
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(tmp_path / "lib.sqlite3")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    pids = [int(p) for p in child.stdout.readline().split()]
    assert pids and all(process_alive(pid) for pid in pids)
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert all(_ended_within(pid, 10.0) for pid in pids)
    with Library.open(tmp_path / "lib.sqlite3") as library:
        assert library.queue.pending_count(analyzer_version()) == 0  # what it landed stays
