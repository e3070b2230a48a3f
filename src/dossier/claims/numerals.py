"""Numbers in a sentence that count nothing (durations, ranks, times of day), or no total.

"A 40-year rule" and "three years" are durations, "fell to number six", "No. 3" and "the 16th
case" ranks, "Phase 1" and "Resolution 1973" labels, "5.18 pm", "10:20 a.m." and "18.00 GMT"
times of day. ``quantities`` leaves them out, so two live-blog timestamps, two chart places or
two phases of an alert are never compared as two counts of one thing. An increment ("nine
more"), a rate ("200 a day", "each year, ... kills 500,000") and an earlier value ("up from
1,639") count something but no total (``no_total``): their hedge says so. Two numbers joined
by a dash may be a score ("a 71-57 win", ``is_score``), a number with "plus" is open-ended
("three-plus seasons", ``plus_after``), and a sum in brackets after another is the same sum
converted ("£20m ($31m)", ``converted``).
"""

from __future__ import annotations

import re

_DURATION_AFTER = re.compile(r"[-\s](?:year|month|week|day|hour|minute|decade|centur)", re.I)
# "the 16th case", "1st", "22nd": an ordinal.
_ORDINAL_AFTER = re.compile(r"(?:st|nd|rd|th)\b", re.I)
# "number six", "world number one", "No. 3", "#1"; a label after its noun: "Phase 1", "level
# 6", "Resolution 1973", "Flight 370", "Category 5".
_RANK_BEFORE = re.compile(
    r"(?:\bnumber|\bno\.?|#|\b(?:phase|level|stage|category|article|chapter|section|"
    r"resolution|flight|grade|tier|round|clause|amendment|paragraph|version|season|episode|"
    r"volume|page|room|route|channel|division|type))\s*$",
    re.I,
)
# "5.18 pm", "3.03pm", "10:20 a.m.", "18.00 GMT", "4:36 PM"; and the "20" of "10:20".
_CLOCK_AFTER = re.compile(
    r"(?::\d\d)?\s?(?:(?i:[ap]\.?m\b\.?)|GMT\b|BST\b|UTC\b|[ECMP][SD]T\b)|:\d\d"
)
# "another 35", "a further 12" / "nine more", "44 new cases": an increment. "Seven other
# elder members" (besides one named before) are a remainder, no total either ("17 others"
# is one: "others" is the thing counted).
_INCREMENT_BEFORE = re.compile(
    r"\b(?:another|an additional|a further|further|additional|extra)\s+$", re.I
)
_INCREMENT_AFTER = re.compile(r"^\s+(?:more|additional|extra|further|new|other)\b(?!\s+than)", re.I)
# An earlier value the total is compared with: "2,254 cases, up from 1,639", "compared with
# 874.2m rupees a year earlier", "compared to EA's $17.8bn".
_PREVIOUS_BEFORE = re.compile(
    r"\b(?:(?:up|down|rose|fell|risen|fallen|increased|decreased|climbed|dropped|jumped)\s+from"
    r"|compared\s+(?:with|to)(?:\s+[\w'\u2019]+'s)?)\s+"
    r"(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|\$|£|€)?$",
    re.I,
)
# "kills 250,000 to 500,000 people year after year": one period after another.
_AFTER_ANOTHER = r"(?P<unit>day|week|month|year|night)\s+after\s+(?P=unit)\b"
# "200 people a day", "$116 a barrel", "15,000 barrels of oil a day", "$5 billion annually",
# "3.8 yards per run", "$4.99 per lesson": a rate.
_RATE_AFTER = re.compile(
    r"^(?:\s+[\w-]+){0,3}?\s+(?:"
    r"(?:a|an|per|each|every)\s+(?:day|week|month|year|hour|minute|night|"
    r"barrel|gallon|litre|liter|ton|tonne|kilo\w*|pound|ounce|head|person|capita|share)\b"
    r"(?!\s+(?:after|before|earlier|later|ago))|per\s+(?!cent\b)[a-z]+\b"
    r"|(?:annually|yearly|monthly|weekly|daily|hourly|per\s+annum)\b|" + _AFTER_ANOTHER + ")",
    re.I,
)
# "Each year, normal flu kills up to 500,000 people", "Year after year, ...": a rate named
# before its number, in the same sentence.
_RATE_BEFORE = re.compile(
    r"\b(?:(?:each|every)\s+(?:day|week|month|year|night)\b|" + _AFTER_ANOTHER + ")", re.I
)
# "162-139 record", "a 71-57 win", "a 44-26 rebounding edge": a score or a record, no range.
_SCORE_AFTER = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:record|mark|win|victory|defeat|loss|lead|score|edge|advantage|"
    r"vote|decision|margin|scoreline|draw|tie)s?\b",
    re.I,
)
_SCORE_BEFORE = re.compile(r"\b(?:record|mark|score|scoreline|lead|margin|tally)\s+of\s+$", re.I)
# "three-plus seasons", "50+ people": more than the number.
# ... but "3 plus 4", "2+2" add a second number.
_PLUS_AFTER = re.compile(
    r"(?:(?:-|\s)?plus\b|\+)(?!\s*(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|a)\b))",
    re.I,
)
# A sum given again in another currency: "$US1 million ($1.52 million)", "£20m ($31m)", "80bn
# rupees ($1.8bn)", "59.2 trillion rupiah ($6.58bn; £3.5bn)" (both bracketed sums).
_CONVERSION_BEFORE = re.compile(
    r"\d(?:\s?(?:m|bn|k|thousand|million|billion|trillion))?(?:\s+[a-z]{3,})?\s*\(\s*"
    r"(?:[^()]{1,16}[;,]\s*)?(?:about\s+|around\s+|approximately\s+|roughly\s+|some\s+)?$",
    re.I,
)
# The whole a part was counted out of: the 17 of "scored 10 of the team's first 17 points",
# the 11 of "grabbed 6 of his team-high 11 rebounds". It is not the subject's own count.
_WHOLE_BEFORE = re.compile(
    r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))\s+of\s+"
    r"(?:(?:the|his|her|its|their|our|all)\s+)?(?:[\w'\u2019-]+\s+){0,2}$",
    re.I,
)
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s")
# How far before a number its rank word may start ("resolution " is eleven characters).
_RANK_WINDOW = 12


