"""Metadata from pasted plain text: hand-built pages with invented outlets and names."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.clean.bylines import clean_person_name, parse_name_list
from dossier.clean.dates import find_dates
from dossier.clean.signals import Cue, find_cue
from dossier.clean.textmeta import TextMetadata, extract_text_metadata
from dossier.model import DatePrecision, Line, MetaSource, PublishedDate

SEEDS = Path(__file__).parents[1].parent / "shared" / "corpus" / "seeds"

# A body paragraph long enough to count as prose (it marks where the page header ends).
BODY = (
    "The harbour commission voted on Tuesday to reopen the northern pier after two years of "
    "repairs, a decision that local fishermen had demanded for months and that the mayor "
    "described as overdue, while several councillors warned that the budget for the work "
    "had already been exceeded twice."
)


def _lines(text: str) -> list[Line]:
    """Split like dossier.clean.lines.split_lines: non-blank, stripped, with offsets."""
    lines: list[Line] = []
    for match in re.finditer(r"[^\n]+", text):
        raw = match.group()
        if raw.strip():
            start = match.start() + len(raw) - len(raw.lstrip())
            lines.append(Line(len(lines), start, start + len(raw.strip()), raw.strip()))
    return lines


def _meta(*rows: str) -> TextMetadata:
    return extract_text_metadata(_lines("\n".join(rows)))


def _reasons(meta: TextMetadata) -> dict[int, str]:
    return dict(meta.consumed)


# --- title -----------------------------------------------------------------------------


def test_clean_textmeta_title_is_first_headline() -> None:
    meta = _meta("Harbour Pier Reopens After Repairs", "", BODY)
    assert meta.title.value == "Harbour Pier Reopens After Repairs"
    assert meta.title.source is MetaSource.TEXT_PATTERN
    assert meta.title.evidence == "Harbour Pier Reopens After Repairs"
    assert _reasons(meta) == {0: "title"}


def test_clean_textmeta_title_skips_leading_chrome() -> None:
    meta = _meta("11:20 GMT04 May 2022", "Listen Live", "Get short URL", "Pier Reopens", BODY)
    assert meta.title.value == "Pier Reopens"
    assert _reasons(meta)[3] == "title"


def test_clean_textmeta_title_skips_section_label() -> None:
    meta = _meta("Coastal news", "Ferry strike spreads to three ports", BODY)
    assert meta.title.value == "Ferry strike spreads to three ports"


def test_clean_textmeta_title_strips_byline_suffix() -> None:
    meta = _meta("Harbour Lights Return, By Marta Kowalczyk And Tomasz Brenner", BODY)
    assert meta.title.value == "Harbour Lights Return"
    assert meta.authors.value == ("Marta Kowalczyk", "Tomasz Brenner")


def test_clean_textmeta_title_teaser_with_comment_count_is_none() -> None:
    meta = _meta("Listen Live", "Pier Row Deepens As Council Splits (87)", BODY)
    assert meta.title.value is None
    assert meta.title.source is MetaSource.NONE


def test_clean_textmeta_title_repeated_line_is_none() -> None:
    meta = _meta("Pier Row Deepens", BODY, "More stories", "Pier Row Deepens")
    assert meta.title.value is None


def test_clean_textmeta_title_none_when_text_starts_with_body() -> None:
    assert _meta(BODY, "Another paragraph follows here.").title.value is None


# --- authors ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("By Elena Marquez and Tobias Lindqvist", ("Elena Marquez", "Tobias Lindqvist")),
        ("By Ana Pereira, Liam O'Connor and Rania al-Haddad", ("Ana Pereira", "Liam O'Connor", "Rania al-Haddad")),
        ("By Elena Marquez, Staff Writer", ("Elena Marquez",)),
        ("BY ELENA MARQUEZ | The Coastal Ledger", ("Elena Marquez",)),
        ("Reporting by Jan van der Berg in Oslo; Editing by Mia Holt", ("Jan van der Berg",)),
        ("By JANE HOLLOWAY and PIET DE GROOT", ("Jane Holloway", "Piet De Groot")),
        ("By Lena Sun and Ivo Star, The North Post", ("Lena Sun", "Ivo Star")),  # surnames
    ],
)  # fmt: skip
def test_clean_textmeta_byline_names(byline: str, names: tuple[str, ...]) -> None:
    meta = _meta("Pier Reopens", byline, BODY)
    assert meta.authors.value == names
    assert meta.authors.source is MetaSource.TEXT_PATTERN
    assert _reasons(meta)[1] == "byline"


def test_clean_textmeta_teaser_byline_after_body_is_ignored() -> None:
    meta = _meta("Pier Reopens", BODY, "Related stories", "Ports Shut Down", "By Anna Berg")
    assert meta.authors.value == ()
    tail = _meta("Pier Reopens", BODY, "Reporting by Anna Berg; Editing by Tom Ash")
    assert tail.authors.value == ("Anna Berg",)


def test_clean_textmeta_body_sentence_starting_by_is_not_a_byline() -> None:
    meta = _meta("Pier Reopens", "By approving the budget, Mayor Ines Toft ended the row.", BODY)
    assert meta.authors.value == ()
    assert 1 not in _reasons(meta)


def test_clean_textmeta_no_byline_gives_no_authors() -> None:
    meta = _meta("Pier Reopens", BODY)
    assert meta.authors.value == ()
    assert meta.authors.source is MetaSource.NONE
    assert meta.authors.confidence == 0.0


def test_clean_textmeta_write_to_signoff() -> None:
    meta = _meta("Pier Reopens", BODY, "Write to Ada Quist at ada@example.org and Bo Lind at bo@x")
    assert meta.authors.value == ("Ada Quist", "Bo Lind")
    assert _reasons(meta)[2] == "sign-off"


@pytest.mark.parametrize("dash", ["—", "–", "-", "|", ","])
def test_clean_textmeta_role_line_any_dash(dash: str) -> None:
    meta = _meta("Pier Reopens", f"Priya Raman {dash} Senior Correspondent", BODY)
    assert meta.authors.value == ("Priya Raman",)
    assert _reasons(meta)[1] == "byline"


@pytest.mark.parametrize(
    ("byline", "outlet"),
    [
        ("By Elena Marquez, The Coastal Ledger", "The Coastal Ledger"),
        ("By Elena Marquez and Tobias Lindqvist, Harbour Wire", "Harbour Wire"),
        ("BY ELENA MARQUEZ | The Coastal Ledger", "The Coastal Ledger"),
        ("By Elena Marquez, Baltic Courier", "Baltic Courier"),  # two words, no "The"
        ("By Elena Marquez, Northern Ledger", "Northern Ledger"),
        ("By Elena Marquez, Staff Writer", "unknown"),  # a role
        ("By Elena Marquez, Oslo", "unknown"),  # a place
        ("Written by Elena Marquez, MS", "unknown"),  # a degree
    ],
)
def test_clean_textmeta_byline_names_its_outlet(byline: str, outlet: str) -> None:
    meta = _meta("Pier Reopens", byline, BODY)
    assert meta.authors.value == ("Elena Marquez",) + ("Tobias Lindqvist",) * (" and " in byline)
    assert meta.outlet.value == outlet


def test_clean_textmeta_role_line_acronym_gives_outlet() -> None:
    meta = _meta("Pier Reopens", "Priya Raman  —  NRI Research Analyst", BODY)
    assert meta.authors.value == ("Priya Raman",)
    assert meta.outlet.value == "NRI"


def test_clean_textmeta_role_line_inside_body_is_ignored() -> None:
    meta = _meta("Pier Reopens", BODY, "Quote of the day:", "Oskar Vinter, Harbour Propagandist")
    assert meta.authors.value == ()


def test_clean_textmeta_author_photo_and_name_line() -> None:
    meta = _meta("Pier Reopens", "A photo of Dr. Lena Abboud.", "Lena Abboud", BODY)
    assert meta.authors.value == ("Lena Abboud",)
    assert _reasons(meta) == {0: "title", 1: "author-photo", 2: "byline"}


def test_clean_textmeta_subject_photo_without_name_line_is_not_author() -> None:
    meta = _meta("Pier Reopens", "A photo of Mayor Ines Toft.", BODY)
    assert meta.authors.value == ()


def test_clean_textmeta_bare_name_under_title() -> None:
    meta = _meta("Pier Reopens", "March 9, 2018", "Oskar Vinter", BODY)
    assert meta.authors.value == ("Oskar Vinter",)
    assert _reasons(meta)[2] == "byline"


def test_clean_textmeta_organisation_is_not_an_author() -> None:
    meta = _meta("Pier Reopens", "Northwind Research Institute", BODY)
    assert meta.authors.value == ()
    assert _meta("Pier Reopens", "By Wirepress Staff", BODY).authors.value == ()


def test_clean_textmeta_name_rules() -> None:
    assert clean_person_name("Mr. Karel de Vries") == "Karel de Vries"
    assert clean_person_name("Omar bin Rashid") == "Omar bin Rashid"
    assert clean_person_name("Harbour") is None  # one token
    assert clean_person_name("NRI Analyst Team") is None
    assert parse_name_list("Ada Quist & Bo Lind") == ("Ada Quist", "Bo Lind")
    assert parse_name_list("Ada Quist and the harbour board") == ()


# --- outlet ----------------------------------------------------------------------------


def test_clean_textmeta_outlet_print_note_beats_copyright() -> None:
    meta = _meta(
        "Pier Reopens",
        BODY,
        "A version of this article appeared May 2, 2019, on page B3 in some editions of "
        "The Coastal Ledger, with the headline: Pier Reopens.",
        "Copyright 2019 Harborview Publishing Company, Inc. All Rights Reserved",
    )
    assert meta.outlet.value == "The Coastal Ledger"
    assert meta.outlet.source is MetaSource.TEXT_PATTERN
    assert meta.published.value == PublishedDate("2019-05-02", DatePrecision.DAY)
    assert _reasons(meta)[2] == "sign-off"
    assert _reasons(meta)[3] == "sign-off"


def test_clean_textmeta_outlet_from_copyright_holder() -> None:
    meta = _meta(
        "Pier Reopens", BODY, "© 2019 Harborview Publishing Company, Inc. All rights reserved."
    )
    assert meta.outlet.value == "Harborview Publishing Company"
    assert _reasons(meta)[2] == "sign-off"


def test_clean_textmeta_photo_credit_is_not_an_outlet() -> None:
    assert _meta("Pier Reopens", "© Lumen Pictures", BODY).outlet.value == "unknown"


def test_clean_textmeta_body_mention_of_a_paper_is_not_the_outlet() -> None:
    meta = _meta(
        "Pier Reopens",
        BODY,
        "The photograph appeared in early editions of The Coastal Ledger on June 5, 2016.",
        "LISBON (Wirepress) - a wire story quoted later in the article.",
    )
    assert meta.outlet.value == "unknown"
    assert meta.published.value is None


def test_clean_textmeta_outlet_from_author_signoff() -> None:
    meta = _meta("Pier Reopens", "I wrote this piece for the Northern Courier.", BODY)
    assert meta.outlet.value == "Northern Courier"
    assert _reasons(meta)[1] == "sign-off"


def test_clean_textmeta_outlet_from_social_line() -> None:
    social = _meta("Pier Reopens", BODY, "Follow The Meridian Post on Twitter")
    assert social.outlet.value == "The Meridian Post"
    assert _reasons(social)[2] == "sign-off"
    assert _meta("Pier Reopens", BODY, "MWR on Twitter").outlet.value == "MWR"
    assert _meta("Pier Reopens", BODY, "Follow Ada Quist on Twitter").outlet.value == "unknown"


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ('The Vallen Post says Ada Berg will take the lead role in "Harbour Lights."', None),
        (
            'Ada Berg Takes Lead Role In "Harbour Lights"',
            'Ada Berg Takes Lead Role In "Harbour Lights"',
        ),
    ],
)
def test_clean_textmeta_a_sentence_ending_in_a_quote_is_no_title(
    line: str, title: str | None
) -> None:
    """A sentence's full stop may sit inside its closing quote; it is still a sentence."""
    assert _meta(line, BODY).title.value == title


