"""What a reporting verb reports: any content, or for weak and naming verbs only a clause, a
name, a demand, or what they say in a frame of speech ("In an interview with the BBC, ...");
and a verb of appraisal whose complement is quoted ("described the deal as “a disaster”")."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dossier.attribution import lexicon as lx

# Dependents that show a reporting verb reports something (a clause, a quote, an object).
_CONTENT_DEPS = frozenset({"ccomp", "xcomp", "parataxis", "dobj", "advcl"})


def reports_content(verb: Any, near_quote: bool) -> bool:
    """The verb reports something: naming verbs a name ("called him a living martyr") or a
    demand ("called on Gaddafi's forces to pull back"), weak ones a clause, a demand ("urged
    banks to lend") or, in an interview or a statement, what they say ("In an interview with
    the BBC, Crocker recalled the role ..."), the others any content."""
    deps = {child.dep_ for child in verb.children}
    lemma = verb.lemma_.lower()
    if lemma in lx.NAMING_VERBS:
        return "oprd" in deps or _demands(verb, on=True)
    if lemma in lx.WEAK_REPORTING_VERBS:
        # only a clause is reported: "declared an influenza pandemic" reports nothing
        clause = any(c.dep_ in ("ccomp", "parataxis") and _clausal(c) for c in verb.children)
        demand = lemma in lx.DIRECTIVE_VERBS and _demands(verb, on=False)
        return near_quote or clause or demand or verb.dep_ == "parataxis" or framed(verb)
    if lemma == "claim" and any(c.dep_ == "dobj" and c.lemma_.lower() in lx.CLAIMED_NOT_SAID
                                for c in verb.children):  # fmt: skip
        return near_quote  # "The earthquake claimed 50 lives": a toll, not a claim
    return near_quote or bool(deps & _CONTENT_DEPS) or verb.dep_ in {"parataxis", "ccomp"}


def _demands(verb: Any, on: bool) -> bool:
    """Someone is told to act: an object, or "on" and its object ("called on X"), and an
    infinitive ("urged banks to lend", "called on Gaddafi's forces to pull back")."""
    told = any(
        (c.dep_ == "prep" and c.lower_ in ("on", "upon") and not _dated(c))
        if on
        else c.dep_ == "dobj"
        for c in verb.children
    )
    # an act the outlet tells of ("became the first leader to urge Assad to quit"), not a report
    main = verb.dep_ in ("ROOT", "conj", "ccomp", "parataxis")
    return main and told and any(c.dep_ == "xcomp" and _clausal(c) for c in verb.children)


def _dated(prep: Any) -> bool:
    """ "on Friday": a date, not whom a demand is made of."""
    return any(g.ent_type_ in ("DATE", "TIME") for g in prep.children)


def framed(verb: Any) -> bool:
    """The verb stands in a frame of speech: "In an interview with the BBC, ... recalled",
    "in a statement, ... described", "Speaking through a translator, ... compared"."""
    speaking = any(
        c.dep_ == "advcl" and c.tag_ == "VBG" and c.lemma_.lower() in lx.SPEAKING
        for c in verb.children
    )
    return speaking or any(
        c.dep_ == "prep" and c.lower_ == "in" and g.dep_ == "pobj"
        and g.lemma_.lower() in lx.SPEECH_FRAMES
        for c in verb.children for g in c.children
    )  # fmt: skip


def _clausal(token: Any) -> bool:
    """A complement headed by a verb ("said it was ready"), not a noun or adjective the
    parser made a clause ("declared an influenza pandemic", "pandemic" with a subject)."""
    return bool(token.pos_ in ("VERB", "AUX"))


def inside(char: int, ranges: Sequence[tuple[int, int]]) -> bool:
    return any(start <= char < end for start, end in ranges)


def quoted_appraisal(verb: Any, quotes: Sequence[tuple[int, int]]) -> bool:
    """A verb of appraisal whose complement is quoted: the quoted words are the appraiser's
    ("described the deal as “a disaster”", "branded the deal “a disaster”", "a man praised by
    Khamenei as “a living martyr”")."""
    if verb.lemma_.lower() not in lx.APPRAISING_VERBS or not quotes:
        return False
    complements = [c for c in verb.children if c.dep_ in ("dobj", "oprd")]
    complements += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
                    for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    return any(inside(c.idx, quotes) for c in complements)
