"""Broadsheet's speed and memory at a given library size, each figure against a baseline
measured in the same run. See bench/README.md.

    python bench/run.py --articles 100000 [--json] [--quick]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # run as a script: make `bench` and `reader` importable
    sys.path.insert(0, str(REPO))

from bench import (  # noqa: E402
    analysis_speed,
    big_feed,
    feed_load,
    import_linearity,
    import_speed,
    install_size,
    search_exact,
    search_speed,
    startup,
    storage,
)
from bench.corpus import default_data_path, read_stories, write_text_files  # noqa: E402
from bench.library_cache import (  # noqa: E402
    cached_folder,
    library_path,
    seeds_library_path,
)

KEYS = (
    "startup_ratio",
    "library_startup_ratio",
    "search_p50_ms",
    "search_p95_ms",
    "search_ratio",
    "import_rate",
    "import_ratio",
    "analysis_wps",
    "rss_mb",
    "search_exact",
    "rss_scrolled_mb",
    "storage_ratio",
    "import_linearity",
    "install_mb",
    "feed_parse_1k_s",
    "big_feed_memory_ratio",
    "newsboat",
    "newsboat_feed_ratio",
)
OPT_IN = ("install_mb",)  # null unless asked for (--install)
NULLABLE = ("newsboat_feed_ratio",)  # null when newsboat is not installed


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000, help="library size N")
    parser.add_argument("--json", action="store_true", help="last line: one JSON object")
    parser.add_argument(
        "--quick", action="store_true", help="smoke mode: one run of each, small samples"
    )
    parser.add_argument("--data", type=Path, help="newswire.jsonl (default: ../shared/data/…)")
    parser.add_argument("--cache", type=Path, default=REPO / "bench" / ".cache")
    parser.add_argument("--runs", type=int, default=9, help="start-up runs of each app")
    parser.add_argument("--import-files", type=int, default=300)
    parser.add_argument(
        "--install",
        action="store_true",
        help="measure install_mb (a fresh venv with `pip install .`: a minute or more)",
    )
    parser.add_argument(
        "--storage-articles",
        type=int,
        default=2000,
        help="articles imported with analysis to weigh the library (storage_ratio)",
    )
    return parser


def read_through(path: Path) -> float:
    """Read the whole file once so that it sits in the OS page cache, and return the seconds
    it took. Measuring on whatever the OS happened to keep made figures swing tenfold: after
    some idle minutes the kernel had evicted the 0.5 GB library and the first search pass
    read it from disk (p95 61 ms, worst keystroke 334 ms, then 6 ms). The figures are warm
    ones; `seconds` says how cold the file was."""
    started = time.perf_counter()
    with path.open("rb") as fh:
        while fh.read(1 << 20):
            pass
    return time.perf_counter() - started


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


class Figures:
    """The figures, with what failed kept as None and reported rather than stopping the run."""

    def __init__(self) -> None:
        self.values: dict[str, Any] = dict.fromkeys(KEYS)
        self.notes: dict[str, str] = {}
        self.failed: list[str] = []

    def attempt(self, what: str, step: Callable[[], None]) -> None:
        started = time.perf_counter()
        try:
            step()
        except Exception as exc:
            self.failed.append(f"{what}: {type(exc).__name__}: {exc}")
            log(f"[{what}] FAILED\n{traceback.format_exc()}")
        else:
            log(f"[{what}] done in {time.perf_counter() - started:.1f} s")


def run(args: argparse.Namespace) -> Figures:
    data = (args.data or default_data_path(REPO)).resolve()
    cache: Path = args.cache.resolve()
    cache.mkdir(parents=True, exist_ok=True)
    figures = Figures()
    values, notes = figures.values, figures.notes
    stories = read_stories(data, REPO / "seeds")
    libraries: dict[str, Path] = {}

    def build() -> None:
        db, seconds = library_path(cache, REPO, data, stories, args.articles, log)
        libraries["library"] = db
        libraries["seeds"] = seeds_library_path(cache, REPO, data)
        built = f"built in {seconds:.1f} s" if seconds else "cached"
        notes["build"] = f"{args.articles:,} articles, {built}: {db.parent.name}"
        warm = read_through(db)
        notes["build"] += f"\n  page cache warmed: {warm:.1f} s to read the file"

    def startups() -> None:
        env = startup.child_env(cache / "home")
        runs = 1 if args.quick else args.runs
        got = startup.measure(libraries, runs, env, REPO, warm_up=not args.quick)
        bare, seeds, library = got["bare"], got["seeds"], got["library"]
        values["startup_ratio"] = round(seeds.seconds / bare.seconds, 3)
        values["library_startup_ratio"] = round(library.seconds / bare.seconds, 3)
        notes["startup"] = (
            f"median of {runs} interleaved runs each; to first frame wall ms / CPU ms;"
            " whole process (with exit) ms; peak MB:"
        )
        for name, got_ in (("bare app", bare), ("seeds", seeds), (f"{args.articles:,}", library)):
            notes["startup"] += (
                f"\n  {name:>10}: {got_.seconds * 1000:5.0f} / {got_.cpu_seconds * 1000:5.0f};"
                f" {got_.process_seconds * 1000:5.0f}; {got_.rss_mb:3.0f}"
            )
        notes["startup"] += (
            f"\n  CPU-time ratios (less moved by load): seeds "
            f"{seeds.cpu_seconds / bare.cpu_seconds:.2f}, "
            f"{args.articles:,} {library.cpu_seconds / bare.cpu_seconds:.2f}"
        )

    def searches() -> None:
        from reader.core.store.library_search import SEARCH_CANDIDATES

        got = search_speed.measure(libraries["library"], 1 if args.quick else 3)
        values["search_p50_ms"] = round(got.p50_ms, 3)
        values["search_p95_ms"] = round(got.p95_ms, 3)
        values["search_ratio"] = round(got.ratio, 3)
        notes["search"] = (
            f"{got.calls} keystrokes; p95 of each keystroke's fastest pass {got.best_p95_ms:.3f} ms;"
            f"\n  the {got.raw_calls} that reach the index: p95 "
            f"{got.queried_p95_ms:.3f} ms, raw FTS5 query p50 {got.raw_p50_ms:.3f} ms, "
            f"p95 {got.raw_p95_ms:.3f} ms;\n  bounded FTS5 query (bm25 over the newest "
            f"{SEARCH_CANDIDATES} matches, as the store ranks) p95 {got.bounded_p95_ms:.3f} ms"
        )

    def scrolled() -> None:
        done = subprocess.run(
            [sys.executable, "-m", "bench.probe_rss_scrolled", str(libraries["library"])],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=3600,
            check=True,
            env=startup.child_env(cache / "home"),
        )
        got = dict(line.split() for line in done.stdout.splitlines() if line.count(" ") == 1)
        peak, opened = float(got["maxrss_kb"]) / 1024, float(got["open_kb"]) / 1024
        values["rss_scrolled_mb"] = round(peak, 1)
        notes["memory"] = notes.get("memory", "") + (
            f"\n  scrolled: headless app at 120x36, PgDn from the first to the last of"
            f" {int(got['rows']):,} rows ({got['held']} held at the end):"
            f" peak {peak:.1f} MB, {peak - opened:.1f} MB above the open app"
            f" ({opened:.1f} MB)"
        )

    def exactness() -> None:
        got = search_exact.measure(libraries["library"])
        values["search_exact"] = got.exact
        shown = ", ".join(repr(p) for p in got.differing[:6])
        more = f" and {len(got.differing) - 6} more" if len(got.differing) > 6 else ""
        notes["search_exact"] = (
            f"top {search_exact.LIMIT} against exact bm25 over all matches: "
            f"{got.checked - len(got.differing)} of {got.checked} keystrokes agree"
            + (f"; differ: {shown}{more}" if got.differing else "")
        )

    def imports() -> None:
        count = 20 if args.quick else args.import_files
        folder = cached_folder(cache, f"import-{count}", data, REPO)
        if len(list(folder.glob("*.txt"))) != count:  # numbered past any library's articles
            write_text_files(stories, folder, count, start=10_000_000)
        got = import_speed.measure(folder, cache / "scratch")
        values["import_rate"] = round(got.rate, 1)
        values["import_ratio"] = round(got.ratio, 5)
        notes["import"] = (
            f"{count} .txt files; without analysis {got.rate_no_analysis:.0f}/s; "
            f"plain executemany {got.plain_rate:.0f}/s"
        )

    def install() -> None:
        installed, bare = install_size.measure(REPO, cache / "scratch-venv")
        values["install_mb"] = round(installed, 1)
        notes["install"] = f"venv with `pip install .` {installed:.1f} MB (bare venv {bare:.1f} MB)"

    def linearity() -> None:
        count = 20 if args.quick else args.import_files
        folder = cached_folder(cache, f"import-{count}", data, REPO)
        if len(list(folder.glob("*.txt"))) != count:
            write_text_files(stories, folder, count, start=10_000_000)
        small_n = max(1, args.articles // 10)
        small, _ = library_path(cache, REPO, data, stories, small_n, log)
        got = import_linearity.measure(folder, libraries["library"], small, cache / "scratch")
        values["import_linearity"] = round(got.ratio, 3)
        notes["import_linearity"] = (
            f"{count} files into copies of the {args.articles:,} and {small_n:,} libraries:"
            f" {got.big_ms:.1f} vs {got.small_ms:.1f} ms per article with analysis;"
            f" without {got.big_plain_ms:.1f} vs {got.small_plain_ms:.1f}"
            f" (ratio {got.plain_ratio:.2f})"
        )

    def analysis() -> None:
        wps, words = analysis_speed.words_per_second(data, 20_000 if args.quick else 0)
        values["analysis_wps"] = round(wps)
        notes["analysis"] = f"{words:,} words of newswire"

    def memory() -> None:
        done = subprocess.run(
            [sys.executable, "-m", "bench.probe_rss", str(libraries["library"])],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=600,
            check=True,
        )
        kb = float(done.stdout.split()[-1])
        values["rss_mb"] = round(kb / 1024, 1)
        notes["memory"] = "open, first page of rows, every search keystroke"

    def disk() -> None:
        count = 100 if args.quick else min(args.articles, args.storage_articles)
        got = storage.measure(stories, count, cache / "scratch-storage", log)
        values["storage_ratio"] = round(got.ratio, 3)
        notes["storage"] = storage.describe(got)

    figures.attempt("build libraries", build)
    if libraries:
        figures.attempt("start-up", startups)
        figures.attempt("search", searches)
        figures.attempt("memory", memory)
        figures.attempt("memory, list scrolled to its end", scrolled)
        figures.attempt("search exactness", exactness)
    figures.attempt("import", imports)
    if libraries:
        figures.attempt("import linearity", linearity)
    figures.attempt("analysis", analysis)
    figures.attempt("storage", disk)
    figures.attempt(
        "big feed", lambda: big_feed.run_into(values, notes, data, REPO, cache, args.quick)
    )
    figures.attempt("feed load against newsboat", lambda: feeds(figures, stories, cache, args))
    if args.install:
        figures.attempt("install size", install)
    else:
        notes["install"] = "install_mb not measured: pass --install"
    return figures


def feeds(figures: Figures, stories: list[Any], cache: Path, args: argparse.Namespace) -> None:
    items, runs = (100, 1) if args.quick else (1000, 3)
    got = feed_load.measure(stories, cache / "scratch-feed", items, runs)
    ratio = got.ratio
    figures.values["newsboat"] = got.newsboat_s is not None
    figures.values["newsboat_feed_ratio"] = None if ratio is None else round(ratio, 2)
    figures.notes["feed_load"] = feed_load.describe(got)


TARGETS = {
    "startup_ratio": ("≤ 1.25", 1.25),
    "library_startup_ratio": ("≤ 1.5", 1.5),
    "search_p95_ms": ("≤ 16", 16.0),
    "search_ratio": ("≤ 2", 2.0),
    "rss_mb": ("≤ 150", 150.0),
    "rss_scrolled_mb": ("≤ 100", 100.0),
    "storage_ratio": ("≤ 3", 3.0),
    "import_linearity": ("≤ 1.1", 1.1),
    "big_feed_memory_ratio": ("≤ 3", 3.0),
    "newsboat_feed_ratio": ("≤ 2", 2.0),
}


def table(figures: Figures, articles: int) -> str:
    lines = [f"Broadsheet bench, {articles:,} articles", ""]
    lines.append(f"{'figure':<22} {'value':>14}  {'target':<8} verdict")
    for key in KEYS:
        value = figures.values[key]
        target, limit = TARGETS.get(key, ("", None))
        shown = "n/a" if value is None else str(value) if isinstance(value, bool) else f"{value:,}"
        verdict = ""
        if value is not None and limit is not None:
            verdict = "met" if value <= limit else "MISSED"
        lines.append(f"{key:<22} {shown:>14}  {target:<8} {verdict}")
    lines.append("")
    lines += [f"{name}: {note}" for name, note in figures.notes.items()]
    lines += [f"FAILED {failure}" for failure in figures.failed]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    figures = run(args)
    print(table(figures, args.articles), flush=True)
    if args.json:
        print(json.dumps(figures.values))
    return 1 if figures.failed else 0


if __name__ == "__main__":
    sys.exit(main())
