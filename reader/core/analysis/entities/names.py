"""Canonical names: aliases of one referent within an article and across articles.

"Helena Marchetti", "Governor Marchetti" and a later bare "Marchetti" share the name
"Helena Marchetti"; "Park Min-jun" and "Park Min Jun" normalise equal, and a bare "Park" matches the first
word of a full name as well as the last (East Asian names put the family name first);
"Coastal Fisheries Council (CFC)" gives "CFC" the expansion's name.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from reader.core.analysis.entities.gazetteer import (
    ORG_HEADS,
    PLACE_HEADS_STRONG,
    gazetteer,
    institutions,
    word_set,
)
from reader.core.analysis.model import Entity, EntityKind

__all__ = ["Mention", "merge_aliases", "name_key", "resolve", "term_word"]

_SPACES = re.compile(r"[\s\-‐–]+")


@lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """Comparison form: case-folded, hyphens as spaces, no leading "the", no dots."""
    key = _SPACES.sub(" ", name.casefold().replace(".", "")).strip()
    return key[4:] if key.startswith("the ") else key


def _initials(words: list[str]) -> str:
    """ "Asia-Pacific Economic Cooperation" -> "APEC": each hyphenated part counts."""
    return "".join(p[0] for w in words for p in w.split("-") if p[:1].isupper())


class Mention:
    """A typed candidate before resolution. `strong` says a cue (title, head word,
    gazetteer) decided the kind; weak kinds yield to strong ones for the same name."""

    __slots__ = (
        "_key",
        "acronym",
        "cued",
        "end",
        "guess",
        "heading",
        "initial",
        "kind",
        "start",
        "strong",
        "text",
        "words",
    )

    def __init__(self, start: int, end: int, text: str, words: list[str]) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.words = words
        self.kind = ""
        self.strong = False
        self.cued = False  # context ("in X", "X province", "said X") suggested the kind
        self.acronym = False
        self.guess = False  # typed by a default, for want of any cue
        self.initial = False  # begins a sentence and was not seen capitalised elsewhere
        self.heading = False
        self._key = ""

    def key(self) -> str:
        if not self._key:
            self._key = name_key(self.text)
        return self._key


def _full_names(mentions: list[Mention], out: dict[str, str]) -> None:
    """Add bare first/last word -> full person name to `out`. When several full names
    claim a word, the one mentioned most (then first) takes it: "Kim" stays a person."""
    claims: dict[str, Counter[str]] = {}
    display: dict[str, str] = {}
    for m in mentions:
        key = m.key()
        display.setdefault(key, m.text)
        for word in {m.words[0], m.words[-1]}:
            claims.setdefault(name_key(word), Counter())[key] += 1
    for word, keys in claims.items():
        if word not in out:
            out[word] = display[keys.most_common(1)[0][0]]
    for key, text in display.items():
        out.setdefault(key, text)


_COMPANY_SUFFIXES = frozenset(
    ["inc", "corp", "co", "ltd", "llc", "plc", "ag", "gmbh", "sa", "group", "holdings", "company"]
)


def _company_short_names(main: list[Mention], strong: dict[str, Counter[str]]) -> None:
    """ "Norton Co." then "Norton": the bare name is the company."""
    for m in main:
        if (
            m.kind == "org"
            and len(m.words) > 1
            and m.words[-1].lower().rstrip(".") in _COMPANY_SUFFIXES
        ):
            short = name_key(" ".join(m.words[:-1]))
            strong.setdefault(short, Counter())["org"] += 1


_CUE_WEIGHT = 1000


def _place_prior(main: list[Mention]) -> None:
    """In a text about places (a travel guide: twice as many places known for sure as
    people and bodies), a lone unknown word that only the default made an organisation
    is a place ("Socotra", "Rockridge"). Guessed people stay people: lifting them too
    cost the news texts more than it gave the others."""
    places = sum(1 for m in main if m.strong and m.kind == "place")
    others = sum(1 for m in main if m.strong and m.kind in ("person", "org"))
    if places >= _PLACE_PRIOR * (others + 1):
        for m in main:
            if m.guess and m.kind == "org":
                m.kind = "place"


_PLACE_PRIOR = 2  # places known for sure, per person or body known for sure


def _is_full_name(m: Mention) -> bool:
    return m.kind == "person" and len(m.words) > 1 and not any(w.isupper() for w in m.words)


def resolve(body: str, mentions: list[Mention], headings: list[tuple[int, int]]) -> list[Entity]:
    """Settle kinds and canonical names for one article's mentions."""
    main = [n for m in mentions if not m.heading and m.kind for n in _person_of_org(body, m)]
    _place_prior(main)
    # Lone words set aside as common ("Waters pointed out ...") may still be a surname.
    untyped = [m for m in mentions if not m.heading and not m.kind and len(m.words) == 1]
    people: dict[str, str] = {}
    _full_names([m for m in main if m.strong and _is_full_name(m)], people)
    weak_people = []
    for i, m in enumerate(main):
        if _is_full_name(m) and not m.strong and m.key() not in people:
            if name_key(m.words[0]) in people:  # "Marchetti Walkmans": a known name + a thing
                first = body.find(m.words[0], m.start)
                sub = Mention(first, first + len(m.words[0]), m.words[0], m.words[:1])
                sub.kind = "person"
                main[i] = sub
            else:
                weak_people.append(m)
    claimed_by_strong = set(people)
    # "Stardust is a space capsule": a cue that the name is no person, place or body.
    denied = {m.key() for m in mentions if m.cued and not m.kind}
    _full_names(weak_people, people)
    for m in untyped:
        if m.key() in people and m.words[0][:1].isupper() and not m.cued:
            m.kind = "person"
            main.append(m)
    strong: dict[str, Counter[str]] = {}
    # A context cue ("in X", "X said") outweighs every default guess for the same name.
    weak: dict[str, Counter[str]] = {}
    for m in main:
        level = strong if m.strong else weak
        level.setdefault(m.key(), Counter())[m.kind] += _CUE_WEIGHT if m.cued else 1
    _company_short_names(main, strong)
    names: dict[str, str] = {}
    expansions: dict[str, Mention] = {}
    for m in main:
        if len(m.words) > 1 and m.kind in ("org", "place"):
            tail = body[m.end : m.end + 12]
            got = re.match(r"\s*\(([A-Z][A-Z.&]{1,9})\)", tail)
            if got:
                expansions[got.group(1)] = m
            expansions.setdefault(_initials(m.words), m)
    short_forms = institutions()
    common = _common_acronyms(body)
    common |= _spelt_terms(body, {m.text for m in main if m.acronym} - set(expansions) - common)
    out: list[Mention] = []
    for m in main:
        key = m.key()
        if key in denied and not m.strong and key not in claimed_by_strong:
            # a guessed full name ("Gujjolaay Eegimaa") does not outvote what the text
            # says of the bare word ("Eegimaa is a language")
            continue
        if m.acronym and m.text in expansions:
            full = expansions[m.text]
            m.kind = full.kind
            names[key] = names.get(full.key(), full.text)
        elif m.acronym and m.text in common:
            continue  # "geographic information systems (GIS)": a term, not a name
        elif len(m.words) == 1 and m.text in short_forms and m.kind in ("org", ""):
            m.kind, m.strong = "org", True  # "the Fed", "WHO": a well-known institution
            names[key] = short_forms[m.text]
        elif len(m.words) == 1 and key in people and not (m.strong and m.kind == "place"):
            m.kind = "person"
            names[key] = people[key]
        elif m.kind == "person" and key in people:
            names[key] = people[key]
        elif not m.strong and key in strong:
            m.kind = strong[key].most_common(1)[0][0]
        elif m.initial and not m.strong:
            continue
        elif not m.strong:
            m.kind = weak[key].most_common(1)[0][0]
        out.append(m)
    known: dict[str, Mention] = {}
    for m in out:  # a strong mention speaks for its name in headings
        if m.key() not in known or (m.strong and not known[m.key()].strong):
            known[m.key()] = m
    for m in mentions:
        if m.heading:
            out.extend(_heading_names(m, known, people, body))
    for m in out:  # "Nairobi" rather than "NAIROBI" from a dateline
        have = names.get(m.key())
        if have is None or (have.isupper() and not m.text.isupper()):
            names[m.key()] = m.text
    _short_org_names(out, names)
    ents = [
        Entity(text=m.text, kind=_kind(m.kind), start=m.start, end=m.end, name=names[m.key()])
        for m in out
    ]
    ents.sort(key=lambda e: e.start)
    return ents


