"""Handlers for expressions resolved against the publication date or the paragraph's focus."""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re

from dossier.model import TimeKind, TimePrecision
from dossier.time import calendar as cal
from dossier.time.absolute import month_number, part_name
from dossier.time.filters import is_contract_month
from dossier.time.lexicon import MONTHS, ORDINALS, PARTS_OF_DAY, SEASONS, WEEKDAYS, parse_number
from dossier.time.reading import (
    CONFIDENCE_FOCUS,
    CONFIDENCE_INFERRED_YEAR,
    CONFIDENCE_PUBLICATION,
    Anchor,
    Context,
    Reading,
    Resolve,
    group,
    relative,
    unresolved,
)
from dossier.time.units import hedged, normalise_unit, shift, unit_reading

P = TimePrecision

# Words before an undated "May" that make it the month rather than the modal verb.
MAY_CUES = re.compile(
    r"(?:\b(?:in|on|of|since|until|till|by|during|from|to|through|before|after|early|late|"
    r"mid|last|next|this|and|or|between)[\s-]*)$",
    re.IGNORECASE,
)
# An undated month (and day) linked to a dated one right after it takes that one's year:
# "from March to May 2013", "mid-May through early June 2013", "March 3 and April 5, 2013".
_MONTH_WORDS = "|".join(sorted((w.capitalize() for w in MONTHS), key=len, reverse=True))
_LINKED_YEAR = re.compile(
    r"(?P<link>\s+(?i:through|thru|to|until|till|and|or)\s+|\s*[-–—]\s*)"
    r"(?:(?i:the\s+)?(?i:early|mid|late)(?:\s+|-))?"
    rf"(?P<mon>(?:{_MONTH_WORDS})\b\.?)(?:\s*[0-3]?\d(?:st|nd|rd|th)?\b)?,?\s+"
    r"(?P<y>1[6-9]\d\d|20\d\d)\b(?!\d)"
)
_BACK_REFERENCES = ("following", "previous", "preceding", "prior", "same", "that")
_DIRECTIONS = {"last": -1, "past": -1, "previous": -1, "preceding": -1, "prior": -1,
               "next": 1, "coming": 1, "following": 1}  # fmt: skip


def resolved(anchor: Anchor, day: dt.date, unit: str, part: str | None, conf: float) -> Reading:
    """The ``unit`` around ``day``, narrowed to its early / mid / late part if asked."""
    value, precision, interval = unit_reading(day, unit)
    if part:
        interval = cal.part_of(interval, part_name(part))
    return relative(anchor, value, precision, interval, conf)


def relative_unit(m: re.Match[str], _text: str) -> Resolve:
    """ "last year", "this month", "the following month", "that same year", "earlier this week"."""
    unit = normalise_unit(m["unit"])
    rel = (group(m, "rel") or "that").lower().split()[0]
    back = rel in _BACK_REFERENCES
    step = _DIRECTIONS.get(rel, 0)
    part = group(m, "part")

    def resolve(ctx: Context) -> Reading | None:
        anchor = ctx.anchor(back)
        if anchor is None:
            return unresolved(unit_reading(dt.date(2000, 1, 1), unit)[1])
        day = shift(anchor.day, "week" if unit == "weekend" else unit, step)
        conf = CONFIDENCE_FOCUS if back else CONFIDENCE_PUBLICATION
        return resolved(anchor, day, unit, part, conf)

    return resolve


def offset(m: re.Match[str], _text: str) -> Resolve | None:
    """ "four years ago", "seven years later", "two weeks earlier", "three days from now"."""
    count = parse_number(m["num"])
    if count is None:
        return None
    unit = normalise_unit(m["unit"])
    direction = m["dir"].lower()
    back = direction not in ("ago", "from now", "hence")
    step = count if direction in ("later", "after", "from now", "hence") else -count
    hedge = " ".join((group(m, "hedge") or "").lower().split())

    def resolve(ctx: Context) -> Reading | None:
        anchor = ctx.anchor(back)
        if anchor is None:
            return unresolved(unit_reading(dt.date(2000, 1, 1), unit)[1])
        conf = CONFIDENCE_FOCUS if back else CONFIDENCE_PUBLICATION
        day = shift(anchor.day, unit, step)
        reading = resolved(
            anchor, day, "year" if unit in ("decade", "century") else unit, None, conf
        )
        if reading.interval is None:
            return reading
        interval = hedged(reading.interval, hedge, anchor.day, unit, step)
        return dataclasses.replace(reading, interval=interval)

    return resolve


