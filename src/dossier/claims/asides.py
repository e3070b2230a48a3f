"""Clauses beside a sentence's main clauses, each a claim of its own.

- an aside after a name ("Russia and China, which last month vetoed a draft");
- a report in a clause of time or concession ("..., after Biden condemned the comments"),
  which is its speaker's;
- a clause of time after a report's comma ('"...," Obama said, a day after the Council passed
  a resolution'), which is the outlet's own;
- an opening "with" that states a fact of its own ("With 300 people killed in the fighting,
  ...", ``absolute``), which holds even when the main clause is a view.

The two before it (``subordinate_clauses``) are cut off the main clause they open or end
(``cut_off``); the "with" phrase is left in its main clause too, whose fact it frames.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from dossier.attribution import lexicon as lx
from dossier.attribution.verbs import negated, opened_by
from dossier.claims.checkable import definite
from dossier.claims.clauses import (
    REPORTED,
    SUBJECTS,
    Clause,
    cut_before,
    declares,
    has_subject,
    in_quotation,
    subject_span,
    trim_end,
)
from dossier.nlp import text_of

# What may follow a clause's last word before the sentence ends, or join it to the next one.
_JOINTS = re.compile(r"[\s.!?\"'\u201d\u2019),;]*(?:\b(?:and|but)\b[\s,;]*)?", re.IGNORECASE)

# Clauses of time and concession whose report is a statement of its own ("after Biden
# condemned", "although analysts say"); not a condition or a reason ("if you think",
# "because my friends told me"), which states nothing.
_REPORT_MARKS = lx.SUBORDINATORS - {"if", "unless", "because"}
# Clauses of time: one after a report's comma dates the report, not what is reported.
_TIME_MARKS = frozenset({"after", "before", "since", "until", "once", "when"})
# Finite verb forms: a clause with one has a tense of its own, which a "with" phrase has not.
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def asides(sent: Any) -> list[Clause]:
    """Relative clauses set off by a comma after a name ("Russia and China, which last month
    vetoed a draft") or a thing the story named before ("The factory, which opened in 1989"):
    each states a fact of its own, which the main clause only carries."""
    found = []
    for verb in sent:
        head = verb.head
        if verb.dep_ != "relcl" or verb.pos_ not in ("VERB", "AUX") or verb.left_edge.i == 0:
            continue
        named = head.pos_ == "PROPN" or bool(head.ent_type_)
        if not (named or definite(head)) or verb.doc[verb.left_edge.i - 1].text != ",":
            continue
        right = verb.right_edge
        # a thing no name says is written out in the claim ("The factory, which opened ...")
        start = verb.left_edge.idx if named else head.left_edge.idx
        found.append(Clause(start, right.idx + len(right), verb,
                            (head.left_edge.idx, verb.left_edge.idx)))  # fmt: skip
    return found


def subordinate_clauses(sent: Any) -> list[Clause]:
    """Subordinate clauses that are claims of their own. A report in a clause of time or
    concession ("..., after Biden condemned the comments as 'outrageous'", "While Obama
    stressed the deal would not cap BP's liabilities, ...") is a statement of its speaker,
    beside the main clause the outlet itself reports. And the reverse: a clause of time that
    ends a report after a comma ("X has said the country faces civil war, after rebels
    attacked a key army base") is the outlet's own words (``_framing``)."""
    found = []
    for verb in sent:
        if _framing(sent, verb):
            found.extend(_framing_clauses(sent, verb))
        if verb.dep_ != "advcl" or verb.lemma_.lower() not in lx.REPORTING_VERBS:
            continue
        if declares(verb):  # "a day after the WHO declared a pandemic": an act
            continue
        if verb.pos_ not in ("VERB", "AUX") or in_quotation(sent, verb):
            continue
        deps = {c.dep_ for c in verb.children}
        # a speaker and what is said: not "while Hayward was testifying", "he was told that",
        # "though they did not say what would happen"
        if "nsubj" not in deps or not deps & REPORTED or negated(verb):
            continue
        if not opened_by(verb, _REPORT_MARKS):
            continue
        end = _end(sent, verb)
        joint = _second_act(sent, verb)
        if joint is not None:
            coordinator, act = joint
            start = sent.doc[coordinator.i + 1].idx
            found.append(Clause(start, _end(sent, act), act, outlets_own=True))
            end = trim_end(sent, coordinator.idx)
        found.append(Clause(verb.left_edge.idx, end, verb, own_source=True))
    return found


def absolute(sent: Any) -> Clause | None:
    """An opening "with" and a verb of its own, up to the comma before the main clause's
    subject: "With cases in the UK doubling in a week to more than 750, the move has been
    inevitable", "With 300 people killed in the fighting, the mood is grim". What it states
    is a fact the main clause only leans on."""
    first, root = sent[0], sent.root
    if first.lower_ != "with" or root.pos_ not in ("VERB", "AUX"):
        return None
    subject = next((c for c in root.children if c.dep_ in SUBJECTS), None)
    if subject is None or subject.left_edge.i - 1 <= first.i:
        return None
    comma = sent.doc[subject.left_edge.i - 1]
    if comma.text != ",":
        return None
    span = sent.doc[first.i + 1 : comma.i]
    verb = next((t for t in span if t.tag_ in ("VBG", "VBN") and t.dep_ != "amod"), None)
    # A finite verb before the comma heads a clause of its own: "With oil prices rising,
    # airlines are struggling, analysts said" ends no "with" phrase at the reporter's comma.
    if verb is None or any(t.tag_ in _FINITE for t in span):
        return None
    return Clause(first.idx, trim_end(sent, comma.idx), verb)


def _second_act(sent: Any, verb: Any) -> tuple[Any, Any] | None:
    """The coordinator and verb of another subject's act joined to a subordinate report: "after
    Biden condemned the comments and Republican leaders issued a statement". That act is the
    outlet's to tell. The clause starts after the coordinator, wherever the parser hung it."""
    act = next((c for c in verb.children if c.dep_ == "conj" and has_subject(c)), None)
    if act is None:
        return None
    subject = next(c for c in act.children if c.dep_ in SUBJECTS)
    if subject.left_edge.i < verb.i:
        return None
    between = [t for t in sent.doc[verb.i + 1 : subject.i] if t.lower_ in ("and", "but")]
    if not between or between[-1].i + 1 >= act.i or in_quotation(sent, between[-1]):
        return None
    return between[-1], act


def _framing(sent: Any, verb: Any) -> bool:
    """A clause of time with its own subject that ends a sentence after a comma, in a sentence
    whose main verb reports outside quotation marks: "X has said ..., after rebels attacked a
    base", '"...," Obama said, a day after the Council passed a resolution'. Without the comma
    it is the speaker's ("officials said 40 died when the bridge collapsed")."""
    root = sent.root
    # a clause the parser hung on the report as its content keeps its mark ("after")
    if verb.dep_ not in ("advcl", "ccomp"):
        return False
    if verb.lemma_.lower() in lx.REPORTING_VERBS and not declares(verb):
        return False
    if root.lemma_.lower() not in lx.REPORTING_VERBS or in_quotation(sent, root):
        return False
    if in_quotation(sent, verb) or not any(c.dep_ == "nsubj" for c in verb.children):
        return False
    if not opened_by(verb, _TIME_MARKS):
        return False
    first, last = verb.left_edge, verb.right_edge
    tail = sent.doc[last.i + 1 : sent.end]
    ends = all(t.is_punct or t.is_space for t in tail)
    return ends and first.i > sent.start and sent.doc[first.i - 1].text == ","


def _framing_clauses(sent: Any, verb: Any) -> list[Clause]:
    """The outlet's clause of time, and a report coordinated with a declaration in it, which is
    the declarer's: "a day after the WHO declared a pandemic" / "and warned governments to
    prepare" (``clauses.declares``)."""
    whole = [Clause(verb.left_edge.idx, _end(sent, verb), verb, outlets_own=True)]
    if not declares(verb):
        return whole
    speech = next((c for c in verb.children if c.dep_ == "conj" and not has_subject(c)
                   and c.lemma_.lower() in lx.REPORTING_VERBS and not declares(c)
                   and any(g.dep_ in REPORTED for g in c.children)), None)  # fmt: skip
    if speech is None:
        return whole
    cut = trim_end(sent, cut_before(speech))
    report = Clause(speech.left_edge.idx, _end(sent, speech), speech, own_source=True,
                    subject=subject_span(verb))  # fmt: skip
    return [Clause(verb.left_edge.idx, cut, verb, outlets_own=True), report]


def _end(sent: Any, verb: Any) -> int:
    """Where the clause ``verb`` heads ends, without trailing punctuation."""
    last = verb.right_edge
    return trim_end(sent, last.idx + len(last))


def cut_off(clauses: list[Clause], beside: list[Clause], sent: Any) -> list[Clause]:
    """``clauses`` without the subordinate clauses that open or end them: "Hours later, X
    withdrew his remarks" without ", after Y condemned them", which is Y's claim."""
    text, cut = text_of(sent.doc), []
    for clause in clauses:
        for other in sorted(beside, key=lambda c: -c.start):  # the last first: they may chain
            rest = text[other.end : clause.end] if other.end < clause.end else ""
            if clause.start < other.start < clause.end and _nothing_but_joints(rest):
                clause = dataclasses.replace(clause, end=trim_end(sent, other.start))
            elif clause.start == other.start and other.end < clause.end:
                start = other.end
                while start < clause.end and (text[start].isspace() or text[start] in ",;:"):
                    start += 1
                clause = dataclasses.replace(clause, start=start)
        cut.append(clause)
    return [c for c in cut if c.end > c.start]


def _nothing_but_joints(rest: str) -> bool:
    """Only closing punctuation, or a coordinator, between a clause and what follows it."""
    return _JOINTS.fullmatch(rest) is not None
