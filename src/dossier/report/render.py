"""Render the JSON export as one self-contained HTML file.

Everything in the export is untrusted text from the articles. It reaches the page only
through Jinja2 with autoescape on, or through ``markupsafe.escape`` for the highlighted
article bodies, or through the ``tojson`` filter inside ``<script type="application/json">``.
The page loads nothing from outside: the stylesheet and script are inlined, and a
Content-Security-Policy that allows only their hashes stops any injected script or request.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from dossier.model import EntityType

log = logging.getLogger(__name__)

TOP_ENTITIES = 8  # enough to name the main actors on the subject card without crowding it
TOOLTIP_EVIDENCE_CHARS = 200  # browsers show long title tooltips badly; the store keeps it all
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")  # paragraphs in the clean text are blank-line separated
SAFE_URL = re.compile(r"https?://[^\s\"'<>`]+\Z", re.IGNORECASE)  # only web links become <a href>
METADATA_FIELDS = ("outlet", "title", "authors", "published", "not_before", "url")
KNOWN_TYPES = frozenset(t.value for t in EntityType)  # each has a colour in report.css
ASSETS = "report/templates"

_PARAGRAPH_JOIN = Markup("</p>\n<p>")
_MARK = Markup('<mark class="ent ent-{}" data-entity="{}" id="{}">{}</mark>')


@dataclass(frozen=True, slots=True)
class _Mark:
    """One entity mention to highlight: ``[start, end)`` into a document's text."""

    start: int
    end: int
    entity: str
    kind: str


def render_report(dossier: Mapping[str, Any]) -> str:
    """Return the whole HTML document for a dossier export object."""
    documents = _records(dossier.get("documents"))
    entities = _records(dossier.get("entities"))
    marks = _marks_by_document(entities)
    views = [_document_view(doc, marks.get(str(doc.get("id")), [])) for doc in documents]
    first = _first_anchors(views)
    entity_rows = _entity_rows(entities, first)
    css, js = _asset("report.css"), _asset("report.js")
    template = _environment().get_template("report.html.j2")
    return template.render(
        generated=str(dossier.get("generated") or ""),
        version=str(dossier.get("dossier_version") or ""),
        card=_card(views, entity_rows),
        documents=views,
        entities=entity_rows,
        types=sorted({(row["type"] or "OTHER", row["kind"]) for row in entity_rows}),
        failures=_records(dossier.get("failures")),
        events=_records(dossier.get("events")),
        claims=_records(dossier.get("claims")),
        framing=_records(dossier.get("framing")),
        data=_script_data(views, entity_rows),
        csp=_content_security_policy(css, js),
        css=Markup(css),
        js=Markup(js),
    )


@cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("dossier", ASSETS),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@cache
def _asset(name: str) -> str:
    """The text of a static asset shipped next to the template (package data)."""
    return resources.files("dossier").joinpath(ASSETS, name).read_text(encoding="utf-8")


def _content_security_policy(css: str, js: str) -> str:
    def digest(text: str) -> str:
        raw = hashlib.sha256(text.encode("utf-8")).digest()
        return f"'sha256-{base64.b64encode(raw).decode('ascii')}'"

    return (
        f"default-src 'none'; style-src {digest(css)}; script-src {digest(js)}; "
        "base-uri 'none'; form-action 'none'"
    )


def _records(value: Any) -> list[Mapping[str, Any]]:
    """The mappings in a list field of the export, skipping anything else."""
    if not isinstance(value, Sequence) or isinstance(value, str):
        return []
    return [item for item in value if isinstance(item, Mapping)]


def _type_class(value: Any) -> str:
    kind = str(value or "").upper()
    return kind if kind in KNOWN_TYPES else "OTHER"


def _marks_by_document(entities: Iterable[Mapping[str, Any]]) -> dict[str, list[_Mark]]:
    marks: dict[str, list[_Mark]] = {}
    for entity in entities:
        entity_id, kind = str(entity.get("id")), _type_class(entity.get("type"))
        for mention in _records(entity.get("mentions")):
            start, end = mention.get("start"), mention.get("end")
            if type(start) is int and type(end) is int:
                mark = _Mark(start, end, entity_id, kind)
                marks.setdefault(str(mention.get("document")), []).append(mark)
    return marks


