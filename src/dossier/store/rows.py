"""Bulk inserts into DuckDB through a registered dict of numpy columns.

``executemany`` is about 20x slower. Each column's type is chosen for DuckDB's scan: integers
as int64, strings as a fixed-width array (DuckDB scans object columns value by value, 60x
slower) unless one is longer than ``MAX_FIXED_WIDTH``, lists as JSON text.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

import duckdb
import numpy as np

# Columns of type JSON: their text must be parsed, not stored as one JSON string.
JSON_COLUMNS = frozenset({
    "metadata", "segments", "evidence", "mentions", "actor_spans", "place_spans", "quantities",
    "attribution", "copies", "slot_values",
})  # fmt: skip
# A column holding longer strings stays an object array, since a fixed-width array pads every
# value to the longest (4 bytes a character).
MAX_FIXED_WIDTH = 4096


def insert_rows(
    con: duckdb.DuckDBPyConnection,
    table: str,
    columns: Sequence[str],
    rows: Sequence[tuple[Any, ...]],
    temp: bool = False,
) -> None:
    """Insert ``rows`` (tuples in ``columns`` order) into ``table``; with ``temp``, (re)create
    it first as a temporary table of text columns."""
    if temp:
        types = ", ".join(f"{c} VARCHAR" for c in columns)
        con.execute(f"CREATE OR REPLACE TEMP TABLE {table} ({types})")
    if not rows:
        return
    data = {c: _column(values) for c, values in zip(columns, zip(*rows, strict=True), strict=True)}
    # Lists travel as JSON text: DuckDB guesses a list column's type from a sample of its
    # rows, and a column of empty lists with one full list in its last rows fails to cast.
    lists = {c for c, column in data.items() if _is_lists(column)}
    for c in lists:
        data[c] = np.array([json.dumps(list(v)) for v in data[c]], dtype=np.str_)
    con.register("_dossier_rows", data)
    try:
        names = ", ".join(columns)
        values = ", ".join(_select(c, c in lists) for c in columns)
        con.execute(f"INSERT INTO {table} ({names}) SELECT {values} FROM _dossier_rows")
    finally:
        con.unregister("_dossier_rows")


def _is_lists(column: np.ndarray[Any, Any]) -> bool:
    return column.dtype == object and all(isinstance(v, list | tuple) for v in column)


def _select(column: str, is_list: bool) -> str:
    if is_list:
        return f"from_json(CAST({column} AS VARCHAR), '[\"VARCHAR\"]')"
    return f"CAST(CAST({column} AS VARCHAR) AS JSON)" if column in JSON_COLUMNS else column


def _column(values: Iterable[Any]) -> np.ndarray[Any, Any]:
    items = list(values)
    if items and all(isinstance(v, int) and not isinstance(v, bool) for v in items):
        return np.array(items, dtype=np.int64)
    if (
        items
        and all(type(v) is str and "\x00" not in v for v in items)  # numpy strips trailing NULs
        and max(map(len, items)) <= MAX_FIXED_WIDTH
    ):
        return np.array(items, dtype=np.str_)
    column = np.empty(len(items), dtype=object)
    column[:] = items
    return column
