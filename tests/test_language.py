"""Stage 2: a text in another language is refused; English with few function words is not."""

from __future__ import annotations

import pytest

from dossier.clean.language import check_language
from dossier.errors import ExtractionError
from tests.test_pipeline import FRENCH, GERMAN

# Invented English texts with few function words: a box score and a list of ingredients.
BOX_SCORE = "\n".join(
    f"Northfield d. Westbrook {50 + i}-{40 + i}. Carter {10 + i} points. Mills {i} steals."
    for i in range(12)
)
INGREDIENTS = "\n".join(
    f"{i} cup brown sugar, {i} can pineapple slices, drained, {i} tsp butter, melted"
    for i in range(1, 9)
)
ITALIAN = (
    "Il consiglio comunale di Norheim ha deciso martedì di ampliare il porto entro il 2030. "
    "Secondo l'amministrazione i lavori dovrebbero cominciare in primavera e costare circa "
    "120 milioni di euro, ma i critici del quartiere nord temono che i costi possano ancora "
    "crescere perché i prezzi dell'acciaio e del cemento salgono da mesi. "
) * 2
RUSSIAN = "Городской совет Норхейма решил расширить порт к 2030 году. " * 8


@pytest.mark.parametrize(
    ("text", "language"),
    [(GERMAN * 2, "German"), (FRENCH * 2, "French"), (ITALIAN, "Italian"), (RUSSIAN, "Cyrillic")],
)
def test_language_another_language_is_refused_by_name(text: str, language: str) -> None:
    with pytest.raises(ExtractionError, match=f"not English.*{language}"):
        check_language(text)


@pytest.mark.parametrize("text", [BOX_SCORE, INGREDIENTS, "Der Hafen wird ausgebaut."])
def test_language_english_without_function_words_and_short_texts_are_kept(text: str) -> None:
    check_language(text)
