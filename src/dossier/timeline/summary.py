"""Who did what: a sentence shortened along its dependency parse, in its own words.

The summary keeps, in sentence order:

- the subject's noun phrase core (determiners, adjectives, compounds, possessives,
  numbers, an "of" phrase, and an appositive of at most ``MAX_APPOS_TOKENS`` tokens,
  so "Mr. Smith's deputy, Ahmed Karimi," keeps the name);
- the root verb with its auxiliaries, negation and particle;
- its complements: direct object, attribute, object predicate, adjectival complement,
  the passive agent, the first non-date prepositional phrase to the right of the
  verb, and the clauses it governs through ``xcomp``/``ccomp`` ("helped negotiate",
  "said that it had deployed");
- verbs coordinated with the root ("met ... and pledged ..."), summarised the same way.

It drops date phrases (spaCy DATE/TIME entities and the character ranges passed in
``drop``), relative and adverbial clauses, adverbs, long appositions and anything in
parentheses. Noun phrases keep nested prepositional phrases to a depth that shrinks
until the summary fits ``MAX_SUMMARY_WORDS``; then coordinated verbs go; then the
words are cut. Without a subject and a verb it falls back to the sentence's first
``MAX_SUMMARY_WORDS`` words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

# A summary longer than this stops being a timeline label; 20 words is about one line.
MAX_SUMMARY_WORDS = 20
# Nested prepositional phrases tried inside noun phrases, richest first: two levels
# keep "a ceasefire in Basra between the Mahdi Army and ..."; zero keeps only heads.
PREP_DEPTHS = (2, 1, 0)
# An appositive this short is a name or a title ("Ahmed Karimi"); longer ones are
# epithets with their own clauses ("a close ally of Khamenei (the supreme leader)").
MAX_APPOS_TOKENS = 4
# Clauses nest through xcomp/ccomp/conj; three levels covers "said that it helped
# negotiate"; deeper nesting is almost always a parse error on a long sentence.
MAX_CLAUSE_DEPTH = 3

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})
VERB_GROUP_DEPS = frozenset({"aux", "auxpass", "neg", "prt"})
OBJECT_DEPS = frozenset({"dobj", "attr", "oprd", "acomp", "dative", "agent"})
CLAUSE_DEPS = frozenset({"xcomp", "ccomp"})
# Dependents that make up a noun phrase's core.
CORE_DEPS = frozenset(
    {"det", "amod", "compound", "poss", "case", "nummod", "quantmod", "neg", "flat", "nmod"}
)
DATE_LABELS = frozenset({"DATE", "TIME"})
# Prepositions that attribute rather than describe ("according to a filing").
ATTRIBUTION_PREPS = frozenset({"according"})

# Letters kept of a word to compare it: five joins inflections ("negotiat-ed/-ions")
# without joining unrelated words in practice; a common truncation-stemming length.
STEM_CHARS = 5
# Shorter words are initials and particles ("al", "US" aside, which mentions cover).
MIN_WORD_CHARS = 3
# Words every outlet uses to report anything; shared, they say nothing about the event.
REPORTING_WORDS = frozenset(
    {"said", "says", "say", "told", "tells", "according", "reported", "reports", "reportedly",
     "announced", "claimed", "added", "stated", "officials", "sources"}
)  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+")


def summarize(
    sent: Any,
    drop: Sequence[tuple[int, int]] = (),
    clause: Any = None,
    skip_tokens: Iterable[int] = (),
) -> str:
    """Shorten the spaCy sentence ``sent`` to "who did what" (at most ``MAX_SUMMARY_WORDS``).

    ``drop`` lists document character ranges to leave out besides spaCy's own dates
    (the time stage's expressions). ``clause`` summarises the clause of that verb
    instead of the sentence's root, borrowing the nearest governing verb's subject when
    it has none ("he took over ... after establishing ..."); ``skip_tokens`` (token
    indices) are left out, such as the other clauses of a split sentence.
    """
    skip = _skipped_tokens(sent, drop) | set(skip_tokens)
    root = sent.root if clause is None else clause
    subject = _borrowed_subject(root)
    if root.pos_ not in ("VERB", "AUX") or not (_subjects(root) or subject is not None):
        return _fallback(sent, skip)
    for with_conj in (True, False):
        for depth in PREP_DEPTHS:
            kept = _clause(root, skip, depth, with_conj, 0)
            if subject is not None:
                kept |= _phrase(subject, skip, depth)
            text = _render(sent, kept)
            if len(text.split()) <= MAX_SUMMARY_WORDS:
                return text
    return _first_words(text)


def _first_words(text: str) -> str:
    return " ".join(text.split()[:MAX_SUMMARY_WORDS]).strip(".,;: ")


def summarize_stretch(sent: Any, start: int, end: int, drop: Sequence[tuple[int, int]]) -> str:
    """The first words of the characters ``[start, end)`` of ``sent`` (an entry of a timeline
    box), without dates and parentheses."""
    outside = {t.i for t in sent if not start <= t.idx < end}
    return _fallback(sent, _skipped_tokens(sent, drop) | outside)


def _fallback(sent: Any, skip: set[int]) -> str:
    """The first words of the sentence without its dates and parentheses."""
    dropped = skip | {t.i for t in sent if t.dep_ == "prep" and _is_date_phrase(t, skip)}
    return _first_words(_render(sent, (t.i for t in sent if t.i not in dropped)))


def _subjects(verb: Any) -> list[Any]:
    return [c for c in verb.children if c.dep_ in SUBJECT_DEPS]


def _borrowed_subject(verb: Any) -> Any:
    """The subject of the nearest verb above a subjectless ``verb``, else None."""
    if _subjects(verb):
        return None
    tok = verb
    while tok.head.i != tok.i:
        tok = tok.head
        subjects = _subjects(tok) if tok.pos_ in ("VERB", "AUX") else []
        if subjects:
            return subjects[0]
    return None


def _skipped_tokens(sent: Any, drop: Sequence[tuple[int, int]]) -> set[int]:
    """Token indices never kept: dates and parenthesised text."""
    skip: set[int] = set()
    depth = 0
    for tok in sent:
        if tok.text == "(":
            depth += 1
        dated = tok.ent_type_ in DATE_LABELS or any(
            s < tok.idx + len(tok.text) and tok.idx < e for s, e in drop
        )
        if depth or dated:
            skip.add(tok.i)
        if tok.text == ")" and depth:
            depth -= 1
    return skip


def _is_date_phrase(tok: Any, skip: set[int]) -> bool:
    """A modifier whose words (past its preposition) are all skipped, like "in 2008"."""
    words = [t for t in tok.subtree if not t.is_punct and t.i != tok.i]
    if tok.dep_ != "prep":
        words.append(tok)
    return bool(words) and all(t.i in skip for t in words)


def _clause(verb: Any, skip: set[int], depth: int, with_conj: bool, level: int) -> set[int]:
    """Tokens of one clause: subject, verb group, complements, governed clauses."""
    kept = {verb.i}
    for child in verb.children:
        dep = child.dep_
        if child.i in skip or _is_date_phrase(child, skip):
            continue
        if dep in SUBJECT_DEPS or dep in OBJECT_DEPS:
            kept |= _phrase(child, skip, depth)
        elif dep in VERB_GROUP_DEPS or (dep == "mark" and level > 0):
            kept.add(child.i)
        elif dep in CLAUSE_DEPS and level < MAX_CLAUSE_DEPTH:
            kept |= _clause(child, skip, depth, with_conj, level + 1)
    kept |= _main_prep(verb, skip, depth)
    if with_conj and level < MAX_CLAUSE_DEPTH:
        kept |= _conjoined(verb, skip, depth, level)
    return kept


def _main_prep(verb: Any, skip: set[int], depth: int) -> set[int]:
    """The first prepositional phrase right of the verb that is not a date."""
    for child in verb.rights:
        if child.dep_ != "prep" or child.lower_ in ATTRIBUTION_PREPS or child.i in skip:
            continue
        if not _is_date_phrase(child, skip):
            return _phrase(child, skip, depth)
    return set()


def _conjoined(verb: Any, skip: set[int], depth: int, level: int) -> set[int]:
    """Verbs coordinated with ``verb`` and the conjunction before each."""
    kept: set[int] = set()
    for child in verb.rights:
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX") and child.i not in skip:
            kept |= _clause(child, skip, depth, True, level + 1)
            kept |= {c.i for c in verb.rights if c.dep_ == "cc" and c.i < child.i}
    return kept


def _phrase(head: Any, skip: set[int], depth: int) -> set[int]:
    """A noun phrase core, or a preposition with its object's core."""
    kept = {head.i}
    for child in head.children:
        if child.i in skip or _is_date_phrase(child, skip):
            continue
        if _keeps(child, depth):
            kept |= _phrase(child, skip, depth - 1 if child.dep_ == "prep" else depth)
        elif child.dep_ in ("conj", "cc") and head.pos_ not in ("VERB", "AUX"):
            kept |= _phrase(child, skip, depth)
    return kept


def _keeps(child: Any, depth: int) -> bool:
    dep = child.dep_
    if dep in CORE_DEPS or dep == "pobj" or dep == "pcomp":
        return True
    if dep == "prep":
        return depth > 0 or child.lower_ == "of"
    if dep == "appos":
        return sum(1 for _ in child.subtree) <= MAX_APPOS_TOKENS
    return False


def _render(sent: Any, kept: Iterable[int]) -> str:
    """The kept tokens in sentence order, spaced as in the sentence."""
    keep = set(kept)
    tokens = list(sent)
    for k, tok in enumerate(tokens[1:-1], start=1):  # glue tokens: "al-Assad", "Smith's"
        before, after = tokens[k - 1], tokens[k + 1]
        if before.i in keep and after.i in keep and not before.whitespace_ and not tok.whitespace_:
            keep.add(tok.i)
    parts: list[str] = []
    for tok in tokens:
        if tok.i in keep:
            glued = tok.i + 1 in keep and not tok.whitespace_
            parts.append(tok.text + ("" if glued else " "))
    return "".join(parts).strip().rstrip(",;:")


def content_words(text: str, exclude: Iterable[str] = ()) -> frozenset[str]:
    """The stems of ``text``'s content words, less those of the ``exclude`` texts.

    A stem is the word's first ``STEM_CHARS`` letters, lowercased: truncation conflates
    "negotiate"/"negotiated"/"negotiations" and "fight"/"fighting" about as well as a
    real stemmer does for matching. Stop words, reporting verbs, numbers and words
    shorter than ``MIN_WORD_CHARS`` are dropped.
    """
    dropped = {w for t in exclude for w in _stems(t)}
    return frozenset(_stems(text) - dropped)


def word_overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Mean of the Jaccard index and the overlap coefficient of two stem sets, in [0, 1].

    Jaccard alone punishes a short report against a long one; the overlap coefficient
    alone lets one shared word make a one-word report identical to anything.
    """
    if not a or not b:
        return 0.0
    shared = len(a & b)
    return (shared / len(a | b) + shared / min(len(a), len(b))) / 2


def _stems(text: str) -> set[str]:
    words = (w.lower() for w in _WORD.findall(text))
    return {
        w[:STEM_CHARS]
        for w in words
        if len(w) >= MIN_WORD_CHARS and w not in STOP_WORDS and w not in REPORTING_WORDS
    }
