"""Stories: articles/s joining a story in a library of N articles, against the candidate
look-up alone (the same key-index queries) measured in the same run.

    python bench/stories_speed.py --articles 10000 100000 [--join 200]

The cached library (bench/library_cache.py) is copied to a scratch file and every article in
it is made a story of its own (its features, profile and keys stored: the most stories, and
the longest key lists, a library of N can have), untimed; then `--join` new generated articles
join one by one, each in its own transaction, as a feed update does.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.corpus import Story, default_data_path, generate, read_stories  # noqa: E402
from bench.library_cache import library_path  # noqa: E402

PREPARED = 1


def measure(
    db: Path, stories: list[Story], count: int, join: int, scratch: Path
) -> dict[str, float]:
    from reader.core.store import Library

    version = "bench"
    # The stories of one are made once per library and PREPARED version (bump it when what
    # `_start_alone` stores changes: features, profiles, keys), then cached.
    prepared = db.with_name(f"stories-{PREPARED}.db")
    if not prepared.exists():
        started = time.perf_counter()
        shutil.copy(db, scratch / "prepared.db")
        library = Library.open(scratch / "prepared.db")
        with library.db.write() as con:
            existing = [int(r[0]) for r in con.execute("SELECT id FROM articles ORDER BY id")]
            library.stories._start_alone(con, existing, version)
        library.close()
        shutil.move(scratch / "prepared.db", prepared)
        print(f"  stories of one made in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    copy = scratch / "library.db"
    shutil.copy(prepared, copy)
    library = Library.open(copy)
    ids = [i for i, created in library.add_many(generate(stories, join, start=count)) if created]
    started, cpu = time.perf_counter(), time.process_time()
    for article_id in ids:
        library.stories.join([article_id], version)
    join_s = time.perf_counter() - started
    join_cpu = time.process_time() - cpu  # this process's CPU: steadier on a shared machine
    # Baseline: the candidate look-up alone (one key-index query of each article's keys).
    con = library.db.con
    started = time.perf_counter()
    for article_id in ids:
        feats = library.stories._features(con, article_id, version)
        idf = library.stories._idf(con, feats.terms)
        keys = library.stories._query_keys(feats, idf)
        library.stories._candidate_stories(con, feats.published, keys)
    lookup_s = time.perf_counter() - started
    library.close()
    return {
        "articles_per_s": len(ids) / join_s if join_s else 0.0,
        "articles_per_cpu_s": len(ids) / join_cpu if join_cpu else 0.0,
        "lookup_per_s": len(ids) / lookup_s if lookup_s else 0.0,
        "ratio": lookup_s / join_s if join_s else 0.0,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--join", type=int, default=200, help="new articles that join")
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--cache", type=Path, default=REPO / "bench" / ".cache")
    args = parser.parse_args(argv)
    data = args.data or default_data_path(REPO)
    stories = read_stories(data)
    for count in args.articles:
        db, _ = library_path(
            args.cache, REPO, data, stories, count, lambda m: print(m, file=sys.stderr)
        )
        with tempfile.TemporaryDirectory(prefix="bench-stories-") as tmp:
            r = measure(db, stories, count, args.join, Path(tmp))
        print(
            f"library {count:>7,}: {r['articles_per_s']:7.1f} articles/s join a story"
            f" ({r['articles_per_cpu_s']:.1f} per CPU-second);"
            f" candidate look-up alone {r['lookup_per_s']:7.1f}/s (join = {r['ratio']:.2f}x of"
            " look-up speed)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
