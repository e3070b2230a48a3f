"""Exports of the stored dossier: JSON (the contract of DESIGN.md), GraphML, FollowTheMoney and
schema.org ClaimReview."""

from collections.abc import Callable, Mapping
from typing import Any, TextIO

from dossier.export.json import build_export, load_export, write_json

Exporter = Callable[[Mapping[str, Any], TextIO], None]


def _graphml(data: Mapping[str, Any], out: TextIO) -> None:
    from dossier.export.graphml import write_graphml

    write_graphml(data, out)


def _ftm(data: Mapping[str, Any], out: TextIO) -> None:
    from dossier.export.ftm import write_ftm

    write_ftm(data, out)


def _claimreview(data: Mapping[str, Any], out: TextIO) -> None:
    from dossier.export.claimreview import write_claimreview

    write_claimreview(data, out)


EXPORTERS: dict[str, Exporter] = {
    "json": write_json, "graphml": _graphml, "ftm": _ftm, "claimreview": _claimreview,
}  # fmt: skip

__all__ = ["EXPORTERS", "Exporter", "build_export", "load_export", "write_json"]
