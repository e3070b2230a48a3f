"""Link the distinct forms of a corpus: spellings, lost apostrophes, acronyms, definitions.

Every link is a union in a union-find that refuses to join two clusters holding a
cannot-link pair (two full names with one surname and different given names).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from dossier.model import EntityType
from dossier.resolve.acronyms import acronym_letters, defined_aliases, initials
from dossier.resolve.blocking import candidate_pairs
from dossier.resolve.containment import link_contained_names
from dossier.resolve.forms import Form, FormTable
from dossier.resolve.names import alias_key, form_key
from dossier.resolve.similarity import first_names_conflict, forms_match, types_compatible
from dossier.resolve.types import MentionRef
from dossier.resolve.unionfind import UnionFind

# A final "s" is a lost apostrophe ("Karimis" for "Karimi's") only on a token this long:
# shorter words ending in "s" are too often names of their own ("Hamas" / "Hama").
MIN_LOST_APOSTROPHE_TOKEN = 5

FormUnion = UnionFind[str, tuple[str, ...]]


def _payload(form: Form) -> list[tuple[str, ...]]:
    """Full personal names take part in the given-name cannot-link test."""
    return [form.tokens] if form.person and len(form.tokens) > 1 else []


def link_forms(table: FormTable, mentions: Sequence[MentionRef]) -> FormUnion:
    """Cluster the forms of ``table``; ``mentions`` supply the sentences for definitions."""
    uf: FormUnion = UnionFind(first_names_conflict)
    for fid in sorted(table.forms):
        uf.add(fid, _payload(table.forms[fid]))
    _link_lost_apostrophes(table, uf)
    _link_spellings(table, uf)
    _link_definitions(table, uf, mentions)
    _link_acronyms(table, uf)
    _link_compound_names(table, uf)
    link_contained_names(table, uf)
    _link_nationality_forms(table, uf)
    return uf


def _link_lost_apostrophes(table: FormTable, uf: FormUnion) -> None:
    """ "Karimis" joins "Karimi" when "Karimi" is seen more often.

    spaCy tags such plurals-by-accident as NORP as often as not, so only the type family
    must agree. A multi-word name ("Nouri Karimis") needs its base seen only as often. The
    base may be a known alias ("Americas" for "America's", the United States).
    """
    for fid in sorted(table.forms):
        form = table.forms[fid]
        if not form.key.endswith("s") or len(form.tokens[-1]) < MIN_LOST_APOSTROPHE_TOKEN:
            continue
        base = table.forms.get(f"{alias_key(form.key[:-1])}|{form.family}")
        needed = form.count if len(form.tokens) > 1 else form.count + 1
        if base and base.count >= needed:
            uf.union(base.id, fid)


# Endings of a people's adjective and plural ("Kurdish", "Kurds" -> "kurd").
NORP_ENDINGS = ("ish", "s")
# ...stripped only when a stem this long remains: "Danish" -> "dan" is not a people's name.
MIN_NORP_STEM = 4


def _norp_stem(form: Form) -> str | None:
    if form.type is not EntityType.NORP or len(form.tokens) != 1:
        return None
    word = form.tokens[0]
    for ending in NORP_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_NORP_STEM:
            return word[: -len(ending)]
    return word


def _link_nationality_forms(table: FormTable, uf: FormUnion) -> None:
    """One-word NORP forms with one stem are one group: "Kurd", "Kurds", "Kurdish"."""
    by_stem: dict[str, list[str]] = defaultdict(list)
    for fid in sorted(table.forms):
        stem = _norp_stem(table.forms[fid])
        if stem:
            by_stem[stem].append(fid)
    for fids in by_stem.values():
        for other in fids[1:]:
            uf.union(fids[0], other)


def _link_spellings(table: FormTable, uf: FormUnion) -> None:
    """Transliterations and misprints, compared only within blocks."""
    for a, b in candidate_pairs(table.forms.values()):
        fa, fb = table.forms[a], table.forms[b]
        if fa.key == fb.key or not types_compatible(fa.type, fb.type):
            continue
        if forms_match(fa.tokens, fb.tokens, person=fa.person and fb.person):
            uf.union(a, b)


def _link_definitions(table: FormTable, uf: FormUnion, mentions: Sequence[MentionRef]) -> None:
    """ "X (Y)", "X, also known as Y": the two names are one actor, corpus-wide."""
    for mention_id, alias in sorted(defined_aliases(mentions)):
        fid = table.mention_form[mention_id]
        family = table.forms[fid].family
        for other in table.by_key.get(form_key(alias), ()):
            if table.forms[other].family == family:
                uf.union(fid, other)


def _link_acronyms(table: FormTable, uf: FormUnion) -> None:
    """An acronym joins the one long form (cluster) whose initials spell it."""
    index: dict[str, list[str]] = defaultdict(list)
    for fid in sorted(table.forms):
        form = table.forms[fid]
        if len(form.tokens) > 1:
            for display in form.displays:
                for letters in initials(display):
                    index[letters].append(fid)
    for fid in sorted(table.forms):
        form = table.forms[fid]
        spelled = {x for d in form.displays if (x := acronym_letters(d))}
        candidates = {
            uf.find(c)
            for x in sorted(spelled)
            for c in index.get(x, ())
            if types_compatible(table.forms[c].type, form.type)
        }
        candidates.discard(uf.find(fid))
        if len(candidates) == 1:
            uf.union(fid, candidates.pop())


# Qualifier families: "Iranian Revolutionary Guards" is the Revolutionary Guards, and
# "Revolutionary Guard Quds Force" / "Tehran's Quds Force" are the Quds Force.
_QUALIFIER_FAMILIES = frozenset({"ORG", "NORP", "GPE", "LOC"})
# The named remainder must be at least this long, so "Iraqi Army" does not become "Army".
MIN_REMAINDER_TOKENS = 2


def _link_compound_names(table: FormTable, uf: FormUnion) -> None:
    """An organisation named with a qualifier in front joins the organisation itself."""
    for fid in sorted(table.forms):
        form = table.forms[fid]
        if form.type.value != "ORG" or len(form.tokens) <= MIN_REMAINDER_TOKENS:
            continue
        for cut in range(1, len(form.tokens) - MIN_REMAINDER_TOKENS + 1):
            head, rest = form.tokens[:cut], " ".join(form.tokens[cut:])
            target = next(
                (t for t in table.by_key.get(rest, ()) if table.forms[t].type.value == "ORG"), None
            )
            if target is not None and _is_qualifier(table, head):
                uf.union(target, fid)
                break


def _is_qualifier(table: FormTable, head: tuple[str, ...]) -> bool:
    """The words in front name a known actor (a possessive "s" allowed)."""
    key = " ".join(head)
    keys = (key, key[:-1]) if key.endswith("s") else (key,)
    return any(
        table.forms[f].type.value in _QUALIFIER_FAMILIES
        for k in keys
        for f in table.by_key.get(k, ())
    )
