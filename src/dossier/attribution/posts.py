"""A post named again without its holder: "Libyan leader Muammar Gaddafi ... the Libyan
leader said", "Prime Minister David Cameron ... the prime minister told MPs".

News names a person once with the title before the name, then calls him by the title alone.
``titled_person`` finds, for a source phrase "the [modifiers] post", the last person named
before it whose title has that post and every modifier: "the prime minister" is Cameron after
"Prime Minister David Cameron", not after "Foreign Minister William Hague". An age ("the
46-year-old leader") is no part of a title and is left out of the match.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

PERSON = "PERSON"
# Dependents that make up a title before a name ("Libyan leader", "Prime Minister").
_TITLE_DEPS = frozenset({"compound", "amod", "nmod"})
_TITLE_POS = frozenset({"PROPN", "NOUN", "ADJ"})
_AGE = re.compile(r"^\d+-years?-old$")  # "46-year-old", as its tokens joined


def titled_person(
    doc: Any, head: Any, mentions: Sequence[tuple[int, int, str]]
) -> tuple[int, int, str] | None:
    """The PERSON mention, before ``head``, whose title holds ``head``'s post and modifiers."""
    wanted = _post_words(head)
    if wanted is None:
        return None
    post = head.lemma_.lower()
    found = None
    for mention in mentions:
        if mention[2] != PERSON or mention[1] > head.idx:
            continue
        last, title = _title_before(doc, mention)
        if post in last and wanted <= title:
            found = mention
    return found


def _post_words(head: Any) -> frozenset[str] | None:
    """ "the Libyan leader": {"libyan", "leader"}; None for any other phrase (a name, a
    plural, "a" or a possessive, a modifier that is a clause)."""
    if head.pos_ != "NOUN" or head.tag_ != "NN":
        return None
    words = {head.lemma_.lower()}
    determiners = []
    for child in head.children:
        if child.dep_ == "det":
            determiners.append(child.lower_)
        elif child.dep_ in _TITLE_DEPS and child.i < head.i:
            if not _AGE.match("".join(t.lower_ for t in child.subtree)):
                words.add(child.lower_)
        elif child.i < head.i and child.dep_ not in ("punct",):
            return None
    return frozenset(words) if determiners == ["the"] else None


def _title_before(doc: Any, mention: tuple[int, int, str]) -> tuple[frozenset[str], frozenset[str]]:
    """The post (the title's last word, next to the name) and the lower-cased words of the
    title right before the name: "leader" and "Libyan leader" of "Libyan leader Muammar
    Gaddafi" ("government spokeswoman Reem Haddad" holds the post of spokeswoman, not of
    government); empty when the name stands alone."""
    span = doc.char_span(mention[0], mention[1], alignment_mode="expand")
    if span is None:
        return frozenset(), frozenset()
    inside = {t.i for t in span}
    words: set[str] = set()
    i = span.start - 1
    while i >= 0:
        token = doc[i]
        attached = token.head.i in inside or i < token.head.i < span.start
        if token.dep_ not in _TITLE_DEPS or not attached or token.pos_ not in _TITLE_POS:
            break
        words.update({token.lower_, token.lemma_.lower()})
        i -= 1
    if i == span.start - 1:
        return frozenset(), frozenset()
    last = doc[span.start - 1]
    return frozenset({last.lower_, last.lemma_.lower()}), frozenset(words)
