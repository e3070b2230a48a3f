"""A deliberately tiny table of name aliases that no spelling rule can find.

Only world knowledge that news text takes for granted belongs here: other names of the
same country or region, not people or organisations of any one story. Keys and values
are display forms; both sides are folded with the same rules as every other name.
"""

from __future__ import annotations

KNOWN_ALIASES: dict[str, str] = {
    "America": "United States",
    "USA": "United States",
    "U.S.A.": "United States",
    "Britain": "United Kingdom",
    "Great Britain": "United Kingdom",
    "UK": "United Kingdom",
    "U.K.": "United Kingdom",
    "Mideast": "Middle East",
    "Holland": "Netherlands",
    "Burma": "Myanmar",
}
