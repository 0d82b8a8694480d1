"""An import killed with SIGKILL at any moment leaves a sound library: every committed article
whole, and importing again completes the set without duplicates."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reader.core.importer import import_paths
from reader.core.store import Library

COUNT = 300

CHILD = textwrap.dedent(
    """
    import sys, time
    from reader.core.analysis.model import Analysis
    from reader.core.importer import import_paths
    from reader.core.store import Library

    def analyze(article):
        time.sleep(0.002)  # widen the window in which the kill can land
        return Analysis()

    def progress(done, total, path):
        print(done, flush=True)

    with Library.open(sys.argv[1]) as lib:
        import_paths(lib, [sys.argv[2]], batch_size=20, progress=progress,
                     analyze=analyze, analysis_version="crash")
    print("finished", flush=True)
    """
)


def write_corpus(folder: Path) -> dict[str, str]:
    """COUNT article files; returns content hash -> file name."""
    folder.mkdir()
    hashes = {}
    for n in range(COUNT):
        text = (
            f"Article {n}\n\n" + f"Paragraph {n} of the crash test corpus. " * (5 + n % 20) + "\n"
        )
        (folder / f"a{n:04}.txt").write_text(text, encoding="utf-8")
        hashes[hashlib.sha256(text.encode()).hexdigest()] = f"a{n:04}.txt"
    return hashes


def check_sound(path: Path) -> int:
    """Integrity, and every stored body matches its content hash. Returns the count."""
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        con.execute("INSERT INTO article_fts (article_fts, rank) VALUES ('integrity-check', 1)")
        rows = con.execute(
            "SELECT a.content_hash, t.body FROM articles AS a JOIN article_text AS t ON t.id = a.id"
        ).fetchall()
        for digest, body in rows:
            assert hashlib.sha256(body.encode()).hexdigest() == digest
        orphans = con.execute(
            "SELECT count(*) FROM articles WHERE id NOT IN (SELECT id FROM article_text)"
        ).fetchone()[0]
        assert orphans == 0
        return len(rows)
    finally:
        con.close()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_killed_imports_leave_a_sound_library(tmp_path: Path) -> None:
    hashes = write_corpus(tmp_path / "corpus")
    db = tmp_path / "library.sqlite3"
    Library.open(db).close()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    counts = []
    kills = (20, 90, 170)
    for kill_after in kills:  # articles reported done before the kill
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(db), str(tmp_path / "corpus")],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert child.stdout is not None
        for line in child.stdout:
            if line.strip() == "finished" or int(line) >= kill_after:
                break
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
        child.stdout.close()
        counts.append(check_sound(db))
    # Each run adds at least what it reported (the kill may land later than the report).
    assert counts == sorted(counts) and counts[-1] < COUNT
    assert all(count >= kill_after - 20 for count, kill_after in zip(counts, kills, strict=True))

    with Library.open(db) as lib:
        report = import_paths(lib, [tmp_path / "corpus"])
        assert report.errors == []
        assert report.added == COUNT - counts[-1]
        assert report.duplicates == counts[-1]
        assert lib.count() == COUNT
    assert check_sound(db) == COUNT
    con = sqlite3.connect(db)
    stored = {h for (h,) in con.execute("SELECT content_hash FROM articles")}
    con.close()
    assert stored == set(hashes)
