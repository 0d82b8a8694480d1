"""Typing one candidate name: person, place, organisation or nothing, from its words and
the text around it."""

from __future__ import annotations

import re

from reader.core.analysis.entities.context import (
    CITED,
    PERSON_AFTER,
    PLACE_NOUN_AFTER,
    SAID,
    SAID_BEFORE,
    introduced_as_work,
    org_context,
    place_context,
)
from reader.core.analysis.entities.demonyms import demonym_adjective, demonym_noun
from reader.core.analysis.entities.doc import Doc, Tok, confirmed, norm, span
from reader.core.analysis.entities.gazetteer import (
    AREA_HEADS,
    BIG_PLACE,
    COMPASS,
    DEMONYMS,
    EVENT_HEADS,
    EXTRA_PLACE_ACRONYMS,
    MONTHS,
    NOT_NAMES,
    ORG_HEADS,
    PLACE_HEADS_STRONG,
    PLACE_PREFIXES,
    gazetteer,
    word_set,
)
from reader.core.analysis.entities.names import Mention

NOT_ACRONYMS = word_set(
    """CEO CFO COO GDP ICT TV AI PM AM OK ID IT PC DNA HIV AIDS COVID SARS GPS USB PDF URL
    HTML FAQ DIY VIP MP MPs PR HR IQ UV EV LGBT LGBTQ CCTV ATM SUV RPG RIP AD BC CE BCE UTC
    GMT EST PST EDT EDT CST PDT II III IV VI VII VIII IX XI XII I A"""
)
_ROMAN_OR_CODE = re.compile(r"[IVXLC]+|[A-Z]+\d[\w-]*")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_FIGURE_BEFORE = re.compile(r"(?<![\w.])(?!(?:1[5-9]|20)\d\d\s)\d[\d,]*(?:\.\d+)? $")
# Plural words that end place names rather than teams ("Boston Gardens", "Seattle Docks").
_PLURAL_PLACE_WORDS = word_set(
    """gardens woods lakes keys plains rapids sands apartments docks rocks fields meadows
    shores cliffs gates downs flats pines oaks acres mills wells ponds terraces courts"""
)
_NUMBERED = re.compile(r"[ \t]\d")
# A word with a capital inside that no surname prefix explains ("YouTube", not "McDonald").
_CAMEL = re.compile(r"(?!Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|O'|D')[A-Z][a-z]+[A-Z]")
_BINOMIAL = re.compile(r" ([a-z]{3,}(?:a|us|um|is|ae|ii|ensis|i))\b")
_TEAM = re.compile(r"[A-Z][a-z]*[a-rt-z]s|Sox")
# Endings that only surnames have (Slavic patronymic and family suffixes).
_SURNAME_SHAPE = re.compile(r"[a-z]{2}(?:ov|ev|ova|eva|sky|ski|skiy|enko|vich|wicz|czyk)$")


