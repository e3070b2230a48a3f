"""Figures of several items: an article that gives one count two figures in a group.

"The 13-inch models start at $1,199" and "The 15-inch MacBook Pro starts off at $1,799" in
one article price two models; set against another article's "The basic model starts at
$2,199", neither disagrees: each names a model the others may not. So a number conflict
between two articles is dropped when either article gives that count, within the group,
two figures that disagree with each other (``numbers.numbers_agree``). Conflicts inside one
article are ``conflicts.pair_conflicts``' to judge, and an article that gives one figure
for the count is still set against the others.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Mapping, Sequence

from dossier.corroboration.conflicts import Value, count_text
from dossier.corroboration.counting import counted, totals_by_unit
from dossier.corroboration.numbers import numbers_agree
from dossier.corroboration.records import ClaimRef, ClusterIndex, ConflictSlot
from dossier.model import Quantity

Found = Mapping[str, list[tuple[str, Value, Value]]]


def several_items(
    found: Found, refs: Sequence[ClaimRef], clusters: Sequence[Sequence[int]],
    where: ClusterIndex, texts: Mapping[str, str],
) -> dict[str, list[tuple[str, Value, Value]]]:  # fmt: skip
    """``found`` without the number conflicts of two articles one of which gives the count two
    disagreeing figures in the pair's cluster. Each cluster's figures are read once, when one
    of its pairs disagrees on a number."""
    figures: dict[int, dict[tuple[str, str], list[Quantity]]] = {}

    def kept(slot: str, a: Value, b: Value) -> bool:
        if slot != ConflictSlot.NUMBER or a[0] == b[0]:
            return True
        i = where.position[a[1]]
        unit = _unit(refs[i], a[2], texts)
        n = where.cluster[i]
        if n not in figures:
            figures[n] = _figures(refs, clusters[n])
        return not any(_two_figures(figures[n].get((doc, unit), [])) for doc in (a[0], b[0]))

    return {claim: [c for c in pairs if kept(*c)] for claim, pairs in found.items()}


def _figures(
    refs: Sequence[ClaimRef], members: Sequence[int]
) -> dict[tuple[str, str], list[Quantity]]:
    """The totals each article of the cluster gives, by what they count."""
    found: dict[tuple[str, str], list[Quantity]] = defaultdict(list)
    for k in members:
        for unit, quantities in totals_by_unit(refs[k].claim.quantities).items():
            found[(refs[k].document_id, unit)].extend(quantities)
    return found


def _unit(ref: ClaimRef, value: str, texts: Mapping[str, str]) -> str:
    """What the claim's count shown as ``value`` (``conflicts.count_text``) counts."""
    for q in ref.claim.quantities:
        if count_text(ref, q, texts) == value:
            return counted(q)[0]
    return ""


def _two_figures(quantities: Sequence[Quantity]) -> bool:
    return any(not numbers_agree(x, y) for x, y in itertools.combinations(quantities, 2))
