"""Nationality words, which cue a name but are not one: "Chechen voters", "Zambian
officials", "Londoners". Unknown ones are recognised by shape and by a place they share a
stem with."""

from __future__ import annotations

import re
from functools import lru_cache

from reader.core.analysis.entities.doc import Doc, Tok
from reader.core.analysis.entities.gazetteer import BIG_PLACE, gazetteer, word_set

_DEMONYM_ENDINGS = ("ian", "ese", "ish", "an", "en", "ic", "i")  # longest first


def demonym_adjective(doc: Doc, tok: Tok) -> bool:
    """ "Chechen voters", "Zambian officials": an unknown word shaped like a nationality, used
    before a common noun, that shares its stem with a place ("Chechnya", not "Hyunjoo" for
    "Hyundai" nor "Fujian" for "Fujimori": the shared part must reach the ending)."""
    text = tok.text
    plural = text.endswith(("ans", "ians", "eans"))
    if not (plural or text.endswith(_DEMONYM_ENDINGS)) or len(text) < 5:
        return False
    nxt = _NEXT_WORD.match(doc.body, tok.end)
    if not plural and not (nxt and nxt.group(1) not in _FUNCTION_WORDS):  # "Hyundai and Kia"
        return False
    base = text[:-1] if plural else text
    ending = next((e for e in _DEMONYM_ENDINGS if base.endswith(e)), "")
    need = max(4, len(base) - len(ending) - 2)  # "Togo" in "Togolese", "Yemen" in "Yemeni"
    stem = text[:4]
    return any(_shared(text, p) >= need for p in _big_place_stems().get(stem, ())) or any(
        w != text and w.endswith(_PLACE_ENDINGS) and _shared(text, w) >= need
        for w in doc.mid_stems.get(stem, ())
    )


_NEXT_WORD = re.compile(r" ([a-z]+)\b")
_FUNCTION_WORDS = word_set(
    """and or but nor of to in on at by for from with as than that who which whose whom is
    was are were be been has have had will would can could may might must should said says"""
)
_PLACE_ENDINGS = ("a", "e", "stan", "land", "y")  # "Chechnya", "Zaire", "Kurdistan"


def _shared(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


@lru_cache(maxsize=1)
def _big_place_stems() -> dict[str, list[str]]:
    """Countries, states and regions by their first four letters."""
    out: dict[str, list[str]] = {}
    for p, pop in gazetteer().places.items():
        if pop >= BIG_PLACE:
            out.setdefault(p[:4], []).append(p)
    return out


def demonym_noun(text: str) -> bool:
    """ "New Zealander", "Londoners": people from a place, not a name."""
    places = gazetteer().places
    for suffix in ("ers", "er", "s"):
        if text.endswith(suffix) and text[: -len(suffix)] in places:
            return True
    return False
