"""Quote conflicts: one speaker quoted in two wordings of one statement.

Two claims' quotes conflict when the speaker is the same (``same_speaker``, or one claim
quotes the dossier's subject and the other relays a quote unnamed, ``_relayed``), the wordings
are similar (the content words in common, in order, cover at least ``QUOTE_SIMILARITY`` of
the shorter quote's) but not the same after folding case, punctuation and the spelling of
names ("Gadhafi"/"Gaddafi", "al-Assad"/"Assad"), contractions ("I'm"/"I am") and a final
"s" ("interest"/"interests"), clock times ("6:41pm"/"18:41"), neither is a fragment of the
other, and a word was substituted between shared words ("manage" vs "control", at most
``MAX_SUBSTITUTED`` words) or a phrase moved from one end to the other (``_substituted``).
A substitution must be other words, not the same written otherwise (``rewording``: a
compound, an acronym, a British spelling, an inflection, a number in words, or function
words only). A negation or a number added or left out between shared words rewords a quote
too ("we will not keep", "tens of thousands"). Two quotes in one article are two statements.
Each sentence of a quotation is a claim of its own; when the claims' sentences differ, the
whole quotations may show the likeness a short sentence alone cannot ("The exits were locked.
We could not get out" / "The doors were locked. ..."); the sentences are the values shown.
Short quotes, whose one differing content word of two is under ``QUOTE_SIMILARITY``, are
alike when nearly all their words match (``ALL_SIMILARITY``).

Scraped text loses quotation marks, so a SUBJECT claim without a quote span is read as quoting
the words after its reporting verb when they are in the first person ("Soleimani wrote, I
manage ..."), not as reported speech ("said she had asked ...").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from difflib import SequenceMatcher

from rapidfuzz.distance import Indel
from spacy.lang.en.stop_words import STOP_WORDS

from dossier.attribution.marks import marked_ranges
from dossier.corroboration.records import CACHED_TEXTS, ClaimRef, span_text
from dossier.corroboration.rewording import NEGATIONS, counts, reworded
from dossier.model import AttributionType

# Share of the shorter quote's words, in order, from which two quotes word the same statement.
QUOTE_SIMILARITY = 0.6
# A short quote has few content words, and one of two differing is under QUOTE_SIMILARITY;
# all its words, in order, share this much of the shorter quote's words ("The exits were
# locked. We could not get out" / "The doors were locked. ..."), at least ALL_SHARED_WORDS.
ALL_SIMILARITY = 0.8
ALL_SHARED_WORDS = 6
# Speaker names this similar (0-1, Indel over characters) are the same speaker ("Soleimani"/"Qassem Soleimani").
SPEAKER_SIMILARITY = 0.85
# Two words this similar (Indel, 0-1), both this long and with one first letter, are one word
# spelt two ways ("Gadhafi"/"Gaddafi", "Qaeda"/"Qaida"), not a different wording.
VARIANT_SIMILARITY = 0.8
MIN_VARIANT_CHARS = 5
# Fewest content words two wordings of one statement share, in order, unless they are half
# the longer quote's: two ("made ... errors") of a long quote's fifteen are another statement.
MIN_SHARED_WORDS = 3
# Most words that may stand for other words in a reworded quote ("manage Iranian" / "control
# the"); "The task is to" for "the reputational impact, the financial obligations and" is
# another statement.
MAX_SUBSTITUTED = 3
# Fewest words of two quotes whose last words differ after the same ones for that to be a
# rewording: shorter quoted labels recur across statements ("the colonial, crusader
# aggression" / "colonial crusader enemies", Libyan state media on two days' strikes).
END_REWORD_WORDS = 5
# Words in a row that one quote has at one end and the other at the other: a reordered quote.
MOVED_WORDS = 3
# Particles of Arabic names that outlets keep or drop ("Bashar al-Assad", "Bashar Assad").
_NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn"})
_WORD = re.compile(r"\w+")
# How far into unmarked words a first-person pronoun shows they are the speaker's own.
FIRST_PERSON_WORDS = 6
_FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our"})
# Contractions and their full forms, the specific ones first ("won't" is "will not").
_CONTRACTIONS = tuple((re.compile(p, re.I), full) for p, full in (
    (r"\bwon['’]t\b", "will not"), (r"\bcan['’]t\b", "can not"), (r"n['’]t\b", " not"),
    (r"['’]m\b", " am"), (r"['’]re\b", " are"), (r"['’]ve\b", " have"), (r"['’]ll\b", " will"),
    (r"\b(he|she|it|that|there|what|who|here)['’]s\b", r"\1 is"),
))  # fmt: skip
# Clock times, written out as four digits: "6:41pm", "6:41 p.m." and "18:41" are one time.
_CLOCK = re.compile(r"\b(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?m\b\.?|\b(\d{1,2}):(\d{2})\b", re.I)
# Attributions that pass a quote on without naming who spoke it.
_RELAYS = {
    AttributionType.ANONYMOUS_OFFICIAL, AttributionType.ANONYMOUS_GROUP, AttributionType.MEDIA,
    AttributionType.HEDGED, AttributionType.UNATTRIBUTED,
}  # fmt: skip


def quote_conflict(a: ClaimRef, b: ClaimRef, texts: Mapping[str, str]) -> tuple[str, str] | None:
    """The two quotes when they word one statement of one speaker differently (module doc)."""
    if a.document_id == b.document_id:
        return None  # one article quoting one speaker twice quotes two statements
    piece_a, piece_b = quoted_words(a, texts), quoted_words(b, texts)
    if piece_a is None or piece_b is None:
        return None
    if not same_speaker(a, b) and not _relayed(a, b):
        return None
    words_a, words_b = _folded(piece_a, piece_b)
    if not words_a or not words_b or words_a == words_b or _is_fragment(words_a, words_b):
        return None
    # A sentence of a longer quotation may be too short to tell; the whole quotation tells.
    if not _one_statement(words_a, words_b):
        quote_a, quote_b = _whole(a, piece_a, texts), _whole(b, piece_b, texts)
        whole = (quote_a, quote_b) != (piece_a, piece_b)  # else asked and answered just now
        if not whole or not _one_statement(*_folded(quote_a, quote_b)):
            return None
    # last, the costliest test: word alignment (a large group's pairs ask it many times)
    return (piece_a, piece_b) if _substituted(words_a, words_b) else None


def _folded(a: str, b: str) -> tuple[list[str], list[str]]:
    """Both quotes' words folded alike (``_plain_words``, ``_respell``)."""
    words_a = list(_plain_words(a))
    return words_a, _respell(list(_words(b)), words_a)


