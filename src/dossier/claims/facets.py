"""Counts of different things in one clause, each a claim of its own.

"Swine flu has spread to 74 countries, infecting more than 27,700 people and killing 140"
makes three statements that other outlets report one by one, with figures of their own
("28,774 infections", "144 deaths"). Kept whole, the clause is one claim that resembles each
of those reports a little and none of them well. So a clause that counts two or more things
(``Quantity.unit``, or the verb a count belongs to, differ) is cut before the phrase that
holds each count after the first: "... to 74 countries" / ", infecting more than 27,700
people" / "and killing 140". The parts keep the clause's subject (their names are the parts'
actors too) and its date.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Sequence
from typing import Any

from dossier.claims.clauses import Clause, subject_span, trim_end, verb_chain
from dossier.claims.slots import token_at, verb_above
from dossier.model import Quantity
from dossier.nlp import text_of

# Tokens that join a count's phrase to the one before: the later part starts at its
# coordinator ("and 141 deaths"), after its comma.
_JOINS = {"cc", "punct"}
# Two figures for one count: "98 or 99%", "five to 10".
_ALTERNATIVES = re.compile(r"\s*(?:or|to|and|-|\u2013)?\s*", re.I)
# What a verb says or believes ("the survey found 39 nations were increasing ..."), and
# relative clauses: part of the statement before, not a statement of their own.
_COMPLEMENTS = {"ccomp", "csubj", "relcl", "pcomp"}
# Prepositions that count a part of what was counted before, or more of it: "including 144
# deaths" ("with" counts one only after a verb: "admitted 18 people, with five in intensive
# care", not "a family with three children").
_PARTS = {"including", "plus"}
# A second thing counted beside the first: coordinated with it, or a second object or
# attribute of the verb ("there have been 30,000 cases and 141 deaths", parsed as two).
_ARGUMENTS = {"conj", "dobj", "attr"}


def count_facets(sent: Any, clause: Clause, quantities: Sequence[Quantity]) -> list[Clause]:
    """``clause`` cut before each count of a thing the count before it does not count, or
    ``[clause]`` when it counts one thing or no cut falls between two counts."""
    counts = [q for q in quantities if q.unit or q.verb]
    cuts: list[tuple[int, Any]] = []
    last_verb = max(v.idx for v in verb_chain(clause.verb))
    for before, after in itertools.pairwise(counts):
        if (before.unit, before.verb) == (after.unit, after.verb):
            continue
        if _ALTERNATIVES.fullmatch(text_of(sent.doc)[before.span.end : after.span.start]):
            continue
        found = _cut(sent.doc, before, after)
        # both counts after the (reported) verb: a count in the subject or in a clause
        # before the verb ("the father of three sons and two daughters, is linked ...",
        # "its 301 MPs were 17 short") describes who acts, and the statement follows it
        if found is not None and last_verb < before.span.start and found[0] < clause.end:
            cuts.append(found)
    if not cuts:
        return [clause]
    subject = clause.subject or subject_span(clause.verb)
    parts, start, verb = [], clause.start, clause.verb
    for cut, head in cuts:
        parts.append(dataclasses.replace(clause, start=start, end=trim_end(sent, cut), verb=verb))
        start, verb = cut, head
    parts.append(dataclasses.replace(clause, start=start, verb=verb))
    return [
        part if part is parts[0] else dataclasses.replace(part, subject=subject)
        for part in parts
        if part.end > part.start
    ]


def _cut(doc: Any, before: Quantity, after: Quantity) -> tuple[int, Any] | None:
    """Where the phrase holding ``after`` starts, and the verb heading it, when that phrase
    does not also hold ``before``."""
    first, second = token_at(doc, before.span.start), token_at(doc, after.span.start)
    if first is None or second is None:
        return None
    above_first = {t.i for t in [first, *first.ancestors]}
    head = second
    while head.head.i != head.i and head.head.i not in above_first:
        head = head.head
    if head.i in above_first or head.left_edge.i <= first.i:
        return None
    if not _states(head):
        return None
    # a count in brackets converts the one before ("50 kilometers (31 miles)"); one after
    # "or" restates it ("about 1,000 nests, or 100,000 eggs")
    if any(t.text == "(" or t.lower_ == "or" for t in doc[first.i : second.i]):
        return None
    start = head.left_edge.i
    while start - 1 > first.i and doc[start - 1].dep_ in _JOINS:
        start -= 1
    # no cut inside a word: the "m" of "$50m", which the parser read as a subject
    while (doc[start].is_punct or _glued(doc, start)) and start < head.i:
        start += 1
    if _glued(doc, start):
        return None
    return int(doc[start].idx), verb_above(head)


def _glued(doc: Any, i: int) -> bool:
    """Token ``i`` continues the word before it ("m" of "$50m"), not after a mark ('"')."""
    return not doc[i - 1].whitespace_ and not doc[i - 1].is_punct


def _states(head: Any) -> bool:
    """The phrase ``head`` heads states a count of its own: a verb of its own ("infecting more
    than 27,700 people", "and wounded 150 others"), a thing coordinated with the one counted
    before ("30,000 cases and 141 deaths"), or a part of it ("including 144 deaths", "with five
    in intensive care"). Not a phrase that describes a noun ("28,774 infections confirmed in 74
    countries"), where or how something happened ("died in the accident, which left hundreds
    of barrels ..."), nor a purpose ("used six centralisers to make sure ...")."""
    if head.dep_ == "prep" and head.lower_ in _PARTS:  # "including" is tagged a verb too
        return True
    if head.pos_ in ("VERB", "AUX"):
        if head.dep_ in _COMPLEMENTS or head.lemma_.lower() == "accord":
            return False
        # an infinitive of purpose, or a clause a conjunction opens ("because BP could not
        # wait ...", "when we expect ...")
        opened = any(c.dep_ == "mark" or (c.dep_ == "aux" and c.lower_ == "to")
                     for c in head.children)  # fmt: skip
        return head.head.pos_ in ("VERB", "AUX") and not opened
    if head.dep_ in _ARGUMENTS:
        return True
    if head.dep_ != "prep":
        return False
    return head.lower_ == "with" and head.head.pos_ in ("VERB", "AUX")
