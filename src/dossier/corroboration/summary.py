"""A claim as a reader needs it alone, for a group's summary: with the words it borrows.

A clause cut off its sentence ("has said it will not attend ...", "and 97,000 deaths.") does
not say who acts or what is counted; the summary puts back the names it borrows or the few
words of its sentence before it.
"""

from __future__ import annotations

from collections.abc import Mapping

from dossier.corroboration.records import ClaimRef, borrowed

# Longest run of words kept in front of a clause that borrows its names (``shown``).
SHOWN_LEAD_CHARS = 40
# Longest opening of its sentence shown before a claim cut off mid-sentence (``shown``).
SHOWN_OPENING_CHARS = 120
_ENDS = (". ", "! ", "? ")


def shown(ref: ClaimRef, documents: Mapping[str, str]) -> str:
    """A claim as a reader needs it alone: with the names its clause borrows from before its
    span ("has said it will not attend ..." after "Syria will be suspended ... and"; "which
    last month vetoed a draft" after "Russia and China, "). The words between the first such
    name and the clause are kept when they are few; else only the names are put in front."""
    text, before = documents.get(ref.document_id, ""), borrowed(ref.claim)
    if not text:
        return ref.claim.text
    if not before:
        return _opening(ref, text) + ref.claim.text
    lead = text[before[0].start : ref.claim.sentence.start]
    if len(lead) > SHOWN_LEAD_CHARS or "\n" in lead:
        lead = " and ".join(text[a.start : a.end] for a in before) + " "
    return lead + ref.claim.text


def _opening(ref: ClaimRef, text: str) -> str:
    """For a claim that starts mid-sentence with no name to borrow (a count cut off its clause,
    "and 97,000 deaths."), the words of its sentence before it, when they are few enough to
    show ("Globally there are 1.6 million cases "); else nothing."""
    start = ref.claim.sentence.start
    if not ref.claim.text[:1].islower():
        return ""
    opened = max(text.rfind("\n", 0, start), *(text.rfind(end, 0, start) for end in _ENDS))
    lead = text[opened + 1 : start].lstrip(" .!?")
    return lead if 0 < len(lead) <= SHOWN_OPENING_CHARS else ""
