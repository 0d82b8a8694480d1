"""From a capitalised run to candidate names: sentence-initial words, titles, nationality
adjectives, coordinations, events and run-together names are peeled off."""

from __future__ import annotations

import re

from reader.core.analysis.entities.classify import NOT_ACRONYMS, classify, coordinated
from reader.core.analysis.entities.context import before_number_word
from reader.core.analysis.entities.demonyms import demonym_adjective
from reader.core.analysis.entities.doc import Doc, Tok, confirmed, norm, span, trim
from reader.core.analysis.entities.gazetteer import (
    BIG_PLACE,
    COMPASS,
    DEMONYMS,
    EVENT_HEADS,
    HEAD_TITLES,
    MONTHS,
    NOT_NAMES,
    ORG_HEADS,
    PLACE_HEADS_STRONG,
    STOPWORDS,
    TITLE_MODIFIERS,
    gazetteer,
    institutions,
    word_set,
)
from reader.core.analysis.entities.names import Mention, term_word
from reader.core.analysis.entities.peel import peel_event, peel_title, split_and, strip_demonyms

_REGIONS = word_set("north south east west northeast northwest southeast southwest midwest")
_THE_BEFORE = re.compile(r"\b[Tt]he $")
_YEAR_AFTER = re.compile(r"\s*(?:\(|,\s*)(?:19|20)\d\d[a-z]?[),;:]")
_ACRONYM_AFTER = re.compile(r"[ \t]*\(([A-Z][A-Za-z.&]{1,9})\)")


def _expansion(doc: Doc, seg: list[Tok]) -> Mention | None:
    """ "General Agreement on Tariffs and Trade (GATT)": a name spelled out before its acronym
    is one organisation (or place), whatever its inner words."""
    got = _ACRONYM_AFTER.match(doc.body, seg[-1].end)
    words = [t for t in seg if t.word]
    if not got or len(words) < 2 or got.group(1) in NOT_ACRONYMS:  # "(GDP)" names no body
        return None
    initials = "".join(p[0] for t in words for p in t.text.split("-") if p[:1].isupper())
    if initials.upper() != got.group(1).replace(".", "").upper():
        return None
    if all(t.text[:1].isupper() for t in seg) and all(term_word(t.text, doc.body) for t in words):
        return None  # "Compact Fluorescent Light (CFL)": a term, not a body
    start, end = seg[0].start, seg[-1].end
    text = doc.body[start:end]
    m = Mention(start, end, text, [t.text for t in words])
    m.kind = "place" if gazetteer().places.get(text, 0) >= BIG_PLACE else "org"
    m.strong = True
    m.heading = doc.in_heading(start)
    return m


def _split_coordination(doc: Doc, seg: list[Tok]) -> list[list[Tok]]:
    """ "A and B" as two names ("Kenya and Uganda", "Secretary X and Minister Y") or one
    ("Globe and Mail", "Department of Health and Human Services")."""
    texts = [t.text for t in seg]
    if "and" not in texts:
        return []
    i = texts.index("and")
    left, right = trim(seg[:i]), trim(seg[i + 1 :])
    if _two_names(doc, texts, left, right):
        return [left, right]
    return []


def _two_names(doc: Doc, texts: list[str], left: list[Tok], right: list[Tok]) -> bool:
    if not left or not right:
        return True
    if _org_pair(texts):
        return True
    if "of" in texts[: texts.index("and")] or "for" in texts:
        # "Department of X and Y" is one; "A of X and B of Y" two.
        return "of" in texts[texts.index("and") :] or not any(t.low in ORG_HEADS for t in left)
    if (
        len(left) == 1
        and left[0].text in gazetteer().places
        and not left[0].text.isupper()
        and texts[texts.index("and") + 1] != "the"
        and any(t.low in ORG_HEADS for t in right)
    ):
        return False  # "Newfoundland and Labrador Court of Appeal": one body of two places
    if len(left) > 1 or len(right) > 1:
        return True
    gz = gazetteer()
    return any(
        t.text in gz.places
        or t.text in gz.given
        or t.text in DEMONYMS
        or demonym_adjective(doc, t)
        or doc.mid[t.text] > 1  # also named on its own elsewhere
        for t in left + right
    )


