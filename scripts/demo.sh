#!/usr/bin/env bash
# Set up, build the dossier of the demo corpus into dossier.duckdb, write dossier.html.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
SEEDS="${1:-../shared/corpus/seeds}"
.venv/bin/dossier build "$SEEDS" --db dossier.duckdb
.venv/bin/dossier report --db dossier.duckdb -o dossier.html
.venv/bin/dossier sources --db dossier.duckdb
