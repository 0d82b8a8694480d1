"""One way to analyse an article, used by the CLI and the UI alike."""

from __future__ import annotations

import datetime as dt

from reader.core.analysis.entities import find_entities
from reader.core.analysis.model import Analysis
from reader.core.analysis.numbers import find_numbers
from reader.core.analysis.timex import find_times
from reader.core.article import Article


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
