"""Read a feed's bytes (RSS 0.9x/2.0, RSS 1.0/RDF, Atom) into `Article`s.

A well-formed feed is read in one streaming pass (`stream.py`, lxml), each item turned into an
article as soon as it is read; one that pass does not read exactly as feedparser would (a
malformed or odd feed: see `stream.py`) is read by feedparser, as it always was. Both give
the same articles from the same bytes.

Each entry becomes an article: title from the entry (HTML titles lose their tags; no title:
derived from the text as the loaders derive one), url = the entry's link (http or https
only), author, published (the entry's published date, else its updated date), source = the
feed's title (else the server's name or the file's name), language = the feed's (default
"en"). The text is the entry's first non-empty `content`, else its `summary`, read by the
HTML loader's `parse_html` (or `parse_plaintext` for a text/plain one), so a feed entry has
the same blocks as a saved web page. An entry without text is skipped and counted.

feedparser is given the bytes, never a string (a string can make it open a URL or a
file), and its HTML sanitiser stays on. A malformed feed that still yields entries is
used; one with no entries that feedparser does not recognise, or that is malformed and
has no title either, is not a feed (a web page, an empty or a broken document).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any
from urllib.parse import urlsplit

from reader.core.article import Article, Block
from reader.core.feeds.errors import FeedError, shown
from reader.core.feeds.stream import FeedStream, Odd
from reader.core.loaders.html import html_text_blocks, parse_html
from reader.core.loaders.metadata import MAX_FIELD_CHARS
from reader.core.loaders.plaintext import parse_plaintext
from reader.core.sanitize import one_line

_SPACE = re.compile(r"[ \t\n\r\f]+")
_DECLARES_ENTITIES = re.compile(rb"<!DOCTYPE[^>\[]*\[.*?<!ENTITY", re.I | re.S)
_NAMED_REF = re.compile(rb"&(?!(?:amp|lt|gt|quot|apos);)[A-Za-z_][\w.-]*;")
MAX_UNDEFINED_REFS = 100  # more undefined entity references than this: an entity bomb
_HTML_START = re.compile(rb"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S)


@dataclass(slots=True)
class ParsedFeed:
    """A feed read: its title and site link, its entries as articles, how many entries had
    no text (`skipped`), and notices (a malformed feed read anyway)."""

    title: str
    site: str
    entries: list[Article]
    skipped: int = 0
    fetched: dt.datetime | None = None
    notices: list[str] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)  # each entry's guid (else link), or ""


def parse_feed(data: bytes, location: str, *, fetched: dt.datetime) -> ParsedFeed:
    """The feed in `data`, fetched from `location` (a URL: relative links resolve against
    it; or a file path) at `fetched`. Raises `FeedError` when `data` is not a feed."""
    if not data.strip():
        raise FeedError(f"{shown(location)}: is empty")
    if _DECLARES_ENTITIES.search(data[: 1 << 20]):
        raise FeedError(
            f"{shown(location)}: refused: it declares its own XML entities (a DTD),"
            " which Broadsheet never expands (an entity bomb looks like this)"
        )
    try:
        return _streamed(data, location, fetched)
    except Odd:
        pass  # malformed or odd: feedparser reads it, as it always has
    return _with_feedparser(data, location, fetched)


def _streamed(data: bytes, location: str, fetched: dt.datetime) -> ParsedFeed:
    """The feed read in one pass; `Odd` when the pass cannot read it as feedparser would."""
    stream = FeedStream(data, location if _web(location) else "")
    result: ParsedFeed | None = None
    header = ("", "", "")  # the feed's title, site and language, once the first entry is read
    pending: list[dict[str, Any]] = []  # entries before the feed's title (rare)
    for item in stream.entries():
        if result is None and "title" not in stream.feed:
            pending.append(item)
            continue
        if result is None:
            result, header = _streamed_result(stream, location, fetched)
        for queued in (*pending, item):
            _add_entry(result, queued, location, header[2])
        pending.clear()
    if result is None:
        result, header = _streamed_result(stream, location, fetched)
        for queued in pending:
            _add_entry(result, queued, location, header[2])
    elif _streamed_result(stream, location, fetched)[1] != header:
        raise Odd("the feed's title, link or language came after its entries")
    return result


def _streamed_result(
    stream: FeedStream, location: str, fetched: dt.datetime
) -> tuple[ParsedFeed, tuple[str, str, str]]:
    title = (_title(stream.feed) or _fallback_name(location))[:MAX_FIELD_CHARS]
    site = _web_link(stream.feed.get("link"))
    result = ParsedFeed(title=title, site=site, entries=[], fetched=fetched)
    return result, (title, site, _language(stream.feed.get("language")))


def _add_entry(result: ParsedFeed, item: Any, location: str, language: str) -> None:
    index = len(result.entries) + result.skipped
    article = _entry_article(item, f"feed:{location}#{index}", result.title, language)
    if article is None:
        result.skipped += 1
    else:
        result.entries.append(article)
        result.keys.append(_entry_key(item))


def _with_feedparser(data: bytes, location: str, fetched: dt.datetime) -> ParsedFeed:
    import feedparser  # (~50 ms to import: only when a feed is read)

    headers = {"content-type": "application/xml"}  # encoding: the XML's own declaration
    if _web(location):
        headers["content-location"] = location
    try:
        parsed = feedparser.parse(data, response_headers=headers)
    except Exception as exc:  # a parser bug or a pathological document: not a feed we can read
        raise FeedError(
            f"{shown(location)}: could not be read as a feed ({type(exc).__name__})"
        ) from exc
    feed = parsed.get("feed") or {}
    items: list[Any] = list(parsed.get("entries") or [])
    title = _title(feed)
    bozo = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if not items and (not parsed.get("version") or (bozo is not None and not title)):
        raise FeedError(f"{shown(location)} is not an RSS or Atom feed ({_why_not(data, bozo)})")
    source = title or _fallback_name(location)
    language = _language(feed.get("language"))
    result = ParsedFeed(
        title=source[:MAX_FIELD_CHARS],
        site=_web_link(feed.get("link")),
        entries=[],
        fetched=fetched,
    )
    if (
        bozo is not None
        and "undefined entity" in _bozo_text(bozo).lower()
        and len(_NAMED_REF.findall(data, 0, 1 << 22)) > MAX_UNDEFINED_REFS
    ):
        raise FeedError(
            f"{shown(location)}: refused: it is built of undefined entity references"
            " (an entity bomb), not a feed"
        )
    for item in items:
        _add_entry(result, item, location, language)
    if bozo is not None:
        read = len(result.entries)
        result.notices.append(
            f"not well-formed: read {read} {'entry' if read == 1 else 'entries'} anyway"
            f" ({_bozo_text(bozo)})"
        )
    return result


def _entry_article(item: Any, fallback_path: str, source: str, language: str) -> Article | None:
    link = _web_link(item.get("link"))
    path = link or fallback_path
    text, kind = _entry_text(item)
    title = _title(item)
    if "plain" in kind:
        article = parse_plaintext(text.replace("\r\n", "\n").replace("\r", "\n"), path=path)
    else:
        article = parse_html(text, path=path, derive=not title)  # the entry's title wins
    if not article.body.strip():
        return None
    if title:
        article.title, article.title_derived = title[:MAX_FIELD_CHARS], False
        first = article.blocks[0] if article.blocks else None
        if first is not None and first.kind == "title" and _first_text(article) != title:
            article.blocks[0] = Block("heading", first.start, first.end)  # a heading of the text
    article.url = link
    article.author = (_author(item) or article.author)[:MAX_FIELD_CHARS]
    article.published = _date(item)
    # The entry's own outlet (RSS <source>, an aggregator's), else its page's site name,
    # else the feed's title.
    article.source = (_entry_source(item) or article.source or source)[:MAX_FIELD_CHARS]
    article.language = language
    return article


def _entry_key(item: Any) -> str:
    """What names an entry across fetches: its guid (id), else its link; "" if neither."""
    for name in ("id", "link"):
        value = item.get(name)
        if isinstance(value, str) and value.strip() and len(value) <= MAX_FIELD_CHARS:
            return value.strip()
    return ""


def _first_text(article: Article) -> str:
    first = article.blocks[0]
    return article.body[first.start : first.end]


def _entry_text(item: Any) -> tuple[str, str]:
    """The entry's text and its media type: the first non-empty content, else the summary."""
    for content in item.get("content") or []:
        value = content.get("value") or ""
        if value.strip():
            return value, (content.get("type") or "text/html").lower()
    detail = item.get("summary_detail") or {}
    return item.get("summary") or "", (detail.get("type") or "text/html").lower()


