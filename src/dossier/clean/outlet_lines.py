"""The outlet a credit line names: print notes ("This article appeared in the print edition
of ..."), sign-offs ("I wrote this article for ..."), social lines and copyright lines."""

from __future__ import annotations

import re

from dossier.clean.bylines import OUTLET_MAX_WORDS, clean_person_name

SIGNOFF_MAX_WORDS = 60  # a print note with the full headline can be long; prose is longer

PRINT_OUTLET_CONFIDENCE = 0.9  # "appeared ... in The Wall Street Journal" names the publication
SIGNOFF_OUTLET_CONFIDENCE = 0.85  # "I wrote this article for X" is the author's own word
SOCIAL_OUTLET_CONFIDENCE = 0.6  # "X on Twitter" is the site's own account, usually
COPYRIGHT_OUTLET_CONFIDENCE = 0.55  # the holder is often the parent company, not the title

_PUB = r"(?P<pub>(?:The\s+)?[A-Z][\w'’&.-]*(?:\s+(?:[A-Z][\w'’&.-]*|of|and|&|de|on))*)"
# The article speaking of itself: "This article ...", "A version of this story ...".
_SELF = (
    r"(?i:^(?:an?\s+(?:\w+\s+)?version\s+of\s+)?this\s+(?:article|story|piece|column|essay|post)\b)"
)
_OUTLET_PATTERNS = (
    (
        re.compile(_SELF + r"(?i:.*?\bappeared\b.*?\b(?:editions?|issues?)\s+of\s+)" + _PUB),
        PRINT_OUTLET_CONFIDENCE,
    ),
    (
        re.compile(
            _SELF + r"(?i:.*?\b(?:appeared|published|written)\s+(?:\w+\s+)?(?:in|on|by|for)\s+)"
            r"(?:the\s+)?" + _PUB
        ),
        PRINT_OUTLET_CONFIDENCE,
    ),
    (
        re.compile(r"(?i:^(?:I|we)\s+wrote\s+this\s+(?:\w+\s+)?for\s+)(?:the\s+)?" + _PUB),
        SIGNOFF_OUTLET_CONFIDENCE,
    ),
    (
        re.compile(
            r"(?i:^originally\s+(?:published|appeared)\s+(?:in|on|by|at)\s+)(?:the\s+)?" + _PUB
        ),
        SIGNOFF_OUTLET_CONFIDENCE,
    ),
)
# "Copyright 2012 Example Media, Inc. All Rights Reserved": the holder, without "Inc".
_COPYRIGHT = re.compile(
    r"^(?i:copyright|©|\(c\))\s*(?:©|\(c\))?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*"
    r"(?P<pub>[A-Z][^,.|©/]*?)\s*(?:,|\.|\||(?i:\ball\s+rights\b|\b(?:inc|ltd|llc|plc)\b)|$)"
)
_COPYRIGHT_WORDS = ("copyright", "rights reserved")  # a bare "©" is often a photo credit
_SOCIAL = re.compile(
    r"^(?:follow\s+)?(?P<pub>.+?)\s+on\s+(?:twitter|facebook|instagram|x|linkedin|youtube)$",
    re.IGNORECASE,
)
_TRAILING_CONNECTORS = re.compile(r"(?:\s+(?:of|and|&|de|on))+$|[.]+$")
_MONTH_START = re.compile(r"^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")


def outlet_from_line(text: str) -> tuple[str, float] | None:
    """The outlet a sign-off, print note, social or copyright line names."""
    if len(text.split()) > SIGNOFF_MAX_WORDS:
        return None
    found = next(
        ((_clean_outlet(m["pub"]), c) for p, c in _OUTLET_PATTERNS if (m := p.search(text))),
        None,
    )
    found = found or _social_or_copyright(text)
    return found if found and found[0] and not _MONTH_START.match(found[0]) else None


def _social_or_copyright(text: str) -> tuple[str, float] | None:
    social = _SOCIAL.match(text)
    if social and _is_outlet_name(social["pub"]):
        return _clean_outlet(social["pub"]), SOCIAL_OUTLET_CONFIDENCE
    holder = _COPYRIGHT.match(text)
    stated = any(word in text.lower() for word in _COPYRIGHT_WORDS)
    if holder and stated and clean_person_name(holder["pub"]) is None:
        return _clean_outlet(holder["pub"]), COPYRIGHT_OUTLET_CONFIDENCE
    return None


def _is_outlet_name(text: str) -> bool:
    short = len(text.split()) <= OUTLET_MAX_WORDS
    return short and text[:1].isupper() and clean_person_name(text) is None


def _clean_outlet(text: str) -> str:
    return _TRAILING_CONNECTORS.sub("", text.strip()).strip()
