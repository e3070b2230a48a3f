"""Tests for dossier.clean.html on small hand-written pages (invented outlets and people)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.clean.html import extract_html
from dossier.errors import ExtractionError
from dossier.model import DatePrecision, MetaSource, PublishedDate

BODY = """
<p>The Harbourview council voted on Tuesday to close the old Marrow Street ferry pier after
an engineering survey found the pilings had rotted through in several places.</p>
<p>Councillor Ilse Brandvold said the decision had been delayed for two years while the town
searched for money to repair the structure, which dates from the nineteen-twenties.</p>
<p>Ferry services will move to the northern terminal from next month, the operator said in a
statement, adding that timetables would not change for most passengers.</p>
<p>Residents who rely on the pier for fishing boats will be offered moorings at the marina,
according to a letter sent to households in the Marrow Street district this week.</p>
"""

FULL_PAGE = f"""<!DOCTYPE html>
<html lang="en"><head>
<title>Council closes Marrow Street pier | The Harbourview Lantern</title>
<meta property="og:site_name" content="The Harbourview Lantern">
<meta property="og:title" content="Council closes Marrow Street pier">
<meta property="og:url" content="https://lantern.example/news/marrow-pier">
<meta property="article:published_time" content="2023-09-12T08:30:00+00:00">
<meta name="author" content="Petra Olsgaard; Tomas Velkin">
<style>.zebraquill-style {{ color: red; }}</style>
<script>var trackerToken = "QUASARPLUM-SCRIPT";</script>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<header><div class="masthead">The Harbourview Lantern</div></header>
<article><h1>Council closes Marrow Street pier</h1>{BODY}</article>
<script>document.write("NIGHTJAR-INLINE-SCRIPT");</script>
<div id="comments" class="comments"><h3>Comments</h3>
<p>GullWatcher77: this is a disgrace, the pier was fine when I was young!</p></div>
<footer><p>Copyright 2023 Lantern Media. All rights reserved.</p></footer>
</body></html>
"""


def test_clean_html_reads_body_as_paragraphs() -> None:
    result = extract_html(FULL_PAGE, "pier.html")
    paragraphs = result.text.split("\n\n")
    assert any(p.startswith("The Harbourview council voted") for p in paragraphs)
    assert any(p.startswith("Ferry services will move") for p in paragraphs)
    assert all(p == p.strip() and "\n" not in p for p in paragraphs)
    assert "<p>" not in result.text


def test_clean_html_never_keeps_script_or_style() -> None:
    result = extract_html(FULL_PAGE, "pier.html")
    for marker in ("QUASARPLUM", "NIGHTJAR", "zebraquill", "trackerToken"):
        assert marker not in result.text
    assert "script (2)" in result.removed
    assert "style (1)" in result.removed


def test_clean_html_drops_navigation_footer_and_comments() -> None:
    result = extract_html(FULL_PAGE, "pier.html")
    assert "GullWatcher77" not in result.text
    assert "All rights reserved" not in result.text
    assert "Sport" not in result.text
    assert any(item.startswith("boilerplate (") for item in result.removed)


def test_clean_html_reads_metadata() -> None:
    result = extract_html(FULL_PAGE, "pier.html")
    assert result.title.value == "Council closes Marrow Street pier"
    assert result.title.source is MetaSource.HTML_META
    assert result.authors.value == ("Petra Olsgaard", "Tomas Velkin")
    assert result.outlet.value == "The Harbourview Lantern"
    assert result.outlet.source is MetaSource.HTML_META
    assert result.url.value == "https://lantern.example/news/marrow-pier"


def test_clean_html_published_time_gives_day_precision() -> None:
    published = extract_html(FULL_PAGE, "pier.html").published
    assert published.value == PublishedDate("2023-09-12", DatePrecision.DAY)
    assert published.source is MetaSource.HTML_META
    assert published.evidence == "2023-09-12T08:30:00+00:00"


def test_clean_html_month_only_date_gives_month_precision() -> None:
    page = FULL_PAGE.replace("2023-09-12T08:30:00+00:00", "2023-09")
    published = extract_html(page, "pier.html").published
    assert published.value == PublishedDate("2023-09", DatePrecision.MONTH)


def test_clean_html_bare_year_does_not_coarsen_a_full_date() -> None:
    page = FULL_PAGE.replace("<title>", '<meta name="date" content="2023"><title>')
    published = extract_html(page, "pier.html").published
    assert published.value == PublishedDate("2023-09-12", DatePrecision.DAY)


def test_clean_html_json_ld_date_is_evidence() -> None:
    page = FULL_PAGE.replace(
        '<meta property="article:published_time" content="2023-09-12T08:30:00+00:00">',
        '<script type="application/ld+json">'
        '{"@type": "NewsArticle", "datePublished": "2023-09-14T10:00:00Z"}</script>',
    )
    published = extract_html(page, "pier.html").published
    assert published.value == PublishedDate("2023-09-14", DatePrecision.DAY)
    assert published.evidence == "2023-09-14T10:00:00Z"


def test_clean_html_without_metadata_says_unknown() -> None:
    page = f"<html><body><div>{BODY}</div></body></html>"
    result = extract_html(page, "bare.html")
    assert "Marrow Street" in result.text
    assert result.outlet.value == "unknown"
    assert result.outlet.source is MetaSource.NONE
    assert result.published.value is None
    assert result.published.source is MetaSource.NONE
    assert result.authors.value == ()
    assert result.title.value is None
    assert result.url.value is None


def test_clean_html_falls_back_when_trafilatura_finds_no_article() -> None:
    page = (
        "<html><head><title>Notice</title><style>.x{}</style></head><body>"
        '<div id="comments"><p>Ferry timetable changes from'
        " Monday.</p><script>var leak = 'WOMBATSCRIPT';</script></div>"
        "<aside>Most read: otters</aside><footer><p>Contact us</p></footer></body></html>"
    )
    result = extract_html(page, "notice.html")
    assert result.text == "Ferry timetable changes from Monday."
    assert result.title.value == "Notice"
    assert "WOMBATSCRIPT" not in result.text


def test_clean_html_fallback_reads_text_that_is_not_html() -> None:
    result = extract_html("The pier closes on Friday.\n\nFerries move north.", "note.html")
    assert "The pier closes on Friday." in result.text
    assert "Ferries move north." in result.text


@pytest.mark.parametrize(
    "page",
    [
        "",
        "   \n ",
        "<html><head><script>var only = 1;</script></head><body></body></html>",
        "<html><body><!-- only a comment --><style>p {}</style></body></html>",
    ],
)
def test_clean_html_empty_page_raises(page: str) -> None:
    with pytest.raises(ExtractionError, match=r"empty\.html"):
        extract_html(page, "empty.html")


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300), st.text(max_size=300))
def test_clean_html_fuzz_returns_text_or_raises_extraction_error(before: str, after: str) -> None:
    page = f"<html><body>{before}<script>var x = 'FUZZSCRIPTMARK';</script>{after}</body></html>"
    try:
        result = extract_html(page, "fuzz.html")
    except ExtractionError:
        return
    assert result.text.strip()
    assert "FUZZSCRIPTMARK" not in result.text


def test_clean_html_repair_keeps_curly_quotes_and_fixes_mojibake() -> None:
    from dossier.clean import repair_text

    assert repair_text("The minister’s “plan”") == "The minister’s “plan”"
    assert repair_text("The ministerâ€™s plan") == "The minister’s plan"


@pytest.mark.parametrize(
    ("site_name", "outlet"),
    [
        ("https://www.lantern.example", "lantern.example"),
        ("www.lantern.example/", "lantern.example"),
        ("https://news.lantern.example", "lantern.example"),  # one site, one outlet
        ("Lantern.example", "Lantern.example"),  # a name that is a domain stays as written
        ("The Harbourview Lantern", "The Harbourview Lantern"),
    ],
)
def test_clean_html_a_site_name_given_as_an_address_is_its_host(
    site_name: str, outlet: str
) -> None:
    page = FULL_PAGE.replace('content="The Harbourview Lantern"', f'content="{site_name}"')
    assert extract_html(page, "pier.html").outlet.value == outlet
