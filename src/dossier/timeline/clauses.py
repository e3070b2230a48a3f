"""Split a sentence that dates two happenings into one clause per date.

"Iran provided intelligence in 2001, and in 2007 Washington and Tehran sent envoys"
reports two events. Each date is assigned to its clause: the nearest verb above it
(through its head chain) that starts a clause of its own, the sentence root, a
coordinated verb (``conj``), an adverbial clause (``advcl``) or a verb governed by a
preposition (``pcomp``: "after establishing ..."). A purpose infinitive ("to support")
and a relative clause ("who had risen in 1980") do not start one: they describe the
happening of the clause above them. Dates of one clause stay together; a sentence
whose dates all fall in one clause is not split.

A clause's tokens are its verb's subtree less the subtrees of the other clauses; the
subject it borrows from the verb above (the shared "he" of "he joined ... and led
...") counts as its own too, so a shared actor goes to both candidates.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from dossier.model import TimeExpr

# Dependencies by which a verb heads a clause of its own (see the module docstring).
CLAUSE_DEPS = frozenset({"conj", "advcl", "pcomp"})
VERB_POS = frozenset({"VERB", "AUX"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


@dataclass(frozen=True, slots=True)
class Clause:
    """The dates of one clause, its verb (None: the sentence root) and its tokens."""

    times: tuple[TimeExpr, ...]
    verb: Any
    tokens: frozenset[int]  # token indices of the clause, borrowed subject included
    others: frozenset[int]  # token indices of the sentence's other clauses


def split_clauses(doc: Any, sent: Any, times: Sequence[TimeExpr]) -> list[Clause]:
    """One clause per verb that dates hang from; a single clause when there is one."""
    groups: dict[int, list[TimeExpr]] = {}
    heads: dict[int, Any] = {}
    for time in times:
        verb = _clause_verb(doc, sent, time)
        groups.setdefault(verb.i, []).append(time)
        heads[verb.i] = verb
    if len(groups) < 2:
        return [Clause(tuple(times), None, frozenset(t.i for t in sent), frozenset())]
    subtrees = {i: {t.i for t in v.subtree} for i, v in heads.items()}
    clauses = []
    for i, verb in heads.items():
        inner = {j for k, sub in subtrees.items() if k != i and k in subtrees[i] for j in sub}
        own = (subtrees[i] if verb.i != sent.root.i else {t.i for t in sent}) - inner
        own |= _borrowed_subject(verb)
        others = {t.i for t in sent} - own
        clauses.append(Clause(tuple(groups[i]), verb, frozenset(own), frozenset(others)))
    return sorted(clauses, key=lambda c: min(t.span.start for t in c.times))


def _clause_verb(doc: Any, sent: Any, time: TimeExpr) -> Any:
    span = doc.char_span(time.span.start, time.span.end, alignment_mode="expand")
    tok = span.root if span is not None and len(span) else sent.root
    while tok.i != sent.root.i and tok.head.i != tok.i:
        if tok.pos_ in VERB_POS and tok.dep_ in CLAUSE_DEPS and not _is_purpose(tok):
            return tok
        tok = tok.head
    return sent.root


def _is_purpose(verb: Any) -> bool:
    """An infinitive clause of purpose: "(in order) to support"."""
    return verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def _borrowed_subject(verb: Any) -> set[int]:
    """Tokens of the subject of the nearest verb above a subjectless ``verb``."""
    if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return set()
    tok = verb
    while tok.head.i != tok.i:
        tok = tok.head
        for child in tok.children:
            if child.dep_ in SUBJECT_DEPS:
                return {t.i for t in child.subtree}
    return set()
