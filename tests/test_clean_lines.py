"""Tests for the line-level boilerplate classifier (made-up outlets and people only)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.clean.lines import classify_lines, split_lines

PARAGRAPHS = [
    "The harbour authority in Porto Vallen approved a dredging plan on Tuesday, officials said.",
    "Council member Irma Olsk said the plan would cost about 40 million crowns over five years.",
    "Fishermen from the northern quay have opposed the work since it was first proposed in 2019.",
    "A spokesman for the authority said environmental surveys had found no protected species.",
    "The first ships are expected to use the deeper channel by the end of next summer, he added.",
    "Opponents say they will appeal the decision to the regional court within the next month.",
]


def decide(text: str) -> dict[str, str]:
    """Map each line's text to its reason ("" when kept)."""
    return {d.line.text: d.reason for d in classify_lines(split_lines(text))}


def article(*extra_before: str, after: tuple[str, ...] = (), middle: str | None = None) -> str:
    body = list(PARAGRAPHS)
    if middle is not None:
        body.insert(3, middle)
    return "\n\n".join([*extra_before, *body, *after])


def test_clean_lines_split_offsets_exclude_whitespace() -> None:
    text = "  first line \r\n\n\tsecond\u2028third  \n   \n"
    lines = split_lines(text)
    assert [line.text for line in lines] == ["first line", "second", "third"]
    assert [line.index for line in lines] == [0, 1, 2]
    assert all(text[line.start : line.end] == line.text for line in lines)


def test_clean_lines_plain_article_with_subheadings_kept_whole() -> None:
    text = "\n\n".join(
        [*PARAGRAPHS[:3], "Funding questions", *PARAGRAPHS[3:5], "What comes next", PARAGRAPHS[5]]
    )
    decisions = classify_lines(split_lines(text))
    assert all(d.keep for d in decisions), [d for d in decisions if not d.keep]


def test_clean_lines_bulleted_paragraphs_and_indentation_kept() -> None:
    bullets = [f"    • {p}" for p in PARAGRAPHS]
    assert all(d.keep for d in classify_lines(split_lines("\n".join(bullets))))


def test_clean_lines_share_buttons_are_call_to_action() -> None:
    reasons = decide(article("Share on Facebook", "Email this storyEmail", "Copy link"))
    assert reasons["Share on Facebook"] == "call-to-action"
    assert reasons["Email this storyEmail"] == "call-to-action"
    assert reasons[PARAGRAPHS[0]] == ""


def test_clean_lines_subscription_prompts_removed() -> None:
    after = ("Subscribe now: only $2 for the first month", "Already a subscriber? Sign in")
    reasons = decide(article(after=after))
    assert reasons[after[0]] == "subscription"
    assert reasons[after[1]] == "subscription"


def test_clean_lines_comment_section_removed() -> None:
    after = ("Leave a comment", "Your email address will not be published.", "Top Comments")
    reasons = decide(article(after=after))
    assert all(reasons[line] == "comments" for line in after)
    assert reasons[PARAGRAPHS[-1]] == ""


def test_clean_lines_caption_with_credit_removed() -> None:
    caption = "Dredgers at work near the northern quay in March.Photo: Vallen Post"
    photo = "A picture of reporter Tomas Ekvall."
    reasons = decide(article(photo, middle=caption))
    assert reasons[caption] == "caption"
    assert reasons[photo] == "caption"


def test_clean_lines_caption_repeated_without_credit_removed() -> None:
    bare = "Dredgers at work near the northern quay in March this year."
    credited = bare + " Credit: Lund Agency"
    reasons = decide(article(bare, credited))
    assert reasons[bare] == "repeated"
    assert reasons[credited] == "caption"


def test_clean_lines_repeated_line_keeps_body_copy() -> None:
    quote = "“We will not let the harbour silt up again,” said Irma Olsk, a member of the council."
    text = article(quote, middle=quote)
    decisions = [d for d in classify_lines(split_lines(text)) if d.line.text == quote]
    assert [d.keep for d in decisions] == [False, True]
    assert decisions[0].reason in {"repeated", "outside-body"}


