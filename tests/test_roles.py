"""Stage 3: roles and titles read from the parse (``dossier.nlp.roles``)."""

from __future__ import annotations

import signal
from typing import Any

import pytest
from spacy.tokens import Doc

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


def test_roles_a_title_line_whose_noun_heads_its_sentence_ends(nlp: Any) -> None:
    """A by-line ("Anna Berg Business editor, Norland News") can leave the noun before the
    comma as its sentence's root with nothing after it; looking for the noun's phrase must
    stop there, not climb from the root to itself for ever (it did, on a real article)."""
    words = ["Anna", "Berg", "Business", "editor", ",", "Norland", "News"]
    doc = Doc(nlp.vocab, words=words, heads=[3, 3, 3, 3, 3, 6, 6],
              deps=["compound", "compound", "compound", "ROOT", "punct", "compound", "ROOT"],
              pos=["PROPN", "PROPN", "PROPN", "NOUN", "PUNCT", "PROPN", "PROPN"],
              ents=["B-PERSON", "I-PERSON", "O", "O", "O", "B-ORG", "I-ORG"])  # fmt: skip
    doc[6].dep_ = "appos"  # the outlet as an object-like phrase after the comma
    signal.signal(signal.SIGALRM, lambda *_: pytest.fail("role reading did not stop"))
    signal.alarm(5)
    try:
        roles = [r.text for r in extract_roles(doc, "d")]
    finally:
        signal.alarm(0)
    assert "Business editor" not in roles
