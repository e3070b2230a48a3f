"""Stage 6, claims: one record per checkable clause, with its slots and its source.

Main clauses, and asides after a name that are dated ("Russia and China, which last month
vetoed a draft") or name a post ("Soleimani, who heads Iran's elite Quds Force"), whose names
then include the antecedent's, and an opening "with" phrase with a verb of its own ("With
300 people killed in the fighting, ...", ``asides.absolute``). A clause that counts different
things ("infecting 27,700 people and killing 140") is one claim per count (``facets``).

A claim is a clause with a main verb, at least one entity mention (or a count of something,
or a speaker the outlet cites, named or not, for what the speaker said), and no marks of opinion
or scene-setting (questions, imperatives, evaluative copulas, the author's own appraisals),
in a sentence that holds no comment-form chrome (``COMMENT_FORM``) and is no credit line
("(Reporting by X; Editing by Y)", "X contributed to this report": ``CREDIT_LINE``) nor a
print note glued into a paragraph (``PRINT_NOTE``) nor a
short refusal to comment (``checkable.says_nothing``) nor a row of a table
(``checkable.in_table_row``).
Its slots: the actors (mentions that are not places), the predicate (lemmatised verb, particle
and object head), the date attached to the main verb, places, quantities, the sentence's
attribution and the direct quotation it overlaps.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
from collections.abc import Sequence
from typing import Any

from dossier.attribution import attribute_clause
from dossier.attribution import lexicon as lx
from dossier.attribution.content import inside
from dossier.claims.asides import absolute, asides, cut_off, subordinate_clauses
from dossier.claims.checkable import (
    cited_according,
    definite_subject,
    in_table_row,
    is_checkable,
    is_opinion,
    says_nothing,
)
from dossier.claims.clauses import (
    REPORTING_VERBS,
    Clause,
    main_verb,
    split_clauses,
    trim_start,
    verb_chain,
)
from dossier.claims.facets import count_facets
from dossier.claims.quantities import TIME_UNITS, find_quantities
from dossier.claims.slots import (
    clause_time,
    dated_light_verb,
    predicate,
    split_places,
    token_at,
)
from dossier.clean.signals import COMMENT_FORM, CREDIT_LINE, PRINT_NOTE
from dossier.model import (
    Attribution,
    AttributionType,
    Claim,
    Quantity,
    Span,
    TimeExpr,
    TimeKind,
)
from dossier.nlp import text_of

log = logging.getLogger(__name__)

__all__ = ["claim_id", "extract_claims"]

# Confidence of the fallback attribution given to a sentence the attribution stage skipped.
UNATTRIBUTED_CONFIDENCE = 0.5
# Verbs of holding a post: an undated aside with one names a checkable role.
_ROLE_VERBS = frozenset({"head", "lead", "command", "run", "chair", "direct", "oversee"})
# Whose source a clause takes (``_scope``).
_SENTENCE, _OWN, _NONE = "sentence", "own", "none"
# Sources that are only a pronoun no name was found for ("he said"): nobody the outlet cites.
_PRONOUN_SOURCES = lx.SUBJECT_PRONOUNS | lx.PLURAL_PRONOUNS | {"it", "we", "i", "you"}
# Attributions to a speaker the text names ("Hayward said", "he said" after a name).
_NAMED_SPEAKERS = {AttributionType.NAMED, AttributionType.SUBJECT, AttributionType.DENIAL}
# Attributions to a speaker, named or not ("a spokesman for Yas Air said").
_SPEAKERS = _NAMED_SPEAKERS | {
    AttributionType.ANONYMOUS_OFFICIAL, AttributionType.ANONYMOUS_GROUP, AttributionType.MEDIA,
}  # fmt: skip


def claim_id(document_id: str, start: int, end: int) -> str:
    digest = hashlib.sha256(f"{document_id}\x1f{start}\x1f{end}".encode()).hexdigest()
    return "c" + digest[:12]


def extract_claims(
    doc: Any,
    document_id: str,
    attributions: Sequence[Attribution],
    quote_spans: Sequence[tuple[int, int]],
    times: Sequence[TimeExpr],
    mentions: Sequence[tuple[int, int, str]],
) -> list[Claim]:
    """Every checkable clause of the parsed article ``doc``, in text order."""
    claims = []
    for sent in doc.sents:
        chrome = any(p.search(sent.text) for p in (COMMENT_FORM, CREDIT_LINE, PRINT_NOTE))
        if chrome or says_nothing(sent) or in_table_row(sent):
            continue
        attribution = _attribution(document_id, sent, attributions)
        beside = subordinate_clauses(sent)
        clauses = [*cut_off(split_clauses(sent), beside, sent), *asides(sent), *beside]
        opening = absolute(sent)  # "With 300 people killed, ...": left in its main clause too
        for clause in clauses if opening is None else [*clauses, opening]:
            scope = _scope(doc, clause, attribution, quote_spans)
            scoped = attribution if scope == _SENTENCE else None
            if scope == _OWN:
                bounds = (clause.start, clause.end)
                scoped = attribute_clause(doc, document_id, mentions, bounds, quote_spans)
            scoped = scoped or _unattributed(Span(document_id, clause.start, clause.end))
            counts = _quantities(doc, document_id, clause, times, mentions)
            parts = count_facets(sent, clause, counts)
            for part in parts:
                whole = clause if part is not parts[0] else None
                found = (
                    counts
                    if part is clause
                    else _quantities(doc, document_id, part, times, mentions)
                )
                claim = _claim(doc, document_id, part, scoped, quote_spans, times, mentions,
                               found, whole)  # fmt: skip
                if claim is not None:
                    claims.append(claim)
    log.debug("%s: %d claims", document_id, len(claims))
    return claims


def _claim(
    doc: Any,
    document_id: str,
    clause: Clause,
    attribution: Attribution,
    quote_spans: Sequence[tuple[int, int]],
    times: Sequence[TimeExpr],
    mentions: Sequence[tuple[int, int, str]],
    quantities: Sequence[Quantity],
    whole: Clause | None = None,
) -> Claim | None:
    """The claim of ``clause`` with its ``quantities`` (``_quantities``), or None when it is
    not checkable. A count's part of a clause (``facets``) takes the ``whole`` clause's date
    when it has none of its own."""
    start = trim_start(text_of(doc), clause.start, clause.end)
    if start >= clause.end:
        return None
    clause = dataclasses.replace(clause, start=start) if start != clause.start else clause
    ranges = [(clause.start, clause.end), clause.antecedent or (0, 0), clause.subject or (0, 0)]
    inside = [m for m in mentions if any(s <= m[0] and m[1] <= e for s, e in ranges)]
    # The part of a quotation inside the clause: one sentence of a longer quotation is
    # compared with another outlet's quote of that sentence, not of the whole speech.
    quote = next(
        ((max(s, clause.start), min(e, clause.end)) for s, e in quote_spans
         if s < clause.end and clause.start < e),
        None,
    )  # fmt: skip
    # A count of something is checkable even with no named entity ("killed 48 people").
    counted = any(q.unit and q.unit not in TIME_UNITS for q in quantities)
    counted = counted or (whole is not None and bool(quantities))  # a count's part of a clause
    # "He said he had made safety improvements": a speaker the text names is the claim's
    # actor, in the words he is quoted or reported to have said; so is a speaker the outlet
    # cites without a name ("The move was not prompted by any one country, officials said",
    # "Experts have warned that poorer nations face the greatest risk"), but not a bare "he".
    named = attribution.type in _NAMED_SPEAKERS and attribution.source_span is not None
    spoken = quote is not None or _reports(clause.verb)
    speaker = attribution.type in _SPEAKERS and attribution.source is not None
    voiced = spoken and speaker
    # "The talks began in 2019, according to the ministry" is cited as "..., the ministry said"
    cited = (voiced or (speaker and cited_according(doc, attribution))) and str(
        attribution.source
    ).casefold() not in _PRONOUN_SOURCES
    chain = verb_chain(clause.verb)
    verb = chain[-1]
    time = clause_time(doc, times, clause.start, clause.end, verb, clause.antecedent is not None)
    # "The plant opened in 1987": an act of a thing the story named before, on a calendar date
    # (not "now" nor "recently"), is checkable
    dated = (
        time is not None and time.kind is TimeKind.DATE and time.value[:1].isdigit()
        and definite_subject(clause.verb)
    )  # fmt: skip
    actor = bool(inside) or counted or (named and spoken) or cited or dated
    if not is_checkable(doc, clause, actor, quote is not None, voiced):
        return None
    if _is_appraisal(attribution, verb) and is_opinion(doc, clause):
        return None
    if time is None and whole is not None:
        time = clause_time(doc, times, whole.start, whole.end, main_verb(whole.verb))
    if clause.antecedent is not None and time is None and not _role(verb):
        return None  # an undated aside is description ("Mousavian, who is now at Princeton")
    actors, places = split_places(doc, document_id, inside)
    # A date on the light verb dates that act: "decided last week to suspend" is a decision.
    light = dated_light_verb(doc, time, chain)
    act = predicate(verb, {s for s, _, _ in inside})
    return Claim(
        id=claim_id(document_id, clause.start, clause.end),
        sentence=Span(document_id, clause.start, clause.end),
        text=text_of(doc)[clause.start : clause.end],
        actors=actors,
        predicate=f"{light} {act}" if light else act,
        time=time.span if time is not None else None,
        places=places,
        quantities=tuple(quantities),
        attribution=attribution,
        quote=Span(document_id, *quote) if quote is not None else None,
    )


def _quantities(
    doc: Any,
    document_id: str,
    clause: Clause,
    times: Sequence[TimeExpr],
    mentions: Sequence[tuple[int, int, str]],
) -> list[Quantity]:
    """The clause's quantities, leaving out numbers inside dates and names."""
    skip = [(t.span.start, t.span.end) for t in times]
    skip += [(s, e) for s, e, _ in mentions if clause.start <= s and e <= clause.end]
    return find_quantities(doc, document_id, clause.start, clause.end, skip)


