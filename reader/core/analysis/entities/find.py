"""People, places and organisations in English news text, found by rules in linear time.

Candidates are runs of capitalised words (with inner connectors such as "of the", hyphens,
"&" and initials). Each run is trimmed (sentence-initial common words, titles, nationality
adjectives, possessives), typed by cues (titles, organisation heads, the place gazetteer,
given names, context) and then resolved against the rest of the article: a bare surname
takes the kind and canonical name of the full name, an acronym those of its expansion.
`merge_aliases` does the same across several articles read together.
"""

from __future__ import annotations

from reader.core.analysis.entities.candidates import candidates
from reader.core.analysis.entities.doc import RUN, Doc, segments, tokens
from reader.core.analysis.entities.names import Mention, merge_aliases, resolve
from reader.core.analysis.model import Entity

__all__ = ["find_entities", "merge_aliases"]


def find_entities(body: str) -> list[Entity]:
    """Named people, places and organisations in `body`, with canonical names."""
    doc = Doc(body)
    runs = [segments(tokens(m.group(), m.start())) for m in RUN.finditer(body)]
    for segs in runs:
        for seg in segs:
            for i, tok in enumerate(seg):
                if tok.word:
                    doc.caps[tok.text] += 1
                    if i > 0 or not doc.sentence_initial(tok.start):
                        doc.mid[tok.text] += 1
    mentions: list[Mention] = []
    for segs in runs:
        for seg in segs:
            mentions.extend(candidates(doc, seg))
    return resolve(body, mentions, doc.headings)
