"""Second-look rules that judge a line by its place in the article, not by its shape alone.

The body region (``lines.py``) is a coarse cut. These passes refine it where a line's
neighbours say more than the line itself:

* a standfirst (dek) directly under the title is body, even though chrome follows it;
* a caption sentence ("Above, ...", "Pictured: ...") inside the body is not;
* a short "Source: X" credit under a table or list is not;
* a sidebar widget (a heading, a quote, its attribution and a "View Archive" link) is not;
* a run of short video or story teasers that never mention the article's subject is not.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from dossier.clean.signals import COMMENT_FORM, Cue, LineSignals, content_of, has_chrome_word

STANDFIRST_MIN_WORDS = 12  # a dek is a full sentence; shorter lines under a title are labels
CAPTION_MAX_WORDS = 45  # a caption is one or two sentences; longer lines are paragraphs
CREDIT_MAX_WORDS = 6  # "Source: Vallen Statistics Office" - a credit, not a sentence
ATTRIBUTION_MAX_WORDS = 12  # "Name, Role Undated": a name, a role and a date
SIDEBAR_MAX_LINES = 6  # heading, slogan, label, quote, attribution: a widget is this small
HEADING_MAX_WORDS = 4  # "Quote of the Day": a widget title is a short label
SIDEBAR_MAX_PROSE = 1  # a widget holds one quote or blurb; two paragraphs are the body
TEASER_MAX_WORDS = 40  # video and story teasers are a sentence or two
TEASER_MAX_SHARE = 0.75  # teasers follow a body; a run of nearly all kept words is the body
SUBJECT_MIN_COUNT = 3  # a name mentioned this often across the body is the article's subject
SUBJECT_TERMS = 3  # the article's leading names: most paragraphs name two of them
SUBJECT_MAX_SHARED = 1  # a teaser may share the broad topic (a country), not the story's cast

CAPTION_LEAD = re.compile(
    r"(?:^|[.!?][\"'”’)]*\s+)(?:(?:above|pictured)\s*[,:]|pictured (?:above|here|left|right)\b"
    r"|(?:left|right|top|bottom|inset|from left)\s*:)|\((?:photo|image|picture)\b[^)]*\)",
    re.IGNORECASE,
)
CREDIT = re.compile(r"^(?:sources?|data|graphic|chart|table)\s*:", re.IGNORECASE)
ATTRIBUTION = re.compile(
    r"^[^,.!?]{3,60},[^.!?]*\s(?:undated|\d{4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|"
    r"nov|dec)[a-z]*\.?\s+\d{1,2})$",
    re.IGNORECASE,
)
TEASER_VERB = re.compile(  # a video blurb: "Vallen Post's Ada Berg explains ..."
    r"\b[A-Z][\w'’.-]+ [A-Z][\w'’-]+ (?:analy[sz]es|explains|discusses|examines|reports"
    r"|breaks down|takes a look|weighs in)\b"
)
SECTION_END_MAX_WORDS = 16  # "12 thoughts on “<headline>”": a header is a label or a title
COMMENTS_START = re.compile(  # the comment thread: "12 thoughts on “<headline>”"
    r"^\d+ (?:thoughts|comments|responses|replies) (?:on|to)\b", re.IGNORECASE
)
# Comment stamps or forms from the first of which a text that lost its line breaks is a thread.
COMMENT_THREAD_MARKS = 2
READING_START = re.compile(  # a further-reading list: "More from <outlet>"
    r"^(?:more (?:from|in)|most (?:read|popular|viewed)|related coverage|you (?:may|might) also like|recommended for you)\b",
    re.IGNORECASE,
)
NAME = re.compile(r"\b[A-Z][a-z]{2,}\w*")
LOWER = re.compile(r"\b[a-z]{3,}\w*")


def keep_standfirst(
    texts: Sequence[str], signals: Sequence[LineSignals], reasons: list[str]
) -> None:
    """Keep one prose line directly under a first-line title: the dek or standfirst."""
    if len(signals) < 2 or has_chrome_word(texts[0]) or re.search(r"[.!?]$", texts[0]):
        return
    dek = signals[1]
    if dek.prose and dek.cue is None and dek.words >= STANDFIRST_MIN_WORDS:
        reasons[1] = "" if reasons[1] == "outside-body" else reasons[1]


def drop_captions(texts: Sequence[str], signals: Sequence[LineSignals], reasons: list[str]) -> None:
    """Drop kept lines holding a caption sentence, and short credits under a table or list."""
    for index, text in enumerate(texts):
        if reasons[index]:
            continue
        if (signals[index].words <= CAPTION_MAX_WORDS and CAPTION_LEAD.search(text)) or is_credit(
            signals, texts, index
        ):
            reasons[index] = str(Cue.CAPTION)


def is_credit(signals: Sequence[LineSignals], texts: Sequence[str], index: int) -> bool:
    if index == 0 or signals[index].words > CREDIT_MAX_WORDS or not CREDIT.match(texts[index]):
        return False
    above = signals[index - 1]
    return above.tabular or not above.prose


def drop_sidebars(texts: Sequence[str], signals: Sequence[LineSignals], reasons: list[str]) -> None:
    """Drop a small widget that ends in an attribution line followed by a navigation link."""
    for index in range(1, len(texts) - 1):
        if signals[index + 1].cue is not Cue.NAVIGATION or not is_attribution(texts[index]):
            continue
        start, prose = index, 0
        while start > 0 and index - start < SIDEBAR_MAX_LINES - 1:
            prose += signals[start - 1].prose
            if prose > SIDEBAR_MAX_PROSE:
                break
            start -= 1
        if is_heading(signals[start]) and signals[index].cue is None:
            for inner in range(start, index + 1):
                reasons[inner] = reasons[inner] or str(Cue.TEASER)


def is_heading(signal: LineSignals) -> bool:
    """A widget's title: a few words, no sentence, no chrome wording of its own."""
    return 0 < signal.words <= HEADING_MAX_WORDS and not signal.sentence and signal.cue is None


