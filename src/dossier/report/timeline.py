"""The Timeline section: the export's events, drawn by ``timeline.js`` and listed in a table.

Each event keeps the interval its date pins down (a day, a month, a decade, ...) as
fractional years, so the script places it on the axis without parsing dates, and a label
that says how precise it is: ``2008-03 (month)``, ``1990s (decade)``. Months are equal
twelfths of a year on that axis, so month ticks fall exactly on month boundaries. Evidence
links to its sentence in the article view (the ``s-DOC-START`` anchors of ``articles.py``).
The table is the whole view for readers without JavaScript.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from dossier.model import TimePrecision
from dossier.report.fields import drawn_anchors, evidence_href, records, strings

OUTLET_COLOURS = 8  # report.css has eight outlet hues that stay distinct; later outlets share grey
PRECISIONS = frozenset(p.value for p in TimePrecision)
ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})\Z")
SEASON_VALUE = re.compile(r"(\d{4})-(SP|SU|FA|AU|WI)\Z")
SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "AU": "autumn", "WI": "winter"}
SEASON_CODES = ("WI", "SP", "SU", "FA")  # by month // 3, with December counted as 0
Day = tuple[int, int, int]


@dataclass(frozen=True, slots=True)
class _Context:
    names: Mapping[str, str]  # actor id -> name
    outlets: Mapping[str, str]  # document id -> outlet
    drawn: frozenset[str]  # sentence and document anchors in the article view


def build_timeline(
    events: Any, actors: Sequence[Mapping[str, Any]], views: Sequence[Mapping[str, Any]]
) -> dict[str, Any]:
    """The events in date order (undated last), their outlets with colours, and their actors."""
    context = _Context(
        names={actor["id"]: actor["name"] for actor in actors},
        outlets={view["id"]: view["outlet"] for view in views},
        drawn=drawn_anchors(views),
    )
    rows = [_event(raw, n, context) for n, raw in enumerate(records(events))]
    rows.sort(key=lambda r: (r["from"] is None, r["from"] or 0, r["to"] or 0, r["id"]))
    colours = _outlet_colours(rows)
    for row in rows:
        row["colours"] = [colours[outlet] for outlet in row["outlets"]]
    return {
        "events": rows,
        "outlets": [{"name": name, "colour": colour} for name, colour in colours.items()],
        "actors": _event_actors(rows),
        "undated": sum(row["from"] is None for row in rows),
    }


def date_label(date: Mapping[str, Any]) -> str:
    """The date as a reader would say it, with its precision: ``1990s (decade)``."""
    precision = _precision(date)
    value = str(date.get("value") or "")
    start, end = str(date.get("start") or ""), str(date.get("end") or "")
    if precision in ("before", "after"):
        return f"{precision} {value or (end if precision == 'before' else start) or '?'}"
    shown = _readable(precision, value, start)
    if not shown:
        shown = f"{start} – {end}" if start and end and start != end else start or end
    if not shown:
        return "—"
    return shown if precision == "unknown" else f"{shown} ({precision})"


def _event(raw: Mapping[str, Any], n: int, context: _Context) -> dict[str, Any]:
    date = _mapping(raw.get("date"))
    evidence = [_evidence(item, context) for item in records(raw.get("evidence"))]
    outlets = strings(raw.get("outlets")) or [item["outlet"] for item in evidence]
    actors = list(dict.fromkeys(strings(raw.get("entities"))))
    event_id = str(raw.get("id") or n)
    start, end = _interval(date)
    return {
        "id": event_id,
        "anchor": f"event-{event_id}",
        "label": date_label(date),
        "precision": _precision(date),
        "from": start,
        "to": end,
        "summary": " ".join(str(raw.get("summary") or "").split()) or "(no summary)",
        "outlets": list(dict.fromkeys(outlets)),
        "actors": actors,
        "names": [context.names.get(actor, actor) for actor in actors],
        "disagreement": raw.get("disagreement") is True,
        "evidence": evidence,
    }


def _evidence(item: Mapping[str, Any], context: _Context) -> dict[str, Any]:
    doc_id = str(item.get("document"))
    date = _mapping(item.get("date"))
    return {
        "outlet": str(item.get("outlet") or context.outlets.get(doc_id) or "unknown"),
        "phrase": str(date.get("text") or ""),
        "label": date_label(date) if date else "",
        "sentence": " ".join(str(item.get("text") or "").split()),
        "href": evidence_href(item, context.drawn),
    }


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _precision(date: Mapping[str, Any]) -> str:
    """A known precision, or ``unknown``: the value goes into a label, never into markup."""
    precision = str(date.get("precision") or "")
    return precision if precision in PRECISIONS else "unknown"


def _readable(precision: str, value: str, start: str) -> str:
    """``1990s`` for the TIMEX3 decade ``199``, ``1900s`` for ``19``, ``summer 2015``.

    Without a value, the start date stands in, cut to the precision: ``2008-03``.
    """
    if precision == "decade":
        digits = value if re.fullmatch(r"\d{3}", value) else start[:3]
        return f"{digits}0s" if re.fullmatch(r"\d{3}", digits) else value
    if precision == "century":
        digits = value if re.fullmatch(r"\d{2}", value) else start[:2]
        return f"{digits}00s" if re.fullmatch(r"\d{2}", digits) else value
    if not value and _day(start) is not None:
        value = _value_of(precision, start)
    season = SEASON_VALUE.match(value)
    if precision == "season" and season:
        return f"{SEASONS[season.group(2)]} {season.group(1)}"
    return value


def _value_of(precision: str, start: str) -> str:
    """The TIMEX3-style value of a valid ISO start date at a precision: ``2008-Q1``."""
    month = int(start[5:7])
    if precision == "quarter":
        return f"{start[:4]}-Q{(month - 1) // 3 + 1}"
    if precision == "season":
        return f"{start[:4]}-{SEASON_CODES[month % 12 // 3]}"
    return {"year": start[:4], "month": start[:7], "day": start}.get(precision, "")


def _interval(date: Mapping[str, Any]) -> tuple[float | None, float | None]:
    """``[from, to)`` in fractional years; an open "before"/"after" date is a point."""
    precision = _precision(date)
    first, last = _day(date.get("start")), _day(date.get("end"))
    if precision == "before":
        point = _fraction(last, past=True) if last else None
        return point, point
    if precision == "after":
        point = _fraction(first) if first else None
        return point, point
    first, last = first or last, last or first
    if first is None or last is None:
        return None, None
    if last < first:
        last = first
    return _fraction(first), _fraction(last, past=True)


def _day(value: Any) -> Day | None:
    match = ISO_DAY.match(value) if isinstance(value, str) else None
    if match is None:
        return None
    year, month, day = (int(part) for part in match.groups())
    if not 1 <= month <= 12 or not 1 <= day <= _month_days(year, month):
        return None
    return year, month, day


def _month_days(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _fraction(day: Day, past: bool = False) -> float:
    """The start of ``day`` (or its end, when ``past``) as a year plus twelfths."""
    year, month, number = day
    return round(year + (month - 1 + (number - 1 + past) / _month_days(year, month)) / 12, 6)


def _outlet_colours(rows: Iterable[Mapping[str, Any]]) -> dict[str, int]:
    """Outlets with most events first; each of the first few gets its own colour."""
    counts = Counter(outlet for row in rows for outlet in row["outlets"])
    ordered = sorted(counts, key=lambda outlet: (-counts[outlet], outlet.casefold()))
    return {outlet: min(n, OUTLET_COLOURS) for n, outlet in enumerate(ordered)}


def _event_actors(rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The actors named in events, for the filter: most events first."""
    counts: Counter[str] = Counter()
    names: dict[str, str] = {}
    for row in rows:
        counts.update(row["actors"])
        names.update(zip(row["actors"], row["names"], strict=True))
    ordered = sorted(counts, key=lambda actor: (-counts[actor], names[actor].casefold()))
    return [{"id": actor, "name": names[actor], "events": counts[actor]} for actor in ordered]