def _is_stop(tok: Tok) -> bool:
    low = tok.low
    if tok.text.isupper() and len(tok.text) > 1:  # "US" is a place, not "us"
        return len(low) > 2 and low in STOPWORDS and tok.text not in institutions()
    return (
        low in STOPWORDS
        or tok.text.startswith(("I'", "I’", "No."))
        or low.endswith((".com", ".org", ".net", ".gov", ".edu", ".co.uk"))  # a web address
    )


def candidates(doc: Doc, seg: list[Tok]) -> list[Mention]:
    """The names in one capitalised run (none, one or several)."""
    seg = trim(seg)
    if not seg or before_number_word(doc, seg[-1].end):
        return []
    first = seg[0]
    initial = doc.sentence_initial(first.start)
    seg = _drop_leading_common(doc, seg, first, initial)
    if not seg or (len(seg) == 1 and seg[0].low in NOT_NAMES):
        return []
    if len(seg) > 1 and seg[0].low in TITLE_MODIFIERS and seg[1].text in gazetteer().given:
        seg = seg[1:]  # "Treasury Evans Chibiliti" after "Secretary to the"
    if len(seg) == 1 and "-" not in seg[0].text:  # the common case: one word
        tok = seg[0]
        if tok.low in _REGIONS and _THE_BEFORE.search(doc.body, max(0, tok.start - 4), tok.start):
            m = Mention(tok.start, tok.end, tok.text, [tok.text])
            m.kind, m.cued = "place", True  # "the West", "the Northeast": a region
            m.heading = doc.in_heading(tok.start)
            return [m]
        if (
            tok.text in DEMONYMS
            or tok.low in HEAD_TITLES
            or tok.low in MONTHS
            or tok.low in COMPASS
            or tok.low in EVENT_HEADS
            or (
                tok.low in ORG_HEADS
                and tok.low in doc.lower
                and not _THE_BEFORE.search(doc.body, max(0, tok.start - 4), tok.start)
            )  # "Front", but "the Court" and "the Church" name the one body
        ):
            return []
        return [classify(doc, seg, "", initial and tok is first)]
    expanded = _expansion(doc, seg)
    if expanded:
        return [expanded]
    parts = _split_for(doc, seg)
    if parts:
        return [m for part in parts for m in candidates(doc, part)]
    authors = _cited_authors(doc, seg)
    if authors:
        return [classify(doc, part, "person", False) for part in authors]
    parts = _split_of(doc, seg)
    if parts:
        return [m for part in parts for m in candidates(doc, part)]
    parts = _split_coordination(doc, seg)
    if parts:
        return coordinated(doc, [m for part in parts for m in candidates(doc, part)])
    while len(seg) > 1 and seg[-1].low in HEAD_TITLES:  # "State Department spokesman"
        seg = trim(seg[:-1])
    nxt = doc.body[seg[-1].end : seg[-1].end + 2].strip()
    if seg[-1].low in MONTHS and len(seg) > 1 and nxt[:1].isdigit():
        seg = trim(seg[:-1])  # "Governor Ana Lisboa May 7"
    out, seg, cue = peel_title(doc, seg, first, initial)
    if not seg:
        return out
    if not cue:
        seg = peel_event(doc, seg)
        if not seg:
            return out
        seg = strip_demonyms(doc, seg)
        if not seg:
            return out
        words = [t for t in seg if t.word]
        if (
            len(words) > 1
            and not any(t.low in ORG_HEADS for t in words)
            and span(doc, words) not in gazetteer().places
            and words[0].text.isupper()
            and 1 < len(words[0].text) <= 6
            and all(gazetteer().is_common(t.low) for t in words[1:])
        ):
            seg = seg[:1]  # "NATO Global Challenge": the acronym is the name
    return out + split_and(doc, seg, cue, initial and seg[0] is first)


