"""A clause that counts different things is cut into one claim per count (claims.facets)."""

from __future__ import annotations

from typing import Any

import pytest

from dossier.model import AttributionType, Claim, Span
from tests.test_claims import claims_of, run

NAMES = [("Varna", "GPE"), ("the Health Office", "ORG")]


def texts(claims: list[Claim]) -> list[str]:
    return [c.text for c in claims]


def text_of(text: str, span: Span) -> str:
    return text[span.start : span.end]


def test_facets_each_count_of_a_different_thing_is_a_claim(nlp: Any) -> None:
    """Three figures of one sentence, each a statement other outlets report alone, keep the
    clause's date; the cut parts' spans give back their text."""
    text = (
        "The fever reached Varna in April and has spread to 14 towns, infecting more than "
        "2,700 people and killing 40."
    )
    claims = run(nlp, text, NAMES)
    assert texts(claims) == [
        "The fever reached Varna in April and has spread to 14 towns",
        "infecting more than 2,700 people",
        "and killing 40.",
    ]
    for claim in claims:
        assert text[claim.sentence.start : claim.sentence.end] == claim.text
        assert claim.time is not None and text[claim.time.start : claim.time.end] == "April"
    assert [[text_of(text, q.span) for q in c.quantities] for c in claims] == [
        ["14"],
        ["more than 2,700"],
        ["40"],
    ]


def test_facets_two_nouns_counted_under_one_verb_and_a_part(nlp: Any) -> None:
    """ "30,000 cases and 141 deaths" are two counts; "including 144 deaths" counts a part of
    what came before. Each part keeps the sentence's source."""
    text = "The Health Office said there have been 30,000 cases in Varna and 141 deaths."
    claims = claims_of(nlp, text, NAMES)
    assert texts(claims)[-1] == "and 141 deaths."
    assert {c.attribution.type for c in claims} == {AttributionType.NAMED}
    included = run(nlp, "Varna has confirmed 28,000 infections, including 144 deaths.", NAMES)
    assert texts(included) == ["Varna has confirmed 28,000 infections", "including 144 deaths."]


@pytest.mark.parametrize(
    "text",
    [
        # one thing counted twice: a range, alternatives, a conversion in brackets
        "Varna said the leak is 35,000 to 60,000 barrels a day.",
        "Varna reported 98 or 99% of patients recovered.",
        "The troops stopped 50 kilometers (31 miles) outside Varna.",
        "Varna collected about 1,000 nests, or 100,000 eggs, from the beach.",
        # a count in the subject describes who acts
        "The father of three sons and two daughters lives in Varna with 12 cousins.",
        # a phrase describing the counted noun, where it happened, a purpose, a reason
        "Varna has 28,774 infections confirmed in 74 countries.",
        "Eleven people died in Varna in an accident that spilled 300 barrels of oil.",
        "Varna used only six pumps to make sure the 21 pipes stayed dry.",
        "Eleven people died in Varna because the company could not wait 3 days.",
    ],
)
def test_facets_one_count_or_a_count_that_only_describes_stays_whole(nlp: Any, text: str) -> None:
    claims = run(nlp, text, NAMES)
    assert len(claims) == 1
    assert claims[0].text.rstrip(".") == text.rstrip(".")


def test_facets_same_thing_counted_by_one_verb_stays_whole(nlp: Any) -> None:
    """Two figures of one count by one verb ("raised from 20 to 30 people") are one claim,
    while two verbs counting people ("killed 48 people and wounded 150 others") are two."""
    assert len(run(nlp, "Varna raised the crew from 20 people to 30 people.", NAMES)) == 1
    split_text = "The blast in Varna killed 48 people and wounded 150 others."
    split = run(nlp, split_text, NAMES)
    assert texts(split) == ["The blast in Varna killed 48 people", "and wounded 150 others."]
    # the second part keeps the subject's names: "Varna" of "The blast in Varna"
    named = [{text_of(split_text, s) for s in (*c.actors, *c.places)} for c in split]
    assert named == [{"Varna"}, {"Varna"}]


def test_facets_no_cut_inside_a_word(nlp: Any) -> None:
    """The parser reads the "m" of "$50m" as the subject of "relating": the part starts at a
    word, and the sum keeps its scale."""
    text = (
        "The fine included $50m relating to a refinery explosion in Varna in 2005 that killed "
        "15 people."
    )
    claims = run(nlp, text, NAMES)
    assert texts(claims)[0] == "The fine included $50m"
    assert all(text[c.sentence.start - 1].isspace() for c in claims[1:])
    assert claims[0].quantities[0].low == 50_000_000
