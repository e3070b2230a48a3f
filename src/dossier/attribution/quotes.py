"""Quotations: marked ones found by their quotation marks, lost ones by their structure."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from dossier.attribution import lexicon as lx
from dossier.attribution.context import Context
from dossier.attribution.marks import OPENERS, marked_ranges
from dossier.attribution.sources import Source, classify
from dossier.attribution.verbs import reporting_verbs
from dossier.model import QuoteKind
from dossier.nlp import text_of, trim

# Scare quotes are a word or a short label; a statement is longer than this many words.
SCARE_MAX_WORDS = 4
# A title-cased phrase up to this long, with no speaker, reads as a slogan or a name.
SLOGAN_MAX_WORDS = 8
# How many words before a quote are searched for "slogan", "chant", "motto"…
SLOGAN_LOOKBACK_WORDS = 4
# A short quote takes a reporting verb as its speaker only when this close (characters):
# further away, the verb reports something else and the short quote is a scare quote.
SHORT_QUOTE_SPEAKER_CHARS = 25
# Tokens allowed between a reporting verb and the first-person words of a lost quote
# ("wrote, for example, I …": the comma, "for", "example", the second comma).
LOST_QUOTE_MAX_GAP = 5
_LOST_GAP_WORDS = frozenset(
    {",", ":", "for", "example", "instance", "that", "in", "part", "—", "-"}
)
_LOST_VERBS = frozenset({"say", "write", "tell", "declare", "state", "add", "announce", "insist"})
_SMALL_WORDS = frozenset(
    {"of", "the", "a", "an", "and", "to", "in", "for", "on", "at", "is", "all"}
)
_WORD = re.compile(r"\w+(?:['\u2019]\w+)*")


@dataclass(frozen=True, slots=True)
class FoundQuote:
    """A quotation with the source of its words, before it becomes a model ``Quote``."""

    start: int
    end: int
    kind: QuoteKind
    speaker: Source | None
    marked: bool
    speaker_is_subject: bool = False  # the speaker is the sentence's own subject


def find_quotes(ctx: Context, sents: Sequence[Any]) -> list[FoundQuote]:
    """Every quotation in the article, marked and reconstructed, in text order."""
    text = text_of(ctx.doc)
    ranges, continued = marked_ranges(text)
    found = [_marked(ctx, sents, ranges, s, e) for s, e in ranges]
    found = _shared_speakers(ctx, found, continued)
    for sent in sents:
        if not any(sent.start_char <= e and s < sent.end_char for s, e in ranges):
            lost = _lost(ctx, sent)
            if lost is not None:
                found.append(lost)
    return sorted(found, key=lambda q: q.start)


def _shared_speakers(
    ctx: Context, quotes: list[FoundQuote], continued: frozenset[int]
) -> list[FoundQuote]:
    """Quotations whose speaker is named next to another part of the same words.

    A quotation continued from the paragraph before without an opening mark of its own is
    the words of the one it continues, and that one's speaker is the continuation's when
    only the continuation names one ('"I have all the people with me.<paragraph>And they
    are prepared to die," Gadhafi said'). A paragraph that opens on a quotation with no
    speaker goes on quoting whoever speaks in the last sentence of the paragraph before
    (``_last_speaker``; ``continued``: the starts of continuations, from ``marked_ranges``)."""
    text = text_of(ctx.doc)
    found = list(quotes)
    ranges = [(q.start, q.end) for q in quotes]
    for i in range(len(found)):
        before = found[i - 1] if i else None
        if before is not None and found[i].start in continued:
            found[i] = _spoken_by(found[i], before)
            found[i - 1] = _spoken_by(before, found[i])
        elif found[i].kind == QuoteKind.STATEMENT and found[i].speaker is None:
            speaker = _last_speaker(ctx, text, found[i], before, ranges)
            if speaker is not None:
                found[i] = _spoken_by(found[i], speaker)
    return found


def _last_speaker(
    ctx: Context,
    text: str,
    quote: FoundQuote,
    before: FoundQuote | None,
    ranges: list[tuple[int, int]],
) -> FoundQuote | None:
    """The speaker of the last sentence of the paragraph before the one ``quote`` opens:
    its reporting verb's subject ("He told the agency IRNA that ..."), else the quotation
    ``before`` when it stands in that sentence. None when ``quote`` does not open its
    paragraph or that sentence reports nobody ("Barton stunned lawmakers when he ...")."""
    paragraph = ctx.paragraph_of(quote.start)
    opening = ctx.paragraph_starts[paragraph]
    if paragraph == 0 or text[opening : quote.start].strip("".join(OPENERS) + " "):
        return None
    end = len(text[:opening].rstrip())
    last = ctx.doc.char_span(end - 1, end, alignment_mode="expand")
    if last is None or ctx.paragraph_of(last.start_char) != paragraph - 1:
        return None
    sent = last.sent
    reported = next(reporting_verbs(sent, ranges), None)
    if reported is not None:
        source = classify(ctx, reported[1])
        return FoundQuote(sent.start_char, sent.end_char, QuoteKind.STATEMENT, source, False)
    if before is None or not sent.start_char <= before.start < sent.end_char:
        return None
    return before


def _spoken_by(quote: FoundQuote, other: FoundQuote) -> FoundQuote:
    """``quote`` with ``other``'s speaker, when it has none and ``other`` is a statement."""
    if quote.speaker is not None or other.kind != QuoteKind.STATEMENT or other.speaker is None:
        return quote
    return FoundQuote(quote.start, quote.end, QuoteKind.STATEMENT, other.speaker, True,
                      other.speaker_is_subject)  # fmt: skip


def _marked(
    ctx: Context, sents: Sequence[Any], ranges: list[tuple[int, int]], start: int, end: int
) -> FoundQuote:
    text = text_of(ctx.doc)
    words = len(_WORD.findall(text[start:end]))
    speaker, is_subject = _speaker(ctx, sents, ranges, start, end, words)
    if _slogan(text, start, end, words, speaker):
        return FoundQuote(start, _strip(text, start, end, ".,;:"), QuoteKind.SLOGAN, None, True)
    if speaker is None and words <= SCARE_MAX_WORDS:
        return FoundQuote(start, _strip(text, start, end, ".,;:"), QuoteKind.SCARE, None, True)
    end = _strip(text, start, end, ",;:")
    return FoundQuote(start, end, QuoteKind.STATEMENT, speaker, True, is_subject)


def _strip(text: str, start: int, end: int, marks: str) -> int:
    """The end of a quotation without its trailing punctuation ("imminent threat.")."""
    while end > start + 1 and text[end - 1] in marks:
        end -= 1
    return end


def _slogan(text: str, start: int, end: int, words: int, speaker: Source | None) -> bool:
    before = _WORD.findall(text[max(0, start - 60) : start].lower())[-SLOGAN_LOOKBACK_WORDS:]
    if any(word in lx.SLOGAN_CUES for word in before):
        return True
    tokens = _WORD.findall(text[start:end])
    if speaker is not None or not 2 <= words <= SLOGAN_MAX_WORDS:
        return False
    return all(t[0].isupper() or t.lower() in _SMALL_WORDS for t in tokens)


def _speaker(
    ctx: Context,
    sents: Sequence[Any],
    ranges: list[tuple[int, int]],
    start: int,
    end: int,
    words: int,
) -> tuple[Source | None, bool]:
    index = next((i for i, s in enumerate(sents) if s.start_char <= start < s.end_char), None)
    if index is None:
        return None, False
    own = _sentence_speaker(ctx, sents[index], ranges, start, end, words)
    if own is not None or words <= SCARE_MAX_WORDS:
        return own, False
    # A quotation of several sentences names its speaker where it closes: '"Stop your
    # attack ... Massacres are being committed," he said in a letter'.
    last = next((i for i in range(index, len(sents)) if end <= sents[i].end_char), index)
    closing = (
        None if last == index else _sentence_speaker(ctx, sents[last], ranges, start, end, words)
    )
    if closing is not None:
        return closing, False
    colon = _colon_speaker(ctx, sents[index], start)
    if colon is not None:
        return colon, True
    return _neighbour_speaker(ctx, sents, ranges, index), False


def _sentence_speaker(
    ctx: Context, sent: Any, ranges: list[tuple[int, int]], start: int, end: int, words: int
) -> Source | None:
    best: tuple[int, Any] | None = None
    for verb, subject in reporting_verbs(sent, ranges):
        if words <= SCARE_MAX_WORDS and verb.lemma_.lower() in lx.NAMING_VERBS:
            continue  # "called the plan an “imminent threat”": a label, not a statement
        distance = max(start - (verb.idx + len(verb)), verb.idx - end, 0)
        if best is None or distance < best[0]:
            best = (distance, subject)
    if best is None or (words <= SCARE_MAX_WORDS and best[0] > SHORT_QUOTE_SPEAKER_CHARS):
        return None
    return classify(ctx, best[1])


def _colon_speaker(ctx: Context, sent: Any, start: int) -> Source | None:
    """ "X sent a message: “…”": the subject of the clause before the colon."""
    before = text_of(ctx.doc)[sent.start_char : start].rstrip(' \u201c\u00ab"\u2018')
    if not before.endswith(":"):
        return None
    colon = sent.start_char + len(before) - 1
    for token in sent:
        if token.idx >= colon:
            break
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if token.pos_ in {"VERB", "AUX"} and subject is not None and subject.idx < colon:
            return classify(ctx, subject)
    return None


def _neighbour_speaker(
    ctx: Context, sents: Sequence[Any], ranges: list[tuple[int, int]], index: int
) -> Source | None:
    paragraph = ctx.paragraph_of(sents[index].start_char)
    for other in (index + 1, index - 1):
        if not 0 <= other < len(sents) or ctx.paragraph_of(sents[other].start_char) != paragraph:
            continue
        for _verb, subject in reporting_verbs(sents[other], ranges):
            return classify(ctx, subject)
    return None


def _lost(ctx: Context, sent: Any) -> FoundQuote | None:
    """ "X wrote, for example, I …": a statement whose quotation marks were lost."""
    for verb in sent:
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if verb.lemma_.lower() not in _LOST_VERBS or subject is None:
            continue
        first = _first_person_after(sent, verb)
        if first is None:
            continue
        start, end = trim(text_of(ctx.doc), first.idx, sent.end_char)
        return FoundQuote(start, end, QuoteKind.STATEMENT, classify(ctx, subject), False)
    return None


def _first_person_after(sent: Any, verb: Any) -> Any:
    stop = min(verb.i + 2 + LOST_QUOTE_MAX_GAP, sent.end)
    for token in sent.doc[verb.i + 1 : stop]:
        if token.text in {"I", "We", "we"} and token.tag_ == "PRP":
            return token
        if token.lower_ not in _LOST_GAP_WORDS:
            return None
    return None
