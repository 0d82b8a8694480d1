"""How one timeline event and one day heading look: `Content` built from untrusted text.

Every piece of article text goes through `one_line` (control characters made visible,
whitespace flattened) and into `Content` as plain text, never markup.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content

from reader.core.analysis.timeline.build import Event
from reader.core.date_labels import date_label, day_label
from reader.core.reading.handoffs import SourceRef
from reader.core.sanitize import one_line

INFERRED_MARK = "≈"
SUMMARY_LIMIT = 600
# How many people and figures a row names (the rest counted: "+3").
PEOPLE_SHOWN = 3
FIGURES_SHOWN = 5


def day_heading(date: str) -> Content:
    """The heading row that starts each day (or coarse period) of the timeline."""
    return Content.assemble(("▌ ", "$accent"), (one_line(day_label(date), 80), "bold"))


def source_key(article: int) -> str:
    """The short badge of the `article`-th source of the reading set: 1, 2, 3 … (numbers,
    so they never clash with labels such as "Source A")."""
    return str(article + 1)


def legend(sources: Sequence[SourceRef]) -> Content:
    """What each badge stands for: "[1] Seed source A · [2] Seed source B"."""
    parts: list[Content | tuple[str, str] | str] = []
    for n, src in enumerate(sources):
        if n:
            parts.append(("  ·  ", "$text-muted"))
        parts += [(f"[{source_key(n)}]", "bold $text-primary"), " ", one_line(src.label, 40)]
    return Content.assemble(*parts)


def short_badge(sources: Sequence[SourceRef], article: int) -> str:
    return source_key(article) if 0 <= article < len(sources) else "?"


def _some(items: Sequence[str], shown: int, limit: int) -> str:
    text = ", ".join(one_line(x, limit) for x in items[:shown])
    return text + (f" +{len(items) - shown}" if len(items) > shown else "")


def details(event: Event) -> Content | None:
    """The event's people, figures (the numbers of its passage, as written) and the other
    dates its sentence mentions, on one line; None when it has none of them."""
    parts: list[tuple[str, str] | str] = []
    if event.people:
        parts += [
            ("who ", "$text-muted"),
            (_some(event.people, PEOPLE_SHOWN, 40), "$text-secondary"),
        ]
    if event.figures:
        if parts:
            parts.append(("  ·  ", "$text-muted"))
        parts += [
            ("figures ", "$text-muted"),
            (_some(event.figures, FIGURES_SHOWN, 30), "bold $text-success"),
        ]
    if event.mentioned:
        if parts:
            parts.append(("  ·  ", "$text-muted"))
        labels = [date_label(d) for d in event.mentioned]
        parts += [("also ", "$text-muted"), (_some(labels, 3, 30), "italic")]
    return Content.assemble(*parts) if parts else None


def event_prompt(event: Event, sources: Sequence[SourceRef], chosen: int = 0) -> Content:
    """Two or more lines: date, places and source badges, then the summary in the chosen
    source's own words, then (`details`) who, which figures and which other dates. `chosen`
    is the index (in `event.sources`) of the source enter jumps to; its badge is shown in
    reverse when the event cites more than one."""
    when = one_line(date_label(event.date, event.end, event.mod), 60)
    parts: list[tuple[str, str] | str] = []
    if event.inferred:
        parts += [(f"{INFERRED_MARK} ", "bold $text-warning"), (when, "bold")]
        parts += [(" (inferred)", "italic $text-muted")]
    else:
        parts += [(when, "bold")]
    if event.places:
        places = ", ".join(one_line(p, 40) for p in event.places[:4])
        parts += ["  ", (places, "$text-accent")]
    for n, src in enumerate(event.sources):
        style = "reverse bold" if n == chosen and len(event.sources) > 1 else "bold $text-primary"
        parts += [" ", (f"[{short_badge(sources, src.article)}]", style)]
    head = Content.assemble(*parts)
    cited = event.sources[chosen] if 0 <= chosen < len(event.sources) else None
    said = (cited.summary if cited is not None else "") or event.summary
    summary = one_line(said, SUMMARY_LIMIT) or "(no summary)"
    more = details(event)
    if more is None:
        return Content.assemble(head, "\n", summary)
    return Content.assemble(head, "\n", summary, "\n", more)
