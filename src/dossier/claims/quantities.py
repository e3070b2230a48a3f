"""Numbers in a claim, with their hedges and counted nouns, normalised to an interval.

A hedge turns a number into an interval ``[low, high]``:

- "at least 13" is ``[13, inf]`` and "more than 500" is ``[501, inf]``: ``high`` is
  ``float("inf")`` only for these open-ended hedges;
- "about 800" is ``[720, 880]`` (``ABOUT_TOLERANCE``), "nearly 800" is ``[720, 800]``;
- "up to 10,000" is ``[0, 10000]``, "fewer than 10" is ``[0, 9]``;
- "between 60 and 70" and "60-70" are ``[60, 70]``; a bare "1,000" is ``[1000, 1000]``;
  "one" and "a" count only before a scale word ("about a million people").

Vague counts get the interval their words allow (hedge ``"vague"``): "several thousand" is
``[3000, 9000]``, "hundreds of" ``[200, 1999]``, "tens of thousands" ``[20000, 99000]``,
"half a dozen" ``[6, 6]`` (``VAGUE_COUNTS``, ``FEW``).

Six kinds of number are no total, and their hedge says so: an increment ("nine more
people", "nine further cases", "44 new cases", "another 35", hedge ``"additional"``), a rate
("200 people a day", "$116 a barrel", hedge ``"rate"``), an earlier value ("up from 1,639",
hedge ``"previous"``), a number in a clause of condition ("if it can break above
$13.60", hedge ``"conditional"``) and a sum repeated in another currency ("£20m ($31m)",
hedge ``"conversion"``), and the whole a part was counted out of ("34 of the 101 seats", "36
seats in the 101-seat parliament", hedge ``"whole"``, ``_wholes``).
Two outlets' totals can disagree; these are not compared with them.
A score is no range ("a 71-57 win"), and "three-plus" is "more than three" (``numerals``).

The unit is the counted noun's lemma ("troop"), "USD"/"EUR"/"GBP" for money and "%" for
percentages ("% of child" when the text says of what, "% of turnout" for the level of a
measure, ``counted.level_of``); nouns and participles that count people ("martyrs",
"persons", "64 dead") are all "people" (``counted.PEOPLE``), so two outlets' death
tolls compare. ``verb`` is the lemma of the verb the count belongs to ("killed 48" and "48 were
killed": "kill"), except for a count of happenings (``HAPPENINGS``): "confirmed 141 deaths" and
"including 144 deaths" both count deaths, so their verb is "death". Durations ("40-year",
"three years") and years are not quantities.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import Any

from dossier.claims.counted import (
    SCALES,
    counted_noun,
    fold_unit,
    level_of,
    named_by,
    noun_after,
    participle,
    share_of,
    verb_of,
)
from dossier.claims.numerals import converted, is_score, no_count, no_total, plus_after
from dossier.claims.slots import token_at
from dossier.model import Quantity, Span
from dossier.nlp import text_of
from dossier.time.lexicon import NUMBER_WORDS

# "About 800" is read as 800 ± 10%: the usual rounding of a reported estimate.
ABOUT_TOLERANCE = 0.1
# Nouns that count happenings: the noun says what is counted, so it is the count's verb too.
HAPPENINGS = frozenset({"death", "case", "infection", "casualty", "fatality", "injury", "arrest"})
# A bare four-digit number in this range with no unit is a year, not a count.
YEAR_RANGE = (1800, 2100)

_HEDGES = {
    "at least": "at least", "no fewer than": "at least", "not less than": "at least",
    "a minimum of": "at least", "more than": "more than", "over": "more than",
    "upwards of": "more than", "in excess of": "more than", "about": "about",
    "around": "about", "approximately": "about", "roughly": "about", "some": "about",
    "an estimated": "about", "estimated": "about", "nearly": "nearly", "almost": "nearly",
    "close to": "nearly", "up to": "up to", "as many as": "up to", "as much as": "up to",
    "as high as": "up to", "at most": "up to",
    "no more than": "up to", "fewer than": "fewer than", "less than": "fewer than",
}  # fmt: skip
# Number words read as counts: "one" and "a" are left out ("one of them" is no count).
_WORDS = {w: n for w, n in NUMBER_WORDS.items() if n > 1 and " " not in w} | {
    "hundred": 100, "dozen": 12}  # fmt: skip
# Plural number words: the interval a bare plural allows ("hundreds" is 200 to 1,999).
VAGUE_COUNTS = {
    "tens": (20, 99), "dozens": (24, 144), "hundreds": (200, 1999),
    "thousands": (2000, 19999), "millions": (2e6, 2e7 - 1), "billions": (2e9, 2e10 - 1),
}  # fmt: skip
# How many a vague quantifier before a scale word allows ("several thousand": 3,000 to 9,000).
FEW = {"several": (3, 9), "a few": (2, 5), "a couple of": (2, 3), "a couple": (2, 3),
       "half a": (0.5, 0.5)}  # fmt: skip
_CURRENCIES = {"$": "USD", "us$": "USD", "$us": "USD", "€": "EUR", "£": "GBP"}
TIME_UNITS = {"year", "month", "week", "day", "hour", "minute", "second", "decade", "century"}

# "one" and "a" count only before a scale word: "about one million people", "a million".
_NUM = (
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|(?:one|a)(?=\s+(?:thousand|million|billion|trillion)\b)|(?:"
    + "|".join(sorted(_WORDS, key=len, reverse=True))
    + r")\b"
)
_HEDGE = "|".join(sorted(_HEDGES, key=len, reverse=True))
_PATTERN = re.compile(
    rf"(?<![\w$€£.,-])(?:(?P<between>between)\s+|(?P<hedge>{_HEDGE})\s+)?"
    rf"(?P<cur>US\$|\$US|\$|€|£)?\s?(?P<a>{_NUM})"
    rf"(?:\s*(?P<sep>(?(between)(?:-|–|to|and)|(?:-|–|to)))\s*(?:US\$|\$|€|£)?(?P<b>{_NUM}))?"
    r"(?:\s+(?P<scale>thousand|million|billion|trillion)|(?(cur)\s?)(?P<short>m|bn)\b)?"
    r"(?P<pct>\s*%|\s+percent\b|\s+per cent\b)?(?![\w.,]\d)",
    re.IGNORECASE,
)
# What a scale word after "several", "a few" or "half a" multiplies by.
_SCALE_WORDS = {"dozen": 12.0, "hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9}
_SCALE_WORD = "(?:" + "|".join(_SCALE_WORDS) + ")"
_VAGUE = re.compile(
    rf"(?<![\w-])(?:(?P<few>{'|'.join(sorted(FEW, key=len, reverse=True))})\s+(?P<fscale>{_SCALE_WORD})"
    rf"|(?P<plural>{'|'.join(VAGUE_COUNTS)})(?:\s+of\s+(?P<pscale>thousands|millions|billions))?)\b",
    re.IGNORECASE,
)


def find_quantities(
    doc: Any, document_id: str, start: int, end: int, skip: Sequence[tuple[int, int]]
) -> list[Quantity]:
    """Quantities in ``text_of(doc)[start:end]``, leaving out numbers inside the ``skip`` spans."""
    text = text_of(doc)
    found: list[Quantity] = []
    taken = list(skip)
    for m in _VAGUE.finditer(text, start, end):
        if not _overlaps(m, taken):
            quantity = _vague(doc, document_id, m)
            if quantity is not None:
                found.append(quantity)
                taken.append((m.start(), m.end()))
    for m in _PATTERN.finditer(text, start, end):
        if _overlaps(m, taken) or no_count(text, m.start(), m.end()):
            continue
        quantity = _quantity(doc, document_id, m)
        if quantity is not None:
            found.append(quantity)
    return _wholes(text, sorted(found, key=lambda q: q.span.start))


def _wholes(text: str, found: list[Quantity]) -> list[Quantity]:
    """A count joined by a hyphen to a unit another count of the clause counts is the size of
    the whole ("won 36 seats in the 101-seat parliament"). A bare part of a whole keeps no
    unit: "three of the seven bullets" is no count of bullets to set against "seven bullets"."""
    hyphened = [text[q.span.end : q.span.end + 1] == "-" for q in found]
    plain = {q.unit for q, joined in zip(found, hyphened, strict=True) if not joined}
    return [
        dataclasses.replace(q, hedge="whole") if joined and q.unit and q.unit in plain else q
        for q, joined in zip(found, hyphened, strict=True)
    ]


def _overlaps(m: re.Match[str], spans: Sequence[tuple[int, int]]) -> bool:
    return any(s < m.end() and m.start() < e for s, e in spans)


def _quantity(doc: Any, document_id: str, m: re.Match[str]) -> Quantity | None:
    hedge = _HEDGES.get((m["hedge"] or "").lower(), "")
    if m["between"]:
        hedge = "between" if m["b"] else ""  # "between two enemies" is no range
    scale = SCALES[(m["scale"] or m["short"] or "").lower()] if m["scale"] or m["short"] else 1.0
    a = _number(m["a"]) * scale
    b = _number(m["b"]) * scale if m["b"] else None
    text, end = text_of(doc), m.start() + len(m.group().rstrip())
    if b is not None and not m["between"] and is_score(text, a, b, m.start(), end):
        return None
    if not hedge and b is None and plus_after(text, end):
        hedge = "more than"
    counted = _unit(doc, m)
    if counted is None or _a_kind(doc, m.start("a"), end):
        return None
    unit, verb = counted
    if not hedge and b is None and not m["cur"] and _is_year(m["a"], unit):
        return None
    low, high = _interval(hedge, a, b)
    at = m.start("a") if m["cur"] is None else m.start("cur")
    hedge = (
        no_total(text, at, end)
        or _conditional(doc, at)
        or (converted(text, m.start()) if m["cur"] else "")
        or hedge
    )
    return Quantity(Span(document_id, m.start(), end), low, high, unit, hedge, verb)


def _a_kind(doc: Any, start: int, end: int) -> bool:
    """A number joined by a hyphen to the noun it measures, before a noun another number
    counts: "two three-point plays", "two 500-pound bombs" are two of a kind, not three
    points or 500 pounds. Alone, it measures its noun ("the 6.1-magnitude quake")."""
    text = text_of(doc)
    if text[end : end + 1] != "-" or not text[end + 1 : end + 2].isalpha():
        return False
    number = token_at(doc, start)
    measure = number.head if number is not None else None
    if measure is None or measure.dep_ not in ("compound", "amod", "nmod"):
        return False
    counted = measure.head
    return counted.pos_ == "NOUN" and any(
        c.dep_ == "nummod" and c.i < number.i for c in counted.children
    )


def _conditional(doc: Any, char: int) -> str:
    """ "conditional" for a number in a clause of condition ("if it can break above $13.60"):
    a figure supposed, not reported."""
    token = token_at(doc, char)
    above = [token, *token.ancestors] if token is not None else []
    opened = any(
        c.dep_ == "mark" and c.lower_ in ("if", "unless") for t in above for c in t.children
    )
    return "conditional" if opened else ""


def _vague(doc: Any, document_id: str, m: re.Match[str]) -> Quantity | None:
    """A count in words only: "several thousand people", "hundreds of cars", "half a dozen"."""
    if m["few"]:
        low, high = FEW[" ".join(m["few"].lower().split())]
        scale = _SCALE_WORDS[m["fscale"].lower()]
    else:
        low, high = VAGUE_COUNTS[m["plural"].lower()]
        scale = SCALES[m["pscale"].lower()[:-1]] if m["pscale"] else 1.0
    tokens = doc.char_span(m.start(), m.end(), alignment_mode="expand")
    if tokens is None or len(tokens) == 0:
        return None
    noun = noun_after(tokens[-1])
    if noun is not None and noun.lemma_.lower() in TIME_UNITS:
        return None  # "several hundred years" is a duration
    unit = fold_unit(noun.lemma_.lower()) if noun is not None else ""
    verb = verb_of(noun if noun is not None else tokens.root)
    hedge = no_total(text_of(doc), m.start(), m.end()) or "vague"
    return Quantity(Span(document_id, m.start(), m.end()), low * scale, high * scale, unit,
                    hedge, verb)  # fmt: skip


def _number(raw: str) -> float:
    word = raw.lower()
    if word in ("one", "a"):
        return 1.0
    return float(_WORDS[word]) if word in _WORDS else float(raw.replace(",", ""))


def _is_year(raw: str, unit: str) -> bool:
    return unit == "" and raw.isdigit() and YEAR_RANGE[0] <= int(raw) <= YEAR_RANGE[1]


def _interval(hedge: str, a: float, b: float | None) -> tuple[float, float]:
    inf = float("inf")
    if b is not None:
        return (min(a, b), max(a, b))
    step = 1.0 if a.is_integer() else 0.0  # "more than 500" counts from 501
    return {
        "at least": (a, inf),
        "more than": (a + step, inf),
        "about": (round(a * (1 - ABOUT_TOLERANCE), 6), round(a * (1 + ABOUT_TOLERANCE), 6)),
        "nearly": (round(a * (1 - ABOUT_TOLERANCE), 6), a),
        "up to": (0.0, a),
        "fewer than": (0.0, max(a - step, 0.0)),
    }.get(hedge, (a, a))


def _unit(doc: Any, m: re.Match[str]) -> tuple[str, str] | None:
    """The unit of the number and its verb; None when the number counts time (a duration)."""
    token = doc.char_span(m.start("a"), m.end("a"), alignment_mode="expand")
    if token is None or len(token) == 0:
        return ("", "")
    verb = verb_of(token[-1])
    if m["cur"]:  # a sum that names what it is ("a $100m fund") counts that, whatever the verb
        noun = named_by(token[-1])
        return (_CURRENCIES[m["cur"].lower()], noun.lemma_.lower() if noun is not None else verb)
    if m["pct"]:
        share = share_of(doc, m.end())
        level = "" if share else level_of(token[-1])
        if level:  # "Turnout was 61%" / "a turnout of 63%": the level of one measure
            return (f"% of {level}", f"% of {level}")
        return ("%" + share, verb)
    noun = counted_noun(token[-1])
    if noun is not None and noun.lemma_.lower() in TIME_UNITS:
        return None
    unit = noun.lemma_.lower() if noun is not None else participle(token[-1])
    if unit in HAPPENINGS:  # "141 deaths" counts deaths, whether confirmed or included
        return (unit, unit)
    return (fold_unit(unit), verb_of(noun) if noun is not None else verb)
