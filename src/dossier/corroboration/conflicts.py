"""Slot disagreements between two claims that report the same thing.

Precision first: a pair is only compared when the two claims are near paraphrases, and a
slot only disagrees when the values cannot both be true:

- **date**: the normalised intervals do not overlap ("2003" vs "January 2002"); containment
  or overlap agrees ("the late 1990s" vs "1998"). Not compared: the same words ("this Sunday"
  in two articles of different days), "now" and its kin, two days of different acts (in a
  running story each day has its own happenings: "died on Saturday" / "shelled on Sunday"),
  and inside one article, two dates of different acts (an article tells a sequence: "30 years
  ago, a demographer could have told you" / "in the late 1970s, fertility rose"). Two dates
  disagree there only for one predicate;
- **number**: one thing counted by one verb, with values that cannot both be true
  (``numbers``: "48" vs "64 killed"; not "7,500 dead" in March against "9,000" in April);
- **place**: without a gazetteer, "Geneva" and "Switzerland" cannot be told apart from two
  different places, so places disagree only when each claim names exactly one, the names
  differ and are no spellings of one name ("Deraa"/"Daraa", ``VARIANT_SIMILARITY``), neither
  name occurs within ``PLACE_WINDOW`` characters of the other claim, and the two tell one act
  (``same_act``: "will not attend the meeting in Morocco" and "withdrew its ambassador from
  Damascus" name two places for two acts);
- **other**: a person's title or a title's holder (``titles``): "Central Command commander" vs
  "commander of U.S. forces in Iraq";
- **quote**: the same speaker, quoted in wordings that are similar (the content words in
  common, in order, cover at least ``QUOTE_SIMILARITY`` of the shorter quote's) but not the same after
  folding case, punctuation and the spelling of names ("Gadhafi"/"Gaddafi", "al-Assad"/
  "Assad"), and neither a
  fragment of the other ("manage" vs "control").
  A quote relayed by an unnamed source or a medium is taken as the words of the dossier's
  subject when the other claim quotes him (SUBJECT, ``subject``): the relay names no other
  speaker. Scraped text loses quotation marks, so a SUBJECT claim without a quote span is read
  as quoting the words after its reporting verb when they are in the first person
  ("Soleimani wrote, I manage ..."), not as reported speech ("said she had asked ...").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from difflib import SequenceMatcher

from rapidfuzz.distance import Indel
from spacy.lang.en.stop_words import STOP_WORDS

from dossier.corroboration.numbers import number_conflicts
from dossier.corroboration.records import ClaimRef, ConflictSlot
from dossier.corroboration.titles import title_conflict
from dossier.model import AttributionType, Quantity, Span, TimeExpr, TimePrecision

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
# Words in a row that one quote has at one end and the other at the other: a reordered quote.
MOVED_WORDS = 3
# Particles of Arabic names that outlets keep or drop ("Bashar al-Assad", "Bashar Assad").
_NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn"})
_WORD = re.compile(r"\w+")
# How far into unmarked words a first-person pronoun shows they are the speaker's own.
FIRST_PERSON_WORDS = 6
_FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our"})
# Attributions that pass a quote on without naming who spoke it.
_RELAYS = {
    AttributionType.ANONYMOUS_OFFICIAL, AttributionType.ANONYMOUS_GROUP, AttributionType.MEDIA,
    AttributionType.HEDGED, AttributionType.UNATTRIBUTED,
}  # fmt: skip


# The value of "now", "these days": the moment of writing, which differs by article.
PRESENT_REF = "PRESENT_REF"
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
    if close and dates[0] and dates[1] and _dates_conflict(a, b, dates[0], dates[1]):
        found.append((ConflictSlot.DATE, _value(a, dates[0].text), _value(b, dates[1].text)))
    for qa, qb in number_conflicts(a, b):
        found.append((ConflictSlot.NUMBER, _value(a, _slice(a, qa, texts)),
                      _value(b, _slice(b, qb, texts))))  # fmt: skip
    places = _place_conflict(a, b, texts) if close else None
    if places:
        found.append((ConflictSlot.PLACE, _value(a, places[0]), _value(b, places[1])))
    quotes = _quote_conflict(a, b, texts)
    if quotes:
        found.append((ConflictSlot.QUOTE, _value(a, quotes[0]), _value(b, quotes[1])))
    titles = title_conflict(a, b, texts) if close else None
    if titles:
        found.append((ConflictSlot.OTHER, _value(a, titles[0]), _value(b, titles[1])))
    return found


def _value(ref: ClaimRef, text: str) -> Value:
    return (ref.document_id, ref.claim.id, text)


def _times(ref: ClaimRef, time_of: TimeIndex) -> TimeExpr | None:
    span = ref.claim.time
    return time_of.get((span.document_id, span.start, span.end)) if span else None


def _dates_conflict(a: ClaimRef, b: ClaimRef, ta: TimeExpr, tb: TimeExpr) -> bool:
    if dates_agree(ta, tb) or PRESENT_REF in (ta.value, tb.value):
        return False
    if " ".join(ta.text.casefold().split()) == " ".join(tb.text.casefold().split()):
        return False
    if TimePrecision.DAY in (ta.precision, tb.precision) or a.document_id == b.document_id:
        return same_act(a, b)
    return True


def same_act(a: ClaimRef, b: ClaimRef) -> bool:
    """The two claims' predicates have one verb: "captured" and "captured", not "shelled"."""
    return a.claim.predicate.split()[:1] == b.claim.predicate.split()[:1]


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