def _person_of_org(body: str, m: Mention) -> list[Mention]:
    """ "Cheng Chung-tai of Civic Passion": a full name, then the body they belong to, are
    two entities ("Joan of Arc", one word before "of", stays one)."""
    text = m.text
    at = text.find(" of ")
    if m.kind != "person" or at < 0 or len(text[:at].split()) < 2:
        return [m]
    rest = text[at + 4 :]
    if rest.startswith("the "):
        rest = rest[4:]
    if not rest[:1].isupper():
        return [m]
    left = Mention(m.start, m.start + at, text[:at], text[:at].split())
    left.kind, left.strong = "person", m.strong
    r0 = m.end - len(rest)
    right = Mention(r0, m.end, rest, rest.split())
    right.kind = "place" if gazetteer().places.get(rest, 0) else "org"
    right.strong = True
    return [left, right]


_DEFINED = re.compile(r"((?:[\w-]+\s+){1,8})\(([A-Z][A-Z0-9]{1,7})s?\)")


def _common_acronyms(body: str) -> set[str]:
    """Acronyms the article spells out in lower-case words: "foreign direct investment
    (FDI)", "light-emitting diodes (LEDs)"."""
    out: set[str] = set()
    for got in _DEFINED.finditer(body):
        acr = got.group(2)
        words = got.group(1).split()
        for n in range(1, len(words) + 1):
            tail = words[-n:]
            heads = "".join(p[0] for w in tail for p in w.split("-") if p)
            if heads.lower() == acr.lower() and all(term_word(w, body) for w in tail):
                out.add(acr)
                break
    return out


