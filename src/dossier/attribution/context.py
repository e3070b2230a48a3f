"""One article as attribution reads it: its parse, its entity mentions with the label each
name has most often, its paragraphs, and the people a pronoun may stand for."""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from dossier.attribution.gender import gender_of, genders, pronoun_gender
from dossier.attribution.marks import OPENERS
from dossier.nlp import text_of

PERSON = "PERSON"
# Dependency labels of a main clause's verb (a quotation's "said" can head a ccomp).
_MAIN_CLAUSE = frozenset({"ROOT", "ccomp"})
# Marks that open a paragraph of quoted words, which carries on the last speaker's words.
_OPENING_QUOTES = frozenset({*OPENERS, "'"})


def _article_labels(
    text: str, mentions: Sequence[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """Each mention with the label its name has most often in the article: the tagger calls
    "Soleimani" a PERSON seven times and a place three, and a pronoun must still find him. A
    lone word that ends a name the article calls a PERSON is that person's surname. An
    acronym ("BP", "NATO") is no person, whatever the tagger says."""
    votes: dict[str, Counter[str]] = {}
    for start, end, label in mentions:
        name = text[start:end]
        votes.setdefault(name, Counter())["ORG" if _acronym(name) else label] += 1
    label_of = {name: v.most_common(1)[0][0] for name, v in votes.items()}
    # "Hayward" after "Tony Hayward": the tagger often calls a lone surname an organisation.
    surnames = {n.split()[-1] for n, label in label_of.items()
                if label == PERSON and " " in n and not _acronym(n.split()[-1])}  # fmt: skip
    return [
        (s, e, PERSON if text[s:e] in surnames else label_of[text[s:e]]) for s, e, _ in mentions
    ]


def _acronym(name: str) -> bool:
    return name.isupper() and name.isalpha() and len(name) <= 5


def acronym_token(token: Any) -> bool:
    """A word of two to five capitals in a sentence not written in capitals is a name, though
    the tagger may read "WHO" as the pronoun "who" and "US" as "us"."""
    if len(token) < 2 or not _acronym(token.text):
        return False
    return any(t.is_alpha and not t.is_upper for t in token.sent)


@dataclass(frozen=True, slots=True)
class Context:
    """One article: its parsed doc, entity mentions sorted by start, paragraph starts."""

    doc: Any
    document_id: str
    mentions: tuple[tuple[int, int, str], ...]
    paragraph_starts: tuple[int, ...]
    genders: Mapping[str, str]  # surname -> the gender the article marks (``gender``)

    @classmethod
    def build(cls, doc: Any, document_id: str, mentions: Sequence[tuple[int, int, str]]) -> Context:
        text: str = text_of(doc)
        starts = [0]
        at = text.find("\n\n")
        while at >= 0:
            starts.append(at + 2)
            at = text.find("\n\n", at + 2)
        labelled = tuple(sorted(_article_labels(text, mentions)))
        people = [(s, e) for s, e, label in labelled if label == PERSON]
        return cls(doc, document_id, labelled, tuple(starts), genders(doc, people))

    def paragraph_of(self, char: int) -> int:
        return bisect.bisect_right(self.paragraph_starts, char) - 1

    def mention_in(
        self, start: int, end: int, labels: frozenset[str] | None = None, containing: bool = False
    ) -> Any:
        """The first mention inside ``[start, end)`` (or holding ``start``, if ``containing``)."""
        for m_start, m_end, label in self.mentions:
            if labels is not None and label not in labels:
                continue
            if containing and m_start <= start < m_end:
                return (m_start, m_end, label)
            if m_start >= start and m_end <= end and not containing:
                return (m_start, m_end, label)
        return None

    def person_before(self, char: int, pronoun: str = "") -> tuple[int, int, str] | None:
        """The PERSON a pronoun at ``char`` stands for: the last one before it in its
        paragraph or the previous one, preferring one that is a clause's subject, and never
        one the article gives the other gender ("she" is not "Mr Hague"). Paragraphs that
        open with a quotation mark carry on the last speaker's words, so the search goes
        back over them to the paragraph before ("Donaldson said ..." / '"We are going to
        ...' / 'He added: ...')."""
        paragraph = self.paragraph_of(char)
        earlier = max(paragraph - 1, 0)
        while earlier > 0 and self._opens_quote(earlier):
            earlier -= 1
        floor = self.paragraph_starts[earlier]
        people = [m for m in self.mentions if m[2] == PERSON and floor <= m[0] and m[1] <= char]
        wanted, text = pronoun_gender(pronoun), text_of(self.doc)
        if wanted is not None:
            people = [m for m in people
                      if gender_of(self.genders, text[m[0] : m[1]]) in (None, wanted)]  # fmt: skip
        subjects = [m for m in people if self._is_subject(m)]
        found = subjects or people
        return found[-1] if found else None

    def _opens_quote(self, paragraph: int) -> bool:
        start = self.paragraph_starts[paragraph]
        return text_of(self.doc)[start : start + 80].lstrip()[:1] in _OPENING_QUOTES

    def _is_subject(self, mention: tuple[int, int, str]) -> bool:
        """The subject of a main clause, or in apposition to it: "former ambassador Ryan
        Crocker recalled the role which Soleimani played" makes Crocker the one a following
        "he said" means."""
        span = self.doc.char_span(mention[0], mention[1], alignment_mode="expand")
        if span is None:
            return False
        head = span.root.head if span.root.dep_ == "appos" else span.root  # "the envoy, X,"
        if head.dep_ not in {"nsubj", "nsubjpass"}:
            return False
        verb = head.head
        return verb.dep_ in _MAIN_CLAUSE or (verb.dep_ == "conj" and verb.head.dep_ in _MAIN_CLAUSE)
