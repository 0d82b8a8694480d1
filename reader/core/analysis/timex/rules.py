"""The regular expression of each timex family, in priority order.

At any position of the text the first family (in `FAMILIES` order) that matches wins, and the
scan resumes after it; so a family whose matches start with a word another family could also
start with ("the", "last", a weekday) comes first when its matches are longer.
"""

from __future__ import annotations

import re
from functools import cache

from reader.core.analysis.timex.lexicon import (
    APOS,
    CLOCK,
    DAY,
    DAY_WORD,
    MODIFIER,
    MONTH,
    MONTH_NAME,
    NUM,
    OPTSP,
    PART_OF_DAY,
    POSITION,
    RANGE_SEP,
    SEASON,
    SP,
    UNIT,
    UNIT_PL,
    UNIT_SG,
    VAGUE,
    WEEKDAY,
    YEAR,
    ZONE,
)

_B = r"(?<![\w$\u00a3\u20ac#])"  # a word start not glued to a word, currency or number sign
_E = r"(?![\w])"
_YEAR_END = rf"(?:,?{SP}(?P<year>{YEAR}))"
_DAYPART = rf"(?:{SP}(?P<part>{PART_OF_DAY}))"
_HOLIDAY = (
    r"(?-i:Christmas(?: Day| Eve)?|New Year's(?: Day| Eve)|New Year\u2019s(?: Day| Eve)"
    r"|Thanksgiving(?: Day)?|Halloween|Valentine's Day|Valentine\u2019s Day|Labor Day"
    r"|Memorial Day|Independence Day|Easter(?: Sunday)?|Good Friday|Veterans Day|Election Day)"
)
_ORDQ = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|oh)"
_ONES = r"(?:one|two|three|four|five|six|seven|eight|nine)"

