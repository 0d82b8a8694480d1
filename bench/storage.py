"""Disk use: a library of generated articles imported with analysis (as `broadsheet add`
does), its file's bytes over the raw text's (titles and bodies, UTF-8), and where they go.

    python -m bench.storage [--articles N]
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from bench.corpus import Story, generate

CHUNK = 500


@dataclass(frozen=True, slots=True)
class Storage:
    articles: int
    library_bytes: int
    text_bytes: int  # titles and bodies as UTF-8
    by_table: dict[str, int] = field(default_factory=dict)  # table (indexes folded in): bytes

    @property
    def ratio(self) -> float:
        return self.library_bytes / self.text_bytes if self.text_bytes else 0.0


def measure(
    stories: list[Story],
    count: int,
    scratch: Path,
    progress: Callable[[str], None],
    *,
    keep: bool = False,
) -> Storage:
    """Import `count` generated articles with analysis into a fresh library under `scratch`
    and weigh it (after a checkpoint, so the write-ahead log is in the file)."""
    from reader.core import analysis
    from reader.core.importer import store_articles
    from reader.core.store import Library

    if scratch.exists():
        shutil.rmtree(scratch)
    scratch.mkdir(parents=True)
    db = scratch / "storage.db"
    library = Library.open(db)
    version = analysis.analyzer_version()
    articles = generate(stories, count)
    text_bytes = done = 0
    while chunk := list(islice(articles, CHUNK)):
        text_bytes += sum(len(a.title.encode()) + len(a.body.encode()) for a in chunk)
        store_articles(library, chunk, analyze=analysis.analyze, analysis_version=version)
        done += len(chunk)
        progress(f"storage: imported {done:,}/{count:,} with analysis")
    library.close()
    weighed = weigh(db)
    if not keep:
        shutil.rmtree(scratch)
    return Storage(done, weighed.library_bytes, text_bytes, weighed.by_table)


def weigh(db: Path) -> Storage:
    """The file's size and each table's share (from `dbstat`, indexes counted with their
    table, FTS5 shadow tables with their index)."""
    con = sqlite3.connect(db)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        owners = {
            name: (table or name)
            for name, table in con.execute("SELECT name, tbl_name FROM sqlite_master")
        }
        by_table: dict[str, int] = {}
        for name, size in con.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name"):
            owner = owners.get(name, name)
            for fts in ("article_fts", "entity_fts"):
                if owner.startswith(fts + "_"):
                    owner = fts
            by_table[owner] = by_table.get(owner, 0) + int(size)
        page = con.execute("PRAGMA page_size").fetchone()[0]
        free = con.execute("PRAGMA freelist_count").fetchone()[0] * page
        if free:
            by_table["(free pages)"] = free
    finally:
        con.close()
    return Storage(0, db.stat().st_size, 0, by_table)


def describe(storage: Storage) -> str:
    mb = 1 / (1 << 20)
    parts = ", ".join(
        f"{name} {size * mb:.1f}"
        for name, size in sorted(storage.by_table.items(), key=lambda kv: -kv[1])
        if size * mb >= 0.05
    )
    return (
        f"{storage.articles:,} articles imported with analysis: library "
        f"{storage.library_bytes * mb:.1f} MB, raw text {storage.text_bytes * mb:.1f} MB;"
        f"\n  MB by table: {parts}"
    )


def main(argv: list[str] | None = None) -> int:
    from bench.corpus import default_data_path, read_stories

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--db", type=Path, help="weigh this library instead of building one")
    args = parser.parse_args(argv)
    repo = Path(__file__).resolve().parent.parent
    if args.db:
        print(describe(weigh(args.db)))
        return 0
    stories = read_stories(default_data_path(repo), repo / "seeds")
    got = measure(
        stories,
        args.articles,
        repo / "bench" / ".cache" / "scratch-storage",
        lambda m: print(m, file=sys.stderr),
    )
    print(describe(got))
    print(f"storage_ratio {got.ratio:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