def _select_marks(text: str, marks: Iterable[_Mark]) -> list[_Mark]:
    """The marks that can be drawn: in range, not across paragraphs, not overlapping."""
    chosen: list[_Mark] = []
    last_end = 0
    for mark in sorted(marks, key=lambda m: (m.start, -m.end)):
        valid = 0 <= mark.start < mark.end <= len(text)
        if not valid or mark.start < last_end:
            log.debug("skipping mention %s [%d, %d)", mark.entity, mark.start, mark.end)
            continue
        if PARAGRAPH_BREAK.search(text, mark.start, mark.end):
            continue
        chosen.append(mark)
        last_end = mark.end
    return chosen


def _highlight(text: str, marks: Sequence[_Mark], document_id: str) -> Markup:
    """The text as escaped ``<p>`` paragraphs with the marks wrapped in ``<mark>``."""
    html: list[Markup] = []
    position = 0
    for mark in marks:
        html.append(_plain(text[position : mark.start]))
        anchor = _mention_anchor(document_id, mark.start)
        html.append(_MARK.format(mark.kind, mark.entity, anchor, text[mark.start : mark.end]))
        position = mark.end
    html.append(_plain(text[position:]))
    return Markup("<p>") + Markup("").join(html) + Markup("</p>")


def _plain(text: str) -> Markup:
    return _PARAGRAPH_JOIN.join(escape(part) for part in PARAGRAPH_BREAK.split(text))


def _mention_anchor(document_id: str, start: int) -> str:
    return f"m-{document_id}-{start}"


def _document_view(doc: Mapping[str, Any], marks: Iterable[_Mark]) -> dict[str, Any]:
    doc_id = str(doc.get("id") or "")
    text = doc.get("text")
    text = text if isinstance(text, str) else ""
    drawn = _select_marks(text, marks)
    return {
        "id": doc_id,
        "anchor": f"doc-{doc_id}",
        "outlet": str(doc.get("outlet") or "unknown"),
        "title": str(doc.get("title") or "(untitled)"),
        "authors": ", ".join(str(a) for a in doc.get("authors") or ()),
        "published": _format_published(doc),
        "date": _published_value(doc),
        "words": doc.get("words") if type(doc.get("words")) is int else len(text.split()),
        "source": str(doc.get("source") or ""),
        "url": _safe_url(doc),
        "tips": _metadata_tips(doc.get("metadata")),
        "body": _highlight(text, drawn, doc_id),
        "marks": drawn,
        "removed": _records(doc.get("removed")),
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


def _first_anchors(views: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """Each entity's first drawn mention, in document order."""
    first: dict[str, str] = {}
    for view in views:
        for mark in view["marks"]:
            first.setdefault(mark.entity, _mention_anchor(view["id"], mark.start))
    return first


def _entity_rows(
    entities: Iterable[Mapping[str, Any]], first: Mapping[str, str]
) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for entity in entities:
        entity_id = str(entity.get("id"))
        mentions = _records(entity.get("mentions"))
        aliases = [str(a) for a in entity.get("aliases") or () if a != entity.get("name")]
        rows.append(
            {
                "id": entity_id,
                "name": str(entity.get("name") or entity_id),
                "type": str(entity.get("type") or ""),
                "kind": _type_class(entity.get("type")),
                "aliases": ", ".join(aliases),
                "mentions": len(mentions),
                "documents": len({str(m.get("document")) for m in mentions}),
                "anchor": first.get(entity_id),
            }
        )
    rows.sort(key=lambda row: (-row["mentions"], row["name"].casefold()))
    return rows


def _card(
    views: Sequence[Mapping[str, Any]], entities: Sequence[Mapping[str, Any]]
) -> dict[str, Any]:
    outlets = Counter(view["outlet"] for view in views)
    dates = sorted(view["date"] for view in views if view["date"])
    return {
        "sources": len(views),
        "outlets": sorted(outlets.items(), key=lambda item: (-item[1], item[0].casefold())),
        "first": dates[0] if dates else None,
        "last": dates[-1] if dates else None,
        "words": sum(view["words"] for view in views),
        "entities": len(entities),
        "top": [row for row in entities if row["mentions"]][:TOP_ENTITIES],
    }


def _script_data(
    views: Iterable[Mapping[str, Any]], entities: Iterable[Mapping[str, Any]]
) -> dict[str, Any]:
    """What the inline script needs; the template embeds it with ``tojson``."""
    return {
        "outlets": sorted({view["outlet"] for view in views}, key=str.casefold),
        "entities": {row["id"]: {"name": row["name"], "type": row["type"]} for row in entities},
    }
