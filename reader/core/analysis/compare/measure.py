"""What a figure measures and for when: the key of the figure ledger.

`measures(body, numbers, dates)` gives, for each figure, a `Measure`: the quantity it
measures (a noun phrase in the source's words: "deposit rate", "inflation", "tariff on
Korean goods") and the period it is for (a resolved month, quarter or year: "2025-05").

The quantity is read from the figure's own sentence, never across a line break (a
headline's last word is not what the first line of the text measures) nor across a
dateline's dash:

- a counted noun ("300 workers") is its unit;
- else the noun phrase right after the figure ("a 25% tariff on Korean goods", "$350
  billion in investment");
- else the nearest noun phrase before it, stepping back over verbs, prepositions and
  hedges ("inflation slowed to 1.9%", "put inflation at 2.0%", "growth of 0.9%"), over
  "by a quarter point", and over a trailing "in/of the X" ("inflation in the euro zone
  eased to 1.8%" measures inflation);
- a figure listed after another ("2.0% in 2025 and 1.6% in 2026") measures what that
  one does.

The period is the month-or-coarser date right after the figure ("1.9% in May", "2.0% this
year", "1.6% in 2026") or, failing that, one in front of it with no other figure between
("In May, inflation was 1.9%"). Days are not periods: "2% on Thursday" is when a rate was
set, not what it is for.

`same_quantity(a, b)` says whether two quantities name one thing: the same head noun
(last word before a preposition, plural folded) and, when both qualify it ("tariff on
cars" / "tariff on steel"), a shared qualifying word.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from reader.core.analysis.model import Number, TimeExpr
from reader.core.analysis.text.clauses import content_words
from reader.core.analysis.text.sentences import Sentence, sentence_at
from reader.core.analysis.timeline.dates import date_bounds


@dataclass(frozen=True, slots=True)
class Measure:
    quantity: str  # "" when the sentence names none
    period: str  # a TIMEX3 value ("2025-05", "2026", "2025-Q3") or ""
    weak: bool = False  # read from a headline-like line: a poorer label than the text's
    after: bool = False  # the noun right after the figure (or its counted noun): the surest


_PERIOD_GRANULARITY = frozenset({"month", "quarter", "half", "season", "year"})
_PERIOD_GAP_RE = re.compile(r"[ \t]*(?:(?:in|for|during|over|of|this|last|next)[ \t]+)?\Z", re.I)
_BEFORE_GAP_MAX = 80
_AFTER_GAP_MAX = 14
_WORD_RE = re.compile(r"[A-Za-z][\w'’&.-]*|[0-9][\w.,%]*|[—–]|[,;:()\"“”]")
_QUARTER_POINT_RE = re.compile(
    r"\bby\s+(?:a|an|one|half\s+a|\d+(?:\.\d+)?)?\s*(?:quarter|half|full)?[\s-]*"
    r"(?:percentage\s+|basis\s+)?points?\b",
    re.I,
)
_MONEY_LEAD_RE = re.compile(
    r"[ \t]+(?:in|of|worth\s+of)[ \t]+(?:(?:new|fresh|the|their|its)[ \t]+)?"
)
_SHARE_LEAD_RE = re.compile(r"[ \t]+of[ \t]+(?:(?:the|their|its|his|her|our)[ \t]+)?")
_PREPS = frozenset({"on", "of", "for", "in", "into", "to", "from", "at", "by", "with"})
_AFTER_STOP = frozenset(
    {
        "and", "or", "but", "is", "are", "was", "were", "be", "been", "has", "have", "had",
        "will", "would", "that", "which", "who", "than", "as", "said", "says", "while", "if",
        "after", "before", "over", "under", "per", "a", "an", "the", "this", "last", "next",
        "its", "their", "his", "her", "our", "since", "until", "when", "from", "to", "at",
        "by", "with", "in", "of", "on", "for", "into", "against", "more", "less", "down", "up",
    }
)  # fmt: skip
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "this", "that"})
_VERBS = frozenset(
    {
        "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will",
        "would", "could", "should", "may", "might", "can", "rose", "rise", "rises", "fell",
        "fall", "falls", "grew", "grow", "grows", "hit", "hits", "reach", "reaches", "stood",
        "stands", "stand", "cost", "costs", "pay", "pays", "paid", "topped", "tops", "got",
        "get", "gets", "put", "puts", "see", "sees", "saw", "seen", "set", "sets", "cut",
        "cuts", "forecast", "forecasts", "expect", "expects", "keep", "keeps", "kept", "hold",
        "holds", "held", "leave", "leaves", "left", "make", "makes", "made", "take", "takes",
        "took", "said", "says", "say", "want", "wants", "seek", "seeks", "sought", "lift",
        "lifts", "slow", "slows", "ease", "eases", "jump", "jumps", "climb", "climbs", "stay",
        "stays", "remain", "remains", "came", "come", "comes", "to", "at", "of", "by", "from",
        "down", "up", "just", "only", "about", "nearly", "almost", "around", "some", "roughly",
        "over", "under", "than", "more", "less", "also", "now", "still", "already", "even",
        "a", "an", "the", "and", "or", "who", "which", "that", "as", "with",
        "in", "on", "for", "into", "per", "cent", "percent", "estimated", "think", "thinks",
        "believe", "believes", "reckon", "reckons", "predict", "predicts", "guess",
    }
)  # fmt: skip
_NP_STOP = frozenset(
    {
        "and", "or", "but", "the", "a", "an", "its", "their", "his", "her", "our", "this",
        "that", "these", "those", "who", "which", "as", "while", "if", "when", "than", "said",
        "new", "s", "i", "we", "you", "he", "she", "it", "they", "them", "us", "him", "me",
        "off", "out", "there", "here", "what", "how", "why", "where", "first", "second",
        "third", "double", "half", "twice", "thousand", "million", "billion", "trillion",
        "bn", "m", "euros", "dollar", "dollars", "pound", "pounds", "yen", "won",
        "yuan", "cents", "percent", "per",
    }
)  # fmt: skip
# irregular past participles ("loans forgiven", "debt written off") and "-ly" words that
# are nouns ("supply"), beside the -ed/-ing rule
_PARTICIPLES = frozenset(
    {
        "forgiven", "written", "taken", "given", "driven", "chosen", "beaten", "broken",
        "spoken", "stolen", "eaten", "fallen", "risen", "grown", "shown", "known", "thrown",
        "drawn", "done", "gone", "begun", "sold", "bought", "lost", "won", "spent", "sent",
        "built", "found", "brought", "caught", "taught", "told",
    }
)  # fmt: skip
_LY_NOUNS = frozenset({"supply", "family", "assembly", "monopoly", "anomaly", "butterfly"})
_NP_MAX = 3
_MONTHS = frozenset(m.lower() for m in calendar.month_name if m)


def measures(
    body: str, numbers: list[Number], sentences: list[Sentence], dates: list[TimeExpr]
) -> list[Measure]:
    """One `Measure` per number, in the order given (see the module docstring)."""
    periods = sorted(
        (t for t in dates if _is_period(t)),
        key=lambda t: t.start,
    )
    out: list[Measure] = []
    by_start: dict[int, Measure] = {}
    spans = sorted((n.start, n.end) for n in numbers)
    for number in numbers:
        sentence = sentence_at(sentences, number.start)
        lo, hi = (sentence.start, sentence.end) if sentence else (0, len(body))
        line_lo = body.rfind("\n", lo, number.start) + 1
        line_hi = body.find("\n", number.end, hi)
        lo, hi = max(lo, line_lo), hi if line_hi < 0 else line_hi
        quantity, after = _quantity(body, number, lo, hi, spans, by_start)
        if quantity and body[lo : number.start].lstrip().startswith(quantity):
            quantity = _uncapitalised(quantity)  # "Growth is forecast …": not a name
        period = _period(body, number, lo, hi, periods, spans)
        weak = sentence is not None and _headline_like(body, sentence)
        measure = Measure(quantity, period, weak, after)
        by_start[number.start] = measure
        out.append(measure)
    return out


def same_quantity(a: str, b: str) -> bool:
    if not a or not b:
        return False
    head_a, qual_a = _split(a)
    head_b, qual_b = _split(b)
    if not head_a or head_a != head_b:
        return False
    return not (qual_a and qual_b) or bool(qual_a & qual_b)


def period_text(value: str) -> str:
    """A period for display: "2025-05" → "May 2025", "2025-Q3" → "Q3 2025", "2026"."""
    if m := re.fullmatch(r"(\d{4})-(\d\d)", value):
        return f"{calendar.month_name[int(m[2])]} {m[1]}"
    if m := re.fullmatch(r"(\d{4})-([A-Z]\w*)", value):
        return f"{m[2]} {m[1]}"
    return value


def _split(quantity: str) -> tuple[str, set[str]]:
    """The head noun (stemmed) and the words of its qualifier ("tariff", {"korean", "good"})."""
    words = quantity.split()
    cut = next((k for k, w in enumerate(words) if w.lower() in _PREPS and k > 0), len(words))
    head = content_words(words[cut - 1]) if cut else set()
    return (min(head) if head else ""), content_words(" ".join(words[cut + 1 :]))


def _uncapitalised(text: str) -> str:
    first = text.split()[0]
    if first[:1].isupper() and first[1:].islower():
        return text[0].lower() + text[1:]
    return text


def _is_period(t: TimeExpr) -> bool:
    if t.type != "DATE":
        return False
    bounds = date_bounds(t.value)
    return bounds is not None and bounds.granularity in _PERIOD_GRANULARITY


def _period(
    body: str,
    number: Number,
    lo: int,
    hi: int,
    periods: list[TimeExpr],
    spans: list[tuple[int, int]],
) -> str:
    for t in periods:
        near = number.end <= t.start <= min(hi, number.end + _AFTER_GAP_MAX) and t.end <= hi
        if near and _PERIOD_GAP_RE.match(body[number.end : t.start]):
            return t.value
    before = [t for t in periods if lo <= t.start and t.end <= number.start]
    for t in reversed(before):
        if number.start - t.end > _BEFORE_GAP_MAX:
            break
        if any(t.end <= s < number.start for s, _ in spans) or _period_of_another(body, t, spans):
            break  # another figure stands between, or the date is that one's ("1.8% in May")
        return t.value
    return ""


def _period_of_another(body: str, t: TimeExpr, spans: list[tuple[int, int]]) -> bool:
    return any(
        e <= t.start <= e + _AFTER_GAP_MAX and _PERIOD_GAP_RE.match(body[e : t.start])
        for _, e in spans
    )


def _quantity(
    body: str,
    number: Number,
    lo: int,
    hi: int,
    spans: list[tuple[int, int]],
    by_start: dict[int, Measure],
) -> tuple[str, bool]:
    """The quantity, and whether it was read right after the figure."""
    if number.kind == "quantity" and number.unit:
        return number.unit, True
    start = number.end
    # "$5 billion in farm loans", "15% of their GDP": what the amount or the share is of
    lead = _MONEY_LEAD_RE if number.kind == "money" else _SHARE_LEAD_RE
    if m := lead.match(body, start, hi):
        start = m.end()
    after = _after(body, start, hi)
    if after:
        return after, True
    return _before(body, number, lo, spans, by_start), False


def _tokens(text: str) -> list[str]:
    """Words and stops; a sentence's last word loses its full stop ("package." → "package")."""
    return [w[:-1] if w.endswith(".") and w.count(".") == 1 else w for w in _WORD_RE.findall(text)]


