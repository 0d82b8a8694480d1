"""Analysis of library articles, computed once and cached in the library."""

from __future__ import annotations

from collections.abc import Sequence

from reader.core.analysis import analyze_set, analyzer_version
from reader.core.analysis.model import Analysis
from reader.core.article import Article
from reader.core.store import Library


def analysed_items(library: Library, ids: Sequence[int]) -> list[tuple[Article, Analysis]]:
    """The articles with their analyses read as one set; uncached ones are analysed and stored.

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
            library.put_analysis(ids[k], an, version)
            cached[k] = an
    per_article = [an for an in cached if an is not None]
    return list(zip(articles, analyze_set(articles, cached=per_article), strict=True))


def analyse_unanalysed(library: Library) -> int:
    """Analyse every article with no analysis cached by this analyser version and index its
    entity names, so a typed search (person:, place:, org:) finds it. Returns how many were
    analysed; an article the analysis fails on is skipped (it stays searchable by text)."""
    from reader.core.analysis import analyze

    version = analyzer_version()
    fresh: list[tuple[int, Analysis]] = []
    for article_id in library.ids():
        if library.get_analysis(article_id, version) is not None:
            continue
        try:
            fresh.append((article_id, analyze(library.get(article_id))))
        except Exception:  # one bad article must not stop the others being indexed
            continue
    if fresh:
        library.put_analyses(fresh, version)
    return len(fresh)
