"""Attribution cues inside one sentence, read off the dependency parse."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from dossier.attribution import lexicon as lx
from dossier.attribution.sources import Context, Source, char_bounds, classify, is_media_phrase
from dossier.model import AttributionType
from dossier.nlp import text_of

# Dependents that show a reporting verb reports something (a clause, a quote, an object).
_CONTENT_DEPS = frozenset({"ccomp", "xcomp", "parataxis", "dobj", "advcl"})
_NEGATIONS = frozenset({"not", "never", "neither", "n't", "nor"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Dependencies of a verb without a subject that speaks for its head's subject.
_BORROWING = frozenset({"conj", "advcl", "xcomp"})
# A reporting verb this close (characters) to a quotation reports it: ", he added".
QUOTE_NEAR_CHARS = 25
# Speakers whose report of finding nothing is a denial (``_finds_nothing``).
_DENYING = frozenset({AttributionType.NAMED, AttributionType.SUBJECT,
                      AttributionType.ANONYMOUS_OFFICIAL, AttributionType.ANONYMOUS_GROUP})  # fmt: skip
# Verbs of opinion: "I see him as…" is the speaker's view of another, not about himself.
_OPINION_VERBS = frozenset({"see", "think", "believe", "consider", "regard", "feel", "find"})


@dataclass(frozen=True, slots=True)
class Cue:
    """One attributing construction: its source and the attributing words."""

    source: Source
    cue: tuple[int, int]
    verb: Any = None  # the reporting verb token, when there is one
    speaker: Any = None  # the head token of the speaker phrase, when there is one

    def retyped(self, kind: AttributionType, confidence: float) -> Cue:
        src = self.source
        return Cue(Source(kind, src.text, src.span, confidence), self.cue, self.verb, self.speaker)


def inside(char: int, ranges: Sequence[tuple[int, int]]) -> bool:
    return any(start <= char < end for start, end in ranges)


def token_span(token: Any) -> tuple[int, int]:
    return token.idx, token.idx + len(token)


def find_cue(ctx: Context, sent: Any, quotes: Sequence[tuple[int, int]]) -> Cue | None:
    """The strongest cue of the sentence: a denial, "according to", a reporting verb."""
    for finder in (_denial, _according_to, _reporting, _passive, _hedge_word, _author):
        cue = finder(ctx, sent, quotes)
        if cue is not None:
            return cue
    return None


def reporting_verbs(sent: Any, quotes: Sequence[tuple[int, int]]) -> Iterator[tuple[Any, Any]]:
    """(verb, subject head) for each reporting verb outside quotation marks. The speaker
    of "the agency quoted Moussa as saying" is the one quoted."""
    text: str = text_of(sent.doc)
    for token in sent:
        if token.lemma_.lower() not in lx.REPORTING_VERBS or token.pos_ not in {"VERB", "AUX"}:
            continue
        if inside(token.idx, quotes) or _negated(token):
            continue
        quoted = token.lemma_.lower() == "quote"
        subject = next((c for c in token.children if c.dep_ == "dobj"), None) if quoted else None
        subject = subject if subject is not None else _subject(token)
        if subject is None or inside(subject.idx, quotes) or subject.tag_ == "WDT":
            continue  # "an assault that showed how close ...": a thing, not a speaker
        if _reports_content(token, _near_quote(text, token, quotes)) or _closing_tag(
            token, subject
        ):
            yield token, subject


def _subject(verb: Any) -> Any:
    """The verb's subject. A verb without one speaks for the subject of the verb it hangs
    on: coordinated ("Syria will be suspended ... and has said it will not attend"), a
    participle ("distanced themselves from BP, saying ...") or after a preposition
    ("followed the statement by announcing ..."), unless the phrase just before it is its
    misparsed speaker (``_phrase_before``). Naming verbs never borrow: "pay into the fund,
    called an escrow fund"; nor do passives."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    if subject is not None or passive or verb.lemma_.lower() in lx.NAMING_VERBS:
        return subject  # "was reported to have launched": no speaker
    before = _phrase_before(verb)
    if before is not None:
        return before
    head = verb
    for _ in range(3):
        if head.dep_ == "pcomp" and head.head.pos_ == "ADP":
            head = head.head
        elif head.dep_ not in _BORROWING:
            return None
        head = head.head
        subject = next((c for c in head.children if c.dep_ in _SUBJECT_DEPS), None)
        if subject is not None:
            return subject
    return None


def _phrase_before(verb: Any) -> Any:
    """The noun phrase just before a subjectless verb, which the parser hung on something
    else as an apposition or a conjunct: "..., a spokesman for the Italian leader said"
    ("spokesman" in apposition to "Libya"), "... and Foreign Minister Alain Juppe said"."""
    if verb.i == verb.sent.start or verb.dep_ not in ("ROOT", "conj"):
        return None
    token = verb.doc[verb.i - 1]
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    for _ in range(4):
        if token.dep_ in ("appos", "conj"):
            return token
        if token.dep_ not in ("pobj", "prep"):
            return None
        token = token.head
    return None


