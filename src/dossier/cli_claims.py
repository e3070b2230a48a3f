"""`dossier claims`: the claim ledger, and one claim's evidence side by side."""

from __future__ import annotations

import argparse
import json
from typing import Any

from rich.console import Console
from rich.table import Table

from dossier.errors import ConfigError
from dossier.export import load_export
from dossier.resolve.judge import find_actors

STATUSES = ("corroborated", "single-source", "conflicting")


def add_command(sub: Any, db: Any) -> None:
    p = sub.add_parser("claims", help="the claim ledger: corroborated, single-source, conflicting")
    p.add_argument("id", nargs="?", help="a claim id: show its evidence side by side")
    db(p)
    p.add_argument("--status", choices=STATUSES, help="only claims with this status")
    p.add_argument("--actor", help="only claims naming this actor (name, alias or id)")
    p.add_argument("--outlet", help="only claims reported by this outlet (case-insensitive)")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.set_defaults(func=cmd_claims)


def cmd_claims(args: argparse.Namespace) -> int:
    data = load_export(args.db)
    claims = filter_claims(data, args.status, args.actor, args.outlet)
    if args.id:
        claims = [c for c in data["claims"] if c["id"] == args.id]
        if not claims:
            raise ConfigError(f"no claim {args.id!r}; `dossier claims` lists them")
    out = Console(soft_wrap=True)
    if args.json:
        print(json.dumps(claims, ensure_ascii=False, indent=2))
    elif args.id:
        out.print(_evidence_table(claims[0], data))
    else:
        out.print(_ledger(claims))
    return 0


def filter_claims(
    data: dict[str, Any], status: str | None, actor: str | None, outlet: str | None
) -> list[dict[str, Any]]:
    claims: list[dict[str, Any]] = data["claims"]
    if status:
        claims = [c for c in claims if c["status"] == status]
    if actor:
        found = {a["id"] for a in find_actors(data["entities"], actor)}
        if not found:
            raise ConfigError(f"no actor named {actor!r}; `dossier entities` lists them")
        claims = [c for c in claims if found & set(c.get("entities", []))]
    if outlet:
        claims = [c for c in claims if any(outlet.casefold() in o.casefold() for o in c["outlets"])]
    return claims


def _ledger(claims: list[dict[str, Any]]) -> Table:
    counts = {s: sum(c["status"] == s for c in claims) for s in STATUSES}
    title = f"{len(claims)} claims: " + ", ".join(f"{n} {s}" for s, n in counts.items())
    table = Table(title=title)
    for name in ("id", "status", "outlets", "summary", "conflicts"):
        table.add_column(name, overflow="fold")
    for c in claims:
        outlet_of = {v["document"]: v["outlet"] for v in c["evidence"]}
        conflicts = "; ".join(_conflict_text(x, outlet_of) for x in c["conflicts"])
        outlets = f"{c['independent_outlets']}: " + ", ".join(c["outlets"])
        table.add_row(c["id"], c["status"], outlets, c["summary"], conflicts)
    return table


def _conflict_text(conflict: dict[str, Any], outlet_of: dict[str, str]) -> str:
    """ "number: 48 (CNN) vs 64 (Reuters, AP)": each value once, with the outlets that give it
    (values alike but for case, spacing and end punctuation are one)."""
    outlets: dict[str, list[str]] = {}
    shown: dict[str, str] = {}
    for v in conflict["values"]:
        key = " ".join(str(v["value"]).casefold().split()).strip(".,;:!?\"'\u201c\u201d ")
        shown.setdefault(key, str(v["value"]))
        outlet = outlet_of.get(v["document"], v["document"])
        if outlet not in outlets.setdefault(key, []):
            outlets[key].append(outlet)
    values = " vs ".join(f"{shown[k]} ({', '.join(outlets[k])})" for k in shown)
    return f"{conflict['slot']}: {values}"


def _evidence_table(claim: dict[str, Any], data: dict[str, Any]) -> Table:
    sources = {d["id"]: d["source"] for d in data["documents"]}
    differing = {
        (v.get("claim"), v["document"], f"{x['slot']}: {v['value']}")
        for x in claim["conflicts"]
        for v in x["values"]
    }
    table = Table(title=f"{claim['id']} ({claim['status']}): {claim['summary']}")
    for name in ("outlet", "attribution", "sentence", "differs"):
        table.add_column(name, overflow="fold")
    for v in claim["evidence"]:
        attribution = v["attribution_type"] + (f": {v['attribution']}" if v["attribution"] else "")
        marks = sorted(  # each value on its own claim's row (on its article's, for older exports)
            label
            for cid, doc, label in differing
            if (cid == v.get("claim") if cid else doc == v["document"])
        )
        table.add_row(
            f"{v['outlet']}\n{sources.get(v['document'], v['document'])}",
            attribution + (" (quote)" if v["quote"] else ""),
            v["text"],
            ", ".join(marks),
        )
    return table