def test_clean_lines_trailing_teaser_block_removed() -> None:
    teasers = (
        "Related Stories",
        "Mayor Of Porto Vallen Faces Recall Vote Over Budget",
        "New Ferry Line Opens Between The Islands",
        "Storm Season Forecast Worse Than Expected",
    )
    reasons = decide(article(after=teasers))
    assert reasons[teasers[0]] == "navigation"
    assert all(reasons[t] == "teaser-block" for t in teasers[1:])


def test_clean_lines_counts_in_parentheses_are_teasers() -> None:
    headline = "Harbour Dispute Heads To Court Again (212)"
    assert decide(article(headline))[headline] == "teaser-block"


def test_clean_lines_other_script_lines_removed() -> None:
    foreign = ("Новости порта и города", "أخبار الميناء اليوم")
    reasons = decide(article(middle=foreign[0], after=(foreign[1],)))
    assert all(reasons[line] == "other-script" for line in foreign)


def test_clean_lines_site_chrome_removed() -> None:
    chrome = ("Listen Live", "Back to top button", "Show More", "View Archive", "Menu")
    reasons = decide(article(*chrome[:2], after=chrome[2:]))
    assert all(reasons[line] in {"navigation", "call-to-action"} for line in chrome)


def test_clean_lines_timestamp_removed() -> None:
    stamps = ("09:12 GMT14 March 2022", "Updated 3 hours ago")
    reasons = decide(article(*stamps))
    assert all(reasons[line] == "timestamp" for line in stamps)


def test_clean_lines_sign_off_removed() -> None:
    after = (
        "Write to Tomas Ekvall at tomas@example.org",
        "Copyright 2022 Vallen Post Media. All Rights Reserved",
    )
    reasons = decide(article(after=after))
    assert all(reasons[line] == "sign-off" for line in after)


def test_clean_lines_dated_sidebar_inside_body_kept() -> None:
    sidebar = [
        "The career of Irma Olsk",
        "1961 Born in the fishing village of Halm.",
        "1988 Elected to the harbour council for the first time.",
        "2004 Leads the campaign against the first dredging plan.",
    ]
    text = "\n".join([*PARAGRAPHS[:3], *sidebar, *PARAGRAPHS[3:]])
    reasons = decide(text)
    assert all(reasons[line] == "" for line in sidebar)


def test_clean_lines_closing_list_after_body_kept() -> None:
    rows = ("Public hearings", "May 3 – Halm, town hall", "May 9 – Porto Vallen, library")
    reasons = decide(article(after=rows))
    assert all(reasons[line] == "" for line in rows[1:])


def test_clean_lines_standfirst_under_title_kept() -> None:
    title = "Harbour Plan Splits Porto Vallen"
    dek = "A dredging scheme meant to save the port has set fishermen against the council and its allies."
    text = "\n".join([title, dek, "By Tomas Ekvall", "Share", "Copy link", *PARAGRAPHS])
    reasons = decide(text)
    assert reasons[dek] == ""
    assert reasons["Share"] == "call-to-action"


def test_clean_lines_standfirst_needs_a_title_not_chrome() -> None:
    notice = "We collect data on your visits to improve this site and to show offers that suit you."
    reasons = decide("\n".join(["Skip to main content", notice, "Menu", "Share", *PARAGRAPHS]))
    assert reasons[notice] != ""


def test_clean_lines_caption_sentence_inside_body_removed() -> None:
    caption = "The quay was rebuilt in 1990. Above, dredgers at work near the northern pier."
    pictured = "Pictured: Irma Olsk at the council meeting on Tuesday evening in Halm."
    reasons = decide(article(pictured, middle=caption))
    assert reasons[caption] == "caption"
    assert all(reasons[p] == "" for p in PARAGRAPHS)


def test_clean_lines_source_credit_after_list_removed() -> None:
    rows = ["2019 Plan first proposed by the council.", "2021 Surveys of the seabed begin."]
    text = "\n".join([*PARAGRAPHS[:3], *rows, "Source: Vallen Post research", *PARAGRAPHS[3:]])
    reasons = decide(text)
    assert reasons["Source: Vallen Post research"] == "caption"
    assert all(reasons[row] == "" for row in rows)


def test_clean_lines_sidebar_widget_removed() -> None:
    widget = [
        "Word of the Week",
        "Voices: In Print. On Air.",
        "From the Archive:",
        "The sea gives and the sea takes, and the council has never understood either half of it.",
        "Maren Holt, Ferry Captain Undated",
    ]
    text = "\n".join([*PARAGRAPHS, *widget, "View Archive", "Vallen Post on Social"])
    reasons = decide(text)
    assert all(reasons[line] != "" for line in widget)
    assert all(reasons[p] == "" for p in PARAGRAPHS)


