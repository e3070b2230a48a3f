"""Clauses of a sentence.

A sentence is one clause unless a main verb is coordinated with another verb that has its
own subject ("Soleimani sent a message and Iran coordinated the offensive"), or a report
stands beside an act of the same subject ("... and has said it will not attend", "apologized
to BP, saying ..."): then each conjunct or participle is a clause. Whether a clause is
checkable is ``checkable.is_checkable``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from dossier.attribution import lexicon as lx
from dossier.nlp import text_of

SUBJECTS = {"nsubj", "nsubjpass", "expl", "csubj"}
# Verbs that only report or frame: the checkable content is their clausal complement.
REPORTING_VERBS = {
    "say", "tell", "claim", "add", "state", "report", "announce", "insist", "allege",
    "write", "believe", "argue", "note", "explain", "confirm", "deny", "acknowledge",
}  # fmt: skip
# Verbs whose infinitive complement carries the event ("agreed to provide intelligence").
LIGHT_VERBS = {
    "agree", "decide", "plan", "try", "attempt", "begin", "start", "continue", "offer",
    "promise", "seek", "help", "manage", "vow", "threaten", "order", "ask", "use",
}  # fmt: skip
# Verbs of saying in the widest sense: beside one of these, a report stays in its clause.
_SPEECH_ACTS = lx.REPORTING_VERBS | REPORTING_VERBS | {"reaffirm", "reiterate"}
# What a reporting verb reports, when it stands in its own clause ("has said it will not
# attend", "denies any plan"); "... and told CNN" after a quotation reports nothing there
# (the object of "tell" is whom it was told).
REPORTED = {"ccomp", "xcomp", "dobj"}
# Verbs whose object is an act done by speaking: "declared a pandemic" (``declares``).
_DECLARING = frozenset({"declare", "announce"})
# What the parser may hang as a clause under "declared" when it is a noun ("pandemic": ADJ).
_NOMINAL = frozenset({"NOUN", "PROPN", "ADJ"})
# Speech the lexicon leaves out or calls weak: beside "told reporters," a participle of one
# of these is more of the same report ("advising that countries prepare"); beside one, a
# report stays in its clause ("announced a ceasefire, saying ...").
_PLAIN_SPEECH = {
    "advise", "recommend", "reiterate", "speak", "emphasise", "emphasize", "add", "announce",
    "declare", "shout", "chant", "yell", "scream",
}  # fmt: skip
_OPENING_MARK = re.compile(r'(?:^|(?<=[\s:(\[]))["\u201c](?=\S)')
_CLOSING_MARK = re.compile(r'(?<=\S)["\u201d]')


@dataclass(frozen=True, slots=True)
class Clause:
    """Characters ``[start, end)`` of the document, and the clause's main verb token."""

    start: int
    end: int
    verb: Any
    # An aside's antecedent ("Russia and China, " of "..., which last month vetoed a draft"):
    # characters whose names are the aside's actors too. None for a main clause.
    antecedent: tuple[int, int] | None = None
    # The subject a verb shares with the clause before ("Syria" of "... and has said it will
    # not attend"): its names are the clause's actors too. None when the clause has its own.
    subject: tuple[int, int] | None = None
    # A report in a clause of time or concession (``subordinate_clauses``): it takes the source
    # of its own reporting verb, which the sentence's main clause does not.
    own_source: bool = False
    # The outlet's own words beside a report ("X said ..., after rebels attacked a base"):
    # nobody's report (``subordinate_clauses``).
    outlets_own: bool = False


def split_clauses(sent: Any) -> list[Clause]:
    """The sentence as one clause, or its coordinated main clauses when each has a subject.

    A root that is no verb is a misparse when a verb in the sentence has a subject ('"...,"
    Waxman said, his comments reflecting ...' rooted on "comments"): that verb heads it. So
    is a root inside a quotation that a verb with a subject introduces ("he sent a message
    to Petraeus: “General Petraeus, you should know ...”" rooted on "know"). Clauses a
    semicolon joins are split there ("The Treasury has placed sanctions on him three times;
    those sanctions remain in place")."""
    parts = _semicolon_parts(sent)
    if parts:
        return parts
    root = sent.root
    if root.pos_ not in ("VERB", "AUX"):
        root = next((t for t in sent if has_subject(t)), root)
    elif in_quotation(sent, root):
        root = next((t for t in sent if t.i < root.i and t.pos_ in ("VERB", "AUX")
                     and has_subject(t) and not in_quotation(sent, t)), root)  # fmt: skip
    conjuncts = [t for t in root.children
                 if (t.dep_ == "conj" and (has_subject(t) or _reports_beside(root, t)))
                 or _reporting_participle(root, t)]  # fmt: skip
    if not conjuncts:
        return [Clause(sent.start_char, trim_end(sent, sent.end_char), root)]
    clauses, start, verb = [], sent.start_char, root
    for conj in conjuncts:
        cut = cut_before(conj) if conj.dep_ == "conj" else conj.left_edge.idx
        clauses.append(Clause(start, trim_end(sent, cut), verb, subject=_shared_subject(verb)))
        start, verb = conj.left_edge.idx, conj
    clauses.append(
        Clause(start, trim_end(sent, sent.end_char), verb, subject=_shared_subject(verb))
    )
    return [c for c in clauses if c.end > c.start]


def _shared_subject(verb: Any) -> tuple[int, int] | None:
    """The characters of the subject a coordinated verb or a participle without one shares
    with its head."""
    if verb.dep_ not in ("conj", "advcl") or has_subject(verb):
        return None
    return subject_span(verb.head)


