"""`broadsheet feed …`: subscribe to RSS and Atom feeds, list, update and remove them.

broadsheet feed add LOCATION [--no-update]     subscribe (an http(s) address or a saved
           [--full-text]                       feed file), then fetch it now; --full-text:
                                               fetch each new entry's page for its text
broadsheet feed full-text LOCATION on|off      read the feed's new entries in full, or not
broadsheet feed list [--json]                  the subscribed feeds and their last fetch
broadsheet feed update [LOCATION...] [--json]  fetch new articles (all feeds, or those given)
broadsheet feed remove LOCATION                unsubscribe (its articles stay)
broadsheet feed import FILE.opml [--update]    subscribe to every feed an OPML file lists
broadsheet feed export > FILE.opml             the subscriptions as OPML (web feeds, and
                                               saved feed files by absolute path)

`add`, `update` and `import --update` return once the new entries are stored (listed and
searchable); their analysis runs behind, in the app or in the next command that needs it
(`stories`, `timeline`, `search org:X`); `--wait` waits for it, with progress on stderr.

`update` prints a line per feed (`+N new · M already had · title`, failures as
`error: …` on stderr) and exits 0 when every feed updated, 1 when one failed, 2 when the
library cannot be used. Feed titles and errors are untrusted: plain output shows control
characters as symbols; JSON gives them verbatim.
"""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from reader.cli.output import (
    ProgressBar,
    add_wait_options,
    after_storing,
    error,
    open_library,
    print_json,
)
from reader.core.sanitize import one_line

if TYPE_CHECKING:
    from reader.core.feeds import FeedReport
    from reader.core.store import FeedRow, Library


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `feed` and its actions on the main parser's subcommands."""
    feed = sub.add_parser(
        "feed",
        help="subscribe to RSS/Atom feeds and fetch their new articles",
        description="Subscribe to RSS and Atom feeds and fetch their new articles.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=__doc__,
    )
    feed.set_defaults(run=cmd_feed)
    actions = feed.add_subparsers(dest="feed_command", metavar="ACTION", required=True)

    p = actions.add_parser("add", help="subscribe to a feed, then fetch it")
    p.add_argument("location", metavar="LOCATION", help="http(s) address or saved feed file")
    p.add_argument("--no-update", action="store_true", help="subscribe without fetching now")
    add_wait_options(p)
    p.add_argument(
        "--full-text",
        action="store_true",
        help="fetch each new entry's web page and keep its main text (the summary if it fails)",
    )

    p = actions.add_parser("full-text", help="read a feed's new entries in full, or not")
    p.add_argument("location", metavar="LOCATION")
    p.add_argument("state", choices=["on", "off"], metavar="on|off")

    p = actions.add_parser("list", help="the subscribed feeds and their last fetch")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = actions.add_parser("update", help="fetch new articles from subscribed feeds")
    p.add_argument("locations", nargs="*", metavar="LOCATION", help="only these feeds")
    p.add_argument("--json", action="store_true", help="print JSON")
    add_wait_options(p)

    p = actions.add_parser("remove", help="unsubscribe from a feed (its articles stay)")
    p.add_argument("location", metavar="LOCATION")

    p = actions.add_parser("import", help="subscribe to the feeds of an OPML file")
    p.add_argument("file", metavar="FILE", help="an OPML file from another feed reader")
    p.add_argument("--update", action="store_true", help="then fetch the new ones")
    add_wait_options(p)

    actions.add_parser("export", help="print the subscriptions as OPML")


def cmd_feed(args: argparse.Namespace) -> int:
    commands = {
        "add": _add,
        "list": _list,
        "update": _update,
        "remove": _remove,
        "import": _import,
        "export": _export,
        "full-text": _full_text,
    }
    return commands[args.feed_command](args)


def _add(args: argparse.Namespace) -> int:
    from reader.core.feeds import FeedError, check_feed, location_kind
    from reader.core.store import feed_location

    try:
        kind = location_kind(args.location)  # refuse ftp:, file:, javascript: … first
        if kind == "file" and args.no_update:
            check_feed(args.location)  # a saved file must be a feed (else: read once, below)
    except FeedError as exc:
        error(f"{exc}; not subscribed")
        return 1
    library = open_library(args)
    location = feed_location(args.location)
    _id, created = library.add_feed(location, full_text=args.full_text)
    if not created:
        print(f"already subscribed to {one_line(location, 200)}")
        if args.full_text and library.set_full_text(location, True):
            print("its new entries will be read in full from the next update on")
        return 0
    full = " (new entries read in full from their pages)" if args.full_text else ""
    subscribed = f"subscribed to {one_line(location, 200)}{full}"
    if args.no_update:
        print(subscribed)
        return 0
    reports = _fetch(library, [location])
    if reports is None:
        return 130
    first = reports[0]
    if first.error:  # not a feed, or not reachable: not kept
        library.remove_feed(location)
        hint = " (`--no-update` subscribes without fetching)" if kind != "file" else ""
        error(f"{first.error}; not subscribed{hint}")
        return 1
    print(subscribed)
    print(_report_line(first))
    for why in first.pages_failed:
        print(f"    {one_line(why, 300)}")
    after_storing(library, args)
    return 0


