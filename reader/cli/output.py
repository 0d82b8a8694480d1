"""What every command prints with: JSON, one-line errors, a progress bar, the library.

The command modules (library, feeds, …) import this one and never each other.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.core.store import Library


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")


def error(message: str) -> None:
    """One line on stderr, with any control character made visible."""
    from reader.core.sanitize import one_line

    print(f"broadsheet: {one_line(message, 2000)}", file=sys.stderr)


def open_library(args: argparse.Namespace) -> Library:
    """The library `--library` names (the user's by default), seeded on first use."""
    from reader.core.importer import import_seeds
    from reader.core.store import Library

    library = Library.open(args.library)
    if library.is_new():
        import_seeds(library)
    return library


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


class ProgressBar:
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