def _role(verb: Any) -> bool:
    """An aside that names the post its name holds: "Soleimani, who heads Iran's elite Quds
    Force" (a checkable fact other outlets report), not "who teaches at Princeton"."""
    return verb.lemma_.lower() in _ROLE_VERBS and any(c.dep_ == "dobj" for c in verb.children)


def _reports(verb: Any) -> bool:
    """The clause reports speech: a verb that only reports ("said"), or a verb of speech with
    a clause of what was said ("Experts have warned that poorer nations face ...")."""
    lemma = verb.lemma_.lower()
    if lemma in REPORTING_VERBS:
        return True
    return lemma in lx.REPORTING_VERBS and any(c.dep_ == "ccomp" for c in verb.children)


def _is_appraisal(attribution: Attribution, verb: Any) -> bool:
    """The author's voice: AUTHOR attribution, or an unattributed copula ("X is a genius")."""
    if attribution.type == AttributionType.AUTHOR:
        return True
    return attribution.type == AttributionType.UNATTRIBUTED and verb.lemma_.lower() == "be"


def _attribution(document_id: str, sent: Any, attributions: Sequence[Attribution]) -> Attribution:
    """The attribution of the sentence: the exact span, else the one overlapping it most."""
    start, end = sent.start_char, sent.end_char
    best, overlap = None, 0
    for a in attributions:
        if a.sentence.document_id != document_id:
            continue
        shared = min(end, a.sentence.end) - max(start, a.sentence.start)
        if shared > overlap:
            best, overlap = a, shared
    if best is not None:
        return best
    return _unattributed(Span(document_id, start, end))


