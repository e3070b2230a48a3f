"""What a count counts: deaths, cases, people or a unit by a verb, a total or a rate.

Two claims' counts are compared (``numbers``) and score as one count in grouping only when
they count one thing (``same_count``); a rate and a total of people are two facts
(``rate_and_total``).
"""

from __future__ import annotations

import functools
import re

from dossier.corroboration.features import fold
from dossier.corroboration.records import CACHED_TEXTS
from dossier.model import Quantity

# Hedges of a number that is no total: an increment ("nine more"), a rate ("200 a day"), an
# earlier value ("up from 1,639") or the whole a part was counted out of ("10 of the team's 17").
NOT_TOTALS = frozenset({"additional", "rate", "previous", "whole", "conditional", "conversion"})
# Verbs too general to say that two counts count the same thing ("there are", "has").
VAGUE_VERBS = frozenset({"", "be", "have", "say", "do", "include", "make", "get"})

# Units that measure a substance; what they hold follows in "of ..." (``measured``). Barrels
# and gallons are left out: "barrels of oil" and "barrels of crude" hold one thing.
MEASURE_UNITS = frozenset({
    "milligram", "microgram", "gram", "kilogram", "kilo", "mg", "kg", "ml", "tonne", "ton",
    "ounce", "litre", "liter", "millilitre", "milliliter", "dose",
})  # fmt: skip
_MEASURE_OF = re.compile(
    r"\s*(?:[a-z]+\s+){0,2}?of\s+(?:(?:the|a|an|its|his|her|their)\s+)?(?P<what>[\w-]+)"
)


def measured(q: Quantity, after: str) -> str:
    """What a measure holds, folded, from the words ``after`` it ("four milligrams of the
    drug", "a 10 milligram tablet of Diazepam"); "" for a count or a bare measure. Counts are
    left alone: "cases of influenza A (H1N1)" and "cases of the flu virus" are one tally."""
    found = _MEASURE_OF.match(after) if q.unit in MEASURE_UNITS else None
    return found["what"].casefold() if found else ""


# People counted by a verb of dying count deaths; infections, and people infected or sickened,
# are cases.
_PEOPLE = frozenset({"people", "person", "persons"})
_DYING = frozenset({"kill", "die"})
_CASES = frozenset({"case", "infection"})
_INFECTING = frozenset({"infect", "sicken"})
# Verbs by which a share of a named whole is got: "won 28.4% of the vote" / "received 29.1% of
# the vote" count one share.
_GETTING = frozenset({
    "win", "receive", "get", "take", "secure", "garner", "gain", "poll", "obtain", "capture",
    "score", "earn", "attract",
})  # fmt: skip
# What ``rate_and_total`` compares: counts of people and what befalls them.
_TOLLS = _PEOPLE | {"death", "case"}


def totals_by_unit(quantities: tuple[Quantity, ...]) -> dict[str, list[Quantity]]:
    """Quantities keyed by what they count (``counted``), keeping only totals of units counted
    exactly once."""
    found: dict[str, list[Quantity]] = {}
    for q in quantities:
        unit = counted(q)[0]
        if unit and q.hedge not in NOT_TOTALS:
            found.setdefault(unit, []).append(q)
    return {unit: qs for unit, qs in found.items() if len(qs) == 1}


def same_count(a: Quantity, b: Quantity) -> bool:
    """Two counts of one thing by one verb: "48 people were killed" and "killed 64 people";
    verbs reporters use for one another count alike ("released" / "freed" 1,000 prisoners,
    ``features.RELATED``). A rate and a total count two things ("each year, ordinary flu kills
    up to 500,000 people" / "the 1968 pandemic killed about one million people")."""
    (unit_a, verb_a), (unit_b, verb_b) = counted(a), counted(b)
    if not unit_a or unit_a != unit_b or verb_a in VAGUE_VERBS or verb_b in VAGUE_VERBS:
        return False
    if (a.hedge == "rate") != (b.hedge == "rate"):
        return False
    return verb_a == verb_b or fold(verb_a) == fold(verb_b)


def rate_and_total(a: tuple[Quantity, ...], b: tuple[Quantity, ...]) -> bool:
    """One claim counts people, deaths or cases only as a rate and the other only as a total:
    two facts, not one fact told twice ("Each year, normal flu kills up to 500,000 people" /
    "That pandemic killed about one million people"). Things are compared as ``counted``
    reads them. Sums are left out: "$5 billion annually over the next four years" and "$20bn"
    are one deal told two ways."""
    rates_a, rates_b = _rate_kinds(a), _rate_kinds(b)
    return any(
        len(kinds) == 1 and rates_b.get(unit) == frozenset({not rate})
        for unit, kinds in rates_a.items() for rate in kinds
    )  # fmt: skip


@functools.lru_cache(maxsize=CACHED_TEXTS)
def _rate_kinds(quantities: tuple[Quantity, ...]) -> dict[str, frozenset[bool]]:
    """Each counted thing and whether it is given as a rate, as a total, or both (read once
    per claim: grouping asks it for every scored pair)."""
    found: dict[str, set[bool]] = {}
    for q in quantities:
        unit = counted(q)[0]
        if unit in _TOLLS:
            found.setdefault(unit, set()).add(q.hedge == "rate")
    return {unit: frozenset(kinds) for unit, kinds in found.items()}


def counted(q: Quantity) -> tuple[str, str]:
    """What a count counts, as (unit, verb): people killed or dead are deaths ("killed an
    estimated 25 million people" / "causing more than 50 million deaths"); infections and
    people infected are cases ("28,774 infections confirmed" / "27,737 cases" / "infecting
    more than 27,700 people"), and so are bare counts killed or dead ("killing 140")."""
    if (q.unit in _PEOPLE or not q.unit) and q.verb in _DYING:
        return "death", "death"
    if q.unit in _CASES or (q.unit in _PEOPLE and q.verb in _INFECTING):
        return "case", "case"
    if q.unit.startswith("% of ") and q.verb in _GETTING:
        return q.unit, "win"
    return q.unit, q.verb
