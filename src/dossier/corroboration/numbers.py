"""Number disagreements: two counts of one thing by one verb that cannot both be true.

For a unit both claims count exactly once, with one verb that says what is counted
(``same_count``: "48 people were killed" / "killed 64 people"), the hedged intervals, each
widened by ``NUMBER_TOLERANCE``, do not overlap ("13" vs "30 killed"; "at least 13" vs "15"
agrees) and lie within ``NUMBER_RATIO`` of each other: 9 and 120 people are two groups, not one
group counted twice. Running totals grow, so counts from articles published more than
``NUMBER_DAYS`` apart are not compared ("7,500 dead" in March, "9,000" in April), nor two
running tallies of different days ("have officially reported 1,534 cases" one day, "the
latest figures ... 1,124 cases" the day before), nor are increments, rates and earlier values
("nine more", "200 a day", "up from 1,639"), nor, outside near paraphrases, figures a verb
moves (``FIGURE_VERBS``: "pushed the deficit to $500.5bn" / "pushed spending to $349.4bn"),
nor two moves to two levels ("rose 95 cents to settle at $109.31" / "rose 79 cents to $83.20":
two prices, ``_two_levels``), nor a confirmed count against a larger unconfirmed one ("have
confirmed 20 deaths" / "has killed 81": a part of all, ``_confirmed_part``).
Percentages are changes or shares of a base the sentence need not name ("grew 0.4%", "30%
saw orders rise"): they are compared only between near paraphrases (``close``) dated alike
("tumbled 9.71 percent" and "tumbled almost 7% yesterday" may be two days' falls). On 307
BBC business and politics articles, 8 of 16 groups flagged conflicting were percentages of
different things, none of one thing. Two percentages that both name what they are of, and
that no verb moves, are compared as counts are (``_named_share``: "Turnout was 61%" /
"Turnout was 63%", "fell to 2.1%" / "dropped to 2.3%", "won 28.4% of the vote" / "received
29.1% of the vote"). Inside one article, two counts by one verb are mostly a list's parts
("in seven cases ... a burn", "in 23 cases ... smoke damage"): they too are compared only
between near paraphrases.
"""

from __future__ import annotations

import functools
import re
from datetime import date, timedelta

from dossier.corroboration.counting import NOT_TOTALS, same_count, totals_by_unit
from dossier.corroboration.records import CACHED_TEXTS, ClaimRef
from dossier.model import Quantity
from dossier.time.lexicon import NUMBER_WORDS, ORDINALS

# A rank in a table or chart: "in second place", "5th position", "at number six".
_RANK = re.compile(
    r"\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))"
    r"\s+(?:place|position|spot)\b|\b(?:at |to )?(?:number|no\.)\s*(\d+|one|two|three|four|five"
    r"|six|seven|eight|nine|ten)\b"
)
# Reported figures are rounded: 5% either way is the same figure, not a disagreement.
NUMBER_TOLERANCE = 0.05
# Counts further apart than this factor count different things, not one thing differently.
NUMBER_RATIO = 5.0
# Counts from articles published further apart (days) may be a running total at two moments:
# an epidemic's WHO tally grew from 1,124 to 1,534 cases overnight (3 until the H1N1 audit).
NUMBER_DAYS = 1
# A running tally, counted up to the moment of writing: "has now killed 65", "60 cases have
# already been confirmed", "28,774 infections to date", "the latest figures". Two of them a
# day apart are two moments of the count ("has already been linked to 50 cases" on 28 May,
# "where 60 cases have already been confirmed" on 29 May; reported, "said it had confirmed 160
# cases"), so they are compared only on one day. "Killed 48" and "64 people had been killed"
# (a night's toll) are no tallies.
_TALLY = re.compile(
    r"\b(?:so far|to date|the latest|latest (?:figures?|tally|count|toll|update)|a total of"
    r"|already|(?:has|have)(?: now| so far| already| officially)? (?:been )?[a-z]+(?:ed|en)"
    r"|had(?: now| so far| already| officially)? (?!been\b)[a-z]+(?:ed|en))\b",
    re.I,
)
# A count officials have confirmed: a part of all counted, which suspected cases swell ("Mexican
# officials have confirmed 20 deaths from the virus and are investigating dozens more" / "a
# virus that has killed 81"). A confirmed count above an unconfirmed one still disagrees.
_CONFIRMED = re.compile(r"\bconfirm(?:ed|s)?\b", re.I)
# Verbs that move or state a figure ("pushed the deficit to $500.5bn", "spending rose to
# $349.4bn", "sales reached 2m"): the figure's subject or object says what is counted, not the
# verb, so such counts are compared only between near paraphrases.
FIGURE_VERBS = frozenset({
    "push", "rise", "fall", "climb", "drop", "reach", "hit", "total", "bring", "lift", "raise",
    "cut", "increase", "decrease", "grow", "jump", "soar", "slump", "plunge", "boost", "top",
    "exceed", "double", "halve", "slip", "surge", "tumble", "widen", "narrow", "stand",
})  # fmt: skip


