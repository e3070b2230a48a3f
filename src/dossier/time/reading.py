"""What the grammar hands back: anchors, the resolution context and one reading."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from dossier.model import TimeKind, TimePrecision
from dossier.time.calendar import Interval

# Confidence of a reading by how it was obtained. Explicit dates are nearly certain; relative
# ones inherit the risk of the anchor; referring back to the paragraph's focus is a guess that
# is right most of the time in news prose; vague references and implied birth years are weak.
CONFIDENCE_ABSOLUTE = 0.95
CONFIDENCE_PUBLICATION = 0.85
CONFIDENCE_INFERRED_YEAR = 0.7  # "in March": the year comes from the anchor and tense
CONFIDENCE_FOCUS = 0.6
CONFIDENCE_VAGUE = 0.4  # "now", "recently", "several years"
CONFIDENCE_AGE = 0.3  # "Soleimani, 58," -> born in one of two calendar years
CONFIDENCE_NOT_BEFORE = 0.2  # relative to a lower bound on publication, not the date itself
COARSE_ANCHOR_FACTOR = 0.5  # anchor vaguer than the reading ("yesterday" from a month)

# Sentence wording that puts an undated month or weekday in the future rather than the past.
FUTURE_MARKERS = re.compile(
    r"\b(?:will|won't|shall|'ll|going to|scheduled|upcoming)\b"
    # "some doses could be available by October": what may be ready is ahead (a bare "could
    # be" is not: it cost a value on the TBAQ dev set)
    r"|\b(?:could|may|might|should)\s+be\s+"
    r"(?:available|ready|operational|in\s+place|completed|finished|delivered)\b"
    # "was due to make a payment on Monday" (not "was due to the storm")
    r"|\b(?:is|are|was|were)\s+due\s+to\s+(?!(?:the|a|an|this|that|his|her|its|their|our)\b)"
    r"[a-z]+\b",
    re.IGNORECASE,
)  # weaker cues ("would", "expected to") cost more than they gained on the TBAQ dev set


@dataclass(frozen=True, slots=True)
class Anchor:
    """A date relative expressions resolve against."""

    day: dt.date  # first day of the anchor's interval
    value: str
    precision: TimePrecision
    source: str  # "publication", "focus" or "not_before"


@dataclass(frozen=True, slots=True)
class Context:
    """What a relative expression may resolve against, at its place in the text."""

    sentence: str
    publication: Anchor | None
    focus: Anchor | None  # last resolved date so far, else the publication
    fallback: Anchor | None  # from ``not_before`` when there is no publication date
    in_sentence: Anchor | None = None  # an undated month earlier in this sentence

    def anchor(self, refers_back: bool) -> Anchor | None:
        if refers_back and self.focus is not None:
            return self.focus
        return self.publication or self.fallback

    def sentence_year(self) -> Anchor | None:
        """An undated month earlier in the sentence, whose year a later one shares: "Samarra
        (June) and Amirli (August)" are in one year even where the publication date would
        put August in another."""
        return self.in_sentence

    def future(self) -> bool:
        return FUTURE_MARKERS.search(self.sentence) is not None


@dataclass(frozen=True, slots=True)
class Reading:
    kind: TimeKind
    value: str
    precision: TimePrecision
    interval: Interval | None
    anchor: str  # "absolute", "publication", "focus", "not_before", "none"
    anchor_value: str | None
    confidence: float
    sets_focus: bool = True


Resolve = Callable[[Context], Reading | None]
Handler = Callable[[re.Match[str], str], Resolve | None]


def absolute(
    value: str,
    precision: TimePrecision,
    interval: Interval | None,
    kind: TimeKind = TimeKind.DATE,
) -> Resolve:
    reading = Reading(kind, value, precision, interval, "absolute", None, CONFIDENCE_ABSOLUTE)
    return lambda _ctx: reading


def relative(
    anchor: Anchor,
    value: str,
    precision: TimePrecision,
    interval: Interval | None,
    confidence: float,
    kind: TimeKind = TimeKind.DATE,
) -> Reading:
    """A reading resolved against ``anchor``; the confidence reflects the anchor's quality."""
    if anchor.source == "not_before":
        confidence = min(confidence, CONFIDENCE_NOT_BEFORE)
    elif _rank(anchor.precision) > _rank(precision):
        confidence *= COARSE_ANCHOR_FACTOR
    return Reading(kind, value, precision, interval, anchor.source, anchor.value, confidence)


# Coarseness of each precision, finest first, to tell when an anchor is vaguer than its use.
PRECISION_RANK: dict[TimePrecision, int] = {
    TimePrecision.DAY: 0, TimePrecision.MONTH: 1, TimePrecision.SEASON: 2,
    TimePrecision.QUARTER: 2, TimePrecision.YEAR: 3, TimePrecision.DECADE: 4,
    TimePrecision.CENTURY: 5,
}  # fmt: skip


def _rank(precision: TimePrecision) -> int:
    return PRECISION_RANK.get(precision, 0)


UNKNOWN_VALUES: dict[TimePrecision, str] = {
    TimePrecision.DAY: "XXXX-XX-XX",
    TimePrecision.MONTH: "XXXX-XX",
    TimePrecision.SEASON: "XXXX",
    TimePrecision.QUARTER: "XXXX-QX",
    TimePrecision.YEAR: "XXXX",
    TimePrecision.DECADE: "XXX",
    TimePrecision.CENTURY: "XX",
}


def unresolved(precision: TimePrecision, kind: TimeKind = TimeKind.DATE) -> Reading:
    """A relative expression with nothing to resolve against: keep the span, say so."""
    value = UNKNOWN_VALUES.get(precision, "XXXX-XX-XX")
    return Reading(kind, value, precision, None, "none", None, CONFIDENCE_VAGUE, False)


def with_confidence(reading: Reading, confidence: float) -> Reading:
    return replace(reading, confidence=confidence)


def group(m: re.Match[str], name: str) -> str | None:
    """A named group's text, or None when the pattern lacks it or it did not take part."""
    value = m.groupdict().get(name)
    return value if isinstance(value, str) else None