def _drop_leading_common(doc: Doc, seg: list[Tok], first: Tok, initial: bool) -> list[Tok]:
    """Drop function words and sentence-initial common words ("However", "Establishing")."""
    while seg:
        low = seg[0].low
        if low in HEAD_TITLES and len(seg) > 1 and seg[1].word:
            break  # "Ms. Goldsmith": the title is a cue (peel_title), not a word to drop
        if _is_stop(seg[0]) or (low in MONTHS and (len(seg) == 1 or not seg[1].word)):
            seg = trim(seg[1:])
            continue
        at_start = initial and seg[0] is first and not (len(seg) > 1 and low in ORG_HEADS)
        parts = low.split("-")  # "Nineteen-year-old Zhang", "Co-founder"
        if (
            at_start
            and (
                low in doc.lower
                or gazetteer().is_common(low)
                or (len(parts) > 1 and any(gazetteer().is_common(p) for p in parts))
            )
            and not confirmed(doc, seg[0].text)
        ) or (  # "Leaving", "Usually": verb and adverb forms, unless seen as a name twice
            (at_start or len(seg) == 1)
            and low.endswith(("ing", "ly"))
            and not confirmed(doc, seg[0].text, 2)
        ):
            seg = trim(seg[1:])
            continue
        break
    return seg


def _split_for(doc: Doc, seg: list[Tok]) -> list[list[Tok]]:
    """ "MLB for the Pittsburgh Pirates", "China for the Institute of History": "for" joins
    two names unless a body's head comes before it ("Centre for Irish Studies")."""
    texts = [t.text for t in seg]
    if "for" not in texts:
        return []
    i = texts.index("for")
    left, right = trim(seg[:i]), trim(seg[i + 1 :])
    if not left or not right or any(t.low in ORG_HEADS for t in left):
        return []
    lead = doc.body[left[0].start : left[-1].end]
    if lead in gazetteer().places or lead.isupper() or texts[i + 1 : i + 2] == ["the"]:
        return [left, right]
    return []


def _cited_authors(doc: Doc, seg: list[Tok]) -> list[list[Tok]]:
    """ "Marsden & Mackey (2014)", "Polio and Gass, 1997)": two authors cited by year."""
    texts = [t.text for t in seg]
    joint = "&" if "&" in texts else "and" if "and" in texts else ""
    if not joint or not _YEAR_AFTER.match(doc.body, seg[-1].end):
        return []
    i = texts.index(joint)
    left, right = trim(seg[:i]), trim(seg[i + 1 :])
    if not left or not right or any(t.low in ORG_HEADS for t in seg if t.word):
        return []
    return [left, right]


def _split_of(doc: Doc, seg: list[Tok]) -> list[list[Tok]]:
    """ "Nick Rhodes of Duran Duran", "Ana Lisboa of Portugal": a name, then where it is from
    (but "Bank of America", "Gulf of Mexico" are one name)."""
    texts = [t.text for t in seg]
    if "of" not in texts:
        return []
    i = texts.index("of")
    after = doc.body[seg[i + 1].start : seg[-1].end] if i + 1 < len(seg) else ""
    gz = gazetteer()
    if (
        i >= 1
        and (
            texts[0] in gz.given
            or gz.places.get(after, 0) >= 100_000
            or (2 <= i <= 3 and any(t.low in ORG_HEADS for t in seg[i + 1 :]))
        )
        and not any(
            t.low in ORG_HEADS or t.low in HEAD_TITLES or t.low in PLACE_HEADS_STRONG
            for t in seg[:i]
        )
    ):
        return [seg[:i], trim(seg[i + 1 :])]
    return []


def _org_pair(texts: list[str]) -> bool:
    """ "Council of Europe and the Commonwealth of ...": two heads, two organisations."""
    i = texts.index("and")
    return any(norm(t) in ORG_HEADS for t in texts[:i]) and any(
        norm(t) in ORG_HEADS for t in texts[i + 1 :]
    )
