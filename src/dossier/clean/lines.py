"""Line-level boilerplate removal for plain text pasted from a web page.

A paste is the article body with web-page chrome around it and inside it: navigation, share
buttons, photo captions, subscription prompts, comment forms and teaser blocks of other
stories. The classifier works in three passes:

1. Each line gets generic signals (``signals.py``): length, final punctuation, title case,
   script, and chrome wording such as "Share", "Subscribe", "Credit: X".
2. The body region is the stretch of lines with the best balance of prose over chrome (a
   maximum-sum run, where prose earns its word count and every other line costs a fixed gap),
   so chrome clusters at the top and bottom fall outside it while subheadings inside stay.
3. Inside the region, only lines with a chrome cue, a repeat, or another script are dropped;
   outside it everything is dropped, with the most specific reason available.
"""

from __future__ import annotations

import itertools
import logging
import re
from collections.abc import Sequence

from dossier.clean.coherence import (
    drop_after_section_end,
    drop_captions,
    drop_sidebars,
    drop_teaser_runs,
    keep_standfirst,
)
from dossier.clean.scripts import is_other_script, majority_script
from dossier.clean.signals import Cue, LineSignals, compute_signals
from dossier.model import Line, LineDecision

log = logging.getLogger(__name__)

GAP_COST = 40  # words of prose a chrome or headline-like line costs the region: a subheading
# is crossed by any real paragraph after it, a run of teaser titles with summaries is not
SUBHEADING_COST = 10  # a lone headline-like line between body lines: a subheading, or one
# teaser title between summaries (which the summaries alone rarely outweigh)
SANDWICH_MAX_LINES = 2  # a kicker and a heading ("Brand" over "Product for $N") between body
# lines cost like one subheading each; longer runs of headlines are a menu or a teaser list
LABEL_COST = 10  # a one- or two-word line without a cue: a menu item, or "Really." in a body
FRAGMENT_COST = 1  # a short lowercase line (a list item, "He declined.") is body-like
TABLE_ROW_SHARE = 0.5  # a table row earns half its words: a results table can be the body,
# but number-heavy chrome (dates, counts) must not outweigh a paragraph
SECONDARY_SHARE = 0.25  # another stretch of prose this large beside the best one is body too
# (the body split by an inline "Related" block); footers and teaser summaries are smaller
PREFIX_MIN_WORDS = 5  # a line repeated as the start of a longer one (caption + credit)
TEASER_MIN_WORDS = 3  # headline-like lines shorter than this may be subheadings or labels

OUTSIDE = "outside-body"
LINE = re.compile(r"[^\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+")


def split_lines(text: str) -> list[Line]:
    """One Line per non-blank line; offsets exclude leading and trailing whitespace."""
    lines: list[Line] = []
    for match in LINE.finditer(text):
        raw = match.group()
        stripped = raw.strip()
        if not stripped:
            continue
        start = match.start() + len(raw) - len(raw.lstrip())
        lines.append(Line(len(lines), start, start + len(stripped), stripped))
    return lines


def classify_lines(lines: Sequence[Line]) -> list[LineDecision]:
    """Decide, for each line, whether it belongs to the article body."""
    if not lines:
        return []
    signals = [compute_signals(line.text) for line in lines]
    script = majority_script([line.text for line in lines])
    foreign = [is_other_script(line.text, script) for line in lines]
    inside = find_body(signals, foreign)
    last = max((i for i, flag in enumerate(inside) if flag), default=-1)
    reasons = [inside_reason(s, f) if inside[i] else outside_reason(s, f, i > last)
               for i, (s, f) in enumerate(zip(signals, foreign, strict=True))]  # fmt: skip
    mark_teaser_runs(signals, reasons, inside)
    texts = [line.text for line in lines]
    for refine in (
        keep_standfirst,
        drop_captions,
        drop_sidebars,
        drop_teaser_runs,
        drop_after_section_end,
    ):
        refine(texts, signals, reasons)
    mark_repeats(signals, reasons, inside)
    return [LineDecision(line, not reason, reason)
            for line, reason in zip(lines, reasons, strict=True)]  # fmt: skip


def line_scores(signals: Sequence[LineSignals], foreign: Sequence[bool]) -> list[float]:
    """Prose earns its word count; chrome-like lines cost, less when they stand alone."""
    chrome = [is_chrome_like(signal, other) for signal, other in zip(signals, foreign, strict=True)]
    scores: list[float] = []
    for index, signal in enumerate(signals):
        if signal.prose and not chrome[index]:
            scores.append(signal.words)
        elif not chrome[index] and signal.tabular:
            scores.append(TABLE_ROW_SHARE * signal.words)
        elif not chrome[index]:
            scores.append(-FRAGMENT_COST)
        elif sandwiched(chrome, signals, foreign, index):
            scores.append(-SUBHEADING_COST)
        else:
            scores.append(-LABEL_COST if signal.words < TEASER_MIN_WORDS else -GAP_COST)
    return scores


def is_chrome_like(signal: LineSignals, foreign: bool) -> bool:
    if foreign or signal.cue is not None:
        return True
    if signal.prose or signal.tabular:
        return False
    return signal.title_case or signal.words < TEASER_MIN_WORDS