# The words between a move and the level it led to, past the move's unit: "95 cents to settle
# at $109.31", "3% to 120p", "fell 2.5 points to close at 1,050".
_TO_LEVEL = re.compile(r"(?:%|\s*[^\s\d%]+){0,2}?\s+to(?:\s+[a-z]+){0,2}\s+", re.I)


def number_conflicts(
    a: ClaimRef, b: ClaimRef, close: bool, dated: bool
) -> list[tuple[Quantity, Quantity]]:
    """Each count of one thing by one verb on which ``a`` and ``b`` disagree (``close``: the
    pair are near paraphrases; ``dated``: both have dates, and they agree)."""
    if not _contemporary(a, b) or (a.document_id == b.document_id and not close):
        return []
    units_a, units_b = totals_by_unit(a.claim.quantities), totals_by_unit(b.claim.quantities)
    found = []
    for unit in sorted(units_a.keys() & units_b.keys()):
        (qa,), (qb,) = units_a[unit], units_b[unit]
        if unit.startswith("%") and not (_named_share(qa, qb) or (close and dated)):
            continue
        if not close and (qa.verb in FIGURE_VERBS or qb.verb in FIGURE_VERBS):
            continue
        if qa.verb in FIGURE_VERBS and _two_levels((a, qa), (b, qb)):
            continue
        if _confirmed_part((a, qa), (b, qb)):
            continue
        if same_count(qa, qb) and not numbers_agree(qa, qb) and comparable(qa, qb):
            found.append((qa, qb))
    return found


def _named_share(a: Quantity, b: Quantity) -> bool:
    """Both percentages name what they are of ("29.1% of the vote", "Turnout was 61%", the
    level "inflation fell to 2.1%" reached) and neither verb moves a figure ("cut 5% of its
    staff"): one measure's level or share, compared as a count is, whatever the two date."""
    return a.unit != "%" and not {a.verb, b.verb} & FIGURE_VERBS


def _confirmed_part(a: tuple[ClaimRef, Quantity], b: tuple[ClaimRef, Quantity]) -> bool:
    """One count is confirmed (``_CONFIRMED``), the other not, and the confirmed one is the
    smaller: the confirmed cases or deaths among all, not another figure for them. Two
    confirmed counts, or two unconfirmed ones, compare as they are."""
    confirmed = [bool(_CONFIRMED.search(ref.claim.text)) for ref, _ in (a, b)]
    if confirmed[0] == confirmed[1]:
        return False
    part, whole = (a[1], b[1]) if confirmed[0] else (b[1], a[1])
    return part.high <= whole.low


def _two_levels(a: tuple[ClaimRef, Quantity], b: tuple[ClaimRef, Quantity]) -> bool:
    """Both moves name the level they moved to, and no level of one is one of the other's:
    "Brent crude rose 95 cents to settle at $109.31" and "U.S. crude rose 79 cents to $83.20"
    move two prices, not one price by two amounts."""
    levels = [_levels(ref, q) for ref, q in (a, b)]
    return all(levels) and not any(numbers_agree(x, y) for x in levels[0] for y in levels[1])


def _levels(ref: ClaimRef, move: Quantity) -> list[Quantity]:
    """The figures a move leads to in its claim: "rose 95 cents to settle at $109.31"."""
    start, text = ref.claim.sentence.start, ref.claim.text
    return [
        q for q in ref.claim.quantities
        if q.span.start > move.span.end
        and _TO_LEVEL.fullmatch(text[move.span.end - start : q.span.start - start])
    ]  # fmt: skip


def comparable(a: Quantity, b: Quantity) -> bool:
    """The nearer ends of the two intervals are within ``NUMBER_RATIO`` of each other."""
    low, high = sorted([a, b], key=lambda q: q.low)
    return high.low <= low.high * NUMBER_RATIO


