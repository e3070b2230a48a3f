"""The slots of a claim: predicate, time, places and actors, read off the dependency parse."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from dossier.claims.clauses import LIGHT_VERBS
from dossier.claims.counted import verb_lemma
from dossier.model import Span, TimeExpr, TimeKind
from dossier.nlp import text_of
from dossier.time.filters import HEADING_GAP, is_heading

# Prepositions whose object is where something happened ("in Geneva", "from Baghdad").
LOCATIVE_PREPOSITIONS = {
    "in", "at", "to", "from", "near", "into", "inside", "outside", "across", "within",
    "toward", "towards", "through", "around", "throughout",
}  # fmt: skip
PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Place types that are never actors, so they count as places even outside a prepositional phrase.
_ALWAYS_PLACES = {"LOC", "FAC"}
_OBJECTS = ("dobj", "obj")
# Words that announce an act for later ("are due to begin", "is expected to meet", "is set to").
_SCHEDULING = frozenset({"due", "expect", "set", "schedule", "poise", "likely", "slate"})
_PASSIVE_SUBJECTS = ("nsubjpass",)
_DATED_KINDS = {TimeKind.DATE, TimeKind.TIME}
# An age is a bare number of at most this many digits; a year has four.
MAX_AGE_DIGITS = 3
_AGED = re.compile(r"^aged\s+", re.I)
# How a date modifies a noun: "the 2003 invasion", "Saturday's strikes".
_NOUN_MODIFIERS = ("nummod", "compound", "amod", "poss", "npadvmod")


def predicate(verb: Any, mention_starts: set[int]) -> str:
    """Lemma of the verb, its particle and its object head: "send message", "provide intelligence".
    An act announced for later is its own verb's: "talks are due to begin", "is expected to
    begin" and "will begin" are all "begin" (``_SCHEDULING``)."""
    verb = _announced(verb)
    words = ["not"] if any(c.dep_ == "neg" for c in verb.children) else []
    words.append(verb_lemma(verb))
    words += [c.lemma_.lower() for c in verb.children if c.dep_ == "prt"]
    obj = _object(verb, mention_starts)
    if obj is not None:
        words.append(obj.lemma_.lower())
    return " ".join(words)