def sandwiched(
    chrome: Sequence[bool], signals: Sequence[LineSignals], foreign: Sequence[bool], index: int
) -> bool:
    """A cue-less headline-like line in a short run of them with body-like lines around."""
    low, high = index, index + 1
    while low > 0 and chrome[low - 1]:
        low -= 1
    while high < len(chrome) and chrome[high]:
        high += 1
    if high - low > SANDWICH_MAX_LINES:
        return False
    return all(signals[i].cue is None and not foreign[i] for i in range(low, high))


def find_body(signals: Sequence[LineSignals], foreign: Sequence[bool]) -> list[bool]:
    """Which lines lie in the body: the best-scoring stretch and any large stretch beside it."""
    scores = line_scores(signals, foreign)
    inside = [False] * len(scores)
    best, start, end = best_stretch(scores, 0, len(scores))
    if best <= 0:  # no prose at all: judge every line on its own
        return [True] * len(scores)
    end = extend_tail(signals, foreign, end)
    pending = [(0, start), (end, len(scores))]
    inside[start:end] = [True] * (end - start)
    while pending:
        low, high = pending.pop()
        score, start, end = best_stretch(scores, low, high)
        if score >= SECONDARY_SHARE * best:
            inside[start:end] = [True] * (end - start)
            pending += [(low, start), (end, high)]
    return inside


def extend_tail(signals: Sequence[LineSignals], foreign: Sequence[bool], end: int) -> int:
    """Carry the body's end over a closing list or table (short rows, maybe one heading)."""
    chrome = [is_chrome_like(signal, other) for signal, other in zip(signals, foreign, strict=True)]
    while end < len(signals):
        if not chrome[end]:
            end += 1
        elif signals[end].cue is None and end + 1 < len(signals) and not chrome[end + 1]:
            end += 2  # a list heading followed by a row
        else:
            break
    return end


def best_stretch(scores: Sequence[float], low: int, high: int) -> tuple[float, int, int]:
    """The half-open range within [low, high) with the largest total (Kadane's algorithm)."""
    best, best_range = 0.0, (low, low)
    total, start = 0.0, low
    for index in range(low, high):
        if total <= 0:
            total, start = 0.0, index
        total += scores[index]
        if total > best:
            best, best_range = total, (start, index + 1)
    return best, *best_range


def inside_reason(signal: LineSignals, foreign: bool) -> str:
    if foreign:
        return "other-script"
    if signal.cue is not None and not signal.prose:
        return str(signal.cue)
    return ""


def outside_reason(signal: LineSignals, foreign: bool, after_body: bool) -> str:
    if foreign:
        return "other-script"
    if signal.cue is not None:
        return str(signal.cue)
    if after_body and signal.title_case and not signal.tabular:
        return str(Cue.TEASER)
    return OUTSIDE


def mark_teaser_runs(
    signals: Sequence[LineSignals], reasons: list[str], inside: list[bool]
) -> None:
    """Inside the body, headline-like lines right after a chrome line ("Related") are links."""
    heading = False
    for index, signal in enumerate(signals):
        if signal.cue in (Cue.NAVIGATION, Cue.CALL_TO_ACTION):
            heading = True
        elif heading and inside[index] and is_chrome_like(signal, False):
            reasons[index] = reasons[index] or str(Cue.TEASER)
        else:
            heading = False


def mark_repeats(signals: Sequence[LineSignals], reasons: list[str], inside: list[bool]) -> None:
    """Keep one copy of a repeated line (the one most inside the body), drop the others.

    A line that is the start of a longer line (a caption without and with its credit, a
    standfirst repeated as a paragraph's opening) counts as a repeat of the longer one.
    """
    kept: set[str] = set()
    listed = list_repeats(signals, inside)
    for index in sorted(range(len(signals)), key=lambda i: repeat_rank(i, reasons, inside)):
        key = signals[index].key
        if key in kept and key not in listed:
            reasons[index] = weaker_reason(reasons[index], "repeated")
        elif key:
            kept.add(key)
    keys = {s.key for s in signals if s.words >= PREFIX_MIN_WORDS}
    for index, signal in enumerate(signals):
        if signal.words < PREFIX_MIN_WORDS:
            continue
        if any(other != signal.key and other.startswith(signal.key + " ") for other in keys):
            reasons[index] = weaker_reason(reasons[index], "repeated")


def list_repeats(signals: Sequence[LineSignals], inside: Sequence[bool]) -> set[str]:
    """Keys repeated only as items of a list inside the body ("Eat every 2 hours" under each
    meal of a plan): every copy sits between body lines and no two copies touch."""
    places: dict[str, list[int]] = {}
    for index, signal in enumerate(signals):
        places.setdefault(signal.key, []).append(index)
    return {
        key
        for key, where in places.items()
        if key
        and len(where) > 1
        and all(b - a > 1 for a, b in itertools.pairwise(where))
        and all(is_enclosed(i, inside) for i in where)
    }


def is_enclosed(index: int, inside: Sequence[bool]) -> bool:
    return 0 < index < len(inside) - 1 and all(inside[index - 1 : index + 2])


def repeat_rank(index: int, reasons: Sequence[str], inside: Sequence[bool]) -> tuple[int, ...]:
    """Copies inside the body and between body lines first, then the earliest."""
    neighbours = sum(
        0 <= other < len(inside) and inside[other] and not reasons[other]
        for other in (index - 1, index + 1)
    )
    return (not inside[index], bool(reasons[index]), -neighbours, index)


def weaker_reason(current: str, candidate: str) -> str:
    """Replace no reason or the generic "outside-body" with a more telling one."""
    return candidate if current in ("", OUTSIDE) else current
