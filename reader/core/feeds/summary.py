"""What an update says to the reader: one summary of many feeds, a feed's error without its
address, a feed's short name for a progress line. Headless (the app and the CLI share it)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePath
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from reader.core.sanitize import one_line

if TYPE_CHECKING:
    from reader.core.feeds import FeedReport

SHOWN_FAILURES = 3  # failed feeds named in the summary; the rest are counted


def feed_error(error: str, location: str) -> str:
    """The error without the feed's address in front (shown beside it already)."""
    prefix = f"{one_line(location, 10_000)}: "
    return error[len(prefix) :] if error.startswith(prefix) else error


def feeds_summary(reports: Sequence[FeedReport]) -> tuple[str, bool]:
    """One notification for an update: what it added, then the feeds that failed (named,
    their errors in one line each). The flag says whether any failed."""
    added = sum(r.added for r in reports)
    failed = [r for r in reports if r.error]
    unchanged = sum(1 for r in reports if r.not_modified)
    feeds = f"{len(reports)} feed{'s' if len(reports) != 1 else ''}"
    lines = [f"{feeds}: {added:,} new article{'s' if added != 1 else ''}"]
    if unchanged:
        lines[0] += f" ({unchanged} unchanged)"
    for report in failed[:SHOWN_FAILURES]:
        name = one_line(report.title or report.location, 40)
        lines.append(f"{name}: {one_line(feed_error(report.error, report.location), 100)}")
    if len(failed) > SHOWN_FAILURES:
        lines.append(f"and {len(failed) - SHOWN_FAILURES} more failed")
    return "\n".join(lines), bool(failed)


def short_name(location: str) -> str:
    """A feed's server (or file) name for the progress line: letters, digits and .-_ only
    (the location is untrusted), at most 40 characters."""
    try:
        name = urlsplit(location).hostname or PurePath(location).name
    except ValueError:
        name = ""
    return "".join(c for c in name if c.isalnum() or c in ".-_")[:40] or "a feed"