def _full_text(args: argparse.Namespace) -> int:
    from reader.core.store import feed_location

    library = open_library(args)
    location = feed_location(args.location)
    on = args.state == "on"
    if not library.set_full_text(location, on):
        error(f"not subscribed to {location}")
        return 1
    if on:
        print(f"full text on for {one_line(location, 200)}: new entries' pages will be fetched")
    else:
        print(f"full text off for {one_line(location, 200)}: new entries keep the feed's text")
    return 0


def _update(args: argparse.Namespace) -> int:
    library = open_library(args)
    if not args.locations and not library.feeds():
        if args.json:
            print_json({"feeds": [], "added": 0, "failed": 0})
        else:
            print("no feeds yet: subscribe with `broadsheet feed add URL`")
        return 0
    code = _run_update(library, args.locations or None, as_json=args.json)
    after_storing(library, args)
    return code


def _fetch(library: Library, locations: list[str] | None) -> list[FeedReport] | None:
    """Update the feeds at `locations` (None: all) with a progress bar; None on Ctrl-C.
    New entries are stored, not analysed (`after_storing`)."""
    from reader.core.feeds import update_feeds

    bar = ProgressBar()
    try:
        reports = update_feeds(library, locations=locations, progress=bar.update)
    except KeyboardInterrupt:
        bar.done()
        error("interrupted: the feeds fetched so far are stored; the others were not updated")
        return None
    bar.done()
    return reports


def _run_update(library: Library, locations: list[str] | None, *, as_json: bool) -> int:
    reports = _fetch(library, locations)
    if reports is None:
        return 130
    failed = [r for r in reports if r.error]
    if as_json:
        print_json(
            {
                "feeds": [_report_json(r) for r in reports],
                "added": sum(r.added for r in reports),
                "failed": len(failed),
            }
        )
    else:
        for report in reports:
            if report.error:
                error(f"error: {report.error}")
            else:
                print(_report_line(report))
                for why in report.pages_failed:
                    print(f"    {one_line(why, 300)}")
    return 1 if failed else 0


def _report_line(report: FeedReport) -> str:
    name = one_line(report.title or report.location, 80)
    if report.waiting:
        return f"+0 new · skipped: {report.waiting} · {name}"
    if report.not_modified:
        return f"+0 new · not modified since the last update · {name}"
    skipped = f"{report.skipped} without text · " if report.skipped else ""
    notice = f"{report.notice} · " if report.notice else ""
    if report.updated:
        notice = f"{report.updated} updated · {notice}"
    if report.full_text or report.pages_failed:
        kept = f", {len(report.pages_failed)} kept their summary" if report.pages_failed else ""
        notice = f"{report.full_text} read in full{kept} · {notice}"
    return f"+{report.added} new · {report.duplicates} already had · {skipped}{notice}{name}"


def _report_json(report: FeedReport) -> dict[str, Any]:
    return asdict(report)


def _list(args: argparse.Namespace) -> int:
    library = open_library(args)
    rows = library.feeds()
    if args.json:
        print_json({"feeds": [_row_json(row) for row in rows]})
        return 0
    if not rows:
        print("no feeds yet: subscribe with `broadsheet feed add URL`")
    for row in rows:
        fetched = row.last_fetched.strftime("%Y-%m-%d %H:%M") if row.last_fetched else "never"
        title = one_line(row.title or "(not fetched yet)", 40)
        full = " [full text]" if row.full_text else ""
        print(f"{title:<40} {fetched:<16} +{row.last_added:<5} {one_line(row.location, 200)}{full}")
        if row.last_error:
            print(f"    error: {one_line(row.last_error, 200)}")
    return 0


def _row_json(row: FeedRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "location": row.location,
        "title": row.title,
        "site": row.site,
        "added": row.added.isoformat() if row.added else None,
        "last_fetched": row.last_fetched.isoformat() if row.last_fetched else None,
        "last_error": row.last_error,
        "last_added": row.last_added,
        "full_text": row.full_text,
    }


def _remove(args: argparse.Namespace) -> int:
    from reader.core.store import feed_location

    library = open_library(args)
    location = feed_location(args.location)
    if not library.remove_feed(location):
        error(f"not subscribed to {location}")
        return 1
    print(f"unsubscribed from {one_line(location, 200)}; its articles stay in the library")
    return 0


def _import(args: argparse.Namespace) -> int:
    from reader.core.feeds import FeedError, check_feed, location_kind
    from reader.core.feeds.opml import read_opml_file

    try:
        feeds, skipped = read_opml_file(args.file)
    except FeedError as exc:
        error(str(exc))
        return 1
    readable = []
    for feed in feeds:  # a saved file must read as a feed, as `feed add` asks of it
        try:
            if location_kind(feed.location) == "file":
                check_feed(feed.location)
        except FeedError as exc:
            error(f"{exc}; skipped")
            skipped += 1
            continue
        readable.append(feed)
    library = open_library(args)
    new = [feed.location for feed in readable if library.add_feed(feed.location)[1]]
    print(
        f"subscribed to {len(new)} feed{'s' if len(new) != 1 else ''}, "
        f"{len(readable) - len(new)} already subscribed, "
        f"{skipped} skipped (neither an http(s) address nor a saved feed file)"
    )
    if args.update and new:
        code = _run_update(library, new, as_json=False)
        after_storing(library, args)
        return code
    return 0


def _export(args: argparse.Namespace) -> int:
    from reader.core.feeds.opml import write_opml

    print(write_opml(open_library(args).feeds()), end="")
    return 0
