"""The report in a real headless Chromium: our script runs, injected article markup does not."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from dossier.report import render_report

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
    "--virtual-time-budget=3000",
]  # fmt: skip
PAYLOADS = [
    "<script>document.body.setAttribute('data-pwned', 'script')</script>",
    "<img src=x onerror=\"document.body.setAttribute('data-pwned', 'img')\">",
    "</script><script>document.body.setAttribute('data-pwned', 'break')</script>",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (CI installs it)"),
]


def _hostile(seeds_export: dict[str, Any]) -> dict[str, Any]:
    data = json.loads(json.dumps(seeds_export))
    doc = data["documents"][0]
    doc["text"] = " ".join(PAYLOADS) + "\n\n" + doc["text"]
    doc["title"] = PAYLOADS[0]
    doc["outlet"] = PAYLOADS[1]
    data["failures"].append({"source": PAYLOADS[2], "stage": "ingest", "reason": PAYLOADS[0]})
    return data


def test_report_browser_runs_our_script_but_not_article_markup(
    seeds_export: dict[str, Any], tmp_path: Path
) -> None:
    page = tmp_path / "report.html"
    page.write_text(render_report(_hostile(seeds_export)), encoding="utf-8")
    profile = tmp_path / "profile"
    result = subprocess.run(
        [str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    dom = result.stdout
    body_tag = dom.split("<body", 1)[1].split(">", 1)[0]
    assert "data-pwned" not in body_tag, "article markup executed in the report"
    assert "document.body.setAttribute('data-pwned'" in dom  # still shown, as text
    label = dom.split('id="outlet-filter-label"', 1)[1].split(">", 1)[0]
    assert "hidden" not in label, "the report's own script did not run"