# Heads that make a run of dictionary words a body ("Information Systems" is a field).
_BODY_HEADS = ORG_HEADS - word_set(
    "systems technologies technology labs energy software communications media games "
    "industries services network unit mission forum exchange reserve front"
)


def _spelt_terms(body: str, acronyms: set[str]) -> set[str]:
    """Acronyms the article writes out elsewhere, without brackets, as capitalised words of
    a term ("Digital Humanities" ... "DH", "Geographic Information Systems" ... "GIS"):
    a field or a technique, not a body (which would have a head: "World Health
    Organization")."""
    out: set[str] = set()
    for acr in acronyms:
        if not acr.isalpha() or not 2 <= len(acr) <= 6:
            continue
        phrase = r"[ -]".join(f"{c}[a-z]+" for c in acr)
        for got in re.finditer(rf"\b{phrase}\b", body):
            words = re.split(r"[ -]", got.group())
            if words[-1].lower() not in _BODY_HEADS and all(
                term_word(w, body) or w.lower() in ORG_HEADS for w in words
            ):
                out.add(acr)
                break
    return out


def term_word(word: str, body: str) -> bool:
    """A word of a spelt-out term: lower-case, or a capitalised word that heads no
    organisation and is a dictionary word or written in lower case in `body` too
    ("Compact Fluorescent Light (CFL)", "System Under Test (SUT)")."""
    if word[:1].islower():
        return True
    low = word.lower()
    if low in ORG_HEADS or low in PLACE_HEADS_STRONG:
        return False
    return gazetteer().is_common(low) or re.search(rf"\b{re.escape(low)}\b", body) is not None


