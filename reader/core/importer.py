"""Bring files into the library: load, optionally analyse, and store them in batches.

Stored first, analysed behind: the CLI and the app store without `analyze`, and the articles
left without an analysis are the background analysis' queue (`reader.core.analysis_pool`).

`store_articles` is the one way articles get stored in batches (files by `import_paths`,
feed entries by `reader.core.feeds.update_feeds`).

Each batch is one transaction, so an import killed at any moment leaves every article it
committed whole and nothing half-written; importing the same files again adds only what is
missing (articles are deduplicated by content hash). A file that cannot be loaded becomes a
`LoadError` in the report; the import goes on.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
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
    created_ids: list[int] = []
    for article_id, created in library.add_analyzed(items, version):
        if created:
            report.added += 1
            created_ids.append(article_id)
        else:  # added by another Broadsheet meanwhile
            report.duplicates += 1
    # Each new article analysed here joins a story (or starts one); one index look-up each.
    # The others join when their analysis lands (`AnalysisQueue.land`).
    if analyze is not None:
        library.stories.join(created_ids, version)


def store_articles(
    library: Library,
    articles: Iterable[Article],
    *,
    analyze: Callable[[Article], Analysis] | None = None,
    analysis_version: str = "",
    batch_size: int = 200,
    report: ImportReport | None = None,
    after_batch: Callable[[], None] | None = None,
) -> ImportReport:
    """Store `articles` (files loaded, feed entries parsed) in batches of `batch_size`, one
    transaction each; an article whose body the library holds already is counted as a
    duplicate. `analyze`, if given, is run on each new article outside the transaction and
    its result cached as `analysis_version`; an analysis that fails is an error in the
    report and the article is kept. `after_batch` is called after each full batch.
    Counts are added to `report` (a new one by default), which is returned.
    Raises `LibraryError` only if the library itself fails (busy, damaged)."""
    report = report if report is not None else ImportReport()
    size = max(1, batch_size)
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= size:
            _store_batch(library, batch, report, analyze, analysis_version)
            batch = []
            if after_batch is not None:
                after_batch()
    if batch:
        _store_batch(library, batch, report, analyze, analysis_version)
    return report


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
    last_report = time.monotonic()
    done, current, batch_reported = 0, "", False

    def tell(*, force: bool = False) -> None:
        nonlocal last_report
        now = time.monotonic()
        if progress is not None and (force or now - last_report >= PROGRESS_INTERVAL):
            last_report = now
            progress(done, total, current)

    def after_batch() -> None:
        nonlocal batch_reported
        batch_reported = True
        tell(force=True)

    def loaded() -> Iterator[Article]:
        nonlocal done, current, batch_reported
        for path in files:
            done, current = done + 1, str(path)
            article = load_path(path)
            if isinstance(article, LoadError):
                report.errors.append(article)
            else:
                yield article  # stored with its batch before the next file is loaded
            if not batch_reported:
                tell()
            batch_reported = False

    store_articles(
        library,
        loaded(),
        analyze=analyze,
        analysis_version=analysis_version,
        batch_size=batch_size,
        report=report,
        after_batch=after_batch,
    )
    done, current = total, str(files[-1]) if files else ""
    tell(force=True)
    return report


def import_seeds(library: Library) -> ImportReport:
    """Import the bundled seed articles (done once, when a new library is created)."""
    return import_paths(library, seed_paths())
