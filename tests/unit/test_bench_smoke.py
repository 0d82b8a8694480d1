"""The benchmark's corpus builder and its smoke mode work (figures are not checked: tests never
assert on wall time)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from bench.corpus import default_data_path, generate, read_stories  # noqa: E402
from bench.run import KEYS, NULLABLE, OPT_IN  # noqa: E402

DATA = default_data_path(REPO)
needs_corpus = pytest.mark.skipif(not DATA.exists(), reason="newswire corpus not beside the repo")


@needs_corpus
def test_corpus_builder_makes_n_distinct_articles() -> None:
    stories = read_stories(DATA, REPO / "seeds")
    articles = list(generate(stories, 50))
    assert len(articles) == 50
    assert len({a.content_hash for a in articles}) == 50
    assert all(a.title and a.published for a in articles)
    assert {a.source for a in articles} == {f"Wire {k}" for k in range(7)}
    again = list(generate(stories, 50))
    assert [a.body for a in again] == [a.body for a in articles]


@needs_corpus
def test_quick_run_prints_every_figure_as_json(tmp_path: Path) -> None:
    command = [sys.executable, str(REPO / "bench" / "run.py"), "--articles", "50", "--quick"]
    done = subprocess.run(
        [*command, "--json", "--cache", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    assert list(figures) == list(KEYS)
    assert all(
        isinstance(figures[key], int | float) for key in KEYS if key not in (*OPT_IN, *NULLABLE)
    )
    assert (figures["newsboat_feed_ratio"] is None) == (not figures["newsboat"])
    assert all(figures[key] is None for key in OPT_IN)  # not asked for
