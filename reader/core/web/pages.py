"""Web pages as articles: fetch one address with the one client, extract its main text.

`fetch_page(url)` is the one way Broadsheet reads an article from the web (`broadsheet add
URL`, full-text feeds, the reading pane's full-article key). Only http(s) addresses are
fetched, through `reader.core.web.client` (deadline, size cap, redirects, per-server limit);
the body must be HTML (or untyped); `extract_page` finds its text and metadata. The source
is the page's site name, else its server's name. Every failure raises `WebError` (one line).
`fill_full_text` replaces feed entries' summaries by their pages, several at once, keeping
the summary (with a notice saying why) of each page that cannot be read.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

from reader.core.article import Article
from reader.core.web.client import WEB_SCHEMES, WebError, shared_client, shown
from reader.core.web.limits import MAX_PAGE_BYTES as MAX_PAGE_BYTES

PAGE_FETCHERS = 4  # pages fetched at once (the client still allows two per server)
ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
_HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/xml", "")
MIN_WORDS = 40  # a page whose text is shorter than this is not taken over a feed summary


def is_web_address(text: str) -> bool:
    """Whether `text` is an http(s) address with a server name (what `add` fetches)."""
    try:
        parts = urlsplit(text.strip())
        return parts.scheme.lower() in WEB_SCHEMES and bool(parts.hostname)
    except ValueError:
        return False


def fetch_page(url: str, *, deadline: float | None = None) -> Article:
    """The article at `url`: fetched, extracted, its url kept as given. Raises `WebError`
    (a `RetryLater` for 429/503) for an address that is not http(s), a failed fetch, a
    reply that is not a web page, or a page with no text."""
    address = url.strip()
    if not is_web_address(address):
        raise WebError(f"{shown(url)}: is not an http or https address")
    answer = shared_client().get(
        address,
        headers={"Accept": ACCEPT},
        max_bytes=MAX_PAGE_BYTES,
        what="a page",
        deadline=deadline,
        skip_resting=True,
    )
    kind = answer.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind not in _HTML_TYPES:
        raise WebError(f"{shown(address)}: is not a web page ({shown(kind)})")
    return page_article(answer.body, address, final=answer.url)


def page_article(body: bytes, url: str, *, final: str = "") -> Article:
    """An article from a fetched page's bytes (see `fetch_page`)."""
    from reader.core.loaders.page import extract_page  # (trafilatura: only when needed)

    article = extract_page(body, final or url)
    if not article.body.strip():
        raise WebError(f"{shown(url)}: the page has no text Broadsheet can read")
    article.url = url
    if not article.source:
        article.source = (urlsplit(final or url).hostname or "").removeprefix("www.")
    if not article.title:
        article.title = article.source or url
        article.title_derived = True
    return article


def read_in_full(entry: Article, *, deadline: float | None = None) -> str:
    """Put the text of `entry`'s linked page in place of its own (a feed's summary); the
    entry's title stays, its source becomes the page's site name when the page gives one,
    its author and date are filled when missing. Returns ""
    when it did, else why not (one line; the entry is then unchanged)."""
    if not entry.url:
        return "the entry has no link"
    try:
        page = fetch_page(entry.url, deadline=deadline)
    except WebError as exc:
        return str(exc)
    except Exception as exc:  # a bug on one page must not lose the entry
        return f"{shown(entry.url)}: unexpected error ({type(exc).__name__})"
    if page.word_count < max(MIN_WORDS, entry.word_count):
        return f"{shown(entry.url)}: the page has less text than the feed's summary"
    entry.body, entry.blocks = page.body, page.blocks
    entry.title_derived = entry.title_derived and page.title_derived
    if entry.title_derived:
        entry.title = page.title
    entry.author = entry.author or page.author
    host = (urlsplit(page.url).hostname or "").removeprefix("www.")
    if page.source and page.source != host:  # the page's own site name, not its server's
        entry.source = page.source
    entry.published = entry.published or page.published
    return ""


def _full(entry: Article, deadline: float | None) -> Article:
    """`entry` with its page's text, or with a notice saying why not."""
    why = read_in_full(entry, deadline=deadline)
    if why:
        entry.notices.append(f"full text not read: {why}; the feed's summary is kept")
    return entry


def fill_full_text(entries: Sequence[Article], *, deadline: float | None = None) -> list[Article]:
    """Each entry with its linked page's text instead of its summary, fetched
    `PAGE_FETCHERS` at a time; an entry whose page cannot be read keeps its summary and
    gets a notice saying why. The same objects, in order."""
    if not entries:
        return []
    with ThreadPoolExecutor(
        max_workers=min(PAGE_FETCHERS, len(entries)), thread_name_prefix="broadsheet-page"
    ) as pool:
        return list(pool.map(lambda a: _full(a, deadline), entries))
