"""Feed load: one RSS file of 1,000 realistic items, `broadsheet feed add FILE` end to end
against `newsboat -x reload` on the same file, both measured in the same run.

    python -m bench.feed_load [--items 1000] [--runs 3]

The items are bench/corpus.py's newswire recombinations (real news prose, ~600 words
each, every body different), as an RSS 2.0 file with a title, link, guid, date and the body
as escaped HTML paragraphs in `description`, as news sites publish them. Each run is a fresh
start for both: Broadsheet subscribes in a library that holds only the seeds (made before the
clock starts), newsboat reloads into an empty cache from a `file://` url (newsboat 2.21 reads
it through libcurl). One warm-up run of each is not kept (it writes Broadsheet's bytecode,
as pip does at install, even where the shell sets PYTHONDONTWRITEBYTECODE, and fills the
OS's caches); the median of the runs is kept. newsboat is Debian's (`apt-get install
newsboat`); without it `newsboat` is false and the ratio None.

Where Broadsheet's time goes is measured in-process on the same file: Python start-up with
the CLI imported, reading the feed (`parse_feed`), storing its entries (`store_articles`:
text, full-text index, one transaction per batch), and the full-text index alone (the same
rows inserted into a copy of the index table), so the figure can be read against newsboat's.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from email.utils import format_datetime
from pathlib import Path

from bench.corpus import Story, default_data_path, generate, read_stories

REPO = Path(__file__).resolve().parent.parent
START = 20_000_000  # article numbers past any library's and the import bench's
WORDS = 600  # about as long as a news story (the body is topped up to this)
CLI = "import sys; from reader.cli import main; sys.exit(main())"


@dataclass
class FeedLoad:
    items: int
    feed_mb: float
    broadsheet_s: float
    newsboat_s: float | None  # None: newsboat is not installed
    parts: dict[str, float] = field(default_factory=dict)  # where Broadsheet's time goes
    broadsheet_cpu_s: float = 0.0  # the child's user + system CPU (median of the runs)
    newsboat_cpu_s: float | None = None

    @property
    def ratio(self) -> float | None:
        return None if not self.newsboat_s else self.broadsheet_s / self.newsboat_s

    @property
    def cpu_ratio(self) -> float | None:
        """The CPU-time ratio: steadier than the wall times on a machine busy with other
        work (they swing by 2x between runs there), a cross-check of `ratio`."""
        return None if not self.newsboat_cpu_s else self.broadsheet_cpu_s / self.newsboat_cpu_s


def write_feed(stories: list[Story], path: Path, items: int) -> Path:
    """`items` generated articles as one RSS 2.0 file at `path`."""
    out = [
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>',
        "<title>Bench Wire</title><link>https://wire.example/</link>",
        "<description>Generated news for the feed-load bench</description>",
    ]
    drawn = generate(stories, items * 2, START)
    for k, (article, more) in enumerate(zip(drawn, drawn, strict=False)):
        day = article.published or dt.date(2025, 1, 1)
        when = dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC)
        paragraphs = [p.strip() for p in article.body.split("\n\n")[1:] if p.strip()]
        words = sum(len(p.split()) for p in paragraphs)
        for extra in more.body.split("\n\n")[1:]:  # another draw's paragraphs: ~600 words
            if words >= WORDS or not extra.strip():
                continue
            paragraphs.append(extra.strip())
            words += len(extra.split())
        body = "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs)
        link = f"https://wire.example/{START + k}"
        out.append(
            f"<item><title>{html.escape(article.title, quote=False)}</title>"
            f"<link>{link}</link><guid>{link}</guid>"
            f"<pubDate>{format_datetime(when)}</pubDate>"
            f"<description>{html.escape(body, quote=False)}</description></item>"
        )
    out.append("</channel></rss>\n")
    path.write_text("\n".join(out), encoding="utf-8")
    return path


def _seconds(argv: list[str], **kwargs: object) -> float:
    return _timed(argv, **kwargs)[0]


def _timed(argv: list[str], **kwargs: object) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of running `argv` (CPU: user + system, from the children's
    resource usage before and after; one child at a time)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(argv, check=True, capture_output=True, timeout=600, **kwargs)  # type: ignore[call-overload]
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def child_env() -> dict[str, str]:
    """The machine's environment, but bytecode may be written: an installed Broadsheet has
    its modules compiled (pip does it at install), and the warm-up run writes them. Where the
    shell sets PYTHONDONTWRITEBYTECODE, every run compiled the reader's modules again
    (~0.1 s here) while newsboat is a compiled program (as bench/startup.py does)."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def broadsheet_seconds(feed: Path, scratch: Path, seeded: Path) -> tuple[float, float]:
    library = scratch / "feed-load.db"
    for leftover in scratch.glob("feed-load.db*"):
        leftover.unlink()
    shutil.copyfile(seeded, library)
    return _timed(
        [sys.executable, "-c", CLI, "--library", str(library), "feed", "add", str(feed)],
        env=child_env(),
    )


