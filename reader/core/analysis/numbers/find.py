"""Money, percentages and counts.

`find_numbers(body)` finds figures with linear regexes and a few checks around each match.

Conventions (what the UI and `compare` rely on):

- The span (`start`, `end`, `text`) covers the figure only: the currency sign or word, the
  digits or number words, the scale ("billion", "m") and the percent sign or word. A hedge
  in front ("nearly", "up to", "more than") is *not* in the span; it is kept in `hedge`.
  For a count the span is the number alone ("300") and `unit` holds the counted noun
  phrase as written ("South Korean workers").
- `value` is the magnitude: 3.5e11 for "$350 billion", 25.0 for "25%", 12.0 for "a dozen".
- `unit` is an ISO currency code for money ("USD"; a bare "$" is USD and "¥" is JPY), "%"
  for percentages, "percentage points" for those, and the counted noun phrase for counts.
- Skipped, because they are not figures or belong to the date engine: years (a bare
  4-digit 1000–2199), day numbers next to a month, clock times, durations ("three years",
  "10-day"), ordinals ("21st", "second"), identifiers glued to letters ("F-16", "G20",
  "5G"), scores and ranges ("3-2"), hyphenated modifiers ("21-member"), "multimillion-
  dollar", a bare "one", a small number word after "the" ("the two sides": a reference),
  and small bare numbers with no counted noun.
"""

from __future__ import annotations

import math
import re

from reader.core.analysis.model import Number, NumberKind
from reader.core.analysis.numbers.words import (
    CURRENCY_PREFIXES,
    CURRENCY_QUALIFIERS,
    CURRENCY_WORDS,
    HEDGES,
    IRREGULAR_PLURALS,
    MEASURES,
    MONTHS,
    NOT_PLURAL_S,
    SCALE_ABBREVIATIONS,
    SCALES,
    STOP_WORDS,
    SUBUNITS,
    TENS,
    TIME_UNITS,
    UNITS,
)

_UNIT_WORDS = "|".join(sorted(UNITS, key=len, reverse=True))
_TEN_WORDS = "|".join(TENS)
_NUMWORD = rf"(?:(?:{_TEN_WORDS})(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine)\b)?|(?:{_UNIT_WORDS}))"
_SCALE_WORDS = "dozen|hundred|thousand|million|billion|trillion"

_FIGURE_RE = re.compile(
    rf"""
    (?=[\d$€£¥₩₹]|\b[aefhnostuzAEFHNOSTUZ])  # a cheap guard: most positions fail here
    (?P<cur>[$€£¥₩₹]\s?)?
    (?:
        (?P<digits>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)
      | (?P<words>\b{_NUMWORD}\b(?:\s+hundred(?:\s+(?:and\s+)?{_NUMWORD}\b)?)?
          |\b(?:a|half\s+a)(?=\s+(?:{_SCALE_WORDS})\b))
    )
    (?P<scale>
        (?:\s|\s?-\s?)(?:{_SCALE_WORDS})\b(?:\s+(?:thousand|million|billion)\b)?
      | (?<=\d)\s?(?:mn|mln|bn|bln|tn|trn|m|b|k)\b
    )?
    """,
    re.IGNORECASE | re.VERBOSE,
)

# Letters before a sign ("US$", "NZ $") or a code before digits ("USD 5"): looked up
# behind a match rather than inside the main pattern, which keeps that pattern fast.
_SIGN_PREFIX_RE = re.compile(r"(?<![\w$])(?:(?:US|AU|CA|HK|NZ|NT)\s?|[ACRS])\Z", re.IGNORECASE)
_CODE_PREFIX_RE = re.compile(
    r"(?<![\w.])(?:USD|EUR|GBP|JPY|KRW|CNY|RMB|INR|AUD|CAD|CHF|HKD|SGD|Rs\.?|dlrs?\.?)\s?\Z",
    re.IGNORECASE,
)
_PERCENT_RE = re.compile(
    r"\s?%|\s?-?(?:percent|per\s+cent|pct)\b|\s+(?P<pp>percentage\s+points?)\b",
    re.IGNORECASE,
)
_QUALIFIER_WORDS = "|".join(
    sorted(
        {q.replace(".", r"\.") for q, _ in CURRENCY_QUALIFIERS} | {"hong kong", "new zealand"},
        key=len,
        reverse=True,
    )
).replace(" ", r"\s+")
_CURRENCY_WORD_RE = re.compile(
    rf"\s+(?:(?P<qual>(?:new\s+|south\s+)?(?:{_QUALIFIER_WORDS}))\s+)?"
    rf"(?P<cw>pounds?\s+sterling|francs|marks|pesos|(?:{'|'.join(CURRENCY_WORDS)}))\b",
    re.IGNORECASE,
)
_HEDGE_WORDS = "|".join(h.replace(" ", r"\s+") for h in HEDGES)
_HEDGE_RE = re.compile(rf"\b(?P<hedge>{_HEDGE_WORDS})\s+\Z", re.IGNORECASE)
_PREV_WORD_RE = re.compile(r"([A-Za-z]+)\.?\s+\Z")
_WORD_RE = re.compile(r"\s+([A-Za-z][\w'’.&-]*)")

