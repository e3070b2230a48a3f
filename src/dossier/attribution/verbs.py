"""Reporting verbs read off the dependency parse: the speaker of each, whether it reports
content, and what that content says of the speaker (himself, or a denial)."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from typing import Any

from dossier.attribution import lexicon as lx
from dossier.attribution.content import framed, inside, quoted_appraisal, reports_content
from dossier.attribution.context import acronym_token
from dossier.clean.dates import AGENCY_DATELINE
from dossier.nlp import text_of

_NEGATIONS = frozenset({"not", "never", "neither", "n't", "nor"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Dependencies of a verb without a subject that speaks for its head's subject.
_BORROWING = frozenset({"conj", "advcl", "xcomp"})
# Verbs of a spoken commitment, whose subject also speaks a participle after them.
_PROMISES = frozenset({"promise", "vow", "pledge"})
# A reporting verb this close (characters) to a quotation reports it: ", he added".
QUOTE_NEAR_CHARS = 25
# Verbs whose object is the one spoken to, never the speaker.
_ADDRESSING = frozenset({"tell", "ask", "inform", "brief", "warn", "urge"})
# Verbs of opinion: "I see him as…" is the speaker's view of another, not about himself.
_OPINION_VERBS = frozenset({"see", "think", "believe", "consider", "regard", "feel", "find"})


def reporting_verbs(sent: Any, quotes: Sequence[tuple[int, int]]) -> Iterator[tuple[Any, Any]]:
    """(verb, subject head) for each reporting verb outside quotation marks. The speaker
    of "the agency quoted Moussa as saying" is the one quoted."""
    text: str = text_of(sent.doc)
    for token in sent:
        appraised = quoted_appraisal(token, quotes)
        if not (appraised or _reporting(token)) or token.pos_ not in {"VERB", "AUX"}:
            continue
        if inside(token.idx, quotes) or (negated(token) and not _holds_view(token)):
            continue
        quoted = token.lemma_.lower() == "quote"
        subject = next((c for c in token.children if c.dep_ == "dobj"), None) if quoted else None
        subject = subject if subject is not None else _subject(token)
        subject = subject if subject is not None else agent_of(token)
        if subject is None or inside(subject.idx, quotes):
            subject = _inverted_speaker(token, quotes)
        if subject is not None:
            subject = _speaker_before(token, subject) or subject
        if subject is not None and _in_dateline(subject):
            subject = _subject_after_dateline(token, subject)
        if subject is not None and subject.tag_ == "WP" and not acronym_token(subject):
            subject = _antecedent(token, subject) or subject  # "Ashton, who said": Ashton
        if subject is None or (subject.tag_ == "WDT" and not acronym_token(subject)):
            continue  # "an assault that showed how close ...": a thing, not a speaker
        reports = reports_content(token, _near_quote(text, token, quotes))
        if appraised or reports or _closing_tag(token, subject):
            yield token, subject


def agent_of(verb: Any) -> Any:
    """The one a passive verb names after "by": "was described by Casson as ..."."""
    by = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None


def _reporting(verb: Any) -> bool:
    """A verb of reporting; a verb of appraisal in a frame of speech ("Speaking through a
    translator, Davutoglu compared ..."); a verb that voices an attitude ("voiced frustration
    that ..."); or a verb of finding out whose subject is an unnamed source ("American
    officials detected four Iranian jets ferrying munitions")."""
    lemma = verb.lemma_.lower()
    if lemma in lx.REPORTING_VERBS or (lemma in lx.FRAMED_VERBS and framed(verb)):
        return True
    if lemma in lx.EXPRESSING_VERBS:  # "voiced frustration that ...", "expressed concern"
        return any(c.dep_ == "dobj" and c.lemma_.lower() in lx.ATTITUDES for c in verb.children)
    if lemma not in lx.DETECTING_VERBS:
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.lemma_.lower() in lx.INFORMANT_HEADS


def _in_dateline(token: Any) -> bool:
    """The token stands in a wire dateline ("GENEVA (Reuters) -"), which names a place and
    an agency, never a speaker, though the parser may make the place a subject."""
    text: str = text_of(token.doc)
    for place in token.sent:
        if place.i > token.i:
            return False
        found = AGENCY_DATELINE.match(text, place.idx) if place.is_upper else None
        if found is not None and token.idx < found.end():
            return True
    return False


def _subject_after_dateline(verb: Any, subject: Any) -> Any:
    """The other subject, after the dateline ``subject`` stands in, of the verb that has it:
    ``verb`` itself, or the verb it borrows its subject from ("GENEVA (Reuters) - The WHO
    declared a pandemic and advised governments to prepare")."""
    owner = subject.head if subject.dep_ in SUBJECT_DEPS else verb
    others = [c for c in owner.children if c.dep_ in SUBJECT_DEPS and c.i > subject.i]
    return next((c for c in others if not _in_dateline(c)), None)


def _speaker_before(verb: Any, subject: Any) -> Any:
    """The noun right before the verb, when the parser made an opening phrase the subject
    and hung the speaker inside it after a comma ("Since Soleimani's visit to Damascus, U.S.
    and Arab officials said", parsed with "visit" as the subject)."""
    before = verb.doc[verb.i - 1]
    if before.pos_ not in ("NOUN", "PROPN") or before.dep_ != "pobj" or _may_speak(subject):
        return None
    phrase = {t.i for t in subject.subtree}
    comma = any(t.text == "," for t in verb.doc[subject.i + 1 : before.i] if t.i in phrase)
    return before if before.i in phrase and comma else None


def _may_speak(noun: Any) -> bool:
    """A name, or a noun for people or an institution: a subject the parser may be right
    about ("Jalil, head of the rebel council, told", "protesters, refugees ... said")."""
    lemma = noun.lemma_.lower()
    heads = lx.ANONYMOUS_HEADS | lx.INSTITUTION_HEADS | lx.MEDIA_HEADS
    return bool(noun.ent_type_) or noun.pos_ != "NOUN" or noun.tag_ == "NNS" or lemma in heads


def _holds_view(verb: Any) -> bool:
    """ "Officials do not believe he knew": a negated belief is still the speaker's view
    (a first-person one, "I don't think ...", is the author's: ``cues._author``); so is
    advice withheld ("the WHO does not recommend closure of borders")."""
    lemma = verb.lemma_.lower()
    if lemma in lx.ADVICE_VERBS:
        return True
    if lemma not in ("believe", "think"):
        return False
    first = any(c.dep_ == "nsubj" and c.lower_ in lx.FIRST_PERSON for c in verb.children)
    return not first and any(c.dep_ == "ccomp" for c in verb.children)


def _antecedent(verb: Any, pronoun: Any) -> Any:
    """The noun a relative clause's verb (or a verb coordinated with it) describes: the
    noun just before the relative pronoun ("of Mr Ban who said", "Ashton, who said"), else
    the noun the parser hung the clause on."""
    doc, before = pronoun.doc, pronoun.i - 1
    if before >= 0 and doc[before].text == ",":
        before -= 1
    if before >= 0 and doc[before].pos_ in ("NOUN", "PROPN"):
        return doc[before]
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.head if verb.dep_ == "relcl" else None


def _inverted_speaker(verb: Any, quotes: Sequence[tuple[int, int]]) -> Any:
    """The speaker right after a verb right after a quotation ('"...!" shouted
    demonstrators'), when the parser took a word of the quotation for the subject and the
    speaker for an object. Not the one told ('"...," Margelov, told reporters')."""
    text: str = text_of(verb.doc)
    if verb.lemma_.lower() in _ADDRESSING or not any(
        end <= verb.idx and not text[end : verb.idx].strip(" ,.!?\"'\u201d\u2019")
        for _, end in quotes
    ):
        return None
    after = [c for c in verb.children if c.dep_ in ("dobj", "nsubj", "attr")
             and c.left_edge.i == verb.i + 1 and c.pos_ in ("NOUN", "PROPN")]  # fmt: skip
    return after[0] if after else None


def _subject(verb: Any) -> Any:
    """The verb's subject. A verb without one speaks for the subject of the verb it hangs
    on: coordinated ("Syria will be suspended ... and has said it will not attend"), a
    participle ("distanced themselves from BP, saying ...") or after a preposition
    ("followed the statement by announcing ..."), unless the phrase just before it is its
    misparsed speaker (``_phrase_before``). Naming verbs never borrow: "pay into the fund,
    called an escrow fund"; nor do passives."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    if subject is not None or passive or verb.lemma_.lower() in lx.NAMING_VERBS:
        return subject  # "was reported to have launched": no speaker
    before = _phrase_before(verb)
    if before is not None:
        return before
    speaker = _speaker_of_report(verb)
    if speaker is not None:
        return speaker
    head = verb
    for _ in range(3):
        if head.dep_ == "pcomp" and head.head.pos_ == "ADP":
            head = head.head
        elif head.dep_ not in _BORROWING:
            return None
        head = head.head
        subject = next((c for c in head.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None:
            return subject
    return None


def _speaker_of_report(verb: Any) -> Any:
    """The speaker, for a participle the parser hung on the words reported: in "Hayward
    promised that BP would change, telling reporters ...", "telling" hangs on "change", but
    Hayward tells, not BP."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or verb.head.dep_ != "ccomp":
        return None
    matrix = verb.head.head
    if matrix.lemma_.lower() not in lx.REPORTING_VERBS | _PROMISES:
        return None
    return next((c for c in matrix.children if c.dep_ == "nsubj"), None)


def _phrase_before(verb: Any) -> Any:
    """The noun phrase just before a subjectless verb, which the parser hung on something
    else as an apposition or a conjunct: "..., a spokesman for the Italian leader said"
    ("spokesman" in apposition to "Libya"), "... and Foreign Minister Alain Juppe said"."""
    if verb.i == verb.sent.start or verb.dep_ not in ("ROOT", "conj"):
        return None
    token = verb.doc[verb.i - 1]
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    if token.pos_ == "PROPN" and _in_clausal_subject(verb, token):
        return token
    for _ in range(4):
        if token.dep_ in ("appos", "conj"):
            return token
        if token.dep_ not in ("pobj", "prep"):
            return None
        token = token.head
    return None


def _in_clausal_subject(verb: Any, token: Any) -> bool:
    """The name stands inside a clause the parser made the verb's subject: "WHO chief Dr
    Margaret Chan said", parsed as "WHO chiefs Chan" (a clause) said. A report has a speaker,
    not a clause, for its subject."""
    return any(c.dep_ == "csubj" and c.left_edge.i <= token.i <= c.right_edge.i
               for c in verb.children)  # fmt: skip


def _near_quote(text: str, verb: Any, quotes: Sequence[tuple[int, int]]) -> bool:
    """ "“…,” he added" or "he added: “…”", not "added Iran to his ‘Axis of Evil’", nor a
    verb that opens the paragraph after a quotation ("…uniform.”\n\nTy Lawson added 16
    points")."""
    for start, end in quotes:
        if 0 <= verb.idx - end <= QUOTE_NEAR_CHARS and "\n" not in text[end : verb.idx]:
            return True
        between = text[verb.idx + len(verb) : start]
        if 0 <= len(between) <= QUOTE_NEAR_CHARS and ("," in between or ":" in between):
            return True
    return False


def _closing_tag(verb: Any, subject: Any) -> bool:
    """ "..., the Associated Press reports.": a comma, the speaker and the verb end the
    sentence, whatever the parser hung the verb on."""
    if any(not t.is_punct and not t.is_space for t in verb.doc[verb.i + 1 : verb.sent.end]):
        return False
    first = subject.left_edge.i
    return bool(subject.i < verb.i and first > verb.sent.start and verb.doc[first - 1].text == ",")


def opened_by(verb: Any, words: Collection[str]) -> bool:
    """The verb heads a clause opened by one of ``words``: "after" in "after Biden condemned
    the comments"."""
    return any(c.dep_ == "mark" and c.lower_ in words for c in verb.children)


def negated(token: Any) -> bool:
    """A negation on the verb, or a "neither ... nor" it shares ("neither denied nor
    confirmed"); not a contrast ("did not name them but said ...")."""
    if any(child.lower_ in _NEGATIONS for child in token.children):
        return True
    pair = [*token.head.children, *token.children] if token.dep_ == "conj" else []
    return any(c.lower_ in ("neither", "nor") for c in pair)


def finds_nothing(verb: Any, subject: Any) -> bool:
    """The speaker reports finding nothing: "said he had seen no evidence of ...", "adding:
    'I've seen no reports of ...'", "There is nothing I have seen that suggests ...". Not
    when he tells someone what he found no evidence of: "We could find no evidence you paid
    any attention to the risks" charges the listener."""
    speaker = {t.i for t in subject.subtree}
    for token in verb.subtree:
        if token.i in speaker:
            continue
        found = token.head.lemma_.lower() in lx.FINDING_VERBS
        none = any(c.dep_ == "det" and c.lower_ == "no" for c in token.children)
        if token.lemma_.lower() in lx.EVIDENCE_NOUNS and found and none:
            return not any(t.lower_ == "you" for t in token.subtree)
        if token.lower_ == "nothing":
            near = [token.head, *token.children]
            if any(t.lemma_.lower() in lx.SUGGESTING_VERBS for t in near):
                return True
    return False


def speaks_of_self(verb: Any, quotes: Sequence[tuple[int, int]]) -> bool:
    """ "X said he …", "X vowed to fight", or a quotation in which the speaker says "I did …"."""
    if verb.lemma_.lower() in _PROMISES:
        return True
    for child in verb.children:
        if child.dep_ not in {"ccomp", "xcomp", "parataxis"}:
            continue
        inner = next((c for c in child.children if c.dep_ in SUBJECT_DEPS), None)
        if inner is None:
            continue
        if inner.lower_ in {"he", "she"} and not inside(inner.idx, quotes):
            return True
        opinion = child.lemma_.lower() in _OPINION_VERBS
        if inner.lower_ in {"i", "we"} and inner.tag_ == "PRP" and not opinion:
            return True
    return False
