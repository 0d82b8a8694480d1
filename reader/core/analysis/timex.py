"""TIMEX3 dates and times (placeholder until the engine lands)."""

from __future__ import annotations

import datetime as dt

from reader.core.analysis.model import TimeExpr


def find_times(body: str, anchor: dt.date | None) -> list[TimeExpr]:
    return []
