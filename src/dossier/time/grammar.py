"""The temporal grammar: regular expressions over the text, each with its handler.

Rules are tried everywhere; where matches overlap the longest wins, then the earlier rule.
Months, weekdays and seasons are matched case-sensitively (capitalised) where a lower-case
word would be ambiguous ("may", "march"); function words are matched in any case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dossier.time import absolute, duration, relative
from dossier.time.lexicon import VAGUE_QUANTITIES, number_pattern
from dossier.time.reading import Handler

_FULL = "January|February|March|April|May|June|July|August|September|October|November|December"
_ABBR = r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
MON = rf"(?P<mon>(?:{_FULL})\b|(?:{_ABBR})\b\.?)"
MON_FULL = rf"(?P<mon>(?:{_FULL})\b|Sept\.)"
YEAR = r"(?P<y>1[6-9]\d\d|20\d\d)"
PART = (
    r"(?:(?P<part>(?i:early|mid|late|(?:the\s+)?(?:beginning|start|middle|end)\s+of))"
    r"(?:\s+|-))"
)
DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
# The first end of a month range ("mid-May through early June 2013"), named apart from MON.
PART1 = PART.replace("<part>", "<part1>")
MON1 = MON.replace("<mon>", "<mon1>")
RANGE_LINK = r"(?P<link>\s+(?i:through|thru|to|until|till|and)\s+|\s*[-–—]\s*)"
NUM = rf"(?P<num>(?i:{number_pattern()}|{'|'.join(VAGUE_QUANTITIES)}))"
UNIT = r"(?P<unit>(?i:second|minute|hour|day|night|week|weekend|month|quarter|year|decade))"
UNIT_PLURAL = r"(?P<unit>(?i:years|months|weeks|days|decades|hours|minutes|centuries))"
SEASON = r"(?P<season>(?i:spring|summer|autumn|fall|winter))"
WEEKDAY = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
POD = r"(?P<pod>(?i:morning|afternoon|evening|night))"
THE = r"(?:(?i:the)\s+)?"
YEAR_EDGE_BEFORE = r"(?<![\w$€£#.,/:])(?<!\d-)"
YEAR_EDGE_AFTER = r"(?![\w%]|[.,/:-]\d)"


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    handler: Handler


def _rule(name: str, pattern: str, handler: Handler) -> Rule:
    """A rule whose matches start where a word does not go on: "extra four hours" holds
    "four hours", not "a four hours". The guard also lets the engine skip the inside of every
    word at once, which halves the time the rules take."""
    return Rule(name, re.compile(rf"(?<!\w)(?:{pattern})"), handler)


RULES: tuple[Rule, ...] = (
    _rule("iso-date", r"\b(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b", absolute.full_date),
    _rule("slash-date", r"\b(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<y>\d{4})\b", absolute.full_date),
    _rule("month-day-year", rf"\b{MON}\s*{DAY},?\s+{YEAR}\b", absolute.full_date),
    _rule("day-month-year", rf"\b{DAY}\s+(?:of\s+)?{MON},?\s+{YEAR}\b", absolute.full_date),
    _rule("month-year", rf"{THE}{PART}?\b{MON},?\s+(?:(?i:of)\s+)?{YEAR}\b", absolute.month_year),
    _rule(
        "month-range",
        rf"(?P<between>\b(?i:between)\s+)?(?P<span>{THE}{PART1}?\b{MON1}{RANGE_LINK}{THE}{PART}?"
        rf"\b{MON},?\s+{YEAR})\b",
        absolute.month_range,
    ),
    _rule("season-year", rf"{THE}\b{SEASON}\s+(?:(?i:of)\s+)?{YEAR}\b", absolute.season_year),
    _rule(
        "quarter-year",
        rf"{THE}\b(?P<ord>(?i:first|second|third|fourth|1st|2nd|3rd|4th))[-\s](?i:quarter)\s+"
        rf"(?:(?i:of)\s+)?(?:(?i:fiscal)\s+)?{YEAR}\b",
        absolute.quarter_year,
    ),
    _rule("q-year", rf"\bQ(?P<q>[1-4])\s+{YEAR}\b", absolute.quarter_year),
    _rule(
        "decade",
        rf"{THE}{PART}?{THE}(?:\b(?P<dec>1[6-9]\d|20\d)0'?s|['’](?P<short>\d)0s)\b",
        absolute.decade,
    ),
    _rule(
        "century",
        rf"{THE}\b(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|(?i:seventeenth|eighteenth|nineteenth|"
        r"twentieth|twenty-first))[-\s](?i:century)\b",
        absolute.century,
    ),
    _rule(
        "from-to",
        r"(?i:from|between)\s+(?P<y1>1[6-9]\d\d|20\d\d)\s+(?i:to|and|until|till|through)\s+"
        r"(?P<y2>\d{4})\b",
        absolute.year_range,
    ),
    _rule(
        "year-range",
        rf"{YEAR_EDGE_BEFORE}(?P<y1>1[6-9]\d\d|20\d\d)\s?[-–—/]\s?(?P<y2>\d{{4}}|\d{{2}})\b"
        r"(?![-/]\d)",
        absolute.year_range,
    ),
    _rule(
        "year",
        rf"{PART}?(?:(?i:fiscal)\s+(?:(?i:year)\s+)?)?{YEAR_EDGE_BEFORE}{YEAR}{YEAR_EDGE_AFTER}",
        absolute.year,
    ),
    _rule("month-day", rf"\b{MON}\s*{DAY}\b(?!\s*,?\s*\d)(?!:)", relative.month_day),
    _rule("day-month", rf"\b{DAY}\s+(?:(?i:of)\s+)?{MON_FULL}(?!\s*,?\s*\d)", relative.month_day),
    _rule(
        "month",
        rf"{THE}{PART}?(?:(?P<rel>(?i:last|next|this|past|coming))\s+)?\b{MON_FULL}(?!\s*\d)",
        relative.month_alone,
    ),
    _rule(
        "season-relative",
        rf"{PART}?\b(?P<rel>(?i:last|next|this|past|coming|the\s+coming|the\s+past))\s+{SEASON}\b",
        relative.season_relative,
    ),
    _rule(
        "weekday",
        rf"\b(?:(?P<rel>(?i:last|next|this|past|coming))\s+)?{WEEKDAY}(?!s)(?:\s+{POD})?\b",
        relative.weekday,
    ),
    _rule(
        "deictic",
        rf"\b(?P<word>(?i:yesterday|today|tomorrow|tonight))(?:\s+{POD})?\b",
        relative.deictic_day,
    ),
    _rule("this-morning", rf"\b(?P<rel>(?i:this|last))\s+{POD}\b", relative.deictic_day),
    _rule(
        "relative-unit",
        rf"(?:(?P<lead>(?i:later|earlier))\s+)?{PART}?{THE}\b(?P<rel>(?i:last|next|this|past|"
        rf"previous|coming|current|same|following|preceding|prior|that(?:\s+same)?))\s+"
        rf"{UNIT}\b(?!-)",
        relative.relative_unit,
    ),
    _rule(
        "offset",
        r"(?:(?P<hedge>(?i:just|only|about|almost|nearly|some|roughly|around|more\s+than|"
        r"less\s+than|under|over|within))\s+)?"
        rf"\b{NUM}\s+(?:(?i:more)\s+)?{UNIT}s?\s+(?P<dir>(?i:ago|earlier|later|from\s+now|hence|"
        r"(?:before|after)(?=\s*[,.;])))",
        relative.offset,
    ),
    _rule(
        "quarter",
        r"(?:(?i:the)\s+)?(?:(?i:fiscal)\s+)?\b(?P<ord>(?i:first|second|third|fourth))[-\s]"
        r"(?i:quarter)\b",
        relative.quarter_relative,
    ),
    _rule(
        "latest-quarter",
        r"\b(?i:the)\s+(?:(?i:latest|most\s+recent|recent)\s+)?(?i:quarter)\b(?!-)",
        relative.quarter_relative,
    ),
    _rule(
        "duration",
        rf"(?:(?i:the|a|an)\s+)?(?:(?i:past|last|next|first|coming|previous|final|more\s+than|"
        r"less\s+than|almost|nearly|about|over|some|at\s+least|up\s+to|roughly|around|another|"
        rf"only|just)\s+)?\b{NUM}\s+{UNIT}s?\b(?!-old|-)",
        duration.duration,
    ),
    _rule("duration-adjective", rf"\b{NUM}-{UNIT}s?\b(?!-old|-)", duration.duration),
    _rule(
        "duration-century",
        rf"\b{NUM}(?:\s+|-)(?P<unit>(?i:century|centuries))\b",
        duration.duration,
    ),
    _rule(
        "vague-duration",
        rf"(?:(?i:recent)\s+|(?<=\b(?i:for)\s)|(?<=\b(?i:over)\s)){UNIT_PLURAL}\b",
        duration.vague_duration,
    ),
    _rule(
        "reference",
        r"(?<!\bas\s)\b(?P<ref>(?i:now|currently|nowadays|presently|at\s+present|these\s+days|"
        r"recently|the\s+past|the\s+future|soon|the\s+present))\b(?!-)",
        duration.reference,
    ),
    _rule(
        "frequency",
        r"\b(?:(?P<freq>(?i:daily|weekly|monthly|annually|yearly))|(?i:every|each)\s+"
        r"(?P<freq2>(?i:day|week|month|year)))\b",
        duration.frequency,
    ),
    _rule("age", r"\b[A-Z][\w'’-]+,\s(?P<span>[1-9]\d),\s", duration.age),
    _rule("aged", r"\b(?i:aged)\s+(?P<age>[1-9]\d)\b", duration.age),
)