def _title(node: Any) -> str:
    """A feed's or entry's title on one line; an HTML title loses its tags."""
    value = node.get("title") or ""
    if not isinstance(value, str):
        return ""
    detail = node.get("title_detail") or {}
    if "html" in (detail.get("type") or ""):
        value = " ".join(text for _kind, text in html_text_blocks(value))
    return _SPACE.sub(" ", value).strip()


def _entry_source(item: Any) -> str:
    """The title of an entry's `<source>` element (RSS 2.0: the outlet it came from)."""
    node = item.get("source")
    title = node.get("title") if isinstance(node, dict) else None
    return _SPACE.sub(" ", title).strip() if isinstance(title, str) else ""


def _author(item: Any) -> str:
    detail = item.get("author_detail") or {}
    name = detail.get("name") or item.get("author") or ""
    return _SPACE.sub(" ", name).strip() if isinstance(name, str) else ""


def _date(item: Any) -> dt.date | None:
    """The entry's published date, else its updated date (feedparser gives them in UTC)."""
    for key in ("published_parsed", "updated_parsed"):
        parts = item.get(key)
        if parts:
            try:
                return dt.date(parts[0], parts[1], parts[2])
            except (ValueError, TypeError, IndexError):
                continue
    return None


def _language(value: object) -> str:
    code = (
        value.strip().replace("_", "-").split("-")[0].lower()[:8] if isinstance(value, str) else ""
    )
    return code if code.isalpha() else "en"


def _web(location: str) -> bool:
    try:
        return urlsplit(location).scheme.lower() in ("http", "https")
    except ValueError:
        return False


def _web_link(value: object) -> str:
    """An http(s) link of a sane length, else "" (a javascript: link is not an address)."""
    if not isinstance(value, str) or len(value) > MAX_FIELD_CHARS:
        return ""
    link = value.strip()
    return link if _web(link) else ""


def _fallback_name(location: str) -> str:
    """A name for a feed without a title: its server's, or its file's."""
    if _web(location):
        return urlsplit(location).hostname or location
    return PurePath(location).name or location


def _bozo_text(exc: object) -> str:
    message = getattr(exc, "getMessage", None)  # a SAX error without its "<unknown>:1:0:"
    text = message() if callable(message) else str(exc)
    return one_line(str(text), 200) or type(exc).__name__


def _why_not(data: bytes, bozo: object) -> str:
    if _HTML_START.match(data[:4096]):
        return "it is a web page; look on it for a link to its feed"
    if bozo is not None:
        return _bozo_text(bozo)
    return "no feed title and no entries found"
