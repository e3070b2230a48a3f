"""The records passed between pipeline stages (``articles``: an article as read and cleaned;
``findings``: what the stages find in it), and the version of the stages that made them.

Every record is a frozen, slotted dataclass: cheap, typed and picklable (for Ray).
Validation happens only at the edges (sidecars, JSON Lines, the CLI).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from dossier.model.articles import (
    CleanArticle,
    DatePrecision,
    EntityType,
    Line,
    LineDecision,
    Mention,
    Metadata,
    MetaField,
    MetaSource,
    Overrides,
    PublishedDate,
    RawArticle,
    RemovedLine,
    Role,
    Segment,
    Sentence,
    SourceKind,
    Span,
)
from dossier.model.findings import (
    AnnotatedArticle,
    Attribution,
    AttributionType,
    BuildStats,
    Claim,
    Event,
    EventCandidate,
    EventEvidence,
    Failure,
    Quantity,
    Quote,
    QuoteKind,
    TimeExpr,
    TimeKind,
    TimePrecision,
)

STAGES_VERSION = "0.3.0"
# What reads the stored rows rather than making them: a change there redoes no article.
_READERS = frozenset({"report", "export", "cli.py", "cli_claims.py", "cli_entities.py",
                      "cli_timeline.py", "__pycache__"})  # fmt: skip


def stages_digest(root: Path) -> str:
    """A digest of the package's code and data under ``root``, less its readers (``_READERS``): any change
    to a stage changes it, so a dossier upgraded in place redoes its articles on the next
    build instead of keeping rows an older version made (a version number bumped by hand
    was never bumped)."""
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if path.is_file() and path.suffix != ".pyc" and relative.parts[0] not in _READERS:
            digest.update(relative.as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


# The package whose code the digest reads.
PACKAGE_ROOT = Path(__file__).parent.parent
# Stored with each document: a build redoes the articles another version made.
EXTRACTOR_VERSION = f"{STAGES_VERSION}+{stages_digest(PACKAGE_ROOT)}"

__all__ = [
    "EXTRACTOR_VERSION",
    "PACKAGE_ROOT",
    "STAGES_VERSION",
    "AnnotatedArticle",
    "Attribution",
    "AttributionType",
    "BuildStats",
    "Claim",
    "CleanArticle",
    "DatePrecision",
    "EntityType",
    "Event",
    "EventCandidate",
    "EventEvidence",
    "Failure",
    "Line",
    "LineDecision",
    "Mention",
    "MetaField",
    "MetaSource",
    "Metadata",
    "Overrides",
    "PublishedDate",
    "Quantity",
    "Quote",
    "QuoteKind",
    "RawArticle",
    "RemovedLine",
    "Role",
    "Segment",
    "Sentence",
    "SourceKind",
    "Span",
    "TimeExpr",
    "TimeKind",
    "TimePrecision",
    "stages_digest",
]