def _short_org_names(out: list[Mention], names: dict[str, str]) -> None:
    """ "the Church" after "Church of the Nazarene", "the University" after "University of
    Lagos": a lone head word names the one organisation it heads."""
    heads: dict[str, set[str]] = {}
    for m in out:
        if m.kind == "org" and len(m.words) > 1:
            for word in (m.words[0], m.words[-1]):
                heads.setdefault(word.lower(), set()).add(names[m.key()])
    for m in out:
        if m.kind == "org" and len(m.words) == 1 and len(heads.get(m.key(), ())) == 1:
            names[m.key()] = next(iter(heads[m.key()]))


def _kind(kind: str) -> EntityKind:
    return "person" if kind == "person" else "place" if kind == "place" else "org"


def _heading_names(
    m: Mention, known: dict[str, Mention], people: dict[str, str], body: str
) -> list[Mention]:
    """Title-case lines: keep only names confirmed in the body or by a strong cue."""
    if m.key() in known:
        m.kind = known[m.key()].kind
        return [m]
    if m.strong and m.kind == "place":
        return [m]
    # Longest sub-runs of its words that are names found elsewhere.
    spans: list[Mention] = []
    words = m.words
    pos = m.start
    offsets: list[tuple[int, int]] = []
    for w in words:
        i = body.find(w, pos, m.end)
        offsets.append((i, i + len(w)))
        pos = i + len(w)
    i = 0
    while i < len(words):
        for j in range(min(len(words), i + 6), i, -1):
            text = body[offsets[i][0] : offsets[j - 1][1]]
            key = name_key(text)
            hit = known.get(key)
            if hit or key in people:
                sub = Mention(offsets[i][0], offsets[j - 1][1], text, words[i:j])
                sub.kind = hit.kind if hit else "person"
                spans.append(sub)
                i = j
                break
        else:
            i += 1
    return spans


def merge_aliases(names_by_article: list[list[Entity]]) -> dict[str, str]:
    """Map every entity name in several articles read together to one shared name.

    Names that normalise equal merge ("Park Min-jun" / "Park Min Jun"); a one-word person
    name (not a place: "Jordan" the country stays) merges with the one full name whose first
    or last word it is; an acronym with the one organisation or place whose initials it
    spells. The most frequent spelling wins, mixed case before capitals."""
    count: Counter[str] = Counter(e.name for ents in names_by_article for e in ents)
    kinds: dict[str, str] = {}
    for ents in names_by_article:
        for e in ents:
            kinds.setdefault(e.name, e.kind)
    groups: dict[str, list[str]] = {}
    for name in count:
        groups.setdefault(name_key(name), []).append(name)
    best = {
        key: max(group, key=lambda n: (not n.isupper(), count[n], len(n), n))
        for key, group in groups.items()
    }
    firsts: dict[str, set[str]] = {}
    initials: dict[str, set[str]] = {}
    for key, name in best.items():
        parts = key.split()
        if kinds[name] == "person" and len(parts) > 1:
            for part in {parts[0], parts[-1]}:
                firsts.setdefault(part, set()).add(key)
        elif kinds[name] != "person" and len(parts) > 1:
            initials.setdefault(_initials(name.replace("-", " ").split()), set()).add(key)
    out: dict[str, str] = {}
    for name in count:
        key = name_key(name)
        target = key
        if " " not in key and kinds[name] != "place" and len(firsts.get(key, ())) == 1:
            target = next(iter(firsts[key]))
        elif name.replace(".", "").isupper() and len(initials.get(name.replace(".", ""), ())) == 1:
            target = next(iter(initials[name.replace(".", "")]))
        out[name] = best[target]
    return out
