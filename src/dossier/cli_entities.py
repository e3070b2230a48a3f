"""`dossier entities` and the judgement commands: tables and profiles of actors."""

from __future__ import annotations

import argparse
import json
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from dossier.errors import ConfigError
from dossier.export import load_export
from dossier.resolve.judge import find_actors, judge
from dossier.resolve.types import JudgementKind


def add_commands(sub: Any, db: Any) -> None:
    p = sub.add_parser("entities", help="list actors across all articles, or one actor's profile")
    p.add_argument("name", nargs="?", help="an actor's name, alias or id: show its profile")
    db(p)
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.add_argument("--limit", type=int, default=50, help="actors to list (default: %(default)s)")
    p.set_defaults(func=cmd_entities)
    for kind, help_text, second in (
        (JudgementKind.MERGE, "merge two actors (names or aliases); survives rebuilds", "other"),
        (JudgementKind.SPLIT, "take a surface form out of an actor; survives rebuilds", "form"),
        (JudgementKind.RENAME, "set the name shown for an actor; survives rebuilds", "new_name"),
    ):
        p = sub.add_parser(str(kind), help=help_text)
        p.add_argument("actor", help="the actor's name, alias or id")
        p.add_argument(second, metavar=second.upper())
        db(p)
        p.set_defaults(func=cmd_judge, kind=kind, second=second)


def cmd_judge(args: argparse.Namespace) -> int:
    stats = judge(args.db, args.kind, args.actor, getattr(args, args.second))
    Console(stderr=True).print(f"{args.kind}: done; {stats.actors} actors now", highlight=False)
    return 0


def cmd_entities(args: argparse.Namespace) -> int:
    data = load_export(args.db)
    out = Console(soft_wrap=True)
    entities = data["entities"]
    if args.name:
        found = find_actors(entities, args.name)
        if not found:
            raise ConfigError(f"no actor named {args.name!r}; `dossier entities` lists them")
        if args.json:
            print(json.dumps(found, ensure_ascii=False, indent=2))
            return 0
        texts = {d["id"]: d for d in data["documents"]}
        for actor in found:
            out.print(_profile(actor, texts))
        return 0
    if args.json:
        print(json.dumps(entities, ensure_ascii=False, indent=2))
        return 0
    out.print(_actors_table(entities[: args.limit], len(entities)))
    return 0


def _actors_table(entities: list[dict[str, Any]], total: int) -> Table:
    table = Table(title=f"{total} actors (top {len(entities)} by mentions)")
    for name in ("name", "type", "mentions", "articles", "forms", "roles", "id"):
        table.add_column(name, overflow="fold")
    for e in entities:
        roles = sorted({r["text"] for r in e["roles"]}, key=len)[:3]
        table.add_row(e["name"], e["type"], str(len(e["mentions"])), str(e["documents"]),
                      ", ".join(e["aliases"][:6]), "; ".join(roles), e["id"])  # fmt: skip
    return table


def _profile(actor: dict[str, Any], documents: dict[str, dict[str, Any]]) -> Table:
    table = Table(title=f"{actor['name']} ({actor['type']}, {actor['id']})", show_header=False)
    table.add_column("what", style="bold")
    table.add_column("value", overflow="fold")
    for outlet, forms in actor["outlets"].items():
        table.add_row(f"forms in {outlet}", ", ".join(f"{f} ×{n}" for f, n in forms.items()))
    for role in sorted({r["text"] for r in actor["roles"]}):
        table.add_row("role", role)
    for m in actor["mentions"]:
        doc = documents[m["document"]]
        table.add_row(
            f"{doc['outlet']} {doc['source']}", _in_context(doc["text"], m["start"], m["end"])
        )
    return table


def _in_context(text: str, start: int, end: int, width: int = 90) -> Text:
    left = text[max(0, start - width) : start].split("\n")[-1]
    right = text[end : end + width].split("\n")[0]
    line = Text(f"[{start}:{end}] …{left}")
    line.append(text[start:end], style="bold reverse")
    line.append(f"{right}…")
    return line
