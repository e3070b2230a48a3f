"""The article view: each document's metadata and its text with actor mentions marked.

Mentions become ``<mark id="m-DOC-START" data-entity="ID">``; role and title phrases
("the general", "foreign minister") become ``<span class="role" id="r-DOC-START">`` where
they do not overlap a mention, so the actor cards can link to both. Each sentence that is
evidence for a timeline event or a claim gets one empty ``<a class="sentence" id="s-DOC-START">``
at its start (moved back to the start of a mention it would split), so both can link to it.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from dossier.report.fields import (
    document_anchor,
    mention_anchor,
    offsets,
    records,
    role_anchor,
    sentence_anchor,
    strings,
    type_class,
)

log = logging.getLogger(__name__)

TOOLTIP_EVIDENCE_CHARS = 200  # browsers show long title tooltips badly; the store keeps it all
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")  # paragraphs in the clean text are blank-line separated
SAFE_URL = re.compile(r"https?://[^\s\"'<>`]+\Z", re.IGNORECASE)  # only web links become <a href>
METADATA_FIELDS = ("outlet", "title", "authors", "published", "not_before", "url")

_PARAGRAPH_JOIN = Markup("</p>\n<p>")
_MARK = Markup('<mark class="ent ent-{}" data-entity="{}" id="{}">{}</mark>')
_ROLE = Markup('<span class="role" id="{}">{}</span>')
_SENTENCE = Markup('<a class="sentence" id="{}"></a>')


@dataclass(frozen=True, slots=True)
class Mark:
    """One span to draw: ``[start, end)`` into a document's text, a mention or a role."""

    start: int
    end: int
    entity: str
    kind: str
    role: bool = False

    def anchor(self, document_id: str) -> str:
        maker = role_anchor if self.role else mention_anchor
        return maker(document_id, self.start)


def marks_by_document(entities: Iterable[Mapping[str, Any]]) -> dict[str, list[Mark]]:
    """Every mention and role of every actor, grouped by the document it is in."""
    marks: dict[str, list[Mark]] = {}
    for entity in entities:
        entity_id, kind = str(entity.get("id")), type_class(entity.get("type"))
        for field, role in (("mentions", False), ("roles", True)):
            for item in records(entity.get(field)):
                span = offsets(item)
                if span is not None:
                    mark = Mark(*span, entity_id, kind, role)
                    marks.setdefault(str(item.get("document")), []).append(mark)
    return marks


def select_marks(text: str, marks: Iterable[Mark]) -> list[Mark]:
    """The marks that can be drawn, mentions first, then the roles that fit between them."""
    marks = list(marks)
    mentions = _select(text, (m for m in marks if not m.role), [])
    roles = _select(text, (m for m in marks if m.role), mentions)
    return sorted(mentions + roles, key=lambda m: m.start)


def _select(text: str, marks: Iterable[Mark], taken: Sequence[Mark]) -> list[Mark]:
    """In range, not across paragraphs, not overlapping each other or a ``taken`` mark."""
    chosen: list[Mark] = []
    last_end = 0
    for mark in sorted(marks, key=lambda m: (m.start, -m.end)):
        valid = 0 <= mark.start < mark.end <= len(text)
        if not valid or mark.start < last_end or _overlaps(mark, taken):
            log.debug("skipping span %s [%d, %d)", mark.entity, mark.start, mark.end)
            continue
        if PARAGRAPH_BREAK.search(text, mark.start, mark.end):
            continue
        chosen.append(mark)
        last_end = mark.end
    return chosen


def _overlaps(mark: Mark, taken: Sequence[Mark]) -> bool:
    return any(other.start < mark.end and mark.start < other.end for other in taken)


Anchor = tuple[int, int]  # (where it is drawn, the sentence start that names it)


def _highlight(
    text: str, marks: Sequence[Mark], document_id: str, points: Sequence[Anchor] = ()
) -> Markup:
    """The text as escaped ``<p>`` paragraphs, marks wrapped, sentence anchors at ``points``."""
    html: list[Markup] = []
    position = 0
    for mark in marks:
        html.append(_anchored(text, position, mark.start, points, document_id))
        html.append(_wrap(mark, document_id, text[mark.start : mark.end]))
        position = mark.end
    html.append(_anchored(text, position, len(text), points, document_id))
    return Markup("<p>") + Markup("").join(html) + Markup("</p>")


