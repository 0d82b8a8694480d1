"""Shared fixtures: an isolated, seeded library, a fixed clock, TZ=UTC and NO_COLOR control.

Every app in the tests is built by `make_app` (the one factory), through `build_app`.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from reader.core.article import Article
    from reader.core.loaders import LoadError
    from reader.core.store import Library
    from tests.hostile.corpus import HostileCase

# Cache compiled modules even where PYTHONDONTWRITEBYTECODE is set (it is on the CI machine):
# otherwise every xdist worker, and every CLI the subprocess tests start, compiles the whole
# `reader` package and pytest re-rewrites every test module from source, run after run (about
# 2.5 s of CPU per worker's collection alone). The caches land in the gitignored __pycache__.
sys.dont_write_bytecode = False

FIXED_NOW = dt.datetime(2025, 10, 30, 9, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """UTC, no NO_COLOR unless a test asks, and user dirs inside tmp_path."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    monkeypatch.delenv("NO_COLOR", raising=False)
    for proxy in ("http_proxy", "https_proxy", "all_proxy", "no_proxy"):  # local test servers
        monkeypatch.delenv(proxy, raising=False)
        monkeypatch.delenv(proxy.upper(), raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    yield
    time.tzset()


@pytest.fixture
def no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")


@pytest.fixture
def fixed_now() -> dt.datetime:
    return FIXED_NOW


@pytest.fixture(scope="session")
def seeded_library_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The two bundled seeds imported once per test process, into a file no test opens:
    `library_path` copies it. A closed library is one file (no -wal or -shm left), so the
    copy is byte for byte the library `import_seeds` makes."""
    from reader.core.importer import import_seeds
    from reader.core.store import Library

    path = tmp_path_factory.mktemp("seeded") / "library.db"
    library = Library.open(path)
    try:
        import_seeds(library)
    finally:
        library.close()
    leftovers = [p.name for p in path.parent.iterdir() if p != path]
    assert not leftovers, f"a closed library left {leftovers}: copying it would lose data"
    return path


@pytest.fixture
def library_path(tmp_path: Path, seeded_library_template: Path) -> Path:
    """A library file with the two bundled seeds imported (ids 1 and 2), this test's own."""
    path = tmp_path / "library.db"
    shutil.copyfile(seeded_library_template, path)
    return path


def _add_articles(path: Path, articles: list[dict[str, Any]]) -> list[int]:
    """Add plain-text articles (`text`, optional `source`, `published`, `url`, `title`)."""
    from reader.core.loaders.plaintext import parse_plaintext
    from reader.core.store import Library

    library = Library.open(path)
    ids = []
    try:
        for spec in articles:
            article = parse_plaintext(spec["text"], path=spec.get("path", ""))
            article.source = spec.get("source", "")
            article.published = spec.get("published")
            article.url = spec.get("url", "")
            if "title" in spec:
                article.title = spec["title"]
            ids.append(library.add(article)[0])
    finally:
        library.close()
    return ids


@pytest.fixture
def add_articles() -> Callable[[Path, list[dict[str, Any]]], list[int]]:
    return _add_articles


@pytest.fixture
def build_app(tmp_path: Path) -> Callable[..., Any]:
    """`build_app(library_path, **overrides)`: `make_app` with a fixed clock and theme,
    no user keymap (a path that does not exist) and no background analysis."""
    from reader.ui.app import make_app

    def build(library: Path | str | None, **overrides: Any) -> Any:
        options: dict[str, Any] = {
            "now": FIXED_NOW,
            "theme": "textual-dark",
            "keymap": tmp_path / "no-keymap.toml",
            # No background analysis unless a test is about it: no worker processes, a
            # title line without "analysing …"; an opened article is analysed first anyway.
            "background": False,
        }
        options.update(overrides)
        return make_app(library, **options)

    return build


@pytest.fixture
def library(library_path: Path) -> Iterator[Library]:
    """The seeded library, open for a test's own reads (a module may define its own)."""
    from reader.core.store import Library

    lib = Library.open(library_path)
    yield lib
    lib.close()


@pytest.fixture(scope="session")
def hostile_corpus(tmp_path_factory: pytest.TempPathFactory) -> list[HostileCase]:
    """The whole hostile corpus (large cases included), written once per test process into
    a folder no test writes to: the tests that only read its files share it."""
    from tests.hostile.corpus import build_corpus

    return build_corpus(tmp_path_factory.mktemp("hostile"))


@pytest.fixture(scope="session")
def hostile_loaded(hostile_corpus: list[HostileCase]) -> dict[Path, Article | LoadError]:
    """`load_path` of every case of `hostile_corpus`, by path, once per test process (the
    20,000 nested divs alone take seconds). Shared: a test reads these articles, never
    changes them (copy one first)."""
    from reader.core.loaders import load_path

    return {case.path: load_path(case.path) for case in hostile_corpus}


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """`-n auto`: two test processes per core, not one. A pilot test spends much of its wall
    time idle (Textual's pilot waits for quiet in sleeps of 20 ms; the app's workers run in
    threads; subprocess tests wait on their child), so one process per core leaves the cores
    idle about a third of the time. PYTEST_XDIST_AUTO_NUM_WORKERS, when set, still decides."""
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return None  # xdist's own hook reads it
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return 2 * (cores or 1)


_TIERS = {"unit": "unit", "hostile": "unit", "pilot": "pilot", "snapshots": "snapshot"}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test by tier from its folder (unit, pilot, snapshot), and `subprocess`
    when its module starts processes, so `-m 'not subprocess'` or `-m unit` pick a tier."""
    uses_processes: dict[Path, bool] = {}
    for item in items:
        path = Path(str(item.fspath))
        tier = next((t for part, t in _TIERS.items() if part in path.parts), None)
        if tier:
            item.add_marker(getattr(pytest.mark, tier))
        if path not in uses_processes:
            text = path.read_text(encoding="utf-8", errors="replace")
            uses_processes[path] = "subprocess" in text
        if uses_processes[path]:
            item.add_marker(pytest.mark.subprocess)
