"""People, places and organisations in English news text, found by rules in linear time.

Candidates are runs of capitalised words (with inner connectors such as "of the", hyphens,
"&" and initials). Each run is trimmed (sentence-initial common words, titles, nationality
adjectives, possessives), typed by cues (titles, organisation heads, the place gazetteer,
given names, context) and then resolved against the rest of the article: a bare surname
takes the kind and canonical name of the full name, an acronym those of its expansion.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from reader.core.analysis.entity_names import Mention, resolve
from reader.core.analysis.gazetteer import (
    AREA_HEADS,
    BIG_PLACE,
    COMPASS,
    CONNECTORS,
    DEMONYMS,
    EVENT_HEADS,
    EXTRA_PLACE_ACRONYMS,
    HEAD_TITLES,
    MONTHS,
    NOT_NAMES,
    ORG_HEADS,
    PLACE_HEADS_STRONG,
    PLACE_PREFIXES,
    STOPWORDS,
    TITLE_MODIFIERS,
    gazetteer,
    word_set,
)
from reader.core.analysis.model import Entity

__all__ = ["find_entities"]

_UP = "A-ZÀ-ÖØ-ÞŁŚŠŞŽŻŹĆČĐİ"
_CAPW = rf"(?:(?:al|el|ad|as|ash|abu)-)?[{_UP}]\w*(?:[-'’.]\w+)*\.?"
_CONN = "|".join(sorted(CONNECTORS - {"the"}, key=len, reverse=True))
_SEP = rf"(?:[ \t]+(?:(?:{_CONN})[ \t]+(?:the[ \t]+)?)?|[ \t]*[-&][ \t]*)"
_RUN = re.compile(rf"(?<![\w'’.-]){_CAPW}(?:{_SEP}{_CAPW})*")
_TOK = re.compile(rf"{_CAPW}|[-&]|[a-z]+")
_LOWER = re.compile(r"(?<![\w'’-])[a-z][a-z]+")
_ABBREV = word_set(
    "mr. mrs. ms. dr. st. jr. sr. inc. corp. co. ltd. gen. col. capt. lt. sgt. gov. sen. "
    "rep. prof. rev. mt. ft. no. vs."
)
_NOT_ACRONYMS = word_set(
    """CEO CFO COO GDP ICT TV AI PM AM OK ID IT PC DNA HIV AIDS COVID SARS GPS USB PDF URL
    HTML FAQ DIY VIP MP MPs PR HR IQ UV EV LGBT LGBTQ CCTV ATM SUV RPG RIP AD BC CE BCE UTC
    GMT EST PST EDT EDT CST PDT II III IV VI VII VIII IX XI XII I A"""
)
_ROMAN_OR_CODE = re.compile(r"[IVXLC]+|[A-Z]+\d[\w-]*")
_SAID = re.compile(r"\s*,?\s*(?:said|says|told|added|wrote|explained|stated|noted)\b")
_SAID_BEFORE = re.compile(r"(?:said|says|told|according to)\s+$")
_PLACE_NOUN_AFTER = re.compile(
    r"[ \t]+(?:province|state|city|county|region|district|island|islands|river|valley|"
    r"village|town|prefecture|border|coast|peninsula|mountains|governorate)\b"
)
_IN_BEFORE = re.compile(r"(?:\b(?:in|near|outside|across|throughout)\s+)$")
_OPENERS = " \t“\"‘'([—–-”’)"


@lru_cache(maxsize=1 << 16)
def _norm(word: str) -> str:
    return word.lower().rstrip(".")


class _Doc:
    """Per-article facts the rules consult."""

    def __init__(self, body: str) -> None:
        self.body = body
        self.lower = set(_LOWER.findall(body))
        self.mid: Counter[str] = Counter()  # capitalised words seen away from a sentence start
        self.headings = _heading_lines(body)
        self._stems: dict[str, list[str]] | None = None

    @property
    def mid_stems(self) -> dict[str, list[str]]:
        """Capitalised words by their first four letters ("Chec" -> ["Chechnya"])."""
        if self._stems is None:
            self._stems = {}
            for w in self.mid:
                self._stems.setdefault(w[:4], []).append(w)
        return self._stems

    def sentence_initial(self, start: int) -> bool:
        i = start - 1
        body = self.body
        while i >= 0 and body[i] in _OPENERS:
            if body[i] in "-—–" and i > 0 and body[i - 1] == " ":
                return False
            if body[i] in '“"‘':
                return True
            i -= 1
        return i < 0 or body[i] in "\n.!?:;•*#|"

    def in_heading(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.headings)


def _heading_lines(body: str) -> list[tuple[int, int]]:
    """Lines written in title case (headlines, section headings)."""
    out: list[tuple[int, int]] = []
    pos = 0
    for line in body.split("\n"):
        end = pos + len(line)
        stripped = line.strip()
        if 0 < len(stripped) < 200 and stripped[-1] not in ".,;":
            words = re.findall(r"[^\W\d_][\w'’-]*", stripped)
            content = [w for w in words if len(w) > 3 and w.lower() not in STOPWORDS]
            if len(words) >= 3 and content:
                caps = sum(1 for w in content if w[0].isupper())
                if caps / len(content) >= 0.75 and caps >= 2:
                    out.append((pos, end))
        pos = end + 1
    return out


class _Tok:
    __slots__ = ("brk", "end", "low", "start", "text", "word")

    def __init__(self, text: str, start: int, word: bool) -> None:
        self.text = text
        self.start = start
        self.end = start + len(text)
        self.word = word
        self.brk = False  # a possessive or a sentence end closes the name here
        self.low = ""


def _tokens(run: str, base: int) -> list[_Tok]:
    toks: list[_Tok] = []
    for m in _TOK.finditer(run):
        text = m.group()
        word = text[0] not in "-&" and not text.islower()
        tok = _Tok(text, base + m.start(), word)
        if word:
            if text[-2:] in ("’s", "'s") and len(text) > 2:
                tok.text, tok.end, tok.brk = text[:-2], tok.end - 2, True
            elif "-" in text and _common_suffix(text.rsplit("-", 1)[1]):  # "Seoul-based"
                head = text.split("-", 1)[0]
                tok.text, tok.end, tok.brk = head, tok.start + len(head), True
            elif text.endswith(".") and not (
                len(text) == 2 or "." in text[:-1] or text.lower() in _ABBREV
            ):
                tok.text, tok.end, tok.brk = text[:-1], tok.end - 1, True
        tok.low = _norm(tok.text)
        toks.append(tok)
    return toks


_COMPOUND_TAILS = word_set(
    "born led run made style wide era free friendly specific focused like type class critic "
    "area level speaking language"
)


def _common_suffix(part: str) -> bool:
    """ "based" in "Seoul-based", not "myung" in "Jae-myung" nor "bin" in "Lung-bin"."""
    return part.islower() and (part.endswith(("ed", "ing")) or part in _COMPOUND_TAILS)


def _segments(toks: list[_Tok]) -> list[list[_Tok]]:
    """Split a run at possessives, sentence ends and capitalised function words."""
    segs: list[list[_Tok]] = []
    cur: list[_Tok] = []
    for tok in toks:
        if tok.word and tok.low in STOPWORDS and cur:
            segs.append(cur)
            cur = []
        cur.append(tok)
        if tok.brk:
            segs.append(cur)
            cur = []
    if cur:
        segs.append(cur)
    return segs


def _trim(seg: list[_Tok]) -> list[_Tok]:
    while seg and not seg[0].word:
        seg = seg[1:]
    while seg and not seg[-1].word:
        seg = seg[:-1]
    return seg


def find_entities(body: str) -> list[Entity]:
    """Named people, places and organisations in `body`, with canonical names."""
    doc = _Doc(body)
    runs = [_segments(_tokens(m.group(), m.start())) for m in _RUN.finditer(body)]
    for segs in runs:
        for seg in segs:
            for i, tok in enumerate(seg):
                if tok.word and (i > 0 or not doc.sentence_initial(tok.start)):
                    doc.mid[tok.text] += 1
    mentions: list[Mention] = []
    for segs in runs:
        for seg in segs:
            mentions.extend(_candidates(doc, seg))
    return resolve(body, mentions, doc.headings)


def _confirmed(doc: _Doc, word: str, times: int = 1) -> bool:
    gz = gazetteer()
    if doc.mid[word] >= times or gz.places.get(word, 0) >= 100_000:
        return True
    return word in gz.given and word.lower() not in doc.lower  # "Major industrial ..."


_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_ACRONYM_AFTER = re.compile(r"[ \t]*\(([A-Z][A-Za-z.&]{1,9})\)")


def _expansion(doc: _Doc, seg: list[_Tok]) -> Mention | None:
    """ "General Agreement on Tariffs and Trade (GATT)": a name spelled out before its acronym
    is one organisation (or place), whatever its inner words."""
    got = _ACRONYM_AFTER.match(doc.body, seg[-1].end)
    words = [t for t in seg if t.word]
    if not got or len(words) < 2:
        return None
    initials = "".join(p[0] for t in words for p in t.text.split("-") if p[:1].isupper())
    if initials.upper() != got.group(1).replace(".", "").upper():
        return None
    start, end = seg[0].start, seg[-1].end
    text = doc.body[start:end]
    m = Mention(start, end, text, [t.text for t in words])
    m.kind = "place" if gazetteer().places.get(text, 0) >= BIG_PLACE else "org"
    m.strong = True
    m.heading = doc.in_heading(start)
    return m


def _split_coordination(doc: _Doc, texts: list[str], left: list[_Tok], right: list[_Tok]) -> bool:
    """Whether "A and B" names two things ("Kenya and Uganda") or one ("Globe and Mail")."""
    if not left or not right:
        return True
    if _org_pair(texts):
        return True
    if "of" in texts[: texts.index("and")] or "for" in texts:
        # "Department of X and Y" is one; "A of X and B of Y" two.
        return "of" in texts[texts.index("and") :] or not any(t.low in ORG_HEADS for t in left)
    if len(left) > 1 or len(right) > 1:
        return True
    gz = gazetteer()
    return any(
        t.text in gz.places
        or t.text in gz.given
        or t.text in DEMONYMS
        or _demonym_adjective(doc, t)
        or doc.mid[t.text] > 1  # also named on its own elsewhere
        for t in left + right
    )


def _is_stop(tok: _Tok) -> bool:
    low = tok.low
    if tok.text.isupper() and len(tok.text) > 1:  # "US" is a place, not "us"
        return len(low) > 2 and low in STOPWORDS
    return low in STOPWORDS or tok.text.startswith(("I'", "I’", "No."))


def _candidates(doc: _Doc, seg: list[_Tok]) -> list[Mention]:
    seg = _trim(seg)
    if not seg:
        return []
    first = seg[0]
    initial = doc.sentence_initial(first.start)
    # Drop sentence-initial common words ("However", "Establishing", "The").
    while seg:
        low = seg[0].low
        if _is_stop(seg[0]) or (low in MONTHS and (len(seg) == 1 or not seg[1].word)):
            seg = _trim(seg[1:])
            continue
        at_start = initial and seg[0] is first and not (len(seg) > 1 and low in ORG_HEADS)
        if (
            at_start
            and (low in doc.lower or gazetteer().is_common(low))
            and not _confirmed(doc, seg[0].text)
        ) or (  # "Leaving", "Usually": verb and adverb forms, unless seen as a name twice
            (at_start or len(seg) == 1)
            and low.endswith(("ing", "ly"))
            and not _confirmed(doc, seg[0].text, 2)
        ):
            seg = _trim(seg[1:])
            continue
        break
    if not seg or (len(seg) == 1 and seg[0].low in NOT_NAMES):
        return []
    if len(seg) > 1 and seg[0].low in TITLE_MODIFIERS and seg[1].text in gazetteer().given:
        seg = seg[1:]  # "Treasury Evans Chibiliti" after "Secretary to the"
    if len(seg) == 1 and "-" not in seg[0].text:  # the common case: one word
        tok = seg[0]
        if tok.text in DEMONYMS or tok.low in HEAD_TITLES or tok.low in MONTHS:
            return []
        return [_classify(doc, seg, "", initial and tok is first)]
    expanded = _expansion(doc, seg)
    if expanded:
        return [expanded]
    texts = [t.text for t in seg]
    if "of" in texts:  # "Nick Rhodes of Duran Duran", "Ana Lisboa of Portugal"
        i = texts.index("of")
        after = doc.body[seg[i + 1].start : seg[-1].end] if i + 1 < len(seg) else ""
        if (
            i >= 1
            and (
                texts[0] in gazetteer().given
                or gazetteer().places.get(after, 0) >= 100_000
                or (2 <= i <= 3 and any(t.low in ORG_HEADS for t in seg[i + 1 :]))
            )
            and not any(
                t.low in ORG_HEADS or t.low in HEAD_TITLES or t.low in PLACE_HEADS_STRONG
                for t in seg[:i]
            )
        ):
            return _candidates(doc, seg[:i]) + _candidates(doc, _trim(seg[i + 1 :]))
    if "and" in texts:  # coordinations first: "Secretary X and South African Minister Y"
        i = texts.index("and")
        left, right = _trim(seg[:i]), _trim(seg[i + 1 :])
        if _split_coordination(doc, texts, left, right):
            return _candidates(doc, left) + _candidates(doc, right)
    while len(seg) > 1 and seg[-1].low in HEAD_TITLES:  # "State Department spokesman"
        seg = _trim(seg[:-1])
    if seg[-1].text.lower() in MONTHS and len(seg) > 1:
        nxt = doc.body[seg[-1].end : seg[-1].end + 2].strip()
        if nxt[:1].isdigit():
            seg = _trim(seg[:-1])
    out: list[Mention] = []
    words = [t for t in seg if t.word]
    lows = [t.low for t in words]
    cue = ""
    # Titles: keep what follows the last title word ("South Korean President Lee ...");
    # a place or organisation before the title is a name of its own ("U.S. President").
    for i in range(len(seg) - 1, -1, -1):
        tok = seg[i]
        if tok.word and tok.low in HEAD_TITLES and i < len(seg) - 1:
            rest = seg[i + 1 :]
            if rest[0].text == "of" and len(rest) > 2 and rest[1].low in TITLE_MODIFIERS:
                rest = rest[2:]
            rest = _trim(rest)
            rest_lows = [t.low for t in rest if t.word]
            if (
                rest_lows
                and not any(t.text in ("of", "on", "and", "for", "the", "&") for t in rest)
                and not any(
                    w in ORG_HEADS or w in HEAD_TITLES or w in EVENT_HEADS for w in rest_lows
                )
                and not all(w in doc.lower for w in rest_lows)
            ):
                k = i
                while k > 0 and (
                    seg[k - 1].low in TITLE_MODIFIERS
                    or seg[k - 1].low in HEAD_TITLES
                    or not seg[k - 1].word
                ):
                    k -= 1
                head = _trim(_strip_demonyms(doc, seg[:k]))
                if head:
                    out.extend(_split_and(doc, head, "", initial and head[0] is first))
                seg, cue = rest, "person"
                break
            heads = [j for j, t in enumerate(rest) if t.word and t.low in ORG_HEADS]
            if heads and seg[i + 1].text in ("of", "at") and heads[-1] < len(rest) - 1:
                # "CEO of the Harbour Council Ana Lisboa": the body, then its officer.
                org, person = _trim(rest[: heads[-1] + 1]), _trim(rest[heads[-1] + 1 :])
                if person and person[0].word and person[0].low not in CONNECTORS:
                    return _split_and(doc, org, "", False) + _split_and(
                        doc, person, "person", False
                    )
    else:
        if all(w in HEAD_TITLES or w in TITLE_MODIFIERS for w in lows):
            return []
    words = [t for t in seg if t.word]
    lows = [t.low for t in words]
    full = doc.body[seg[0].start : seg[-1].end]
    if not cue and len(words) > 1 and lows[-1] in EVENT_HEADS:
        # Events are not names, but a name may lead them ("FIFA World Cup", "Google Fair").
        while seg and (
            not seg[-1].word
            or seg[-1].low in EVENT_HEADS
            or seg[-1].low in doc.lower
            or gazetteer().is_common(seg[-1].low)
            or seg[-1].text in CONNECTORS
            or seg[-1].text in DEMONYMS
            or seg[-1].low in HEAD_TITLES  # "Nairobi CEO Summit"
        ):
            seg = seg[:-1]
        seg = _trim(seg)
        if not seg:
            return out
        lead = doc.body[seg[0].start : seg[-1].end]
        if len(seg) == 1 and not (
            lead.isupper() or gazetteer().places.get(lead, 0) >= 100_000 or doc.mid[lead] > 1
        ):
            return out  # "Spring Festival": "Spring" is no name of its own
        words = [t for t in seg if t.word]
        lows = [t.low for t in words]
        full = doc.body[seg[0].start : seg[-1].end]
    if not cue and not any(w in ORG_HEADS for w in lows) and full not in gazetteer().places:
        seg = _strip_demonyms(doc, seg)
        if not seg:
            return out
    return out + _split_and(doc, seg, cue, initial and seg[0] is first)


def _strip_demonyms(doc: _Doc, seg: list[_Tok]) -> list[_Tok]:
    """Nationality adjectives are cues, not names ("Australian", "South Korean")."""
    words = [t for t in seg if t.word]
    if (
        not words
        or any(t.low in ORG_HEADS for t in words)
        or _span(doc, words) in gazetteer().places
    ):
        return seg
    k = 0
    while k < len(words) and (
        words[k].text in DEMONYMS
        or (words[k].low in COMPASS and k + 1 < len(words) and words[k + 1].text in DEMONYMS)
    ):
        k += 1
    if k == len(words):
        return []
    return _trim(seg[seg.index(words[k]) :]) if k else seg


def _split_and(doc: _Doc, seg: list[_Tok], cue: str, initial: bool) -> list[Mention]:
    """ "Scientology on French television": "on" joins words only inside an organisation;
    an unsplit "A and B" reads as one organisation ("Globe and Mail")."""
    texts = [t.text for t in seg]
    if "on" in texts:
        i = texts.index("on")
        if not any(_norm(t) in ORG_HEADS for t in texts[:i]):
            left, right = _trim(seg[:i]), _trim(seg[i + 1 :])
            return _split_and(doc, left, cue, initial) + _split_and(doc, right, cue, False)
    seg = _strip_demonyms(doc, seg)
    if not seg:
        return []
    joined = "and" in texts and "of" not in texts and "for" not in texts
    return _split_places(doc, seg, cue or ("org" if joined else ""), initial)


def _org_pair(texts: list[str]) -> bool:
    """ "Council of Europe and the Commonwealth of ...": two heads, two organisations."""
    i = texts.index("and")
    return any(_norm(t) in ORG_HEADS for t in texts[:i]) and any(
        _norm(t) in ORG_HEADS for t in texts[i + 1 :]
    )


def _split_places(doc: _Doc, seg: list[_Tok], cue: str, initial: bool) -> list[Mention]:
    """Names run together without punctuation: "United States Hamdullah Mohib"."""
    if any("-" in t.text for t in seg):
        pair = _hyphen_places(doc, seg)
        if pair:
            return pair
    places = gazetteer().places
    words = [t for t in seg if t.word]
    n = len(words)
    if n > 1 and len(seg) == n and _span(doc, words) not in places:
        # "United States Hamdullah Mohib": a country, then a name without heads
        for k in range(n - 1, 0, -1):
            if places.get(_span(doc, words[:k]), 0) >= BIG_PLACE and not any(
                t.low in ORG_HEADS or t.low in PLACE_HEADS_STRONG for t in words[k:]
            ):
                return _split_places(doc, words[:k], cue, initial) + _split_places(
                    doc, words[k:], cue, False
                )
    m = _classify(doc, seg, cue, initial)
    if m.strong or m.kind == "place" or len(m.words) < 2:
        return [m]
    if any(not t.word for t in seg):
        return [m]
    cuts = [k for k in range(1, n) if places.get(_span(doc, words[k:]), 0) >= BIG_PLACE]
    cuts += [k for k in range(n - 1, 0, -1) if places.get(_span(doc, words[:k]), 0) >= BIG_PLACE]
    if n > 1 and words[-1].text.isupper() and places.get(_span(doc, words[:-1]), 0) >= 100_000:
        cuts.append(n - 1)  # "Nairobi UNEP": a place, then an acronym
    if cuts:
        k = cuts[0]
        return _split_places(doc, words[:k], cue, initial) + _split_places(
            doc, words[k:], cue, False
        )
    return [m]


def _hyphen_places(doc: _Doc, seg: list[_Tok]) -> list[Mention]:
    """ "U.S.-South Korea talks", "Kenya-Uganda border": two places, not one name."""
    body = doc.body
    if body[seg[0].start : seg[-1].end] in gazetteer().places:  # "Asia-Pacific"
        return []
    if seg[0].word and "-" in seg[0].text:
        cut = seg[0].start + seg[0].text.index("-")
        left = (seg[0].start, cut)
        right = (cut + 1, seg[-1].end)
    else:
        dash = next((i for i, t in enumerate(seg) if t.text == "-"), 0)
        if not 0 < dash < len(seg) - 1:
            return []
        left = (seg[0].start, seg[dash - 1].end)
        right = (seg[dash + 1].start, seg[-1].end)
    places = gazetteer().places
    out = []
    for a, b in (left, right):
        text = body[a:b]
        if text not in EXTRA_PLACE_ACRONYMS and places.get(text, 0) < 100_000:
            return []
        m = Mention(a, b, text, text.split())
        m.kind, m.strong = "place", True
        m.heading = doc.in_heading(a)
        out.append(m)
    return out


def _span(doc: _Doc, words: list[_Tok]) -> str:
    return doc.body[words[0].start : words[-1].end]


def _classify(doc: _Doc, seg: list[_Tok], cue: str, initial: bool) -> Mention:
    gz = gazetteer()
    body = doc.body
    start, end = seg[0].start, seg[-1].end
    text = body[start:end]
    words = [t.text for t in seg if t.word]
    lows = [_norm(w) for w in words]
    m = Mention(start, end, text, words)
    m.initial = initial and not _confirmed(doc, words[0])
    m.heading = doc.in_heading(start)
    single = len(words) == 1
    w0 = words[0]
    caps = all(w.isupper() for w in words)
    pop = gz.places.get(text, 0)
    if cue == "person":
        m.kind, m.strong = cue, True
    elif single and (w0.rstrip("s") in _NOT_ACRONYMS or _ROMAN_OR_CODE.fullmatch(w0)):
        m.kind = ""
    elif single and (w0 in EXTRA_PLACE_ACRONYMS):
        m.kind, m.strong = "place", True
    elif single and caps and len(w0.replace(".", "")) <= 6 and len(w0) > 1:
        m.kind, m.strong, m.acronym = "org", True, True
    elif caps and (len(words) > 1 or len(w0) > 6):
        title = " ".join(w.title() for w in words)
        if gz.places.get(title, 0) >= 100_000:
            m.kind, m.strong = "place", True
        else:
            m.kind = ""
    elif pop >= BIG_PLACE or (
        lows[-1] in PLACE_HEADS_STRONG
        and not single
        and not (lows[-1] in AREA_HEADS and any(w in ORG_HEADS for w in lows))
    ):
        # a country before the team head: "United States" is no "United"
        m.kind, m.strong = "place", True
    elif any(w in ORG_HEADS for w in lows):
        m.kind, m.strong = "org", True
    elif pop and (not single or pop >= 100_000) and (text not in gz.given or pop >= 1e6):
        m.kind, m.strong = "place", pop >= BIG_PLACE or not single
    elif _demonym_noun(text) or (single and _demonym_adjective(doc, seg[0])):
        m.kind = ""
    elif cue:
        m.kind = cue
    elif (
        (not single and (lows[0] in PLACE_PREFIXES or lows[0] in COMPASS))
        or _place_context(doc, start, end, single)
        or _PLACE_NOUN_AFTER.match(body, end)
    ):
        m.kind, m.cued = "place", True
    elif w0 in gz.given and lows[0] not in doc.lower:
        m.kind, m.strong = "person", not single
    elif not single and (
        _SAID.match(body, end) or _SAID_BEFORE.search(body, max(0, start - 20), start)
    ):
        m.kind, m.cued = "person", True
    elif single and text in gz.places:
        m.kind = "place"
    elif single:
        common = gz.is_common(lows[0]) and (doc.mid[w0] < 2 or lows[0] in doc.lower)
        # "Polaroid" and "Polaroids" both: a thing that is counted, not a name
        counted = (w0 + "s") in doc.mid or (w0.endswith("s") and w0[:-1] in doc.mid)
        m.kind = "" if common or counted else "org"
    elif (
        sum(gz.is_common(w) for w in lows) >= max(2, len(lows) - 1) or lows[0] in NOT_NAMES
    ) and not any(w in gz.given for w in words):
        m.kind = ""  # "Gross Domestic Product", "Internet Explorer"
    elif (
        any(not t.word for t in seg)
        or any(w in doc.lower for w in lows)
        or any(w.isupper() and not _INITIALS.fullmatch(w) for w in words)
    ):
        m.kind = "org"
    else:
        m.kind = "person"
    return m


_DEMONYM_ENDINGS = ("an", "ian", "ese", "ish", "i", "en", "ic")


def _demonym_adjective(doc: _Doc, tok: _Tok) -> bool:
    """ "Chechen voters", "Zambian officials": an unknown word shaped like a nationality, used
    before a common noun, that shares its stem with a place."""
    text = tok.text
    plural = text.endswith(("ans", "ians", "eans"))
    if not (plural or text.endswith(_DEMONYM_ENDINGS)) or len(text) < 5:
        return False
    nxt = doc.body[tok.end : tok.end + 2]
    if not plural and not (nxt[:1] == " " and nxt[1:2].islower()):
        return False
    stem = text[:4]
    return stem in _big_place_stems() or any(
        w != text and w.startswith(stem) for w in doc.mid_stems.get(stem, ())
    )


@lru_cache(maxsize=1)
def _big_place_stems() -> frozenset[str]:
    return frozenset(p[:4] for p, pop in gazetteer().places.items() if pop >= BIG_PLACE)


def _demonym_noun(text: str) -> bool:
    """ "New Zealander", "Londoners": people from a place, not a name."""
    places = gazetteer().places
    for suffix in ("ers", "er", "s"):
        if text.endswith(suffix) and text[: -len(suffix)] in places:
            return True
    return False


def _place_context(doc: _Doc, start: int, end: int, single: bool) -> bool:
    """ "X, Texas" or "in X" where X is not otherwise known."""
    body = doc.body
    if single and body.startswith(", ", end):
        nxt = re.match(rf"[{_UP}][\w.]*(?: [{_UP}][\w.]*)?", body[end + 2 : end + 40])
        if nxt and gazetteer().places.get(nxt.group(), 0) >= BIG_PLACE:
            return True
    return single and bool(_IN_BEFORE.search(body, max(0, start - 12), start))