def _announced(verb: Any) -> Any:
    """The verb of the act that ``verb`` announces ("due to begin", "set to meet"), or ``verb``."""
    heads = [verb, *(c for c in verb.children if c.dep_ == "acomp")]
    for head in heads:
        if head.lemma_.lower() in _SCHEDULING:
            act = next((c for c in head.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
            if act is not None:
                return act
    return verb


def _object(verb: Any, mention_starts: set[int]) -> Any:
    """The direct object; "provide X with Y" gives Y; a passive gives its subject; a copula its attribute."""
    children = list(verb.children)
    objects = [c for c in children if c.dep_ in _OBJECTS]
    if objects and _is_name(objects[-1], mention_starts):
        with_objects = [
            g for c in children if c.lower_ == "with" for g in c.children if g.dep_ == "pobj"
        ]
        if with_objects:
            return with_objects[0]
    if objects:
        return objects[-1]
    fallback = [c for c in children if c.dep_ in (*_PASSIVE_SUBJECTS, "attr") and c.pos_ == "NOUN"]
    return fallback[0] if fallback else None


def _is_name(token: Any, mention_starts: set[int]) -> bool:
    return bool(token.pos_ == "PROPN" or token.left_edge.idx in mention_starts or token.ent_type_)


def dated_light_verb(doc: Any, time: TimeExpr | None, chain: Sequence[Any]) -> str | None:
    """The lemma of the light verb above the main verb that ``time`` dates, if it dates one:
    "decided last week to suspend Syria" dates the decision, not the suspension."""
    if time is None or len(chain) < 2:
        return None
    verb = _governing_verb(doc, time.span.start)
    return next((str(v.lemma_.lower()) for v in chain[:-1] if v == verb and v.lemma_.lower()
                 in LIGHT_VERBS), None)  # fmt: skip


def clause_time(
    doc: Any, times: Sequence[TimeExpr], start: int, end: int, verb: Any, aside: bool = False
) -> TimeExpr | None:
    """The clause's date: the one attached to the main verb when there are several.

    A date that only dates a noun phrase or a relative clause inside the clause ("since the
    2003 invasion", "the compound that was bombed in 1986") is not the clause's date.
    """
    dated = [
        t for t in times if t.kind in _DATED_KINDS and start <= t.span.start and t.span.end <= end
        and not _is_age(t)
    ]  # fmt: skip
    if not aside:  # an aside's date is its own
        dated = [t for t in dated if not _dates_something_else(doc, t.span.start)]
    text = text_of(doc)
    dated = [t for t in dated if not is_heading(text, t.span.end)]
    if not dated:  # a list entry "12 November: Arab League suspends Syria": its heading
        headings = [t for t in times if t.kind in _DATED_KINDS and is_heading(text, t.span.end)
                    and start - HEADING_GAP <= t.span.end <= verb.idx]  # fmt: skip
        dated = headings[-1:]
    if len(dated) <= 1:
        return dated[0] if dated else None
    for t in dated:
        if _governing_verb(doc, t.span.start) in (verb, verb.head):
            return t
    return dated[0]


def _is_age(time: TimeExpr) -> bool:
    """An age ("Alice McMeekin, 58,", "aged 91") that stage 4 read as a year of birth: it
    dates the person, not what the clause reports."""
    number = _AGED.sub("", time.text)
    return number.isdigit() and len(number) <= MAX_AGE_DIGITS


def _dates_something_else(doc: Any, char: int) -> bool:
    """The date at ``char`` dates something other than the clause's event: a noun in a noun's
    prepositional phrase ("fired the first shots [since the 2003 invasion]"), or a relative
    clause that gives background ("Mousavian, who fell out with him in 2005"; "the palace,
    Gaddafi's compound that was bombed in 1986")."""
    token = token_at(doc, char)
    if token is None:
        return False
    if token.dep_ in _NOUN_MODIFIERS and token.head.pos_ == "NOUN":
        noun = token.head
        if noun.dep_ == "pobj" and noun.head.head.pos_ in ("NOUN", "PROPN"):
            return True
    verb = verb_above(token)
    if verb.dep_ != "relcl":
        return False
    return verb.head.dep_ == "appos" or _after_comma(doc, verb) or _after_comma(doc, verb.head)


def _after_comma(doc: Any, token: Any) -> bool:
    """The phrase headed by ``token`` follows a comma: an aside, not the clause's core."""
    before = token.left_edge.i - 1
    return before >= 0 and str(doc[before].text) == ","


def _governing_verb(doc: Any, char: int) -> Any:
    token = token_at(doc, char)
    return None if token is None else verb_above(token)


def token_at(doc: Any, char: int) -> Any:
    """The token that starts at character ``char`` (or holds it), or None."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def verb_above(token: Any) -> Any:
    """The first verb among ``token`` and its heads (the root when there is none)."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


def split_places(
    doc: Any, document_id: str, mentions: Sequence[tuple[int, int, str]]
) -> tuple[tuple[Span, ...], tuple[Span, ...]]:
    """(actors, places) among the clause's mentions: GPEs after a locative preposition are places."""
    places = [m for m in mentions if m[2] in PLACE_LABELS and _is_locative(doc, m)]
    places += [m for m in mentions if m[2] in _ALWAYS_PLACES and m not in places]
    actors = [m for m in mentions if m not in places]
    as_spans = [Span(document_id, s, e) for s, e, _ in actors]
    return tuple(as_spans), tuple(Span(document_id, s, e) for s, e, _ in sorted(places))


def _is_locative(doc: Any, mention: tuple[int, int, str]) -> bool:
    span = doc.char_span(mention[0], mention[1], alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    head = span.root
    return bool(head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPOSITIONS)
