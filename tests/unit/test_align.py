"""Passage alignment: each passage of the leading article is answered by the passage of
another that shares the most (rarest) names, figures and dates."""

from __future__ import annotations

import re

from reader.core.analysis.compare.align import Passage, align, passage_at, passages
from reader.core.analysis.model import Analysis, Entity, Number, TimeExpr
from reader.core.article import Article, Block


def _article(*paragraphs: str) -> Article:
    body = "\n\n".join(paragraphs)
    blocks, at = [], 0
    for p in paragraphs:
        blocks.append(Block("paragraph", at, at + len(p)))
        at += len(p) + 2
    return Article(title="t", body=body, blocks=blocks)


def _analysis(article: Article, names: list[str]) -> Analysis:
    """People for every listed name found in the body, figures for `$N`, dates for ISO days."""
    body = article.body
    entities = [
        Entity(m[0], "person", m.start(), m.end(), m[0])
        for name in names
        for m in re.finditer(re.escape(name), body)
    ]
    numbers = [
        Number(m[0], "money", m.start(), m.end(), float(m[1]), "USD")
        for m in re.finditer(r"\$(\d+)", body)
    ]
    dates = [
        TimeExpr(m[0], m.start(), m.end(), "DATE", m[0])
        for m in re.finditer(r"\d{4}-\d\d-\d\d", body)
    ]
    return Analysis(entities=entities, numbers=numbers, dates=dates)


LEAD = _article(
    "Mayor Ines Varga opened the bridge inquiry on 2024-03-01.",
    "Engineer Tomas Brell said repairs cost $40 on 2024-03-02.",
    "Varga and the council chief Odile Fenn met on 2024-03-05.",
)
OTHER = _article(
    "The council met on 2024-03-05: Odile Fenn and Ines Varga agreed a plan.",
    "Nothing here names anyone.",
    "Ines Varga spoke first, on 2024-03-01.",
    "Brell put the repair bill at $40.",
)
NAMES = ["Ines Varga", "Varga", "Tomas Brell", "Brell", "Odile Fenn"]


def test_passages_carry_the_keys_of_their_marks() -> None:
    found = passages(LEAD, _analysis(LEAD, NAMES))
    assert [LEAD.body[p.start : p.end][:5] for p in found] == ["Mayor", "Engin", "Varga"]
    assert "e:tomas brell" in found[1].keys
    assert "n:money:40:usd" in found[1].keys
    assert "d:2024-03-02" in found[1].keys
    assert "e:odile fenn" in found[2].keys and "e:tomas brell" not in found[2].keys


def test_each_passage_goes_to_the_one_sharing_most_not_the_same_place() -> None:
    lead = passages(LEAD, _analysis(LEAD, NAMES))
    other = passages(OTHER, _analysis(OTHER, NAMES))
    matches = align(lead, other)
    assert [m.other if m else None for m in matches] == [2, 3, 0]
    third = matches[2]
    assert third is not None and set(third.shared) >= {"e:odile fenn", "d:2024-03-05"}
    # rarest first; Varga, in more than half of the passages, is the subject: not a link
    assert third.shared[0] in ("e:odile fenn", "d:2024-03-05") and "e:varga" not in third.shared


def test_passages_sharing_only_the_subject_are_not_aligned() -> None:
    subject = frozenset({"e:subject"})
    lead = [Passage(0, 5, subject | {"e:a"}), Passage(6, 9, subject)]
    other = [Passage(0, 5, subject), Passage(6, 9, subject | {"e:a"})]
    assert [m.other if m else None for m in align(lead, other)] == [1, None]


def test_a_passage_sharing_nothing_has_no_match() -> None:
    lead = passages(LEAD, _analysis(LEAD, NAMES))
    other = [Passage(0, 5, frozenset({"e:someone else"}))]
    assert align(lead, other) == [None, None, None]
    assert align(lead, []) == [None, None, None]
    assert align([], other) == []


def test_ties_go_to_the_same_relative_place() -> None:
    def article(*keys: str) -> list[Passage]:
        return [Passage(i * 10, i * 10 + 5, frozenset({k})) for i, k in enumerate(keys)]

    other = article("c", "e:x", "d", "e", "e:x")
    assert [m.other if m else None for m in align(article("e:x", "a", "b"), other)] == [
        1,
        None,
        None,
    ]
    assert [m.other if m else None for m in align(article("a", "b", "e:x"), other)] == [
        None,
        None,
        4,
    ]


def test_without_blocks_paragraphs_split_at_blank_lines() -> None:
    article = Article(title="t", body="One Varga.\n\n\n  \nTwo Brell.\n\n")
    found = passages(article, _analysis(article, ["Varga", "Brell"]))
    assert [article.body[p.start : p.end].strip() for p in found] == ["One Varga.", "Two Brell."]
    assert [sorted(p.keys) for p in found] == [["e:varga"], ["e:brell"]]


def test_passage_at_finds_the_passage_showing_an_offset() -> None:
    found = passages(LEAD, Analysis())
    assert passage_at(found, 0) == 0
    assert passage_at(found, found[1].start) == 1
    assert passage_at(found, found[1].start - 1) == 0
    assert passage_at(found, len(LEAD.body) + 50) == 2
    assert passage_at([], 3) == -1


def test_real_analysis_aligns_a_reordered_rewrite() -> None:
    from reader.core.analysis import analyze

    lead = _article(
        "Prime Minister Mark Carney arrived in Tokyo on Monday.",
        "The European Central Bank held its rate at 2 percent, Christine Lagarde said.",
    )
    other = _article(
        "Christine Lagarde told reporters the European Central Bank kept rates at 2 percent.",
        "Separately, the weather in Lisbon was mild.",
        "Mark Carney landed in Tokyo.",
    )
    matches = align(passages(lead, analyze(lead)), passages(other, analyze(other)))
    assert [m.other if m else None for m in matches] == [2, 0]