def classify(doc: Doc, seg: list[Tok], cue: str, initial: bool) -> Mention:
    gz = gazetteer()
    body = doc.body
    start, end = seg[0].start, seg[-1].end
    text = body[start:end]
    words = [t.text for t in seg if t.word]
    lows = [norm(w) for w in words]
    m = Mention(start, end, text, words)
    m.initial = (  # "K.C. Maurer" at a paragraph start is still a name
        initial and not confirmed(doc, words[0]) and not _INITIALS.fullmatch(words[0])
    )
    m.heading = doc.in_heading(start)
    single = len(words) == 1
    w0 = words[0]
    caps = all(w.isupper() for w in words)
    pop = gz.places.get(text, 0)
    if cue == "person":
        m.kind, m.strong = cue, True
    elif any(t.text == "&" for t in seg) and pop < BIG_PLACE:  # "AT&T", "Procter & Gamble"
        m.kind, m.strong = "org", True
    elif single and (
        w0.rstrip("s") in NOT_ACRONYMS
        or _ROMAN_OR_CODE.fullmatch(w0)
        or len(w0) == 1
        or lows[0] in MONTHS
        or lows[0] in COMPASS
        or lows[0] in EVENT_HEADS
    ):
        m.kind = ""
    elif (single and w0 in EXTRA_PLACE_ACRONYMS) or (
        caps and gz.places.get(" ".join(w.title() for w in words), 0) >= 100_000
    ):  # "US", "KENYA", "NAIROBI": a place in capitals
        m.kind, m.strong = "place", True
    elif single and caps and _FIGURE_BEFORE.search(body, max(0, start - 12), start):
        m.kind = ""  # a unit or currency after a figure: "225 DKK", "40 GB"
    elif single and caps and len(w0.replace(".", "")) <= 6 and len(w0) > 1:
        m.kind, m.strong, m.acronym = "org", True, True
    elif caps and (len(words) > 1 or len(w0) > 6):
        m.kind = ""  # a shouted phrase, not a name
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
    elif demonym_noun(text) or (
        single and (w0 in DEMONYMS or demonym_adjective(doc, seg[0]))
    ):  # "Londoners", "Hong Kong Chinese", "Chechen voters"
        m.kind = ""
    elif cue:
        m.kind = cue
    elif introduced_as_work(doc, end):
        m.kind, m.cued = "", True  # and so is every weak mention of the name
    elif CITED.match(body, end) and not caps and gz.places.get(w0, 0) < 100_000:
        # an author cited by year (but "Pittsburgh Pirates (2012)" is a team's years)
        m.kind, m.cued = "person", True
    elif single and PERSON_AFTER.match(body, end) and gz.places.get(w0, 0) < 100_000:
        m.kind, m.cued = "person", True  # "Pachomius, who", "Warhol's mother"
    elif (
        (not single and (lows[0] in PLACE_PREFIXES or lows[0] in COMPASS))
        or place_context(doc, start, end, single)
        or PLACE_NOUN_AFTER.match(body, end)
    ):
        m.kind, m.cued = "place", True
    elif single and org_context(doc, start, end):  # "Kia dealers", "shares of Vantor"
        m.kind, m.cued = "org", True
    elif w0 in gz.given and lows[0] not in doc.lower:
        m.kind, m.strong = "person", not single
    elif not single and (
        SAID.match(body, end) or SAID_BEFORE.search(body, max(0, start - 20), start)
    ):
        m.kind, m.cued = "person", True
    elif single and pop >= 50_000:
        m.kind = "place"
    elif single:
        common = gz.is_common(lows[0]) and (
            doc.mid[w0] < 2
            or lows[0] in doc.lower
            or _NUMBERED.match(body, end) is not None  # "Rule 37", "Listing 1", "Wave 4"
        )
        # "Walkman" and "Walkmans" both: a thing that is counted, not a name
        counted = (w0 + "s") in doc.mid or (w0.endswith("s") and w0[:-1] in doc.mid)
        if common or counted:
            m.kind = ""
        elif _species(body, end):
            m.kind = ""  # "Formica fusca", "Beauveria bassiana": a species
        elif w0 in gz.surnames or _SURNAME_SHAPE.search(w0):
            m.kind = "person"  # "Gorbachev", "Kowalczyk", "Tkachenko": a surname's ending
        else:  # an unknown word: a product, a work or a god as often as a body
            m.kind = "org" if doc.caps[w0] > 1 else ""
            m.guess = bool(m.kind)
    elif (
        sum(gz.is_common(w) for w in lows) >= max(2, len(lows) - 1) or lows[0] in NOT_NAMES
    ) and not any(w in gz.given for w in words):
        m.kind = ""  # "Gross Domestic Product", "Internet Explorer"
    elif any(not t.word for t in seg) or (w0.isupper() and not _INITIALS.fullmatch(w0)):
        m.kind = "org"  # "Procter-Gamble", "UNC Greensboro"
    elif any(w in doc.lower for w in lows) or any(
        w.isupper() and len(w) > 1 and not _INITIALS.fullmatch(w) for w in words[1:]
    ):
        m.kind = ""  # no head: a title, a product or a law ("Silver Clouds", "Windows XP")
    elif (
        gz.places.get(w0, 0) >= 100_000
        and _TEAM.fullmatch(words[-1])
        and lows[-1] not in _PLURAL_PLACE_WORDS
        and words[-1] not in gz.places
    ):
        m.kind = "org"  # a town's team: "Pittsburgh Pirates", "Boston Red Sox"
    elif (
        gz.places.get(w0, 0) >= 100_000
        and all(t.word and "-" not in t.text for t in seg)
        and not any(w in gz.given or w in gz.surnames for w in words[1:])
        and w0 not in gz.given
    ):
        m.kind = "place"  # a town's name before a word that is no given name: "York Minster"
    elif gz.places.get(words[-1], 0) >= 100_000 and all(
        gz.is_common(low) and w not in gz.given
        for w, low in zip(words[:-1], lows[:-1], strict=True)
    ):
        m.kind = "place"  # "Old Oakland", "Downtown Tulsa": a part of a known town
    elif any(_CAMEL.match(w) for w in words):
        m.kind = "org"  # "YouTube Rewind", "WestJet Airlines": a brand, not a person
    else:
        m.kind, m.guess = "person", True
    return m


