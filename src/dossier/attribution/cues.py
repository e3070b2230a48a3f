"""Attribution cues inside one sentence, read off the dependency parse."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from dossier.attribution import lexicon as lx
from dossier.attribution.content import inside
from dossier.attribution.context import Context
from dossier.attribution.sources import Source, char_bounds, classify, is_media_phrase
from dossier.attribution.verbs import (
    SUBJECT_DEPS,
    agent_of,
    finds_nothing,
    negated,
    opened_by,
    reporting_verbs,
    speaks_of_self,
)
from dossier.model import AttributionType

# Speakers whose report of finding nothing is a denial (``finds_nothing``).
_DENYING = frozenset({AttributionType.NAMED, AttributionType.SUBJECT,
                      AttributionType.ANONYMOUS_OFFICIAL, AttributionType.ANONYMOUS_GROUP})  # fmt: skip


@dataclass(frozen=True, slots=True)
class Cue:
    """One attributing construction: its source and the attributing words."""

    source: Source
    cue: tuple[int, int]
    verb: Any = None  # the reporting verb token, when there is one
    speaker: Any = None  # the head token of the speaker phrase, when there is one

    def retyped(self, kind: AttributionType, confidence: float) -> Cue:
        src = self.source
        return Cue(Source(kind, src.text, src.span, confidence), self.cue, self.verb, self.speaker)


def token_span(token: Any) -> tuple[int, int]:
    return token.idx, token.idx + len(token)


def find_cue(ctx: Context, sent: Any, quotes: Sequence[tuple[int, int]]) -> Cue | None:
    """The strongest cue of the sentence: a denial, "according to", a reporting verb."""
    for finder in (_denial, _according_to, _reporting, _passive, _hedge_word, _author):
        cue = finder(ctx, sent, quotes)
        if cue is not None:
            return cue
    return None


def _denial(ctx: Context, sent: Any, quotes: Sequence[tuple[int, int]]) -> Cue | None:
    for token in sent:
        if token.lemma_.lower() not in lx.DENIAL_VERBS or token.pos_ != "VERB":
            continue
        if inside(token.idx, quotes) or negated(token):
            continue
        subject = next((c for c in token.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is None or subject.dep_ == "nsubjpass":
            continue
        source = classify(ctx, subject)
        cue = Cue(source, token_span(token), token, subject)
        return cue.retyped(AttributionType.DENIAL, lx.CONF_DENIAL)
    return None


def _according_to(ctx: Context, sent: Any, quotes: Sequence[tuple[int, int]]) -> Cue | None:
    """ "according to X", or "by X's count" ("by a U.N. count", "by Reuters' tally")."""
    for token in sent:
        if token.lower_ == "by" and not inside(token.idx, quotes):
            cue = _by_count(ctx, token)
            if cue is not None:
                return cue
        if token.lower_ != "according" or inside(token.idx, quotes):
            continue
        to = next((c for c in token.children if c.lower_ == "to"), None)
        if to is None and token.i + 1 < sent.end and token.nbor().lower_ == "to":
            to = token.nbor()
        if to is None:
            continue
        obj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if obj is None:
            continue
        source = classify(ctx, obj)
        return Cue(source, (token.idx, to.idx + len(to)), None, obj)
    return None


def _by_count(ctx: Context, by: Any) -> Cue | None:
    """The source of "by X's count" on the main verb; deeper, it sources only the clause
    it sits in ("to end bloodshed that has cost 3,500 lives, by a U.N. count")."""
    if by.head.i != by.sent.root.i:
        return None
    obj = next((c for c in by.children if c.dep_ == "pobj"), None)
    if obj is None or obj.lemma_.lower() not in lx.TALLY_NOUNS:
        return None
    owner = next(
        (c for c in obj.children
         if c.dep_ in ("compound", "poss", "nmod", "amod") and (c.ent_type_ or c.pos_ == "PROPN")),
        None,
    )  # fmt: skip
    if owner is None:
        return None
    return Cue(classify(ctx, owner), (by.idx, obj.idx + len(obj)), None, owner)


def _reporting(ctx: Context, sent: Any, quotes: Sequence[tuple[int, int]]) -> Cue | None:
    """The first main reporting verb and its speaker; "I said", "we promise" outside quotation
    marks are the author's own words (``_author``), and a report in a clause of time or
    concession sources only that clause (``_subordinate``)."""
    found = [(verb, subject) for verb, subject in reporting_verbs(sent, quotes)
             if not _first_person(subject) and not _subordinate(verb, sent)]  # fmt: skip
    if not found:
        return None
    verb, subject = min(found, key=lambda pair: (pair[0].dep_ != "ROOT", pair[0].i))
    source = classify(ctx, subject)
    cue = Cue(source, token_span(verb), verb, subject)
    media = _media_addressee(ctx, verb)
    pronoun = subject.lower_ in lx.SUBJECT_PRONOUNS | lx.PLURAL_PRONOUNS
    if media is not None and pronoun and source.type != AttributionType.NAMED:
        return Cue(media, token_span(verb), verb, subject)
    if source.type in _DENYING and finds_nothing(verb, subject):
        return cue.retyped(AttributionType.DENIAL, lx.CONF_DENIAL)
    if source.type == AttributionType.NAMED and speaks_of_self(verb, quotes):
        return cue.retyped(AttributionType.SUBJECT, source.confidence)
    return cue


def _subordinate(verb: Any, sent: Any) -> bool:
    """ "after Biden condemned the comments", "While Obama stressed the deal would not cap
    ...": the sentence's own statement is its main clause, which the outlet reports. "as he
    said" still attributes it, and so does the clause read on its own. A report with no
    subject of its own ("..., while stressing that ...") is its head's subject speaking."""
    head_inside = sent.start <= verb.head.i < sent.end
    own_subject = any(c.dep_ == "nsubj" for c in verb.children)
    if verb.dep_ == "acl":  # "Soleimani, a man praised by Khamenei as ...": its quote's only
        return any(c.dep_ == "agent" for c in verb.children)
    return (
        verb.dep_ == "advcl" and head_inside and own_subject and opened_by(verb, lx.SUBORDINATORS)
    )


