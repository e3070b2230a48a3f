"""`dossier timeline`: events in order, with the precision of their dates."""

from __future__ import annotations

import argparse
import json
from typing import Any

from rich.console import Console
from rich.table import Table

from dossier.errors import ConfigError
from dossier.export import load_export
from dossier.resolve.judge import find_actors

_LATEST = "9999-12-31"


def add_command(sub: Any, db: Any) -> None:
    p = sub.add_parser("timeline", help="dated events across all articles, in order")
    db(p)
    p.add_argument("--actor", help="only events naming this actor (name, alias or id)")
    p.add_argument("--outlet", help="only events reported by this outlet (case-insensitive)")
    p.add_argument(
        "--from", dest="since", metavar="DATE", help="only events from DATE (YYYY[-MM[-DD]])"
    )
    p.add_argument(
        "--to", dest="until", metavar="DATE", help="only events up to DATE (YYYY[-MM[-DD]])"
    )
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.set_defaults(func=cmd_timeline)


def cmd_timeline(args: argparse.Namespace) -> int:
    data = load_export(args.db)
    events = filter_events(data, args.actor, args.outlet, args.since, args.until)
    if args.json:
        print(json.dumps(events, ensure_ascii=False, indent=2))
        return 0
    names = {e["id"]: e["name"] for e in data["entities"]}
    Console(soft_wrap=True).print(_table(events, names))
    return 0


def filter_events(
    data: dict[str, Any],
    actor: str | None,
    outlet: str | None,
    since: str | None,
    until: str | None,
) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = data["events"]
    if actor:
        found = {a["id"] for a in find_actors(data["entities"], actor)}
        if not found:
            raise ConfigError(f"no actor named {actor!r}; `dossier entities` lists them")
        events = [e for e in events if found & set(e["entities"])]
    if outlet:
        events = [e for e in events if any(outlet.casefold() in o.casefold() for o in e["outlets"])]
    low = _bound(since, start=True)
    high = _bound(until, start=False)
    return [
        e
        for e in events
        if (e["date"]["end"] or _LATEST) >= low and (e["date"]["start"] or "") <= high
    ]


def _bound(value: str | None, start: bool) -> str:
    if value is None:
        return "" if start else _LATEST
    parts = value.split("-")
    if not all(p.isdigit() for p in parts) or len(parts) > 3:
        raise ConfigError(f"dates are YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
    filler = ["01", "01"] if start else ["12", "31"]
    return "-".join(parts + filler[len(parts) - 1 :])


def format_date(date: dict[str, Any]) -> str:
    """The date as precisely as it is known: "2008", "2012-01", "1990s", "before 2007"."""
    start, end, precision = date.get("start") or "", date.get("end") or "", date.get("precision")
    shown = {
        "day": start,
        "month": start[:7],
        "year": start[:4],
        "decade": f"{start[:3]}0s",
        "century": f"{start[:2]}00s",
        "before": f"before {end}",
        "after": f"after {start}",
    }.get(str(precision))
    if shown is None:
        shown = f"{start} – {end}" if start != end else start
    if start[:4] != end[:4] and precision in ("year", "month", "day"):
        shown = f"{start[:4]}–{end[:4]}"
    return shown


def _table(events: list[dict[str, Any]], names: dict[str, str]) -> Table:
    table = Table(title=f"{len(events)} events")
    for name in ("date", "precision", "summary", "actors", "outlets"):
        table.add_column(name, overflow="fold")
    for e in events:
        date = format_date(e["date"]) + (" ⚠ dates disagree" if e["disagreement"] else "")
        actors = ", ".join(names.get(a, a) for a in e["entities"][:4])
        table.add_row(
            date, str(e["date"]["precision"]), e["summary"], actors, ", ".join(e["outlets"])
        )
    return table
