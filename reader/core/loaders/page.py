"""The main text of a web page, with trafilatura; `extract_page` is the one way in.

trafilatura (lxml) finds the article's text and drops menus, navigation, footers, share
bars and comments; its paragraphs become paragraph blocks. Title, author, published date,
site name and url come from the page's own metadata (`parse_html`'s reading of the <head>
first, trafilatura's reading of JSON-LD, bylines and the like where that finds nothing).
The title falls back to the site name. When trafilatura finds no text, or fails, the body
is `parse_html`'s (the older, tag-based extractor). Deep nesting is flattened first, as
for `parse_html`, so no document hangs either parser.
"""

from __future__ import annotations

from typing import Any

from reader.core.article import Article
from reader.core.loaders.decode import decode_bytes
from reader.core.loaders.html import _flatten_deep_nesting, parse_html
from reader.core.loaders.metadata import MAX_FIELD_CHARS, parse_date
from reader.core.loaders.structure import BodyBuilder, mark_opening

OPTIONS: dict[str, Any] = {
    "include_comments": False,
    "include_tables": True,
    "favor_precision": True,
    "favor_recall": False,
    "no_fallback": False,
}
"""The trafilatura options, chosen by word F1 over the whole article-extraction dev set."""


def extract_page(html: str | bytes, url: str | None = None, *, path: str = "") -> Article:
    """An `Article` from a web page: its main text and its metadata. Never raises on bad
    markup; bytes are decoded as files are (BOM, UTF-8, then a legacy fallback)."""
    text = decode_bytes(html)[0] if isinstance(html, bytes) else html
    text = _flatten_deep_nesting(text)
    article = parse_html(text, path=path)
    found = _trafilatura(text, url)
    body_text = (found.get("text") or "").strip() if found else ""
    if body_text:
        builder = BodyBuilder()
        for line in body_text.split("\n"):
            if line.strip():
                builder.add("paragraph", line.strip())
        article.body = builder.body()
        article.blocks = mark_opening(article.body, builder.blocks)
        article.notices = [n for n in article.notices if not n.startswith("HTML over")]
    if found:
        _fill(article, found)
    if url and not article.url:
        article.url = url[:MAX_FIELD_CHARS]
    if (article.title_derived or not article.title) and article.source:
        article.title = article.source
        article.title_derived = False
    return article


def _trafilatura(text: str, url: str | None) -> dict[str, Any] | None:
    """What trafilatura finds, or None when it fails or when lxml stopped early (inline
    tags nested past libxml2's depth limit lose the rest of the page: the fallback keeps it)."""
    try:
        import logging

        import lxml.html
        import trafilatura  # (not at start-up: only pages need it; logging neither, ~10 ms)

        # trafilatura logs every page it finds nothing in at WARNING; the fallback handles
        # those.
        logging.getLogger("trafilatura").setLevel(logging.CRITICAL)

        parser = lxml.html.HTMLParser()
        lxml.html.document_fromstring(text, parser=parser)  # (only to see if it stops early)
        if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log):
            return None
        doc = trafilatura.bare_extraction(text, url=url, with_metadata=True, **OPTIONS)
    except Exception:  # a parser bug on hostile markup must not lose the page
        return None
    if doc is None:
        return None
    return {k: getattr(doc, k, None) for k in ("text", "title", "author", "date", "sitename")}


def _fill(article: Article, found: dict[str, Any]) -> None:
    """Fill the metadata the <head> did not give from what trafilatura found."""

    def value(key: str) -> str:
        raw = found.get(key)
        return " ".join(raw.split())[:MAX_FIELD_CHARS] if isinstance(raw, str) else ""

    if not article.title or article.title_derived:
        title = value("title")
        if title:
            article.title, article.title_derived = title, False
    article.author = article.author or value("author")
    article.source = article.source or value("sitename")
    if article.published is None:
        article.published = parse_date(value("date"))
