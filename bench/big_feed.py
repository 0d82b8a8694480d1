"""Big feeds: seconds to read an RSS 2.0 file into articles, and the memory it takes.

The feed is generated from the newswire corpus (`bench/corpus.py`): item `k` is article `k`,
its title, link, guid, date and author, its first paragraph as escaped HTML in `<description>`
and, in `<content:encoded>`, its paragraphs, those of article `k + items` and four of `k + 2 items` as HTML with a
link and a category or two (~4.2 KB an item: 1,000 items ~4 MB, 10,000 ~42 MB, as the feeds of
issue 15). Each measurement runs in a
child process (`python -m bench.big_feed FILE`) so its RSS is its own: the child imports the
parser and reads a tiny feed first (lazy imports paid), notes its RSS, then reads the file's
bytes and parses them as a feed update does, and reports its peak RSS (VmHWM). The memory
ratio is (peak - RSS before reading) / file size.

    python -m bench.big_feed --items 10000    # generate (cached in bench/.cache) and measure
"""

from __future__ import annotations

import argparse
import datetime as dt
import subprocess
import sys
import time
from dataclasses import dataclass
from html import escape
from pathlib import Path

from bench.corpus import generate, read_stories

_TINY = (
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>A</title>'
    b"<description>&lt;p&gt;Words.&lt;/p&gt;</description></item></channel></rss>"
)


@dataclass(frozen=True, slots=True)
class BigFeed:
    items: int
    size: int  # bytes
    seconds: float  # parse only (the bytes already read), wall clock
    cpu_seconds: float  # the same in CPU time (less moved by a loaded machine)
    memory_ratio: float  # (peak RSS - RSS before reading) / size
    entries: int


def write_feed(stories_data: Path, repo: Path, path: Path, items: int) -> Path:
    """An RSS 2.0 file of `items` items made from the corpus (kept when already written)."""
    if path.exists():
        return path
    stories = read_stories(stories_data, repo / "seeds")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"')
        out.write(' xmlns:dc="http://purl.org/dc/elements/1.1/"')
        out.write(' xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>\n')
        out.write("<title>Bench Wire</title><link>https://wire.example/</link>")
        out.write("<language>en-us</language>\n")
        more = generate(stories, items, start=items)
        most = generate(stories, items, start=2 * items)
        for k, article in enumerate(generate(stories, items)):
            when = article.published or dt.date(2025, 1, 1)
            paragraphs = article.paragraphs + next(more).paragraphs + next(most).paragraphs[:4]
            teaser = f"<p>{escape(paragraphs[0], quote=False)}</p>"
            html = "".join(f"<p>{escape(p, quote=False)}</p>" for p in paragraphs)
            link = f'<p>Read more on <a href="https://wire.example/{k}">the wire</a>.</p>'
            out.write(
                f"<item><title>{escape(article.title, quote=False)}</title>"
                f"<link>https://wire.example/{k}</link><guid>wire-{k}</guid>"
                f"<pubDate>{when:%a, %d %b %Y} 10:00:00 GMT</pubDate>"
                f"<dc:creator>{article.source}</dc:creator>"
                f"<category>World</category><category>{article.source}</category>"
                f"<description>{escape(teaser, quote=False)}</description>"
                f"<content:encoded><![CDATA[{html}{link}]]></content:encoded></item>\n"
            )
        out.write("</channel></rss>\n")
    tmp.replace(path)
    return path


def measure(path: Path, repo: Path) -> BigFeed:
    """Read `path` in a child process; its seconds and memory ratio."""
    done = subprocess.run(
        [sys.executable, "-m", "bench.big_feed", "--child", str(path)],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=1800,
        check=True,
    )
    got = dict(line.split() for line in done.stdout.splitlines() if line.count(" ") == 1)
    size = path.stat().st_size
    peak_kb, before_kb = float(got["maxrss_kb"]), float(got["before_kb"])
    return BigFeed(
        items=int(got["items"]),
        size=size,
        seconds=float(got["seconds"]),
        cpu_seconds=float(got["cpu_seconds"]),
        memory_ratio=(peak_kb - before_kb) * 1024 / size,
        entries=int(got["entries"]),
    )


def run_into(
    values: dict[str, object],
    notes: dict[str, str],
    data: Path,
    repo: Path,
    cache: Path,
    quick: bool,
) -> None:
    """bench/run.py's figures: `feed_parse_1k_s` (1,000 items) and `big_feed_memory_ratio`
    (10,000 items). With --quick, 100 and 200 items (the first scaled to 1,000: rough)."""
    few = 100 if quick else 1000
    small = measure(write_feed(data, repo, cache / f"feed-{few}.xml", few), repo)
    items = 200 if quick else 10_000
    big = measure(write_feed(data, repo, cache / f"feed-{items}.xml", items), repo)
    values["feed_parse_1k_s"] = round(small.seconds * 1000 / few, 3)
    values["big_feed_memory_ratio"] = round(big.memory_ratio, 2)
    notes["big_feed"] = (
        f"RSS 2.0 of {few:,} items ({small.size / 1e6:.1f} MB): {small.seconds:.3f} s"
        f" (CPU {small.cpu_seconds:.3f} s); {items:,} items ({big.size / 1e6:.1f} MB):"
        f" {big.seconds:.3f} s (CPU {big.cpu_seconds:.3f} s), peak memory"
        f" {big.memory_ratio:.2f}x the file"
    )


def _child(path: Path) -> None:
    from bench.probe_rss import peak_rss_kb
    from reader.core.feeds import fetch_feed
    from reader.core.feeds.parse import parse_feed

    when = dt.datetime.now(dt.UTC)
    parse_feed(_TINY, "tiny.xml", fetched=when)  # imports and caches paid before measuring
    before = _rss_kb()
    fetched = fetch_feed(str(path))
    started, cpu = time.perf_counter(), time.process_time()
    parsed = parse_feed(fetched.body, fetched.url, fetched=when)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    items = len(parsed.entries) + parsed.skipped
    print("items", items)
    print("entries", len(parsed.entries))
    print("seconds", f"{seconds:.4f}")
    print("cpu_seconds", f"{cpu:.4f}")
    print("before_kb", before)
    print("maxrss_kb", peak_rss_kb())


def _rss_kb() -> int:
    with open("/proc/self/status", encoding="ascii") as fh:
        return next(int(ln.split()[1]) for ln in fh if ln.startswith("VmRSS:"))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--items", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--cache", type=Path, default=None)
    args = parser.parse_args(argv)
    if args.child is not None:
        _child(args.child)
        return
    from bench.corpus import default_data_path

    repo = Path(__file__).resolve().parent.parent
    data = (args.data or default_data_path(repo)).resolve()
    cache = (args.cache or repo / "bench" / ".cache").resolve()
    for items in args.items:
        path = write_feed(data, repo, cache / f"feed-{items}.xml", items)
        got = measure(path, repo)
        print(
            f"{got.items:,} items, {got.size / 1e6:.1f} MB: parse {got.seconds:.3f} s"
            f" (CPU {got.cpu_seconds:.3f} s),"
            f" memory {got.memory_ratio:.2f}x the file, {got.entries:,} entries"
        )


if __name__ == "__main__":
    main()