def test_clean_lines_off_topic_video_teasers_removed() -> None:
    teasers = [
        "Ferry operators say winter timetables “cannot be guaranteed” after the storm damage.",
        "Grain prices rose again this week as the northern rail link stayed closed to traffic.",
        "Shipping costs are climbing fast. Vallen Post's Ada Berg explains what that means.",
    ]
    body = [
        p.replace("Irma Olsk", "Irma Olsk of Porto Vallen")
        .replace("the authority", "Olsk's Porto Vallen authority")
        .replace("the northern quay", "Porto Vallen's northern quay")
        .replace("the deeper channel", "the deeper Porto Vallen channel")
        .replace("the decision", "Olsk's decision")
        for p in PARAGRAPHS
    ]
    reasons = decide("\n".join([*body[:3], *teasers, *body[3:]]))
    assert all(reasons[line] == "teaser-block" for line in teasers)
    assert all(reasons[line] == "" for line in body)


def test_clean_lines_a_story_a_sentence_a_paragraph_is_no_teaser_run() -> None:
    """A short wire story, one sentence a paragraph, few naming its subject, one citing
    "the Vallen Post reports": a run of teaser-sized lines that is all the article is kept."""
    lines = [
        "Karl Brenner will not lead the dredging of the harbour, the Vallen Post reports.",
        "According to the newspaper, talks with Brenner broke down over the schedule.",
        "Despite recent speculation, I have decided to step aside, Brenner said.",
        "The council denied reports that the talks with the contractor hit a snag.",
        "A new director is expected to be named before the end of the year.",
    ]
    reasons = decide("\n".join(["Brenner Will Not Lead Dredging", *lines]))
    assert all(reasons[line] == "" for line in lines)


def test_clean_lines_on_topic_short_paragraphs_kept() -> None:
    lines = [
        "Olsk of Porto Vallen said the harbour vote was close.",
        "Her ally Ada Berg explains the plan to Olsk's fishermen in Porto Vallen each week.",
    ]
    body = "\n".join([*PARAGRAPHS[:3], *PARAGRAPHS[3:]])
    body = body.replace("Irma Olsk", "Irma Olsk of Porto Vallen").split("\n")
    reasons = decide("\n".join([*body[:3], *lines, *body[3:]]))
    assert all(reasons[line] == "" for line in lines)


def test_clean_lines_results_table_beats_teaser_prose() -> None:
    lead = "Final standings of the Vallen regatta after all twelve races this season:"
    rows = [f"{n} Crew {name} {300 - 9 * n} {n % 3} {n % 2} {12 - n}" for n, name in
            enumerate(["Olsk", "Berg", "Holt", "Ekvall", "Lund", "Marn", "Tave", "Rook",
                       "Sand", "Halm", "Vik", "Dore"], start=1)]  # fmt: skip
    teasers = [
        "Harbour News",
        "Click the picture above to see the full gallery of this year's winning boats and crews.",
        "Ferry Timetables",
        "Find every winter sailing time between the islands, with fares and booking details.",
    ]
    reasons = decide("\n".join(["Menu", "Regatta Results", lead, *rows, *teasers]))
    assert all(reasons[row] == "" for row in rows)


def test_clean_lines_empty_input() -> None:
    assert split_lines("") == []
    assert classify_lines([]) == []


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(max_size=120),
            st.sampled_from([*PARAGRAPHS, "Share", "• Menu", "   ", "Credit: X", "(12)"]),
        ),
        max_size=40,
    )
)
def test_clean_lines_fuzz_never_crashes(parts: list[str]) -> None:
    text = "\n".join(parts)
    lines = split_lines(text)
    decisions = classify_lines(lines)
    assert [d.line for d in decisions] == lines
    for line, decision in zip(lines, decisions, strict=True):
        assert text[line.start : line.end] == line.text
        assert line.text == line.text.strip() and line.text
        assert decision.keep == (decision.reason == "")


LONG_PARAGRAPH = (
    "The lamp runs for two nights on one charge, folds flat enough to fit in a coat pocket, and "
    "survived a week of rain on the northern quay without a flicker, which is more than most "
    "of the lamps sold in Porto Vallen can claim."
)


