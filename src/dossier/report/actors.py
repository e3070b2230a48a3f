"""The Actors section: one view model per cross-document actor, most mentioned first.

An actor's mentions span several articles. Its card counts them, lists every surface form
with how often each outlet used it, lists the roles and titles found for it, and links each
of those back to its place in the article view (the anchors drawn by ``articles.py``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from dossier.report.articles import Mark
from dossier.report.fields import (
    count,
    document_anchor,
    mention_anchor,
    offsets,
    records,
    role_anchor,
    strings,
    type_class,
)

MAX_CARDS = 60  # past this, cards become a long scroll; the rest go into a compact table
MAX_MENTION_LINKS = 50  # per card; selecting the actor still highlights every mention
SENTENCE_CHARS = 160  # enough context to tell mentions apart in the list without a wall of text
CONTEXT_CHARS = 70  # each side of a mention, when the export gives a sentence number, not text

OutletCounts = dict[str, Counter[str]]  # outlet -> surface form -> mentions


@dataclass(frozen=True, slots=True)
class ArticleIndex:
    """What the actor cards need to know about the rendered article view."""

    outlets: Mapping[str, str]  # document id -> outlet name
    drawn: frozenset[str]  # anchors that exist in the article view
    starts: Mapping[tuple[str, str], list[int]]  # (actor, document) -> drawn mention starts
    first: Mapping[str, str]  # actor -> its first drawn mention, in document order
    texts: Mapping[str, str]  # document id -> clean text, for the context around a mention


def index_articles(views: Iterable[Mapping[str, Any]]) -> ArticleIndex:
    outlets: dict[str, str] = {}
    drawn: set[str] = set()
    starts: dict[tuple[str, str], list[int]] = {}
    first: dict[str, str] = {}
    texts: dict[str, str] = {}
    for view in views:
        doc_id = view["id"]
        outlets[doc_id], texts[doc_id] = view["outlet"], view["text"]
        drawn.add(document_anchor(doc_id))
        mark: Mark
        for mark in view["marks"]:
            drawn.add(mark.anchor(doc_id))
            if not mark.role:
                starts.setdefault((mark.entity, doc_id), []).append(mark.start)
                first.setdefault(mark.entity, mark.anchor(doc_id))
    return ArticleIndex(outlets, frozenset(drawn), starts, first, texts)


def build_actors(
    entities: Iterable[Mapping[str, Any]], index: ArticleIndex
) -> list[dict[str, Any]]:
    """Every actor's view model, most mentioned first."""
    actors = [_actor(entity, index) for entity in entities]
    actors.sort(key=lambda row: (-row["mentions"], row["name"].casefold()))
    return actors


def split_actors(
    actors: Sequence[dict[str, Any]],
) -> tuple[Sequence[dict[str, Any]], Sequence[dict[str, Any]]]:
    """The actors shown as cards, and the rest for the compact table."""
    return actors[:MAX_CARDS], actors[MAX_CARDS:]


def _actor(entity: Mapping[str, Any], index: ArticleIndex) -> dict[str, Any]:
    entity_id = str(entity.get("id"))
    name = str(entity.get("name") or entity_id)
    mentions = records(entity.get("mentions"))
    documents = {str(m.get("document")) for m in mentions}
    by_outlet = _outlet_counts(entity, mentions, index)
    aliases = _aliases(entity, by_outlet)
    return {
        "id": entity_id,
        "name": name,
        "type": str(entity.get("type") or ""),
        "kind": type_class(entity.get("type")),
        "anchor": index.first.get(entity_id),
        "mentions": len(mentions),
        "documents": count(entity.get("documents")) or len(documents),
        "outlets": sorted(by_outlet, key=str.casefold),
        "aliases": aliases,
        "also": ", ".join(a["text"] for a in aliases if a["text"] != name),
        "roles": _roles(entity_id, records(entity.get("roles")), index),
        "links": [_mention_link(m, index) for m in mentions[:MAX_MENTION_LINKS]],
    }


