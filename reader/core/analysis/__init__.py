"""One way to analyse an article, used by the CLI and the UI alike."""

from __future__ import annotations

import datetime as dt
import hashlib
from functools import cache
from pathlib import Path

from reader.core.analysis.entities import find_entities
from reader.core.analysis.model import Analysis
from reader.core.analysis.numbers import find_numbers
from reader.core.analysis.timex import find_times
from reader.core.article import Article


@cache
def analyzer_version() -> str:
    """A digest of the analysis code and data: cached analyses from other code are stale."""
    digest = hashlib.sha1(usedforsecurity=False)
    root = Path(__file__).parent
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".txt", ".json", ".tsv", ".csv"}:
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def analyze(article: Article, anchor: dt.date | None = None, *, inferred: bool = False) -> Analysis:
    """Analyse one article. `anchor` overrides the publication date for relative dates."""
    anchor = anchor or article.published
    body = article.body
    return Analysis(
        entities=find_entities(body),
        numbers=find_numbers(body),
        dates=find_times(body, anchor),
        anchor=anchor.isoformat() if anchor else "",
        anchor_inferred=inferred,
    )