def test_clean_lines_kicker_and_heading_between_paragraphs_kept() -> None:
    item = ("Kestrel", "Kestrel Trail Lamp for $40", "Buy it at the harbour shop", LONG_PARAGRAPH)
    reasons = decide(article(after=item))
    assert all(reasons[line] == "" for line in item)


def test_clean_lines_three_headlines_before_a_paragraph_removed() -> None:
    headlines = (
        "Mayor Of Porto Vallen Faces Recall",
        "New Ferry Line Opens Between Islands",
        "Storm Season Forecast Worse Than Expected",
    )
    reasons = decide(article(after=(*headlines, LONG_PARAGRAPH)))
    assert all(reasons[line] != "" for line in headlines)


def test_clean_lines_repeated_list_items_inside_body_kept() -> None:
    plan = []
    for day, dish in (("Monday", "lentil soup"), ("Tuesday", "baked cod"), ("Friday", "rice")):
        plan += [f"{day} lunch", "serve it warm", f"one bowl of {dish} with bread"]
    text = "\n".join([*PARAGRAPHS[:3], *plan, *PARAGRAPHS[3:]])
    decisions = [d for d in classify_lines(split_lines(text)) if d.line.text == "serve it warm"]
    assert [d.keep for d in decisions] == [True, True, True]


def test_clean_lines_repeated_adjacent_lines_inside_body_removed() -> None:
    line = "The council will vote again in the spring, a spokesman for the authority said."
    text = "\n".join([*PARAGRAPHS[:3], line, line, *PARAGRAPHS[3:]])
    decisions = [d for d in classify_lines(split_lines(text)) if d.line.text == line]
    assert [d.keep for d in decisions] == [True, False]


def test_clean_lines_closing_list_with_abbreviated_months_kept() -> None:
    rows = ("Public hearings", "Sept. 3 – Halm, town hall", "Oct. 9 – Porto Vallen, library")
    reasons = decide(article(after=rows))
    assert all(reasons[line] == "" for line in rows[1:])


def test_clean_lines_abbreviated_month_headline_without_numbers_removed() -> None:
    teasers = ("Sept. Highlights From The Northern Quay", "Oct. Favourites Of Our Readers")
    reasons = decide(article(after=teasers))
    assert all(reasons[line] != "" for line in teasers)


JAPANESE = [
    "港湾当局は火曜日、ポルト・ヴァレン港のしゅんせつ計画を承認したと関係者が明らかにした。",
    "議員のイルマ・オルスク氏は、計画の費用が五年間で約四千万クローネになると述べた。",
    "北側の岸壁の漁師たちは、二〇一九年に計画が初めて提案されて以来、工事に反対してきた。",
    "当局の広報担当者は、環境調査で保護対象の生物は見つからなかったと説明した。",
]


def test_clean_lines_japanese_prose_kept_and_menu_removed() -> None:
    menu = ("ホーム", "お問い合わせ", "カテゴリ", "サイトマップ")
    reasons = decide("\n".join([*menu, *JAPANESE]))
    assert all(reasons[line] == "" for line in JAPANESE)
    assert all(reasons[line] != "" for line in menu)


def test_clean_lines_korean_line_in_japanese_text_is_other_script() -> None:
    korean = "항만 당국은 화요일 준설 계획을 승인했다고 관계자들이 밝혔다."
    reasons = decide("\n".join([*JAPANESE[:2], korean, *JAPANESE[2:]]))
    assert reasons[korean] == "other-script"
    assert reasons[JAPANESE[2]] == ""


COMMENTS = (
    "3 thoughts on “Harbour dredging plan approved”",
    "Olaf Brenn",
    "I have fished off the northern quay for thirty years and nobody asked us about this plan.",
    "Mara Tell says:",
    "The channel has needed deepening for a long time, good news for the port and its workers.",
)


def test_clean_lines_comment_thread_after_body_removed() -> None:
    reasons = decide(article(after=COMMENTS))
    assert all(reasons[line] != "" for line in COMMENTS)
    assert all(reasons[line] == "" for line in PARAGRAPHS)


