"""Cross-source comparison (placeholder until the engine lands)."""

from __future__ import annotations

from typing import Any

from reader.core.analysis.model import Analysis
from reader.core.article import Article


def compare(items: list[tuple[Article, Analysis]]) -> dict[str, Any]:
    return {"entities": [], "numbers": []}
