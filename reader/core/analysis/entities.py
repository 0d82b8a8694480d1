"""Named entities (placeholder until the engine lands)."""

from __future__ import annotations

from reader.core.analysis.model import Entity


def find_entities(body: str) -> list[Entity]:
    return []
