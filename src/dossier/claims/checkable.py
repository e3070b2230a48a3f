"""Whether a clause is checkable: a main verb and an actor, and no marks of opinion or
scene-setting (a question, an order, an evaluative copula, an appraisal in the author's voice).
"""

from __future__ import annotations

import re
from typing import Any

from dossier.claims.clauses import SUBJECTS, Clause, main_verb
from dossier.model import Attribution
from dossier.nlp import text_of

# Words that may stand before the verb of a command ("Please don't prove me wrong").
_BEFORE_COMMAND = frozenset({"please", "do", "n't", "not", "never", "just", "now", "so", "and"})
# Linking verbs whose complement is an appraisal, not an event ("seemed invincible").
_LINKING_VERBS = {"seem", "appear", "look", "sound", "feel", "remain", "become"}
# Of them, those whose noun complement is a post or standing ("became president").
_BECOMING = {"become", "remain"}
# Adjectives after a copula that state a checkable fact rather than an appraisal.
FACTUAL_ADJECTIVES = {
    "dead", "alive", "responsible", "present", "absent", "married", "born", "missing", "injured", "wounded", "killed", "detained", "arrested", "free", "able",
}  # fmt: skip
# Words that mark the author's own appraisal; with AUTHOR attribution they make an opinion.
EVALUATIVE_WORDS = {
    "clearly", "obviously", "undoubtedly", "surely", "arguably", "certainly", "brilliant",
    "ruthless", "shrewd", "genius", "legendary", "notorious", "remarkable", "terrible",
    "evil", "heroic", "charismatic", "mastermind", "cunning", "brutal", "best", "worst",
    "greatest", "should", "ought", "must", "perhaps", "seems", "appears",
}  # fmt: skip
# Modal verbs that turn a clause into advice or obligation: opinion, not report.
_OPINION_MODALS = {"should", "ought"}
# Determiners of a thing the story named before: "the plant", "its factory".
# ("This article was amended on 18 June" is a page's note.)
_DEFINITE = frozenset({"the", "its", "their", "his", "her"})
_FIRST_PERSON = {"i", "we"}
# Subjects of "be to": a purpose defined, not an act scheduled ("the aim is to ...").
_PURPOSE_NOUNS = {
    "purpose", "point", "aim", "goal", "idea", "objective", "effect", "task", "job", "role",
    "intention", "hope", "priority", "challenge", "answer", "solution", "problem", "plan",
}  # fmt: skip
_EMPTY_SUBJECTS = {"it", "this", "that", "what"}
# A source that says nothing: "A spokesperson for the NYAG declined to comment", "did not
# immediately respond to a request for comment", "could not be reached". Every story has one,
# so across outlets they look alike and tell nothing; in a short sentence, no claim.
_NO_COMMENT = re.compile(
    r"\b(?:declined|refused)\s+(?:to\s+(?:comment|say|elaborate|discuss)\b|comment)"
    r"|\bdid\s+not\s+(?:immediately\s+)?(?:respond|reply)\s+to\s+(?:\w+\s+){0,4}"
    r"(?:requests?|messages?|calls?|e-?mails?|inquir\w+)"
    r"|\bcould\s+not\s+(?:immediately\s+)?be\s+reached\b"
    r"|\b(?:was|were)\s+not\s+(?:immediately\s+)?available\s+for\s+comment\b",
    re.IGNORECASE,
)
NO_COMMENT_MAX_WORDS = 20
# Cells from which a line written as "| a | b | c |" is a table row.
TABLE_MIN_CELLS = 3


def is_checkable(
    doc: Any, clause: Clause, has_entity: bool, quoted: bool, voiced: bool = False
) -> bool:
    """A clause with a main verb and an entity, neither a question, an order nor an appraisal.

    An appraisal or state ``voiced`` by a speaker the outlet cites, in quotation marks
    ('"Barton's statements were wrong," they said') or reported ("Mullen said the no-fly zone
    was now in place", "a spokesman for Yas Air said all its flights are lawful"), is
    checkable: what the speaker said."""
    verb, text = clause.verb, text_of(doc)[clause.start : clause.end]
    if not has_entity or verb.pos_ not in ("VERB", "AUX") or _is_question(doc, clause):
        return False
    if _is_imperative(verb) or any(c.lower_ in _OPINION_MODALS for c in verb.children):
        return False
    if not voiced and _is_evaluative_copula(main_verb(verb)):
        return False
    subject = [c for c in verb.children if c.dep_ in SUBJECTS]
    return quoted or not (subject and subject[0].lower_ in _FIRST_PERSON and text)


def says_nothing(sent: Any) -> bool:
    """A short sentence in which a source declines to comment (``_NO_COMMENT``)."""
    text: str = sent.text
    return len(text.split()) <= NO_COMMENT_MAX_WORDS and bool(_NO_COMMENT.search(text))


