"""Dates that belong to one item of a list: "victories in Samarra (June) and Amirli (August)".

One clause can report several happenings as a list of noun phrases, each with its own
date: "operations including the Siege of Amirli in the summer of 2014, ... the
liberation of Jurf Al Sakhar in October 2014, ... the 2nd Battle of Tikrit in 2015".
A date is *nominal* when it hangs from a noun, through a preposition ("Tikrit in 2015")
or as an apposition ("Samarra (June)"), rather than from the verb. Its *item* is the
noun phrase it dates, climbed up through appositions, compounds and "of" phrases to the
list member ("the liberation of Jurf Al Sakhar, central Iraq"). Each nominal date whose
item differs from that of the clause's main date gives the clause one more candidate,
so every item of the list keeps its own date.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from dossier.model import TimeExpr

NOUN_POS = frozenset({"NOUN", "PROPN"})
# Dependencies that keep a noun inside the phrase of the noun above it.
INNER_DEPS = frozenset({"appos", "compound", "nmod", "poss"})
# Climbing steps from a date's noun to its list item; a phrase nested deeper is a parse
# error on a long sentence more often than a real item.
MAX_ITEM_STEPS = 6
# An item phrase shorter than this ("Amirli") says less than the clause's own summary,
# which then labels the candidate instead.
MIN_ITEM_WORDS = 3


def nominal_head(doc: Any, time: TimeExpr) -> Any:
    """The noun ``time`` dates ("Tikrit" of "Tikrit in 2015"), else None."""
    span = doc.char_span(time.span.start, time.span.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    root = span.root
    if root.dep_ == "appos" and root.head.pos_ in NOUN_POS:
        return root.head
    prep = root.head
    if root.dep_ == "pobj" and prep.dep_ == "prep" and prep.head.pos_ in NOUN_POS:
        return prep.head
    return None


def list_item(noun: Any) -> Any:
    """The list member a noun belongs to (see the module docstring)."""
    tok = noun
    for _ in range(MAX_ITEM_STEPS):
        head = tok.head
        if tok.dep_ in INNER_DEPS and head.pos_ in NOUN_POS and head.i != tok.i:
            tok = head
        elif tok.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in NOUN_POS:
            tok = head.head
        else:
            break
    return tok


def item_phrase(item: Any, date: int, skip: Iterable[int]) -> str:
    """The item's words before its date (token ``date``), less coordinated members and dates."""
    dropped = set(skip)
    for tok in item.subtree:
        inner = tok.i != item.i
        if inner and (tok.dep_ == "cc" or (tok.dep_ == "conj" and tok.pos_ in NOUN_POS)):
            dropped |= {t.i for t in tok.subtree}
    words = [t for t in item.subtree if t.i < date and t.i not in dropped and t.text not in "()"]
    while words and (words[-1].is_punct or words[-1].dep_ == "prep"):
        words.pop()
    return "".join(t.text + t.whitespace_ for t in words).strip()


def item_words(phrase: str) -> int:
    """How many words an item phrase has (``MIN_ITEM_WORDS`` decides its use)."""
    return len(phrase.split())