def _anchored(
    text: str, start: int, end: int, points: Sequence[Anchor], document_id: str
) -> Markup:
    """The plain text ``[start, end)`` with the anchors drawn at ``[start, end]``."""
    html: list[Markup] = []
    first = bisect_left(points, start, key=lambda p: p[0])
    for point, name in points[first : bisect_right(points, end, key=lambda p: p[0])]:
        html.append(_plain(text[start:point]))
        html.append(_SENTENCE.format(sentence_anchor(document_id, name)))
        start = point
    html.append(_plain(text[start:end]))
    return Markup("").join(html)


def sentence_points(text: str, starts: Iterable[Any], marks: Sequence[Mark]) -> list[Anchor]:
    """The sentence starts inside the text, each moved back to the start of a mark it is in."""
    points: set[Anchor] = set()
    for start in starts:
        if type(start) is not int or not 0 <= start <= len(text):
            continue
        inside = [mark.start for mark in marks if mark.start < start < mark.end]
        points.add((inside[0] if inside else start, start))
    return sorted(points)


def _wrap(mark: Mark, document_id: str, surface: str) -> Markup:
    anchor = mark.anchor(document_id)
    if mark.role:
        return _ROLE.format(anchor, surface)
    return _MARK.format(mark.kind, mark.entity, anchor, surface)


def _plain(text: str) -> Markup:
    return _PARAGRAPH_JOIN.join(escape(part) for part in PARAGRAPH_BREAK.split(text))


def document_view(
    doc: Mapping[str, Any], marks: Iterable[Mark], sentences: Iterable[Any] = ()
) -> dict[str, Any]:
    """What the template needs to show one article; ``body`` is already escaped Markup.

    ``sentences`` are the offsets where evidence sentences start; each gets an anchor.
    """
    doc_id = str(doc.get("id") or "")
    text = doc.get("text")
    text = text if isinstance(text, str) else ""
    drawn = select_marks(text, marks)
    points = sentence_points(text, sentences, drawn)
    return {
        "id": doc_id,
        "anchor": document_anchor(doc_id),
        "outlet": str(doc.get("outlet_label") or doc.get("outlet") or "unknown"),
        "title": str(doc.get("title") or "(untitled)"),
        "authors": ", ".join(strings(doc.get("authors"))),
        "published": _format_published(doc),
        "date": _published_value(doc),
        "words": doc.get("words") if type(doc.get("words")) is int else len(text.split()),
        "source": str(doc.get("source") or ""),
        "url": _safe_url(doc),
        "tips": _metadata_tips(doc.get("metadata")),
        "text": text,
        "body": _highlight(text, drawn, doc_id, points),
        "marks": drawn,
        "sentences": [start for _, start in points],  # the anchored evidence sentences
        "removed": records(doc.get("removed")),
    }


def _published_value(doc: Mapping[str, Any]) -> str | None:
    published = doc.get("published")
    if isinstance(published, Mapping) and published.get("value"):
        return str(published["value"])
    return None


def _format_published(doc: Mapping[str, Any]) -> str:
    """``2012-04-04 (day)``, ``not before 2015-03-27`` or an em dash."""
    value = _published_value(doc)
    if value is not None:
        published: Mapping[str, Any] = doc["published"]
        return f"{value} ({published.get('precision') or 'unknown'})"
    if doc.get("not_before"):
        return f"not before {doc['not_before']}"
    return "—"


def _safe_url(doc: Mapping[str, Any]) -> str | None:
    """The article's own web address, if it is a plain http(s) URL (never ``javascript:``)."""
    metadata = doc.get("metadata")
    field = metadata.get("url") if isinstance(metadata, Mapping) else None
    url = doc.get("url") or (field.get("value") if isinstance(field, Mapping) else None)
    return url if isinstance(url, str) and SAFE_URL.match(url) else None


def _metadata_tips(metadata: Any) -> dict[str, str]:
    """A tooltip per metadata field: where the value came from and how sure we are."""
    tips = dict.fromkeys(METADATA_FIELDS, "")
    if not isinstance(metadata, Mapping):
        return tips
    for name in METADATA_FIELDS:
        field = metadata.get(name)
        if isinstance(field, Mapping):
            tips[name] = _tooltip(field)
    return tips


def _tooltip(field: Mapping[str, Any]) -> str:
    confidence = field.get("confidence")
    sure = f"{confidence:.2f}" if isinstance(confidence, int | float) else "unknown"
    evidence = str(field.get("evidence") or "")
    if len(evidence) > TOOLTIP_EVIDENCE_CHARS:
        evidence = evidence[: TOOLTIP_EVIDENCE_CHARS - 1] + "…"
    tip = f"source: {field.get('source') or 'none'} · confidence: {sure}"
    return f"{tip} · evidence: {evidence}" if evidence else tip
