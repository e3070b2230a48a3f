"""Short forms: a lone surname or given name joins the one full name it can mean.

Within a document, "Haddadi" joins "Karim Haddadi" when exactly one full name there has
that first or last token; when two do (Bill and Hillary Clinton) it stays apart. A short
form no document resolves joins a full name only if exactly one full personal name in the
whole corpus ends or starts with it, or one such name dominates the others by its mentions,
counting the short forms documents resolved to it (``DOMINANT_SHARE``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from dossier.model import EntityType
from dossier.resolve.forms import FormTable
from dossier.resolve.names import INSTITUTION_HEADS, skeleton
from dossier.resolve.similarity import tokens_similar
from dossier.resolve.types import MentionRef
from dossier.resolve.unionfind import UnionFind

# Types whose single-word forms may stand for a longer name (spaCy swaps them freely).
SHORT_TYPES = frozenset({EntityType.PERSON, EntityType.ORG})

# A short form with several candidate full names still resolves when one candidate holds
# this share of their mentions and at least DOMINANT_MIN of them: the article's subject
# named 40 times beats a one-off NER span such as "X's Force" tagged PERSON, while two
# people named once each (Bill and Hillary Clinton) stay ambiguous.
DOMINANT_SHARE = 0.85
DOMINANT_MIN = 3
# Possessive marks: a multi-word "name" holding one ("X’s Force") is a phrase, not a name.
_POSSESSIVES = ("’s ", "'s ", "s’ ", "s' ")

TokenIndex = dict[str, set[str]]


@dataclass(frozen=True, slots=True)
class Group:
    root: str
    forms: tuple[str, ...]
    type: EntityType
    tokens: frozenset[str]
    multi: bool


def _groups(table: FormTable, uf: UnionFind[str, tuple[str, ...]]) -> list[Group]:
    found = []
    for root, fids in sorted(uf.groups().items()):
        types: Counter[EntityType] = Counter()
        for fid in fids:
            types.update(table.forms[fid].types)
        best = max(types.values())
        kind = min(t for t, n in types.items() if n == best)
        tokens = frozenset(t for fid in fids for t in table.forms[fid].tokens)
        multi = any(len(table.forms[fid].tokens) > 1 for fid in fids)
        found.append(Group(root, tuple(sorted(fids)), kind, tokens, multi))
    return found


def _anchors(tokens: tuple[str, ...], kind: EntityType) -> tuple[str, ...]:
    """The tokens a short form may be: a person's first or last, an org's first."""
    return (tokens[0], tokens[-1]) if kind is EntityType.PERSON else (tokens[0],)


def _indexes(table: FormTable, groups: Iterable[Group]) -> tuple[dict[str, TokenIndex], TokenIndex]:
    """Anchor token -> full-name groups, per document and (people only) corpus-wide."""
    per_doc: dict[str, TokenIndex] = defaultdict(lambda: defaultdict(set))
    corpus: TokenIndex = defaultdict(set)
    for group in groups:
        if not group.multi or group.type not in SHORT_TYPES:
            continue
        for fid in group.forms:
            form = table.forms[fid]
            if len(form.tokens) < 2 or _is_phrase(form.displays):
                continue
            if _is_institution(form.tokens, form.displays):
                continue
            for token in _anchors(form.tokens, group.type):
                for doc in form.documents:
                    per_doc[doc][token].add(group.root)
                if group.type is EntityType.PERSON:
                    corpus[token].add(group.root)
    return per_doc, corpus


def _is_phrase(displays: Counter[str]) -> bool:
    return all(any(p in d for p in _POSSESSIVES) for d in displays)


def _is_institution(tokens: tuple[str, ...], displays: Counter[str]) -> bool:
    """A modifier and a lowercase institution noun: "Bush" is not the "Bush administration"
    (while "Mahdi" may well be the "Mahdi Army", a proper name)."""
    return tokens[-1] in INSTITUTION_HEADS and all(d.split()[-1].islower() for d in displays)


def _is_acronym(table: FormTable, group: Group) -> bool:
    displays = [d for fid in group.forms for d in table.forms[fid].displays]
    return all(d.replace(".", "").isupper() for d in displays)


def _dominant(roots: set[str], weight: dict[str, int]) -> set[str]:
    """The one root that dominates the candidates by mentions, else all of them."""
    if len(roots) < 2:
        return roots
    best = max(sorted(roots), key=lambda r: weight.get(r, 0))
    total = sum(weight.get(r, 0) for r in roots)
    share = weight.get(best, 0) / total if total else 0.0
    return {best} if share >= DOMINANT_SHARE and weight.get(best, 0) >= DOMINANT_MIN else roots


def _lookup(tokens: frozenset[str], index: TokenIndex, fuzzy: Iterable[str]) -> set[str]:
    """Groups anchored on one of ``tokens``; misspelt anchors among ``fuzzy`` if none exact."""
    roots = {r for t in tokens for r in index.get(t, ())}
    if roots:
        return roots
    return {r for a in fuzzy if any(tokens_similar(t, a) for t in tokens) for r in index.get(a, ())}


def _skeleton_index(per_doc: dict[str, TokenIndex]) -> dict[str, list[str]]:
    """Skeleton -> anchor tokens, so a misspelt short form finds its few near anchors."""
    tokens = {t for index in per_doc.values() for t in index}
    found: dict[str, list[str]] = defaultdict(list)
    for token in sorted(tokens):
        found[skeleton(token)].append(token)
    return found


def assign_units(
    table: FormTable, uf: UnionFind[str, tuple[str, ...]], mentions: Sequence[MentionRef]
) -> dict[int, str]:
    """Map each mention id to its cluster label (a form-group root)."""
    groups = _groups(table, uf)
    per_doc, corpus = _indexes(table, groups)
    by_skeleton = _skeleton_index(per_doc)
    root_of = {fid: g.root for g in groups for fid in g.forms}
    short = {g.root: g for g in groups if not g.multi and g.type in SHORT_TYPES}
    weight = {g.root: sum(table.forms[fid].count for fid in g.forms) for g in groups}
    resolved: dict[tuple[str, str], str] = {}
    fallback: dict[str, str] = {}
    near: dict[str, list[str]] = {}
    for group in short.values():
        if group.type is not EntityType.PERSON and _is_acronym(table, group):
            fallback[group.root] = group.root  # "BBC" is not short for "BBC Persian"
            continue
        docs = sorted({d for fid in group.forms for d in table.forms[fid].documents})
        near[group.root] = sorted(
            {a for t in group.tokens for a in by_skeleton.get(skeleton(t), ())}
        )
        for doc in docs:
            index = per_doc.get(doc, {})
            roots = _dominant(_lookup(group.tokens, index, near[group.root]), weight)
            if len(roots) == 1:
                resolved[(group.root, doc)] = roots.pop()
    named = _with_short_forms(weight, resolved, mentions, table, root_of)
    for root in near:
        roots = _dominant(_lookup(short[root].tokens, corpus, near[root]), named)
        fallback[root] = roots.pop() if len(roots) == 1 else root
    labels: dict[int, str] = {}
    for m in mentions:
        root = root_of[table.mention_form[m.id]]
        if root in short:
            root = resolved.get((root, m.document_id), fallback[root])
        labels[m.id] = root
    return labels


def _with_short_forms(
    weight: Mapping[str, int], resolved: Mapping[tuple[str, str], str],
    mentions: Sequence[MentionRef], table: FormTable, root_of: Mapping[str, str],
) -> dict[str, int]:  # fmt: skip
    """Each full name's mentions with the short forms its documents resolved to it: a leader
    whom one outlet names "Gaddafi" 52 times beside "Muammar Gaddafi" twice is named 54
    times, and dominates a one-off "Gadhafi Obama" (a teaser's two names run together) when
    another outlet's article says only "Gadhafi"."""
    found = dict(weight)
    for m in mentions:
        target = resolved.get((root_of[table.mention_form[m.id]], m.document_id))
        if target is not None:
            found[target] = found.get(target, 0) + 1
    return found
