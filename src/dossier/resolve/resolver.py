"""Stage 7 in one function: forms, links, short forms, judgements, actors."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from dossier.resolve.actors import make_actors
from dossier.resolve.cluster import link_forms
from dossier.resolve.forms import build_forms
from dossier.resolve.institutions import expand_institutions
from dossier.resolve.judgements import Cluster, apply_judgements
from dossier.resolve.shortforms import assign_units
from dossier.resolve.types import Actor, Judgement, MentionRef


def resolve_mentions(
    mentions: Sequence[MentionRef], judgements: Sequence[Judgement] = ()
) -> list[Actor]:
    """Cluster ``mentions`` into actors; every mention ends in exactly one actor.

    The result does not depend on the order of ``mentions``.
    """
    ordered = sorted(mentions, key=lambda m: (m.document_id, m.start, m.end, m.text, m.id))
    ordered = expand_institutions(ordered)
    table = build_forms(ordered)
    uf = link_forms(table, ordered)
    labels = assign_units(table, uf, ordered)
    members: dict[str, list[MentionRef]] = defaultdict(list)
    for m in ordered:
        members[labels[m.id]].append(m)
    clusters = [Cluster(members[label]) for label in sorted(members)]
    if judgements:
        apply_judgements(clusters, judgements)
    return make_actors([c.mentions for c in clusters], [c.rename for c in clusters])