def _near_quote(text: str, verb: Any, quotes: Sequence[tuple[int, int]]) -> bool:
    """ "“…,” he added" or "he added: “…”", not "added Iran to his ‘Axis of Evil’"."""
    for start, end in quotes:
        if 0 <= verb.idx - end <= QUOTE_NEAR_CHARS:
            return True
        between = text[verb.idx + len(verb) : start]
        if 0 <= len(between) <= QUOTE_NEAR_CHARS and ("," in between or ":" in between):
            return True
    return False


def _reports_content(verb: Any, near_quote: bool) -> bool:
    deps = {child.dep_ for child in verb.children}
    if verb.lemma_.lower() in lx.NAMING_VERBS:
        return "oprd" in deps
    if verb.lemma_.lower() in lx.WEAK_REPORTING_VERBS:
        return near_quote or bool(deps & {"ccomp", "parataxis"}) or verb.dep_ == "parataxis"
    return near_quote or bool(deps & _CONTENT_DEPS) or verb.dep_ in {"parataxis", "ccomp"}


def _closing_tag(verb: Any, subject: Any) -> bool:
    """ "..., the Associated Press reports.": a comma, the speaker and the verb end the
    sentence, whatever the parser hung the verb on."""
    if any(not t.is_punct and not t.is_space for t in verb.doc[verb.i + 1 : verb.sent.end]):
        return False
    first = subject.left_edge.i
    return bool(subject.i < verb.i and first > verb.sent.start and verb.doc[first - 1].text == ",")


def _negated(token: Any) -> bool:
    return any(child.lower_ in _NEGATIONS for child in token.children)


def _denial(ctx: Context, sent: Any, quotes: Sequence[tuple[int, int]]) -> Cue | None:
    for token in sent:
        if token.lemma_.lower() not in lx.DENIAL_VERBS or token.pos_ != "VERB":
            continue
        if inside(token.idx, quotes) or _negated(token):
            continue
        subject = next((c for c in token.children if c.dep_ in _SUBJECT_DEPS), None)
        if subject is None or subject.dep_ == "nsubjpass":
            continue
        source = classify(ctx, subject)
        cue = Cue(source, token_span(token), token, subject)
        return cue.retyped(AttributionType.DENIAL, lx.CONF_DENIAL)
    return None


def _according_to(ctx: Context, sent: Any, quotes: Sequence[tuple[int, int]]) -> Cue | None:
    """ "according to X", or "by X's count" ("by a U.N. count", "by Reuters' tally")."""
    for token in sent:
        if token.lower_ == "by" and not inside(token.idx, quotes):
            cue = _by_count(ctx, token)
            if cue is not None:
                return cue
        if token.lower_ != "according" or inside(token.idx, quotes):
            continue
        to = next((c for c in token.children if c.lower_ == "to"), None)
        if to is None and token.i + 1 < sent.end and token.nbor().lower_ == "to":
            to = token.nbor()
        if to is None:
            continue
        obj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if obj is None:
            continue
        source = classify(ctx, obj)
        return Cue(source, (token.idx, to.idx + len(to)), None, obj)
    return None


def _by_count(ctx: Context, by: Any) -> Cue | None:
    """The source of "by X's count" on the main verb; deeper, it sources only the clause
    it sits in ("to end bloodshed that has cost 3,500 lives, by a U.N. count")."""
    if by.head.i != by.sent.root.i:
        return None
    obj = next((c for c in by.children if c.dep_ == "pobj"), None)
    if obj is None or obj.lemma_.lower() not in lx.TALLY_NOUNS:
        return None
    owner = next(
        (c for c in obj.children
         if c.dep_ in ("compound", "poss", "nmod", "amod") and (c.ent_type_ or c.pos_ == "PROPN")),
        None,
    )  # fmt: skip
    if owner is None:
        return None
    return Cue(classify(ctx, owner), (by.idx, obj.idx + len(obj)), None, owner)


def _reporting(ctx: Context, sent: Any, quotes: Sequence[tuple[int, int]]) -> Cue | None:
    found = list(reporting_verbs(sent, quotes))
    if not found:
        return None
    verb, subject = min(found, key=lambda pair: (pair[0].dep_ != "ROOT", pair[0].i))
    source = classify(ctx, subject)
    cue = Cue(source, token_span(verb), verb, subject)
    media = _media_addressee(ctx, verb)
    if media is not None and subject.lower_ in lx.SUBJECT_PRONOUNS | lx.PLURAL_PRONOUNS:
        return Cue(media, token_span(verb), verb, subject)
    if source.type in _DENYING and _finds_nothing(verb, subject):
        return cue.retyped(AttributionType.DENIAL, lx.CONF_DENIAL)
    if source.type == AttributionType.NAMED and _speaks_of_self(verb, quotes):
        return cue.retyped(AttributionType.SUBJECT, source.confidence)
    return cue


