"""Figures as `compare` matches them: what each measures, in the source's words and context.

A `Figure` is one figure of one article: repeated mentions of the same amount of money
("$350 billion" in the headline and twice in the text) are one figure; repeated equal
percentages or counts are one figure only when their contexts overlap (the same "15%"
can be a tariff in one sentence and a share of GDP in the next).

`match_score(a, b)` says how surely two figures from different articles measure the same
thing: 0 when they cannot (other kind or unit), else the overlap coefficient of their
context words, plus a bonus when their labels share a word and when their values are
equal (a strong hint for money, a weaker one for percentages and counts). Scores under
`MATCH_THRESHOLD` (equal values) or `DIFFER_THRESHOLD` (different values) are 0.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.core.analysis.model import Number
from reader.core.analysis.text.clauses import content_words
from reader.core.analysis.text.sentences import Sentence, sentence_at, split_sentences

MATCH_THRESHOLD = 0.5
DIFFER_THRESHOLD = 0.65  # claiming two sources disagree needs more evidence than agreeing
_CONTEXT_CHARS = 150
_LABEL_BONUS = 0.3
_EQUAL_MONEY_BONUS = 0.5
_EQUAL_OTHER_BONUS = 0.25
_SAME_FIGURE_OVERLAP = 0.34
_MIN_CONTEXT = 5  # two shared words out of a three-word context is not strong evidence

_LABEL_LEAD_RE = re.compile(
    r"\s+(?:(?:of|in|for|on|into|to|from)\s+)?(?:(?:the|a|an|their|its|his|her|our|this|that)\s+)?"
)
_LABEL_WORD_RE = re.compile(r"([A-Za-z][\w'’&-]*(?:\.[A-Za-z]+)*\.?)\s*")
_BEFORE_WORDS_RE = re.compile(r"((?:[A-Za-z][\w'’-]*\s+){1,5})\Z")
_LABEL_STOP = frozenset(
    {
        "of", "in", "on", "at", "to", "for", "from", "with", "by", "into", "and", "or", "but",
        "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would",
        "could", "that", "which", "who", "a", "an", "the", "as", "than", "said", "says",
        "while", "if", "after", "before", "over", "under", "per", "just", "only", "about",
    }
)  # fmt: skip
# Verbs that commonly stand between a measured noun and its figure ("prices rose to 5%").
_MOVES = frozenset(
    {
        "rose", "rise", "rises", "fell", "fall", "falls", "grew", "grow", "grows", "hit",
        "hits", "reach", "reaches", "stood", "stands", "totaled", "totalled", "cost", "costs",
        "pay", "pays", "paid", "topped", "tops", "got", "get", "gets", "is", "are", "was",
        "were", "be", "wants", "want", "asked", "asks", "seeks", "seek",
    }
)  # fmt: skip
_NOISE = frozenset(
    {
        "billion", "million", "trillion", "thousand", "hundred", "percent", "cent", "per",
        "dollar", "dollars", "usd", "won", "yen", "euro", "euros", "pound", "pounds",
        "nearly", "almost", "about", "over", "more", "than", "least", "up", "some",
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    }
)  # fmt: skip


@dataclass(slots=True)
class Figure:
    number: Number  # the first mention
    label: str  # what it measures, in the source's words ("investment package")
    words: set[str]  # content words around it
    mentions: list[Number] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.number.start


def article_figures(body: str, numbers: list[Number]) -> list[Figure]:
    """The figures of one article, repeated mentions folded into one."""
    sentences = split_sentences(body)
    out: list[Figure] = []
    for number in numbers:
        figure = Figure(number, _label(body, number), _context(body, number, sentences), [number])
        same = next((f for f in out if _same_figure(f, figure)), None)
        if same is None:
            out.append(figure)
            continue
        same.words |= figure.words
        same.mentions.append(number)
        if not same.label:
            same.label = figure.label
    return out


def match_score(a: Figure, b: Figure) -> float:
    if a.number.kind != b.number.kind or not _same_unit(a.number, b.number):
        return 0.0
    score = _overlap(a.words, b.words)
    if content_words(a.label) & content_words(b.label):
        score += _LABEL_BONUS
    if _equal(a.number.value, b.number.value):
        score += _EQUAL_MONEY_BONUS if a.number.kind == "money" else _EQUAL_OTHER_BONUS
        return score if score >= MATCH_THRESHOLD else 0.0
    return score if score >= DIFFER_THRESHOLD else 0.0


def _same_figure(a: Figure, b: Figure) -> bool:
    na, nb = a.number, b.number
    if na.kind != nb.kind or not _same_unit(na, nb) or not _equal(na.value, nb.value):
        return False
    if na.kind == "quantity" and na.unit and nb.unit:
        return True  # "two Moslem militants" … "the two militants"
    if na.kind == "money":
        return True
    return _overlap(a.words, b.words) >= _SAME_FIGURE_OVERLAP


def _same_unit(a: Number, b: Number) -> bool:
    if a.kind != "quantity":
        return a.unit == b.unit
    if not a.unit or not b.unit:
        return not a.unit and not b.unit
    return bool(content_words(a.unit) & content_words(b.unit))


def _overlap(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / max(min(len(a), len(b)), _MIN_CONTEXT)


def _equal(a: float, b: float) -> bool:
    return abs(a - b) <= 0.005 * max(abs(a), abs(b))


def _context(body: str, number: Number, sentences: list[Sentence]) -> set[str]:
    sentence = sentence_at(sentences, number.start)
    lo, hi = (sentence.start, sentence.end) if sentence else (0, len(body))
    if number.start - lo > _CONTEXT_CHARS:
        lo = body.find(" ", number.start - _CONTEXT_CHARS, number.start) + 1 or number.start
    if hi - number.end > _CONTEXT_CHARS:
        cut = body.rfind(" ", number.end, number.end + _CONTEXT_CHARS)
        hi = cut if cut > 0 else number.end
    text = body[lo : number.start] + " " + body[number.end : hi]
    return content_words(text) - _NOISE


def _label(body: str, number: Number) -> str:
    """The noun the figure measures: a count's counted noun, else the words right after
    the figure ("$5 billion in farm loans" → "farm loans"), else the words before it."""
    if number.kind == "quantity" and number.unit:
        return number.unit
    lead = _LABEL_LEAD_RE.match(body, number.end)
    pos = lead.end() if lead else number.end
    start = end = pos
    for _ in range(4):
        wm = _LABEL_WORD_RE.match(body, pos)
        if not wm:
            break
        word = wm.group(1)
        bare = word.rstrip(".") if word.count(".") == 1 else word
        if bare.lower() in _LABEL_STOP or bare[:1].isdigit():
            break
        end = wm.start(1) + len(bare)
        pos = wm.end()
        if bare != word or body[end : end + 1] in ",;:":
            break
    if end > start:
        words = body[start:end].split()
        if len(words) > 1 and words[-1].lower().endswith(("ed", "ing")):
            words.pop()  # "pledge tied to…": the verb is not the label
        return " ".join(words)
    before = _BEFORE_WORDS_RE.search(body, max(0, number.start - 60), number.start)
    if not before:
        return ""
    words = before.group(1).split()
    while words and (words[-1].lower() in _LABEL_STOP or _verb_like(words[-1])):
        words.pop()  # "steel rose to 40%": the label is "steel", not "rose"
    kept: list[str] = []
    for word in reversed(words):
        if word.lower() in _LABEL_STOP or _verb_like(word) or len(kept) == 2:
            break
        kept.insert(0, word)
    return " ".join(kept)


def _verb_like(word: str) -> bool:
    lower = word.lower()
    return lower in _MOVES or (lower.endswith("ed") and len(lower) > 4)
