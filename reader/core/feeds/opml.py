"""OPML, the subscription lists feed readers import and export: the feeds' addresses and
titles read out of one, and one written from the library's subscriptions.

An OPML file is untrusted XML. It is read with selectolax's lexbor (HTML) parser, which
knows no DTDs: a custom entity stays text, nothing is expanded or fetched, and a broken file
still yields the outlines it has. Only http(s) feed addresses are taken (and written):
anything else in an `xmlUrl` is counted as skipped.
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
    outlines were skipped (not an http or https address). Raises `FeedError`."""
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
    feeds, skipped = read_opml(data)
    if not feeds and not skipped:
        raise FeedError(f"{shown(str(where))}: lists no feeds (is it an OPML file?)")
    return feeds, skipped


def read_opml(data: bytes) -> tuple[list[OpmlFeed], int]:
    """See `read_opml_file`; `data` is the file's bytes (UTF-8, as OPML files are)."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(data.decode("utf-8", errors="replace"))
    feeds: dict[str, OpmlFeed] = {}
    skipped = 0
    for outline in tree.css("outline"):
        attributes = outline.attributes
        location = (attributes.get("xmlurl") or "").strip()
        if not location:
            continue  # a folder of outlines, or a plain link
        try:
            web = location_kind(location) == "web"
        except FeedError:
            web = False
        if not web:
            skipped += 1
            continue
        title = (attributes.get("title") or attributes.get("text") or "").strip()
        feeds.setdefault(location, OpmlFeed(location, title))
    return list(feeds.values()), skipped


def _is_web(address: str) -> bool:
    try:
        return bool(address) and location_kind(address) == "web"
    except FeedError:
        return False


def _attribute(text: str) -> str:
    return quoteattr(_NOT_XML.sub("", text))


def write_opml(feeds: Sequence[FeedRow], title: str = "Broadsheet subscriptions") -> str:
    """An OPML 2.0 document listing the web feeds among `feeds` (saved-file feeds mean
    nothing on another machine and are left out)."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<opml version="2.0">',
        f"  <head><title>{escape(_NOT_XML.sub('', title))}</title></head>",
        "  <body>",
    ]
    for feed in feeds:
        if not _is_web(feed.location):
            continue
        name = feed.title or feed.location
        site = f" htmlUrl={_attribute(feed.site)}" if _is_web(feed.site) else ""
        lines.append(
            f'    <outline type="rss" text={_attribute(name)} title={_attribute(name)}'
            f" xmlUrl={_attribute(feed.location)}{site}/>"
        )
    lines += ["  </body>", "</opml>", ""]
    return "\n".join(lines)
