"""Stage 3's sentence breaks: lines, short paragraphs, and a time phrase or a wire dateline run
into a sentence."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        (  # a fact box pasted without its full stops runs into the story
            "Says it has attacked army posts including ambushes Earlier this month, Norland "
            "vetoed the plan.",
            ["Says it has attacked army posts including ambushes",
             "Earlier this month, Norland vetoed the plan."],
        ),
        (
            "Rebels held the envoy Karl Brenner Earlier Wednesday, Brenner said he had quit.",
            ["Rebels held the envoy Karl Brenner", "Earlier Wednesday, Brenner said he had quit."],
        ),
        (  # a title, with no comma after it, is no sentence start
            "The band played the song Last Night in Varnia to a full hall on Monday.",
            ["The band played the song Last Night in Varnia to a full hall on Monday."],
        ),
        (  # written in lower case, the phrase is inside its sentence
            "Norland said earlier this month, after the vote, that it would leave.",
            ["Norland said earlier this month, after the vote, that it would leave."],
        ),
        (  # a headline run into a wire story's dateline: its verb is no report of the story
            "Full Article Norland recalls Varnia envoy, offices attacked OSTBERG (Reuters) - "
            "Norland recalled its envoy to Varnia on Wednesday.",
            ["Full Article Norland recalls Varnia envoy, offices attacked",
             "OSTBERG (Reuters) - Norland recalled its envoy to Varnia on Wednesday."],
        ),
        (  # capitals in brackets with no dash after them are no dateline
            "The envoys met in OSTBERG (Varnia) on Monday and talked for hours.",
            ["The envoys met in OSTBERG (Varnia) on Monday and talked for hours."],
        ),
    ],
)  # fmt: skip
def test_nlp_a_time_phrase_or_a_dateline_run_into_a_sentence_starts_one(
    nlp: Any, text: str, sentences: list[str]
) -> None:
    assert [s.text for s in nlp(text).sents] == sentences
