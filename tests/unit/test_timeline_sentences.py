"""The sentence splitter the timeline (and the UI's jump to a sentence) rely on."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.analysis.text.sentences import sentence_at, split_sentences


def texts(body: str) -> list[str]:
    return [s.text for s in split_sentences(body)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The mill closed. Workers left.", ["The mill closed.", "Workers left."]),
        ("Is it safe? Nobody knows! Fine.", ["Is it safe?", "Nobody knows!", "Fine."]),
        ("U.S. envoys met Mr. Okafor. They ate.", ["U.S. envoys met Mr. Okafor.", "They ate."]),
        ("It moved to the U.K. The office shut.", ["It moved to the U.K.", "The office shut."]),
        ("Dr. Ines K. Varga spoke.", ["Dr. Ines K. Varga spoke."]),
        ("Talks end Jan. 9 in Riga.", ["Talks end Jan. 9 in Riga."]),
        ("Gen. Moss and Sen. Park met.", ["Gen. Moss and Sen. Park met."]),
        (
            "Acme Inc. and Borr Ltd. merged. Shares rose.",
            ["Acme Inc. and Borr Ltd. merged.", "Shares rose."],
        ),
        ("She said, “It is over.” Then she left.", ["She said, “It is over.”", "Then she left."]),
        ("“Why now?” he asked.", ["“Why now?” he asked."]),
        ("They met at 9 a.m. The talks failed.", ["They met at 9 a.m.", "The talks failed."]),
        ("Item No. 4 sold.", ["Item No. 4 sold."]),
        ("Wait... it works.", ["Wait... it works."]),
        (
            "Norr Building Co. -- a contractor -- won.",
            ["Norr Building Co. -- a contractor -- won."],
        ),
        ("Rates (3.5%) held. Markets calmed.", ["Rates (3.5%) held.", "Markets calmed."]),
    ],
)
def test_splits(body: str, expected: list[str]) -> None:
    assert texts(body) == expected


def test_line_breaks_end_headlines_but_not_hard_wrapped_lines() -> None:
    body = (
        "Harbour Reopens After Storm\nThe harbour reopened on\nFriday after repairs.\n\nShips came."
    )
    assert texts(body) == [
        "Harbour Reopens After Storm",
        "The harbour reopened on\nFriday after repairs.",
        "Ships came.",
    ]


def test_wrapped_line_continuing_in_lower_case_is_one_sentence() -> None:
    assert texts("The council said\nit would vote.") == ["The council said\nit would vote."]


def test_offsets_and_range() -> None:
    body = "  First one.  Second one.\n\nThird one. "
    found = split_sentences(body)
    assert [body[s.start : s.end] for s in found] == ["First one.", "Second one.", "Third one."]
    assert [s.text for s in split_sentences(body, 14, 25)] == ["Second one."]


def test_sentence_at() -> None:
    body = "One here. Two there. Three."
    found = split_sentences(body)
    hit = sentence_at(found, body.index("there"))
    assert hit is not None and hit.text == "Two there."
    assert sentence_at(found, 0) == found[0]


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("aB .!?…\n\"'“”’()Mr.U.S.No5 ")) | st.characters(),
        max_size=150,
    )
)
def test_any_text_gives_valid_non_overlapping_offsets(body: str) -> None:
    last = 0
    for s in split_sentences(body):
        assert body[s.start : s.end] == s.text
        assert s.text and s.text == s.text.strip()
        assert s.start >= last
        last = s.end