def test_clean_textmeta_no_outlet_is_unknown() -> None:
    meta = _meta("Pier Reopens", BODY, "The Coastal Ledger reported it first.")
    assert meta.outlet.value == "unknown"
    assert meta.outlet.source is MetaSource.NONE
    assert meta.outlet.confidence == 0.0


# --- dates -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "value", "precision"),
    [
        ("March 9, 2018", "2018-03-09", DatePrecision.DAY),
        ("14:05 GMT03 February 2019", "2019-02-03", DatePrecision.DAY),
        ("Updated 10:32 AM ET, Tue March 3, 2020", "2020-03-03", DatePrecision.DAY),
        ("Published: 2019-05-04", "2019-05-04", DatePrecision.DAY),
        ("Posted March 2016", "2016-03", DatePrecision.MONTH),
        ("Published: 2017", "2017", DatePrecision.YEAR),
    ],
)
def test_clean_textmeta_date_line_under_title(
    line: str, value: str, precision: DatePrecision
) -> None:
    meta = _meta("Pier Reopens", line, BODY)
    assert meta.published.value == PublishedDate(value, precision)
    assert meta.published.evidence == line
    assert _reasons(meta)[1] == "dateline"
    assert meta.not_before.value is None


def test_clean_textmeta_agency_dateline_needs_a_year() -> None:
    dated = _meta("Pier Reopens", "LISBON, June 5, 2016 (Wirepress) - " + BODY)
    assert dated.published.value == PublishedDate("2016-06-05", DatePrecision.DAY)
    assert dated.outlet.value == "Wirepress"
    assert 1 not in _reasons(dated)  # the dateline opens a body paragraph: keep it
    undated = _meta("Pier Reopens", "LISBON, June 5 (Wirepress) - " + BODY)
    assert undated.published.value is None


