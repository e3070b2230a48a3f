"""From clusters of mentions to Actor records: a display name, a type and a stable id."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from dossier.model import EntityType
from dossier.resolve.acronyms import MAX_ACRONYM
from dossier.resolve.names import display_form, name_key
from dossier.resolve.types import Actor, MentionRef

# A spelling seen at least this often is "common"; a one-off misprint or headline only
# names an actor when nothing common does.
MIN_COMMON_COUNT = 2
# Hex digits of sha256 in an actor id: 48 bits, no collision expected below ~10^7 actors.
ID_HEX_DIGITS = 12
# Distinct display forms remembered; ample for a 200k-mention corpus's spellings.
DISPLAY_CACHE_SIZE = 1 << 16


@lru_cache(maxsize=DISPLAY_CACHE_SIZE)
def _display(text: str, kind: EntityType) -> str:
    return display_form(text, strip_words=kind is EntityType.PERSON)


def _well_formed(name: str) -> bool:
    """Capitalised like a name, and not a shouted headline ("QASSEM KARIMI")."""
    if not name or not (name[0].isupper() or name[0].isdigit()):
        return False
    letters = name.replace(".", "").replace(" ", "")
    return not (letters.isupper() and len(letters) > MAX_ACRONYM)


def choose_name(mentions: Sequence[MentionRef]) -> str:
    """The longest common well-formed full name, its most frequent spelling first.

    Spellings are counted together by folded key ("George W. Bush" and "George W Bush"
    make one name seen twice). A full name of several words beats a lone surname or an
    acronym; among full names a common one beats a one-off, then the longest wins.
    """
    counts = Counter(_display(m.text, m.type) for m in mentions)
    pool = [n for n in counts if _well_formed(n)] or list(counts)
    by_key: Counter[str] = Counter()
    for n in pool:
        by_key[name_key(n)] += counts[n]
    keys = [k for k in by_key if not (k.endswith("s") and k[:-1] in by_key)]  # "Karimis"
    keys = [k for k in keys if " " in k] or keys
    key = min(
        keys,
        key=lambda k: (-min(by_key[k], MIN_COMMON_COUNT), -len(k.split()), -by_key[k], -len(k), k),
    )
    spellings = [n for n in pool if name_key(n) == key]
    return min(spellings, key=lambda n: (-counts[n], -len(n), n))


def choose_type(mentions: Sequence[MentionRef], name: str) -> EntityType:
    """The majority type; a tie goes to the type of the name's own mentions."""
    counts = Counter(m.type for m in mentions)
    best = max(counts.values())
    tied = sorted(t for t, n in counts.items() if n == best)
    if len(tied) == 1:
        return tied[0]
    own = Counter(m.type for m in mentions if _display(m.text, m.type) == name)
    return max(tied, key=lambda t: (own[t], t == tied[0]))


def aliases(mentions: Sequence[MentionRef]) -> tuple[str, ...]:
    counts = Counter(" ".join(m.text.split()) for m in mentions)
    return tuple(sorted(counts, key=lambda a: (-counts[a], a)))


def actor_id(name: str, kind: EntityType, salt: str = "") -> str:
    digest = hashlib.sha256(f"{name_key(name)}|{kind.value}{salt}".encode()).hexdigest()
    return "a" + digest[:ID_HEX_DIGITS]


def make_actors(
    clusters: Sequence[Sequence[MentionRef]], names: Sequence[str | None]
) -> list[Actor]:
    """One Actor per cluster; ``names`` holds a user's rename or None."""
    actors: list[Actor] = []
    used: set[str] = set()
    for cluster, renamed in zip(clusters, names, strict=True):
        ordered = sorted(cluster, key=lambda m: (m.document_id, m.start, m.end, m.id))
        name = choose_name(ordered)
        kind = choose_type(ordered, name)
        ident = actor_id(name, kind)
        if ident in used:  # same name and type twice: salt with the first mention's place
            ident = actor_id(name, kind, f"|{ordered[0].document_id}:{ordered[0].start}")
        used.add(ident)
        ids = tuple(sorted(m.id for m in ordered))
        display = renamed or name
        forms = aliases(ordered)
        if display not in forms:  # the cleaned name is an alias too ("the U.S." -> "U.S.")
            forms = (*forms, display)
        actors.append(Actor(ident, display, kind, forms, ids))
    return sorted(actors, key=lambda a: (-len(a.mentions), a.name, a.id))