def _one_statement(a: list[str], b: list[str]) -> bool:
    """Two wordings alike enough to be one statement: their content words in order cover
    ``QUOTE_SIMILARITY`` of the shorter's (or all their words nearly match, ``_alike``), and
    they share ``MIN_SHARED_WORDS`` or half the longer's."""
    content_a, content_b = _content(a), _content(b)
    if not content_a or not content_b:
        return False
    shared = shared_count(content_a, content_b)
    if shared / min(len(content_a), len(content_b)) < QUOTE_SIMILARITY and not _alike(a, b):
        return False
    # "She made some errors" / "... and made a few errors and ...": two statements
    return shared >= MIN_SHARED_WORDS or shared >= max(len(content_a), len(content_b)) / 2


def _alike(a: list[str], b: list[str]) -> bool:
    """All the words of two short quotes, in order, are nearly the same (``ALL_SIMILARITY``)."""
    shared = shared_count(a, b)
    return shared >= ALL_SHARED_WORDS and shared / min(len(a), len(b)) >= ALL_SIMILARITY


@functools.lru_cache(maxsize=CACHED_TEXTS)
def _words(quote: str) -> tuple[str, ...]:
    """The quote's words as written, contractions and clock times expanded, name particles
    ("al", "bin") left out."""
    return tuple(w for w in _WORD.findall(_expand(quote)) if w.casefold() not in _NAME_PARTICLES)


@functools.lru_cache(maxsize=CACHED_TEXTS)
def _plain_words(quote: str) -> tuple[str, ...]:
    """``_words`` folded: lower case, without a plural "s" (``_plain``)."""
    return tuple(_plain([w.casefold() for w in _words(quote)]))


def _expand(quote: str) -> str:
    """Contractions written out ("I'm not" and "I am not" word one statement alike), and clock
    times as four digits ("6:41pm", "18:41" and "6:41 p.m." are "1841")."""
    for pattern, full in _CONTRACTIONS:
        quote = pattern.sub(full, quote)
    return _CLOCK.sub(_clock, quote)


def _clock(found: re.Match[str]) -> str:
    hour, minute = int(found[1] or found[4]), int(found[2] or found[5] or 0)
    half = (found[3] or "").casefold()
    if hour > 24 or minute > 59 or (half and not 1 <= hour <= 12):
        return found[0]
    hour = hour % 12 + (12 if half == "p" else 0) if half else hour
    return f"{hour:02d}{minute:02d}"


def _plain(words: list[str]) -> list[str]:
    """Words without a final "s" (not "ss", not a stop word: "this", "does"): "interest" and
    "interests" are one word quoted twice, not a reworded statement."""
    return [_plain_word(w) for w in words]


def _plain_word(word: str) -> str:
    plural = len(word) > 3 and word.endswith("s") and not word.endswith("ss")
    return word[:-1] if plural and word not in STOP_WORDS else word


