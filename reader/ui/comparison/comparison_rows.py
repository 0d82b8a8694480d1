"""How rows of the comparison look: `Content` in fixed columns, one column per source.

The comparison dict comes from `reader.core.analysis.compare.comparison.compare`; every string in it
is article text (untrusted) and goes through `one_line` into plain `Content`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from textual.content import Content

from reader.core.export import STATUS_WORDS, figure_text
from reader.core.sanitize import one_line

NAME_WIDTH = 28  # at 80 columns; the name column grows with the list (`name_width`)
NAME_SHARE, NAME_MIN, NAME_MAX = 0.35, 20, 56
KIND_WIDTH = 7
COUNT_MIN, COUNT_MAX = 6, 14
SOURCE_MAX = 24  # a source's name before its figure
FIGURE_WIDTH = 24

STATUS_MARKS = {"agree": ("=", "$text-success"), "differ": ("≠", "$text-error")}
SINGLE_MARK = ("1", "$text-warning")


def cell(text: str, width: int, right: bool = False, style: str = "") -> Content:
    """`text` (untrusted) cut to `width` cells and padded to exactly `width`."""
    content = Content(one_line(text, width)).stylize(style)
    if right:
        return content.right(width, ellipsis=True)
    return content.truncate(width, ellipsis=True, pad=True)


def column_labels(labels: Sequence[str]) -> list[str]:
    """Labels short enough for a column yet told apart: two articles of one outlet
    ("Meridian Post: Lagarde hints …", "Meridian Post: What the ECB's …") show their
    titles, which is where their labels differ."""
    cut = [lab[:COUNT_MAX] for lab in labels]
    out = []
    for lab, head in zip(labels, cut, strict=True):
        clash = cut.count(head) > 1
        out.append(lab.split(": ", 1)[1] if clash and ": " in lab else lab)
    return out


def count_width(labels: Sequence[str]) -> int:
    return max([COUNT_MIN, *(min(len(lab), COUNT_MAX) for lab in labels)])


def name_width(width: int) -> int:
    """The entity name column for a list `width` cells wide: about a third of it."""
    return max(NAME_MIN, min(NAME_MAX, round(width * NAME_SHARE)))


def entity_columns(names: int = NAME_WIDTH) -> int:
    """Where the count columns start: the indent, the name and the kind."""
    return 2 + names + KIND_WIDTH


def heading(title: str, labels: Sequence[str] = (), first: int = 0) -> Content:
    """A section heading; with `labels`, the source names over the count columns."""
    head = Content.assemble(("▌ ", "$accent"), (one_line(title, 60), "bold"))
    if not labels:
        return head
    width = count_width(labels)
    head = head.pad_right(max(0, first - head.cell_length))
    columns = [
        Content.assemble(" ", cell(lab, width, right=True, style="bold"))
        for lab in column_labels(labels)
    ]
    return Content.assemble(head, *columns)


def entity_row(row: dict[str, Any], labels: Sequence[str], names: int = NAME_WIDTH) -> Content:
    """Name (in a column `names` wide), kind, then the mention count in each source ("·"
    where none)."""
    width = count_width(labels)
    counts = list(row.get("counts") or [])
    cells = [
        cell(str(row.get("name", "")), names - 1),
        Content(" "),
        cell(str(row.get("kind", "")), KIND_WIDTH),
    ]
    for n in range(len(labels)):
        value = counts[n] if n < len(counts) else 0
        shown = str(value) if value else "·"
        style = "bold" if value else "$text-muted"
        cells += [Content(" "), cell(shown, width, right=True, style=style)]
    return Content.assemble("  ", *cells)


def number_row(row: dict[str, Any], labels: Sequence[str]) -> Content:
    """Status and label on one line; each source's figure (with hedge) on the next."""
    status = str(row.get("status", ""))
    mark, style = STATUS_MARKS.get(status, SINGLE_MARK)
    label = str(row.get("label") or row.get("unit") or row.get("kind") or "")
    first = Content.assemble(
        (f"{mark} ", f"bold {style}"),
        cell(STATUS_WORDS.get(status, status), 16, style=style),
        (one_line(label, 80), "bold"),
    )
    values = list(row.get("values") or [])
    source_width = min(SOURCE_MAX, max([1, *(len(lab) for lab in labels)]))
    parts: list[Content | str] = ["    "]
    for n, lab in enumerate(column_labels(labels)):
        value = values[n] if n < len(values) else None
        # a space after the source, however it is cut: never "Eurozone Mark…2%"
        parts += [cell(lab, source_width, style="$text-muted"), " "]
        figure = figure_text(value) or "—"
        parts.append(cell(figure, FIGURE_WIDTH, style="" if figure != "—" else "$text-muted"))
    return Content.assemble(first, "\n", *parts)
