"""What the reading screen asks the core, called from thread workers only.

No Textual here: each function takes the library and returns plain values, so the screen
can run it in a worker and post the result as a message. The analysis engine is imported
inside the functions (it is slow to import and must not delay the first frame).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from reader.core.reading.companions import closest, features
from reader.core.reading.handoffs import SourceRef
from reader.core.sanitize import one_line

if TYPE_CHECKING:
    from reader.core.analysis.model import Analysis
    from reader.core.article import Article
    from reader.core.store import Library

COMPANION_POOL = 300  # how many recent articles are considered as companions


def analysed(library: Library, ids: Sequence[int]) -> list[tuple[Article, Analysis]]:
    """The articles read together with their analyses (cached in the library)."""
    from reader.core.library_analysis import analysed_items

    return analysed_items(library, list(ids))


def analysed_each(library: Library, ids: Sequence[int]) -> tuple[list[Analysis], list[str]]:
    """Like `analysed`, but an article the analysis fails on gets an empty analysis (and a
    one-line reason) instead of spoiling the others.
    An article the analyser of this version failed on before (stored: `AnalysisQueue.fail`)
    is not analysed again; one that fails here is stored so."""
    from reader.core.analysis import analyzer_version
    from reader.core.analysis.model import Analysis

    version = analyzer_version()
    known = {i: why for i in ids if (why := library.analysis_failure(i, version)) is not None}
    if not known:
        try:
            return [an for _, an in analysed(library, ids)], [""] * len(ids)
        except Exception:
            pass
    analyses: list[Analysis] = []
    failures: list[str] = []
    for article_id in ids:
        if article_id in known:
            analyses.append(Analysis())
            failures.append(known[article_id])
            continue
        try:
            analyses.append(analysed(library, [article_id])[0][1])
            failures.append("")
        except Exception as exc:
            why = f"{type(exc).__name__}: {exc}".rstrip(": ")
            library.queue.fail([(article_id, why)], version)
            analyses.append(Analysis())
            failures.append(why)
    return analyses, failures


def companions(library: Library, target: int, limit: int = 3) -> list[int]:
    """The articles that read best beside `target`: the other articles of its story (other
    outlets first, newest first); without a story, those sharing the most names and dates;
    failing that, others published the same day."""
    from reader.core.analysis import analyze, analyzer_version

    story = [library.row(i) for i in library.stories.story_of(target) if i != target]
    if story:
        own = library.row(target).source
        story.sort(
            key=lambda r: (r.source == own, -(r.published.toordinal() if r.published else 0))
        )
        first_of_source: dict[str, int] = {}
        for r in story:
            first_of_source.setdefault(r.source, r.id)
        rest = [r.id for r in story if r.id not in first_of_source.values()]
        return [*first_of_source.values(), *rest][:limit]
    version = analyzer_version()
    rows = library.rows(0, COMPANION_POOL)
    if target not in {r.id for r in rows}:
        rows.append(library.row(target))
    by_id: dict[int, frozenset[str]] = {}
    for row in rows:  # a cached analysis needs no body; set-level steps are not needed here
        cached = library.get_analysis(row.id, version)
        if cached is None:
            try:
                cached = analyze(library.get(row.id))
            except Exception:  # an article the analysis fails on is nobody's companion
                continue
            library.put_analysis(row.id, cached, version)
        by_id[row.id] = features(cached)
    nearest = closest(target, by_id, limit)
    if nearest:
        return nearest
    day = next((r.published for r in rows if r.id == target), None)
    return [r.id for r in rows if r.id != target and r.published == day][:limit]


def source_refs(ids: Sequence[int], articles: Sequence[Article]) -> list[SourceRef]:
    """One label per article: two articles of one outlet are two sources (`source_labels`)."""
    from reader.core.analysis.compare.comparison import source_labels

    refs = []
    labels = source_labels(articles)
    for article_id, article, label in zip(ids, articles, labels, strict=True):
        date = article.published.isoformat() if article.published else ""
        refs.append(SourceRef(article_id, label, article.title, date))
    return refs


def _items(library: Library, ids: Sequence[int]) -> list[tuple[Article, Analysis]]:
    analyses, _ = analysed_each(library, ids)
    return [(library.get(i), an) for i, an in zip(ids, analyses, strict=True)]


def timeline(library: Library, ids: Sequence[int]) -> tuple[list[Any], list[SourceRef]]:
    from reader.core.analysis.timeline.build import build_timeline

    items = _items(library, ids)
    return build_timeline(items), source_refs(ids, [a for a, _ in items])


def comparison(library: Library, ids: Sequence[int]) -> tuple[Any, list[SourceRef]]:
    from reader.core.analysis.compare.comparison import compare

    items = _items(library, ids)
    return compare(items), source_refs(ids, [a for a, _ in items])


def citation(article: Article) -> str:
    """`Source (2025-10-29). “Title”. https://…` — what `y` copies."""
    date = article.published.isoformat() if article.published else "n.d."
    source = one_line(article.source, 200) or "Unknown source"
    parts = [f"{source} ({date}).", f"“{one_line(article.title, 500)}”."]
    if article.url:
        parts.append(one_line(article.url, 2000))
    return " ".join(parts)
