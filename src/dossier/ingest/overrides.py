"""Metadata given from outside the text: JSON Lines fields, NAME.meta.json, metadata.csv."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from dossier.errors import ConfigError
from dossier.model import MetaSource, Overrides

SIDECAR_SUFFIX = ".meta.json"
FOLDER_METADATA = "metadata.csv"
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_FILE_COLUMNS = ("file", "filename", "source", "path")


class OverrideFields(BaseModel):
    """The fields a user may set by hand; unknown fields are an error, not ignored."""

    model_config = ConfigDict(extra="forbid")

    title: str | None = None
    authors: list[str] | str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None

    @field_validator("published")
    @classmethod
    def _iso_date(cls, value: str | None) -> str | None:
        if value is None:
            return None
        date = value.strip()[:10] if "T" in value else value.strip()
        if not _DATE.match(date):
            raise ValueError(f"published must be YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
        return date

    def to_overrides(self, source: MetaSource) -> Overrides:
        authors = self.authors
        if isinstance(authors, str):
            authors = [a.strip() for a in re.split(r";|\band\b", authors) if a.strip()]
        return Overrides(
            source=source,
            title=self.title,
            authors=tuple(authors) if authors is not None else None,
            outlet=self.outlet,
            published=self.published,
            url=self.url,
        )


def parse_fields(data: dict[str, Any], source: MetaSource, where: str) -> Overrides:
    try:
        return OverrideFields.model_validate(data).to_overrides(source)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise ConfigError(f"{where}: {problems}") from exc


def sidecar_for(path: Path) -> Path | None:
    for candidate in (path.with_name(path.name + SIDECAR_SUFFIX), path.with_suffix(SIDECAR_SUFFIX)):
        if candidate.is_file():
            return candidate
    return None


def read_sidecar(path: Path) -> Overrides:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the sidecar ({exc}); fix or remove it") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: a sidecar must hold one JSON object")
    return parse_fields(data, MetaSource.SIDECAR, str(path))


def read_folder_metadata(folder: Path) -> dict[str, Overrides]:
    """Rows of ``metadata.csv`` keyed by file name; a ``file`` column names the article."""
    path = folder / FOLDER_METADATA
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise ConfigError(f"{path}: cannot read ({exc})") from exc
    result: dict[str, Overrides] = {}
    for number, row in enumerate(rows, start=2):
        key = next((c for c in _FILE_COLUMNS if row.get(c)), None)
        if key is None:
            raise ConfigError(f"{path}:{number}: needs a 'file' column naming the article")
        name = Path(row.pop(key)).name
        fields = {k: v for k, v in row.items() if k and v not in (None, "")}
        result[name] = parse_fields(fields, MetaSource.SIDECAR, f"{path}:{number}")
    return result
