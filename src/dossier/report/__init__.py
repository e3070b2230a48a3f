"""Stage 11, report: the dossier as one self-contained, offline HTML file."""

from dossier.report.render import render_report

__all__ = ["render_report"]
