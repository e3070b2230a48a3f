"""Whether two runs of words say other things, or the same words written otherwise.

``reworded`` is what makes a quote conflict (``quotes``): "manage" against "control" is a
substitution, while a compound closed or open ("datacenters" / "data centers"), an acronym ("IE"
/ "Internet Explorer"), a British spelling ("realised" / "realized"), an inflection ("want" /
"wanted"), a number in words or figures ("11th" / "eleventh") or function words alone are one
wording written two ways.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from dossier.time.lexicon import NUMBER_WORDS, ORDINALS

# Words no trimming of a quote leaves out: without them it says the opposite.
NEGATIONS = frozenset({"not", "no", "never", "nothing", "none", "nobody", "neither", "nor"})
# Modal verbs: "will make it worse" and "would make it worse" say two things.
_MODALS = frozenset({"will", "would", "may", "might", "can", "could", "shall", "should", "must"})
# Stop words that still change what a quote says when one stands for another.
_WEIGHTY = NEGATIONS | _MODALS | {
    "always", "all", "every", "everything", "everyone", "without", "more", "less", "least",
    "most", "few",
}  # fmt: skip
# Scale words, singular (a quote's words lose a plural "s": "thousands" is "thousand").
_SCALES = frozenset({"dozen", "hundred", "thousand", "million", "billion", "trillion"})
# British spellings and their American forms, compared alike ("realised"/"realized").
_SPELLINGS = tuple((re.compile(p), r) for p, r in (
    (r"(?<=[a-z]{2})our", "or"), (r"is(e|ed|es|ing|ation)\b", r"iz\1"),
    (r"ys(e|ed|es|ing)\b", r"yz\1"), (r"tre\b", "ter"), (r"ence\b", "ense"),
    (r"(?<=[a-z]{4})ll(ed|ing|er)\b", r"l\1"), (r"ogue\b", "og"), (r"dgement", "dgment"),
))  # fmt: skip
# Endings an inflection adds ("want"/"wanted", "damage"/"damaged"); "hear"/"heart" are two words.
_INFLECTIONS = frozenset({"s", "es", "d", "ed", "ing", "er", "ers", "ly"})


def reworded(left: list[str], right: list[str]) -> bool:
    """Other words stand in ``right`` where ``left`` has its own, not the same words written
    otherwise: a compound closed or open ("datacenters"/"data centers"), an acronym ("IE" /
    "Internet Explorer"), a spelling ("realised"/"realized", ``_SPELLINGS``), an inflection
    ("want"/"wanted"), a number in words or figures ("11th"/"eleventh"), or only function words
    ("Nothing in this regulation" / "in the regulation"). A function word that changes what is
    said is weighed as a word (``_WEIGHTY``: "never" for "always", "no" for "all", "would"
    for "will")."""
    if "".join(left) == "".join(right) or _acronym(left, right) or _acronym(right, left):
        return False
    words_a, words_b = _weighed(left), _weighed(right)
    return any(not any(_one_word(w, v) for v in words_b) for w in words_a) or any(
        not any(_one_word(w, v) for v in words_a) for w in words_b
    )


def counts(words: list[str]) -> bool:
    """The words hold a number ("tens of thousands", "11", "three") or a scale word: left out
    of a quote or added to it, they change what it says, as a negation does. "one" is left
    out ("no one", "the one thing")."""
    return any(w in _SCALES or (w != "one" and _number(w) is not None) for w in words)


def _weighed(words: list[str]) -> list[str]:
    return [w for w in words if w not in STOP_WORDS or w in _WEIGHTY or _number(w) is not None]


def _acronym(short: list[str], long: list[str]) -> bool:
    return len(short) == 1 and len(long) > 1 and short[0] == "".join(w[0] for w in long)


def _one_word(a: str, b: str) -> bool:
    if a == b:
        return True
    numbers = _number(a), _number(b)
    if None not in numbers:
        return numbers[0] == numbers[1]
    if _spelt(a) == _spelt(b):
        return True
    short, long = sorted((a, b), key=len)
    return len(short) >= 4 and long.startswith(short) and long[len(short) :] in _INFLECTIONS


def _spelt(word: str) -> str:
    for pattern, american in _SPELLINGS:
        word = pattern.sub(american, word)
    return word


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    if word in ("a", "an"):
        return None
    return ORDINALS.get(word, NUMBER_WORDS.get(word))
