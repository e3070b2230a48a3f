"""Calendar arithmetic on ``datetime.date`` and TIMEX3 values -> inclusive intervals."""

from __future__ import annotations

import calendar
import datetime as dt
import re

Interval = tuple[dt.date, dt.date]

# Season -> (first month, last month); winter runs into the next year.
SEASON_MONTHS: dict[str, tuple[int, int]] = {
    "SP": (3, 5),
    "SU": (6, 8),
    "FA": (9, 11),
    "WI": (12, 2),
}

_VALUE = re.compile(
    r"^(?P<y>\d{4})(?:-(?:(?P<m>\d{2})(?:-(?P<d>\d{2}))?|(?P<s>SP|SU|FA|WI)|Q(?P<q>[1-4])"
    r"|W(?P<w>\d{2})|H(?P<h>[12])))?(?:T.*)?$"
)


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def shift_months(day: dt.date, months: int) -> dt.date:
    """The first day of the month ``months`` after ``day``'s month."""
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def year_interval(first: int, last: int | None = None) -> Interval:
    return dt.date(first, 1, 1), dt.date(first if last is None else last, 12, 31)


def month_interval(year: int, month: int) -> Interval:
    return dt.date(year, month, 1), month_end(year, month)


def season_interval(year: int, season: str) -> Interval:
    first, last = SEASON_MONTHS[season]
    end_year = year + 1 if last < first else year
    return dt.date(year, first, 1), month_end(end_year, last)


def week_value(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def week_interval(year: int, week: int) -> Interval:
    monday = dt.date.fromisocalendar(year, week, 1)
    return monday, monday + dt.timedelta(days=6)


def interval_of(value: str) -> Interval | None:
    """The inclusive date interval a TIMEX3 calendar value covers, or None if it has none."""
    if re.fullmatch(r"\d{3}", value):  # a decade: "199" -> the 1990s
        return year_interval(int(value) * 10, int(value) * 10 + 9)
    if re.fullmatch(r"\d{2}", value):  # a century: "19" -> the 1900s
        return year_interval(int(value) * 100, int(value) * 100 + 99)
    found = _VALUE.match(value)
    if not found:
        return None
    try:
        return _interval_of_parts(found)
    except ValueError:  # 31 February and friends
        return None


def _interval_of_parts(found: re.Match[str]) -> Interval:
    year = int(found["y"])
    if found["d"]:
        day = dt.date(year, int(found["m"]), int(found["d"]))
        return day, day
    if found["m"]:
        return month_interval(year, int(found["m"]))
    if found["s"]:
        return season_interval(year, found["s"])
    if found["q"]:
        first = 3 * int(found["q"]) - 2
        return dt.date(year, first, 1), month_end(year, first + 2)
    if found["w"]:
        return week_interval(year, int(found["w"]))
    if found["h"]:
        first = 6 * int(found["h"]) - 5
        return dt.date(year, first, 1), month_end(year, first + 5)
    return year_interval(year)


def part_of(interval: Interval, part: str) -> Interval:
    """Narrow an interval to its early / mid / late third (our documented convention)."""
    start, end = interval
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        first = {"early": 1, "mid": 5}.get(part, 9)  # Jan-Apr, May-Aug, Sep-Dec
        return dt.date(start.year, first, 1), month_end(start.year, first + 3)
    if start.day == 1 and end == month_end(start.year, start.month) and start.month == end.month:
        first, last = {"early": (1, 10), "mid": (11, 20)}.get(part, (21, end.day))
        return start.replace(day=first), start.replace(day=last)
    third = ((end - start).days + 1) / 3
    if third < 1:  # a part of a day or two is no shorter at day precision: "early last night"
        return interval
    if part == "early":
        return start, start + dt.timedelta(days=round(third) - 1)
    if part == "mid":
        return start + dt.timedelta(days=round(third)), start + dt.timedelta(
            days=round(2 * third) - 1
        )
    return start + dt.timedelta(days=round(2 * third)), end


# Last year (within its decade) of the early and of the mid part: years 0-3, 4-6 and 7-9,
# the thirds that do not overlap, as the seed timeline gold and most style guides read them.
DECADE_EARLY_LAST = 3
DECADE_MID_LAST = 6


def decade_part(decade: int, part: str) -> Interval:
    """Early / mid / late decade in whole years: 1990-1993, 1994-1996, 1997-1999."""
    if part == "early":
        return year_interval(decade, decade + DECADE_EARLY_LAST)
    if part == "mid":
        return year_interval(decade + DECADE_EARLY_LAST + 1, decade + DECADE_MID_LAST)
    return year_interval(decade + DECADE_MID_LAST + 1, decade + 9)


def nearest_weekday(anchor: dt.date, weekday: int, direction: int) -> dt.date:
    """The ``weekday`` on or before (direction -1) or on or after (+1) ``anchor``."""
    delta = (weekday - anchor.weekday()) % 7
    if direction > 0:
        return anchor + dt.timedelta(days=delta)
    return anchor - dt.timedelta(days=(7 - delta) % 7)


def add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)
