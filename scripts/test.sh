#!/usr/bin/env bash
# Set up, then run the whole test suite: ruff, mypy --strict, pytest (with the eval gate).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/ruff check src tests bench eval
.venv/bin/ruff format --check src tests bench eval
.venv/bin/mypy --strict src/dossier
.venv/bin/pytest -q "$@"
