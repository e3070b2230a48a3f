"""Who a cue points at: the source phrase, the entity mention in it, and its kind.

An article's ``Context`` (its mentions, paragraphs and people) is in ``context``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dossier.attribution import lexicon as lx
from dossier.attribution.context import PERSON, Context, acronym_token
from dossier.attribution.posts import titled_person
from dossier.model import AttributionType
from dossier.nlp import text_of

# Dependents that end a source noun phrase ("officials, who asked not to be named").
_PHRASE_STOP_DEPS = frozenset({"relcl", "appos", "punct", "advcl"})
# Entity types that can speak; NORP ("American") only modifies a source.
_SOURCE_LABELS = frozenset({PERSON, "ORG", "GPE", "FAC"})
_MEDIA_LABELS = frozenset({"ORG", "WORK_OF_ART", "PRODUCT"})
_OWNER_LABELS = frozenset({"NORP", "GPE", "ORG", PERSON})


@dataclass(frozen=True, slots=True)
class Source:
    """A resolved source: its kind, the text and span to show, and how sure we are."""

    type: AttributionType
    text: str | None
    span: tuple[int, int] | None
    confidence: float


def phrase_bounds(head: Any) -> tuple[int, int]:
    """Token range of the noun phrase headed by ``head``, cut at clauses and commas, without
    punctuation at its edges (a closing quotation mark the parser hung on the speaker)."""
    start, end = head.i, head.i + 1
    for child in reversed(list(head.lefts)):
        if child.dep_ in _PHRASE_STOP_DEPS or child.dep_ == "prep" or child.right_edge.text == ",":
            break
        start = child.left_edge.i
    for child in head.rights:
        if child.dep_ in _PHRASE_STOP_DEPS:
            break
        end = child.right_edge.i + 1
    doc = head.doc
    while start < head.i and doc[start].is_punct:
        start += 1
    while end - 1 > head.i and doc[end - 1].is_punct:
        end -= 1
    return start, end


def char_bounds(doc: Any, head: Any) -> tuple[int, int]:
    start, end = phrase_bounds(head)
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])


def classify(ctx: Context, head: Any) -> Source:
    """The kind of source the phrase headed by ``head`` names."""
    lower = head.lower_
    acronym = acronym_token(head)
    if (lower in lx.SUBJECT_PRONOUNS or lower in lx.FIRST_PERSON) and not acronym:
        return _pronoun(ctx, head)
    of = _quantified(head)
    if of is not None:
        return classify(ctx, of)
    owner = _own_words_of(head)
    if owner is not None:
        return _pronoun(ctx, owner)
    named = _named(ctx, head)
    if named is not None:
        return named
    c_start, c_end = char_bounds(ctx.doc, head)
    if is_media_phrase(ctx, c_start, c_end, head):
        return _media(ctx, c_start, c_end)
    titled = titled_person(ctx.doc, head, ctx.mentions)  # "the Libyan leader": Gaddafi
    if titled is not None:
        return _from_mention(ctx, titled, AttributionType.NAMED, lx.CONF_NAMED)
    if _unique_post(head) or _named_body(head):
        return _institution(ctx, c_start, c_end)
    if head.lemma_.lower() in lx.ANONYMOUS_HEADS:
        return _anonymous(ctx.doc, head, c_start, c_end)
    other = ctx.mention_in(c_start, c_end, _SOURCE_LABELS)
    if other is not None:
        conf = lx.CONF_NAMED if other[2] == PERSON else lx.CONF_INSTITUTION
        return _from_mention(ctx, other, AttributionType.NAMED, conf)
    if head.lemma_.lower() in lx.INSTITUTION_HEADS and _owned(head):
        return _institution(ctx, c_start, c_end)
    if (head.pos_ == "PROPN" or acronym) and not _indefinite(head):  # a name NER missed
        return Source(
            AttributionType.NAMED,
            text_of(ctx.doc)[c_start:c_end],
            (c_start, c_end),
            lx.CONF_UNRECOGNISED_NAME,
        )
    if lower in lx.PLURAL_PRONOUNS:  # "They said": the named subject before, else a group
        before = _previous_subject(head)
        named = classify(ctx, before) if before is not None else None
        if named is not None and named.type == AttributionType.NAMED:
            return named
        kind = AttributionType.ANONYMOUS_GROUP
        return Source(kind, head.text, _span(head), lx.CONF_OTHER_SOURCE)
    kind = _unnamed_kind(head)
    return Source(kind, text_of(ctx.doc)[c_start:c_end], (c_start, c_end), lx.CONF_OTHER_SOURCE)


def _indefinite(head: Any) -> bool:
    """ "one neo-bank CEO", "a CEO": a title the tagger took for a name, made indefinite."""
    return any(
        (c.dep_ == "det" and c.lower_ in ("a", "an", "another"))
        or (c.dep_ == "nummod" and c.lower_ == "one")
        for c in head.children
    )


def _quantified(head: Any) -> Any:
    """ "a number of the trainees" -> "trainees"."""
    if head.lemma_.lower() not in lx.QUANTIFIER_HEADS:
        return None
    of = next((c for c in head.rights if c.lower_ == "of"), None)
    return None if of is None else next((c for c in of.children if c.dep_ == "pobj"), None)


def _own_words_of(head: Any) -> Any:
    """The "his" or "her" of a person's own words: "according to his prepared testimony",
    "excerpts of her statement" are that person speaking, as "he said" is."""
    if head.lemma_.lower() in lx.EXCERPT_HEADS:
        of = next((c for c in head.children if c.lower_ == "of"), None)
        head = next((c for c in of.children if c.dep_ == "pobj"), head) if of is not None else head
    if head.lemma_.lower() not in lx.OWN_WORDS:
        return None
    return next((c for c in head.children if c.dep_ == "poss" and c.lower_ in ("his", "her")), None)


def _named(ctx: Context, head: Any) -> Source | None:
    """The entity the head token belongs to, or a person in apposition to it."""
    for token in [head, *(c for c in head.rights if c.dep_ == "appos")]:
        mention = ctx.mention_in(token.idx, token.idx + len(token) + 1, None, containing=True)
        if mention is None or (token is not head and not _apposed(head, mention[2])):
            continue
        if mention[2] == PERSON:
            return _from_mention(ctx, mention, AttributionType.NAMED, lx.CONF_NAMED)
        if is_media_phrase(ctx, mention[0], mention[1], head):
            return _media(ctx, mention[0], mention[1])
        return _from_mention(ctx, mention, AttributionType.NAMED, lx.CONF_INSTITUTION)
    return None


def _apposed(head: Any, label: str) -> bool:
    """A name in apposition names the source: a person ("the envoy, Ryan Crocker,"), or an
    organisation after a common noun ("One manufacturer, GlaxoSmithKline PLC,")."""
    return label == PERSON or (label in _SOURCE_LABELS and head.pos_ == "NOUN")


def is_media_phrase(ctx: Context, start: int, end: int, head: Any) -> bool:
    """An outlet, its reporter or a document: by its head noun ("the newspaper", "a cable";
    not a name ending in one, "the Health Protection Agency") or by a word of its name."""
    common = head.pos_ != "PROPN"
    if common and (head.lemma_.lower() in lx.MEDIA_HEADS or head.lower_ in lx.MEDIA_HEADS):
        return True
    news = any(c.dep_ == "compound" and c.lower_ == "news" for c in head.children)
    if common and news and head.lemma_.lower() in lx.NEWS_BODIES:
        return True  # "the news organization", "a news service"; not a "news conference"
    org = ctx.mention_in(start, end, _MEDIA_LABELS)
    if org is None:
        return False
    words = text_of(ctx.doc)[org[0] : org[1]].lower().replace(".", "").split()
    return any(word in lx.MEDIA_NAME_WORDS for word in words)


def _media(ctx: Context, start: int, end: int) -> Source:
    org = ctx.mention_in(start, end)
    span = (org[0], org[1]) if org is not None else (start, end)
    return Source(AttributionType.MEDIA, text_of(ctx.doc)[span[0] : span[1]], span, lx.CONF_MEDIA)


def _anonymous(doc: Any, head: Any, start: int, end: int) -> Source:
    return Source(_unnamed_kind(head), text_of(doc)[start:end], (start, end), lx.CONF_ANONYMOUS)


def _unnamed_kind(head: Any) -> AttributionType:
    """An unnamed source is a group when its head is plural or names a body of people ("a
    government panel of scientists", "the committee"), else one official."""
    if _plural(head) or head.lemma_.lower() in lx.COLLECTIVE_HEADS:
        return AttributionType.ANONYMOUS_GROUP
    return AttributionType.ANONYMOUS_OFFICIAL


def _previous_subject(pronoun: Any) -> Any:
    """The subject of the sentence before ``pronoun``'s ("Syrian authorities have banned most
    media. They blame ..."), unless it is a pronoun too."""
    start = pronoun.sent.start
    if start == 0:
        return None
    root = pronoun.doc[start - 1].sent.root
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.lower_ in lx.PLURAL_PRONOUNS | lx.SUBJECT_PRONOUNS:
        return None
    return subject


def _institution(ctx: Context, start: int, end: int) -> Source:
    """The phrase as a named source: a post, an owned institution, a named body's members."""
    return Source(
        AttributionType.NAMED, text_of(ctx.doc)[start:end], (start, end), lx.CONF_INSTITUTION
    )


def _named_body(head: Any) -> bool:
    """The members of a named body, all of them speaking as one: "the League's 22 members"
    (not "three Hamas members", nor "a member of the team")."""
    return head.lemma_.lower() == "member" and any(
        c.dep_ == "poss" and (c.ent_type_ in _OWNER_LABELS - {PERSON} or c.pos_ == "PROPN")
        for c in head.children
    )


def _owned(head: Any) -> bool:
    """An institution named by its owner: a nationality or name ("the Libyan military",
    "Syria's ministry") or a possessive ("his government")."""
    return any(
        c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and c.ent_type_ in _OWNER_LABELS)
        for c in head.children
    )


