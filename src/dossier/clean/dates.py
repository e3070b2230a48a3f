"""Publication dates stated in plain text: date lines, timestamps, print notes, datelines.

Only month-name and ISO dates are read (03/04/2012 is ambiguous), with exactly the parts
the text gives: no missing day or year is ever filled in. A date inside a body sentence
is never the publication date; a dated photo caption only bounds it from below.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

from dossier.model import DatePrecision, Line, PublishedDate

log = logging.getLogger(__name__)

LABELLED_CONFIDENCE = 0.9  # "Published: ..." says outright which date it is
PRINT_NOTE_CONFIDENCE = 0.9  # "A version of this article appeared <date>" is the print date
HEAD_DATE_CONFIDENCE = 0.8  # a bare date line above the body is almost always the publication date
UPDATED_CONFIDENCE = 0.7  # an update is later than publication, though usually the same day
AGENCY_DATELINE_CONFIDENCE = 0.7  # a wire dateline gives the filing day, sometimes a day early
CAPTION_CONFIDENCE = 0.3  # a photo only bounds the date from below; the article may be years later
CAPTION_MAX_WORDS = 60  # captions run a sentence or two; longer lines are body prose
YEAR_RANGE = (1800, 2100)  # four digits outside this are page numbers or prices, not years

_MONTHS = {
    "January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6, "July": 7,
    "August": 8, "September": 9, "October": 10, "November": 11, "December": 12,
    "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9,
    "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12,
}  # fmt: skip
_MON = r"(?<![A-Za-z])(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")"
_MON += r"(?![A-Za-z])\.?"
_YEAR = r"(?P<year>\d{4})(?!\d)"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_DAY_PATTERNS = (
    re.compile(r"(?<!\d)(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?!\d)"),
    re.compile(_MON + r"\s+" + _DAY + r",?\s+" + _YEAR),
    re.compile(r"(?<!\d)" + _DAY + r"\s+(?:of\s+)?" + _MON + r",?\s+" + _YEAR),
)
_MONTH_PATTERN = re.compile(_MON + r",?\s+" + _YEAR)
_LABEL = re.compile(
    r"^(?P<label>(?:first\s+)?published|posted|(?:last\s+)?updated|(?:last\s+)?modified"
    r"|dated?|released)\b\s*(?:on|at)?\s*:?",
    re.IGNORECASE,
)
_LABELLED_YEAR = re.compile(_LABEL.pattern + r"\s*" + _YEAR + r"\W*$", re.IGNORECASE)
_TIME = re.compile(r"(?<!\d)\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?![A-Za-z])", re.I)
_ZONE = re.compile(
    r"\b(?:GMT|UTC|BST|CET|CEST|EET|EEST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|PT|CT|IST|AEST"
    r"|AEDT|JST|MSK|HKT|SGT)\b|[+-]\d{2}:?\d{2}\b"
)
_FILLER = re.compile(
    r"\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\b"
    r"|\b(?:on|at|the|updated|published|posted|first|last|modified|dated?|released)\b",
    re.IGNORECASE,
)
_PRINT_NOTE = re.compile(
    r"^(?:an?\s+(?:\w+\s+)?version\s+of\s+)?this\s+(?:article|story|piece|column|essay|post)\b"
    r".{0,40}?\b(?:appeared|published)\b(?P<rest>.*)$",
    re.IGNORECASE,
)
# "WASHINGTON, March 3, 2020 (Reuters) -": capitals, an optional date, an agency, a dash.
AGENCY_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z .'’/-]+?)(?:,\s*(?P<date>[^()]{3,40}?))?\s*"
    r"\((?P<agency>[A-Z][\w .&-]{1,30})\)\s*[-–—]"
)
_CAPTION_TAIL = re.compile(
    r"^\W*(?:(?:credit|photo|photograph|picture|image)s?\s*(?:by)?\s*:.*)?$", re.IGNORECASE
)
_CREDIT = re.compile(
    r"\b(?:credit|photo|photograph|picture|image)s?\s*(?:by)?\s*:|\((?:AP|AFP|Reuters|Getty)\b"
    r"|\bGetty Images\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class DateMatch:
    date: PublishedDate
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class DateFinding:
    """A dated line; ``reason`` is "dateline" or "sign-off" when the line is metadata, else ""."""

    date: PublishedDate
    confidence: float
    line: Line
    reason: str


def _make_date(year: int, month: int, day: int | None) -> PublishedDate | None:
    if not YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
        return None
    try:
        value = dt.date(year, month, day or 1)
    except ValueError:
        return None
    if day is None:
        return PublishedDate(value.strftime("%Y-%m"), DatePrecision.MONTH)
    return PublishedDate(value.isoformat(), DatePrecision.DAY)


def _from_match(match: re.Match[str], with_day: bool) -> PublishedDate | None:
    groups = match.groupdict()
    month = _MONTHS[groups["mon"]] if groups.get("mon") else int(groups["month"])
    day = int(groups["day"]) if with_day else None
    return _make_date(int(groups["year"]), month, day)


def find_dates(text: str) -> list[DateMatch]:
    """Month-name and ISO dates in ``text``, in order; month-only where no day is given."""
    found: list[DateMatch] = []
    for pattern, with_day in [(p, True) for p in _DAY_PATTERNS] + [(_MONTH_PATTERN, False)]:
        for match in pattern.finditer(text):
            overlaps = any(m.start < match.end() and match.start() < m.end for m in found)
            date = None if overlaps else _from_match(match, with_day)
            if date is not None:
                found.append(DateMatch(date, match.start(), match.end()))
    return sorted(found, key=lambda m: m.start)


def _is_date_only(text: str, dates: list[DateMatch]) -> bool:
    """True when the line holds nothing but dates, times, zones, weekdays and labels."""
    rest = text
    for m in reversed(dates):
        rest = rest[: m.start] + " " + rest[m.end :]
    for pattern in (_TIME, _ZONE, _FILLER):
        rest = pattern.sub(" ", rest)
    return not any(c.isalnum() for c in rest)


def _labelled(line: Line, dates: list[DateMatch]) -> DateFinding | None:
    label = _LABEL.match(line.text)
    if label is None:
        return None
    kind = label["label"].lower()
    confidence = UPDATED_CONFIDENCE if "updated" in kind or "modified" in kind else None
    confidence = confidence or LABELLED_CONFIDENCE
    year = _LABELLED_YEAR.match(line.text)
    if year and YEAR_RANGE[0] <= int(year["year"]) <= YEAR_RANGE[1]:
        date = PublishedDate(year["year"], DatePrecision.YEAR)
        return DateFinding(date, confidence, line, "dateline")
    if dates and _is_date_only(line.text, dates):
        return DateFinding(dates[0].date, confidence, line, "dateline")
    return None


def _print_note(line: Line) -> DateFinding | None:
    note = _PRINT_NOTE.search(line.text)
    dates = find_dates(note["rest"]) if note else []
    return DateFinding(dates[0].date, PRINT_NOTE_CONFIDENCE, line, "sign-off") if dates else None


def _agency_dateline(line: Line) -> DateFinding | None:
    match = AGENCY_DATELINE.match(line.text)
    dates = find_dates(match["date"]) if match and match["date"] else []
    if not dates or dates[0].date.precision is not DatePrecision.DAY:
        return None
    whole = match is not None and match.end() >= len(line.text.rstrip())
    return DateFinding(dates[0].date, AGENCY_DATELINE_CONFIDENCE, line, "dateline" if whole else "")


def _date_line(line: Line, in_head: bool) -> DateFinding | None:
    dates = find_dates(line.text)
    found = _print_note(line) or _labelled(line, dates)
    if found is None and in_head and dates and _is_date_only(line.text, dates):
        found = DateFinding(dates[0].date, HEAD_DATE_CONFIDENCE, line, "dateline")
    return found


def find_date_lines(lines: Sequence[Line], head_end: int) -> list[DateFinding]:
    """Lines that state a publication date; bare dates count only above the body."""
    found: list[DateFinding] = []
    for i, line in enumerate(lines):
        finding = _date_line(line, i < head_end)
        if finding is None and i <= head_end:
            finding = _agency_dateline(line)  # the dateline opens the first body paragraph
        if finding is not None:
            found.append(finding)
    return found


def _caption_date(text: str) -> PublishedDate | None:
    """The latest full date of a caption: ", March 27, 2015." at the end, or a credit line."""
    if len(text.split()) > CAPTION_MAX_WORDS:
        return None
    days = [m for m in find_dates(text) if m.date.precision is DatePrecision.DAY]
    tail = [m for m in days if text[: m.start].rstrip().endswith(",")]
    tail = [m for m in tail if _CAPTION_TAIL.match(text[m.end :])]
    chosen = days if _CREDIT.search(text) else tail
    return max((m.date for m in chosen), key=lambda d: d.value, default=None)


def find_caption_bound(lines: Sequence[Line], body_end: int) -> DateFinding | None:
    """The latest dated caption within the article (not the teasers after it), if any."""
    best: DateFinding | None = None
    for line in lines[: body_end + 1]:
        date = _caption_date(line.text)
        if date is not None and (best is None or date.value > best.date.value):
            best = DateFinding(date, CAPTION_CONFIDENCE, line, "")
    return best
