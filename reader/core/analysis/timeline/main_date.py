"""Which of a sentence's dates the sentence is about, for "one sentence, one event".

A sentence that names several dates tells one event, dated by its main date; the others are
mentioned. The main date is the first one that is neither a reference point nor in a
subordinate clause; when every date is one of those, the first:

- A reference point is a date the event is measured from or against: "since September",
  "by December", "until 2027", "ahead of Friday's vote", "as of June" — the sentence
  says where something stands relative to it, not what happened then.
- A subordinate clause hangs on the main one: "…, where three bombers struck on Friday",
  "…, after talks collapsed on Monday", "…, which opened in 2019".

"Lee assumed office in June amid headwinds, and his August visit was all smiles" is about
June (the first of two main dates); "Policymakers have cut rates since September, and
markets expect one more cut by December" has only reference points, so it is dated by the
first, September, and mentions December.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.analysis.model import TimeExpr
from reader.core.analysis.timeline.dates import DateBounds

_REFERENCE_BEFORE_RE = re.compile(
    r"\b(?:since|by|until|till|up\s+to|ahead\s+of|as\s+of|before|after|prior\s+to)"
    r"\s+(?:the\s+(?:end|start|beginning|middle)\s+of\s+)?(?:the\s+|early\s+|late\s+|mid-?)?\Z",
    re.IGNORECASE,
)
_SUBORDINATE_START_RE = re.compile(
    r"[\"“‘']?(?:where|when|whereas|which|who|whom|whose|after|before|since|because|although"
    r"|though|while|as|if|unless|until|once|following)\b",
    re.IGNORECASE,
)
_LOOK_BACK = 40


@dataclass(frozen=True, slots=True)
class Dated:
    """One dated clause of a sentence: its date (or range), and the clause it is in."""

    timex: TimeExpr
    end_timex: TimeExpr  # the range's end, or `timex` itself
    end_value: str
    bounds: DateBounds
    clause: tuple[int, int]


def main_date(body: str, dated: Sequence[Dated]) -> Dated:
    """The date the sentence is about, among its dated clauses (in text order; not empty)."""
    return next((d for d in dated if not _secondary(body, d)), dated[0])


def _secondary(body: str, d: Dated) -> bool:
    start = d.timex.start
    before = body[max(d.clause[0], start - _LOOK_BACK) : start]
    if _REFERENCE_BEFORE_RE.search(before):
        return True
    return bool(_SUBORDINATE_START_RE.match(body, d.clause[0]))
