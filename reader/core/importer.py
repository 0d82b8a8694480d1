"""Bring files into the library: load, optionally analyse, and store them in batches.

Each batch is one transaction, so an import killed at any moment leaves every article it
committed whole and nothing half-written; importing the same files again adds only what is
missing (articles are deduplicated by content hash). A file that cannot be loaded becomes a
`LoadError` in the report; the import goes on.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.article import Article
from reader.core.loaders import LoadError, iter_article_files, load_path
from reader.core.seeds import seed_paths
from reader.core.store import Library

if TYPE_CHECKING:
    from reader.core.analysis.model import Analysis

PROGRESS_INTERVAL = 0.05  # seconds between progress calls (a batch always reports)

Progress = Callable[[int, int, str], None]


@dataclass
class ImportReport:
    added: int = 0
    duplicates: int = 0
    errors: list[LoadError] = field(default_factory=list)


def _store_batch(
    library: Library,
    batch: list[Article],
    report: ImportReport,
    analyze: Callable[[Article], Analysis] | None,
    version: str,
) -> None:
    fresh: list[Article] = []
    seen = library.known_hashes([a.content_hash for a in batch])
    for article in batch:
        digest = article.content_hash
        if digest in seen:
            report.duplicates += 1
        else:
            seen.add(digest)
            fresh.append(article)
    if not fresh:
        return
    items: list[tuple[Article, Analysis | None]] = []
    for article in fresh:  # analyse outside the write transaction: it is the slow part
        analysis = None
        if analyze is not None:
            try:
                analysis = analyze(article)
            except Exception as exc:  # the article is still worth keeping
                report.errors.append(LoadError(article.path, f"could not be analysed ({exc})"))
        items.append((article, analysis))
    for _id, created in library.add_analyzed(items, version):
        if created:
            report.added += 1
        else:  # added by another Broadsheet meanwhile
            report.duplicates += 1


def import_paths(
    library: Library,
    paths: Iterable[str | Path],
    *,
    progress: Progress | None = None,
    analyze: Callable[[Article], Analysis] | None = None,
    analysis_version: str = "",
    batch_size: int = 200,
) -> ImportReport:
    """Import the files at `paths` (folders recursively). `progress(done, total, path)` is
    called at most every `PROGRESS_INTERVAL` seconds and after each batch; `analyze`, if
    given, is run on each new article and its result cached as `analysis_version`.
    Raises `LibraryError` only if the library itself fails (busy, damaged)."""
    files = list(iter_article_files(paths))
    total = len(files)
    report = ImportReport()
    batch: list[Article] = []
    last_report = time.monotonic()
    size = max(1, batch_size)

    def tell(done: int, current: str, *, force: bool = False) -> None:
        nonlocal last_report
        now = time.monotonic()
        if progress is not None and (force or now - last_report >= PROGRESS_INTERVAL):
            last_report = now
            progress(done, total, current)

    for done, path in enumerate(files, start=1):
        loaded = load_path(path)
        if isinstance(loaded, LoadError):
            report.errors.append(loaded)
        else:
            batch.append(loaded)
        if len(batch) >= size:
            _store_batch(library, batch, report, analyze, analysis_version)
            batch = []
            tell(done, str(path), force=True)
        else:
            tell(done, str(path))
    if batch:
        _store_batch(library, batch, report, analyze, analysis_version)
    tell(total, str(files[-1]) if files else "", force=True)
    return report


def import_seeds(library: Library) -> ImportReport:
    """Import the bundled seed articles (done once, when a new library is created)."""
    return import_paths(library, seed_paths())
