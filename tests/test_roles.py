"""Stage 3: roles and titles read from the parse (``dossier.nlp.roles``)."""

from __future__ import annotations

from typing import Any

import pytest

from dossier.nlp.roles import extract_roles


def _roles(nlp: Any, text: str) -> list[str]:
    return [r.text for r in extract_roles(nlp(text), "d")]


@pytest.mark.parametrize(
    "text",
    [
        "In 2008, Ivan Petrov sent a message to then-commander of Norland forces in Estovia, "
        "Gen. Karl Brenner, about the northern ports.",
        "That year, he passed a message to then-commander of Norland forces in Estovia, "
        "Gen. Karl Brenner, via a Varnian politician.",
    ],
)
def test_roles_title_before_a_name_parsed_beside_it(nlp: Any, text: str) -> None:
    """The parser hangs the name from the verb, not under the title: the title is still read."""
    assert "then-commander of Norland forces in Estovia" in _roles(nlp, text)


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        (
            "He held talks with the special envoy for Africa, Mikhail Margelov, in Benghazi.",
            "talks",
        ),
        ("After talks with the minister, John Kerry flew to Paris.", "minister"),
    ],
)
def test_roles_no_title_from_a_phrase_that_names_no_person(nlp: Any, text: str, wrong: str) -> None:
    assert not any(r.startswith(wrong) or r.endswith(wrong) for r in _roles(nlp, text))