def _media_addressee(ctx: Context, verb: Any) -> Source | None:
    """The outlet a source spoke to: "told the BBC"."""
    for child in verb.children:
        if child.dep_ in {"dative", "dobj", "iobj"}:
            c_start, c_end = char_bounds(ctx.doc, child)
            if is_media_phrase(ctx, c_start, c_end, child):
                return classify(ctx, child)
    return None


def _passive(ctx: Context, sent: Any, quotes: Sequence[tuple[int, int]]) -> Cue | None:
    for token in sent:
        if token.lemma_.lower() not in lx.HEDGE_PASSIVES or inside(token.idx, quotes):
            continue
        deps = {child.dep_ for child in token.children}
        if "auxpass" not in deps or not _hedging_passive(token, deps):
            continue
        obj = agent_of(token)
        if obj is not None:
            return Cue(classify(ctx, obj), token_span(token), token, obj)
        hedge = Source(AttributionType.HEDGED, None, None, lx.CONF_HEDGED)
        return Cue(hedge, token_span(token), token, None)
    return None


def _hedging_passive(token: Any, deps: set[str]) -> bool:
    if token.lemma_.lower() == "credit":
        return True
    expletive = any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in token.children)
    return expletive or bool(deps & {"xcomp", "ccomp"})


def _hedge_word(ctx: Context, sent: Any, quotes: Sequence[tuple[int, int]]) -> Cue | None:
    for token in sent:
        if token.lower_ in lx.HEDGE_WORDS and not inside(token.idx, quotes):
            if token.dep_ == "amod":  # "indicted him for his alleged role": the charge, not
                continue  # the claim, is hedged
            hedge = Source(AttributionType.HEDGED, None, None, lx.CONF_HEDGED)
            return Cue(hedge, token_span(token))
    return None


def _author(ctx: Context, sent: Any, quotes: Sequence[tuple[int, int]]) -> Cue | None:
    author = Source(AttributionType.AUTHOR, None, None, lx.CONF_AUTHOR)
    for token in sent:
        if inside(token.idx, quotes):
            continue
        if token.lower_ in lx.AUTHOR_ADVERBS and token.dep_ == "advmod":
            return Cue(author, token_span(token))
        if token.tag_ in {"PRP", "PRP$"} and _first_person(token):
            return Cue(author, token_span(token))
    lowered = sent.text.lower()
    for phrase in lx.AUTHOR_PHRASES:
        at = lowered.find(phrase)
        if at >= 0 and not inside(sent.start_char + at, quotes):
            start = sent.start_char + at
            return Cue(author, (start, start + len(phrase)))
    return None


def _first_person(token: Any) -> bool:
    return token.lower_ in lx.FIRST_PERSON and token.text not in {"US", "Us"}
