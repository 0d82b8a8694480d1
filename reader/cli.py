"""Command line: `broadsheet` opens the app; subcommands print what the UI shows.

broadsheet [--library PATH]                 open the app (the seeds on first run)
broadsheet add PATH...                      import files and folders (recursive)
broadsheet list [--json]                    the library, newest first
broadsheet show ID [--json]                 one article: title, source, date, url, body
broadsheet search QUERY [--json]            ranked matches with snippets
broadsheet timeline [--json]                the events the library's articles report
broadsheet analyze [--published D] --json FILE...   entities, numbers, dates, timeline
broadsheet feed add URL|FILE [--no-update]  subscribe to an RSS/Atom feed and fetch it
broadsheet feed update [URL|FILE...] [--json]   fetch new articles from subscribed feeds
broadsheet feed list [--json]               subscribed feeds and their last fetch
broadsheet feed remove URL|FILE             unsubscribe (its articles stay)
broadsheet feed import FILE.opml [--update]  subscribe to an OPML list's feeds
broadsheet feed export                      the web feeds as OPML
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.core.store import Library


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from exc


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="broadsheet",
        description="A terminal news reader for one story across several outlets.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=__doc__,
    )
    parser.add_argument(
        "--library", metavar="PATH", help="library database (default: user data dir)"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("add", help="import article files and folders into the library")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--no-analyze", action="store_true", help="skip analysis (done when opened)")

    p = sub.add_parser("list", help="list the library's articles, newest first")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--limit", type=int, default=0, help="at most this many (0: all)")

    p = sub.add_parser("show", help="print one article (its id as `list` shows it)")
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = sub.add_parser("search", help="search the library")
    p.add_argument("query")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--limit", type=int, default=20)

    p = sub.add_parser("timeline", help="the events the library's articles report")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--limit", type=int, default=50, help="the newest N articles (default 50)")

    p = sub.add_parser("analyze", help="analyse files read together as one set of sources")
    p.add_argument("--published", type=_date, help="publication date for files without one")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("files", nargs="+", metavar="FILE")

    from reader.feeds_cli import add_feed_parser  # (imports reader.cli: only once it exists)

    add_feed_parser(sub)
    return parser


def _print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")


def _open_library(args: argparse.Namespace) -> Library:
    from reader.core.importer import import_seeds
    from reader.core.store import Library

    library = Library.open(args.library)
    if library.is_new():
        import_seeds(library)
    return library


def cmd_analyze(args: argparse.Namespace) -> int:
    import reader.core.analysis as analysis
    from reader.core.analysis.compare import compare
    from reader.core.analysis.timeline import build_timeline
    from reader.core.loaders import LoadError, load_path
    from reader.core.sanitize import one_line

    articles, analyses = [], []
    status = 0
    for name in args.files:
        loaded = load_path(name)
        if isinstance(loaded, LoadError):
            _error(str(loaded))
            status = 1
            continue
        if args.published and loaded.published is None:
            loaded.published = args.published
        try:
            analyses.append(analysis.analyze(loaded))
        except Exception as exc:  # one line for this file; the others still get analysed
            _error(f"{name}: could not be analysed ({type(exc).__name__}: {exc})")
            status = 1
            continue
        articles.append(loaded)
    items = list(zip(articles, analysis.analyze_set(articles, cached=analyses), strict=True))
    out: dict[str, Any] = {
        "articles": [article_json(a) | an.to_json() for a, an in items],
        "timeline": [e.to_json() for e in build_timeline(items)],
        "comparison": compare(items),
    }
    if args.json:
        _print_json(out)
        return status
    for art in out["articles"]:
        print(f"{one_line(art['path'], 200)}: {one_line(art['title'], 200)}")
        for kind in ("entities", "numbers", "dates"):
            for item in art[kind]:
                label = item.get("kind") or item.get("type")
                extra = item.get("name") or item.get("value")
                print(f"  {label:<8} {one_line(item['text'], 80)} -> {one_line(str(extra), 80)}")
    return status


def _error(message: str) -> None:
    """One line on stderr, with any control character made visible."""
    from reader.core.sanitize import one_line

    print(f"broadsheet: {one_line(message, 2000)}", file=sys.stderr)


def article_json(article: Any) -> dict[str, Any]:
    return {
        "path": article.path,
        "title": article.title,
        "title_derived": article.title_derived,
        "source": article.source,
        "published": article.published.isoformat() if article.published else None,
        "dateline": article.dateline,
        "headings": article.headings,
        "body": article.body,
        "notices": list(article.notices),
    }


def cmd_add(args: argparse.Namespace) -> int:
    from reader.core.analysis import analyze, analyzer_version
    from reader.core.importer import import_paths

    library = _open_library(args)
    bar = _ProgressBar()
    report = import_paths(
        library,
        args.paths,
        progress=bar.update,
        analyze=None if args.no_analyze else analyze,
        analysis_version=analyzer_version(),
    )
    bar.done()
    for error in report.errors:
        _error(f"skipped {error}")
    print(
        f"added {report.added}, already in the library {report.duplicates}, "
        f"could not read {len(report.errors)}"
    )
    return 1 if report.errors and not report.added else 0


class _ProgressBar:
    """A one-line progress bar on stderr (only when it is a terminal)."""

    def __init__(self) -> None:
        self.shown = sys.stderr.isatty()

    def update(self, done: int, total: int, current: str) -> None:
        if not self.shown or total <= 0:
            return
        width = 30
        filled = int(width * done / total)
        bar = "█" * filled + "·" * (width - filled)
        sys.stderr.write(f"\r{bar} {done}/{total}")
        sys.stderr.flush()

    def done(self) -> None:
        if self.shown:
            sys.stderr.write("\n")


def cmd_list(args: argparse.Namespace) -> int:
    from reader.core.sanitize import one_line

    library = _open_library(args)
    total = library.count()
    limit = args.limit or total
    rows = library.rows(0, limit)
    if args.json:
        out = []
        for row in rows:
            article = library.get(row.id)
            out.append(
                {
                    "id": row.id,
                    "title": row.title,
                    "title_derived": row.title_derived,
                    "source": row.source,
                    "published": row.published.isoformat() if row.published else None,
                    "read": row.read,
                    "starred": row.starred,
                    "words": row.word_count,
                    "path": row.path,
                    "headings": article.headings,
                }
            )
        _print_json({"total": total, "articles": out})
        return 0
    for row in rows:
        date = row.published.isoformat() if row.published else "----------"
        mark = " " if row.read else "•"
        print(f"{mark} {row.id:>6} {date} {one_line(row.source, 16):<16} {one_line(row.title, 80)}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from reader.core.sanitize import one_line, visible
    from reader.core.store import LibraryError

    library = _open_library(args)
    try:
        article = library.get(args.id)
    except LibraryError:
        _error(f"no article with id {args.id} in the library (`broadsheet list` shows the ids)")
        return 1
    date = article.published.isoformat() if article.published else None
    if args.json:
        fields = {"title": article.title, "source": article.source, "published": date}
        _print_json({"id": args.id, **fields, "url": article.url, "body": article.body})
        return 0
    print(one_line(article.title, 2000))
    print(" · ".join(one_line(x, 200) for x in (article.source, date or "") if x))
    if article.url:
        print(one_line(article.url, 2000))
    print()
    print(visible(article.body))
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from reader.core.library_analysis import analyse_unanalysed
    from reader.core.sanitize import one_line
    from reader.core.search import parse_query

    library = _open_library(args)
    if parse_query(args.query).entity_expression():  # typed search needs the entity index
        analyse_unanalysed(library)
    hits = library.search(args.query, limit=args.limit)
    if args.json:
        _print_json(
            {
                "query": args.query,
                "hits": [
                    {
                        "id": h.id,
                        "title": h.title,
                        "source": h.source,
                        "published": h.published.isoformat() if h.published else None,
                        "snippet": h.snippet,
                        "snippet_matches": [list(m) for m in h.snippet_matches],
                        "score": h.score,
                    }
                    for h in hits
                ],
            }
        )
        return 0
    if not hits:
        print(f"No matches for {one_line(args.query, 80)!r}")
        return 0
    for h in hits:
        print(f"{h.id:>6} {one_line(h.source, 16):<16} {one_line(h.title, 80)}")
        print(f"       {one_line(h.snippet, 160)}")
    return 0


def cmd_timeline(args: argparse.Namespace) -> int:
    from reader.core.analysis.timeline import build_timeline
    from reader.core.library_analysis import analysed_items
    from reader.core.sanitize import one_line

    library = _open_library(args)
    ids = [row.id for row in library.rows(0, args.limit)]
    items = analysed_items(library, ids)
    events = build_timeline(items)
    if args.json:
        out = []
        for event in events:
            data = event.to_json()
            for src in data["sources"]:
                src["id"] = ids[src["article"]]
            out.append(data)
        _print_json({"articles": [article_json(a) for a, _ in items], "timeline": out})
        return 0
    for event in events:
        when = event.date + (f" – {event.end}" if event.end else "")
        places = ", ".join(event.places)
        print(f"{when:<24} {one_line(places, 24):<24} {one_line(event.summary, 100)}")
    return 0


def cmd_feed(args: argparse.Namespace) -> int:
    from reader.feeds_cli import cmd_feed as run

    return run(args)


COMMANDS = {
    "add": cmd_add,
    "list": cmd_list,
    "show": cmd_show,
    "search": cmd_search,
    "timeline": cmd_timeline,
    "analyze": cmd_analyze,
    "feed": cmd_feed,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command in COMMANDS:
            return COMMANDS[args.command](args)
        from reader.ui.app import run_app

        return run_app(library=args.library)
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        from reader.core.store import LibraryError

        if isinstance(exc, LibraryError):
            _error(str(exc))
            return 2
        if os.environ.get("BROADSHEET_DEBUG"):
            raise
        _error(f"unexpected error ({type(exc).__name__}: {exc}); BROADSHEET_DEBUG=1 shows more")
        return 70
