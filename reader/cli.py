"""Command line: `broadsheet` opens the app; subcommands print what the UI shows."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from typing import Any

from reader.core.analysis import analyze
from reader.core.analysis.compare import compare
from reader.core.analysis.timeline import build_timeline
from reader.core.loaders import LoadError, load_path


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from exc


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="broadsheet", description=__doc__)
    parser.add_argument("--library", metavar="PATH", help="library database (default: user data dir)")
    sub = parser.add_subparsers(dest="command")

    p = sub.add_parser("analyze", help="analyse files read together as one set of sources")
    p.add_argument("--published", type=_date, help="publication date for files without one")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("files", nargs="+")
    return parser


def cmd_analyze(args: argparse.Namespace) -> int:
    articles = []
    status = 0
    for name in args.files:
        loaded = load_path(name)
        if isinstance(loaded, LoadError):
            print(f"broadsheet: {loaded}", file=sys.stderr)
            status = 1
            continue
        if args.published and loaded.published is None:
            loaded.published = args.published
        articles.append(loaded)
    items = [(a, analyze(a)) for a in articles]
    out: dict[str, Any] = {
        "articles": [
            {
                "path": a.path,
                "title": a.title,
                "title_derived": a.title_derived,
                "source": a.source,
                "published": a.published.isoformat() if a.published else None,
                "dateline": a.dateline,
                "headings": a.headings,
                "body": a.body,
                **an.to_json(),
            }
            for a, an in items
        ],
        "timeline": [e.to_json() for e in build_timeline(items)],
        "comparison": compare(items),
    }
    if args.json:
        json.dump(out, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        for art in out["articles"]:
            print(f"{art['path']}: {art['title']}")
            for e in art["entities"]:
                print(f"  {e['kind']:<7} {e['text']}  ({e['name']})")
    return status


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "analyze":
        return cmd_analyze(args)
    from reader.ui.app import run_app

    return run_app(library=args.library)
