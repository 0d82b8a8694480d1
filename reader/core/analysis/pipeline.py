"""The analysis pipeline: one way to analyse an article, used by the CLI and the UI alike."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from reader.core.analysis.entities.find import find_entities, merge_aliases
from reader.core.analysis.model import Analysis
from reader.core.analysis.numbers.find import find_numbers
from reader.core.analysis.timex.find import find_times, infer_anchor
from reader.core.article import Article


@cache
def analyzer_version() -> str:
    """A digest of the analysis code and data: cached analyses from other code are stale.

    Story matching (`stories/`) is not analysis: it has its own `stories_version`, so a change
    to it re-forms stories without re-analysing every article."""
    digest = hashlib.sha1(usedforsecurity=False)
    root = Path(__file__).parent
    for path in sorted(root.rglob("*")):
        if path.relative_to(root).parts[0] == "stories":
            continue
        if path.is_file() and path.suffix in {".py", ".txt", ".json", ".tsv", ".csv"}:
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def analyze(article: Article, anchor: dt.date | None = None, *, inferred: bool = False) -> Analysis:
    """Analyse one article. `anchor` overrides the publication date for relative dates.

    Pass `inferred=True` with an anchor that is not the article's own date (e.g. taken from
    other articles read together). Without any anchor, one is inferred from the article's own
    fully specified dates (`infer_anchor`); relative dates resolved from it say `inferred`.
    """
    anchor = anchor or article.published
    body = article.body
    if anchor is None:
        anchor = infer_anchor(body)
        inferred = anchor is not None
    return Analysis(
        entities=find_entities(body),
        numbers=find_numbers(body),
        dates=find_times(body, anchor, inferred=inferred),
        anchor=anchor.isoformat() if anchor else "",
        anchor_inferred=inferred,
    )


def analyze_set(
    articles: Sequence[Article],
    *,
    cached: Sequence[Analysis] | None = None,
    link: bool = True,
) -> list[Analysis]:
    """Analyse articles read together as one set of sources.

    Each article is analysed alone (or taken from `cached`); with `link`, an article without
    a publication date is re-read against an anchor inferred from the others (its values then
    say `inferred`), and entity names are made canonical across the set.
    """
    analyses = list(cached) if cached is not None else [analyze(a) for a in articles]
    if not link:
        return analyses
    dated = sorted(a.published for a in articles if a.published)
    if dated:
        anchor = dated[len(dated) // 2]
        for k, article in enumerate(articles):
            if article.published is None and not analyses[k].anchor:
                analyses[k] = analyze(article, anchor, inferred=True)
    return link_entities(analyses)


def link_entities(analyses: list[Analysis]) -> list[Analysis]:
    """Give one canonical name to the aliases of one referent across the set
    ("Lee Jae-myung" in one source and "Lee Jae Myung" in another are one person)."""
    if len(analyses) < 2:
        return analyses
    names = merge_aliases([an.entities for an in analyses])
    return [
        dataclasses.replace(
            an,
            entities=[
                e
                if names.get(e.name, e.name) == e.name
                else dataclasses.replace(e, name=names[e.name])
                for e in an.entities
            ],
        )
        for an in analyses
    ]