def test_clean_textmeta_first_published_note() -> None:
    meta = _meta("Pier Reopens", BODY, "This article was first published on 12 August 2021.")
    assert meta.published.value == PublishedDate("2021-08-12", DatePrecision.DAY)
    assert meta.outlet.value == "unknown"


def test_clean_textmeta_body_date_is_not_publication_date() -> None:
    meta = _meta("Pier Reopens", BODY, "The pier first opened on March 9, 1931, to crowds.")
    assert meta.published.value is None
    assert meta.not_before.value is None


def test_clean_textmeta_bare_date_below_body_is_not_publication_date() -> None:
    meta = _meta("Pier Reopens", BODY, "Ada Quist", "March 9, 2018 at 5:12 pm", "Great piece!")
    assert meta.published.value is None


def test_clean_textmeta_invalid_dates_are_ignored() -> None:
    assert find_dates("February 30, 2019 and 2019-13-01") == []
    assert [m.date.value for m in find_dates("Sept. 11, 2001 and 3rd of June 2004")] == [
        "2001-09-11",
        "2004-06-03",
    ]


def test_clean_textmeta_caption_gives_latest_lower_bound() -> None:
    meta = _meta(
        "Pier Reopens",
        "Workers repair the pier in Portavel, May 3, 2016.",
        "Fishermen protest at the town hall in Portavel, June 14, 2017.Credit: Lumen Photo",
        BODY,
    )
    assert meta.published.value is None
    assert meta.not_before.value == "2017-06-14"
    assert meta.not_before.confidence < 0.5
    assert "June 14, 2017" in meta.not_before.evidence


