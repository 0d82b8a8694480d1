"""Import speed: files through the importer (with analysis) against plain SQLite inserts."""

from __future__ import annotations

import shutil
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from reader.core.article import Article
from reader.core.loaders import load_path


@dataclass(frozen=True, slots=True)
class ImportSpeed:
    rate: float  # articles/s through import_paths with analysis
    rate_no_analysis: float  # the same without analysis
    plain_rate: float  # articles/s of executemany into a simple table, committed

    @property
    def ratio(self) -> float:
        return self.rate / self.plain_rate if self.plain_rate else 0.0


def measure(folder: Path, scratch: Path) -> ImportSpeed:
    """Import the folder into fresh libraries under `scratch` (as `broadsheet add FOLDER`),
    then insert the same rows plainly."""
    paths = sorted(folder.glob("*.txt"))
    if scratch.exists():
        shutil.rmtree(scratch)
    scratch.mkdir(parents=True)
    rate = _import_rate(folder, len(paths), scratch / "analysed.db", analyze=True)
    rate_no_analysis = _import_rate(folder, len(paths), scratch / "plain.db", analyze=False)
    articles = [a for a in map(load_path, paths) if isinstance(a, Article)]
    plain_rate = _plain_insert_rate(articles, scratch / "sqlite.db")
    shutil.rmtree(scratch)
    return ImportSpeed(rate, rate_no_analysis, plain_rate)


def _import_rate(folder: Path, files: int, db: Path, *, analyze: bool) -> float:
    from reader.core import analysis
    from reader.core.importer import import_paths
    from reader.core.store import Library

    library = Library.open(db)
    version = analysis.analyzer_version()
    if analyze:  # load the engine's tables once, as an app that has analysed before has
        warm = load_path(next(folder.glob("*.txt")))
        if isinstance(warm, Article):
            analysis.analyze(warm)
    started = time.perf_counter()
    import_paths(  # as `broadsheet add` calls it
        library,
        [folder],
        progress=lambda done, total, path: None,
        analyze=analysis.analyze if analyze else None,
        analysis_version=version,
    )
    elapsed = time.perf_counter() - started
    imported = library.count()
    library.close()
    if imported != files:
        raise RuntimeError(f"import_paths stored {imported} of {files} files")
    return imported / elapsed


def _plain_insert_rate(articles: list[Article], db: Path) -> float:
    rows = [
        (
            a.title,
            a.body,
            a.source,
            a.published.isoformat() if a.published else None,
            a.path,
            a.content_hash,
        )
        for a in articles
    ]
    conn = sqlite3.connect(db)
    conn.execute(
        "CREATE TABLE article (id INTEGER PRIMARY KEY, title TEXT, body TEXT, source TEXT,"
        " published TEXT, path TEXT, hash TEXT UNIQUE)"
    )
    conn.commit()
    started = time.perf_counter()
    conn.executemany(
        "INSERT INTO article (title, body, source, published, path, hash) VALUES (?,?,?,?,?,?)",
        rows,
    )
    conn.commit()
    elapsed = time.perf_counter() - started
    conn.close()
    return len(rows) / elapsed