def _after(body: str, start: int, hi: int) -> str:
    """The noun phrase right after the figure, with one prepositional qualifier."""
    words = _tokens(body[start:hi])[: _NP_MAX + 4]
    head: list[str] = []
    k = 0
    while k < len(words) and len(head) < _NP_MAX and _noun_like(words[k], after=True):
        head.append(words[k])
        k += 1
    if not head:
        return ""
    if head[-1].lower().endswith(("ed", "ing")) and len(head) > 1:
        head.pop()  # "pledge tied to …": the verb is not the label
        return " ".join(head)
    if k < len(words) and words[k].lower() in ("on", "of", "for"):
        qual: list[str] = []
        j = k + 1
        if j < len(words) and words[j].lower() in _DETERMINERS:
            j += 1
        while j < len(words) and len(qual) < _NP_MAX and _noun_like(words[j], after=True):
            qual.append(words[j])
            j += 1
        if qual:
            return " ".join([*head, words[k].lower(), *qual])
    return " ".join(head)


def _before(
    body: str,
    number: Number,
    lo: int,
    spans: list[tuple[int, int]],
    by_start: dict[int, Measure],
) -> str:
    """The nearest noun phrase before the figure, or the quantity of a figure listed just
    before it ("2.0% in 2025 and 1.6% in 2026")."""
    cut = max(body.rfind(d, lo, number.start) for d in ("—", "–", " - "))
    if cut >= 0:
        lo = cut + 1  # "GYEONGJU, South Korea — …": the dateline is not measured
    text = _QUARTER_POINT_RE.sub(" ", body[lo : number.start])
    earlier = [s for s, e in spans if lo <= s and e <= number.start]
    if earlier:
        last = max(earlier)
        between = body[last : number.start]
        if not any(_noun_like(w) for w in _tokens(_strip_number(between))):
            previous = by_start.get(last)
            if previous and previous.quantity:
                return previous.quantity
    words = _tokens(text)
    k = len(words) - 1
    while k >= 0 and not _noun_like(words[k]):
        if words[k] in (";", ":", "(", ")") or words[k][:1].isdigit():
            return ""  # another clause or figure: nothing of this one's before it
        k -= 1
    run: list[str] = []
    while k >= 0 and _noun_like(words[k]) and len(run) < _NP_MAX:
        run.insert(0, words[k])
        k -= 1
    # "inflation in the euro zone" measures inflation; "tariffs on Norland steel" a tariff
    # on steel: a phrase after a preposition qualifies the noun before it
    det = k >= 1 and words[k].lower() in _DETERMINERS
    prep_at = k - 1 if det else k
    if run and prep_at >= 1 and words[prep_at].lower() in ("in", "on", "of", "for"):
        j = prep_at - 1
        lead: list[str] = []
        while j >= 0 and _noun_like(words[j]) and len(lead) < _NP_MAX:
            lead.insert(0, words[j])
            j -= 1
        prep = words[prep_at].lower()
        if lead and prep in ("on", "of", "for"):
            return " ".join([*lead, prep, *run])
        if lead:
            return " ".join(lead)
    return " ".join(run)


