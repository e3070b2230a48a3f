"""Ordinals that place a thing, as two near paraphrases give them: "on the third floor of the
Norvik Textiles plant" / "on the second floor of the Norvik Textiles factory", "the
second-largest bank" / "the third-largest bank".

Only positions that stay put while a story runs are read (``positions``): a floor or storey,
and a rank by a superlative of one noun ("second-largest bank", "third biggest city"). Ranks
in a chart or a race ("in second place"), rounds, days and terms move from one report to the
next and are left alone (``numbers.two_measurements`` reads chart places as two weekends).
Two claims disagree when each places one thing of one kind (the same floor noun, or the same
superlative and noun) at one position, and the positions differ.
"""

from __future__ import annotations

import functools
import re

from dossier.corroboration.records import CACHED_TEXTS, ClaimRef
from dossier.time.lexicon import ORDINALS

_ORDINAL = r"(?P<n>\d{1,2}(?:st|nd|rd|th)|" + "|".join(w for w in ORDINALS if w.isalpha()) + r")"
# "third floor of the Norvik Textiles plant": the building's name, when it is given.
_FLOOR = re.compile(
    rf"(?i:\b{_ORDINAL}[\s-]+(?P<kind>floor|storey|story)\b)"
    r"(?:\s+of\s+(?:the\s+)?(?P<of>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*))?"
)
_SUPERLATIVE = re.compile(
    rf"\b{_ORDINAL}[\s-]+(?P<kind>(?:largest|biggest|highest|tallest|busiest|richest|"
    r"deadliest|worst|oldest|smallest|most\s+\w+)\s+[a-z]+)\b",
    re.I,
)


def position_conflict(a: ClaimRef, b: ClaimRef, close: bool) -> tuple[str, str] | None:
    """The two positions, as written, when each claim places one thing of one kind, and the
    kinds agree but the positions do not: in near paraphrases (``close``), or in any pair
    when both name the building by a shared name ("of the Norvik Textiles plant" / "of the
    Norvik Textiles factory")."""
    found_a, found_b = positions(a.claim.text), positions(b.claim.text)
    if len(found_a) != 1 or len(found_b) != 1:
        return None
    (kind_a, n_a, of_a, text_a), (kind_b, n_b, of_b, text_b) = found_a[0], found_b[0]
    if kind_a != kind_b or n_a == n_b or not (close or of_a & of_b):
        return None
    return text_a, text_b


@functools.lru_cache(maxsize=CACHED_TEXTS)
def positions(text: str) -> tuple[tuple[str, int, frozenset[str], str], ...]:
    """Each (kind, position, building's name words, text) the sentence gives: ("floor", 3,
    {"norvik", "textiles"}, "third floor")."""
    found = []
    for pattern in (_FLOOR, _SUPERLATIVE):
        for m in pattern.finditer(text):
            word = m["n"].casefold()
            n = int(word[:-2]) if word[:1].isdigit() else ORDINALS.get(word, 0)
            kind = " ".join(m["kind"].casefold().split())
            named = m.groupdict().get("of") or ""
            of = frozenset(w.casefold() for w in named.split())
            shown = m[0][: m.end("kind") - m.start()]
            found.append(("floor" if pattern is _FLOOR else kind, n, of, shown))
    return tuple(f for f in found if f[1])
