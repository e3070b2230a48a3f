"""Render the JSON export as one self-contained HTML file.

Everything in the export is untrusted text from the articles. It reaches the page only
through Jinja2 with autoescape on, or through ``markupsafe.escape`` for the highlighted
article bodies, or through the ``tojson`` filter inside ``<script type="application/json">``.
The page loads nothing from outside: the stylesheet and script are inlined, and a
Content-Security-Policy that allows only their hashes stops any injected script or request.
The stylesheet is the files in ``STYLES``, joined. The script (the files in ``SCRIPTS``,
joined into one function so there is one hash) reads its data from that JSON island and
builds the timeline and network drawings with ``createElementNS``/``setAttribute``/
``textContent`` only; the claim ledger's script only filters and folds rows.

The view models live next to this module: ``articles.py`` (the highlighted article view),
``actors.py`` (the actor cards), ``network.py`` (the actor network), ``timeline.py`` and
``claims.py`` (the claim ledger).
"""

from __future__ import annotations

import base64
import hashlib
import logging
from collections import Counter
from collections.abc import Mapping, Sequence
from functools import cache
from importlib import resources
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from dossier.report.actors import build_actors, index_articles, split_actors
from dossier.report.articles import document_view, marks_by_document
from dossier.report.claims import build_claims
from dossier.report.fields import records, sentence_starts
from dossier.report.network import build_network
from dossier.report.timeline import build_timeline

log = logging.getLogger(__name__)

TOP_ENTITIES = 8  # enough to name the main actors on the subject card without crowding it
ASSETS = "report/templates"
SCRIPTS = ("report.js", "timeline.js", "timeline-panel.js", "claims.js")  # one scope, in order
STYLES = ("report.css", "claims.css")  # joined into the one inline stylesheet


def render_report(dossier: Mapping[str, Any]) -> str:
    """Return the whole HTML document for a dossier export object."""
    documents = records(dossier.get("documents"))
    entities = records(dossier.get("entities"))
    marks = marks_by_document(entities)
    starts = sentence_starts(dossier.get("events"), dossier.get("claims"))
    views = [
        document_view(doc, marks.get(str(doc.get("id")), []), starts.get(str(doc.get("id")), ()))
        for doc in documents
    ]
    actors = build_actors(entities, index_articles(views))
    cards, rest = split_actors(actors)
    network = build_network(dossier.get("network"), actors)
    timeline = build_timeline(dossier.get("events"), actors, views)
    claims = build_claims(dossier.get("claims"), views)
    css, js = _stylesheet(), _script()
    template = _environment().get_template("report.html.j2")
    return template.render(
        generated=str(dossier.get("generated") or ""),
        version=str(dossier.get("dossier_version") or ""),
        card=_card(views, actors),
        documents=views,
        actors=actors,
        cards=cards,
        rest=rest,
        network=network,
        types=sorted({(row["type"] or "OTHER", row["kind"]) for row in actors}),
        failures=records(dossier.get("failures")),
        timeline=timeline,
        claims=claims,
        framing=records(dossier.get("framing")),
        data=_script_data(views, actors, network, timeline),
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


@cache
def _stylesheet() -> str:
    return "\n".join(_asset(name) for name in STYLES)


@cache
def _script() -> str:
    """The report's one inline script: its parts share a function scope and strict mode."""
    parts = "\n".join(_asset(name) for name in SCRIPTS)
    return f'(function () {{\n  "use strict";\n{parts}}})();\n'


def _content_security_policy(css: str, js: str) -> str:
    def digest(text: str) -> str:
        raw = hashlib.sha256(text.encode("utf-8")).digest()
        return f"'sha256-{base64.b64encode(raw).decode('ascii')}'"

    return (
        f"default-src 'none'; style-src {digest(css)}; script-src {digest(js)}; "
        "base-uri 'none'; form-action 'none'"
    )


def _card(
    views: Sequence[Mapping[str, Any]], actors: Sequence[Mapping[str, Any]]
) -> dict[str, Any]:
    outlets = Counter(view["outlet"] for view in views)
    dates = sorted(view["date"] for view in views if view["date"])
    return {
        "sources": len(views),
        "outlets": sorted(outlets.items(), key=lambda item: (-item[1], item[0].casefold())),
        "first": dates[0] if dates else None,
        "last": dates[-1] if dates else None,
        "words": sum(view["words"] for view in views),
        "entities": len(actors),
        "top": [row for row in actors if row["mentions"]][:TOP_ENTITIES],
    }


def _script_data(
    views: Sequence[Mapping[str, Any]],
    actors: Sequence[Mapping[str, Any]],
    network: Mapping[str, Any],
    timeline: Mapping[str, Any],
) -> dict[str, Any]:
    """What the inline script needs; the template embeds it with ``tojson``."""
    return {
        "outlets": sorted({view["outlet"] for view in views}, key=str.casefold),
        "entities": {
            row["id"]: {
                "name": row["name"],
                "type": row["type"],
                "kind": row["kind"],
                "aliases": [alias["text"] for alias in row["aliases"]],
                "mentions": row["mentions"],
                "documents": row["documents"],
            }
            for row in actors
        },
        "network": {"nodes": network["nodes"], "edges": network["edges"]},
        "timeline": {"events": timeline["events"]},
    }