FAMILIES: list[tuple[str, str]] = [
    (
        "clock",
        rf"(?P<clock>{CLOCK})(?:{SP}(?P<zone>{ZONE}))?(?:{SP}\([^()\n]{{1,24}}\))?"
        rf"(?:,?{SP}(?:on{SP})?(?:(?P<wd>{WEEKDAY})"
        rf"|(?P<rel>today|tonight|yesterday|tomorrow)|(?P<month>{MONTH}){SP}(?P<day>{DAY})"
        rf"{_YEAR_END}?))?",
    ),
    (
        "range",
        rf"(?:(?P<wd>{WEEKDAY}),?{SP})?(?P<month>{MONTH}){SP}(?P<day>{DAY})(?:,?{SP}(?P<year1>{YEAR}))?"
        rf"{RANGE_SEP}(?:(?P<wd2>{WEEKDAY}),?{SP})?(?:(?P<month2>{MONTH}){SP})?(?P<day2>{DAY}){_YEAR_END}?"
        rf"|(?P<dday>{DAY}){RANGE_SEP}(?P<dday2>{DAY}){SP}(?:of{SP})?(?P<dmonth>{MONTH})"
        rf"(?:,?{SP}(?P<dyear>{YEAR}))?",
    ),
    (
        "date",
        rf"(?:(?P<wd>{WEEKDAY}),?{SP}(?:the{SP})?)?(?:(?P<month>{MONTH}){SP}(?P<day>{DAY}|{DAY_WORD}(?!{SP}(?:quarter|half)))"
        rf"{_YEAR_END}?|(?P<dday>{DAY}){SP}(?:of{SP})?(?P<dmonth>{MONTH})(?:,?{SP}(?P<dyear>{YEAR}))?)",
    ),
    (
        "numeric",
        r"(?P<iso>(?:1[6-9]|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))(?![\d-])"
        r"|(?<![\d/.])(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/(?P<y>(?:1[6-9]|20)\d\d|\d\d)(?![\d/])",
    ),
    (
        "holiday",
        rf"(?:(?P<det>last|next|this){SP})?(?P<name>{_HOLIDAY})(?:,?{SP}(?P<year>{YEAR}))?",
    ),
    (
        "month_year",
        rf"(?P<pos>{POSITION})?(?P<month>{MONTH})(?:,|{SP}of)?{SP}(?:(?P<year>{YEAR})"
        rf"|(?P<rel>this|last|next){SP}year)(?!{APOS}s)",
    ),
    (
        "quarter",
        rf"(?:the{SP})?(?:(?P<pre>{YEAR}|this{SP}year{APOS}s|last{SP}year{APOS}s|next{SP}year{APOS}s"
        rf"|its|their|a{SP}flat|the{SP}fiscal|fiscal|(?:comparable{SP})?year[- ](?:ago|earlier)){SP})?(?:(?:fiscal|calendar)[ -])?(?P<ord>{_ORDQ})"
        rf"[ -](?P<unit>quarter|half)(?:{SP}of{SP}(?:(?:fiscal|the{SP}year){SP})?(?P<year>{YEAR})|{SP}(?P<year2>{YEAR})"
        rf"|{SP}of{SP}(?P<rel>this|last|next|the){SP}(?:fiscal{SP})?year)?"
        rf"|(?-i:Q(?P<q>[1-4])(?:{SP}|-|/)?(?P<qyear>{YEAR})?|(?P<qyear2>{YEAR}){SP}Q(?P<q2>[1-4]))",
    ),
    (
        "quarter_ref",
        rf"(?:the{SP}|its{SP}|a{SP})?(?P<det>(?:(?:latest|current|comparable|corresponding|same|year-ago|year-earlier"
        rf"|year{SP}ago|year{SP}earlier|prior-year|previous|{YEAR}|latest{SP}fiscal|last{SP}year{APOS}s)[ -])+)"
        rf"(?P<unit>quarter|period)(?P<back>{SP}(?:last{SP}year|a{SP}year{SP}(?:ago|earlier)))?"
        rf"|(?P<bare>the{SP}quarter|this{SP}quarter|year-ago|year-earlier)"
        rf"(?P<back2>{SP}(?:last{SP}year|a{SP}year{SP}(?:ago|earlier)))?",
    ),
    (
        "decade",
        rf"(?:the{SP})?(?P<pos>{POSITION})?(?:(?P<dec>(?:1[0-9]|20)\d)0{APOS}?s|{APOS}(?P<short>\d)0{APOS}?s"
        rf"|(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)"
        rf"|(?P<cent>\d\d?)(?:st|nd|rd|th){SP}century|(?P<centw>nineteenth|twentieth|twenty-first|eighteenth)"
        rf"{SP}century)",
    ),
    (
        "year",
        rf"(?P<pos>{POSITION})?(?:(?P<pre>fiscal|calendar|FY|the{SP}year){OPTSP})?(?P<year>{YEAR})"
        rf"|(?P<pos2>{POSITION})?(?:(?P<pre2>the{SP}year){SP})?(?P<spoken>nineteen[ -]{_TENS}(?:[ -]{_ONES})?"
        rf"|two{SP}thousand(?:{SP}and)?(?:[ -](?:{_ONES}|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty))?)",
    ),
    (
        "relday",
        rf"(?P<pos>{POSITION})?(?P<rel>today|tonight|yesterday|tomorrow)(?:{APOS}s)?{_DAYPART}?"
        rf"|(?P<det>this|last|tomorrow|yesterday){SP}(?P<part2>{PART_OF_DAY})",
    ),
    (
        "weekday",
        rf"(?:(?P<det>last|next|this{SP}coming|this{SP}past|this|coming|past|the{SP}previous|the{SP}following"
        rf"|previous|following){SP})?(?P<pos>{POSITION})?(?P<wd>{WEEKDAY})(?:{APOS}s|(?P<plural>s))?"
        rf"(?:{_DAYPART}(?P<plural2>s)?)?",
    ),
    (
        "duration",
        rf"(?!an?{SP}(?:second|quarter|half)\b)(?:(?P<mod>{MODIFIER}){SP}(?!the\b))?(?:(?:the|its|their|his|her)"
        rf"{SP})?(?:(?P<adj>past|last|next|first|coming|previous|final|remaining|latest|following|prior|initial"
        rf"|additional|further|entire|whole|same|other|ensuing){SP})?(?:(?P<num>{NUM})|(?P<vague>{VAGUE}))"
        rf"(?:{SP}|-)(?:(?:straight|consecutive|more|full|long|trading|calendar|business|working|"
        rf"additional|extra)[ -])?(?P<unit>{UNIT})(?!-(?:earlier|ago)\b)(?P<half>{SP}and{SP}a{SP}half)?"
        rf"(?![ -]old\b)(?:{SP}(?P<approx>or{SP}so|or{SP}more|or{SP}two|or{SP}longer))?"
        rf"(?:{SP}(?P<tail>ago|earlier|later|before|after|from{SP}now|hence))?"
        rf"|(?:(?P<mod2>{MODIFIER}){SP})?(?:the|an?){SP}(?P<adj2>past|last|next|coming|additional"
        rf"|entire|whole){SP}(?P<unit2>{UNIT_SG})(?!-\w)",
    ),
    (
        "rel_unit",
        rf"(?P<pos>{POSITION})?(?P<det>this{SP}past|this{SP}coming|so{SP}far{SP}this|last|next|this|that|the{SP}past"
        rf"|past|the{SP}coming|coming|the{SP}previous|previous|the{SP}following|following|the{SP}current"
        rf"|current|the{SP}same|the{SP}full|the{SP}latest|the){SP}(?:(?:fiscal|calendar)[ -])?"
        rf"(?P<unit>week|month|year|weekend|decade|century|{SEASON}|(?<=this )years(?!{SP}ago))"
        rf"(?!{APOS}s{SP}(?:{_ORDQ}|quarter))"
        rf"(?:{APOS}s)?(?:{SP}(?P<tail>ahead|to{SP}come|before|after))?(?!-\w|{SP}of\b)",
    ),
    (
        "year_end",
        rf"(?:the{SP})?(?:year[ -]end|year{APOS}s{SP}end|end{SP}of{SP}the{SP}year)",
    ),
    (
        "anaphor",
        rf"(?:(?P<pos>earlier|later|early|late){SP})?(?P<det>that|the{SP}same|the{SP}previous|the{SP}next"
        rf"|the{SP}following|the{SP}preceding){SP}(?P<unit>day|morning|afternoon|evening|night|week|month|year)"
        rf"|the{SP}(?P<unit2>day|year|week|month){SP}(?P<ba>before|after)(?=\s*(?:[.,;:!?)\"\u201d]|$))",
    ),
    (
        "vague",
        rf"(?:(?:the|these|those){SP})?(?:(?P<adj>past|last|next|coming|recent|previous|following|early|first"
        rf"|ensuing|later|latter|intervening|subsequent){SP})?(?P<unit>{UNIT_PL})(?!{SP}(?:of{SP})?(?:old|each))"
        rf"(?:{SP}(?P<tail>ahead|to{SP}come|ago|earlier|later))?",
    ),
    (
        "set",
        rf"(?P<adv>daily|weekly|monthly|annually|yearly|hourly|nightly|biweekly|semiannually)"
        rf"|(?P<every>every|each){SP}(?:(?P<num>{NUM}|other){SP})?(?P<unit>{UNIT}|{WEEKDAY}|{PART_OF_DAY}"
        rf"|{MONTH_NAME}|{SEASON})"
        rf"|(?P<freq>once|twice|thrice|{NUM}{SP}times){SP}(?:a|an|per|each|every){SP}(?P<unit2>{UNIT_SG})",
    ),
    (
        "season",
        rf"(?P<pos>{POSITION})?(?:the{SP})?(?P<season>{SEASON})(?:{SP}of)?{SP}(?P<year>{YEAR})"
        rf"|(?<=\bin )(?P<pos2>{POSITION})?(?:the{SP})?(?P<season2>spring|summer|autumn|winter)(?!{SP}of)",
    ),
    (
        "ref",
        rf"(?P<present>right{SP}now|now|currently|current|at{SP}present|presently|these{SP}days|nowadays"
        rf"|at{SP}the{SP}moment|at{SP}this{SP}time|the{SP}time{SP}being)"
        rf"|(?P<past>recently|recent|lately|more{SP}recently|formerly)"
        rf"|(?P<future>the{SP}(?:near{SP}|distant{SP}|foreseeable{SP}|immediate{SP})?future|the{SP}near{SP}term"
        rf"|the{SP}short{SP}term|a{SP}later{SP}date)",
    ),
    (
        "month",
        rf"(?:(?P<det>last|next|this{SP}past|this{SP}coming|this|early|late|mid){SP}(?-i:(?=[A-Z])))?"
        rf"(?P<pos>{POSITION})?(?P<month>{MONTH_NAME})(?!{SP}\d|{APOS}s{SP}(?:Day|day))",
    ),
]