def no_count(text: str, start: int, end: int) -> bool:
    """Whether the number at ``text[start:end]`` is a duration, a rank (or an ordinal) or a time
    of day."""
    return bool(
        _DURATION_AFTER.match(text, end)
        or _RANK_BEFORE.search(text[max(0, start - _RANK_WINDOW) : start])
        or _CLOCK_AFTER.match(text, end)
        or _ORDINAL_AFTER.match(text, end)
        or text[max(0, start - 1) : start] == ":"
    )


def no_total(text: str, start: int, end: int) -> str:
    """ "additional" for an increment, "rate" for a rate, "previous" for an earlier value,
    "whole" for what a part was counted out of, "" for a total."""
    if _INCREMENT_BEFORE.search(text[max(0, start - 16) : start]) or _INCREMENT_AFTER.match(
        text[end : end + 16]
    ):
        return "additional"
    if _PREVIOUS_BEFORE.search(text[max(0, start - 24) : start]):
        return "previous"
    if _WHOLE_BEFORE.search(text[max(0, start - 40) : start]):
        return "whole"
    before = _SENTENCE_END.split(text[max(0, start - 80) : start])[-1]
    rate = _RATE_AFTER.match(text[end : end + 48]) or _RATE_BEFORE.search(before)
    return "rate" if rate else ""


def is_score(text: str, a: float, b: float, start: int, end: int) -> bool:
    """ "162-139", "71-57 win", "a mark of 122-147": two numbers joined by a dash that are a
    score or a record, not a range. A range runs from low to high ("1,000-2,000 people"); a
    score need not, and a noun before or after it says which it is."""
    return (
        a > b or bool(_SCORE_AFTER.match(text, end))
        or bool(_SCORE_BEFORE.search(text[max(0, start - 24) : start]))
    )  # fmt: skip


def plus_after(text: str, end: int) -> bool:
    """ "three-plus seasons", "50+ people": more than the number."""
    return bool(_PLUS_AFTER.match(text, end))


def converted(text: str, start: int) -> str:
    """ "conversion" when the sum at ``start`` repeats the sum before it in another currency,
    in brackets: "$US1 million ($1.52 million)". It is no second figure."""
    return "conversion" if _CONVERSION_BEFORE.search(text[max(0, start - 48) : start]) else ""
