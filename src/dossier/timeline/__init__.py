"""Stage 8, timeline: dated sentences become event candidates, merged across articles."""

from __future__ import annotations

from dossier.timeline.candidates import event_candidates
from dossier.timeline.merge import merge_events
from dossier.timeline.summary import summarize

__all__ = ["event_candidates", "merge_events", "summarize"]
