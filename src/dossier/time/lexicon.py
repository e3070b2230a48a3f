"""Word lists for the temporal grammar: months, weekdays, seasons, numbers and units."""

from __future__ import annotations

import re
from typing import Any

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
    "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip

SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI",
}  # fmt: skip

# TIMEX3 part-of-day codes for "Friday morning" and friends.
PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
}  # fmt: skip

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6, "7th": 7, "8th": 8,
    "9th": 9, "10th": 10, "11th": 11, "12th": 12, "13th": 13, "14th": 14, "15th": 15,
    "16th": 16, "17th": 17, "18th": 18, "19th": 19, "20th": 20, "21st": 21,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21,
}  # fmt: skip

_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
          "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
          "seventeen", "eighteen", "nineteen"]  # fmt: skip
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

NUMBER_WORDS: dict[str, int] = {word: n for n, word in enumerate(_UNITS)}
NUMBER_WORDS.update({word: 20 + 10 * i for i, word in enumerate(_TENS)})
NUMBER_WORDS.update(
    {f"{tens}-{unit}": 20 + 10 * i + j for i, tens in enumerate(_TENS) for j, unit in
     enumerate(_UNITS[1:10], start=1)}
)  # fmt: skip
NUMBER_WORDS.update({"a": 1, "an": 1, "one hundred": 100, "a hundred": 100, "a dozen": 12})

# Quantities too vague to count: TIMEX3 writes them as "X" ("several years" -> PXY).
VAGUE_QUANTITIES = ("several", "a few", "few", "many", "some", "a couple of", "couple of")

# Unit word -> (ISO 8601 designator, needs the "T" time prefix).
UNITS: dict[str, tuple[str, bool]] = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True),
    "day": ("D", False), "night": ("D", False), "week": ("W", False),
    "weekend": ("WE", False), "month": ("M", False), "quarter": ("Q", False),
    "year": ("Y", False), "decade": ("DE", False), "century": ("CE", False),
}  # fmt: skip

# Decades and centuries are written in years so that durations compare ("P10Y").
UNIT_YEARS: dict[str, int] = {"decade": 10, "century": 100}


def parse_number(word: str) -> int | None:
    """Return the integer a numeral or number word names, or None ("several" -> None)."""
    word = word.lower().strip().replace(",", "")
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


def number_pattern() -> str:
    """A regex matching numerals and number words, longest first.

    The words are factored into a trie ("seventy(?:-(?:eight|five|...))?"): ``re`` tries each
    branch of a case-insensitive alternation in turn at every word, so a flat list of 90 words
    made the number rules the slowest of the grammar (3× slower on BBC text, same matches)."""
    words = [w for w in NUMBER_WORDS if " " not in w] + ["a hundred", "one hundred", "a dozen"]
    return r"(?:\d{1,3}|" + _trie(words) + ")"


def _trie(words: list[str]) -> str:
    """An alternation of ``words`` as a prefix tree; a longer word is tried before its prefix."""
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _branches(root)


def _branches(node: dict[str, Any]) -> str:
    branches = [re.escape(char) + _branches(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body
