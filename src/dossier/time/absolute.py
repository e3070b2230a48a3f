"""Handlers for calendar expressions that name their year: dates, months, seasons, decades."""

from __future__ import annotations

import datetime as dt
import re

from dossier.model import TimePrecision
from dossier.time import calendar as cal
from dossier.time.filters import is_count_or_name
from dossier.time.lexicon import MONTHS, ORDINALS, SEASONS
from dossier.time.reading import Resolve, absolute, group

P = TimePrecision

# Bare numbers outside this window are not read as years ("Boeing 747", "Route 1520").
FIRST_YEAR = 1600
LAST_YEAR = 2099
# A range "1980-88" or "2004/2011" spanning more than this many years is more likely a score,
# an ID or two unrelated numbers than one period.
MAX_RANGE_YEARS = 60


def month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def plausible_year(year: int) -> bool:
    return FIRST_YEAR <= year <= LAST_YEAR


def full_date(m: re.Match[str], _text: str) -> Resolve | None:
    """ "March 27, 2015", "27 March 2015", "2015-03-27", "3/27/2015"."""
    year, day = int(m["y"]), int(m["d"])
    mon = group(m, "mon")
    month = month_number(mon) if mon else int(m["m"])
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    if not plausible_year(year):
        return None
    return absolute(date.isoformat(), P.DAY, (date, date))


def month_year(m: re.Match[str], _text: str) -> Resolve | None:
    """ "Jan. 2012", "March of 2008", "early May 2010"."""
    year, month = int(m["y"]), month_number(m["mon"])
    if not plausible_year(year):
        return None
    interval = cal.month_interval(year, month)
    if group(m, "part"):
        interval = cal.part_of(interval, part_name(group(m, "part") or ""))
    return absolute(f"{year}-{month:02d}", P.MONTH, interval)


def month_range(m: re.Match[str], _text: str) -> Resolve | None:
    """ "mid-May through early June 2013", "March-May 2013", "between April and June 2013"."""
    if m["link"].strip().lower() == "and" and not group(m, "between"):
        return None  # "in March and May 2013" names two months, not the months between
    last_year, first, last = int(m["y"]), month_number(m["mon1"]), month_number(m["mon"])
    first_year = last_year - 1 if first > last else last_year  # "November to February 2013"
    if first == last or not plausible_year(first_year):
        return None
    start = cal.month_interval(first_year, first)
    end = cal.month_interval(last_year, last)
    if group(m, "part1"):
        start = cal.part_of(start, part_name(group(m, "part1") or ""))
    if group(m, "part"):
        end = cal.part_of(end, part_name(group(m, "part") or ""))
    value = f"{first_year}-{first:02d}/{last_year}-{last:02d}"
    return absolute(value, P.MONTH, (start[0], end[1]))


def season_year(m: re.Match[str], _text: str) -> Resolve | None:
    """ "summer of 2014" -> 2014-SU, 1 June to 31 August."""
    year, season = int(m["y"]), SEASONS[m["season"].lower()]
    if not plausible_year(year):
        return None
    return absolute(f"{year}-{season}", P.SEASON, cal.season_interval(year, season))


def quarter_year(m: re.Match[str], _text: str) -> Resolve | None:
    """ "the first quarter of 2015", "Q3 2014" -> 2015-Q1."""
    year, quarter = (
        int(m["y"]),
        ORDINALS.get((group(m, "ord") or "").lower()) or int(group(m, "q") or 0),
    )
    if not plausible_year(year) or not 1 <= quarter <= 4:
        return None
    value = f"{year}-Q{quarter}"
    return absolute(value, P.QUARTER, cal.interval_of(value))


def year(m: re.Match[str], text: str) -> Resolve | None:
    """A year, possibly "early 2008" / "mid-2008" / "fiscal 1989"."""
    number = int(m["y"])
    if not plausible_year(number) or is_count_or_name(text, m.start("y"), m.end("y")):
        return None
    interval = cal.year_interval(number)
    if group(m, "part"):
        interval = cal.part_of(interval, part_name(group(m, "part") or ""))
    return absolute(str(number), P.YEAR, interval)


def decade(m: re.Match[str], _text: str) -> Resolve | None:
    """ "the 1980s" -> 198; "late 1990s" -> 199 narrowed to 1996-1999; "the '90s" -> 199."""
    dec = group(m, "dec")
    first = int(dec) * 10 if dec else 1900 + int(group(m, "short") or 0) * 10
    if not plausible_year(first):
        return None
    interval = cal.year_interval(first, first + 9)
    if group(m, "part"):
        interval = cal.decade_part(first, part_name(group(m, "part") or ""))
    return absolute(str(first // 10), P.DECADE, interval)


def century(m: re.Match[str], _text: str) -> Resolve | None:
    """ "the 20th century" -> 19 (TIMEX3 writes the first two digits of its years)."""
    number = ORDINALS.get(m["ord"].lower())
    if number is None or not 1 <= number <= 21:
        return None
    first = (number - 1) * 100
    return absolute(f"{number - 1:02d}", P.CENTURY, cal.year_interval(max(first, 1), first + 99))


def year_range(m: re.Match[str], _text: str) -> Resolve | None:
    """ "from 1980 to 1988", "1980-88", "between 2014 and 2017", "1997/1998" as one period."""
    first = int(m["y1"])
    second_text = m["y2"]
    second = int(second_text) if len(second_text) == 4 else first // 100 * 100 + int(second_text)
    if not (plausible_year(first) and 0 < second - first <= MAX_RANGE_YEARS):
        return None
    return absolute(f"{first}/{second}", P.YEAR, cal.year_interval(first, second))


def part_name(word: str) -> str:
    """Normalise "beginning of", "mid-", "end of" to early / mid / late."""
    word = word.lower()
    if word.startswith(("early", "beginning", "start")):
        return "early"
    if word.startswith(("mid", "middle")):
        return "mid"
    return "late"