def deictic_day(m: re.Match[str], _text: str) -> Resolve:
    """ "yesterday", "today", "tomorrow", "tonight", "this morning", "last night"."""
    word = (group(m, "word") or group(m, "rel") or "").lower()
    pod = (group(m, "pod") or ("night" if word in ("tonight", "last") else "")).lower()
    step = {"yesterday": -1, "tomorrow": 1, "last": -1}.get(word, 0)

    def resolve(ctx: Context) -> Reading | None:
        anchor = ctx.anchor(False)
        if anchor is None:
            return unresolved(P.DAY, TimeKind.TIME if pod else TimeKind.DATE)
        return day_reading(anchor, anchor.day + dt.timedelta(days=step), pod)

    return resolve


def day_reading(anchor: Anchor, day: dt.date, pod: str) -> Reading:
    if not pod:
        return relative(anchor, day.isoformat(), P.DAY, (day, day), CONFIDENCE_PUBLICATION)
    value = f"{day.isoformat()}T{PARTS_OF_DAY[pod.lower()]}"
    return relative(anchor, value, P.DAY, (day, day), CONFIDENCE_PUBLICATION, TimeKind.TIME)


def weekday(m: re.Match[str], _text: str) -> Resolve:
    """ "on Sunday", "last Friday", "next Tuesday", "Friday afternoon"."""
    target = WEEKDAYS[m["wd"].lower()]
    rel = (group(m, "rel") or "").lower()
    pod = group(m, "pod") or ""

    def resolve(ctx: Context) -> Reading | None:
        anchor = ctx.anchor(False)
        if anchor is None:
            return unresolved(P.DAY)
        if rel in ("next", "coming", "this") or (not rel and ctx.future()):
            day = cal.nearest_weekday(anchor.day + dt.timedelta(days=rel == "next"), target, 1)
        else:
            day = cal.nearest_weekday(anchor.day - dt.timedelta(days=rel == "last"), target, -1)
        return day_reading(anchor, day, pod)

    return resolve


# An undated month or day up to this many days ahead of the anchor is read as upcoming
# rather than as last year's (news mostly looks back; "by Jan. 14" a week ahead does not).
FUTURE_WINDOW_DAYS = 100


def pick_year(anchor: dt.date, month: int, day: int, rel: str, future: bool) -> int:
    """The year of an undated month (and day) from its wording and the sentence's tense."""
    here, there = (anchor.month, anchor.day), (month, day)
    if rel == "this":
        return anchor.year
    if rel == "last":
        return anchor.year if there < here else anchor.year - 1
    if rel in ("next", "coming") or future:
        return anchor.year if there > here else anchor.year + 1
    if there <= here:
        return anchor.year
    ahead = (dt.date(anchor.year, month, min(day, 28)) - anchor).days
    return anchor.year if ahead <= FUTURE_WINDOW_DAYS else anchor.year - 1


def linked_year(text: str, end: int, month: int) -> int | None:
    """The year of a dated month linked right after ``end`` ("March to May 2013" -> 2013)."""
    found = _LINKED_YEAR.match(text, end)
    if found is None:
        return None
    year, other = int(found["y"]), month_number(found["mon"])
    spans = found["link"].strip().lower() not in ("and", "or")
    return year - 1 if spans and month > other else year  # "November to February 2013"


def year_source(ctx: Context, rel: str) -> Anchor | None:
    """What an undated month takes its year from: a date earlier in its sentence ("June ...
    August"), else the publication date; "last"/"next"/"this" always mean the publication's."""
    return (None if rel else ctx.sentence_year()) or ctx.anchor(False)


def undated_year(ctx: Context, source: Anchor, month: int, day: int, rel: str) -> int:
    """A month from the sentence shares its year; from the publication, tense picks one."""
    if source.source == "focus":
        return source.day.year
    return pick_year(source.day, month, day, rel, ctx.future())


