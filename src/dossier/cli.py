"""The `dossier` command: thin, it parses, calls the library and shows progress."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from dossier import settings
from dossier.cli_claims import add_command as add_claims_command
from dossier.cli_entities import add_commands as add_entity_commands
from dossier.cli_timeline import add_command as add_timeline_command
from dossier.errors import DossierError
from dossier.export import EXPORTERS, load_export
from dossier.pipeline import BuildOptions, build
from dossier.report import render_report

log = logging.getLogger("dossier")
console = Console(stderr=True)
out = Console(soft_wrap=True)


def main(argv: Sequence[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        return int(args.func(args))
    except DossierError as exc:
        console.print(f"[red]error:[/red] {exc}", highlight=False)
        return 2
    except KeyboardInterrupt:
        console.print("[yellow]interrupted[/yellow]: run the same command again to resume")
        return 130


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dossier",
        description="Turn a pile of news articles about one subject into a sourced dossier.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log every step")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("build", help="read articles (files or folders) into the dossier")
    p.add_argument(
        "paths", nargs="+", metavar="PATH", help=".txt, .md, .html, .jsonl files or folders"
    )
    _db(p)
    p.add_argument("--batch-size", type=int, default=settings.BATCH_SIZE, help="articles per batch")
    p.add_argument("--workers", type=int, default=settings.NLP_PROCESSES, help="spaCy processes")
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("report", help="write the self-contained HTML dossier")
    _db(p)
    p.add_argument("-o", "--output", default="dossier.html", help="HTML file to write")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("export", help="write the dossier as JSON (the export contract)")
    _db(p)
    p.add_argument("--format", choices=sorted(EXPORTERS), default="json", help="export format")
    p.add_argument("-o", "--output", default="-", help="file to write, - for standard output")
    p.set_defaults(func=cmd_export)

    add_entity_commands(sub, _db)
    add_timeline_command(sub, _db)
    add_claims_command(sub, _db)

    p = sub.add_parser("sources", help="list the sources with their metadata")
    _db(p)
    p.add_argument(
        "--removed", action="store_true", help="show the lines cleaning removed, and why"
    )
    p.add_argument("--failures", action="store_true", help="show files that were skipped, and why")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.set_defaults(func=cmd_sources)
    return parser


def _db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", default=settings.DEFAULT_DB, help="DuckDB file (default: %(default)s)"
    )


def cmd_build(args: argparse.Namespace) -> int:
    options = BuildOptions(batch_size=args.batch_size, n_process=args.workers)
    if console.is_terminal:
        columns = (
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
        )
        with Progress(*columns, console=console, transient=True) as bar:
            task = bar.add_task("building", total=None)

            def show(done: int, total: int, current: str) -> None:
                bar.update(task, completed=done, total=total, description=Path(current).name[:40])

            stats = build(args.paths, args.db, options, show)
    else:
        stats = build(args.paths, args.db, options, _log_progress)
    _print_summary(stats)
    return 0 if stats.documents or stats.skipped_unchanged else 1


def _log_progress(done: int, total: int, current: str) -> None:
    log.info("[%d/%d] %s", done, total, current)


def _print_summary(stats: Any) -> None:
    table = Table(title="dossier build", show_header=False)
    table.add_row("documents built", str(stats.documents))
    table.add_row("unchanged (already stored)", str(stats.skipped_unchanged))
    table.add_row("words", f"{stats.words:,}")
    table.add_row("entity mentions", f"{stats.mentions:,}")
    table.add_row("actors (across articles)", f"{stats.actors:,}")
    table.add_row("actor links", f"{stats.links:,}")
    table.add_row("events (across articles)", f"{stats.events:,}")
    table.add_row("claims (grouped across outlets)", f"{stats.claim_groups:,}")
    table.add_row("duplicates", str(stats.duplicates))
    table.add_row("failures", str(len(stats.failures) - stats.duplicates))
    console.print(table)
    for failure in stats.failures:
        line = f"  skipped {failure.source} ({failure.stage}): {failure.reason}"
        console.print(line, highlight=False, markup=False, soft_wrap=True)


def cmd_report(args: argparse.Namespace) -> int:
    html = render_report(load_export(args.db))
    Path(args.output).write_text(html, encoding="utf-8")
    console.print(f"wrote {args.output}", highlight=False)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    data = load_export(args.db)
    write = EXPORTERS[args.format]
    if args.output == "-":
        write(data, sys.stdout)
    else:
        with open(args.output, "w", encoding="utf-8") as handle:
            write(data, handle)
        console.print(f"wrote {args.output}", highlight=False)
    return 0


def cmd_sources(args: argparse.Namespace) -> int:
    data = load_export(args.db)
    if args.json:
        keep = ("id", "source", "outlet", "title", "authors", "published", "not_before", "words",
                "metadata", "removed")  # fmt: skip
        docs = [
            {k: d[k] for k in keep if args.removed or k != "removed"} for d in data["documents"]
        ]
        print(
            json.dumps(
                {"documents": docs, "failures": data["failures"]}, ensure_ascii=False, indent=2
            )
        )
        return 0
    out.print(_sources_table(data["documents"]))
    if args.removed:
        for doc in data["documents"]:
            out.print(_removed_table(doc))
    if (args.failures or not args.removed) and data["failures"]:
        out.print(_failures_table(data["failures"]))
    return 0


def _sources_table(documents: list[dict[str, Any]]) -> Table:
    table = Table(title=f"{len(documents)} sources")
    for name in ("id", "outlet", "title", "authors", "published", "words", "source"):
        table.add_column(name, overflow="fold")
    for d in documents:
        published = d["published"]
        when = (
            f"{published['value']} ({published['precision']})"
            if published
            else (f"not before {d['not_before']}" if d["not_before"] else "—")
        )
        table.add_row(d["id"][:8], d["outlet"], d["title"] or "—", ", ".join(d["authors"]) or "—",
                      when, str(d["words"]), d["source"])  # fmt: skip
    return table


def _removed_table(doc: dict[str, Any]) -> Table:
    table = Table(title=f"removed from {doc['source']} ({len(doc['removed'])} lines)")
    table.add_column("reason")
    table.add_column("line", overflow="fold")
    for r in doc["removed"]:
        table.add_row(r["reason"], r["text"])
    return table


def _failures_table(failures: list[dict[str, Any]]) -> Table:
    table = Table(title=f"{len(failures)} skipped inputs")
    for name in ("source", "stage", "reason"):
        table.add_column(name, overflow="fold")
    for f in failures:
        table.add_row(f["source"], f["stage"], f["reason"])
    return table


if __name__ == "__main__":
    sys.exit(main())
