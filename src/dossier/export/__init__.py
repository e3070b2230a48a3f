"""Exports of the stored dossier: JSON (the contract of DESIGN.md)."""

from dossier.export.json import build_export, write_json

__all__ = ["build_export", "write_json"]
