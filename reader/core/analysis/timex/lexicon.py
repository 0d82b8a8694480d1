"""Words and regular-expression pieces of the timex tagger.

Every family is one regular expression built from these pieces; `timex.py` joins the families
into one alternation (ordered: the first family that matches at a position wins) and dispatches
each hit to the family's resolver. No piece nests unbounded repetitions, so matching is linear.
"""

from __future__ import annotations

import re

from reader.core.analysis.numbers import words as number_words

MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
WEEKDAYS = {
    "monday": 0,
    "mon": 0,
    "tuesday": 1,
    "tue": 1,
    "tues": 1,
    "wednesday": 2,
    "wed": 2,
    "thursday": 3,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "friday": 4,
    "fri": 4,
    "saturday": 5,
    "sat": 5,
    "sunday": 6,
    "sun": 6,
}
NUMBERS: dict[str, float] = {
    "a": 1,
    "an": 1,
    "single": 1,
    **{word: value for word, value in number_words.UNITS.items() if value},
    **number_words.TENS,
    "hundred": 100,
    "a hundred": 100,
    "a couple of": 2,
    "a couple": 2,
    "couple of": 2,
    "a dozen": 12,
    "dozen": 12,
    "half a": 0.5,
    "a half": 0.5,
}
VAGUE_NUMBERS = frozenset(
    {"several", "a few", "few", "some", "many", "the", "a number of", "numerous", "various"}
)
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
    "last": 4,
    "final": 4,
}
DAY_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
}
UNITS = {
    "year": "year",
    "years": "year",
    "yr": "year",
    "yrs": "year",
    "month": "month",
    "months": "month",
    "week": "week",
    "weeks": "week",
    "day": "day",
    "days": "day",
    "hour": "hour",
    "hours": "hour",
    "minute": "minute",
    "minutes": "minute",
    "second": "second",
    "seconds": "second",
    "decade": "decade",
    "decades": "decade",
    "century": "century",
    "centuries": "century",
    "quarter": "quarter",
    "quarters": "quarter",
    "fortnight": "fortnight",
    "fortnights": "fortnight",
    "weekend": "weekend",
    "weekends": "weekend",
    "night": "night",
    "nights": "night",
}
DECADE_WORDS = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}

# --------------------------------------------------------------------- pieces
MONTH_NAME = (
    r"(?-i:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER"
    r"|NOVEMBER|DECEMBER)"
)
MONTH_ABBR = r"(?-i:(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
MONTH = rf"(?:{MONTH_NAME}|{MONTH_ABBR})"
WEEKDAY = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|(?-i:(?:Mon|Tues?|Wed|Thurs?|Thu|Fri|Sat|Sun)\.))"
)
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
DAY_WORD = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
YEAR = r"(?:1[6-9]\d\d|20\d\d)(?![\d,.]\d)(?!\s*(?:%|percent\b|per cent\b))"
SP = r"[ \t\u00a0]+"
OPTSP = r"[ \t\u00a0]*"
DASH = r"(?:-|\u2013|\u2014)"
APOS = r"['\u2019]"
NUM_WORD = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four"
    r"|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven"
    r"|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred|a hundred"
    r"|a dozen|dozen|a couple of|a couple|couple of|a|an|single|half a|a half)"
)
NUM = rf"(?:\d{{1,4}}(?:\.\d+)?(?:{SP}1/2|\u00bd)?|{NUM_WORD}(?:{SP}and{SP}a{SP}half)?)"
VAGUE = r"(?:several|a few|few|some|many|a number of|numerous|various)"
UNIT_SG = r"(?:year|yr|month|week|day|hour|minute|second|decade|century|quarter|fortnight)"
UNIT_PL = r"(?:years|yrs|months|weeks|days|hours|minutes|seconds|decades|centuries|quarters)"
UNIT = rf"(?:{UNIT_PL}|{UNIT_SG})"
PART_OF_DAY = r"(?:morning|afternoon|evening|night|overnight)"
SEASON = r"(?:spring|summer|fall|autumn|winter)"
ZONE = r"(?-i:(?:[ECMP][SD]T|GMT|UTC|BST|CET|CEST|JST|KST|IST))"
CLOCK = (
    rf"(?:(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?{OPTSP}(?:a\.m\.|p\.m\.|am\b|pm\b|a\.m\b|p\.m\b)"
    rf"|(?:[01]?\d|2[0-3]):[0-5]\d(?!\d)(?:{OPTSP}(?:h|hrs)\b)?|noon|midnight)"
)
RANGE_SEP = rf"(?:{OPTSP}{DASH}{OPTSP}|{SP}(?:to|through|until|till|thru){SP})"

MODIFIER = (
    r"(?:about|around|approximately|roughly|some|nearly|almost|more than|less than|over|under"
    r"|at least|at most|up to|no more than|no less than|fewer than|within|just over|just under"
    r"|barely|only|a full|a total of|an estimated)"
)
MOD_VALUES = {
    "about": "APPROX",
    "around": "APPROX",
    "approximately": "APPROX",
    "roughly": "APPROX",
    "some": "APPROX",
    "an estimated": "APPROX",
    "nearly": "EQUAL_OR_LESS",
    "almost": "EQUAL_OR_LESS",
    "up to": "EQUAL_OR_LESS",
    "within": "EQUAL_OR_LESS",
    "at most": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS",
    "barely": "EQUAL_OR_LESS",
    "more than": "MORE_THAN",
    "over": "MORE_THAN",
    "just over": "MORE_THAN",
    "less than": "LESS_THAN",
    "fewer than": "LESS_THAN",
    "under": "LESS_THAN",
    "just under": "LESS_THAN",
    "at least": "EQUAL_OR_MORE",
    "no less than": "EQUAL_OR_MORE",
}
POSITION_MOD = {
    "early": "START",
    "earlier": "START",
    "beginning": "START",
    "start": "START",
    "mid": "MID",
    "middle": "MID",
    "late": "END",
    "later": "END",
    "end": "END",
}
POSITION = (
    rf"(?:(?:early|late|mid){OPTSP}{DASH}?{OPTSP}|(?:earlier|later|early|late|mid){SP}(?:in{SP})?"
    rf"|(?:the{SP})?(?:beginning|start|end|middle){SP}of{SP})"
)


def word_rx(words: list[str] | set[str] | frozenset[str]) -> str:
    """An alternation of words, longest first (so that "a couple of" beats "a")."""
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


def parse_number(text: str) -> float | None:
    """A count from digits or words: "3" 3, "twenty four" 24, "5 1/2" 5.5; None if vague."""
    t = re.sub(r"\s+", " ", text.strip().lower().replace("-", " "))
    half = 0.0
    if t.endswith(" and a half"):
        t, half = t[: -len(" and a half")], 0.5
    if t.endswith(" 1/2") or t.endswith("\u00bd"):
        t, half = t.rstrip("\u00bd").removesuffix(" 1/2").strip(), 0.5
    if not t:
        return half or None
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        return float(t) + half
    if t in NUMBERS:
        return NUMBERS[t] + half
    parts = t.split(" ")
    if len(parts) == 2 and parts[0] in NUMBERS and parts[1] in NUMBERS:
        return NUMBERS[parts[0]] + NUMBERS[parts[1]] + half
    return None