def is_attribution(text: str) -> bool:
    return len(text.split()) <= ATTRIBUTION_MAX_WORDS and bool(ATTRIBUTION.match(text))


def drop_teaser_runs(
    texts: Sequence[str], signals: Sequence[LineSignals], reasons: list[str]
) -> None:
    """Drop a run of short kept paragraphs, one with a teaser verb, none naming the subject,
    unless the run is nearly all that is kept: then it is the article, written a sentence a
    paragraph ("... the Los Angeles Times reports." opening a 200-word wire story)."""
    subject = subject_terms(texts, reasons, SUBJECT_TERMS)
    if not subject:
        return
    kept_words = sum(signal.words for signal, reason in zip(signals, reasons, strict=True)
                     if not reason)  # fmt: skip

    def off_topic(i: int) -> bool:
        short = 0 < signals[i].words <= TEASER_MAX_WORDS and not reasons[i]
        return short and len(subject & names_in(texts[i])) <= SUBJECT_MAX_SHARED

    for index, text in enumerate(texts):
        if not off_topic(index) or not TEASER_VERB.search(text):
            continue
        low, high = index, index + 1
        while low > 0 and off_topic(low - 1):
            low -= 1
        while high < len(texts) and off_topic(high):
            high += 1
        run_words = sum(signals[inner].words for inner in range(low, high))
        if high - low > 1 and run_words <= kept_words * TEASER_MAX_SHARE:
            for inner in range(low, high):
                reasons[inner] = str(Cue.TEASER)


def drop_after_section_end(
    texts: Sequence[str], signals: Sequence[LineSignals], reasons: list[str]
) -> None:
    """After the body, a comment-thread header ends the article, and so does a further-reading
    header followed only by teaser-sized lines (a body resumed after it has longer paragraphs),
    and so does the first line of a thread whose line breaks were lost: one holding a comment's
    time stamp or the comment form (``COMMENT_FORM``), with another such mark in it or after."""
    seen_body = False
    marks = [len(COMMENT_FORM.findall(text)) for text in texts]
    for index, text in enumerate(texts):
        thread = marks[index] > 0 and sum(marks[index:]) >= COMMENT_THREAD_MARKS
        if seen_body and (thread or is_section_end(texts, signals, index)):
            comments = thread or COMMENTS_START.match(content_of(text))
            cue = Cue.COMMENTS if comments else Cue.TEASER
            for inner in range(index, len(texts)):
                reasons[inner] = reasons[inner] or str(cue)
            return
        seen_body = seen_body or (signals[index].prose and not reasons[index])


def is_section_end(texts: Sequence[str], signals: Sequence[LineSignals], index: int) -> bool:
    content = content_of(texts[index])
    if signals[index].words > SECTION_END_MAX_WORDS:
        return False
    if COMMENTS_START.match(content):
        return True
    rest = signals[index + 1 :]
    return bool(READING_START.match(content)) and all(s.words <= TEASER_MAX_WORDS for s in rest)


def names_in(text: str) -> set[str]:
    """Capitalised words; whether they are names is settled against the article's vocabulary."""
    return set(NAME.findall(text))


def subject_terms(texts: Sequence[str], reasons: Sequence[str], top: int) -> set[str]:
    """The most mentioned names in kept lines: capitalised words never written in lowercase
    ("The" and "Officials" open sentences, but "the" and "officials" occur mid-sentence)."""
    counts: Counter[str] = Counter()
    lowercase: set[str] = set()
    for text, reason in zip(texts, reasons, strict=True):
        if not reason:
            counts.update(NAME.findall(text))
            lowercase.update(LOWER.findall(text))
    for word in [word for word in counts if word.casefold() in lowercase]:
        del counts[word]
    common = [name for name, count in counts.most_common(top) if count >= SUBJECT_MIN_COUNT]
    return set(common)
