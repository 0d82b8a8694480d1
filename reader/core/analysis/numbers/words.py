"""Vocabulary for `numbers.py`: number words, scales, currencies, hedges and stop words.

Kept apart from the matcher so the rules read as code and the word lists as data.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    """A word list written as one string, one word per space."""
    return frozenset(text.split())


UNITS: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}

# Scale words after a figure ("2.5 billion", "€2.5m"). Abbreviations only count next to a
# currency: "5m" alone is five metres.
SCALES: dict[str, float] = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
}
SCALE_ABBREVIATIONS: dict[str, float] = {
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "bln": 1e9,
    "tn": 1e12,
    "trn": 1e12,
}

# Currency written before the figure. Plain "$" is taken as US dollars and "¥" as yen:
# both are the most common reading in English news.
CURRENCY_PREFIXES: dict[str, str] = {
    "us$": "USD",
    "$": "USD",
    "a$": "AUD",
    "au$": "AUD",
    "c$": "CAD",
    "ca$": "CAD",
    "hk$": "HKD",
    "s$": "SGD",
    "nz$": "NZD",
    "nt$": "TWD",
    "r$": "BRL",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₩": "KRW",
    "₹": "INR",
    "rs": "INR",
    "rs.": "INR",
    "usd": "USD",
    "eur": "EUR",
    "gbp": "GBP",
    "jpy": "JPY",
    "krw": "KRW",
    "cny": "CNY",
    "rmb": "CNY",
    "inr": "INR",
    "aud": "AUD",
    "cad": "CAD",
    "chf": "CHF",
    "hkd": "HKD",
    "sgd": "SGD",
    "dlr": "USD",
    "dlrs": "USD",
    "dlr.": "USD",
    "dlrs.": "USD",
}

# Currency named after the figure ("1.2 trillion won", "60,000 US dollars").
CURRENCY_WORDS: dict[str, str] = {
    "dollar": "USD",
    "dollars": "USD",
    "dlrs": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "yen": "JPY",
    "won": "KRW",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rupee": "INR",
    "rupees": "INR",
    "ringgit": "MYR",
    "baht": "THB",
    "ruble": "RUB",
    "rubles": "RUB",
    "rouble": "RUB",
    "roubles": "RUB",
    "peso": "MXN",
    "pesos": "MXN",
    "rand": "ZAR",
    "rupiah": "IDR",
    "dong": "VND",
    "shekel": "ILS",
    "shekels": "ILS",
    "lira": "TRY",
    "riyal": "SAR",
    "riyals": "SAR",
    "dirham": "AED",
    "dirhams": "AED",
    "sterling": "GBP",
    "cents": "USD",
    "pence": "GBP",
    "usd": "USD",
    "eur": "EUR",
    "gbp": "GBP",
    "jpy": "JPY",
    "krw": "KRW",
    "cny": "CNY",
}
# Hundredths of the currency named: "91 cents" is 0.91 USD.
SUBUNITS: frozenset[str] = frozenset({"cents", "pence"})

# A qualifier before a currency word changes the code ("Hong Kong dollars").
CURRENCY_QUALIFIERS: dict[tuple[str, str], str] = {
    ("us", "dollars"): "USD",
    ("u.s.", "dollars"): "USD",
    ("american", "dollars"): "USD",
    ("australian", "dollars"): "AUD",
    ("canadian", "dollars"): "CAD",
    ("singapore", "dollars"): "SGD",
    ("taiwan", "dollars"): "TWD",
    ("zealand", "dollars"): "NZD",
    ("kong", "dollars"): "HKD",
    ("hk", "dollars"): "HKD",
    ("british", "pounds"): "GBP",
    ("swiss", "francs"): "CHF",
    ("french", "francs"): "FRF",
    ("german", "marks"): "DEM",
    ("deutsche", "marks"): "DEM",
    ("philippine", "pesos"): "PHP",
    ("argentine", "pesos"): "ARS",
    ("chilean", "pesos"): "CLP",
    ("colombian", "pesos"): "COP",
    ("mexican", "pesos"): "MXN",
    ("south", "korean"): "KRW",
    ("korean", "won"): "KRW",
    ("japanese", "yen"): "JPY",
    ("chinese", "yuan"): "CNY",
    ("indian", "rupees"): "INR",
    ("pakistani", "rupees"): "PKR",
}

# Qualifiers kept in `Number.hedge`, longest first so "more than" wins over "more".
HEDGES: tuple[str, ...] = (
    "more than",
    "less than",
    "fewer than",
    "at least",
    "at most",
    "up to",
    "as many as",
    "as much as",
    "as few as",
    "as little as",
    "in excess of",
    "upwards of",
    "close to",
    "just over",
    "just under",
    "well over",
    "well under",
    "an estimated",
    "estimated",
    "approximately",
    "roughly",
    "around",
    "about",
    "nearly",
    "almost",
    "over",
    "under",
    "some",
)

# A figure followed by one of these measures time, which the date engine owns.
TIME_UNITS: frozenset[str] = (
    _words("""second seconds minute minutes hour hours day days night nights week weeks weekend
    weekends fortnight fortnights month months year years decade decades century centuries
    millennium millennia yr yrs hr hrs min mins sec secs am pm a.m. p.m. o'clock gmt utc""")
)

MONTHS: frozenset[str] = (
    _words("""january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec""")
)

# Words a counted noun phrase never contains: it stops before them.
STOP_WORDS: frozenset[str] = (
    _words("""a an the this that these those of in on at to for from with by into onto over under
    about after before during since until than as per via across against among between
    through toward towards upon within without and or but nor so yet if when while where
    who whom whose which what is are was were be been being am has have had having do does
    did will would shall should can could may might must not no it its they them their he
    him his she her we us our you your i me my mine also only just more most less least
    each every all both some any such other another than then there here very too up down
    out off again further once said says say more new last next first same own per cent
    percent""")
)

# Plurals that do not end in "s", so the counted noun can end on them.
IRREGULAR_PLURALS: frozenset[str] = (
    _words("""people children men women police staff personnel cattle feet teeth mice geese sheep
    fish deer aircraft troops crew livestock militia clergy""")
)
# Words ending in "s" that are not plural heads ("news agencies", "series").
NOT_PLURAL_S: frozenset[str] = (
    _words("""news series species arms gas bus is was has does this its his hers ours yours
    theirs plus minus across less unless thus""")
)

# Units of measure, counted even in the singular ("a 240,000 square metre park").
MEASURES: frozenset[str] = _words(
    """metre meter kilometre kilometer centimetre centimeter millimetre millimeter mile foot
    inch yard acre hectare tonne ton kilogram kilo gram pound ounce litre liter gallon
    barrel megawatt gigawatt kilowatt watt volt degree kph mph km kg cm mm mw gw kwh"""
)
