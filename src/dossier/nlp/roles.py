"""Roles and titles of people and organisations, read from the dependency parse.

Three constructions, each reliable in news English:
- an apposition: "Ryan Crocker, former U.S. ambassador in Iraq," / "a former spy, Reuel Gerecht,"
  (also where the parser hangs the name beside the title: "to then-commander of U.S. forces in
  Iraq, Gen. David Petraeus,");
- a title before the name: "Syrian President Bashar Assad", "Maj. Gen. Qassem Soleimani";
- a copula: "Soleimani is a national hero".
Honorifics (Mr., Mrs., Messrs.) are not roles; names are not roles ("General Petraeus").
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from dossier.model import Role, Span
from dossier.nlp import text_of

# Labels whose mentions can carry a role.
ROLE_LABELS = {"PERSON", "ORG", "NORP"}
# Longer phrases are clauses, not roles; 14 tokens covers "the international arm of the
# Islamic Revolutionary Guard Corps" while stopping at most run-on appositions.
MAX_ROLE_TOKENS = 14
_HONORIFICS = {"mr", "mrs", "ms", "miss", "messrs", "mr.", "mrs.", "ms.", "messrs.", "sir", "madam"}
# "a man", "the one": a role must say more than that the entity is a person.
_EMPTY_HEADS = {"man", "woman", "person", "one", "people", "figure", "guy"}
# Object relations of the name and the noun before it when the parser misses an apposition.
_OBJECTS = {"pobj", "dobj", "dative", "appos", "npadvmod"}
_PHRASE_POS = {"NOUN", "PROPN", "ADP", "ADJ", "NUM", "DET"}
# Nouns that name a person's post or relation; with _PERSON_ENDINGS ("commander", "ambassador").
_PERSON_NOUNS = frozenset({
    "chief", "head", "envoy", "deputy", "aide", "official", "general", "admiral", "colonel",
    "chair", "secretary", "spokesman", "spokeswoman", "son", "daughter", "wife", "husband",
    "cleric", "imam", "king", "queen", "prince", "emir", "sheikh", "judge", "analyst", "expert",
})  # fmt: skip
_PERSON_ENDINGS = ("er", "or", "ist", "ian", "ant", "man", "woman", "ee", "ary", "ent")
_CLAUSE_STARTS = {"who", "which", "that", "whose", "whom", "where", "when"}
_EDGE_PUNCT = " ,;:—–-\"'“”‘’()"


def extract_roles(doc: Any, document_id: str) -> Iterator[Role]:
    """Yield roles for every named entity of ``doc`` (a spaCy Doc) that has one."""
    for ent in doc.ents:
        if ent.label_ not in ROLE_LABELS:
            continue
        for start, end in _role_token_spans(doc, ent):
            role = _trim(doc, start, end)
            if role is not None:
                mention = Span(document_id, ent.start_char, ent.end_char)
                yield Role(
                    mention, Span(document_id, role[0], role[1]), text_of(doc)[role[0] : role[1]]
                )


def _role_token_spans(doc: Any, ent: Any) -> Iterator[tuple[int, int]]:
    root = ent.root
    for child in root.children:  # "X, the commander of Y,"
        if child.dep_ == "appos" and child.pos_ == "NOUN" and child.i >= ent.end:
            yield _until_clause(doc, child.left_edge.i, child.right_edge.i + 1)
    head = root.head
    if root.dep_ == "appos" and head.pos_ == "NOUN" and head.i < ent.start:  # "a spy, X,"
        yield head.left_edge.i, ent.start
    comma = root.left_edge.i - 1  # "to the commander of Y, X": X parsed beside, not under, it
    if comma > 0 and doc[comma].text == "," and root.dep_ in _OBJECTS:
        noun = _title_before(doc, comma, _governor(root))
        if noun is not None:
            yield noun.left_edge.i, comma
    titles = [t for t in root.lefts if t.i < ent.start and t.dep_ in ("compound", "nmod", "amod")]
    if titles and any(t.pos_ in ("NOUN", "PROPN") for t in titles):  # "Syrian President X"
        yield titles[0].left_edge.i, ent.start
    if root.dep_ == "nsubj" and head.lemma_ == "be":  # "X is a national hero"
        for attr in head.children:
            if attr.dep_ == "attr" and attr.pos_ == "NOUN" and attr.i > root.i:
                yield _until_clause(doc, attr.left_edge.i, attr.right_edge.i + 1)


def _title_before(doc: Any, comma: int, governor: Any) -> Any:
    """The person noun whose phrase ends right before ``comma`` and hangs from the same word
    as the name ("commander" in "sent to then-commander of U.S. forces in Iraq, Gen. X"), or
    None. Person nouns are told by their endings ("-er", "-or", "-ist") or ``_PERSON_NOUNS``;
    without that test "held talks with the envoy, X" would make "talks" a role."""
    node = doc[comma - 1]
    while node.right_edge.i <= comma:
        if node.pos_ == "NOUN" and node.dep_ in _OBJECTS and _governor(node) == governor:
            return node if _is_person_noun(node) else None
        if node.head.i == node.i or node.head.i > comma or node.head.pos_ not in _PHRASE_POS:
            return None
        node = node.head
    return None


def _governor(token: Any) -> Any:
    """The word a token hangs from, through a preposition: "sent" for "sent [to] X"."""
    head = token.head
    return head.head if head.pos_ == "ADP" else head


def _is_person_noun(token: Any) -> bool:
    lemma = token.lemma_.lower()
    return lemma in _PERSON_NOUNS or lemma.endswith(_PERSON_ENDINGS)


def _until_clause(doc: Any, start: int, end: int) -> tuple[int, int]:
    for token in doc[start:end]:
        if token.i > start and (token.lower_ in _CLAUSE_STARTS or token.dep_ in ("relcl", "acl")):
            return start, token.i
    return start, end


def _trim(doc: Any, start: int, end: int) -> tuple[int, int] | None:
    """Character range of the role, or None when what is left is no role."""
    tokens = [t for t in doc[start:end] if not t.is_space]
    while tokens and (tokens[-1].is_punct or tokens[-1].text in _EDGE_PUNCT):
        tokens.pop()
    while tokens and (tokens[0].is_punct or tokens[0].text in _EDGE_PUNCT):
        tokens.pop(0)
    if not tokens or len(tokens) > MAX_ROLE_TOKENS:
        return None
    if all(t.lower_ in _HONORIFICS for t in tokens):
        return None
    content = [t for t in tokens if not (t.is_stop or t.is_punct)]
    if all(t.lower_ in _EMPTY_HEADS for t in content):
        return None
    if not any(t.pos_ in ("NOUN", "PROPN") for t in tokens) or any(
        t.ent_type_ == "PERSON" for t in tokens
    ):
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