def _unique_post(head: Any) -> bool:
    """A post one person holds, named by its country or organisation: "Russia's foreign
    minister", "the French president"; not "a Syrian minister" or "his adviser"."""
    lemma = head.lemma_.lower()
    if lemma not in lx.UNIQUE_POSTS or head.tag_ not in ("NN", "NNP"):
        return False
    children = list(head.children)
    if any(c.dep_ == "det" and c.lower_ not in ("the", "this") for c in children):
        return False
    owner = [c for c in children if c.ent_type_ in _OWNER_LABELS
             and c.dep_ in ("poss", "amod", "compound")]  # fmt: skip
    portfolio = [c for c in children if c.dep_ in ("amod", "compound") and c not in owner]
    return bool(owner) and (lemma not in lx.PORTFOLIO_POSTS or bool(portfolio))


def _plural(head: Any) -> bool:
    conj = any(child.dep_ == "conj" for child in head.children)
    return head.tag_ in {"NNS", "NNPS"} or head.lower_ == "people" or conj


def _pronoun(ctx: Context, head: Any) -> Source:
    person = ctx.person_before(head.idx, head.lower_)
    if person is None or head.lower_ in lx.FIRST_PERSON:
        kind = AttributionType.ANONYMOUS_OFFICIAL
        return Source(kind, head.text, _span(head), lx.CONF_OTHER_SOURCE)
    return _from_mention(ctx, person, AttributionType.NAMED, lx.CONF_NAMED)


def _from_mention(
    ctx: Context, mention: tuple[int, int, str], kind: AttributionType, confidence: float
) -> Source:
    start, end = mention[0], mention[1]
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    # a name never ends in a verb: "Teresa Nielsen Hayden explained", tagged as one entity
    while span is not None and len(span) > 1 and span[-1].pos_ in ("VERB", "AUX"):
        span = span[:-1]
        end = span.end_char
    return Source(kind, text_of(ctx.doc)[start:end], (start, end), confidence)


def _span(token: Any) -> tuple[int, int]:
    return token.idx, token.idx + len(token)
