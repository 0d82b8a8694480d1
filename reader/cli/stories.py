"""`broadsheet stories`: the library's stories, newest first."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import Any

from reader.cli.output import open_library, print_json, wait_for_analysis


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "stories",
        help="the same story across outlets, newest first (articles still waiting for their"
        " analysis are analysed first: an article joins its story when analysed)",
    )
    p.set_defaults(run=cmd_stories)
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument(
        "--all", action="store_true", help="also the articles that are a story of their own"
    )


def cmd_stories(args: argparse.Namespace) -> int:
    from reader.core.analysis import analyzer_version
    from reader.core.sanitize import one_line

    library = open_library(args)
    try:
        wait_for_analysis(library)
        library.stories.reform(analyzer_version())
        stories = library.stories.stories(min_size=1 if args.all else 2)
    finally:
        library.close()
    if args.json:
        out: dict[str, Any] = {
            "stories": [
                {
                    "id": s.id,
                    "title": s.title,
                    "first": s.first,
                    "last": s.last,
                    "sources": s.sources,
                    "articles": [asdict(a) for a in s.articles],
                }
                for s in stories
            ]
        }
        print_json(out)
        return 0
    if not stories:
        print("No stories yet (a story needs two articles about the same thing).")
    for s in stories:
        when = s.last[:10] if s.last else "undated"
        sources = ", ".join(one_line(x, 40) for x in s.sources) or "no source"
        print(f"[{s.id}] {one_line(s.title, 90)} — {len(s.articles)} articles, {when} ({sources})")
        for a in s.articles:
            print(f"    {a.id:>6}  {one_line(a.title, 80)}")
    return 0