def newsboat_seconds(feed: Path, scratch: Path) -> tuple[float, float] | None:
    exe = shutil.which("newsboat")
    if exe is None:
        return None
    home = scratch / "newsboat"
    shutil.rmtree(home, ignore_errors=True)
    home.mkdir(parents=True)
    (home / "urls").write_text(f"{feed.resolve().as_uri()}\n", encoding="utf-8")
    (home / "config").write_text("", encoding="utf-8")
    argv = [exe, "-x", "reload", "-u", str(home / "urls"), "-c", str(home / "cache.db")]
    argv += ["-C", str(home / "config")]
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
    return _timed(argv, env=env)


def seeded_library(scratch: Path) -> Path:
    """A library holding only the seeds (as `broadsheet` makes it on first use)."""
    path = scratch / "seeded.db"
    if not path.exists():
        subprocess.run(
            [sys.executable, "-c", CLI, "--library", str(path), "list"],
            env=child_env(),
            check=True,
            capture_output=True,
        )
    return path


def parts(feed: Path, scratch: Path, seeded: Path) -> dict[str, float]:
    """Where Broadsheet's time goes, each step timed on its own (seconds)."""
    from reader.core.feeds.parse import parse_feed
    from reader.core.importer import store_articles
    from reader.core.store import Library

    got: dict[str, float] = {}
    got["python_startup_cli"] = _seconds(
        [sys.executable, "-c", "import reader.cli.main"], env=child_env()
    )
    got["python_bare"] = _seconds([sys.executable, "-c", "pass"])
    data = feed.read_bytes()
    started = time.perf_counter()
    parsed = parse_feed(data, str(feed), fetched=dt.datetime.now(dt.UTC))
    got["parse"] = time.perf_counter() - started
    library_path = scratch / "parts.db"
    for leftover in scratch.glob("parts.db*"):
        leftover.unlink()
    shutil.copyfile(seeded, library_path)
    with Library.open(library_path) as library:
        started = time.perf_counter()
        store_articles(library, parsed.entries)
        got["store"] = time.perf_counter() - started
    con = sqlite3.connect(library_path)
    try:
        sql = con.execute("SELECT sql FROM sqlite_master WHERE name = 'article_fts'").fetchone()[0]
        con.execute(sql.replace("article_fts", "fts_copy", 1))
        started = time.perf_counter()
        with con:
            con.execute(
                "INSERT INTO fts_copy (rowid, title, body, source) SELECT a.id, a.title,"
                " t.body, a.source FROM articles AS a JOIN article_text AS t ON t.id = a.id"
            )
        got["fts_index"] = time.perf_counter() - started
    finally:
        con.close()
    return got


def measure(stories: list[Story], scratch: Path, items: int = 1000, runs: int = 3) -> FeedLoad:
    scratch.mkdir(parents=True, exist_ok=True)
    feed = write_feed(stories, scratch / f"feed-{items}.xml", items)
    seeded = seeded_library(scratch)
    broadsheet_seconds(feed, scratch, seeded)  # warm-up, not kept: bytecode, the OS's caches
    newsboat_seconds(feed, scratch)
    ours: list[tuple[float, float]] = []
    theirs: list[tuple[float, float]] = []
    for _ in range(max(1, runs)):  # interleaved, so a busy moment weighs on both
        ours.append(broadsheet_seconds(feed, scratch, seeded))
        got = newsboat_seconds(feed, scratch)
        if got is not None:
            theirs.append(got)
    return FeedLoad(
        items=items,
        feed_mb=feed.stat().st_size / 1e6,
        broadsheet_s=statistics.median(wall for wall, _ in ours),
        newsboat_s=statistics.median(wall for wall, _ in theirs) if theirs else None,
        parts=parts(feed, scratch, seeded),
        broadsheet_cpu_s=statistics.median(cpu for _, cpu in ours),
        newsboat_cpu_s=statistics.median(cpu for _, cpu in theirs) if theirs else None,
    )


def describe(got: FeedLoad) -> str:
    theirs = "not installed" if got.newsboat_s is None else f"{got.newsboat_s:.3f} s"
    ratio = "" if got.ratio is None else f" (ratio {got.ratio:.2f})"
    if got.cpu_ratio is not None and got.newsboat_cpu_s is not None:
        ratio += (
            f"; CPU {got.broadsheet_cpu_s:.3f} s against {got.newsboat_cpu_s:.3f} s"
            f" (CPU ratio {got.cpu_ratio:.2f})"
        )
    shown = ", ".join(f"{name} {secs:.3f} s" for name, secs in got.parts.items())
    return (
        f"{got.items:,} items ({got.feed_mb:.1f} MB): broadsheet feed add {got.broadsheet_s:.3f} s,"
        f" newsboat -x reload {theirs}{ratio}\n  broadsheet's parts: {shown}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--data", type=Path)
    args = parser.parse_args(argv)
    stories = read_stories((args.data or default_data_path(REPO)).resolve(), REPO / "seeds")
    with tempfile.TemporaryDirectory(prefix="feed-load-") as tmp:
        print(describe(measure(stories, Path(tmp), args.items, args.runs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