def _strip_number(text: str) -> str:
    """`text` without its first figure and any dates: what stands between two figures."""
    words = [w for w in _tokens(text) if w.lower() not in _MONTHS]
    return " ".join(w for w in words if not w[:1].isdigit())


def _noun_like(word: str, *, after: bool = False) -> bool:
    lower = word.lower().rstrip(".")
    bare = lower.replace("’", "'").removesuffix("'s")
    if not word[:1].isalpha() or len(bare) < 2 or bare in _NP_STOP or lower in _VERBS:
        return False
    if after and lower in _AFTER_STOP:
        return False
    if lower in _MONTHS or lower in ("year", "years", "month", "quarter", "week"):
        return False
    if len(word) > 2 and word.isupper() and word.isalpha() and len(word) > 5:
        return False  # an all-capitals word is a dateline or a shout, not a quantity
    return not _verb_form(lower)


def _verb_form(lower: str) -> bool:
    if lower in _PARTICIPLES:
        return True
    if len(lower) > 5 and lower.endswith("ly") and lower not in _LY_NOUNS:
        return True  # "apparently", "roughly": an adverb
    return len(lower) > 4 and lower.endswith(("ed", "ing")) and lower not in _KEPT_NOUNS


_KEPT_NOUNS = frozenset({"spending", "funding", "borrowing", "lending", "housing", "financing"})


def _headline_like(body: str, sentence: Sentence) -> bool:
    """A line with no closing punctuation: a headline or a subhead."""
    text = body[sentence.start : sentence.end].rstrip()
    return (
        bool(text) and text[-1] not in ".!?\"”’'" and "\n" in body[sentence.end : sentence.end + 2]
    )
