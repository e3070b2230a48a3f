"""How long a thing lasts, as two reports of one act give it: "a 20-year gas supply deal" /
"a 25-year gas supply deal", "a 10-year sentence" / "a 12-year sentence".

Durations are no quantities (``claims.quantities``): "for three years" and "20 years ago" say
when, and grow with the date of writing. A duration written as a hyphenated modifier of a
noun ("20-year deal", "three-day visit", "48-hour ceasefire") is a property of that thing,
fixed once agreed. Two near paraphrases of one act that give one such duration each, of one
unit and of one thing ("gas deal" / "gas supply deal"), disagree when the numbers differ.
Ages ("a 40-year-old man") are left out: ``ages`` compares them, with whose they are.

A prison term or a ban is such a duration too, however it is written: "sentenced to six
years", "jailed for eight years", "eight years in prison" and "a 10-year sentence" are each a
term (``_TERMS``, ``_TERM_NOUNS``).
"""

from __future__ import annotations

import functools
import re

from spacy.lang.en.stop_words import STOP_WORDS

from dossier.corroboration.records import CACHED_TEXTS, ClaimRef
from dossier.time.lexicon import NUMBER_WORDS

# "20-year deal", "three-day visit", "a 48-hour ceasefire"; not "40-year-old".
_DURATION = re.compile(
    r"(?<![-\w])(?P<n>\d+(?:\.\d+)?|[a-z]+)"
    r"-(?P<unit>year|month|week|day|hour|minute|decade|century)(?!-)(?P<next>(?:\s+[A-Za-z]+){1,4})",
    re.I,
)
_NUMBER = r"(?P<n>\d+(?:\.\d+)?|[a-z]+)"
_UNIT = r"(?P<unit>year|month|week|day)s?\b"
# A term a court or a body sets: "sentenced Hale ... to eight years", "jailed for six months",
# "banned for two years"; "six years in prison", "three years behind bars".
_TERMS = (
    re.compile(
        r"\b(?:sentenced|jailed|imprisoned|banned|suspended)\b[^.;:]{0,80}?\b(?:to|for)\s+"
        rf"(?:a\s+term\s+of\s+)?{_NUMBER}\s+{_UNIT}",
        re.I,
    ),
    re.compile(rf"{_NUMBER}\s+{_UNIT}\s+(?:in\s+(?:prison|jail)|behind\s+bars)", re.I),
)
# Nouns a hyphenated duration makes a term: "a 10-year sentence", "a two-year ban".
_TERM_NOUNS = frozenset({"sentence", "term", "ban", "suspension", "jail", "prison"})


def duration_conflict(a: ClaimRef, b: ClaimRef) -> tuple[str, str] | None:
    """The two durations as written ("20-year", "25-year") when each claim gives one, of one
    unit and of one thing, and their numbers differ; None otherwise."""
    found_a, found_b = _durations(a.claim.text), _durations(b.claim.text)
    if len(found_a) != 1 or len(found_b) != 1:
        return None
    (text_a, n_a, unit_a, next_a), (text_b, n_b, unit_b, next_b) = found_a[0], found_b[0]
    if unit_a != unit_b or n_a == n_b or not _one_thing(next_a, next_b):
        return None
    return text_a, text_b


def _one_thing(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two noun phrases name one thing: one head, and the words of one are all in the other
    ("gas deal" / "gas supply deal"; not "gas supply deal" / "gas pipeline deal")."""
    short, long = sorted((a, b), key=len)
    return bool(short) and short[-1] == long[-1] and set(short) <= set(long)


def _phrase(words: str) -> tuple[str, ...]:
    """The words of the thing a duration qualifies, up to the first that is not its own
    ("deal with Estovia": "deal")."""
    kept: list[str] = []
    for word in words.casefold().split():
        if word in STOP_WORDS:
            break
        kept.append(word)
    return tuple(kept)


@functools.lru_cache(maxsize=CACHED_TEXTS)
def _durations(text: str) -> tuple[tuple[str, float, str, tuple[str, ...]], ...]:
    found = []
    for m in _DURATION.finditer(text):
        value = _value(m["n"])
        if value is not None:
            shown = text[m.start() : m.end("unit")]
            thing = _phrase(m["next"])
            thing = ("term",) if thing and thing[-1] in _TERM_NOUNS else thing
            found.append((shown, float(value), m["unit"].casefold(), thing))
    terms = {m.start("n"): m for pattern in _TERMS for m in pattern.finditer(text)}
    for start, m in sorted(terms.items()):
        value = _value(m["n"])
        if value is not None:
            found.append((text[start : m.end()], value, m["unit"].casefold(), ("term",)))
    return tuple(found)


def _value(number: str) -> float | None:
    """A number in figures or words ("8", "eight")."""
    word = number.casefold()
    value = float(word) if word[0].isdigit() else NUMBER_WORDS.get(word)
    return None if value is None else float(value)
