"""What an article says: people, places and organisations, figures, dates, events.

One subpackage per kind of thing found (`entities`, `numbers`, `timex`, `timeline`,
`compare`, with shared `text` helpers); `pipeline` runs them over an article; `model` is the
data they produce. This module re-exports the pipeline lazily, so importing `model` (or any
one room) costs only that room.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.core.analysis.model import Analysis
    from reader.core.analysis.pipeline import analyze, analyze_set, analyzer_version, link_entities

__all__ = ["Analysis", "analyze", "analyze_set", "analyzer_version", "link_entities"]

_FROM = {
    "Analysis": "reader.core.analysis.model",
    "analyze": "reader.core.analysis.pipeline",
    "analyze_set": "reader.core.analysis.pipeline",
    "analyzer_version": "reader.core.analysis.pipeline",
    "link_entities": "reader.core.analysis.pipeline",
}


def __getattr__(name: str) -> Any:
    if name not in _FROM:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(_FROM[name]), name)
    globals()[name] = value
    return value
