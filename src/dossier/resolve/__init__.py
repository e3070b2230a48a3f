"""Stage 7, resolve: cluster entity mentions across articles into actors."""

from __future__ import annotations

from dossier.resolve.names import name_key
from dossier.resolve.resolver import resolve_mentions

__all__ = ["name_key", "resolve_mentions"]
