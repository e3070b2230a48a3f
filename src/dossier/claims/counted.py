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
# Dependencies by which a number or a word modifies the noun above it ("a $100 million fund").
_MODIFIES = ("nummod", "compound", "nmod", "quantmod")
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


# Verbs that state a level: "Turnout was 61%", "stood at 63 percent", "is running at 3.1%".
_LEVEL_VERBS = frozenset({"be", "stand", "run", "remain", "sit", "hover"})
# Verbs that move a measure to the level after "to" ("fell to 2.1%"), or to their object
# ("reached 5.2%"). The move itself ("fell 3.2%") is no level.
_MOVES = frozenset({
    "rise", "fall", "climb", "drop", "ease", "slip", "jump", "soar", "increase", "decrease",
    "grow", "edge", "dip", "plunge", "tumble", "surge", "slow", "accelerate", "cut", "raise",
    "lower", "reduce",
})  # fmt: skip
_REACHED = frozenset({"reach", "hit", "top"})
# Nouns of a change, not a level: "a rise of 3%" says how much something moved.
_CHANGES = frozenset({
    "rise", "fall", "increase", "decrease", "drop", "gain", "loss", "cut", "jump", "decline",
    "surge", "hike", "growth", "fell", "change", "reduction", "discount", "return",
})  # fmt: skip
# The last word of a measure that only says it is one: "the unemployment rate" is unemployment.
_MEASURE_WORDS = frozenset({"rate", "level", "figure"})


def level_of(token: Any) -> str:
    """What a percentage is the level of, when it names no whole ("97% of children"): the
    subject of a verb that states a level ("Turnout was 61%", "the unemployment rate stood at
    5%"), what is moved to it ("inflation fell to 2.1%", "unemployment reached 5.2%", "cut
    its dividend to 10%"), or the noun it is "of" ("a turnout of 63%"), folded with its
    compounds (``_measure``); "" for anything else ("grew 3%", "fell from 2.6%", "a rise of
    3%")."""
    head = token
    while head.dep_ in _MODIFIES and head.head.i != head.i:
        head = head.head
    above, preposition = head.head, ""
    if head.dep_ == "pobj" and above.lower_ == "of" and above.head.pos_ == "NOUN":
        return _measure(above.head)
    if head.dep_ == "pobj" and above.dep_ == "prep":
        preposition, above = above.lower_, above.head
    verb = verb_lemma(above)
    stated = head.dep_ in ("attr", "pobj", "acomp") and verb in _LEVEL_VERBS
    moved = (preposition == "to" and verb in _MOVES) or (head.dep_ == "dobj" and verb in _REACHED)
    if not (stated or moved):
        return ""
    # What is moved: the object of a move that has one ("cut its dividend to 10%"), else the
    # subject ("inflation fell to 2.1%").
    roles = ("dobj", "nsubj") if moved else ("nsubj",)
    measured = next((c for r in roles for c in above.children if c.dep_ == r and c != head), None)
    return _measure(measured) if measured is not None else ""


def _measure(noun: Any) -> str:
    """A measured noun with its compounds, lower case, less a last word that only says it is a
    measure ("unemployment rate" is "unemployment"); "" for a change. A name may be one: the
    small model tags a sentence's first word "Turnout" a person."""
    if noun.pos_ not in ("NOUN", "PROPN") or noun.lemma_.lower() in _CHANGES:
        return ""
    words = [c.lemma_.lower() for c in noun.children if c.dep_ == "compound" and c.i < noun.i]
    if words and noun.lemma_.lower() in _MEASURE_WORDS:
        return " ".join(words)
    return " ".join([*words, noun.lemma_.lower()])


def fold_unit(unit: str) -> str:
    """A noun that counts people counts "people" ("martyr", "victim", "dead")."""
    return "people" if unit in PEOPLE else unit


# Verbs of a rank reached: "came second", "finished third", "ended first", "placed fourth".
_RANKED = frozenset({"come", "finish", "end", "place"})
# Nouns for a sum paid, which a sum "of" them is ("a fine of $3 million" is what "fined $4
# million" fines). Not any noun: "takings of $21m" in one market and "taking $30.1m" in another
# are two sums.
_PAID = frozenset({
    "fine", "penalty", "bail", "ransom", "settlement", "compensation", "damages", "bonus",
    "salary", "fee", "payout", "donation", "bailout",
})  # fmt: skip
# Lemmas the small English model gets wrong ("fined" -> "fin").
_LEMMAS = {"fined": "fine"}


def named_by(token: Any) -> Any:
    """The noun a sum modifies: "fund" of "a $100 million fund", "payment" of "a $2.6bn
    dividend payment", or a sum paid that it is "of" ("fine" of "a fine of $3 million",
    ``_PAID``); None for a bare sum ("put $20bn into an account")."""
    head = token
    for _ in range(UNIT_LOOKAHEAD):
        above = head.head
        if head.dep_ == "pobj" and above.lower_ == "of" and above.head.lemma_.lower() in _PAID:
            return above.head
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
    on 11 counts"), and a rank reached is "win" ("came second with 19 seats" / "won 21
    seats")."""
    lemma = verb_lemma(token)
    if lemma == "find" and any(c.lemma_.lower() == "guilty" for c in token.children):
        return "convict"
    if lemma in _RANKED and any(c.ent_type_ == "ORDINAL" for c in token.children):
        return "win"
    return lemma


def verb_lemma(token: Any) -> str:
    """The token's lemma, lower case, mended where the small model errs ("fined": "fin")."""
    return _LEMMAS.get(token.lower_, str(token.lemma_.lower()))