def test_clean_textmeta_no_caption_no_bound() -> None:
    assert _meta("Pier Reopens", BODY).not_before.value is None


def test_clean_textmeta_caption_never_overrides_stated_date() -> None:
    meta = _meta("Pier Reopens", "March 9, 2018", "A crowd in Portavel, May 3, 2016.", BODY)
    assert meta.published.value == PublishedDate("2018-03-09", DatePrecision.DAY)
    assert meta.not_before.value is None


# --- the seed pages (generic properties only) -------------------------------------------


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name)
def test_clean_textmeta_seed_pages_are_well_formed(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    lines = _lines(text)
    meta = extract_text_metadata(lines)
    for field in (meta.title, meta.authors, meta.outlet, meta.published, meta.not_before):
        assert 0.0 <= field.confidence <= 1.0
        assert field.evidence in text
        assert (field.source is MetaSource.NONE) == (field.confidence == 0.0)
    assert meta.published.value is None or meta.not_before.value is None
    reasons = {"title", "byline", "dateline", "author-photo", "sign-off"}
    assert all(0 <= i < len(lines) and r in reasons for i, r in meta.consumed)
    assert all(not _is_long_prose(lines[i].text) for i, _ in meta.consumed)


def _is_long_prose(text: str) -> bool:
    return len(text.split()) > 60 and text.endswith(".")


_PAGE_ROWS = st.sampled_from(
    [
        "Pier Reopens",
        "By Ada Quist",
        "March 9, 2018",
        "Listen Live",
        "A photo of Bo Lind.",
        "Bo Lind",
        "Copyright 2019 Example Press",
        "Write to Ada Quist at a@x",
        "LISBON (Wire) - text.",
        BODY,
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_PAGE_ROWS, st.text(min_size=1, max_size=80)), max_size=12))
def test_clean_textmeta_fuzz_never_crashes(rows: list[str]) -> None:
    text = "\n".join(rows)
    lines = _lines(text)
    meta = extract_text_metadata(lines)
    assert all(0 <= i < len(lines) for i, _ in meta.consumed)
    assert meta.outlet.value
    for field in (meta.title, meta.authors, meta.outlet, meta.published, meta.not_before):
        assert field.evidence in text


@pytest.mark.parametrize(
    "line",
    [
        "This article appeared on p32 of the Main section of the Coastal Ledger on Saturday 19 "
        "June 2010.",
        "A version appeared in the Coastal Ledger on 13.07 BST on Friday 4 June 2010.",
        "Posted by Ada Quist, on June 2, 2010 4:36 PM",
        "Posted by Ada Quist and Per Lund on June 1, 2010 10:20 AM",
    ],
)
def test_clean_textmeta_print_notes_and_post_lines_are_sign_offs(line: str) -> None:
    assert find_cue(line, line.split()) is Cue.SIGN_OFF


@pytest.mark.parametrize(
    "line",
    [
        "A version appeared to show that the plan had failed, the harbour master said.",
        "Posted by the ministry on its website, the notice said 40 people had died at the pier.",
    ],
)
def test_clean_textmeta_prose_like_a_sign_off_is_kept(line: str) -> None:
    assert find_cue(line, line.split()) is None
