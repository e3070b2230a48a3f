"""Calendar units: shifting a date by n units and naming the unit that contains a date."""

from __future__ import annotations

import datetime as dt

from dossier.model import TimePrecision
from dossier.time import calendar as cal

P = TimePrecision

_MONTHS_PER_UNIT = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}


def normalise_unit(word: str) -> str:
    word = word.lower()
    if word in ("centuries", "century"):
        return "century"
    return word[:-1] if word.endswith("s") else word


def shift(day: dt.date, unit: str, n: int) -> dt.date:
    """``day`` moved by ``n`` units (months and longer keep the day where the month allows)."""
    if unit in ("day", "night"):
        return day + dt.timedelta(days=n)
    if unit in ("week", "weekend"):
        return day + dt.timedelta(weeks=n)
    months = _MONTHS_PER_UNIT.get(unit)
    if months is None:
        return day
    first = cal.shift_months(day, months * n)
    return first.replace(day=min(day.day, cal.month_end(first.year, first.month).day))


def unit_reading(day: dt.date, unit: str) -> tuple[str, TimePrecision, cal.Interval]:
    """The TIMEX3 value, precision and interval of the ``unit`` containing ``day``."""
    if unit == "week":
        value = cal.week_value(day)
        return value, P.DAY, cal.week_interval(*day.isocalendar()[:2])
    if unit == "weekend":
        monday = cal.week_interval(*day.isocalendar()[:2])[0]
        saturday = monday + dt.timedelta(days=5)
        return cal.week_value(day) + "-WE", P.DAY, (saturday, saturday + dt.timedelta(days=1))
    if unit == "month":
        return f"{day.year}-{day.month:02d}", P.MONTH, cal.month_interval(day.year, day.month)
    if unit == "quarter":
        quarter = (day.month - 1) // 3 + 1
        value = f"{day.year}-Q{quarter}"
        return value, P.QUARTER, cal.interval_of(value) or (day, day)
    if unit == "year":
        return str(day.year), P.YEAR, cal.year_interval(day.year)
    if unit == "decade":
        first = day.year // 10 * 10
        return str(first // 10), P.DECADE, cal.year_interval(first, first + 9)
    if unit == "century":
        first = day.year // 100 * 100
        return f"{first // 100:02d}", P.CENTURY, cal.year_interval(max(first, 1), first + 99)
    return day.isoformat(), P.DAY, (day, day)


# Hedges of an offset ("less than two weeks ago"): the span between the anchor and the
# offset's end; the offset widened by a unit each way; or the time beyond it, as far again.
_WITHIN = ("less than", "under", "within")
_NEAR = ("about", "almost", "nearly", "some", "roughly", "around")
_BEYOND = ("more than", "over")


def hedged(
    interval: cal.Interval, hedge: str, anchor: dt.date, unit: str, step: int
) -> cal.Interval:
    """The ``interval`` of an offset of ``step`` units from ``anchor``, widened as its
    ``hedge`` allows. "Less than two weeks ago" on 22 April is any day from 8 April, so
    "Monday" (11 April) agrees with it; "about two years ago" may be a year either way; "more
    than two years ago" is two to four years back."""
    start, end = interval
    if hedge in _WITHIN:
        return min(start, anchor), max(end, anchor)
    if hedge in _NEAR:
        return shift(start, unit, -1), shift(end, unit, 1)
    if hedge in _BEYOND:
        return (shift(start, unit, step), end) if step < 0 else (start, shift(end, unit, step))
    return interval
