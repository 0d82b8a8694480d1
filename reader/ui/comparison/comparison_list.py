"""The comparison in one `OptionList`: entities in every source, entities in one source only
(a section per source), then the ledger of figures. Enter posts `ComparisonList.Chosen`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.ui.chrome.sectioned_list import SectionedOptionList
from reader.ui.comparison.comparison_rows import (
    entity_columns,
    entity_row,
    heading,
    name_width,
    number_row,
)


@dataclass(frozen=True, slots=True)
class Mention:
    """What enter on a row asks to open: `text` in the `article`-th source, at
    `start:end` when the comparison knows the offsets (figures), else at its first
    occurrence (entities: the screen finds it)."""

    article: int
    text: str
    start: int | None = None
    end: int | None = None


NONE = Content.styled("  none", "$text-muted")


class MentionOption(Option):
    """A row that can be opened."""

    def __init__(self, prompt: Any, mention: Mention | None, kind: str) -> None:
        super().__init__(prompt)
        self.mention = mention
        self.kind = kind  # "entity" or "number"


def _rows(entities: Any, key: str) -> list[dict[str, Any]]:
    if isinstance(entities, dict):
        return [r for r in entities.get(key) or [] if isinstance(r, dict)]
    return []


def _entity_mention(row: dict[str, Any]) -> Mention | None:
    counts = list(row.get("counts") or [])
    article = next((n for n, c in enumerate(counts) if c), None)
    return None if article is None else Mention(article, str(row.get("name", "")))


def _present_in(row: dict[str, Any], sources: int) -> tuple[int, ...]:
    """The sources (indices) that mention the entity of `row`."""
    counts = list(row.get("counts") or [])
    return tuple(n for n, c in enumerate(counts[:sources]) if c)


def _number_mention(row: dict[str, Any]) -> Mention | None:
    for n, value in enumerate(row.get("values") or []):
        if isinstance(value, dict) and isinstance(value.get("start"), int):
            return Mention(n, str(value.get("text", "")), value["start"], value.get("end"))
    return None


class ComparisonList(SectionedOptionList):
    """Entities and figures of a comparison, one column per source."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right_square_bracket", "section(1)", "Next section", key_display="]"),
        Binding(
            "left_square_bracket", "section(-1)", "Previous section", key_display="[", show=False
        ),
    ]

    class Chosen(Message):
        def __init__(self, comparison: ComparisonList, mention: Mention) -> None:
            super().__init__()
            self.comparison = comparison
            self.mention = mention

        @property
        def control(self) -> ComparisonList:
            return self.comparison

    def __init__(
        self,
        comparison: dict[str, Any],
        labels: Sequence[str],
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes, markup=False)
        self.comparison = comparison
        self.labels = list(labels)
        self._built_width = -1  # the width the rows were laid out for

    def build(self) -> list[Option]:
        labels = self.labels
        self._built_width = self.scrollable_content_region.width
        name_cells = name_width(self._built_width)
        columns = entity_columns(name_cells)
        entities = self.comparison.get("entities")
        shared, only = _rows(entities, "shared"), _rows(entities, "only")
        rows: list[Option] = []
        everyone = "In both sources" if len(labels) == 2 else "In every source"
        rows.append(Option(heading(everyone, labels, columns), disabled=True))
        rows += [
            MentionOption(entity_row(r, labels, name_cells), _entity_mention(r), "entity")
            for r in shared
        ]
        if not shared:
            rows.append(Option(NONE, disabled=True))
        groups: dict[tuple[int, ...], list[dict[str, Any]]] = {}
        for row in only:
            groups.setdefault(_present_in(row, len(labels)), []).append(row)
        for key in sorted(groups, key=lambda k: (len(k), k)):
            if not key:
                continue  # counted nowhere in the reading set: nothing to open
            names = " and ".join(labels[n] for n in key)
            title = f"Only in {names}" if len(key) == 1 else f"In {names} only"
            rows.append(Option(heading(title, labels, columns), disabled=True))
            rows += [
                MentionOption(entity_row(r, labels, name_cells), _entity_mention(r), "entity")
                for r in groups[key]
            ]
        numbers = [r for r in self.comparison.get("numbers") or [] if isinstance(r, dict)]
        rows.append(Option(heading("Figures"), disabled=True))
        rows += [
            MentionOption(number_row(r, labels), _number_mention(r), "number") for r in numbers
        ]
        if not numbers:
            rows.append(Option(NONE, disabled=True))
        return rows

    def on_mount(self) -> None:
        # After the first refresh, once the focus style is applied: a style change re-wraps
        # every row, and a long comparison would be wrapped twice.
        self.call_after_refresh(self._populate)

    def _populate(self) -> None:
        self.set_options(self.build())
        self.action_first()

    def on_resize(self) -> None:
        """Lay the columns out again for a new width (keeping the row highlighted)."""
        if self._built_width < 0 or self.scrollable_content_region.width == self._built_width:
            return
        keep = self.highlighted
        self.set_options(self.build())
        if keep is not None and keep < self.option_count:
            self.highlighted = keep

    def on_option_list_option_selected(self, message: OptionList.OptionSelected) -> None:
        message.stop()
        option = message.option
        if isinstance(option, MentionOption) and option.mention is not None:
            self.post_message(self.Chosen(self, option.mention))