def _substituted(a: list[str], b: list[str]) -> bool:
    """Some words of one quote (at most ``MAX_SUBSTITUTED``) stand where the other has
    different words, between words both share ("I manage Iranian policy" / "I control the
    policy"), next to a shared content word (``_anchored``). Longer runs are another sentence
    around a few shared words ("I don't know how my body will react" / "I said that because
    I didn't know what would happen with my body"). Words only left out ("hold BP and all
    other responsible parties accountable" / "hold BP accountable"), or quotes starting or
    ending at different words, are one statement trimmed, not reworded, unless a phrase of
    ``MOVED_WORDS`` words moved from one end to the other; but two quotes that end on other
    words after the same ones word its end two ways ("a painful but necessary step" / "a
    painful but necessary decision"), when both have ``END_REWORD_WORDS`` words or more. A
    negation added or left out between shared words rewords it ("we will keep" / "we will not
    keep"; "I feel we weren't" / "I didn't feel we were"), and so does a number ("the trust of
    thousands of savers" / "of tens of thousands of savers")."""
    ops = SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    ending = ops and ops[-1][0] == "replace" and min(len(a), len(b)) >= END_REWORD_WORDS
    last = len(ops) - 1 if ending else len(ops) - 2
    for k in range(1, last + 1):
        op, i1, i2, j1, j2 = ops[k]
        if op == "equal" or max(i2 - i1, j2 - j1) > MAX_SUBSTITUTED or not _anchored(a, ops, k):
            continue
        if op == "replace" and reworded(a[i1:i2], b[j1:j2]):
            return True
        if NEGATIONS.intersection(a[i1:i2] + b[j1:j2]):
            return True  # "we will keep" / "we will not keep": no trim leaves a negation out,
        if op != "replace" and counts(a[i1:i2] + b[j1:j2]):
            return True  # nor a number ("the trust of thousands" / "of tens of thousands");
            # one number for another is ``reworded``'s ("11th hour" / "eleventh-hour": one)
    # Or a phrase moved: "not ruling it out, but not ruling it in" / "not ruling it in, not
    # ruling it out" leave the same words out at opposite ends.
    gaps = [(n, a[i1:i2], b[j1:j2]) for n, (op, i1, i2, j1, j2) in enumerate(ops) if op != "equal"]
    return any(
        _longest_run(left, right) >= MOVED_WORDS
        for n, left, _ in gaps for m, _, right in gaps if n != m
    )  # fmt: skip


def _anchored(a: list[str], ops: Sequence[tuple[str, int, int, int, int]], k: int) -> bool:
    """The words shared next to the substitution hold a content word: "the damage to" /
    "the task is to" share only "the" and "to", which any two sentences share."""
    return any(
        w not in STOP_WORDS for n in (k - 1, k + 1) if n < len(ops) and ops[n][0] == "equal"
        for w in a[ops[n][1] : ops[n][2]]
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
        return span_text(ref, claim.quote, texts)
    cue = claim.attribution.cue
    if claim.attribution.type != AttributionType.SUBJECT or cue is None:
        return None
    if not claim.sentence.start <= cue.start < cue.end < claim.sentence.end:
        return None
    words = texts.get(ref.document_id, "")[cue.end : claim.sentence.end].strip(" ,:;")
    opening = {w.casefold() for w in _WORD.findall(words)[:FIRST_PERSON_WORDS]}
    return words if opening & _FIRST_PERSON else None


def _whole(ref: ClaimRef, piece: str, texts: Mapping[str, str]) -> str:
    """The whole quotation the claim's quote is part of: a quotation of two sentences is split
    between two claims ("The exits were locked." / "We could not get out,"), and either part
    alone is too short to compare. Unmarked words are themselves."""
    quote = ref.claim.quote
    if quote is None:
        return piece
    text = texts.get(ref.document_id, "")
    for start, end in _quotations(text):
        if start <= quote.start and quote.end <= end:
            return text[start:end]
    return piece


@functools.lru_cache(maxsize=64)
def _quotations(text: str) -> list[tuple[int, int]]:
    return marked_ranges(text)[0]


def _respell(words: list[str], like: list[str]) -> list[str]:
    """``words``, case-folded and plain (``_plain``, as ``like`` is), with each capitalised
    word that is a spelling variant of a word of ``like`` replaced by that word: outlets
    transliterate names differently ("Gadhafi", "Gaddafi"). Lower-case words are left alone:
    "police" for "policy" is a different word. A word ``like`` holds as it is stays itself
    ("Libyans" is "libyan", not a variant of "Libya")."""
    known = set(like)
    out = []
    for word in words:
        folded = _plain_word(word.casefold())
        name = word[:1].isupper() and folded not in known and len(folded) >= MIN_VARIANT_CHARS
        out.append(_variant_of(folded, known) if name else folded)
    return out


def _variant_of(word: str, known: set[str]) -> str:
    """The word of ``known`` closest to ``word`` among its spelling variants (same first
    letter, ``VARIANT_SIMILARITY``), or ``word`` itself."""
    variants = [(Indel.normalized_similarity(word, other), other) for other in sorted(known)
                if len(other) >= MIN_VARIANT_CHARS and other[0] == word[0]]  # fmt: skip
    best = max(variants, key=lambda pair: pair[0], default=(0.0, word))
    return best[1] if best[0] >= VARIANT_SIMILARITY else word


def shared_count(a: list[str], b: list[str]) -> float:
    """How many words the two share in order (their longest common subsequence)."""
    return (len(a) + len(b) - Indel.distance(a, b)) / 2


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
