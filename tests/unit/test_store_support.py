"""Articles made up for the store, search and importer tests."""

from __future__ import annotations

import datetime as dt

from reader.core.article import Article, Block


def make_article(
    n: int = 0,
    *,
    title: str | None = None,
    body: str | None = None,
    source: str = "Daily Planet",
    published: dt.date | None = None,
) -> Article:
    title = title if title is not None else f"Story number {n}"
    body = (
        body if body is not None else f"This is the body of story {n}.\n\nA second paragraph {n}."
    )
    text = f"{title}\n\n{body}"
    return Article(
        title=title,
        body=text,
        blocks=[Block("title", 0, len(title)), Block("paragraph", len(title) + 2, len(text))],
        source=source,
        published=published,
        url=f"https://example.com/{n}",
        author="A. Writer",
        path=f"/tmp/story{n}.txt",
    )
