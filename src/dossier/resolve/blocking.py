"""Blocking: only forms that share a cheap key are ever compared, never all pairs.

Keys per form: its consonant skeleton (all tokens), each folded token of at least
``MIN_BLOCK_TOKEN`` letters, and for a token glued to an Arabic article ("alasad") the
token without it. Acronyms are matched through their own index (see ``acronyms``).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Iterator

from dossier.resolve.forms import Form
from dossier.resolve.names import skeleton
from dossier.resolve.similarity import GLUED_ARTICLES, MIN_GLUED_REST

log = logging.getLogger(__name__)

# Tokens shorter than this are too common ("al", "bin", "abu", "new") to block on.
MIN_BLOCK_TOKEN = 4
# A block larger than this is a stop word of the corpus ("islamic", "state"); comparing
# all its pairs would be quadratic, so it is skipped with a warning. 300 forms is ~45k
# comparisons, a fraction of a second.
MAX_BLOCK_SIZE = 300


def block_keys(form: Form) -> set[str]:
    """The blocking keys of one form."""
    keys = {"s:" + " ".join(skeleton(t) for t in form.tokens)}
    for token in form.tokens:
        if len(token) >= MIN_BLOCK_TOKEN:
            keys.add("t:" + token)
        for article in GLUED_ARTICLES:
            rest = token[len(article) :]
            if token.startswith(article) and len(rest) >= MIN_GLUED_REST:
                keys.add("t:" + rest)
    return {f"{form.family}/{k}" for k in keys}


def build_blocks(forms: Iterable[Form]) -> dict[str, list[str]]:
    blocks: dict[str, list[str]] = defaultdict(list)
    for form in forms:
        for key in block_keys(form):
            blocks[key].append(form.id)
    return blocks


def candidate_pairs(forms: Iterable[Form]) -> Iterator[tuple[str, str]]:
    """Each pair of form ids sharing a block, once, in a deterministic order."""
    seen: set[tuple[str, str]] = set()
    blocks = build_blocks(forms)
    for key in sorted(blocks):
        members = sorted(blocks[key])
        if len(members) > MAX_BLOCK_SIZE:
            log.warning("block %r has %d forms; skipped", key, len(members))
            continue
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if (a, b) not in seen:
                    seen.add((a, b))
                    yield a, b
