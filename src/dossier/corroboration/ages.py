"""A person's age as two reports give it: "The train's driver, a 52-year-old man" / "The
driver, 54,"; "Hale, 61," / "61-year-old Viktor Hale".

An age is read from its sentence with whom it is of (``ages``): the name, or the noun after a
determiner, before an age set off by commas ("The driver, 54,", "Hale, aged 61,"), the noun
after "N-year-old" ("a 52-year-old man") and the word an "N-year-old" phrase stands in
apposition to ("driver, a 52-year-old man"). Two claims give one person's age differently
when each gives one age, both name one holder by a word that says who he is (not "man" or
"woman", which any victim is), and the ages are ``MIN_AGE_GAP`` years apart or more: a
birthday between two articles, or an age counted at another date, moves it by one.

Only near paraphrases or claims of one verb are compared ("was among the dead" / "was among
those killed"): "The 20-year-old midfielder ... also starred" and "The 17-year-old Irish
League midfielder was also being chased" are two players, and "35-year-old Gomes faces two
counts of murder" and "Catherine Gomes, 61, the defendant's mother" two Gomeses. Both
articles must be dated, within ``AGE_DAYS`` of each other: a boxer won one fight at 32 and
another at 36, four years on, and undated articles may be years apart too.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

from dossier.corroboration.numbers import published_gap
from dossier.corroboration.records import CACHED_TEXTS, ClaimRef

# Ages this far apart cannot both be right; one year apart may be a birthday.
MIN_AGE_GAP = 2
# Most days between two articles' publication dates for their ages to be compared.
AGE_DAYS = 31
# "The driver, 54,", "Hale, aged 61,", "Mia Holt, 34)": a word, a comma, an age, a comma.
# The holder is a name, or a noun after a determiner ("the driver"): "jailed, aged 45" is not.
_SET_OFF = re.compile(
    r"(?:\b(?P<det>(?i:the|a|an|his|her|its|their)|[A-Za-z]+['’]s)\s+)?"
    r"\b(?P<holder>[A-Za-z][\w'’-]*),\s+(?:aged\s+)?(?P<age>\d{1,3})\s*(?:[,)]|\.(?:\s|$))"
)
# "a 52-year-old man", "driver, a 52-year-old man", "61-year-old Viktor Hale".
_YEAR_OLD = re.compile(
    r"(?:\b(?P<before>[A-Za-z][\w'’-]*),\s+(?:a|an|the)\s+)?"
    r"\b(?P<age>\d{1,3})-year-old\s+(?P<after>(?:[A-Z][\w'’-]*\s+)*[\w'’-]+)"
)
# Holders that say what, not who: any victim or suspect is one.
_ANYONE = frozenset({
    "man", "woman", "boy", "girl", "person", "child", "baby", "men", "women", "people",
    "mother", "father", "son", "daughter", "resident", "victim", "aged",
})  # fmt: skip


@dataclass(frozen=True, slots=True)
class Age:
    years: int
    holders: frozenset[str]  # folded words that say whose age it is
    text: str  # as written, shown with the conflict


def age_conflict(a: ClaimRef, b: ClaimRef, close: bool) -> tuple[str, str] | None:
    """The two ages, as written, when the claims give one holder two ages (module doc;
    ``close``: the two are near paraphrases or of one verb)."""
    if not close or not _dated_together(a, b):
        return None
    ages_a, ages_b = ages(a.claim.text), ages(b.claim.text)
    if len(ages_a) != 1 or len(ages_b) != 1:
        return None
    (age_a,), (age_b,) = ages_a, ages_b
    if not age_a.holders & age_b.holders or abs(age_a.years - age_b.years) < MIN_AGE_GAP:
        return None
    return age_a.text, age_b.text


def _dated_together(a: ClaimRef, b: ClaimRef) -> bool:
    gap = published_gap(a, b)
    return gap is not None and gap <= AGE_DAYS


@functools.lru_cache(maxsize=CACHED_TEXTS)
def ages(text: str) -> tuple[Age, ...]:
    """The ages a sentence gives, each with the words that say whose it is."""
    found = [
        _age(m["age"], [m["holder"]], m[0][m.start("holder") - m.start() :].rstrip(",). "))
        for m in _SET_OFF.finditer(text)
        if m["det"] or m["holder"][:1].isupper()
    ]
    for m in _YEAR_OLD.finditer(text):
        shown = m[0] if m["before"] is None else m[0][m.start("age") - m.start() :]
        found.append(_age(m["age"], [m["before"] or "", *m["after"].split()], shown))
    return tuple(age for age in found if age is not None)


def _age(years: str, words: list[str], text: str) -> Age | None:
    holders = frozenset(
        folded for w in words if (folded := w.casefold().removesuffix("'s").removesuffix("’s"))
        and folded.isalpha() and folded not in _ANYONE and folded not in STOP_WORDS
    )  # fmt: skip
    age = int(years)
    return Age(age, holders, text) if 0 < age < 120 and holders else None