_THE_BEFORE_RE = re.compile(r"\b(?:the|these|those|its|their|our|his|her)\s+\Z", re.IGNORECASE)
_DIGITS_RE = re.compile(r"\d[\d,.]*")
_HEDGE_SET = frozenset(HEDGES)
_NOT_COUNTED = frozenset({"times", "fold", "percent", "pct", "per"})
_MAX_NOUN_WORDS = 5


def find_numbers(body: str) -> list[Number]:
    """Every money amount, percentage and count in `body`, in text order."""
    out: list[Number] = []
    for m in _FIGURE_RE.finditer(body):
        number = _read(body, m)
        if number is not None:
            out.append(number)
    return out


def _read(body: str, m: re.Match[str]) -> Number | None:
    start, end = m.start(), m.end()
    cur, digits, words, scale = (
        m.group("cur"),
        m.group("digits"),
        m.group("words"),
        m.group("scale"),
    )
    if cur and cur[0] == "$":
        prefix = _SIGN_PREFIX_RE.search(body, max(0, start - 3), start)
    elif not cur and digits:
        prefix = _CODE_PREFIX_RE.search(body, max(0, start - 5), start)
    else:
        prefix = None
    if prefix:
        cur = body[prefix.start() : start] + (cur or "")
        start = prefix.start()
    if start and not cur and (body[start - 1].isalnum() or body[start - 1] in "-_./:"):
        return None  # "F-16", "A320", "v1.2", "10:30"
    value = _value(digits, words)
    if value is None:
        return None
    abbreviated = bool(scale) and scale.strip().lower() in SCALE_ABBREVIATIONS
    if scale:
        value *= _scale(scale)
    if not math.isfinite(value):
        return None  # a 300-digit run is not a figure (and would not survive JSON)
    nxt, after = body[end : end + 1], body[end + 1 : end + 2]
    if nxt.isalnum() or nxt == "_":
        return None  # "5G", "1990s", "21st", "10am"
    if nxt and nxt in ":-/." and after.isdigit():
        return None  # times, scores, ranges, dates like 10/27
    modifier = nxt == "-" and after.isalpha()  # "21-member", "10-year", "$5-billion-a-year"
    hedge_m = _HEDGE_RE.search(body, max(0, start - 20), start)
    hedge = hedge_m.group("hedge").lower() if hedge_m else ""
    hedge = " ".join(hedge.split())

    # Percentages.
    pm = _PERCENT_RE.match(body, end)
    if pm and not cur:
        unit = "percentage points" if pm.group("pp") else "%"
        return _number(body, start, pm.end(), "percent", value, unit, hedge)

    # Money.
    code = CURRENCY_PREFIXES.get("".join(cur.split()).lower(), "") if cur else ""
    cm = _CURRENCY_WORD_RE.match(body, end)
    if cm:
        word_code = _currency_word(cm.group("qual"), cm.group("cw"))
        if word_code and (not code or code == word_code or cur.strip() == "$"):
            if cm.group("cw").lower() in SUBUNITS:
                value /= 100
            return _number(body, start, cm.end(), "money", value, word_code, hedge)
    if code:
        return _number(body, start, end, "money", value, code, hedge)
    if abbreviated:
        return None  # "5m" without a currency is five metres

    # Counts and quantities: no modifiers, dates, years, times or durations.
    if modifier:
        return None
    if digits and not scale and _is_year(digits):
        return None
    if value <= 31 and _next_to_month(body, start, end):
        return None
    noun = _counted_noun(body, end, value)
    if noun is None:
        return None  # a duration, a clock time or a multiplier
    if not noun:
        if words and not scale:
            return None
        if digits and not scale and not ("," in digits or "." in digits):
            return None  # "Article 5", "rising 401 to 187": nothing counted
    if words and words.lower() == "one" and not scale:
        return None  # "one of", "no one", "one another"
    if words and not scale and value < 10 and _THE_BEFORE_RE.search(body, max(0, start - 8), start):
        return None  # "the two sides", "these three": a reference, not a figure
    if _prefixed_identifier(body, start, bool(digits)):
        return None
    return _number(body, start, end, "quantity", value, noun, hedge)


def _number(
    body: str, start: int, end: int, kind: NumberKind, value: float, unit: str, hedge: str
) -> Number:
    return Number(body[start:end], kind, start, end, value, unit, hedge)


def _value(digits: str | None, words: str | None) -> float | None:
    if digits:
        try:
            return float(digits.replace(",", ""))
        except ValueError:
            return None
    if not words:
        return None
    return _word_value(words)


