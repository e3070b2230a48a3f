"""Overrides from JSON Lines fields and sidecars win over what the text says."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import TypeVar

from dossier.model import DatePrecision, Metadata, MetaField, MetaSource, Overrides, PublishedDate

T = TypeVar("T")

# A value a person typed into a sidecar, or a publisher put into a feed, is taken as given.
OVERRIDE_CONFIDENCE = 1.0
_PRECISION_BY_LENGTH = {4: DatePrecision.YEAR, 7: DatePrecision.MONTH, 10: DatePrecision.DAY}


def parse_published(value: str) -> PublishedDate:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (validated at the edge) to a PublishedDate."""
    return PublishedDate(value, _PRECISION_BY_LENGTH[len(value)])


def _given(value: T, source: MetaSource) -> MetaField[T]:
    return MetaField(value, source, OVERRIDE_CONFIDENCE, "given")


def apply_overrides(metadata: Metadata, overrides: Sequence[Overrides]) -> Metadata:
    """Apply overrides in order; a later one wins, field by field."""
    for item in overrides:
        given = functools.partial(_given, source=item.source)
        metadata = Metadata(
            title=given(item.title) if item.title is not None else metadata.title,
            authors=given(tuple(item.authors)) if item.authors is not None else metadata.authors,
            outlet=given(item.outlet) if item.outlet is not None else metadata.outlet,
            published=given(parse_published(item.published))
            if item.published
            else metadata.published,
            not_before=metadata.not_before,
            url=given(item.url) if item.url is not None else metadata.url,
        )
    return metadata