def _outlet_counts(
    entity: Mapping[str, Any], mentions: Sequence[Mapping[str, Any]], index: ArticleIndex
) -> OutletCounts:
    """Surface forms per outlet: the export's own counts, else counted from the mentions."""
    given = entity.get("outlets")
    counts: OutletCounts = {}
    if isinstance(given, Mapping):
        for outlet, surfaces in given.items():
            if isinstance(surfaces, Mapping):
                counts[str(outlet)] = Counter({str(s): n for s, n in surfaces.items() if count(n)})
    if counts:
        return counts
    for mention in mentions:
        outlet = index.outlets.get(str(mention.get("document")), "unknown")
        surface = mention.get("text")
        counts.setdefault(outlet, Counter())[str(surface) if surface else "?"] += 1
    return counts


def _aliases(entity: Mapping[str, Any], by_outlet: OutletCounts) -> list[dict[str, Any]]:
    """Each surface form with its total and its count per outlet, most used first."""
    totals: Counter[str] = Counter(dict.fromkeys(strings(entity.get("aliases")), 0))
    for surfaces in by_outlet.values():
        totals.update(surfaces)
    aliases: list[dict[str, Any]] = []
    for alias, total in totals.items():
        outlets = [(o, s[alias]) for o, s in by_outlet.items() if s[alias]]
        outlets.sort(key=lambda item: (-item[1], item[0].casefold()))
        aliases.append({"text": alias, "total": total, "outlets": outlets})
    aliases.sort(key=lambda a: (-a["total"], a["text"].casefold()))
    return aliases


def _roles(
    entity_id: str, roles: Sequence[Mapping[str, Any]], index: ArticleIndex
) -> list[dict[str, Any]]:
    """Role texts folded together, each linked to its first occurrence in the articles."""
    grouped: dict[str, dict[str, Any]] = {}
    for role in roles:
        text = " ".join(str(role.get("text") or "").split())
        if not text:
            continue
        entry = grouped.setdefault(text.casefold(), {"text": text, "count": 0, "href": None})
        entry["count"] += 1
        entry["href"] = entry["href"] or _role_href(entity_id, role, index)
    return sorted(grouped.values(), key=lambda r: -r["count"])


def _role_href(entity_id: str, role: Mapping[str, Any], index: ArticleIndex) -> str | None:
    """The role's own anchor, else the actor's nearest mention in that article."""
    doc_id, span = str(role.get("document")), offsets(role)
    if span is not None and role_anchor(doc_id, span[0]) in index.drawn:
        return role_anchor(doc_id, span[0])
    starts = index.starts.get((entity_id, doc_id))
    if starts and span is not None:
        nearest = min(starts, key=lambda start: abs(start - span[0]))
        return mention_anchor(doc_id, nearest)
    return _document_href(doc_id, index)


def _mention_link(mention: Mapping[str, Any], index: ArticleIndex) -> dict[str, Any]:
    doc_id, span = str(mention.get("document")), offsets(mention)
    anchor = mention_anchor(doc_id, span[0]) if span is not None else None
    return {
        "href": anchor if anchor in index.drawn else _document_href(doc_id, index),
        "outlet": index.outlets.get(doc_id, "unknown"),
        "text": str(mention.get("text") or ""),
        "sentence": _context(mention, index),
    }


def _context(mention: Mapping[str, Any], index: ArticleIndex) -> str:
    """The mention's sentence if the export has its text, else the text around it."""
    sentence, span = mention.get("sentence"), offsets(mention)
    text = index.texts.get(str(mention.get("document")), "")
    if isinstance(sentence, str):
        context = sentence
    elif span is not None and 0 <= span[0] < span[1] <= len(text):
        start, end = max(span[0] - CONTEXT_CHARS, 0), span[1] + CONTEXT_CHARS
        context = ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
    else:
        return ""
    context = " ".join(context.split())
    return context if len(context) <= SENTENCE_CHARS else context[: SENTENCE_CHARS - 1] + "…"


def _document_href(doc_id: str, index: ArticleIndex) -> str | None:
    anchor = document_anchor(doc_id)
    return anchor if anchor in index.drawn else None
