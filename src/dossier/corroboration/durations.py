"""How long a thing lasts, as two reports of one act give it: "a 20-year gas supply deal" /
"a 25-year gas supply deal", "a 10-year sentence" / "a 12-year sentence".

Durations are no quantities (``claims.quantities``): "for three years" and "20 years ago" say
when, and grow with the date of writing. A duration written as a hyphenated modifier of a
noun ("20-year deal", "three-day visit", "48-hour ceasefire") is a property of that thing,
fixed once agreed. Two near paraphrases of one act that give one such duration each, of one
unit and of one thing ("gas deal" / "gas supply deal"), disagree when the numbers differ.
Ages ("a 40-year-old man") are left out: a birthday between two articles changes them.
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
        number = m["n"].casefold()
        value = float(number) if number[0].isdigit() else NUMBER_WORDS.get(number)
        if value is not None:
            shown = text[m.start() : m.end("unit")]
            found.append((shown, float(value), m["unit"].casefold(), _phrase(m["next"])))
    return tuple(found)