def _finds_nothing(verb: Any, subject: Any) -> bool:
    """The speaker reports finding nothing: "said he had seen no evidence of ...", "adding:
    'I've seen no reports of ...'", "There is nothing I have seen that suggests ...". Not
    when he tells someone what he found no evidence of: "We could find no evidence you paid
    any attention to the risks" charges the listener."""
    speaker = {t.i for t in subject.subtree}
    for token in verb.subtree:
        if token.i in speaker:
            continue
        found = token.head.lemma_.lower() in lx.FINDING_VERBS
        none = any(c.dep_ == "det" and c.lower_ == "no" for c in token.children)
        if token.lemma_.lower() in lx.EVIDENCE_NOUNS and found and none:
            return not any(t.lower_ == "you" for t in token.subtree)
        if token.lower_ == "nothing":
            near = [token.head, *token.children]
            if any(t.lemma_.lower() in lx.SUGGESTING_VERBS for t in near):
                return True
    return False


def _media_addressee(ctx: Context, verb: Any) -> Source | None:
    """The outlet a source spoke to: "told the BBC"."""
    for child in verb.children:
        if child.dep_ in {"dative", "dobj", "iobj"}:
            c_start, c_end = char_bounds(ctx.doc, child)
            if is_media_phrase(ctx, c_start, c_end, child):
                return classify(ctx, child)
    return None


def _speaks_of_self(verb: Any, quotes: Sequence[tuple[int, int]]) -> bool:
    """ "X said he …", or a quotation in which the speaker says "I did …"."""
    for child in verb.children:
        if child.dep_ not in {"ccomp", "xcomp", "parataxis"}:
            continue
        inner = next((c for c in child.children if c.dep_ in _SUBJECT_DEPS), None)
        if inner is None:
            continue
        if inner.lower_ in {"he", "she"} and not inside(inner.idx, quotes):
            return True
        opinion = child.lemma_.lower() in _OPINION_VERBS
        if inner.lower_ in {"i", "we"} and inner.tag_ == "PRP" and not opinion:
            return True
    return False


def _passive(ctx: Context, sent: Any, quotes: Sequence[tuple[int, int]]) -> Cue | None:
    for token in sent:
        if token.lemma_.lower() not in lx.HEDGE_PASSIVES or inside(token.idx, quotes):
            continue
        deps = {child.dep_ for child in token.children}
        if "auxpass" not in deps or not _hedging_passive(token, deps):
            continue
        agent = next((c for c in token.children if c.dep_ == "agent"), None)
        obj = None if agent is None else next((c for c in agent.children if c.dep_ == "pobj"), None)
        if obj is not None:
            return Cue(classify(ctx, obj), token_span(token), token, obj)
        hedge = Source(AttributionType.HEDGED, None, None, lx.CONF_HEDGED)
        return Cue(hedge, token_span(token), token, None)
    return None


def _hedging_passive(token: Any, deps: set[str]) -> bool:
    if token.lemma_.lower() == "credit":
        return True
    expletive = any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in token.children)
    return expletive or bool(deps & {"xcomp", "ccomp"})


def _hedge_word(ctx: Context, sent: Any, quotes: Sequence[tuple[int, int]]) -> Cue | None:
    for token in sent:
        if token.lower_ in lx.HEDGE_WORDS and not inside(token.idx, quotes):
            if token.dep_ == "amod":  # "indicted him for his alleged role": the charge, not
                continue  # the claim, is hedged
            hedge = Source(AttributionType.HEDGED, None, None, lx.CONF_HEDGED)
            return Cue(hedge, token_span(token))
    return None


def _author(ctx: Context, sent: Any, quotes: Sequence[tuple[int, int]]) -> Cue | None:
    author = Source(AttributionType.AUTHOR, None, None, lx.CONF_AUTHOR)
    for token in sent:
        if inside(token.idx, quotes):
            continue
        if token.lower_ in lx.AUTHOR_ADVERBS and token.dep_ == "advmod":
            return Cue(author, token_span(token))
        if token.tag_ in {"PRP", "PRP$"} and _first_person(token):
            return Cue(author, token_span(token))
    lowered = sent.text.lower()
    for phrase in lx.AUTHOR_PHRASES:
        at = lowered.find(phrase)
        if at >= 0 and not inside(sent.start_char + at, quotes):
            start = sent.start_char + at
            return Cue(author, (start, start + len(phrase)))
    return None


def _first_person(token: Any) -> bool:
    return token.lower_ in lx.FIRST_PERSON and token.text not in {"US", "Us"}
