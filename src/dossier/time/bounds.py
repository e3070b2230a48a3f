"""Open bounds: "before 2007", "since 2011", "until March 2015" around a resolved date."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from dossier.model import TimeKind, TimePrecision
from dossier.time.reading import Reading

# The preposition right before a date, and the side of the date the bound falls on.
_BOUND = re.compile(
    r"\b(?P<op>before|prior\s+to|until|till|through|by|since|after)\s+$", re.IGNORECASE
)
_BEFORE = ("before", "prior to")
_UNTIL = ("until", "till", "through", "by")
_SINCE = ("since",)
_LOOKBACK = 12  # characters: enough for "prior to " and its spacing


def apply_bound(text: str, start: int, reading: Reading) -> tuple[int, Reading]:
    """Widen the span over a bounding preposition and turn the reading into an open bound."""
    if reading.kind != TimeKind.DATE or reading.interval is None or reading.value.endswith("_REF"):
        return start, reading
    found = _BOUND.search(text, max(0, start - _LOOKBACK), start)
    if found is None:
        return start, reading
    op = " ".join(found["op"].lower().split())
    first, last = reading.interval
    if op in _BEFORE:
        bounded = replace(
            reading, precision=TimePrecision.BEFORE, interval=(first, first - dt.timedelta(days=1))
        )
    elif op in _UNTIL:
        bounded = replace(reading, precision=TimePrecision.BEFORE)
    elif op in _SINCE:
        bounded = replace(reading, precision=TimePrecision.AFTER)
    else:
        bounded = replace(
            reading, precision=TimePrecision.AFTER, interval=(last + dt.timedelta(days=1), last)
        )
    return found.start(), bounded
