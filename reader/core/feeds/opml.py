"""OPML, the subscription lists feed readers import and export: the feeds' addresses and
titles read out of one, and one written from the library's subscriptions.

An OPML file is untrusted XML. It is read with selectolax's lexbor (HTML) parser, which
knows no DTDs: a custom entity stays text, nothing is expanded or fetched, and a broken file
still yields the outlines it has. An `xmlUrl` is taken when it is an http(s) address, or a
file path naming a regular file that exists (relative paths are read from the OPML file's
folder); anything else (ftp:, file:, javascript:, a missing file, a folder, a device) is
counted as skipped. Both kinds are written, so a library's subscriptions round-trip: saved
feed files as absolute paths.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape, quoteattr

from reader.core.feeds.errors import FeedError, shown
from reader.core.feeds.fetch import location_kind, max_feed_bytes

if TYPE_CHECKING:
    from reader.core.store import FeedRow

# Characters XML 1.0 does not allow, even escaped: dropped from what is written.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True, slots=True)
class OpmlFeed:
    location: str
    title: str


def read_opml_file(path: str | Path) -> tuple[list[OpmlFeed], int]:
    """The feeds an OPML file lists (each address once, in the file's order) and how many
    outlines were skipped (neither an http(s) address nor an existing file). Raises
    `FeedError`."""
    where = Path(path).expanduser()
    try:
        if not where.is_file():
            raise FeedError(f"{shown(str(where))}: no such file")
        limit = max_feed_bytes()
        if where.stat().st_size > limit:
            raise FeedError(f"{shown(str(where))}: larger than {limit >> 20} MB")
        data = where.read_bytes()
    except OSError as exc:
        raise FeedError(f"{shown(str(where))}: cannot be read ({exc.strerror or exc})") from exc
    feeds, skipped = read_opml(data, base=where.parent)
    if not feeds and not skipped:
        raise FeedError(f"{shown(str(where))}: lists no feeds (is it an OPML file?)")
    return feeds, skipped


def read_opml(data: bytes, base: Path | None = None) -> tuple[list[OpmlFeed], int]:
    """See `read_opml_file`; `data` is the file's bytes (UTF-8, as OPML files are) and `base`
    the folder relative file paths are read from (None: file paths are skipped)."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(data.decode("utf-8", errors="replace"))
    feeds: dict[str, OpmlFeed] = {}
    skipped = 0
    for outline in tree.css("outline"):
        attributes = outline.attributes
        location = (attributes.get("xmlurl") or "").strip()
        if not location:
            continue  # a folder of outlines, or a plain link
        location = _taken(location, base)
        if not location:
            skipped += 1
            continue
        title = (attributes.get("title") or attributes.get("text") or "").strip()
        feeds.setdefault(location, OpmlFeed(location, title))
    return list(feeds.values()), skipped


def _taken(location: str, base: Path | None) -> str:
    """`location` as subscribed (a file path made absolute), or "" when it is not taken."""
    try:
        kind = location_kind(location)
    except FeedError:
        return ""
    if kind == "web":
        return location
    if base is None:
        return ""
    try:
        path = base / Path(location).expanduser()
        return str(path.resolve()) if path.is_file() else ""
    except (OSError, ValueError):  # a NUL in the path, a loop of links, no permission
        return ""


def _is_web(address: str) -> bool:
    try:
        return bool(address) and location_kind(address) == "web"
    except FeedError:
        return False


def _attribute(text: str) -> str:
    return quoteattr(_NOT_XML.sub("", text))


def write_opml(feeds: Sequence[FeedRow], title: str = "Broadsheet subscriptions") -> str:
    """An OPML 2.0 document listing `feeds`: web feeds by address, saved feed files by their
    absolute path (as `read_opml_file` takes them back on this machine)."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<opml version="2.0">',
        f"  <head><title>{escape(_NOT_XML.sub('', title))}</title></head>",
        "  <body>",
    ]
    for feed in feeds:
        if not feed.location:
            continue
        name = feed.title or feed.location
        site = f" htmlUrl={_attribute(feed.site)}" if _is_web(feed.site) else ""
        lines.append(
            f'    <outline type="rss" text={_attribute(name)} title={_attribute(name)}'
            f" xmlUrl={_attribute(feed.location)}{site}/>"
        )
    lines += ["  </body>", "</opml>", ""]
    return "\n".join(lines)
