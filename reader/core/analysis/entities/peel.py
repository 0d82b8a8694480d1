"""Peeling a candidate name: titles before a person ("Kenyan President Daniel Otieno"),
event heads after a name ("UEFA Nations Cup"), nationality adjectives ("South Korean"), and
"on" or "and" between names."""

from __future__ import annotations

from reader.core.analysis.entities.classify import split_places
from reader.core.analysis.entities.doc import Doc, Tok, norm, span, trim
from reader.core.analysis.entities.gazetteer import (
    COMPASS,
    CONNECTORS,
    DEMONYMS,
    EVENT_HEADS,
    HEAD_TITLES,
    ORG_HEADS,
    TITLE_MODIFIERS,
    gazetteer,
)
from reader.core.analysis.entities.names import Mention

_NAME_SUFFIXES = frozenset(["jr", "sr", "ii", "iii", "iv"])


def peel_title(
    doc: Doc, seg: list[Tok], first: Tok, initial: bool
) -> tuple[list[Mention], list[Tok], str]:
    """Titles: keep what follows the last title word ("Kenyan President Daniel Otieno") as a
    person; a place or organisation before the title is a name of its own ("U.S.
    President"). Returns the names found before it, the rest, and its cue."""
    words = [t for t in seg if t.word]
    for i in range(len(seg) - 1, -1, -1):
        tok = seg[i]
        if not (tok.word and tok.low in HEAD_TITLES and i < len(seg) - 1):
            continue
        rest = seg[i + 1 :]
        # "King of Athens", "Emperor of the United States": the realm, not the person
        realm = rest[0].text == "of"
        if realm and len(rest) > 2 and rest[1].low in TITLE_MODIFIERS:
            rest, realm = rest[2:], False  # "Secretary of State John Kerry"
        rest = trim(rest)
        rest_lows = [t.low for t in rest if t.word]
        if all(w in _NAME_SUFFIXES for w in rest_lows):
            continue  # "Martin Luther King Jr.": "King" is the name here
        if (
            rest_lows
            and not any(t.text in ("of", "on", "and", "for", "the", "&") for t in rest)
            and not any(w in ORG_HEADS or w in HEAD_TITLES or w in EVENT_HEADS for w in rest_lows)
            and not all(w in doc.lower for w in rest_lows)
        ):
            k = i
            while k > 0 and (
                seg[k - 1].low in TITLE_MODIFIERS
                or seg[k - 1].low in HEAD_TITLES
                or not seg[k - 1].word
            ):
                k -= 1
            head = trim(strip_demonyms(doc, seg[:k]))
            out = split_and(doc, head, "", initial and head[0] is first) if head else []
            return out, rest, "" if realm else "person"
        heads = [j for j, t in enumerate(rest) if t.word and t.low in ORG_HEADS]
        if heads and seg[i + 1].text in ("of", "at") and heads[-1] < len(rest) - 1:
            # "CEO of the Harbour Council Ana Lisboa": the body, then its officer.
            org, person = trim(rest[: heads[-1] + 1]), trim(rest[heads[-1] + 1 :])
            if person and person[0].word and person[0].low not in CONNECTORS:
                found = split_and(doc, org, "", False) + split_and(doc, person, "person", False)
                return found, [], ""
    if all(t.low in HEAD_TITLES or t.low in TITLE_MODIFIERS for t in words):
        return [], [], ""  # "The President", "Prime Minister"
    return [], seg, ""


def peel_event(doc: Doc, seg: list[Tok]) -> list[Tok]:
    """Events are not names, but a name may lead them ("UEFA Nations Cup", "Acme Science
    Fair"); "Spring Festival" has none."""
    if len(seg) < 2 or seg[-1].low not in EVENT_HEADS:
        return seg
    gz = gazetteer()
    while seg and (
        not seg[-1].word
        or seg[-1].low in EVENT_HEADS
        or seg[-1].low in doc.lower
        or gz.is_common(seg[-1].low)
        or seg[-1].text in CONNECTORS
        or seg[-1].text in DEMONYMS
        or seg[-1].low in HEAD_TITLES  # "Nairobi CEO Summit"
    ):
        seg = seg[:-1]
    seg = trim(seg)
    if not seg:
        return []
    lead = doc.body[seg[0].start : seg[-1].end]
    if len(seg) == 1 and not (
        lead.isupper() or gz.places.get(lead, 0) >= 100_000 or doc.mid[lead] > 1
    ):
        return []
    return seg


def strip_demonyms(doc: Doc, seg: list[Tok]) -> list[Tok]:
    """Nationality adjectives are cues, not names ("Australian", "South Korean")."""
    words = [t for t in seg if t.word]
    if (
        not words
        or any(t.low in ORG_HEADS for t in words)
        or span(doc, words) in gazetteer().places
        or (  # "Southern Senegal", "Eastern Europe": a part of a known place
            len(words) > 1
            and words[0].low in COMPASS
            and gazetteer().places.get(span(doc, words[1:]), 0) >= 100_000
        )
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
    return trim(seg[seg.index(words[k]) :]) if k else seg


def split_and(doc: Doc, seg: list[Tok], cue: str, initial: bool) -> list[Mention]:
    """ "Vexley on French television": "on" joins words only inside an organisation;
    an unsplit "A and B" reads as one organisation ("Globe and Mail")."""
    texts = [t.text for t in seg]
    if "on" in texts:
        i = texts.index("on")
        if not any(norm(t) in ORG_HEADS for t in texts[:i]):
            left, right = trim(seg[:i]), trim(seg[i + 1 :])
            return split_and(doc, left, cue, initial) + split_and(doc, right, cue, False)
    seg = strip_demonyms(doc, seg)
    if not seg:
        return []
    joined = "and" in texts and "of" not in texts and "for" not in texts
    return split_places(doc, seg, cue or ("org" if joined else ""), initial)