def _word_value(words: str) -> float | None:
    tokens = words.lower().replace("-", " ").split()
    if tokens == ["a"]:
        return 1.0
    if tokens == ["half", "a"]:
        return 0.5
    total = 0.0
    current = 0.0
    for token in tokens:
        if token == "and":
            continue
        if token in UNITS:
            current += UNITS[token]
        elif token in TENS:
            current += TENS[token]
        elif token == "hundred":
            current = (current or 1) * 100
        else:
            return None
    return total + current


def _scale(scale: str) -> float:
    factor = 1.0
    for token in re.split(r"[\s-]+", scale.strip().lower()):
        if not token:
            continue
        if token == "dozen" or token == "dozens":
            factor *= 12
        elif token.rstrip("s") in SCALES:
            factor *= SCALES[token.rstrip("s")]
        elif token in SCALE_ABBREVIATIONS:
            factor *= SCALE_ABBREVIATIONS[token]
    return factor


def _currency_word(qualifier: str | None, word: str) -> str:
    word = " ".join(word.lower().split())
    if word.startswith("pound"):
        return "GBP"
    if qualifier:
        last = qualifier.lower().split()[-1]
        lookup = "dollars" if word == "cents" else word  # "37 Canadian cents"
        code = CURRENCY_QUALIFIERS.get((last, lookup)) or CURRENCY_QUALIFIERS.get(
            (last, lookup + "s")
        )
        if code:
            return code
    if word in {"francs", "marks", "pesos"} and not qualifier:
        return "" if word != "pesos" else "MXN"
    return CURRENCY_WORDS.get(word, "")


def _is_year(digits: str) -> bool:
    return len(digits) == 4 and digits.isdigit() and 1000 <= int(digits) <= 2199


def _next_to_month(body: str, start: int, end: int) -> bool:
    before = _PREV_WORD_RE.search(body, max(0, start - 12), start)
    if before and before.group(1).lower() in MONTHS:
        return True
    after = _WORD_RE.match(body, end)
    return bool(after and after.group(1).lower().rstrip(".,") in MONTHS)


def _prefixed_identifier(body: str, start: int, digits: bool) -> bool:
    """A label, not a count: "No. 5", "number 10", "#3", "Article 5", "Flight 370"."""
    before = body[max(0, start - 8) : start].lower().rstrip()
    if before.endswith(("no.", "number", "#", "nos.")):
        return True
    name = _PREV_WORD_RE.search(body, max(0, start - 20), start) if digits else None
    if not name or body[name.end(1) : start] != " ":
        return False
    word = name.group(1)
    if not word[0].isupper() or word.lower() in STOP_WORDS or word.lower() in _HEDGE_SET:
        return False
    lead = body[max(0, name.start(1) - 3) : name.start(1)].rstrip(" \"'“‘")
    if lead and lead[-1] not in ".!?\n:;":
        return True
    # At a sentence start the capital says nothing: "Article 5" is a label, "Although
    # 33,000 machines" a count. Labels are small plain integers.
    figure = _DIGITS_RE.match(body, start)
    digits_text = figure.group() if figure else ""
    return digits_text.isdigit() and len(digits_text) <= 3


def _counted_noun(body: str, end: int, value: float) -> str | None:
    """The noun phrase a count counts ("South Korean workers"); "" if none can be told;
    None if the figure measures time or is a multiplier."""
    words: list[tuple[int, int, str]] = []
    pos = end
    while len(words) < _MAX_NOUN_WORDS:
        wm = _WORD_RE.match(body, pos)
        if not wm:
            break
        word = wm.group(1)
        if "." in word[:-1] and not word.endswith("."):
            break  # "example.com"
        trailing_dot = word.endswith(".") and word.count(".") == 1
        if trailing_dot:
            word = word[:-1]
        lower = word.lower()
        if not words and (lower in TIME_UNITS or lower in _NOT_COUNTED):
            return None
        if not words and lower.split("-")[0] in TIME_UNITS:
            return None
        if lower in STOP_WORDS:
            break
        words.append((wm.start(1), wm.start(1) + len(word), lower))
        pos = wm.start(1) + len(word)
        if trailing_dot:
            break
    if not words:
        return ""
    if value == 1:
        return body[words[0][0] : words[0][1]]
    for _, w_end, lower in words[:2]:
        if lower in MEASURES:
            return body[words[0][0] : w_end]  # "240,000 square metre park": a measure
    for w_start_end in words:
        if _looks_plural(w_start_end[2]):
            return body[words[0][0] : w_start_end[1]]
    return ""


def _looks_plural(lower: str) -> bool:
    if lower in IRREGULAR_PLURALS or (lower.endswith("men") and len(lower) > 4):
        return True  # "people", "fishermen"
    if lower in NOT_PLURAL_S or len(lower) < 3:
        return False
    return lower.endswith("s") and not lower.endswith(("ss", "us", "is", "'s", "’s"))
