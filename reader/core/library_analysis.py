"""Analysis of library articles, computed once and cached in the library."""

from __future__ import annotations

from collections.abc import Sequence

from reader.core.analysis import analyze_set, analyzer_version
from reader.core.analysis.model import Analysis
from reader.core.article import Article
from reader.core.store import Library


def analysed_items(library: Library, ids: Sequence[int]) -> list[tuple[Article, Analysis]]:
    """The articles with their analyses read as one set; those not analysed yet (still
    waiting for the background analysis) are analysed here first and landed in the library
    (`AnalysisQueue.land`: stored, and joined to a story).

    Set-level steps (aliases merged across the set, anchors inferred from the others) are
    applied by `analyze_set` on top of the cached per-article results.
    """
    version = analyzer_version()
    articles = [library.get(i) for i in ids]
    cached = [library.get_analysis(i, version) for i in ids]
    missing = [k for k, an in enumerate(cached) if an is None]
    if missing:
        fresh = analyze_set([articles[k] for k in missing], link=False)
        for k, an in zip(missing, fresh, strict=True):
            cached[k] = an
        library.queue.land([(ids[k], an) for k, an in zip(missing, fresh, strict=True)], version)
    per_article = [an for an in cached if an is not None]
    return list(zip(articles, analyze_set(articles, cached=per_article), strict=True))