def _unattributed(span: Span) -> Attribution:
    return Attribution(
        span, AttributionType.UNATTRIBUTED, None, None, None, UNATTRIBUTED_CONFIDENCE
    )


def _scope(
    doc: Any, clause: Clause, attribution: Attribution, quotes: Sequence[tuple[int, int]]
) -> str:
    """Whose source this clause takes: the sentence's (``_SENTENCE``), its own reporting
    verb's (``_OWN``) or none (``_NONE``). A verb cue reports the main clause it stands in,
    what hangs under its content, a coordinated complement ("..., but that Assad was
    courting trouble") and quoted words; not a coordinated clause beside it ("France
    withdrew its ambassador and Juppe said ...", which has its own source when its verb
    reports: "Israel blames ...; U.S. officials have blamed ...") nor an aside on its
    speaker ("China, which also vetoed the proposal, said ..."). Other cues ("according
    to", "reportedly", a cue in the sentence before) cover every clause."""
    if inside(clause.start, quotes):
        return _SENTENCE
    if clause.own_source:
        return _OWN
    if clause.outlets_own:
        return _NONE
    cue = attribution.cue
    verb = token_at(doc, cue.start) if cue is not None else None
    if verb is None or not verb.sent.start_char <= clause.start < verb.sent.end_char:
        return _SENTENCE
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in lx.REPORTING_VERBS:
        return _SENTENCE
    if clause.antecedent is None:
        held = clause.start <= verb.idx < clause.end
        if held or any(c.dep_ == "mark" for c in clause.verb.children):
            return _SENTENCE
        return _OWN if clause.verb.lemma_.lower() in lx.REPORTING_VERBS else _NONE
    token = clause.verb
    while token.head.i not in (token.i, verb.i):
        token = token.head
    reported = token.head.i == verb.i and token.dep_ not in ("nsubj", "nsubjpass")
    return _SENTENCE if reported else _NONE