FLATTENED_THREAD = (
    "Nobody asked the fishermen of the northern quay about this plan, and nobody will, I fear. "
    "March 9, 2011 at 10:05 am | Reply The channel needed deepening for a long time anyway.",
    "Good news for the port and its workers. March 9, 2011 at 10:25 am | Reply (required, but "
    "will not be displayed) The Courier welcomes a lively and courteous discussion.",
)


def test_clean_lines_thread_that_lost_its_line_breaks_removed() -> None:
    """Comment stamps and the comment form inside paragraphs: the thread ends the article."""
    reasons = decide(article(after=FLATTENED_THREAD))
    assert all(reasons[line] == "comments" for line in FLATTENED_THREAD)
    assert all(reasons[line] == "" for line in PARAGRAPHS)


HEADED_THREAD = (
    "At 18:03 2nd Mar 2012, HarbourWatcher wrote: Nobody asked the fishermen of the northern "
    "quay about this plan, and nobody will.",
    "At 19:52 2nd Mar 2012, Olaf_Brenn wrote: The channel needed deepening for a long time.",
)


def test_clean_lines_thread_of_headed_comments_removed() -> None:
    """ "At 18:03 2nd Mar 2012, X wrote:" heads a reader comment: the thread ends the article,
    while a report of what someone wrote at a time of day stays."""
    reasons = decide(article(after=HEADED_THREAD))
    assert all(reasons[line] == "comments" for line in HEADED_THREAD)
    assert all(reasons[line] == "" for line in PARAGRAPHS)
    line = "At 10:00 on Monday, the harbour master wrote: the channel will stay open all winter."
    assert decide(article(middle=line))[line] == ""


STAMPED_THREAD = (
    "At 02:17 am on 19 May 2009, HarbourWatcher wrote: This comment was removed because the "
    "moderators found it broke the House Rules.",
    "At 7:16 pm on 19 May 2009, Olaf_Brenn wrote: The channel needed deepening for a long time.",
)


def test_clean_lines_thread_of_comments_stamped_am_pm_removed() -> None:
    reasons = decide(article(after=STAMPED_THREAD))
    assert all(reasons[line] == "comments" for line in STAMPED_THREAD)
    assert all(reasons[line] == "" for line in PARAGRAPHS)


def test_clean_lines_one_reply_mark_in_the_body_kept() -> None:
    line = (
        "Readers could answer the survey online | Reply cards were also sent out by post, he said."
    )
    reasons = decide(article(middle=line))
    assert reasons[line] == ""


def test_clean_lines_count_of_thoughts_inside_prose_kept() -> None:
    line = (
        "3 thoughts on the dredging plan came up at the meeting, and each was voted down in turn."
    )
    reasons = decide(article(middle=line))
    assert reasons[line] == ""


FURTHER_READING = (
    "More from the Vallen Courier",
    "Ferry timetable changes for winter",
    "The northern route will run twice a day from November, the operator said.",
    "Quay festival returns after two-year break",
)


def test_clean_lines_further_reading_list_after_body_removed() -> None:
    reasons = decide(article(after=FURTHER_READING))
    assert all(reasons[line] != "" for line in FURTHER_READING)
    assert all(reasons[line] == "" for line in PARAGRAPHS)


def test_clean_lines_body_resumed_after_further_reading_heading_kept() -> None:
    resumed = (
        "More in Harbour Works",
        "Engineers told the council on Wednesday that the dredging would be carried out in "
        "three stages, starting with the outer channel, so that ferries could keep running "
        "for most of the year while the inner basin was deepened in the quieter months.",
    )
    reasons = decide(article(after=resumed))
    assert reasons[resumed[1]] == ""


def test_clean_lines_legal_notice_after_body_removed() -> None:
    legal = (
        "I agree to the processing of my personal data for the purpose of creating an account.",
        "Please read our Privacy Policy before you continue.",
        "By registering you agree to the Terms of Use of the Vallen Courier sites.",
    )
    reasons = decide(article(after=legal))
    assert all(reasons[line] == "legal-notice" for line in legal)
    assert all(reasons[line] == "" for line in PARAGRAPHS)


def test_clean_lines_long_paragraph_about_a_privacy_policy_kept() -> None:
    line = (
        "The harbour authority changed its privacy policy last year after fishermen complained "
        "that their catch records had been shared with buyers without consent, officials said."
    )
    reasons = decide(article(middle=line))
    assert reasons[line] == ""
