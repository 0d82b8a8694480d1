"""What the analysis finds in an article. Offsets always index `Article.body`."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

EntityKind = Literal["person", "place", "org"]
NumberKind = Literal["money", "percent", "quantity"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]


@dataclass(frozen=True, slots=True)
class Entity:
    """A named mention. `name` is the canonical name shared by all aliases of one referent."""

    text: str
    kind: EntityKind
    start: int
    end: int
    name: str


@dataclass(frozen=True, slots=True)
class Number:
    """A figure. `value` is the magnitude (3.5e11 for "$350 billion"); `unit` the currency
    code, "%" or what is counted ("South Korean workers"); `hedge` a qualifier kept from the
    text ("nearly", "up to", "over")."""

    text: str
    kind: NumberKind
    start: int
    end: int
    value: float
    unit: str
    hedge: str = ""


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A TIMEX3 expression. `value` is the TimeML value ("2025-10-29", "2025-Q3", "P3Y",
    "PAST_REF"); `end` is set for ranges. `inferred` says the anchor was inferred rather
    than the article's stated publication date."""

    text: str
    start: int
    end: int
    type: TimexType
    value: str
    range_end: str = ""
    mod: str = ""
    inferred: bool = False


@dataclass(slots=True)
class Analysis:
    entities: list[Entity] = field(default_factory=list)
    numbers: list[Number] = field(default_factory=list)
    dates: list[TimeExpr] = field(default_factory=list)
    anchor: str = ""  # ISO date the relative dates were resolved against
    anchor_inferred: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "entities": [asdict(e) for e in self.entities],
            "numbers": [asdict(n) for n in self.numbers],
            "dates": [asdict(d) for d in self.dates],
            "anchor": self.anchor,
            "anchor_inferred": self.anchor_inferred,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Analysis:
        return cls(
            entities=[Entity(**e) for e in data.get("entities", [])],
            numbers=[Number(**n) for n in data.get("numbers", [])],
            dates=[TimeExpr(**d) for d in data.get("dates", [])],
            anchor=data.get("anchor", ""),
            anchor_inferred=data.get("anchor_inferred", False),
        )
