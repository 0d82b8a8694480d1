"""Articles made up for the store, search and importer tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.article import Article, Block

if TYPE_CHECKING:
    from reader.core.store import Library


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


def paging_library(path: Path, seed: int) -> Library:
    """60 articles for the keyset tests: ties and undated rows on page edges, some read,
    some starred (chosen by `seed`)."""
    import random

    from reader.core.store import Library

    library = Library.open(path)
    rng = random.Random(seed)
    for n in range(1, 61):
        day = rng.choice([None, 1, 2, 2, 3, 5])
        published = None if day is None else dt.date(2024, 1, day)
        article_id, _ = library.add(make_article(n, published=published))
        if n % 3 == 0:
            library.set_read(article_id)
        if n % 4 == 0:
            library.set_starred(article_id)
    return library


def process_alive(pid: int) -> bool:
    import os

    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True
