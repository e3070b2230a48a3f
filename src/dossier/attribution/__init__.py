"""Stage 5, attribution: who each sentence's statement comes from, and every quotation.

``attribute`` reads one parsed article. Each sentence gets one ``Attribution``: the
strongest cue inside it (a denial, "according to X", a reporting verb and its subject,
an agentless passive such as "is believed to", a hedge word, the author's own judgement),
or, for a sentence holding a quotation with no cue of its own, the cue of the next or
previous sentence in the same paragraph, and for a sentence with no cue at all, the source
of the next sentence of its paragraph when that one ends on "according to X". Quotations
are found by their marks, or, when the marks were lost, by a reporting verb followed by
first-person words.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from dossier.attribution import lexicon as lx
from dossier.attribution.context import Context
from dossier.attribution.cues import Cue, find_cue
from dossier.attribution.marks import OPENERS
from dossier.attribution.quotes import FoundQuote, find_quotes
from dossier.attribution.sources import Source
from dossier.model import Attribution, AttributionType, Quote, QuoteKind, Span
from dossier.nlp import text_of, trim

log = logging.getLogger(__name__)

__all__ = ["attribute"]

# Cues that name (or describe) a source, which a neighbouring quotation may borrow.
_SOURCED = frozenset(
    {
        AttributionType.NAMED,
        AttributionType.ANONYMOUS_OFFICIAL,
        AttributionType.ANONYMOUS_GROUP,
        AttributionType.MEDIA,
        AttributionType.SUBJECT,
        AttributionType.DENIAL,
    }
)


# Sources that an unsourced sentence before them may take (``_trailing_source``).
_TRAILING = frozenset(
    {AttributionType.NAMED, AttributionType.ANONYMOUS_OFFICIAL, AttributionType.ANONYMOUS_GROUP,
     AttributionType.MEDIA}
)  # fmt: skip


def attribute(
    doc: Any, document_id: str, mentions: Sequence[tuple[int, int, str]]
) -> tuple[list[Attribution], list[Quote]]:
    """One attribution per sentence of ``doc`` and every quotation in it."""
    ctx = Context.build(doc, document_id, mentions)
    sents = list(doc.sents)
    found = find_quotes(ctx, sents)
    quoted = [(q.start, q.end) for q in found]
    statements = [q for q in found if q.kind == QuoteKind.STATEMENT]
    cues = [_own_cue(ctx, sent, quoted, found) for sent in sents]
    attributions = [
        _attribution(ctx, sent, _inherit(ctx, sents, cues, i, statements))
        for i, sent in enumerate(sents)
    ]
    return attributions, [_quote(ctx, q) for q in found]


def attribute_clause(
    doc: Any,
    document_id: str,
    mentions: Sequence[tuple[int, int, str]],
    clause: tuple[int, int],
    quotes: Sequence[tuple[int, int]],
) -> Attribution | None:
    """The attribution a clause takes from its own cue, where the sentence's cue stands in
    another clause ("Gaddafi accused Western powers of massacres" beside "Washington says
    ..."): None when the clause has no cue of its own."""
    span = doc.char_span(*clause, alignment_mode="expand")
    if span is None:
        return None
    ctx = Context.build(doc, document_id, mentions)
    cue = find_cue(ctx, span, quotes)
    return None if cue is None else _attribution(ctx, span, cue)


def _own_cue(
    ctx: Context, sent: Any, quoted: list[tuple[int, int]], found: list[FoundQuote]
) -> Cue | None:
    cue = find_cue(ctx, sent, quoted)
    named = cue is not None and cue.source.type == AttributionType.NAMED
    if cue is not None and named and any(_self_quote(ctx, sent, q, cue.source) for q in found):
        return cue.retyped(AttributionType.SUBJECT, cue.source.confidence)
    if cue is not None and cue.source.type in _SOURCED:
        return cue
    for quote in found:
        if quote.speaker_is_subject and sent.start_char <= quote.start < sent.end_char:
            assert quote.speaker is not None
            src = quote.speaker
            subject = Source(AttributionType.SUBJECT, src.text, src.span, src.confidence)
            return Cue(subject, (quote.start, quote.end))
    return cue


def _self_quote(ctx: Context, sent: Any, quote: FoundQuote, source: Source) -> bool:
    """The sentence quotes its source speaking in the first person: "X wrote, I …"."""
    if quote.speaker is None or quote.speaker.span != source.span:
        return False
    if not sent.start_char <= quote.start < sent.end_char:
        return False
    first = text_of(ctx.doc)[quote.start : quote.end].split(maxsplit=1)
    return bool(first) and first[0].strip(",") in {"I", "We"}


# Marks that open a quotation, before its first word.
_OPENING_MARKS = "".join(OPENERS) + " '"


def _inherit(
    ctx: Context,
    sents: list[Any],
    cues: list[Cue | None],
    index: int,
    statements: list[FoundQuote],
) -> Cue | None:
    """A quoting sentence with no source of its own borrows its neighbour's, or, inside a
    quotation whose speaker is known, the speaker's."""
    own = cues[index]
    if own is not None and own.source.type in _SOURCED | {AttributionType.HEDGED}:
        return own  # "The person reportedly guiding ..., praised as "a living martyr"": hedged
    sent = sents[index]
    if not any(sent.start_char < q.end and q.start < sent.end_char for q in statements):
        return own if own is not None else _trailing_source(ctx, sents, cues, index)
    first = sent.end_char - len(sent.text.lstrip(_OPENING_MARKS))
    speakers = (
        Cue(q.speaker, (q.start, q.end)) for q in statements
        if q.speaker is not None and q.start <= first and sent.end_char <= q.end + 1
    )  # fmt: skip
    speaker = next(speakers, None)
    if speaker is not None:
        return _borrowed(speaker)
    paragraph = ctx.paragraph_of(sent.start_char)
    for other in (index + 1, index - 1):
        if not 0 <= other < len(sents) or ctx.paragraph_of(sents[other].start_char) != paragraph:
            continue
        cue = cues[other]
        if cue is not None and cue.source.type in _SOURCED:
            return _borrowed(cue)
    return own


def _trailing_source(
    ctx: Context, sents: list[Any], cues: list[Cue | None], index: int
) -> Cue | None:
    """An unsourced sentence followed, in its paragraph, by one that ends on its source
    ("... to meet Syria's president. At the meeting, he agreed to send more aid, according
    to U.S. and Arab officials."): the source closes the account of both."""
    after = index + 1
    cue = cues[after] if after < len(sents) else None
    if cue is None or cue.source.type not in _TRAILING:
        return None
    sent = sents[after]
    if ctx.paragraph_of(sent.start_char) != ctx.paragraph_of(sents[index].start_char):
        return None
    return _borrowed(cue) if _closes(ctx, sent, cue) else None


def _borrowed(cue: Cue) -> Cue:
    """A neighbour's cue as another sentence takes it, with less confidence."""
    src = cue.source
    confidence = src.confidence * lx.CONF_INHERITED_FACTOR
    return Cue(Source(src.type, src.text, src.span, confidence), cue.cue)


def _closes(ctx: Context, sent: Any, cue: Cue) -> bool:
    """The sentence ends on "according to X". (Any closing cue, ", residents said.", took
    sources that cover only their own sentence: see eval/README.md.)"""
    text, span = text_of(ctx.doc), cue.source.span
    if span is None or not text[cue.cue[0] : cue.cue[1]].casefold().startswith("according"):
        return False
    return not text[span[1] : sent.end_char].strip(" \t\n.,;:'\"”’)")


def _attribution(ctx: Context, sent: Any, cue: Cue | None) -> Attribution:
    sentence = _span(ctx, *trim(text_of(ctx.doc), sent.start_char, sent.end_char))
    if cue is None:
        kind = AttributionType.UNATTRIBUTED
        return Attribution(sentence, kind, None, None, None, lx.CONF_UNATTRIBUTED)
    src = cue.source
    source_span = None if src.span is None else _span(ctx, *src.span)
    return Attribution(
        sentence, src.type, src.text, source_span, _span(ctx, *cue.cue), src.confidence
    )


def _quote(ctx: Context, found: FoundQuote) -> Quote:
    speaker = found.speaker if found.kind == QuoteKind.STATEMENT else None
    text = None if speaker is None else speaker.text
    span = None if speaker is None or speaker.span is None else _span(ctx, *speaker.span)
    return Quote(_span(ctx, found.start, found.end), found.kind, text, span, found.marked)


def _span(ctx: Context, start: int, end: int) -> Span:
    return Span(ctx.document_id, start, end)