def _species(body: str, end: int) -> bool:
    """A lone capitalised word before a Latin-looking lower-case word that is no English
    word: a genus and its species."""
    got = _BINOMIAL.match(body, end)
    return got is not None and not gazetteer().is_common(got.group(1))


def coordinated(doc: Doc, pair: list[Mention]) -> list[Mention]:
    """ "Hyundai and Kia": names joined by "and" name things of one kind. A lone given name
    beside a lone unknown word is a brand, not a person, and so is the unknown word."""
    gz = gazetteer()
    if len(pair) != 2 or any(len(m.words) != 1 or m.strong or m.cued for m in pair):
        return pair
    given = [m for m in pair if m.kind == "person" and m.words[0] in gz.given]
    unknown = [
        m
        for m in pair
        if m.kind in ("", "org")
        and not (m.words[0] in gz.given or m.words[0] in gz.surnames)
        and m.words[0] not in gz.places
        and not gz.is_common(norm(m.words[0]))
    ]
    if len(given) == 1 and len(unknown) == 1:
        for m in pair:
            m.kind = "org"
    return pair


def split_places(doc: Doc, seg: list[Tok], cue: str, initial: bool) -> list[Mention]:
    """Names run together without punctuation: "United States Ana Lisboa"."""
    if any("-" in t.text for t in seg):
        pair = _hyphen_places(doc, seg)
        if pair:
            return pair
    places = gazetteer().places
    words = [t for t in seg if t.word]
    n = len(words)
    if n > 1 and len(seg) == n and span(doc, words) not in places:
        # "United States Ana Lisboa": a country, then a name without heads
        for k in range(n - 1, 0, -1):
            if places.get(span(doc, words[:k]), 0) >= BIG_PLACE and not any(
                t.low in ORG_HEADS or t.low in PLACE_HEADS_STRONG for t in words[k:]
            ):
                return split_places(doc, words[:k], cue, initial) + split_places(
                    doc, words[k:], cue, False
                )
    m = classify(doc, seg, cue, initial)
    if m.strong or m.kind == "place" or len(m.words) < 2:
        return [m]
    if any(not t.word for t in seg):
        return [m]
    cuts = [k for k in range(1, n) if places.get(span(doc, words[k:]), 0) >= BIG_PLACE]
    cuts += [k for k in range(n - 1, 0, -1) if places.get(span(doc, words[:k]), 0) >= BIG_PLACE]
    if n > 1 and words[-1].text.isupper() and places.get(span(doc, words[:-1]), 0) >= 100_000:
        cuts.append(n - 1)  # "Nairobi UNEP": a place, then an acronym
    if cuts:
        k = cuts[0]
        return split_places(doc, words[:k], cue, initial) + split_places(doc, words[k:], cue, False)
    return [m]


def _hyphen_places(doc: Doc, seg: list[Tok]) -> list[Mention]:
    """ "U.S.-Kenya talks", "Kenya-Uganda border": two places, not one name."""
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
