"""Numbers in a sentence that count nothing: durations, ranks and times of day.

"A 40-year rule" and "three years" are durations, "fell to number six", "No. 3" and "the 16th
case" ranks, "5.18 pm", "10:20 a.m." and "18.00 GMT" times of day. ``quantities`` leaves them
out, so two live-blog timestamps or two chart places are never compared as two counts of one
thing.
"""

from __future__ import annotations

import re

_DURATION_AFTER = re.compile(r"[-\s](?:year|month|week|day|hour|minute|decade|centur)", re.I)
# "the 16th case", "1st", "22nd": an ordinal.
_ORDINAL_AFTER = re.compile(r"(?:st|nd|rd|th)\b", re.I)
# "number six", "world number one", "No. 3", "#1".
_RANK_BEFORE = re.compile(r"(?:\bnumber|\bno\.?|#)\s*$", re.I)
# "5.18 pm", "3.03pm", "10:20 a.m.", "18.00 GMT", "4:36 PM"; and the "20" of "10:20".
_CLOCK_AFTER = re.compile(
    r"(?::\d\d)?\s?(?:(?i:[ap]\.?m\b\.?)|GMT\b|BST\b|UTC\b|[ECMP][SD]T\b)|:\d\d"
)
# How far before a number its rank word may start ("number " is seven characters).
_RANK_WINDOW = 8


def no_count(text: str, start: int, end: int) -> bool:
    """Whether the number at ``text[start:end]`` is a duration, a rank (or an ordinal) or a time
    of day."""
    return bool(
        _DURATION_AFTER.match(text, end)
        or _RANK_BEFORE.search(text[max(0, start - _RANK_WINDOW) : start])
        or _CLOCK_AFTER.match(text, end)
        or _ORDINAL_AFTER.match(text, end)
        or text[max(0, start - 1) : start] == ":"
    )
