"""What a number in a claim counts: its noun, its verb, the whole a share is of.

Helpers of ``quantities`` over spaCy tokens: "48 [people] were [killed]", "a $100m [fund]",
"97% of [children]", "1,000 [wounded]". Nouns that count people all fold to "people".
"""

from __future__ import annotations

from typing import Any

from dossier.nlp import text_of

# How many tokens after a number may sit between it and its counted noun ("11 Iranian diplomats").
UNIT_LOOKAHEAD = 3
# Counted nouns and participles that all count people.
PEOPLE = frozenset({"people", "person", "individual", "martyr", "victim", "human", "dead",
                    "killed"})  # fmt: skip
# Scale words: the "m" of "$120 m" is no noun a sum names.
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "m": 1e6, "bn": 1e9}


def noun_after(token: Any) -> Any:
    """The noun counted after a vague number: "hundreds of [Libyan] cars", "several thousand
    people"."""
    for nxt in token.doc[token.i + 1 : token.i + 2 + UNIT_LOOKAHEAD]:
        if nxt.pos_ == "NOUN":
            return nxt
        if nxt.lower_ != "of" and nxt.pos_ not in ("ADJ", "PROPN", "NUM"):
            break
    return None


def share_of(doc: Any, end: int) -> str:
    """ " of children" for "97% of children": percentages of different wholes do not compare."""
    after = doc.char_span(end, len(text_of(doc)), alignment_mode="expand")
    if after is None or len(after) < 2 or after[0].lower_ != "of":
        return ""
    noun = next((t for t in after[1 : 2 + UNIT_LOOKAHEAD] if t.pos_ in ("NOUN", "PROPN")), None)
    return f" of {fold_unit(noun.lemma_.lower())}" if noun is not None else ""


def fold_unit(unit: str) -> str:
    """A noun that counts people counts "people" ("martyr", "victim", "dead")."""
    return "people" if unit in PEOPLE else unit


_MODIFIES = ("nummod", "compound", "nmod", "quantmod")
# Lemmas the small English model gets wrong ("fined" -> "fin").
_LEMMAS = {"fined": "fine"}


def named_by(token: Any) -> Any:
    """The noun a sum modifies: "fund" of "a $100 million fund", "payment" of "a $2.6bn
    dividend payment"; None for a bare sum ("put $20bn into an account")."""
    head = token
    for _ in range(UNIT_LOOKAHEAD):
        above = head.head
        if head.dep_ not in _MODIFIES or above.i == head.i:
            return None
        if above.pos_ == "NOUN" and above.i > head.i and above.lower_ not in SCALES:
            return above  # not the "m" of "$120 m"
        head = above
    return None


def verb_of(token: Any) -> str:
    """The lemma of the verb a count belongs to: the first verb among the token's heads."""
    head = token
    for _ in range(UNIT_LOOKAHEAD + 2):
        if head.pos_ in ("VERB", "AUX") and head.dep_ != "amod":
            return _verb(head)
        if head.head.i == head.i:
            break
        head = head.head
    return ""


def counted_noun(token: Any) -> Any:
    """The noun a number counts: its head ("11 Iranian [diplomats]"), or a noun right after it.
    A plural proper noun counts too: "Nine [Israelis] have been killed", "110 [Tomahawks]"."""
    head = token
    while head.dep_ in ("nummod", "quantmod", "compound") and head.head.i != head.i:
        head = head.head
        if head.pos_ == "NOUN" or head.tag_ == "NNPS":
            return head
    for nxt in token.doc[token.i + 1 : token.i + 1 + UNIT_LOOKAHEAD]:
        if nxt.pos_ == "NOUN" or nxt.tag_ == "NNPS":
            return nxt
        if nxt.pos_ not in ("ADJ", "PROPN", "NUM"):
            break
    return None


def participle(token: Any) -> str:
    """The counted word of "1,000 wounded": a participle right after the number."""
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if nxt is not None and nxt.tag_ in ("VBN", "VBD", "JJ") and nxt.pos_ in ("VERB", "ADJ"):
        return str(nxt.lower_)
    return ""


def _verb(token: Any) -> str:
    """A verb's lemma; "found guilty" is "convict" ("found guilty on nine counts" / "convicted
    on 11 counts")."""
    lemma = verb_lemma(token)
    if lemma == "find" and any(c.lemma_.lower() == "guilty" for c in token.children):
        return "convict"
    return lemma


def verb_lemma(token: Any) -> str:
    """The token's lemma, lower case, mended where the small model errs ("fined": "fin")."""
    return _LEMMAS.get(token.lower_, str(token.lemma_.lower()))