def month_day(m: re.Match[str], text: str) -> Resolve | None:
    """ "March 27", "27 March", "Feb. 28": the year from the anchor and the tense."""
    month, day = month_number(m["mon"]), int(m["d"])
    if not 1 <= day <= cal.month_end(2000, month).day:
        return None
    linked = linked_year(text, m.end(), month)

    def resolve(ctx: Context) -> Reading | None:
        anchor = year_source(ctx, "")
        if linked is not None:
            year = linked
        elif anchor is not None:
            year = undated_year(ctx, anchor, month, day, "")
        else:
            return unresolved(P.DAY)
        if month == 2 and day == 29 and not calendar.isleap(year):
            return unresolved(P.DAY)
        date = dt.date(year, month, day)
        return dated(anchor, linked, date.isoformat(), P.DAY, (date, date))

    return resolve


def month_alone(m: re.Match[str], text: str) -> Resolve | None:
    """ "in January", "last October", "mid-May", "early next month" is elsewhere."""
    rel, part = (group(m, "rel") or "").lower(), group(m, "part")
    if m["mon"] == "May" and not (rel or part or MAY_CUES.search(text[: m.start()])):
        return None
    if not (rel or part) and is_contract_month(text, m.start("mon"), m.end()):
        return None
    month = month_number(m["mon"])
    linked = None if rel else linked_year(text, m.end(), month)

    def resolve(ctx: Context) -> Reading | None:
        anchor = year_source(ctx, rel)
        if linked is not None:
            year = linked
        elif anchor is not None:
            year = undated_year(ctx, anchor, month, 15, rel)
        else:
            return unresolved(P.MONTH)
        interval = cal.month_interval(year, month)
        if part:
            interval = cal.part_of(interval, part_name(part))
        return dated(anchor, linked, f"{year}-{month:02d}", P.MONTH, interval, bool(rel))

    return resolve


def dated(
    anchor: Anchor | None,
    linked: int | None,
    value: str,
    precision: TimePrecision,
    interval: cal.Interval,
    deictic: bool = False,
) -> Reading:
    """An undated month's reading: absolute when the text gave its year, else relative."""
    if linked is not None or anchor is None:
        return Reading(
            TimeKind.DATE, value, precision, interval, "absolute", None, CONFIDENCE_INFERRED_YEAR
        )
    conf = CONFIDENCE_PUBLICATION if deictic else CONFIDENCE_INFERRED_YEAR
    return relative(anchor, value, precision, interval, conf)


def season_relative(m: re.Match[str], _text: str) -> Resolve:
    """ "last summer", "this winter", "next spring"."""
    season, rel = SEASONS[m["season"].lower()], m["rel"].lower().removeprefix("the ")

    def resolve(ctx: Context) -> Reading | None:
        anchor = ctx.anchor(False)
        if anchor is None:
            return unresolved(P.SEASON)
        year = season_year(anchor.day, season, _DIRECTIONS.get(rel, 0))
        value = f"{year}-{season}"
        interval = cal.season_interval(year, season)
        return relative(anchor, value, P.SEASON, interval, CONFIDENCE_PUBLICATION)

    return resolve


def season_year(day: dt.date, season: str, step: int) -> int:
    """The year of the last (-1), current (0) or next (+1) ``season`` seen from ``day``."""
    for year in (
        (day.year - 1, day.year, day.year + 1)
        if step >= 0
        else (day.year + 1, day.year, day.year - 1)
    ):
        start, end = cal.season_interval(year, season)
        if (step < 0 and end < day) or (step > 0 and start > day) or (step == 0 and end >= day):
            return year
    return day.year


def quarter_relative(m: re.Match[str], _text: str) -> Resolve:
    """ "the third quarter" (the latest such quarter), "the latest quarter" (the last complete)."""
    ordinal = ORDINALS.get((group(m, "ord") or "").lower())

    def resolve(ctx: Context) -> Reading | None:
        anchor = ctx.anchor(False)
        if anchor is None:
            return unresolved(P.QUARTER)
        current = (anchor.day.month - 1) // 3 + 1
        if ordinal is None:
            day = shift(anchor.day, "quarter", -1)
        else:
            year = anchor.day.year if ordinal <= current else anchor.day.year - 1
            day = dt.date(year, 3 * ordinal - 2, 1)
        return resolved(anchor, day, "quarter", None, CONFIDENCE_INFERRED_YEAR)

    return resolve
