"""Benchmark libraries, built once and kept in the git-ignored `bench/.cache/`.

A built library is keyed by its size, the corpus file's mtime, the recombination version and a
digest of the store's schema (a schema change must not be measured on an old file). A
folder holds `library.db` and, once the build finished, `complete`: a build cut short is redone.

The bulk build skips analysis: articles go in through `Library.add_many` in chunks, which is
what the importer does without `analyze`. Analyses are computed when an article is first opened
(and the import benchmark measures import with analysis on its own folder).
"""

from __future__ import annotations

import hashlib
import shutil
import time
from collections.abc import Callable
from itertools import islice
from pathlib import Path

from bench.corpus import CORPUS_VERSION, Story, generate

CHUNK = 2000


def store_digest(repo: Path) -> str:
    """A digest of the library schema: a built library is kept across changes to search code,
    not across a schema change."""
    schema = repo / "reader" / "core" / "store" / "schema.py"
    data = schema.read_bytes() if schema.exists() else b""
    return hashlib.sha1(data, usedforsecurity=False).hexdigest()[:10]


def cached_folder(cache: Path, name: str, data: Path, repo: Path) -> Path:
    mtime = data.stat().st_mtime_ns
    return cache / f"{name}-m{mtime}-c{CORPUS_VERSION}-s{store_digest(repo)}"


def library_path(
    cache: Path,
    repo: Path,
    data: Path,
    stories: list[Story],
    count: int,
    progress: Callable[[str], None],
) -> tuple[Path, float]:
    """The db of a library of `count` generated articles, and the seconds its build took (0 if
    it was cached)."""
    folder = cached_folder(cache, f"lib-{count}", data, repo)
    db = folder / "library.db"
    if (folder / "complete").exists():
        return db, 0.0
    _fresh(folder)
    from reader.core.store import Library

    started = time.perf_counter()
    library = Library.open(db)
    articles = generate(stories, count)
    done = 0
    while chunk := list(islice(articles, CHUNK)):
        library.add_many(chunk)
        done += len(chunk)
        progress(f"built {done:,}/{count:,} articles ({time.perf_counter() - started:.0f} s)")
    stored = library.count()
    library.close()
    if stored != count:  # the store deduplicates by content hash: the bodies must all differ
        raise RuntimeError(f"the library holds {stored:,} of {count:,} generated articles")
    seconds = time.perf_counter() - started
    (folder / "complete").write_text(f"{count} articles in {seconds:.1f} s\n")
    return db, seconds


def seeds_library_path(cache: Path, repo: Path, data: Path) -> Path:
    """A library holding just the seeds, imported as on a first run."""
    folder = cached_folder(cache, "lib-seeds", data, repo)
    db = folder / "library.db"
    if (folder / "complete").exists():
        return db
    _fresh(folder)
    from reader.core.importer import import_seeds
    from reader.core.store import Library

    library = Library.open(db)
    import_seeds(library)
    library.close()
    (folder / "complete").write_text("seeds\n")
    return db


def _fresh(folder: Path) -> None:
    """An empty `folder`, with the stale builds of the same name (older keys) removed: at 100k
    each is ~0.5 GB."""
    name = folder.name.split("-m", 1)[0]
    for stale in folder.parent.glob(f"{name}-m*"):
        if stale.is_dir():
            shutil.rmtree(stale)
    folder.mkdir(parents=True)
