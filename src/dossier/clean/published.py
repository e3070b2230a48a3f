"""The publication date of an HTML page, at the precision its markup states it.

htmldate picks the date (``html.DATE_PARAMS``) and fills a missing day or month from today's
date, so its precision is read back from the markup that states the same date: meta tags,
JSON-LD and time elements. A date no such markup states is kept, with a lower confidence.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any, Final

import lxml.html

from dossier.model import DatePrecision, MetaField, MetaSource, PublishedDate

# The page states these in its own markup (og:, article:, JSON-LD), so they are usually right,
# but sites do template them wrongly (a section title as og:title, a desk as author).
META_CONFIDENCE: Final = 0.9
# htmldate found a date but not in a published-time field we can see (a time element with
# another role, a timestamp in the markup): likely, but it may be an update or another date.
DATE_WITHOUT_EVIDENCE_CONFIDENCE: Final = 0.6

# Meta names and properties that state when an article was first published.
PUBLISHED_KEYS: Final = frozenset((
    "article:published_time", "og:article:published_time", "og:published_time", "datepublished",
    "date", "pubdate", "publishdate", "publish_date", "published_time", "publication_date",
    "dc.date", "dc.date.issued", "dcterms.date", "dcterms.created", "dcterms.issued",
    "sailthru.date", "parsely-pub-date",
))  # fmt: skip
ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?![\d])")
# Length of an ISO date string at each precision: YYYY-MM-DD, YYYY-MM, YYYY.
_PREFIX: Final = {DatePrecision.DAY: 10, DatePrecision.MONTH: 7, DatePrecision.YEAR: 4}
_FINEST_FIRST: Final = (DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR)


def published_field(
    tree: lxml.html.HtmlElement, value: str | None
) -> MetaField[PublishedDate | None]:
    """The date htmldate chose, at the finest precision of the markup that states it."""
    if not value:
        return MetaField(None, MetaSource.NONE, 0.0)
    stated = [(raw, _precision_if_agrees(raw, value)) for raw in _published_candidates(tree)]
    agreeing = [(raw, precision) for raw, precision in stated if precision is not None]
    if not agreeing:
        date = PublishedDate(value, DatePrecision.DAY)
        return MetaField(date, MetaSource.HTML_META, DATE_WITHOUT_EVIDENCE_CONFIDENCE, value)
    raw, precision = min(agreeing, key=lambda pair: _FINEST_FIRST.index(pair[1]))
    date = PublishedDate(value[: _PREFIX[precision]], precision)
    return MetaField(date, MetaSource.HTML_META, META_CONFIDENCE, raw)


def _precision_if_agrees(raw: str, value: str) -> DatePrecision | None:
    """The precision of an ISO ``raw`` date if it states the same date as ``value``.

    htmldate fills a missing day or month from today's date, so a coarser ``raw`` agrees
    with any ``value`` in the same month or year.
    """
    match = ISO_DATE.match(raw.strip())
    if match is None:
        return None
    year, month, day = match.groups()
    precision = DatePrecision.DAY if day else DatePrecision.MONTH if month else DatePrecision.YEAR
    stated = "-".join(part for part in (year, month, day) if part)
    return precision if value.startswith(stated) else None


def _published_candidates(tree: lxml.html.HtmlElement) -> Iterator[str]:
    """Raw publication dates stated in meta tags, JSON-LD and time elements, in that order."""
    for meta in tree.iter("meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop") or ""
        if key.lower() in PUBLISHED_KEYS and meta.get("content"):
            yield meta.get("content", "")
    for script in tree.iter("script"):
        if script.get("type") == "application/ld+json" and script.text:
            yield from _json_ld_dates(script.text)
    for time in tree.iter("time"):
        if time.get("datetime"):
            yield time.get("datetime", "")


def _json_ld_dates(payload: str) -> Iterator[str]:
    try:
        data = json.loads(payload)
    except ValueError:
        return
    stack: list[Any] = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if isinstance(item.get("datePublished"), str):
                yield item["datePublished"]
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
