"""Overrides from JSON Lines fields and sidecars win over what the text says; an address
names the outlet that nothing else names."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Sequence
from typing import TypeVar
from urllib.parse import urlsplit

from dossier.clean.textmeta import UNKNOWN_OUTLET
from dossier.model import DatePrecision, Metadata, MetaField, MetaSource, Overrides, PublishedDate

T = TypeVar("T")

# A value a person typed into a sidecar, or a publisher put into a feed, is taken as given.
OVERRIDE_CONFIDENCE = 1.0
_PRECISION_BY_LENGTH = {4: DatePrecision.YEAR, 7: DatePrecision.MONTH, 10: DatePrecision.DAY}
# An outlet read from an address: as sure as a page's own host name (``html``).
URL_OUTLET_CONFIDENCE = 0.6
# Second-level labels under a country code that a site's name sits below ("bbc.co.uk").
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "ac", "edu", "ne", "or"})


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


def outlet_from_url(metadata: Metadata) -> Metadata:
    """The site of the article's address as its outlet, when nothing else names one:
    "https://edition.cnn.com/2011/..." is "cnn.com", "http://news.bbc.co.uk/..." is
    "bbc.co.uk". Two articles of one site then count as one outlet, not as two unknowns."""
    if metadata.outlet.value != UNKNOWN_OUTLET or not metadata.url.value:
        return metadata
    site = site_of(metadata.url.value)
    if not site:
        return metadata
    outlet = MetaField(site, metadata.url.source, URL_OUTLET_CONFIDENCE, metadata.url.value)
    return dataclasses.replace(metadata, outlet=outlet)


def site_of(url: str) -> str:
    """The registrable part of an address's host name, "" when it has none."""
    try:
        host = (urlsplit(url if "//" in url else "//" + url).hostname or "").casefold()
    except ValueError:
        return ""
    labels = [label for label in host.split(".") if label]
    if len(labels) < 2 or labels[-1].isdigit():
        return ""  # "localhost", an IP address
    keep = 3 if len(labels) > 2 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL else 2
    return ".".join(labels[-keep:])
