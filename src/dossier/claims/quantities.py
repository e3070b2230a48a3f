"""Numbers in a claim, with their hedges and counted nouns, normalised to an interval.

A hedge turns a number into an interval ``[low, high]``:

- "at least 13" is ``[13, inf]`` and "more than 500" is ``[501, inf]``: ``high`` is
  ``float("inf")`` only for these open-ended hedges;
- "about 800" is ``[720, 880]`` (``ABOUT_TOLERANCE``), "nearly 800" is ``[720, 800]``;
- "up to 10,000" is ``[0, 10000]``, "fewer than 10" is ``[0, 9]``;
- "between 60 and 70" and "60-70" are ``[60, 70]``; a bare "1,000" is ``[1000, 1000]``.

The unit is the counted noun's lemma ("troop"), "USD"/"EUR"/"GBP" for money and "%" for
percentages. Durations ("40-year", "three years") and years are not quantities.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from dossier.model import Quantity, Span
from dossier.nlp import text_of

# "About 800" is read as 800 ± 10%: the usual rounding of a reported estimate.
ABOUT_TOLERANCE = 0.1
# A bare four-digit number in this range with no unit is a year, not a count.
YEAR_RANGE = (1800, 2100)
# How many tokens after a number may sit between it and its counted noun ("11 Iranian diplomats").
UNIT_LOOKAHEAD = 3

_HEDGES = {
    "at least": "at least", "no fewer than": "at least", "not less than": "at least",
    "a minimum of": "at least", "more than": "more than", "over": "more than",
    "upwards of": "more than", "in excess of": "more than", "about": "about",
    "around": "about", "approximately": "about", "roughly": "about", "some": "about",
    "an estimated": "about", "estimated": "about", "nearly": "nearly", "almost": "nearly",
    "close to": "nearly", "up to": "up to", "as many as": "up to", "at most": "up to",
    "no more than": "up to", "fewer than": "fewer than", "less than": "fewer than",
}  # fmt: skip
_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "dozen": 12,
}  # fmt: skip
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "m": 1e6, "bn": 1e9}
_CURRENCIES = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP"}
TIME_UNITS = {"year", "month", "week", "day", "hour", "minute", "second", "decade", "century"}

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|" + "|".join(_WORDS)
_HEDGE = "|".join(sorted(_HEDGES, key=len, reverse=True))
_PATTERN = re.compile(
    rf"(?<![\w$€£.,-])(?:(?P<between>between)\s+|(?P<hedge>{_HEDGE})\s+)?"
    rf"(?P<cur>US\$|\$|€|£)?\s?(?P<a>{_NUM})"
    rf"(?:\s*(?P<sep>(?(between)(?:-|–|to|and)|(?:-|–|to)))\s*(?:US\$|\$|€|£)?(?P<b>{_NUM}))?"
    r"(?:\s+(?P<scale>thousand|million|billion|trillion)|(?P<short>m|bn)\b)?"
    r"(?P<pct>\s*%|\s+percent\b|\s+per cent\b)?(?![\w.,]\d)",
    re.IGNORECASE,
)
_DURATION_AFTER = re.compile(r"^[-\s](?:year|month|week|day|hour|minute|decade|centur)", re.I)


def find_quantities(
    doc: Any, document_id: str, start: int, end: int, skip: Sequence[tuple[int, int]]
) -> list[Quantity]:
    """Quantities in ``text_of(doc)[start:end]``, leaving out numbers inside the ``skip`` spans."""
    text = text_of(doc)
    found = []
    for m in _PATTERN.finditer(text, start, end):
        if any(s < m.end() and m.start() < e for s, e in skip) or _is_duration(text, m.end()):
            continue
        quantity = _quantity(doc, document_id, m)
        if quantity is not None:
            found.append(quantity)
    return found


def _is_duration(text: str, end: int) -> bool:
    return bool(_DURATION_AFTER.match(text[end : end + 12]))


def _quantity(doc: Any, document_id: str, m: re.Match[str]) -> Quantity | None:
    hedge = _HEDGES.get((m["hedge"] or "").lower(), "")
    if m["between"]:
        hedge = "between" if m["b"] else ""  # "between two enemies" is no range
    scale = _SCALES[(m["scale"] or m["short"] or "").lower()] if m["scale"] or m["short"] else 1.0
    a = _number(m["a"]) * scale
    b = _number(m["b"]) * scale if m["b"] else None
    unit = _unit(doc, m)
    if unit is None or (not hedge and b is None and not m["cur"] and _is_year(m["a"], unit)):
        return None
    end = m.start() + len(m.group().rstrip())
    low, high = _interval(hedge, a, b)
    return Quantity(Span(document_id, m.start(), end), low, high, unit, hedge)


def _number(raw: str) -> float:
    word = raw.lower()
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


def _unit(doc: Any, m: re.Match[str]) -> str | None:
    """The unit of the number; None when the number counts time (a duration)."""
    if m["cur"]:
        return _CURRENCIES[m["cur"].lower()]
    if m["pct"]:
        return "%"
    token = doc.char_span(m.start("a"), m.end("a"), alignment_mode="expand")
    if token is None or len(token) == 0:
        return ""
    noun = _counted_noun(token[-1])
    if noun is not None and noun.lemma_.lower() in TIME_UNITS:
        return None
    return noun.lemma_.lower() if noun is not None else _participle(token[-1])


def _counted_noun(token: Any) -> Any:
    head = token
    while head.dep_ in ("nummod", "quantmod", "compound") and head.head is not head:
        head = head.head
        if head.pos_ == "NOUN":
            return head
    for nxt in token.doc[token.i + 1 : token.i + 1 + UNIT_LOOKAHEAD]:
        if nxt.pos_ == "NOUN":
            return nxt
        if nxt.pos_ not in ("ADJ", "PROPN", "NUM"):
            break
    return None


def _participle(token: Any) -> str:
    """The counted word of "1,000 wounded": a participle right after the number."""
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if nxt is not None and nxt.tag_ in ("VBN", "VBD", "JJ") and nxt.pos_ in ("VERB", "ADJ"):
        return str(nxt.lower_)
    return ""
