"""What lives at an address: a feed to subscribe to, or an article page to add.

`sniff(url)` fetches the address once (with the one web client, up to the feed limit or the
page limit, whichever is larger) and reads the reply: a reply the feed parser takes is a feed
(its bytes kept, so subscribing does not fetch it a second time); an HTML page is read as an
article (its text extracted; at most the page limit); anything else is a `WebError` saying
so. The app's subscribe prompt uses it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reader.core.article import Article
from reader.core.feeds.fetch import FetchResult, validator
from reader.core.web.client import WebError, shared_client, shown, too_big
from reader.core.web.limits import MAX_PAGE_BYTES, LimitError, max_feed_bytes
from reader.core.web.pages import page_article

ACCEPT = (
    "application/rss+xml, application/atom+xml, text/html;q=0.9, application/xml;q=0.9, */*;q=0.5"
)


@dataclass(frozen=True, slots=True)
class Sniffed:
    """`kind` is "feed" (subscribe to `url`; `feed` is what was fetched) or "page"
    (`article` is the page read)."""

    kind: str
    url: str
    article: Article | None = None
    feed: FetchResult | None = None


def sniff(url: str, *, deadline: float | None = None) -> Sniffed:
    """Fetch `url` once and say whether it is a feed or a page. Raises `WebError`."""
    from reader.core.feeds import FeedError, parse_feed

    address = url.strip()
    try:
        limit = max(MAX_PAGE_BYTES, max_feed_bytes())  # a feed may be bigger than a page
    except LimitError as exc:
        raise WebError(str(exc)) from exc
    answer = shared_client().get(
        address,
        headers={"Accept": ACCEPT},
        max_bytes=limit,
        what="a feed or page",
        deadline=deadline,
        skip_resting=True,
    )
    try:
        parse_feed(answer.body, answer.url or address, fetched=dt.datetime.now(dt.UTC))
    except FeedError as exc:
        kind = answer.headers.get("content-type", "").split(";")[0].strip().lower()
        head = answer.body[:2048].lstrip().lower()
        if "html" in kind or head.startswith((b"<!doctype html", b"<html")):
            if len(answer.body) > MAX_PAGE_BYTES:
                raise too_big(address, MAX_PAGE_BYTES, "a page") from exc
            return Sniffed("page", address, page_article(answer.body, address, final=answer.url))
        raise WebError(f"{shown(address)}: is neither a feed nor a web page") from exc
    fetched = FetchResult(
        answer.body,
        answer.url or address,
        validator(answer.headers.get("etag")),
        validator(answer.headers.get("last-modified")),
    )
    return Sniffed("feed", address, feed=fetched)