def _contemporary(a: ClaimRef, b: ClaimRef) -> bool:
    """Published no more than ``NUMBER_DAYS`` apart, or with a date unknown; two running
    tallies (``_TALLY``) on the same day."""
    gap = published_gap(a, b)
    if gap is None or gap <= 0:
        return True
    if gap > NUMBER_DAYS:
        return False
    return not (_TALLY.search(a.claim.text) and _TALLY.search(b.claim.text))


def published_gap(a: ClaimRef, b: ClaimRef) -> int | None:
    """Days between the two claims' publication dates, as precise as each is known (0 or
    less when they may be one day); None when one is unknown."""
    days_a, days_b = _published_days(a.published), _published_days(b.published)
    if days_a is None or days_b is None:
        return None
    (start_a, end_a), (start_b, end_b) = days_a, days_b
    return max((start_b - end_a).days, (start_a - end_b).days)


def _published_days(value: str) -> tuple[date, date] | None:
    """The days a publication date ("2011-03-20", "2011-03", "2011") may be."""
    parts = value[:10].split("-")
    try:
        numbers = [int(p) for p in parts if p]
        if len(numbers) == 3:
            day = date(*numbers)
            return day, day
        if len(numbers) == 2:
            first = date(numbers[0], numbers[1], 1)
            return first, (first + timedelta(days=31)).replace(day=1) - timedelta(days=1)
        if len(numbers) == 1:
            return date(numbers[0], 1, 1), date(numbers[0], 12, 31)
    except ValueError:
        return None
    return None


def numbers_agree(a: Quantity, b: Quantity) -> bool:
    """The two intervals, each widened for rounding (``_rounding``), overlap."""
    (low_a, high_a), (low_b, high_b) = _rounding(a), _rounding(b)
    return low_a < high_b and low_b < high_a


def _rounding(q: Quantity) -> tuple[float, float]:
    """The values a reported figure may stand for: ``NUMBER_TOLERANCE`` either way, but for an
    exact figure no more than half a unit of its last digit: "$2.6bn" is 2.55-2.65bn, so it
    disagrees with "$2.5bn"; "2,000" may be 1,900 to 2,100."""
    low, high = q.low * (1 - NUMBER_TOLERANCE), q.high * (1 + NUMBER_TOLERANCE)
    if q.hedge or q.low != q.high or q.low <= 0:
        return low, high
    half = _last_digit(q.low) / 2
    return max(low, q.low - half), min(high, q.low + half)


def _last_digit(value: float) -> float:
    """The place value of the last non-zero digit of ``value`` (2.6e9 -> 1e8, 48 -> 1)."""
    digits = f"{value:.6e}".split("e")
    mantissa, exponent = digits[0].replace(".", "").rstrip("0") or "0", int(digits[1])
    return float(10 ** (exponent - len(mantissa) + 1))


def two_measurements(a: ClaimRef, b: ClaimRef) -> bool:
    """The claims count two units alike, and every count differs: "226 cases ... across 30
    states" / "160 cases in 21 states", "787 infections in 17 countries" / "15 countries had
    reported 615 infections" are one tally taken at two moments, not one figure disputed. So
    are two claims that give two ranks: "entered the chart in second place ..., taking $12.7m"
    / "moved down the chart to fourth place after taking $10.7m" are two weekends."""
    units_a = {q.unit: q for q in a.claim.quantities if q.unit and q.hedge not in NOT_TOTALS}
    units_b = {q.unit: q for q in b.claim.quantities if q.unit and q.hedge not in NOT_TOTALS}
    shared = units_a.keys() & units_b.keys()
    if len(shared) >= 2 and not any(numbers_agree(units_a[u], units_b[u]) for u in shared):
        return True
    ranks_a = _ranks(a.claim.text)
    if not ranks_a:
        return False
    ranks_b = _ranks(b.claim.text)
    return bool(ranks_b) and not ranks_a & ranks_b  # "in second place" / "to fourth place"


@functools.lru_cache(maxsize=CACHED_TEXTS)
def _ranks(text: str) -> frozenset[int]:
    """The ranks a claim's text gives ("in second place", "at number six")."""
    return frozenset(_rank(m) for m in _RANK.finditer(text.casefold()))


def _rank(found: re.Match[str]) -> int:
    """The rank a ``_RANK`` match gives: "sixth place" and "number six" are 6."""
    word = found.group(1) or found.group(2)
    digits = word.rstrip("stndrh")
    return int(digits) if digits.isdigit() else ORDINALS.get(word) or NUMBER_WORDS.get(word, 0)