def in_table_row(sent: Any) -> bool:
    """The sentence stands in a table row the extractor wrote out ("| DL | Larry Ogunjobi | 63
    | 85% | 1 tackle (1 combined). |"): a record of data, whose figures count for different
    rows, not a statement."""
    text: str = text_of(sent.doc)
    start = text.rfind("\n", 0, sent.start_char) + 1
    end = text.find("\n", sent.end_char)
    line = text[start : end if end >= 0 else len(text)].strip()
    cells = [cell for cell in line.split("|") if cell.strip()]
    return line.startswith("|") and line.endswith("|") and len(cells) >= TABLE_MIN_CELLS


def is_opinion(doc: Any, clause: Clause) -> bool:
    """The author's appraisal: an evaluative word anywhere in the clause."""
    span = doc.char_span(clause.start, clause.end, alignment_mode="expand")
    return span is not None and any(t.lower_ in EVALUATIVE_WORDS for t in span)


def _is_question(doc: Any, clause: Clause) -> bool:
    tail = text_of(doc)[clause.end : clause.end + 2]
    return "?" in text_of(doc)[clause.start : clause.end] or tail.strip().startswith("?")


def _is_imperative(verb: Any) -> bool:
    """A bare verb opening its sentence with no subject: "Read more", "Please don't forget"."""
    no_subject = not any(c.dep_ in SUBJECTS for c in verb.children)
    before = [t for t in verb.sent if t.i < verb.i and t.is_alpha]
    return bool(
        verb.tag_ == "VB" and no_subject and all(t.lower_ in _BEFORE_COMMAND for t in before)
    )


def _is_evaluative_copula(verb: Any) -> bool:
    """ "X was brilliant", "the enemy of our enemy is our enemy" (no name), "seemed calm"."""
    lemma = verb.lemma_.lower()
    if lemma != "be" and lemma not in _LINKING_VERBS:
        return False
    complements = [c for c in verb.children if c.dep_ in ("acomp", "attr", "oprd")]
    if lemma == "be" and not complements and _scheduled(verb):
        return False  # "is to be run by Feinberg", "is to meet": a scheduled act
    if lemma in _LINKING_VERBS and complements:
        # "became the first Arab leader to urge ...": a new post or standing, not a look
        return not (lemma in _BECOMING and any(c.dep_ == "attr" and c.pos_ in ("NOUN", "PROPN")
                                               for c in complements))  # fmt: skip
    adjectives = [c for c in complements if c.dep_ == "acomp" and c.pos_ == "ADJ"]
    if adjectives and all(_appraising(a) for a in adjectives):
        return True
    return _copula_without_name(verb, complements)


def _scheduled(verb: Any) -> bool:
    """ "The fund is to be run by Feinberg", "its minister is to meet": "be" with an
    infinitive, whose subject is no purpose ("the aim is to ...") nor "it" ("it is in our
    interest to have ...")."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    if subject is None or subject.lower_ in _EMPTY_SUBJECTS:
        return False
    if subject.lemma_.lower() in _PURPOSE_NOUNS:
        return False
    return any(c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") for c in verb.children)


def _appraising(adjective: Any) -> bool:
    """An adjective that appraises: not a fact ("dead", "responsible"), nor one whose
    infinitive carries an act ("was due to make a payment", "is set to meet")."""
    if adjective.lemma_.lower() in FACTUAL_ADJECTIVES:
        return False
    return not any(c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") for c in adjective.children)


def _copula_without_name(verb: Any, complements: list[Any]) -> bool:
    """A copula neither side of which holds a proper name is a maxim, not a report. A
    prepositional predicate is a side ("is among the demands of the Arab League"), unless the
    subject is an empty "it" or "this" ("it is on account of such opinions that ...")."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    predicates = [c for c in verb.children if c.dep_ == "prep" and c.i > verb.i]
    if any(s.lower_ in _EMPTY_SUBJECTS for s in subjects):
        predicates = []
    sides = subjects + complements + predicates
    if not sides:
        return False
    return not any(t.ent_type_ or t.pos_ == "PROPN" for side in sides for t in side.subtree)


def definite_subject(verb: Any) -> bool:
    """The clause's subject is a thing the story named before: "the plant", "its factory",
    "the talks"; not "it", "a man", "something" or "this article"."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.tag_ == "WDT" and verb.dep_ == "relcl":
        subject = verb.head  # "The factory, which opened in 1989, ..."
    return subject is not None and definite(subject)


def definite(noun: Any) -> bool:
    """A noun for a thing the story named before: "the plant", "its factory"."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    return any(c.dep_ in ("det", "poss") and c.lower_ in _DEFINITE for c in noun.children)


def cited_according(doc: Any, attribution: Attribution) -> bool:
    """The attributing words are "according to ...": the source is cited, though no verb of
    the clause reports speech."""
    cue = attribution.cue
    return cue is not None and text_of(doc)[cue.start : cue.end].casefold().startswith("according")
