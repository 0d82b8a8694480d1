"""`broadsheet add|list|show|search|timeline|analyze`: the library from the command line."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING, Any

from reader.cli.output import (
    ProgressBar,
    add_wait_options,
    after_storing,
    article_json,
    error,
    open_library,
    print_json,
    wait_for_analysis,
)

if TYPE_CHECKING:
    from reader.core.article import Article
    from reader.core.importer import ImportReport
    from reader.core.store import Library


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from exc


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the library's commands to the main parser."""
    p = sub.add_parser(
        "add", help="add article files, folders and web pages (http/https) to the library"
    )
    p.set_defaults(run=cmd_add)
    p.add_argument("paths", nargs="+", metavar="PATH|URL")
    add_wait_options(p)

    p = sub.add_parser("list", help="list the library's articles, newest first")
    p.set_defaults(run=cmd_list)
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--limit", type=int, default=0, help="at most this many (0: all)")

    p = sub.add_parser("show", help="print one article (its id as `list` shows it)")
    p.set_defaults(run=cmd_show)
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = sub.add_parser(
        "search",
        help="search the library (typed terms such as org:X analyse what is waiting first)",
    )
    p.set_defaults(run=cmd_search)
    p.add_argument("query")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--limit", type=int, default=20)

    p = sub.add_parser(
        "timeline",
        help="the events the library's articles report (analysing those waiting first)",
    )
    p.set_defaults(run=cmd_timeline)
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--limit", type=int, default=50, help="the newest N articles (default 50)")

    p = sub.add_parser("analyze", help="analyse files read together as one set of sources")
    p.set_defaults(run=cmd_analyze)
    p.add_argument("--published", type=_date, help="publication date for files without one")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("files", nargs="+", metavar="FILE")


def cmd_analyze(args: argparse.Namespace) -> int:
    import reader.core.analysis as analysis
    from reader.core.analysis.compare.comparison import compare
    from reader.core.analysis.timeline.build import build_timeline
    from reader.core.loaders import LoadError, load_path
    from reader.core.sanitize import one_line

    articles, analyses = [], []
    status = 0
    for name in args.files:
        loaded = load_path(name)
        if isinstance(loaded, LoadError):
            error(str(loaded))
            status = 1
            continue
        if args.published and loaded.published is None:
            loaded.published = args.published
        try:
            analyses.append(analysis.analyze(loaded))
        except Exception as exc:  # one line for this file; the others still get analysed
            error(f"{name}: could not be analysed ({type(exc).__name__}: {exc})")
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
        print_json(out)
        return status
    for art in out["articles"]:
        print(f"{one_line(art['path'], 200)}: {one_line(art['title'], 200)}")
        for kind in ("entities", "numbers", "dates"):
            for item in art[kind]:
                label = item.get("kind") or item.get("type")
                extra = item.get("name") or item.get("value")
                print(f"  {label:<8} {one_line(item['text'], 80)} -> {one_line(str(extra), 80)}")
    return status


def cmd_add(args: argparse.Namespace) -> int:
    from reader.core.importer import ImportReport, import_paths
    from reader.core.loaders import LoadError
    from reader.core.web.pages import is_web_address

    library = open_library(args)
    urls = [p for p in args.paths if is_web_address(p)]
    other = [p for p in args.paths if p not in urls and "://" not in p]  # files and folders
    report = ImportReport()
    for address in args.paths:
        if address not in urls and address not in other:  # ftp://, file://, javascript://…
            report.errors.append(LoadError(address, "is not an http or https address"))
    paths = other
    if paths:
        bar = ProgressBar()
        report = import_paths(library, paths, progress=bar.update)
        bar.done()
    if urls:
        _add_pages(library, urls, report)
    for problem in report.errors:
        error(f"skipped {problem}")
    print(
        f"added {report.added}, already in the library {report.duplicates}, "
        f"could not read {len(report.errors)}"
    )
    after_storing(library, args)
    return 1 if report.errors and not report.added else 0


def _add_pages(library: Library, urls: list[str], report: ImportReport) -> None:
    """Fetch the pages at `urls` (several at once), store the new ones into `report`."""
    from concurrent.futures import ThreadPoolExecutor

    from reader.core.importer import store_articles
    from reader.core.loaders import LoadError
    from reader.core.web.client import WebError, shown
    from reader.core.web.pages import PAGE_FETCHERS, fetch_page

    def fetch(url: str) -> Article | WebError:
        try:
            return fetch_page(url)
        except WebError as exc:
            return exc

    fresh: list[Article] = []
    wanted = [u for u in dict.fromkeys(urls) if library.article_at_url(u.strip()) is None]
    report.duplicates += len(urls) - len(wanted)
    with ThreadPoolExecutor(max_workers=PAGE_FETCHERS) as pool:
        for url, got in zip(wanted, pool.map(fetch, wanted), strict=True):
            if isinstance(got, WebError):
                message = str(got)
                reason = message.removeprefix(f"{shown(url.strip())}: ")  # (named already)
                report.errors.append(LoadError(url, reason))
            else:
                fresh.append(got)
    store_articles(library, fresh, report=report)


def cmd_list(args: argparse.Namespace) -> int:
    from reader.core.sanitize import one_line

    library = open_library(args)
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
        print_json({"total": total, "articles": out})
        return 0
    for row in rows:
        date = row.published.isoformat() if row.published else "----------"
        mark = " " if row.read else "•"
        print(f"{mark} {row.id:>6} {date} {one_line(row.source, 16):<16} {one_line(row.title, 80)}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from reader.core.sanitize import one_line, visible
    from reader.core.store import LibraryError

    library = open_library(args)
    try:
        article = library.get(args.id)
    except LibraryError:
        error(f"no article with id {args.id} in the library (`broadsheet list` shows the ids)")
        return 1
    date = article.published.isoformat() if article.published else None
    if args.json:
        from reader.core.analysis import analyzer_version

        fields = {"title": article.title, "source": article.source, "published": date}
        failure = library.analysis_failure(args.id, analyzer_version())
        print_json(
            {
                "id": args.id,
                **fields,
                "url": article.url,
                "body": article.body,
                "analysis_error": failure,  # null unless the analysis failed
            }
        )
        return 0
    print(one_line(article.title, 2000))
    print(" · ".join(one_line(x, 200) for x in (article.source, date or "") if x))
    if article.url:
        print(one_line(article.url, 2000))
    print()
    print(visible(article.body))
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from reader.core.sanitize import one_line
    from reader.core.search import parse_query

    library = open_library(args)
    if parse_query(args.query).entity_expression():  # typed search needs the entity index
        wait_for_analysis(library)
    hits = library.search(args.query, limit=args.limit)
    scope = library.search_scope(args.query)
    if args.json:
        print_json(
            {
                "query": args.query,
                "matches": scope.matches,
                "ranked": scope.ranked,
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
    if not scope.complete:
        print(f"({len(hits)} shown: the {scope.describe()})")
    return 0


def cmd_timeline(args: argparse.Namespace) -> int:
    from reader.core.analysis.timeline.build import build_timeline
    from reader.core.library_analysis import analysed_items
    from reader.core.sanitize import one_line

    library = open_library(args)
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
        print_json({"articles": [article_json(a) for a, _ in items], "timeline": out})
        return 0
    for event in events:
        when = event.date + (f" – {event.end}" if event.end else "")
        places = ", ".join(event.places)
        print(f"{when:<24} {one_line(places, 24):<24} {one_line(event.summary, 100)}")
    return 0