def subject_span(verb: Any) -> tuple[int, int] | None:
    """The characters of ``verb``'s own subject, if it has one."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    if subject is None:
        return None
    last = subject.right_edge
    return int(subject.left_edge.idx), int(last.idx + len(last))


def _semicolon_parts(sent: Any) -> list[Clause]:
    """The parts between semicolons outside quotation marks, when each is headed by a verb
    with a subject (a list "Iraq; Syria; Lebanon" is not split); else none."""
    cuts = [t.i for t in sent if t.text == ";" and not in_quotation(sent, t)]
    if not cuts:
        return []
    doc, parts = sent.doc, []
    for first, end in zip([sent.start] + [i + 1 for i in cuts], [*cuts, sent.end], strict=True):
        heads = [t for t in doc[first:end] if has_subject(t)
                 and (t.head.i == t.i or not first <= t.head.i < end)]  # fmt: skip
        if not heads or first >= end:
            return []
        last = doc[end - 1]
        parts.append(Clause(doc[first].idx, trim_end(sent, last.idx + len(last)), heads[0]))
    return parts


def in_quotation(sent: Any, token: Any) -> bool:
    """Whether ``token`` stands inside quotation marks opened earlier in its sentence (a
    mark after a space or colon and before a word opens; one after a word or comma closes)."""
    before = text_of(sent.doc)[sent.start_char : token.idx]
    opens = [m.start() for m in _OPENING_MARK.finditer(before)]
    closes = [m.start() for m in _CLOSING_MARK.finditer(before)]
    return bool(opens) and (not closes or opens[-1] > closes[-1])


def _reports_beside(root: Any, conj: Any) -> bool:
    """One of two verbs sharing a subject reports and the other does not: "Syria will be
    suspended ... and has said it will not attend", "Ankara is considering sanctions ... but
    denies any plan to intervene". The act is the outlet's; only the report is the subject's.
    Two reports ("acknowledged the deaths, but blamed ...") and words inside a quotation stay
    one clause."""
    if conj.pos_ not in ("VERB", "AUX") or in_quotation(conj.sent, conj):
        return False
    if any(declares(v) for v in (root, conj)):  # "declared a pandemic and advised ..."
        other = conj if declares(root) else root
        speaks = other.lemma_.lower() in _SPEECH_ACTS and not declares(other)
        return speaks and any(c.dep_ in REPORTED for c in other.children)
    reports = [v for v in (root, conj) if v.lemma_.lower() in REPORTING_VERBS]
    speech = [v for v in (root, conj) if v.lemma_.lower() in _SPEECH_ACTS]
    if len(reports) != 1 or len(speech) != 1:
        return False
    told = reports[0].lemma_.lower() == "tell"  # "told CNN": an addressee, not a report
    return any(c.dep_ in REPORTED and not (told and c.dep_ == "dobj") for c in reports[0].children)


def declares(verb: Any) -> bool:
    """A declaration is an act, not a report: "declared an influenza pandemic", "announced a
    ceasefire", "announced sanctions" (a noun for what was declared, which the parser may
    hang as a clause: "declared [an influenza pandemic]"), not "announced that it would".
    """
    if verb.lemma_.lower() not in _DECLARING:
        return False
    complements = [c for c in verb.children if c.dep_ in REPORTED]
    return bool(complements) and all(
        c.dep_ == "dobj" or (c.dep_ == "ccomp" and c.pos_ in _NOMINAL) for c in complements
    )


def _reporting_participle(root: Any, verb: Any) -> bool:
    """A participle after a comma that reports beside an act, or acts beside a report: "X
    apologized to BP, saying the deal was a shakedown" (the apology is the outlet's to tell,
    the deal X's), "..., Juppe said, referring to weekend attacks" (the attacks are the
    outlet's). Like ``_reports_beside``, exactly one of the two verbs speaks."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or verb.i < root.i or has_subject(verb):
        return False
    first = verb.left_edge
    if first.i == 0 or first.doc[first.i - 1].text != "," or in_quotation(verb.sent, verb):
        return False
    speech = [v for v in (root, verb) if _speaks(v)]
    return len(speech) == 1


def _speaks(verb: Any) -> bool:
    """An active verb of plain speech: "saying", "told"; not "was confirmed" (no speaker's
    act) nor a verb that also describes things ("indicating", "noting")."""
    lemma = verb.lemma_.lower()
    plain = lemma in _PLAIN_SPEECH or lemma in lx.REPORTING_VERBS - lx.WEAK_REPORTING_VERBS
    return plain and not any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def has_subject(verb: Any) -> bool:
    return verb.pos_ in ("VERB", "AUX") and any(c.dep_ in SUBJECTS for c in verb.children)


def cut_before(conj: Any) -> int:
    """Where the clause before ``conj`` ends: before the coordinator and its comma."""
    first = conj.left_edge
    before = [t for t in conj.head.children if t.dep_ == "cc" and t.i < first.i]
    return int(before[-1].idx if before else first.idx)


def trim_start(text: str, start: int, end: int) -> int:
    """``start`` moved past white space and a comma, semicolon or colon left before a clause
    (", Washington to live with her father"), never past ``end``."""
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    return start


def trim_end(sent: Any, end: int) -> int:
    text = text_of(sent.doc)
    while end > sent.start_char and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return end


def main_verb(verb: Any) -> Any:
    """The verb carrying the event: through reporting and light verbs to their complement."""
    return verb_chain(verb)[-1]


def verb_chain(verb: Any) -> list[Any]:
    """``verb``, then each reporting or light verb's complement down to the main verb."""
    chain = [verb]
    for _ in range(3):  # "said he had agreed to provide": at most three hops
        lemma = verb.lemma_.lower()
        comps = [
            c for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX")
        ]
        if not comps or (lemma not in REPORTING_VERBS and lemma not in LIGHT_VERBS):
            break
        verb = comps[0]
        chain.append(verb)
    return chain
