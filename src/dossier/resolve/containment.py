"""A shorter organisation name inside exactly one longer one: "Revolutionary Guards" is
the "Islamic Revolutionary Guard Corps".

The short name must sit inside the long one with only a designator after it ("Corps",
"Party", "Front"...), so the long name is the short one with its formal ending; any
words may come before it ("Islamic"). A short name at the very end of a longer one is
not taken: "Syrian Army" is not the "Free Syrian Army" (qualifiers in front are the
business of ``cluster._link_compound_names``). A short name inside two longer names of
different clusters stays apart.
"""

from __future__ import annotations

from collections import defaultdict

from dossier.model import EntityType
from dossier.resolve.forms import Form, FormTable
from dossier.resolve.names import fold_token
from dossier.resolve.unionfind import UnionFind

# A contained name needs this many words: one word ("Army", "Front") is inside too many.
MIN_CONTAINED_TOKENS = 2
# The formal endings that may follow a contained name.
DESIGNATORS = frozenset(
    fold_token(w)
    for w in (
        "corps",
        "party",
        "movement",
        "front",
        "organization",
        "organisation",
        "brigade",
        "brigades",
        "militia",
        "group",
    )
)
# Types of the short name; the long name is always an ORG.
CONTAINED_TYPES = frozenset({EntityType.ORG, EntityType.NORP})


def _same_word(a: str, b: str) -> bool:
    """One folded word, or its plural ("guard" / "guards")."""
    return a == b or a == b + "s" or b == a + "s"


def _contains(long: tuple[str, ...], short: tuple[str, ...]) -> bool:
    """``short`` sits in ``long`` with only designators after it."""
    n = len(short)
    for i in range(len(long) - n):
        rest = long[i + n :]
        if all(_same_word(a, b) for a, b in zip(long[i : i + n], short, strict=True)) and all(
            t in DESIGNATORS for t in rest
        ):
            return True
    return False


def link_contained_names(table: FormTable, uf: UnionFind[str, tuple[str, ...]]) -> None:
    """Join each short ORG/NORP name to the one longer ORG cluster that contains it."""
    by_token: dict[str, list[Form]] = defaultdict(list)
    for fid in sorted(table.forms):
        form = table.forms[fid]
        if form.type is EntityType.ORG and len(form.tokens) > MIN_CONTAINED_TOKENS:
            for token in set(form.tokens):
                by_token[token].append(form)
    for fid in sorted(table.forms):
        short = table.forms[fid]
        if short.type not in CONTAINED_TYPES or len(short.tokens) < MIN_CONTAINED_TOKENS:
            continue
        first = short.tokens[0]
        pool = by_token.get(first, []) + by_token.get(first + "s", [])
        if first.endswith("s"):
            pool += by_token.get(first[:-1], [])
        roots = {
            uf.find(long.id)
            for long in pool
            if len(long.tokens) > len(short.tokens) and _contains(long.tokens, short.tokens)
        }
        roots.discard(uf.find(fid))
        if len(roots) == 1:
            uf.union(fid, roots.pop())
