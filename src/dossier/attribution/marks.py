"""Quotation marks: the character ranges they enclose, across paragraphs when a copy lost a
paragraph's opening mark, and across a straight mark that reopens the quotation when a copy
ran its paragraphs into one line (``_closing``)."""

from __future__ import annotations

import re

from dossier.nlp import trim

PAIRS = (("\u201c", "\u201d"), ("\u00ab", "\u00bb"), ('"', '"'))
OPENERS = (*(opener for opener, _ in PAIRS), "\u2018")
# A curly single quotation: opened after a space or bracket, closed before a non-letter.
_SINGLE = re.compile(r"(?:(?<=^)|(?<=[\s(\[\u201c]))\u2018([^\u2018\u2019\n]+?)\u2019(?![A-Za-z])")


def marked_ranges(text: str) -> tuple[list[tuple[int, int]], frozenset[int]]:
    """Character ranges of text between quotation marks (without the marks), and the starts of
    those that continue a quotation left open in the paragraph before (``_continued``)."""
    found: list[tuple[int, int]] = []
    continued: set[int] = set()
    for opener, closer in PAIRS:
        found.extend(_paired(text, opener, closer, continued))
    found.extend((m.start(1), m.end(1)) for m in _SINGLE.finditer(text))
    return _drop_nested(found), frozenset(continued)


def _paired(text: str, opener: str, closer: str, continued: set[int]) -> list[tuple[int, int]]:
    """The ranges quoted by one pair of marks; adds the continuations' starts to ``continued``."""
    found = []
    at = text.find(opener)
    while at >= 0:
        paragraph_end = text.find("\n\n", at)
        paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
        close = _closing(text, closer, at + 1, paragraph_end, opener == closer)
        end = paragraph_end if close < 0 else close
        start, stop = trim(text, at + 1, end)
        if stop > start:
            found.append((start, stop))
        if close < 0:  # the quotation runs on into the next paragraph, or ends with this one
            close = _continued(text, paragraph_end, opener, closer)
            if close >= 0:
                found.append(trim(text, paragraph_end, close))
                continued.add(found[-1][0])
        at = text.find(opener, (end if close < 0 else close) + 1)
    return found


def _closing(text: str, closer: str, start: int, end: int, straight: bool) -> int:
    """The first closing mark in ``text[start:end]``, -1 if none. A straight mark shaped as an
    opener (after a space, before a word) reopens the quotation rather than closing it: pasted
    copies run a quotation's paragraphs into one line, each still opened ("... the 21st
    Century. "Moving to phase six does not imply ...""). A straight opener may be closed by a
    curly closer that no curly opener claims: copies mix their marks."""
    close = text.find(closer, start, end)
    while straight and close >= 0 and _reopens(text, close):
        close = text.find(closer, close + 1, end)
    if straight:  # a copy that mixes marks: 'said "it appears to be a good shooting” under ...'
        curly = text.find("\u201d", start, close if close >= 0 else end)
        if curly >= 0 and "\u201c" not in text[start:curly]:
            return curly
    return close


def _reopens(text: str, at: int) -> bool:
    """The mark at ``at`` stands as an opener: after a space or bracket, before a word."""
    before = text[at - 1] if at else " "
    after = text[at + 1 : at + 2]
    return before in " \t\n([" and after.isalnum()


def _continued(text: str, paragraph_end: int, opener: str, closer: str) -> int:
    """Where a quotation left open at ``paragraph_end`` closes in the next paragraph, when
    that paragraph does not reopen it (a copy lost the paragraph's opening mark) but holds an
    unpaired closing mark: an odd count of straight marks, or a curly closer before any
    opener. -1 when the quotation ends with its paragraph."""
    end = text.find("\n\n", paragraph_end + 2)
    body = text[paragraph_end : len(text) if end < 0 else end].lstrip()
    start = (len(text) if end < 0 else end) - len(body)
    close = body.find(closer)
    if not body or body.startswith(opener) or close < 0:
        return -1
    paired = body.count(closer) % 2 == 0 if opener == closer else opener in body[:close]
    return -1 if paired else start + close


def _drop_nested(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    kept: list[tuple[int, int]] = []
    for start, end in sorted(ranges, key=lambda r: (r[0], -r[1])):
        if kept and start < kept[-1][1]:
            continue
        kept.append((start, end))
    return kept