def _slice(ref: ClaimRef, q: Quantity, texts: Mapping[str, str]) -> str:
    text = texts.get(ref.document_id, "")
    return text[q.span.start : q.span.end] or f"{q.low:g}-{q.high:g} {q.unit}"


def _place_conflict(a: ClaimRef, b: ClaimRef, texts: Mapping[str, str]) -> tuple[str, str] | None:
    if len(a.claim.places) != 1 or len(b.claim.places) != 1 or not same_act(a, b):
        return None
    name_a, name_b = (
        _span_text(a, a.claim.places[0], texts),
        _span_text(b, b.claim.places[0], texts),
    )
    folded_a, folded_b = name_a.casefold(), name_b.casefold()
    if not folded_a or not folded_b or folded_a in folded_b or folded_b in folded_a:
        return None
    if Indel.normalized_similarity(_bare(folded_a), _bare(folded_b)) >= VARIANT_SIMILARITY:
        return None  # one name spelt two ways
    if folded_a in _near(b, texts) or folded_b in _near(a, texts):
        return None
    return name_a, name_b


def _bare(place: str) -> str:
    """A place name without its article: "al-Qusayr" is "qusayr", "the Hague" "hague"."""
    return re.sub(r"^(?:al|el|the|ad|as|an|ar)[\s-]+", "", place)


def _span_text(ref: ClaimRef, span: Span, texts: Mapping[str, str]) -> str:
    return texts.get(ref.document_id, "")[span.start : span.end]


def _near(ref: ClaimRef, texts: Mapping[str, str]) -> str:
    text, sentence = texts.get(ref.document_id, ""), ref.claim.sentence
    return text[max(0, sentence.start - PLACE_WINDOW) : sentence.end + PLACE_WINDOW].casefold()


def _quote_conflict(a: ClaimRef, b: ClaimRef, texts: Mapping[str, str]) -> tuple[str, str] | None:
    if a.document_id == b.document_id:
        return None  # one article quoting one speaker twice quotes two statements
    quote_a, quote_b = quoted_words(a, texts), quoted_words(b, texts)
    if quote_a is None or quote_b is None:
        return None
    if not same_speaker(a, b) and not _relayed(a, b):
        return None
    words_a = [w for w in _WORD.findall(quote_a.casefold()) if w not in _NAME_PARTICLES]
    words_b = _respell(
        [w for w in _WORD.findall(quote_b) if w.casefold() not in _NAME_PARTICLES], words_a
    )
    if not words_a or not words_b or words_a == words_b or _is_fragment(words_a, words_b):
        return None
    if not _substituted(words_a, words_b):
        return None
    content_a, content_b = _content(words_a), _content(words_b)
    if not content_a or not content_b or shared_wording(content_a, content_b) < QUOTE_SIMILARITY:
        return None
    return quote_a, quote_b


def _substituted(a: list[str], b: list[str]) -> bool:
    """Some words of one quote stand where the other has different words, between words both
    share ("I manage Iranian policy" / "I control the policy"). Words only left out ("hold BP
    and all other responsible parties accountable" / "hold BP accountable"), or quotes
    starting or ending at different words, are one statement trimmed, not reworded, unless
    a phrase of ``MOVED_WORDS`` words moved from one end to the other."""
    ops = SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    if any(op == "replace" for op, *_ in ops[1:-1]):
        return True
    # Or a phrase moved: "not ruling it out, but not ruling it in" / "not ruling it in, not
    # ruling it out" leave the same words out at opposite ends.
    gaps = [(n, a[i1:i2], b[j1:j2]) for n, (op, i1, i2, j1, j2) in enumerate(ops) if op != "equal"]
    return any(
        _longest_run(left, right) >= MOVED_WORDS
        for n, left, _ in gaps for m, _, right in gaps if n != m
    )  # fmt: skip


def _longest_run(a: list[str], b: list[str]) -> int:
    return SequenceMatcher(None, a, b, autojunk=False).find_longest_match().size if a and b else 0


def _content(words: list[str]) -> list[str]:
    """The words that carry a quote's meaning: "the ... of the" is shared by any two quotes."""
    return [w for w in words if w not in STOP_WORDS]


def quoted_words(ref: ClaimRef, texts: Mapping[str, str]) -> str | None:
    """The claim's quotation, or for its subject's own unmarked words, the text after the cue.

    Unmarked words are his own only when they speak in the first person within their first
    ``FIRST_PERSON_WORDS`` words ("wrote, for example, I manage ..."); "said she had asked for
    full access" is reported speech in the outlet's words, not a quotation."""
    claim = ref.claim
    if claim.quote is not None:
        return _span_text(ref, claim.quote, texts)
    cue = claim.attribution.cue
    if claim.attribution.type != AttributionType.SUBJECT or cue is None:
        return None
    if not claim.sentence.start <= cue.start < cue.end < claim.sentence.end:
        return None
    words = texts.get(ref.document_id, "")[cue.end : claim.sentence.end].strip(" ,:;")
    opening = {w.casefold() for w in _WORD.findall(words)[:FIRST_PERSON_WORDS]}
    return words if opening & _FIRST_PERSON else None


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
