"""Slot disagreements between two claims that report the same thing.

Precision first: a pair is only compared when the two claims are near paraphrases, and a
slot only disagrees when the values cannot both be true:

- **date**: the normalised intervals do not overlap ("2003" vs "January 2002"); containment
  or overlap agrees ("the late 1990s" vs "1998");
- **number**: for a unit both claims count exactly once, the hedged intervals, each widened by
  ``NUMBER_TOLERANCE``, do not overlap ("13" vs "30 killed"; "at least 13" vs "15" agrees);
- **place**: without a gazetteer, "Geneva" and "Switzerland" cannot be told apart from two
  different places, so places disagree only when each claim names exactly one, the names
  differ, and neither name occurs within ``PLACE_WINDOW`` characters of the other claim;
- **quote**: the same speaker, quoted in wordings that are similar (the words in common, in
  order, cover at least ``QUOTE_SIMILARITY`` of the shorter quote) but not the same after
  folding case, punctuation and the spelling of names ("Gadhafi"/"Gaddafi"), and neither a
  fragment of the other ("manage" vs "control").
  A quote relayed by an unnamed source or a medium is taken as the words of the speaker the
  other claim quotes in his own name (SUBJECT): the relay names no other speaker. Scraped text
  loses quotation marks, so a SUBJECT claim without a quote span is read as quoting the words
  after its reporting verb ("Soleimani wrote, I manage ...").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

from rapidfuzz.distance import Indel

from dossier.corroboration.records import ClaimRef, ConflictSlot
from dossier.model import AttributionType, Quantity, Span, TimeExpr

# Reported figures are rounded: 5% either way is the same figure, not a disagreement.
NUMBER_TOLERANCE = 0.05
# How far around a claim a place name may appear and still count as mentioned with it.
PLACE_WINDOW = 400
# Share of the shorter quote's words, in order, from which two quotes word the same statement.
QUOTE_SIMILARITY = 0.6
# Speaker names this similar (0-1, Indel over characters) are the same speaker ("Soleimani"/"Qassem Soleimani").
SPEAKER_SIMILARITY = 0.85
# Two words this similar (Indel, 0-1), both this long and with one first letter, are one word
# spelt two ways ("Gadhafi"/"Gaddafi", "Qaeda"/"Qaida"), not a different wording.
VARIANT_SIMILARITY = 0.8
MIN_VARIANT_CHARS = 5
_WORD = re.compile(r"\w+")
# Attributions that pass a quote on without naming who spoke it.
_RELAYS = {
    AttributionType.ANONYMOUS_OFFICIAL, AttributionType.ANONYMOUS_GROUP, AttributionType.MEDIA,
    AttributionType.HEDGED, AttributionType.UNATTRIBUTED,
}  # fmt: skip

# Verbs too general to say that two counts count the same thing ("there are", "has").
VAGUE_VERBS = frozenset({"", "be", "have", "say", "do", "include", "make", "get"})

Value = tuple[str, str, str]  # (document id, claim id, value as text)
TimeIndex = Mapping[tuple[str, int, int], TimeExpr]


def pair_conflicts(
    a: ClaimRef, b: ClaimRef, texts: Mapping[str, str], time_of: TimeIndex, close: bool = True
) -> list[tuple[str, Value, Value]]:
    """Each slot on which ``a`` and ``b`` disagree, with the two values.

    ``close`` says the two are near paraphrases; otherwise only a quote's wording and a count
    of one thing by one verb ("48 killed" / "64 killed", see ``same_count``) are compared.
    """
    found: list[tuple[str, Value, Value]] = []
    dates = _times(a, time_of), _times(b, time_of)
    if close and dates[0] and dates[1] and not dates_agree(dates[0], dates[1]):
        found.append((ConflictSlot.DATE, _value(a, dates[0].text), _value(b, dates[1].text)))
    for qa, qb in _number_conflicts(a, b):
        if close or same_count(qa, qb):
            found.append((ConflictSlot.NUMBER, _value(a, _slice(a, qa, texts)),
                          _value(b, _slice(b, qb, texts))))  # fmt: skip
    places = _place_conflict(a, b, texts) if close else None
    if places:
        found.append((ConflictSlot.PLACE, _value(a, places[0]), _value(b, places[1])))
    quotes = _quote_conflict(a, b, texts)
    if quotes:
        found.append((ConflictSlot.QUOTE, _value(a, quotes[0]), _value(b, quotes[1])))
    return found


def _value(ref: ClaimRef, text: str) -> Value:
    return (ref.document_id, ref.claim.id, text)


def _times(ref: ClaimRef, time_of: TimeIndex) -> TimeExpr | None:
    span = ref.claim.time
    return time_of.get((span.document_id, span.start, span.end)) if span else None


def dates_agree(a: TimeExpr, b: TimeExpr) -> bool:
    """Intervals that overlap agree; an unknown bound is open; no interval at all agrees."""
    if (a.start is None and a.end is None) or (b.start is None and b.end is None):
        return True
    a_start, b_start = a.start or "0000", b.start or "0000"
    a_end, b_end = a.end or "9999", b.end or "9999"
    return a_start <= b_end and b_start <= a_end


def dates_near(a: TimeExpr, b: TimeExpr) -> bool:
    """Disjoint dates no further apart than the longer one lasts: "Saturday" and "Sunday",
    "2011" and "2012", "June 2014" and "late 2014". Outlets date one happening this loosely
    (a night's strikes, the year support began), so this is weak evidence of two happenings."""
    days = [_day(x) for x in (a.start, a.end, b.start, b.end)]
    if any(d is None for d in days):
        return False
    a_start, a_end, b_start, b_end = (d for d in days if d is not None)
    gap = max((b_start - a_end).days, (a_start - b_end).days)
    longest = max((a_end - a_start).days, (b_end - b_start).days) + 1
    return gap <= longest


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _number_conflicts(a: ClaimRef, b: ClaimRef) -> list[tuple[Quantity, Quantity]]:
    units_a, units_b = _by_unit(a.claim.quantities), _by_unit(b.claim.quantities)
    found = []
    for unit in sorted(units_a.keys() & units_b.keys()):
        (qa,), (qb,) = units_a[unit], units_b[unit]
        if not numbers_agree(qa, qb):
            found.append((qa, qb))
    return found


def _by_unit(quantities: tuple[Quantity, ...]) -> dict[str, list[Quantity]]:
    """Quantities keyed by unit, keeping only units counted exactly once (ambiguous otherwise)."""
    found: dict[str, list[Quantity]] = {}
    for q in quantities:
        if q.unit:
            found.setdefault(q.unit, []).append(q)
    return {unit: qs for unit, qs in found.items() if len(qs) == 1}


def same_count(a: Quantity, b: Quantity) -> bool:
    """Two counts of one thing by one verb: "48 people were killed" and "killed 64 people"."""
    return bool(a.unit) and a.unit == b.unit and a.verb == b.verb and a.verb not in VAGUE_VERBS


def numbers_agree(a: Quantity, b: Quantity) -> bool:
    low_a, high_a = a.low * (1 - NUMBER_TOLERANCE), a.high * (1 + NUMBER_TOLERANCE)
    low_b, high_b = b.low * (1 - NUMBER_TOLERANCE), b.high * (1 + NUMBER_TOLERANCE)
    return low_a <= high_b and low_b <= high_a


def _slice(ref: ClaimRef, q: Quantity, texts: Mapping[str, str]) -> str:
    text = texts.get(ref.document_id, "")
    return text[q.span.start : q.span.end] or f"{q.low:g}-{q.high:g} {q.unit}"


def _place_conflict(a: ClaimRef, b: ClaimRef, texts: Mapping[str, str]) -> tuple[str, str] | None:
    if len(a.claim.places) != 1 or len(b.claim.places) != 1:
        return None
    name_a, name_b = (
        _span_text(a, a.claim.places[0], texts),
        _span_text(b, b.claim.places[0], texts),
    )
    folded_a, folded_b = name_a.casefold(), name_b.casefold()
    if not folded_a or not folded_b or folded_a in folded_b or folded_b in folded_a:
        return None
    if folded_a in _near(b, texts) or folded_b in _near(a, texts):
        return None
    return name_a, name_b


def _span_text(ref: ClaimRef, span: Span, texts: Mapping[str, str]) -> str:
    return texts.get(ref.document_id, "")[span.start : span.end]


def _near(ref: ClaimRef, texts: Mapping[str, str]) -> str:
    text, sentence = texts.get(ref.document_id, ""), ref.claim.sentence
    return text[max(0, sentence.start - PLACE_WINDOW) : sentence.end + PLACE_WINDOW].casefold()


def _quote_conflict(a: ClaimRef, b: ClaimRef, texts: Mapping[str, str]) -> tuple[str, str] | None:
    quote_a, quote_b = quoted_words(a, texts), quoted_words(b, texts)
    if quote_a is None or quote_b is None:
        return None
    if not same_speaker(a, b) and not _relayed(a, b):
        return None
    words_a = _WORD.findall(quote_a.casefold())
    words_b = _respell(_WORD.findall(quote_b), words_a)
    if not words_a or not words_b or words_a == words_b or _is_fragment(words_a, words_b):
        return None
    if shared_wording(words_a, words_b) < QUOTE_SIMILARITY:
        return None
    return quote_a, quote_b


def quoted_words(ref: ClaimRef, texts: Mapping[str, str]) -> str | None:
    """The claim's quotation, or for its subject's own unmarked words, the text after the cue."""
    claim = ref.claim
    if claim.quote is not None:
        return _span_text(ref, claim.quote, texts)
    cue = claim.attribution.cue
    if claim.attribution.type != AttributionType.SUBJECT or cue is None:
        return None
    if not claim.sentence.start <= cue.start < cue.end < claim.sentence.end:
        return None
    words = texts.get(ref.document_id, "")[cue.end : claim.sentence.end].strip(" ,:;")
    return words or None


def _respell(words: list[str], like: list[str]) -> list[str]:
    """``words``, case-folded, with each capitalised word that is a spelling variant of a word
    of ``like`` replaced by that word: outlets transliterate names differently ("Gadhafi",
    "Gaddafi"). Lower-case words are left alone: "police" for "policy" is a different word.
    """
    known = set(like)
    out = []
    for word in words:
        folded = word.casefold()
        name = word[:1].isupper() and folded not in known and len(folded) >= MIN_VARIANT_CHARS
        out.append(_variant_of(folded, known) if name else folded)
    return out


def _variant_of(word: str, known: set[str]) -> str:
    for other in sorted(known):
        if (
            len(other) >= MIN_VARIANT_CHARS
            and other[0] == word[0]
            and Indel.normalized_similarity(word, other) >= VARIANT_SIMILARITY
        ):
            return other
    return word


def shared_wording(a: list[str], b: list[str]) -> float:
    """The words the two share in order (longest common subsequence) over the shorter's length."""
    common = (len(a) + len(b) - Indel.distance(a, b)) / 2
    return common / min(len(a), len(b))


def _relayed(a: ClaimRef, b: ClaimRef) -> bool:
    """One claim quotes its subject in his own name, the other relays a quote unnamed."""
    types = {a.claim.attribution.type, b.claim.attribution.type}
    return AttributionType.SUBJECT in types and bool(types & _RELAYS)


def _is_fragment(a: list[str], b: list[str]) -> bool:
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return " ".join(short) in " ".join(long)


def same_speaker(a: ClaimRef, b: ClaimRef) -> bool:
    source_a, source_b = a.claim.attribution.source, b.claim.attribution.source
    if not source_a or not source_b:
        return False
    fa, fb = source_a.casefold(), source_b.casefold()
    last_a, last_b = fa.split()[-1:], fb.split()[-1:]
    return last_a == last_b or Indel.normalized_similarity(fa, fb) >= SPEAKER_SIMILARITY
