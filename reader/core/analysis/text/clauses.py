"""The words of an event: the clause around a date, its summary and its content words.

A summary is always the source's own words: a clause of the sentence, cut at word
boundaries to at most `SUMMARY_LIMIT` characters, with "…" where words were cut. Nothing
is reworded or invented.
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    """A word list written as one string, one word per space."""
    return frozenset(text.split())


SUMMARY_LIMIT = 160
_MIN_CLAUSE = 30  # a shorter clause says too little alone: the sentence is used

# Clause breaks: semicolons, colons, dashes, and a comma before a
# coordinating conjunction (", and his August visit…"). Plain commas are not breaks:
# "Trump, aboard Air Force One Wednesday, said" keeps the date with its verb. A spaced
# hyphen is a dash only before a capital ("Seoul - The talks"; not "six - member").
# `(?<!\s)` keeps the scan linear on long runs of spaces.
_CLAUSE_BREAK_RE = re.compile(
    r";\s*|:\s+|(?<!\s)\s+(?:[—–]{1,2}|--|-(?=\s+[A-Z\"“]))\s+|—"
    r"|,\s+(?:and|but|while|whereas|although|though|yet)\s+"
)
_NAME_SPLIT_RE = re.compile(r"[\s\-‐‑–]+")
_TOKEN_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_STOP = _words("""a an the this that these those of in on at to for from with by into onto over under
    about after before during since until than as per via across against among between
    through and or but nor so yet if when while where who whom whose which what is are was
    were be been being am has have had having do does did will would shall should can could
    may might must not no it its they them their he him his she her we us our you your i me
    my also only just more most less each every all both some any such other another then
    there here very too up down out off said says say according s t new last next week
    year month day today yesterday tomorrow earlier later early late mid monday tuesday
    wednesday thursday friday saturday sunday january february march april june july
    august september october november december jan feb mar apr jun jul aug sep sept oct nov
    dec""")


def clause_span(body: str, s_start: int, s_end: int, d_start: int, d_end: int) -> tuple[int, int]:
    """The clause of the sentence `body[s_start:s_end]` that holds the date at
    `d_start:d_end`; the whole sentence when that clause is short."""
    c_start, c_end = s_start, s_end
    for m in _CLAUSE_BREAK_RE.finditer(body, s_start, s_end):
        if m.end() <= d_start:
            c_start = m.end()
        elif m.start() >= d_end:
            c_end = m.start()
            break
    c_start, c_end = _strip(body, c_start, c_end)
    if c_end - c_start < _MIN_CLAUSE:
        return _strip(body, s_start, s_end)
    return c_start, c_end


def summary(body: str, start: int, end: int, focus_start: int, focus_end: int) -> str:
    """`body[start:end]` cut to `SUMMARY_LIMIT` characters at word boundaries, keeping the
    focus (the date) in view, "…" marking cuts. When the date is far from the start, the
    clause's opening words (its subject, up to a comma) are kept and the middle elided:
    "President Ada Quist's tour … stalled on Wednesday as talks dragged on"."""
    text = body[start:end]
    if len(text) <= SUMMARY_LIMIT:
        return _flat(text)
    room = SUMMARY_LIMIT - 2  # two ellipses at most
    if focus_end - start <= room - 20:
        return _window(body, start, end, start, room)  # the date is near the beginning
    head_end = _head_end(body, start, focus_start)
    tail_room = room - (head_end - start) - 3
    if head_end > start and tail_room >= max(60, focus_end - focus_start + 20):
        middle = (focus_start + focus_end) // 2
        w_start = max(head_end + 1, min(middle - tail_room // 2, end - tail_room))
        comma = body.rfind(",", head_end + 1, focus_start)
        if comma != -1 and focus_end - comma <= tail_room - 10:
            w_start = comma + 1  # start the tail at the date's own phrase
        tail = _window(body, start, end, w_start, tail_room, lead=False)
        return _flat(body[start:head_end]).rstrip(" ,;:") + " … " + tail
    middle = (focus_start + focus_end) // 2
    return _window(body, start, end, max(start, min(middle - room // 2, end - room)), room)


def _window(body: str, start: int, end: int, w_start: int, room: int, *, lead: bool = True) -> str:
    w_end = min(end, w_start + room)
    cut_start = w_start > start
    if cut_start:
        w_start = _word_start(body, w_start, w_end)
    if w_end < end:
        w_end = _word_end(body, w_start, w_end)
    text = _flat(body[w_start:w_end]).strip(" ,;:")
    return ("…" if cut_start and lead else "") + text + ("…" if w_end < end else "")


def _head_end(body: str, start: int, limit: int) -> int:
    """Where the clause's opening words end: the first comma within 70 characters, else
    a word boundary near 50; `start` when there is no room before the date."""
    stop = min(limit, start + 70)
    comma = body.find(",", start, stop)
    if comma > start + 15:
        return comma
    if stop - start < 50:
        return start
    return _word_end(body, start, start + 50)


def _flat(text: str) -> str:
    return " ".join(text.split())


def content_words(text: str) -> set[str]:
    """Lower-case content words with a crude plural strip, for overlap scores."""
    out: set[str] = set()
    for token in _TOKEN_RE.findall(text.lower()):
        token = token.replace("’", "'").removesuffix("'s")
        if token in _STOP or len(token) < 2 or token.isdigit():
            continue
        out.add(_stem(token))
    return out


def name_key(name: str) -> str:
    """Spellings of one name that sources differ on fold together: case, hyphens and
    dots ("Lee Jae-myung" / "Lee Jae Myung", "U.S." / "US")."""
    return " ".join(_NAME_SPLIT_RE.split(name.casefold().replace(".", ""))).strip()


def _stem(token: str) -> str:
    """A crude suffix strip so "fallen"/"fall", "talks"/"talk", "raided"/"raid" meet."""
    for suffix in ("ing", "ed", "en", "es", "s"):
        if token.endswith(suffix) and len(token) - len(suffix) >= 4 and not token.endswith("ss"):
            return token[: -len(suffix)]
    return token


def _strip(body: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (body[start].isspace() or body[start] in ",;:"):
        start += 1
    while end > start and (body[end - 1].isspace() or body[end - 1] in ",;:"):
        end -= 1
    return start, end


def _word_start(body: str, pos: int, limit: int) -> int:
    """The first word start at or after `pos`."""
    if pos > 0 and not body[pos - 1].isspace():
        while pos < limit and not body[pos].isspace():
            pos += 1
    while pos < limit and body[pos].isspace():
        pos += 1
    return pos


def _word_end(body: str, start: int, pos: int) -> int:
    """The last word end at or before `pos`."""
    if pos < len(body) and not body[pos].isspace():
        while pos > start and not body[pos - 1].isspace():
            pos -= 1
    while pos > start and body[pos - 1].isspace():
        pos -= 1
    return pos
