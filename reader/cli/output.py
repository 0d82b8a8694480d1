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

    def __init__(self, label: str = "") -> None:
        self.shown = sys.stderr.isatty()
        self.label = label
        self.drawn = False

    def update(self, done: int, total: int, current: str) -> None:
        if not self.shown or total <= 0:
            return
        width = 30
        filled = int(width * done / total)
        bar = "█" * filled + "·" * (width - filled)
        label = f"{self.label} " if self.label else ""
        sys.stderr.write(
            f"\r{bar} {label}{done:,} of {total:,}" if label else f"\r{bar} {done}/{total}"
        )
        sys.stderr.flush()
        self.drawn = True

    def done(self) -> None:
        if self.shown and (self.drawn or not self.label):
            sys.stderr.write("\n")


def wait_for_analysis(library: Library) -> int:
    """Analyse every article still waiting for its analysis, in worker processes, with
    "analysing N of M" on stderr (a terminal); each that fails is one line. How many."""
    from reader.core.analysis_pool import analyse_pending

    bar = ProgressBar(label="analysing")
    analyser = analyse_pending(library, progress=lambda done, total: bar.update(done, total, ""))
    bar.done()
    for article_id, why in sorted(analyser.failed.items()):
        error(f"article {article_id} could not be analysed ({why}); it stays searchable by text")
    return len(analyser.failed)


def add_wait_options(parser: argparse.ArgumentParser) -> None:
    """`--wait` (and the old `--no-analyze`) for the commands that store articles."""
    parser.add_argument(
        "--wait",
        action="store_true",
        help="return once the new articles are analysed too (progress on stderr); without it"
        " the command returns when they are stored (listed and searchable) and the app, or"
        " the next command that needs analyses, analyses them",
    )
    parser.add_argument(
        "--no-analyze", action="store_true", help="store only (the default; kept for scripts)"
    )


def after_storing(library: Library, args: argparse.Namespace) -> None:
    """What a storing command does last: wait for the analysis (`--wait`), or say on a
    terminal how many articles wait for theirs."""
    if getattr(args, "wait", False):
        wait_for_analysis(library)
        return
    if sys.stderr.isatty() and not getattr(args, "no_analyze", False):
        from reader.core.analysis import analyzer_version

        waiting = library.queue.pending_count(analyzer_version())
        if waiting:
            s = "s" if waiting != 1 else ""
            print(
                f"{waiting:,} article{s} waiting for analysis: the app analyses them in the"
                " background (`--wait` waits here)",
                file=sys.stderr,
            )
