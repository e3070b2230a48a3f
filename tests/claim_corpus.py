"""Invented articles run through stages 5-7, as stage 9 (corroboration) receives them."""

from __future__ import annotations

from typing import Any

from dossier.claims import extract_claims
from dossier.corroboration import ClaimGroup, ClaimRef, group_claims
from dossier.corroboration.stage import source_actors
from dossier.corroboration.subject import referent
from dossier.embed import shared_embedder
from dossier.model import Attribution, AttributionType, DatePrecision, PublishedDate, Span, TimeExpr
from dossier.nlp.roles import extract_roles
from dossier.time import extract_times

PUBLISHED = PublishedDate("2020-06-01", DatePrecision.DAY)
ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
FILLER = (
    "The weather in the region was mild that week, and markets opened late on Monday after a "
    "holiday. Farmers brought their harvest to the old square, where a band played until dusk. "
    "Local schools announced new timetables for the autumn term, and the library extended its hours. "
    "A new bridge over the river is due to open in spring, the council said, after years of "
    "delays caused by floods and a shortage of steel. Residents welcomed the news but asked for "
    "more buses on the northern routes, which have been crowded since the factory reopened."
)


class Corpus:
    """Invented articles: their texts, claims and time expressions, as stage 9 receives them."""

    def __init__(self, nlp: Any) -> None:
        self.nlp, self.refs, self.texts = nlp, [], {}  # type: ignore[var-annotated]
        self.time_of: dict[tuple[str, int, int], TimeExpr] = {}

    def add(
        self,
        doc_id: str,
        outlet: str,
        text: str,
        source: str | None = None,
        kind: AttributionType | None = None,
        cue: str | None = None,
        published: str = PUBLISHED.value,
        spoken: bool = False,
    ) -> None:
        """``spoken``: the ``source`` is named in ``text``, as the speaker's span."""
        doc = self.nlp(text)
        mentions = [
            (e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in ACTOR_LABELS
        ]
        bounds = [(s.start_char, s.end_char) for s in doc.sents]
        times = extract_times(doc_id, text, bounds, PublishedDate(published, DatePrecision.DAY))
        self.time_of.update({(t.span.document_id, t.span.start, t.span.end): t for t in times})
        kind = kind or (AttributionType.NAMED if source else AttributionType.UNATTRIBUTED)
        cue_span = Span(doc_id, text.index(cue), text.index(cue) + len(cue)) if cue else None
        at = text.index(source) if spoken and source else -1
        speaker = Span(doc_id, at, at + len(source)) if source and at >= 0 else None
        attributions = [
            Attribution(Span(doc_id, s, e), kind, source, speaker, cue_span, 0.9) for s, e in bounds
        ]
        quotes = [(m.start + 1, m.end - 1) for m in _quotes(text)]
        people = {(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"}
        roles = [
            r for r in extract_roles(doc, doc_id) if (r.mention.start, r.mention.end) in people
        ]
        named = {doc_id: [(s, e, _actor(text, Span(doc_id, s, e))) for s, e, _ in mentions]}
        for claim in extract_claims(doc, doc_id, attributions, quotes, times, mentions):
            actors = tuple(sorted({_actor(text, a) for a in claim.actors}))
            keys = {(doc_id, a.start, a.end): _actor(text, a) for a in claim.actors}
            speakers = source_actors(claim, keys)
            titles = tuple(
                (_actor(text, a), r.text)
                for a in claim.actors
                for r in roles
                if (r.mention.start, r.mention.end) == (a.start, a.end)
            )
            persons = frozenset((a.start, a.end) for a in claim.actors) & people
            person = referent(claim, text, named, {_actor(text, Span(doc_id, *p)) for p in people})
            self.refs.append(
                ClaimRef(
                    claim, outlet, doc_id, actors, titles, published, speakers, person, persons
                )
            )
        self.texts[doc_id] = text

    def groups(self) -> list[ClaimGroup]:
        return group_claims(self.refs, self.texts, self.time_of, shared_embedder().embed_pairs)

    def group_of(self, doc_id: str) -> ClaimGroup:
        (group,) = [
            g
            for g in self.groups()
            if any(r.document_id == doc_id for r in g.claims) and len(g.claims) > 1
        ]
        return group


def _actor(text: str, mention: Span) -> str:
    """An invented article's actor id: the mention's words (no resolution across spellings)."""
    return text[mention.start : mention.end].casefold().removeprefix("the ")


class _Quote:
    def __init__(self, start: int, end: int) -> None:
        self.start, self.end = start, end


def _quotes(text: str) -> list[_Quote]:
    marks = [i for i, ch in enumerate(text) if ch == '"']
    return [_Quote(a, b + 1) for a, b in zip(marks[::2], marks[1::2], strict=False)]


def conflict_slots(corpus: Corpus) -> list[str]:
    """The slots of every conflict of the corpus's groups, sorted."""
    return sorted(c.slot for g in corpus.groups() for c in g.conflicts)


def pair_corpus(nlp: Any, first: str, second: str, **kw: Any) -> Corpus:
    """Two invented articles by two outlets (``kw``: ``a``/``b``, each's ``Corpus.add``
    options), checked to give one group of their two claims."""
    corpus = Corpus(nlp)
    corpus.add("a", "Outlet A", first, **kw.get("a", {}))
    corpus.add("b", "Outlet B", second, **kw.get("b", {}))
    assert len(corpus.group_of("a").claims) == 2  # the two claims are grouped
    return corpus
