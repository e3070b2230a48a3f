"""The gender an article gives a person, so that a pronoun finds someone it can stand for:
"Mrs Clinton", "Mr Hague", "Assad's wife Asma". Names carry no gender here; only the
article's own titles and nouns of kinship or post do, and a person marked both ways (or not
at all) takes any pronoun."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

FEMALE, MALE = "female", "male"
_FEMALE_TITLES = ("mrs", "ms", "miss", "madam", "madame", "queen", "lady", "dame")
_MALE_TITLES = ("mr", "sir", "king", "lord", "prince")
_FEMALE_NOUNS = (
    "wife", "mother", "daughter", "sister", "widow", "woman", "girl", "grandmother",
    "spokeswoman", "chairwoman", "congresswoman", "businesswoman", "actress", "princess",
    "queen",
)  # fmt: skip
_MALE_NOUNS = (
    "husband", "father", "son", "brother", "widower", "man", "boy", "spokesman", "chairman",
    "congressman", "businessman", "king", "prince",
)  # fmt: skip
_TITLES = dict.fromkeys(_FEMALE_TITLES, FEMALE) | dict.fromkeys(_MALE_TITLES, MALE)
_NOUNS = dict.fromkeys(_FEMALE_NOUNS, FEMALE) | dict.fromkeys(_MALE_NOUNS, MALE)
_PRONOUNS = dict.fromkeys(("she", "her", "hers", "herself"), FEMALE) | dict.fromkeys(
    ("he", "him", "his", "himself"), MALE
)


def pronoun_gender(word: str) -> str | None:
    return _PRONOUNS.get(word.lower())


def genders(doc: Any, people: Sequence[tuple[int, int]]) -> dict[str, str]:
    """Name -> gender, for the people (character spans) the article marks one way only. A
    title marks the surname ("Mrs Clinton" makes "Hillary Clinton" a woman); a noun marks the
    name as written, since kin share a surname ("her father, Ali al-Obeidy")."""
    marks: dict[str, set[str]] = {}
    for start, end in people:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        found, by_title = _marked(span)
        if found is not None:
            name = surname(span.text) if by_title or len(span) == 1 else span.text
            marks.setdefault(name, set()).add(found)
    return {name: next(iter(found)) for name, found in marks.items() if len(found) == 1}


def gender_of(known: Mapping[str, str], name: str) -> str | None:
    return known.get(name) or known.get(surname(name))


def surname(name: str) -> str:
    words = name.split()
    return words[-1] if words else name


def _marked(span: Any) -> tuple[str | None, bool]:
    """A title just before the name or opening it ("Mrs", "Mr."), or a noun of kinship or
    post beside it ("Assad's wife Asma", "Asma, his wife")."""
    for token in span.doc[max(span.start - 1, 0) : span.start + 1]:  # "Mrs Clinton"
        title = _TITLES.get(token.lower_.rstrip("."))
        if title is not None:
            return title, True
    root = span.root
    beside = [c for c in root.children if c.dep_ in ("appos", "compound")
              and (c.i < span.start or _determined(c))]  # fmt: skip
    if root.dep_ in ("appos", "compound") and _determined(root.head):
        beside.append(root.head)
    found = next((_NOUNS[t.lemma_.lower()] for t in beside if t.lemma_.lower() in _NOUNS), None)
    return found, False


def _determined(noun: Any) -> bool:
    """ "his wife", "the president's wife": a noun of post, not a misparsed "father says"."""
    return any(c.dep_ in ("det", "poss") for c in noun.children)
