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
broadsheet feed export                      the subscriptions as OPML
broadsheet stories [--json] [--all]         the same story across outlets, newest first
broadsheet serve [--host H] [--port P]      the app in a web page (http://localhost:8000)
"""

from __future__ import annotations

import argparse

from reader.cli import feeds, library, serve, stories


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
    library.register(sub)
    feeds.register(sub)
    stories.register(sub)
    serve.register(sub)
    return parser
