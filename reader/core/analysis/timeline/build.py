"""Events with resolved dates, merged across the sources read together.

An event is the clause around one resolved DATE or TIME expression (or a "from X to Y"
range) in one sentence. Rules, in the order `build_timeline` applies them:

- Dates that cannot be placed on a calendar are skipped: durations, sets, PRESENT_REF /
  PAST_REF / FUTURE_REF and unresolved values ("XXXX-10"). So is a date word that is part
  of a name: a bare year before a name or after "the" ("the 2031 Harbour Forum"), or a
  capitalised "Tomorrow" mid-sentence ("A Brighter Tomorrow"): it names, it does not date.
- Two dates in one sentence joined by "from … to/until/through …", "between … and …" or
  a dash make one range event, unless the date engine already gave a range.
- `summary` is the clause around the date (`event_text.clause_span`), cut to ≤ 160
  characters at word boundaries: the source's words only. Each `EventSource` spans that
  clause in its article's body; `date_start`/`date_end` span the date expression.
- A clause that is nothing but its date ("Monday, May 18, 2015" on its own line) is a
  dateline, not an event; so is a date in a story's dateline ("FRANKFURT, June 5 (Agency)
  — …"), a byline ("By Anna Keller, June 5"), a photo credit or a "Published …" line.
- One sentence is one event. Its date is the one the sentence is about (`main_date`): the
  first date that is not a mere reference point ("since September", "by December") nor in
  a subordinate clause ("…, where bombers struck on Friday"); the sentence's other dates
  are the event's `mentioned` dates. The event spans the sentence's dated clauses.
- People, places and `figures` are those inside the dated clauses, by canonical name, and in the
  passage that tells the event: the sentences after the dated one, in its paragraph, up to
  one with a date of its own (at most three). The article's dateline is *not* lent to
  clauses without a place: a dateline says where the story was filed, not where an
  earlier event happened.
- Order: by the first day of the value's span; on the same first day a coarser value
  ("2025-10", "early October") and a range come before a day, a day before its times;
  then by the order of the articles and of the text.
- The same event told by two sources becomes one entry citing both: same value (and
  range end), a different article, and enough shared content words (overlap coefficient
  ≥ 0.5, or ≥ 0.34 with a shared person, place or figure; at least two shared words).
- `inferred` is set when every source resolved the date against an inferred anchor (an
  article without a publication date read with dated ones; see `analyze_set`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from reader.core.analysis.model import Analysis, Entity, TimeExpr
from reader.core.analysis.text.clauses import clause_span, content_words, name_key, summary
from reader.core.analysis.text.sentences import Sentence, sentence_at, split_sentences
from reader.core.analysis.timeline.dates import DateBounds, date_bounds
from reader.core.analysis.timeline.main_date import Dated, main_date
from reader.core.article import Article


def _words(text: str) -> frozenset[str]:
    """A word list written as one string, one word per space."""
    return frozenset(text.split())


_MERGE_OVERLAP = 0.5
_MERGE_OVERLAP_WITH_ENTITY = 0.34
_MIN_SHARED_WORDS = 2

_RANGE_GAP_RE = re.compile(r"\s*(?:to|until|till|through|thru|and|[-–—])\s*\Z", re.IGNORECASE)
_RANGE_LEAD_RE = re.compile(r"\b(?:from|between)\s+(?:the\s+)?\Z", re.IGNORECASE)
_YEAR_ONLY_RE = re.compile(r"\d{4}")
_ATTRIBUTIVE_BEFORE_RE = re.compile(r"(?:\b(?:the|its|this|that|a|an)|['’]s)\s+\Z", re.IGNORECASE)
_DEICTIC = frozenset({"today", "tomorrow", "yesterday", "tonight"})
_NEXT_WORD_RE = re.compile(r"\s+([A-Za-z][\w-]*)")
_MONTH_NAMES = _words("""january february march april may june july august september october november
    december""")


@dataclass(frozen=True, slots=True)
class EventSource:
    path: str
    start: int  # the clause quoted by the summary: `body[start:end]`
    end: int
    article: int = 0  # index into the list of articles read together
    date_start: int = -1  # the date expression inside that clause
    date_end: int = -1
    date_text: str = ""
    summary: str = ""  # this source's own words for the event (the event's is its first's)


@dataclass(slots=True)
class Event:
    date: str  # ISO date or TIMEX3 value ("2025-10", "2025-Q3")
    end: str  # "" unless a range
    summary: str  # the source's own words, trimmed
    places: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    sources: list[EventSource] = field(default_factory=list)
    inferred: bool = False
    mod: str = ""  # TIMEX3 modifier of the date ("START" for "early October")
    figures: list[str] = field(default_factory=list)  # the passage's figures, as written
    mentioned: list[str] = field(default_factory=list)  # the sentence's other dates (values)

    def to_json(self) -> dict[str, Any]:
        return {
            "date": self.date,
            "end": self.end,
            "mod": self.mod,
            "summary": self.summary,
            "places": list(self.places),
            "people": list(self.people),
            "figures": list(self.figures),
            "mentioned": list(self.mentioned),
            "sources": [
                {
                    "path": s.path,
                    "start": s.start,
                    "end": s.end,
                    "article": s.article,
                    "date_start": s.date_start,
                    "date_end": s.date_end,
                    "date_text": s.date_text,
                }
                for s in self.sources
            ],
            "inferred": self.inferred,
        }


@dataclass(slots=True)
class _Candidate:
    event: Event
    key: tuple[Any, ...]
    words: set[str]
    names: set[str]
    inferred: list[bool]
    values: set[float] = field(default_factory=set)  # the clause's figures


def build_timeline(items: list[tuple[Article, Analysis]]) -> list[Event]:
    """The events of the articles read together, in date order, merged across sources."""
    candidates: list[_Candidate] = []
    for index, (article, analysis) in enumerate(items):
        candidates.extend(_article_events(index, article, analysis))
    candidates.sort(key=lambda c: c.key)
    merged: list[_Candidate] = []
    for cand in candidates:
        target = _best_match(cand, merged)
        if target is None:
            merged.append(cand)
            continue
        target.event.sources.extend(cand.event.sources)
        _add_names(target.event.people, cand.event.people)
        _add_names(target.event.places, cand.event.places)
        target.event.figures.extend(f for f in cand.event.figures if f not in target.event.figures)
        target.event.mentioned.extend(
            d for d in cand.event.mentioned if d not in target.event.mentioned
        )
        target.words |= cand.words
        target.names |= cand.names
        target.values |= cand.values
        target.inferred.extend(cand.inferred)
    for cand in merged:
        cand.event.inferred = all(cand.inferred)
        cand.event.sources.sort(key=lambda s: s.article)
    return [c.event for c in merged]


def _article_events(index: int, article: Article, analysis: Analysis) -> list[_Candidate]:
    body = article.body
    sentences = split_sentences(body)
    placed = [
        (t, b)
        for t in sorted(analysis.dates, key=lambda t: t.start)
        if t.type in ("DATE", "TIME")
        and (b := date_bounds(t.value)) is not None
        and not _names_a_thing(body, t)
    ]
    by_sentence: dict[int, tuple[Sentence, list[Dated]]] = {}
    clause_words: dict[tuple[int, int], set[str]] = {}  # one long clause, many dates: once
    k = 0
    while k < len(placed):
        timex, bounds = placed[k]
        sentence = sentence_at(sentences, timex.start)
        if sentence is None or timex.end > sentence.end or _credit_or_dateline(body, timex):
            k += 1
            continue
        end_value, end_timex = timex.range_end, timex
        if k + 1 < len(placed):
            following = placed[k + 1][0]
            joined = following.end <= sentence.end and _joins_range(body, timex, following)
            if joined and not end_value:
                end_value, end_timex = following.value, following
                k += 1
            elif joined and following.value == end_value:
                end_timex = following  # the engine's range, with its end also given alone
                k += 1
        k += 1
        clause = clause_span(body, sentence.start, sentence.end, timex.start, end_timex.end)
        date_words = content_words(body[timex.start : end_timex.end])
        if clause not in clause_words:
            clause_words[clause] = content_words(body[clause[0] : clause[1]])
        if not clause_words[clause] - date_words:
            continue  # "Monday, May 18, 2015" alone on a line: a dateline, not an event
        dated = Dated(timex, end_timex, end_value, bounds, clause)
        by_sentence.setdefault(sentence.start, (sentence, []))[1].append(dated)
    out: list[_Candidate] = []
    for sentence, group in by_sentence.values():  # one sentence, one event
        main = main_date(body, group)
        mentioned = [d.timex.value for d in group if d.timex.value != main.timex.value]
        span = (min(d.clause[0] for d in group), max(d.clause[1] for d in group))
        passage = _passage(body, sentences, sentence, placed)
        cand = _candidate(index, article, analysis, main, span, passage)
        cand.event.mentioned = list(dict.fromkeys(mentioned))
        out.append(cand)
    return out


_CREDIT_LINE_RE = re.compile(
    r"[ \t]*(?:(?:photo(?:graph)?s?|image|picture|credit|file photo|published|updated|posted"
    r"|last updated|copyright)\b|©)",
    re.IGNORECASE,
)
_BYLINE_RE = re.compile(r"[ \t]*By[ \t]+[A-Z]")
_DATELINE_RE = re.compile(
    r"[ \t]*[A-Z][A-Z .'’-]{1,40}(?:,[ \t]*[A-Z][\w .'’-]{0,40})*"
    r"(?:[ \t]*\([^()\n]{0,60}\))?[ \t]*(?:[—–]|-{1,2}(?=\s))"
)
_PASSAGE_SENTENCES = 3


def _credit_or_dateline(body: str, timex: TimeExpr) -> bool:
    """A date in a byline, a photo credit or a "Published …" line, or in a story's dateline
    ("FRANKFURT, June 5 (Agency) — …"): it says when the story was filed, not what happened."""
    line_start = body.rfind("\n", 0, timex.start) + 1
    if _CREDIT_LINE_RE.match(body, line_start) or _byline(body, line_start):
        return True
    dateline = _DATELINE_RE.match(body, line_start)
    return dateline is not None and timex.end <= dateline.end() and timex.start > line_start


def _byline(body: str, line_start: int) -> bool:
    """ "By Anna Keller", "By Anna Keller, June 5, 2025": a line that starts "By" and a name
    and is not a sentence."""
    line_end = body.find("\n", line_start)
    line = body[line_start : line_end if line_end >= 0 else len(body)].strip()
    return bool(_BYLINE_RE.match(line)) and len(line) < 120 and not line.endswith(".")


def _passage(
    body: str,
    sentences: list[Sentence],
    sentence: Sentence,
    placed: list[tuple[TimeExpr, DateBounds]],
) -> tuple[int, int]:
    """The dated sentence and those after it that stay on it: the same paragraph, no date
    of their own, at most three ("Trump's visit to Japan earlier in the week … He bonded
    with Prime Minister Sanae Takaichi … Howard Lutnick capped the trip …")."""
    end = sentence.end
    k = next((n for n, s in enumerate(sentences) if s.start == sentence.start), len(sentences))
    for following in sentences[k + 1 : k + 1 + _PASSAGE_SENTENCES]:
        if "\n" in body[end : following.start]:
            break  # a new paragraph, a new subject
        if any(following.start <= t.start < following.end for t, _ in placed):
            break  # it tells its own dated event
        end = following.end
    return sentence.end, end


def _candidate(
    index: int,
    article: Article,
    analysis: Analysis,
    main: Dated,
    span: tuple[int, int],
    passage: tuple[int, int],
) -> _Candidate:
    body = article.body
    timex, end_timex, end_value, bounds = main.timex, main.end_timex, main.end_value, main.bounds
    c_start, c_end = span
    inside = [e for e in analysis.entities if c_start <= e.start and e.end <= c_end]
    told = [e for e in analysis.entities if _in_passage(e.start, e.end, c_start, c_end, passage)]
    people = _names(told, "person")
    places = _names(told, "place")
    figures = [
        n.text for n in analysis.numbers if _in_passage(n.start, n.end, c_start, c_end, passage)
    ]
    values = {n.value for n in analysis.numbers if c_start <= n.start and n.end <= c_end}
    said = summary(body, c_start, c_end, timex.start, end_timex.end)
    event = Event(
        date=timex.value,
        end=end_value,
        summary=said,
        places=places,
        people=people,
        sources=[
            EventSource(
                article.path,
                c_start,
                c_end,
                index,
                timex.start,
                end_timex.end,
                body[timex.start : end_timex.end],
                said,
            )
        ],
        mod=timex.mod,
        figures=list(dict.fromkeys(figures)),
    )
    # Ranges sort just before single values of the same granularity starting that day.
    rank = bounds.rank * 2 + (0 if end_value else 1)
    key = (bounds.first, rank, bounds.minute, index, timex.start)
    clause_text = body[main.clause[0] : main.clause[1]]  # merged by the words of its date
    return _Candidate(
        event,
        key,
        content_words(clause_text),
        {name_key(e.name) for e in inside if e.kind in ("person", "place")},
        [timex.inferred or analysis.anchor_inferred],
        values,
    )


def _in_passage(start: int, end: int, c_start: int, c_end: int, passage: tuple[int, int]) -> bool:
    """Inside the clause, or in the sentences after the dated one that stay on it (`passage`:
    from the end of the dated sentence to the end of the last of them)."""
    return (c_start <= start and end <= c_end) or (passage[0] <= start and end <= passage[1])


def _add_names(names: list[str], more: list[str]) -> None:
    keys = {name_key(n) for n in names}
    names.extend(n for n in more if name_key(n) not in keys)


def _names(entities: list[Entity], kind: str) -> list[str]:
    out: list[str] = []
    keys: set[str] = set()
    for e in entities:
        if e.kind == kind and name_key(e.name) not in keys:
            keys.add(name_key(e.name))
            out.append(e.name)
    return out


def _names_a_thing(body: str, timex: TimeExpr) -> bool:
    """A date word that is part of a name: a bare year before a name or after "the"
    ("the 2031 Harbour Forum"), or a capitalised "Today"/"Tomorrow" inside a sentence
    ("A Brighter Tomorrow", "Ostby Today")."""
    text = body[timex.start : timex.end]
    if text.lower() in _DEICTIC and text[0].isupper():
        before = body[max(0, timex.start - 3) : timex.start].rstrip(" \t\"'“‘")
        return bool(before) and before[-1] not in ".!?\n"
    if not _YEAR_ONLY_RE.fullmatch(text):
        return False
    after = _NEXT_WORD_RE.match(body, timex.end)
    if not after:
        return False
    word = after.group(1)
    if word[0].isupper() and word.lower() not in _MONTH_NAMES:
        return True
    return bool(_ATTRIBUTIVE_BEFORE_RE.search(body, max(0, timex.start - 12), timex.start))


def _joins_range(body: str, first: TimeExpr, second: TimeExpr) -> bool:
    gap = body[first.end : second.start]
    if first.range_end and second.value == first.range_end and _RANGE_GAP_RE.fullmatch(gap):
        return True
    if len(gap) > 12 or not _RANGE_GAP_RE.fullmatch(gap):
        return False
    if gap.strip() in {"-", "–", "—"}:
        return True
    return bool(_RANGE_LEAD_RE.search(body, max(0, first.start - 16), first.start))


def _best_match(cand: _Candidate, merged: list[_Candidate]) -> _Candidate | None:
    best: _Candidate | None = None
    best_score = 0.0
    article = cand.event.sources[0].article
    for other in reversed(merged):
        if other.key[0] != cand.key[0]:
            break  # sorted: nothing earlier starts on the same day
        if other.event.date != cand.event.date or other.event.end != cand.event.end:
            continue
        if any(s.article == article for s in other.event.sources):
            continue
        score = _similarity(cand, other)
        if score > best_score:
            best, best_score = other, score
    return best


def _similarity(a: _Candidate, b: _Candidate) -> float:
    """Overlap coefficient of content words if it clears the merge bar, else 0."""
    if not a.words or not b.words:
        return 0.0
    shared = len(a.words & b.words)
    if shared < _MIN_SHARED_WORDS:
        return 0.0
    overlap = shared / min(len(a.words), len(b.words))
    shared_evidence = a.names & b.names or a.values & b.values
    bar = _MERGE_OVERLAP_WITH_ENTITY if shared_evidence else _MERGE_OVERLAP
    return overlap if overlap >= bar else 0.0
