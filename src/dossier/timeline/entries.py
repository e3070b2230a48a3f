"""Timeline boxes pasted into the text: "12 November: Arab League suspends Syria 14 November:
Jordan's king urges Assad to go".

A date followed by a colon heads the entry after it (``time.filters.is_heading``). The
sentence splitter cuts such a line anywhere, often right after a heading, so a heading that
ends a sentence belongs to the next one (``own_dates``). A sentence that holds two or more
entries (counting one whose heading ended the sentence before) is cut into them
(``heading_entries``): each entry is dated by its heading and named by the mentions in it.
"""

from __future__ import annotations

from dossier.model import TimeExpr
from dossier.time.filters import HEADING_GAP, is_heading


def own_dates(
    text: str, inside: list[TimeExpr], before: list[TimeExpr], lo: int, hi: int
) -> list[TimeExpr]:
    """The sentence's dates less a heading that ends it ("... 14 November:", the entry after
    it is in the next sentence); with no other, the heading that ends the sentence before."""
    own = [t for t in inside if not (is_heading(text, t.span.end) and _ends_at(text, t, hi))]
    return own or _carried(text, before, lo)


def heading_entries(
    text: str, inside: list[TimeExpr], before: list[TimeExpr], lo: int, hi: int
) -> list[tuple[TimeExpr, int, int]]:
    """(heading date, start, end) of each entry of the sentence ``[lo, hi)``, in text order;
    empty unless it holds at least two."""
    heads = _carried(text, before, lo)
    heads += [t for t in inside if is_heading(text, t.span.end) and not _ends_at(text, t, hi)]
    if len(heads) < 2:
        return []
    trailing = [t for t in inside if is_heading(text, t.span.end) and _ends_at(text, t, hi)]
    ends = [t.span.start for t in heads[1:]] + [trailing[0].span.start if trailing else hi]
    return [
        (t, lo if t.span.end <= lo else text.index(":", t.span.end) + 1, end)
        for t, end in zip(heads, ends, strict=True)
    ]


def _carried(text: str, before: list[TimeExpr], lo: int) -> list[TimeExpr]:
    """The heading that ends the sentence before, heading this one's first words."""
    return [t for t in before if is_heading(text, t.span.end) and lo - t.span.end <= HEADING_GAP]


def _ends_at(text: str, time: TimeExpr, hi: int) -> bool:
    return not text[time.span.end : hi].strip(" \t\n:")