def _strip_names(pattern: str) -> str:
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


_FAMILY_SOURCE = dict(FAMILIES)


@cache
def family_rx(name: str) -> re.Pattern[str]:
    """One family's expression with its named groups (compiled on first use, to keep the
    start-up of a command-line run short)."""
    return re.compile(_B + rf"(?:{_FAMILY_SOURCE[name]})" + _E, re.I)


MASTER = re.compile(
    "|".join(f"(?P<{name}>{_B}(?:{_strip_names(pat)}){_E})" for name, pat in FAMILIES),
    re.I,
)


# The words a timex can start with (lower case; any number also starts one). The scanner tries
# MASTER only where such a word starts, which keeps the whole scan fast (a test checks that
# this set covers every family).
_TRIGGER_TEXT = """
the a an this last next that past coming previous following current same full latest early
late mid earlier later beginning start end middle today tonight yesterday tomorrow fiscal
calendar fy its their his her about around approximately roughly some nearly almost more
less over under at up no fewer within just barely only several few many numerous various daily
weekly monthly annually yearly hourly nightly biweekly semiannually every each once twice
thrice right now currently presently these those nowadays recently recent lately formerly
spring summer fall autumn winter christmas new thanksgiving halloween valentine labor memorial
independence easter good veterans so year noon midnight q nineteen two first second third
fourth final ensuing intervening subsequent latter twenties thirties forties fifties sixties
seventies eighties nineties years yrs months weeks days hours minutes seconds decades
centuries quarters one three four five six seven eight nine ten eleven twelve thirteen
fourteen fifteen sixteen seventeen eighteen twenty thirty forty fifty sixty seventy eighty
ninety hundred dozen couple half single so nineteenth twentieth eighteenth twenty-first
january february march april may june july august september october november december jan
feb mar apr jun jul aug sept sep oct nov dec monday tuesday wednesday thursday friday saturday
sunday mon tue tues wed thu thur thurs fri sat sun prior year-ago year-earlier comparable
corresponding st nd rd th more recently election mondays tuesdays wednesdays thursdays fridays
saturdays sundays remaining initial additional further entire whole other
straight consecutive full trading calendar business working extra total estimated
"""
TRIGGERS = frozenset(_TRIGGER_TEXT.split())

# Words that carry the time meaning of a match (any number too): a trigger that is not one of
# them (a function word such as "the", "a", "at") is only tried when one of these follows
# within the next few words.
_CONTENT_TEXT = """
year years yr yrs month months week weeks day days hour hours minute minutes second seconds
decade decades century centuries quarter quarters weekend weekends night nights fortnight
fortnights period future term moment present time being date end half noon midnight ago
today tonight yesterday tomorrow now currently current recently recent lately formerly
presently nowadays daily weekly monthly annually yearly hourly nightly biweekly semiannually
spring summer fall autumn winter morning afternoon evening overnight twenties thirties forties
fifties sixties seventies eighties nineties christmas thanksgiving halloween valentine easter
january february march april may june july august september october november december jan feb
mar apr jun jul aug sept sep oct nov dec monday tuesday wednesday thursday friday saturday
sunday mon tue tues wed thu thur thurs fri sat sun mondays tuesdays wednesdays thursdays fridays
saturdays sundays twenty thirty forty fifty sixty seventy
eighty ninety thousand m pm am h hrs gmt utc est edt pst pdt
"""
CONTENT = frozenset(_CONTENT_TEXT.split())
