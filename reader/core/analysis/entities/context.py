"""Words around a candidate name that say what kind of thing it names: "in X" and "X
province" a place, "X said" a speaker, "X spokesman" and "shares of X" an organisation,
"Air Force One" a vehicle rather than the organisation inside it."""

from __future__ import annotations

import re

from reader.core.analysis.entities.doc import UPPER, Doc
from reader.core.analysis.entities.gazetteer import BIG_PLACE, gazetteer

SAID = re.compile(r"\s*,?\s*(?:said|says|told|added|wrote|explained|stated|noted)\b")
SAID_BEFORE = re.compile(r"(?:said|says|told|according to)\s+$")
PLACE_NOUN_AFTER = re.compile(
    r"[ \t]+(?:province|state|city|county|region|district|island|islands|river|valley|"
    r"village|town|prefecture|border|coast|peninsula|mountains|governorate)\b"
)
# An author cited by year: "Quilis (1993)", "(Biewener, 2005)", "Marsden et al.",
# "Carrano and Biewener (2002)".
CITED = re.compile(
    r"(?:\s*\((?:19|20)\d\d[a-z]?[),;:]|,\s*(?:19|20)\d\d[a-z]?[);]|\s+et al\b"
    r"|\s+(?:and|&)\s+[A-Z][\w'-]+\s*[(,]\s*(?:19|20)\d\d)"
)
# "Coron is in the province of Palawan", "Socotra is an island", "Neiafu, the capital".
_PLACE_COPULA = re.compile(
    r"(?:\s+(?:is|was)\s+(?:(?:located|situated)\s+)?(?:in|on)\s+the\s+"
    r"(?:north|south|east|west|northern|southern|eastern|western|central|province|state|"
    r"region|island|heart|middle|centre|center)"
    r"|\s+(?:is|was)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,4}?(?:city|town|village|island|"
    r"islands|archipelago|province|region|country|district|neighbou?rhood|suburb|"
    r"municipality|capital|port|peninsula|river|lake|mountain|county)\b)"
)
# "Stardust is a NASA space capsule", "Supernatural is a television series": a thing made.
_WORK_COPULA = re.compile(
    r"\s+(?:is|was)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:capsule|spacecraft|probe|"
    r"satellite|mission|project|book|novel|film|movie|album|song|show|series|sitcom|game|"
    r"programme|program|software|application|app|device|product|brand|drug|vaccine|"
    r"language|dialect|play|opera|poem|painting|sculpture|ship|vessel|website|disease|"
    r"species|genus|fungus|plant|language family)\b"
)
# Words after a lone name that only a person takes: "Pachomius, who", "Warhol's mother",
# "Chao was born", "Theodorus himself".
PERSON_AFTER = re.compile(
    r"(?:\s*,\s*who\b|\s+(?:was born|died|married|himself|herself|believed|argued|thought|"
    r"felt|recalled|studied|spent his|spent her|grew up)\b|['’]s\s+(?:mother|father|wife|"
    r"husband|son|daughter|brother|sister|death|birth|life|childhood|family|friend|friends|"
    r"parents|own|mentor|disciples|teacher)\b)"
)
_IN_BEFORE = re.compile(
    r"(?:\b(?:in|near|outside|across|throughout|north|south|east|west|northern|southern|"
    r"eastern|western|central|along|lies|(?:north|south|east|west|northeast|northwest|"
    r"southeast|southwest) of|capital of)\s+)$"
)
# Nouns that follow the name of a body, not of a person, product or work.
_ORG_NOUN_AFTER = re.compile(
    r"(?:['’]s)?[ \t]+(?:spokes(?:man|woman|person)|officials|executives|headquarters|"
    r"shareholders|shares|employees|subsidiary|subsidiaries|factory|factories|plant|plants|"
    r"dealers|dealerships|chief executive|board of directors)\b"
)
_ORG_BEFORE = re.compile(
    r"\b(?:shares (?:of|in)|stake in|subsidiary of|(?:car|auto|drug|chip)makers?|carmakers|"
    r"companies|firms|rivals)[ \t]+$",
    re.IGNORECASE,
)
# "Air Force One", "Formula One": a name ending in a number word names a vehicle, a series
# or a product; its first words are not a name on their own.
_NUMBER_AFTER = re.compile(r"[ \t]+(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten)\b")


def place_context(doc: Doc, start: int, end: int, single: bool) -> bool:
    """ "X, Texas", "in X" or "northern X" where X is not otherwise known."""
    body = doc.body
    if single and body.startswith(", ", end):
        nxt = re.match(rf"[{UPPER}][\w.]*(?: [{UPPER}][\w.]*)?", body[end + 2 : end + 40])
        if nxt and gazetteer().places.get(nxt.group(), 0) >= BIG_PLACE:
            return True
    if _PLACE_COPULA.match(body, end):
        return True
    return single and bool(_IN_BEFORE.search(body, max(0, start - 20), start))


def org_context(doc: Doc, start: int, end: int) -> bool:
    """ "Kestrel spokesman", "Vantor's headquarters", "shares of Brightwell": a body."""
    body = doc.body
    return bool(
        _ORG_NOUN_AFTER.match(body, end) or _ORG_BEFORE.search(body, max(0, start - 24), start)
    )


def before_number_word(doc: Doc, end: int) -> bool:
    """ "Air Force" in "Air Force One", "Marine" in "Marine One"."""
    return bool(_NUMBER_AFTER.match(doc.body, end))


def introduced_as_work(doc: Doc, end: int) -> bool:
    """ "Stardust is a NASA space capsule": the name of a thing made, a language or a
    species, not of a person, place or body."""
    return _WORK_COPULA.match(doc.body, end) is not None
