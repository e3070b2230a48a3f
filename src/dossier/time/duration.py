"""Handlers for durations, vague references ("now", "recently") and ages that imply a birth year."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from dossier.model import TimeKind, TimePrecision
from dossier.time.calendar import add_years
from dossier.time.lexicon import UNIT_YEARS, UNITS, parse_number
from dossier.time.reading import (
    CONFIDENCE_ABSOLUTE,
    CONFIDENCE_AGE,
    CONFIDENCE_VAGUE,
    Context,
    Reading,
    Resolve,
    group,
    relative,
    unresolved,
)
from dossier.time.units import normalise_unit

P = TimePrecision

# Ages outside this range after "Name, NN," are more likely list numbers or scores.
MIN_AGE = 16
MAX_AGE = 105

# Words right before "a day" / "a week" that make it a frequency ("twice a week"), not a span.
_FREQUENCY = re.compile(r"\b(?:once|twice|times|per|every)\s+$", re.IGNORECASE)

# "now" -> PRESENT_REF and friends; TIMEX3 leaves these without a calendar value.
REFERENCES: dict[str, str] = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "presently": "PRESENT_REF", "at present": "PRESENT_REF", "these days": "PRESENT_REF",
    "the present": "PRESENT_REF",
    "recently": "PAST_REF", "the past": "PAST_REF", "formerly": "PAST_REF",
    "soon": "FUTURE_REF", "the future": "FUTURE_REF", "future": "FUTURE_REF",
}  # fmt: skip


def duration_value(count: int | None, unit: str) -> str:
    """ISO 8601 duration: "P3Y", "PT5H", "P10Y" for a decade, "PXY" when the count is vague."""
    if unit in UNIT_YEARS:
        years = None if count is None else count * UNIT_YEARS[unit]
        return f"P{'X' if years is None else years}Y"
    designator, timed = UNITS[unit]
    amount = "X" if count is None else str(count)
    return f"P{'T' if timed else ''}{amount}{designator}"


def duration(m: re.Match[str], text: str) -> Resolve | None:
    """ "two weeks", "eight-year", "the past two years", "several days", "his 40-year rule"."""
    unit = normalise_unit(m["unit"])
    number = m["num"].lower()
    if number in ("a", "an") and unit == "second":
        return None  # "a second term"
    if number in ("a", "an") and _FREQUENCY.search(text[: m.start()]):
        return None
    reading = Reading(
        TimeKind.DURATION, duration_value(parse_number(number), unit), P.YEAR, None,
        "absolute", None, CONFIDENCE_ABSOLUTE, sets_focus=False,
    )  # fmt: skip
    return lambda _ctx: reading


def vague_duration(m: re.Match[str], _text: str) -> Resolve:
    """ "for years", "recent weeks" -> PXY, PXW."""
    value = duration_value(None, normalise_unit(m["unit"]))
    reading = Reading(
        TimeKind.DURATION, value, P.YEAR, None, "absolute", None, CONFIDENCE_VAGUE, False
    )
    return lambda _ctx: reading


def reference(m: re.Match[str], _text: str) -> Resolve:
    """ "now" -> PRESENT_REF on the publication date; "recently" / "soon" -> open intervals."""
    value = REFERENCES[" ".join(m["ref"].lower().split())]

    def resolve(ctx: Context) -> Reading | None:
        anchor = ctx.anchor(False)
        if anchor is None:
            reading = unresolved(P.DAY)
            return Reading(reading.kind, value, P.DAY, None, "none", None, CONFIDENCE_VAGUE, False)
        day = anchor.day
        if value == "PAST_REF":
            return _open(relative(anchor, value, P.BEFORE, (day, day), CONFIDENCE_VAGUE))
        if value == "FUTURE_REF":
            return _open(relative(anchor, value, P.AFTER, (day, day), CONFIDENCE_VAGUE))
        return relative(anchor, value, P.DAY, (day, day), CONFIDENCE_VAGUE)

    return resolve


def _open(reading: Reading) -> Reading:
    """An open bound ("recently", "soon") is no focus for "that year"."""
    return replace(reading, sets_focus=False)


def age(m: re.Match[str], _text: str) -> Resolve | None:
    """ "Soleimani, 58," in a 2015 article -> born about 1957 (low confidence, publication only)."""
    years = int(group(m, "span") or group(m, "age") or 0)
    if not MIN_AGE <= years <= MAX_AGE:
        return None

    def resolve(ctx: Context) -> Reading | None:
        anchor = ctx.publication
        if anchor is None:
            return None  # an age says nothing without a date to subtract it from
        latest = add_years(anchor.day, -years)
        earliest = add_years(anchor.day, -years - 1) + dt.timedelta(days=1)
        reading = relative(anchor, str(latest.year), P.YEAR, (earliest, latest), CONFIDENCE_AGE)
        return _open(reading)

    return resolve


# Frequencies: TIMEX3 type SET with the period as value.
FREQUENCIES: dict[str, str] = {
    "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
    "day": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y",
}  # fmt: skip


def frequency(m: re.Match[str], _text: str) -> Resolve:
    """ "daily", "every year", "each month" -> SET."""
    value = FREQUENCIES[(group(m, "freq") or group(m, "freq2") or "day").lower()]
    reading = Reading(TimeKind.SET, value, P.YEAR, None, "absolute", None, CONFIDENCE_VAGUE, False)
    return lambda _ctx: reading
