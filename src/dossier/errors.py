"""Errors raised by dossier.

The hierarchy::

    DossierError
    ├── SourceError        a file could not be read or decoded (carries the path)
    ├── ExtractionError    a stage could not make sense of an article
    ├── StoreError         the DuckDB store is missing, locked or from a newer version
    └── ConfigError        a bad option, sidecar or environment variable

Stage code raises these. Only the pipeline runner turns them into failure records,
and only the CLI turns them into a one-line message.
"""

from __future__ import annotations


class DossierError(Exception):
    """The root of every error dossier raises on purpose."""


class SourceError(DossierError):
    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class ExtractionError(DossierError):
    pass


class StoreError(DossierError):
    pass


class ConfigError(DossierError):
    pass
