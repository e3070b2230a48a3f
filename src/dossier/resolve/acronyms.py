"""Acronyms and the aliases a text defines: "IRGC", "X (Y)", "X, also known as Y".

An acronym links to the one long form whose initials spell it (stop words ignored), and
an alias defined in any sentence links its two names across the whole corpus.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from dossier.resolve.names import display_form, strip_accents
from dossier.resolve.types import MentionRef

# Acronyms are 2-8 capitals ("US", "IRGC", "ISIL"); longer all-caps words are shouting.
MIN_ACRONYM = 2
MAX_ACRONYM = 8
# Words that initials skip: "Islamic State of Iraq and Syria" -> ISIS.
INITIAL_STOP_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "at", "to", "&"})
# A defined alias longer than this many words is a clause, not a name.
MAX_ALIAS_TOKENS = 6
# Characters of the sentence after a mention searched for a definition.
DEFINITION_WINDOW = 120

_AKA = r"(?:(?:also|otherwise|better|commonly|widely)\s+)?known\s+as|a\.?k\.?a\.?"
PAREN = re.compile(r"^\s*(?:['’]s)?\s*\(\s*(" + _AKA + r"|or)?\s*([^()]{1,80}?)\s*\)")
AKA = re.compile(r"^\s*(?:['’]s)?\s*,?\s*(?:" + _AKA + r")\s+([^;.()]{1,80})")
OR_ALIAS = re.compile(r"^\s*,\s+or\s+([^,;()]{1,40}),")
ALIAS_SPLIT = re.compile(r",\s*|\s+or\s+|\s+and\s+")
LEADING_THE = re.compile(r"^(?:the)\s+", re.I)
# A dateline, "ZURICH (Reuters) - ...": the brackets name the agency, not another name of the
# place. An all-capitals city is read as an acronym, which would accept any alias.
DATELINE_DASH = re.compile(r"\s*[-–—]")


def acronym_letters(text: str) -> str | None:
    """ "U.S." -> "us", "IRGC" -> "irgc"; None when the text is not an acronym."""
    compact = display_form(text).replace(".", "").replace(" ", "")
    if not (MIN_ACRONYM <= len(compact) <= MAX_ACRONYM):
        return None
    if not (compact.isalpha() and compact.isupper()):
        return None
    return strip_accents(compact).lower()


def initials(display: str) -> set[str]:
    """Initials of a multi-word name, with and without stop words and hyphen splits."""
    found: set[str] = set()
    text = strip_accents(display).lower().replace(".", "")
    for words in (text.split(), re.split(r"[\s\-‐‑]+", text)):
        words = [w for w in words if w]
        if len(words) < MIN_ACRONYM:
            continue
        found.add("".join(w[0] for w in words))
        kept = [w for w in words if w not in INITIAL_STOP_WORDS]
        if len(kept) >= MIN_ACRONYM:
            found.add("".join(w[0] for w in kept))
    return found


def _clean_alias(text: str) -> str | None:
    alias = LEADING_THE.sub("", text.strip().strip("\"“”'’"))
    words = alias.split()
    if not words or len(words) > MAX_ALIAS_TOKENS or not alias[0].isupper():
        return None
    return alias


def _aliases_after(tail: str, long_form: bool) -> Iterator[str]:
    """Aliases defined right after a mention; ``long_form`` when the mention is not an acronym."""
    match = PAREN.match(tail)
    if match:
        named = match.group(1) is not None
        for part in ALIAS_SPLIT.split(match.group(2)):
            alias = _clean_alias(part)
            if alias and (named or not long_form or acronym_letters(alias)):
                yield alias
        return
    match = AKA.match(tail)
    if match:
        for part in ALIAS_SPLIT.split(match.group(1)):
            if alias := _clean_alias(part):
                yield alias
        return
    match = OR_ALIAS.match(tail)
    if match and (alias := _clean_alias(match.group(1))) and acronym_letters(alias):
        yield alias


def defined_aliases(mentions: Iterable[MentionRef]) -> set[tuple[int, str]]:
    """(mention id, alias text) pairs that the mention's sentence defines.

    Only the first mention of each (text, sentence) is reported: the others share its form.
    """
    pairs: set[tuple[int, str]] = set()
    done: set[tuple[str, str]] = set()
    for m in mentions:
        if not m.sentence or (m.text, m.sentence) in done:
            continue
        done.add((m.text, m.sentence))
        at = m.sentence.find(m.text)
        if at < 0:
            continue
        tail = m.sentence[at + len(m.text) : at + len(m.text) + DEFINITION_WINDOW]
        if _dateline(m.sentence[:at], tail):
            continue
        long_form = acronym_letters(m.text) is None
        pairs.update((m.id, alias) for alias in _aliases_after(tail, long_form))
    return pairs


def _dateline(head: str, tail: str) -> bool:
    """The mention opens a dateline: only place names before it ("", "Tripoli, ") and a bracket
    then a dash after it ("ZURICH (Reuters) -", "Libya (CNN) --"). "... the Orvian Tide Front
    (OTF) - a group ..." defines an alias."""
    match = PAREN.match(tail)
    if not match or not DATELINE_DASH.match(tail, match.end()):
        return False
    words = head.replace(",", " ").split()
    return all(w[:1].isupper() and w.casefold() not in INITIAL_STOP_WORDS for w in words)
