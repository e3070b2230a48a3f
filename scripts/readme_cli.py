"""Regenerate the README's CLI reference from `dossier --help` (checked by a test).

Usage: .venv/bin/python scripts/readme_cli.py [--check]
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"
HELP_WIDTH = "100"
BEGIN, END = "<!-- cli-reference:begin -->", "<!-- cli-reference:end -->"


def cli_reference() -> str:
    from dossier.cli import make_parser

    os.environ["COLUMNS"] = HELP_WIDTH  # argparse wraps to the terminal; pin it for a stable diff
    parser = make_parser()
    parser.prog = "dossier"
    blocks = [_block("dossier --help", parser.format_help())]
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name, command in sub.choices.items():
        blocks.append(_block(f"dossier {name} --help", command.format_help()))
    return "\n".join(blocks)


def _block(title: str, text: str) -> str:
    return f"### `{title}`\n\n```\n{text.rstrip()}\n```\n"


def updated(readme: str) -> str:
    head, _, rest = readme.partition(BEGIN)
    _, _, tail = rest.partition(END)
    return f"{head}{BEGIN}\n{cli_reference()}{END}{tail}"


def main() -> int:
    current = README.read_text(encoding="utf-8")
    new = updated(current)
    if "--check" in sys.argv:
        if new != current:
            print("README CLI reference is stale: run scripts/readme_cli.py", file=sys.stderr)
            return 1
        return 0
    README.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
