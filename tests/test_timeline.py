"""The timeline on the bundled-model path (no model call): which date dates which clause, and what
an event says. Sentences invented for these tests, published on a Friday."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.article import Article, split_sentences
from factcheck.chains.timeline import timeline_events
from factcheck.syntax import is_clause

PUBLISHED = dt.date(2021, 10, 15)  # a Friday


def events(text: str) -> dict[str, str]:
    """Event text -> ISO value of its date."""
    article = Article(text=text, published=PUBLISHED, sentences=split_sentences(text))
    return {e.event: e.timex.value for e in timeline_events(article)}


def test_a_date_after_a_side_clause_dates_the_main_clause_and_not_the_side_clause():
    found = events("Thousands cheered the Maquis veterans who fought in 1944 in a ceremony Saturday.")
    assert found["Thousands cheered the Maquis veterans who fought in 1944 in a ceremony Saturday."] == "2021-10-09"
    assert found["The Maquis veterans fought in 1944."] == "1944"
    assert len(found) == 2


def test_a_date_in_a_relative_clause_dates_that_clause_only():
    found = events("Police detained a suspect on Tuesday in the Lyon shooting, which wounded nine people on Sept. 30.")
    assert found == {
        "Police detained a suspect on Tuesday in the Lyon shooting.": "2021-10-12",
        "The Lyon shooting wounded nine people on Sept. 30.": "2021-09-30",
    }


def test_a_date_on_a_participant_dates_the_clause():
    found = events("The two ministers on Thursday signed the accord, which covers fishing rights.\n\n"
                   "Engineers in Oslo on Monday finished testing the turbine.")
    assert found == {"The two ministers on Thursday signed the accord.": "2021-10-14",
                     "Engineers in Oslo on Monday finished testing the turbine.": "2021-10-11"}


def test_the_early_hours_of_a_day_date_their_clause():
    found = events("A fire destroyed the warehouse in the early hours of Wednesday morning.")
    assert list(found.values()) == ["2021-10-13TMO"]


def test_a_sentence_parsed_as_a_noun_with_a_participle_is_never_made_passive():
    # The parser reads "A fire swept ..." as a noun with a participle: "A fire was swept through the
    # warehouse" would reverse who did what. No clean clause, no event rather than that rewrite.
    found = events("A fire swept through the warehouse in the early hours of Wednesday morning.")
    assert not any(" was swept" in event for event in found)


def test_two_conjoined_clauses_with_their_own_dates_are_two_events_told_apart():
    found = events("The rebels crossed the border on March 3, 1961, and seized the capital on May 9, 1962.")
    assert found == {"The rebels crossed the border on March 3, 1961.": "1961-03-03",
                     "The rebels seized the capital on May 9, 1962.": "1962-05-09"}


def test_a_dated_thing_is_told_as_a_clause_with_its_attribution():
    found = events("Three men were charged in connection with last year's deadly floods in Valencia and Murcia, "
                   "prosecutors said today.")
    assert found["The deadly floods in Valencia and Murcia were last year, prosecutors said."] == "2020"
    assert found["Three men were charged in connection with last year's deadly floods in Valencia and Murcia, "
                 "prosecutors said today."] == "2021-10-15"


def test_a_proposed_thing_keeps_what_makes_it_only_proposed():
    text = "The proposal for peace talks in Geneva on Nov. 2 was made by the Swiss president during a visit to Bern on Monday."
    found = events(text)
    assert found["There is a proposal for peace talks in Geneva on Nov. 2."] == "2021-11-02"
    assert found[text] == "2021-10-11"  # made during the visit, so on its day
    assert not any(e.startswith("Peace talks") for e in found)


@pytest.mark.parametrize("text", [
    "Investigators combed the rubble left by Friday's explosions.",  # whose explosions: not said
    "Voters still recall his 1996 campaign for the Senate.",         # "his": a referent elsewhere
    "The government cancelled the parade in Lyon on Oct. 30.",       # called off: no event
    "That 1978 treaty calls for the withdrawal of all troops.",      # 1978 dates the treaty, not "calls"
    "The firm said it would extend its bid, due to expire last Thursday, to Nov. 6.",  # not "said"
])
def test_no_fragment_no_dangling_thing_no_date_of_a_noun_on_a_present_clause(text):
    found = events(text)
    assert not any(e.startswith(("Friday's", "His", "The explosions", "The parade", "That", "The firm said")) for e in found), found
    assert all(is_clause(e) for e in found)


def test_a_side_clause_about_an_unnamed_definite_thing_is_no_event():
    found = events("Shares rose after the accord, announced Tuesday, reassured investors.\n\n"
                   "Lyon's mayor, who resigned in June, was arrested on Monday.")
    assert not any(e.startswith("The accord") for e in found), found
    assert found["Lyon's mayor resigned in June."] == "2021-06"


def test_every_event_is_a_clause_and_no_sentence_is_two_events_with_one_date():
    text = ("Officials said the talks, which began in Vienna on Monday, would resume next week. "
            "Statements were issued Friday and Thursday by the two ministries. "
            "Crane holds 500 shares, including 200 bought from Sept. 14 to Thursday. "
            "The summit in Madrid on Nov. 20 will follow last month's meeting of the G7 finance ministers.")
    article = Article(text=text, published=PUBLISHED, sentences=split_sentences(text))
    found = timeline_events(article)
    assert found and all(is_clause(e.event) for e in found)
    per_sentence: dict[tuple[str, str], int] = {}
    for e in found:
        per_sentence[(e.sentence.id, e.event)] = per_sentence.get((e.sentence.id, e.event), 0) + 1
    assert max(per_sentence.values()) == 1


def test_a_present_perfect_is_not_dated_by_a_past_date_the_parse_hung_on_it():
    text = ("The commander said Thursday he has sent a team to find a pilot captured by rebels almost two years ago.\n\n"
            "The firm has hired 40 engineers this year.")
    found = events(text)
    assert found[text.split("\n\n")[0]] == "2021-10-14"  # the report, not "has sent"
    assert found["The firm has hired 40 engineers this year."] == "2021"
    assert all(value != "2019" or "captured" in e for e, value in found.items())


def test_a_date_on_a_place_or_thing_the_clause_reaches_dates_the_clause():
    found = events("Lind, a navy pilot, was flown to the station on board the Soyuz 7 on May 26, 1980.\n\n"
                   "Two rival bidders raised their offers to acquire the Lyon-based drug maker Thursday.")
    assert found["Lind was flown to the station on board the Soyuz 7 on May 26, 1980."] == "1980-05-26"
    assert found["Two rival bidders raised their offers to acquire the Lyon-based drug maker Thursday."] == "2021-10-14"


def test_an_attribution_put_after_an_event_keeps_its_capitals():
    found = events("Israeli Foreign Minister Ann Levi says gaps remain before next week's talks in London.")
    assert "The talks in London are next week, Israeli Foreign Minister Ann Levi says." in found


def test_only_what_a_report_says_carries_its_attribution():
    # The writer's background (a relative clause set off by a comma) is not the speaker's.
    found = events("Neal Ruiz said Friday that he would seek a new host for his site, which was the focus of a trial that led to a verdict this week.")
    assert "A trial led to a verdict this week." in found
    # What the report says does ("..., prosecutors said").
    found = events("Three men were charged in connection with last year's deadly floods in Valencia and Murcia, prosecutors said today.")
    assert "The deadly floods in Valencia and Murcia were last year, prosecutors said." in found


def test_a_relative_clause_after_a_coordination_is_no_event_of_either_conjunct():
    # "who" may be Tom Blake, Ann Reed or both: code cannot tell, so it writes no event from it
    found = events("The mayor said the visitors would be met by Tom Blake and Ann Reed of the board, "
                   "who flew to Lisbon on Monday.")
    assert not any("Blake flew" in e or "Reed flew" in e or "board flew" in e for e in found)
    # one antecedent: the clause is its event
    assert events("The panel thanked Ann Reed, who flew to Lisbon on Monday.") == {
        "Ann Reed flew to Lisbon on Monday.": "2021-10-11"}


def test_a_subject_put_in_for_who_is_not_another_participant_of_its_clause():
    found = events("Reporters were greeted by Mark Dunn, who traveled with Dunn's brother to Oslo on Wednesday.")
    assert not any(e.startswith("Mark Dunn traveled with Dunn") for e in found)


def test_a_date_between_a_determiner_and_its_noun_does_not_date_the_clause_around_it():
    # "the Jan. 5, 2001, bombing": the bombing's date, not the charging's; and no cut at its comma
    found = events("The court freed two men charged in the Jan. 5, 2001, bombing of a hotel in Athens.")
    assert found == {"The bombing of a hotel in Athens was on Jan. 5, 2001.": "2001-01-05"}
    found = events("Officials said the men replace two agents charged in the Dec. 21, 1998, bombing of Pan Am "
                   "Flight 9 that killed 25 people.")
    assert not any("charged" in e for e in found)
    assert all(is_clause(e) and not e.rstrip(".").endswith("1998") for e in found)


def test_a_date_named_as_something_does_not_date_the_naming():
    # "set Friday as the deadline": Friday is the deadline's date, not the day the judge set it.
    assert events("The judge set Monday as the deadline for the defense to respond.") == {}
    assert events("The union chose Tuesday as the day of the strike.") == {}
    # A clause that merely goes on with "as" keeps its date.
    assert events("Stocks fell Monday as investors worried about rates.") == {
        "Stocks fell Monday as investors worried about rates.": "2021-10-11"}
    assert events("Stocks fell Monday as a result of the report.") == {"Stocks fell Monday as a result of the report.": "2021-10-11"}


def test_a_dated_thing_told_as_a_clause_keeps_its_place_whole():
    # "on" goes with the date it introduces, even where the parser hung "in Vilnius" on it: not
    # "The summit on in Vilnius is on Nov. 3-4."
    assert events("The minister spoke in Riga ahead of the summit on Nov. 3-4 in Vilnius.") == {
        "The summit in Vilnius is on Nov. 3-4.": "2021-11-03"}


def test_a_date_a_time_is_changed_to_does_not_date_the_change():
    # "extended to Nov. 16": the new deadline, not the day the bid was extended.
    assert events("The rival bid was extended to Nov. 16.") == {}
    assert events("The board put off the vote to Friday.") == {}
    # The same date with a time of its own: the clause keeps that one.
    assert events("The bid was extended Tuesday to Nov. 16.") == {"The bid was extended Tuesday to Nov. 16.": "2021-10-12"}
    # "from Monday to Friday": a stretch the clause fills, still its time.
    assert events("Shares rose from Monday to Friday.") != {}


def test_a_possessive_date_after_the_main_verb_does_not_date_the_main_clause():
    found = events("Security will stay tight, officials said, citing last month's discovery of explosives near the airport.")
    assert "Security will stay tight, officials said, citing last month's discovery of explosives near the airport." not in found
    # Before the verb, the subject's date dates its clause when the clause tells what the dated
    # thing did then; a kind or a judgement a copula gives it is not of that day.
    assert events("Last month's flood destroyed three villages.") == {"Last month's flood destroyed three villages.": "2021-09"}
    assert events("Traders said Thursday's selling was a reaction to the report.") == {}


def test_a_date_that_names_the_subject_dates_no_clause_it_only_names():
    # a date modifying a noun names the thing: what the clause says of it happened at no date given
    for text in ("The 1987 crash law was repealed by the state senate.", "The 2019 model outsold its rivals.",
                 "Friday's meeting was postponed.", "Its September sales figures were released.",
                 "Last Friday's announcement was the first official word that the plan had failed.",
                 "While the third-quarter earnings were a disappointment, the real bad news is the price war, he said.",
                 "The third-quarter results came after a year of losses."):
        assert events(text) == {}, text
    # the clause's own date governs
    assert events("The 1987 crash law was repealed Tuesday.") == {"The 1987 crash law was repealed Tuesday.": "2021-10-12"}
    # a figure's period, a quantity of the dated thing, a change of a figure: the clause is of that time
    assert events("Third-quarter profit rose 5%.") == {"Third-quarter profit rose 5%.": "2021-Q3"}
    assert events("Third-quarter profit rose after a year of losses.") == {"Third-quarter profit rose after a year of losses.": "2021-Q3"}
    assert events("Third-quarter earnings came in at $1.05 a share.") == {"Third-quarter earnings came in at $1.05 a share.": "2021-Q3"}
    assert events("Net income in the third quarter fell.") == {"Net income in the third quarter fell.": "2021-Q3"}
    assert events("Friday's meeting was attended by 40 leaders.") == {"Friday's meeting was attended by 40 leaders.": "2021-10-15"}
    assert events("The jobless rate in August was 5.1 percent.") == {"The jobless rate in August was 5.1 percent.": "2021-08"}


def test_two_dated_clauses_under_according_to_are_two_events_each_with_its_attribution() -> None:
    found = events(
        "Officials met on Friday. According to sources quoted by a local paper, Ruiz fled to Florida in "
        "June 2019 and returned home in March 2020."
    )
    ruiz = [event for event in found if "Ruiz" in event]
    assert ruiz and all("according to sources quoted by a local paper" in event.lower() for event in ruiz)
    assert {found[event] for event in ruiz} == {"2019-06", "2020-03"}


def timeline(text: str, published: dt.date = PUBLISHED):
    """The timeline the bundled-model path assembles (no model call): (when, shown date, event)."""
    from factcheck.chains.timeline import TimelineChain
    from factcheck.render import format_when
    from factcheck.settings import load_settings

    article = Article(text=text, published=published, sentences=split_sentences(text))
    chain = TimelineChain(article, load_settings(provider="local"))
    assert chain.plan() == []  # the bundled model is asked nothing about an event
    return [(e.when, format_when(e), e.event) for e in chain.assemble([]).items]


def test_a_count_of_whole_years_back_is_dated_by_both_years_it_may_fall_in() -> None:
    # 42 years before a day of October 2021 may be in 1979 or 1978; three days before it is one day.
    found = timeline("The old bridge over the river opened 42 years ago. The town council closed it three days ago.")
    assert found == [("42 years ago", "1978–1979", "The old bridge over the river opened 42 years ago."),
                     ("three days ago", "12 October 2021", "The town council closed it three days ago.")]


def test_a_bare_clock_time_is_on_the_date_the_story_has_reached_not_the_publication_day() -> None:
    story = ("The cargo ship Nordlys left Hamburg on March 2. It sank off the Dutch coast at 10 p.m., the coast guard said.\n\n"
             "Salvage crews reached the wreck in June. Divers surfaced at 4 p.m. with the ship's log.")
    found = {e: v for e, v in events(story).items()}
    assert found["It sank off the Dutch coast at 10 p.m., the coast guard said."] == "2021-03-02T22:00"
    # A month over before publication holds the hour on a day the story does not give: undated.
    assert found["Divers surfaced at 4 p.m. with the ship's log."] == "XXXX-XX-XXT16:00"


@pytest.mark.parametrize("text", [
    "Ferry traffic fell 8% from a year ago, the port authority said.",
    "Grain exports were higher than last year.",
    "Parcel volumes rose 12% compared with a year earlier.",
])
def test_a_date_a_change_is_measured_from_dates_no_event(text) -> None:
    # the change happened since then: the date is the baseline's, not the clause's
    assert events(text) == {}


def test_a_change_dated_by_its_subject_keeps_that_date_not_the_baseline() -> None:
    assert list(events("Third-quarter ferry traffic grew 19% from a year ago.").values()) == ["2021-Q3"]
    # 'from' on a clause that names no figure is where something came from, not a baseline
    assert list(events("The mill was moved from Leeds last year.").values()) == ["2020"]


@pytest.mark.parametrize("text, later", [
    # an attribution set in the sentence, after it, or before it goes with each clause told apart
    ("Ortiz, the officials said, left the port on June 2 and reached the island on June 9.",
     "Ortiz reached the island on June 9, the officials said."),
    ("Ortiz left the port on June 2 and reached the island on June 9, the coast guard said.",
     "Ortiz reached the island on June 9, the coast guard said."),
    # a hedge, a modal or a negation before the first verb frames the second as much
    ("The militia allegedly looted the depot on June 2 and burned the mill on June 9.",
     "The militia allegedly burned the mill on June 9."),
    ("The board will meet on Dec. 2 and vote on Dec. 9.", "The board will vote on Dec. 9."),
])
def test_a_clause_told_apart_keeps_what_frames_it(text: str, later: str) -> None:
    found = events(text)
    assert found.get(later) in ("2021-06-09", "2021-12-09"), found
    assert all(("said" in e) == ("said" in text) and ("allegedly" in e) == ("allegedly" in text) for e in found)


def test_a_clause_whose_speaker_is_a_pronoun_keeps_the_pronoun_for_the_referents_to_resolve() -> None:
    found = events("Ortiz left the port on June 2 and reached the island on June 9, he said.")
    assert all(e.endswith(", he said.") for e in found), found


def test_a_side_clause_under_according_to_keeps_the_attribution() -> None:
    found = events("According to the harbour master, the ferry, which sank on June 2, carried 40 people.")
    assert all("according to the harbour master" in e.lower() for e in found), found


def test_a_second_verb_that_may_share_a_passive_is_not_told_as_active() -> None:
    # "The two men freed on June 9" would make the men the ones who freed someone
    found = events("The two men were arrested on June 2 and freed on June 9.")
    assert not any(e.startswith("The two men freed") for e in found), found


def test_an_event_does_not_open_on_a_connective_to_a_sentence_it_does_not_show() -> None:
    found = [event for _, _, event in timeline("The mayor of Harlow opened Elm Bridge on Monday. But the city council closed Elm Bridge to trucks on Tuesday.")]
    assert "The city council closed Elm Bridge to trucks on Tuesday." in found, found


def test_dates_of_the_items_of_a_list_date_those_items_and_not_the_main_verb():
    # Neither date dates the delay: each dates one of the talks, whatever verb the parser hung it on.
    found = events("The union postponed its vote pending talks with the governor on Monday and the mayor next week.")
    assert not any("postponed" in event for event in found)
    # A list of the verb's own objects is two clauses (two games), dated by the first as one event.
    assert events("The Hawks beat Denver on Monday and Utah on Wednesday.") == {
        "The Hawks beat Denver on Monday and Utah on Wednesday.": "2021-10-11"}


def test_a_reported_date_that_dates_one_of_two_reported_clauses_gives_way_to_the_report():
    # "we are back" is not of May: the sentence is the coach's statement, of Thursday.
    assert events('"We were dropped from the league in May, but we are back," the coach said Thursday.') == {
        '"We were dropped from the league in May, but we are back," the coach said Thursday.': "2021-10-14"}
    # What is reported, all of one date, is dated by it; a verb phrase shares its subject's date.
    assert events("The airline said Thursday it would cut fares next month and add two routes.") == {
        "The airline said Thursday it would cut fares next month and add two routes.": "2021-11"}


def test_a_bare_date_on_a_happening_the_clause_is_placed_before_or_after_dates_that_happening():
    # "next week" is the talks' and the vote's, not the naming's nor the meeting's.
    assert events("The premier on Thursday named a new cabinet before talks next week.") == {
        "The premier on Thursday named a new cabinet before talks next week.": "2021-10-14"}
    assert events("After a vote next week, the board met on Thursday to plan the merger.") == {
        "After a vote next week, the board met on Thursday to plan the merger.": "2021-10-14"}
    # A bare date on the verb's own object still dates the clause.
    assert events("The union held a rally Thursday.") == {"The union held a rally Thursday.": "2021-10-14"}


def test_a_date_in_an_aside_between_dashes_does_not_date_the_main_clause():
    found = events("The brewer said its new pricing plan -- started in two states last month and expected to be "
                   "applied soon in other states -- will mean lower profit this year.")
    assert not any(value == "2021-09" and "will mean" in event for event, value in found.items())
    assert events("The plant closed on Thursday -- a week after the strike began.") == {
        "The plant closed on Thursday -- a week after the strike began.": "2021-10-14"}


def test_a_second_conjoined_clause_told_apart_ends_with_one_stop():
    assert events("The minister met the premier on Monday and the president flew home on Thursday.") == {
        "The minister met the premier on Monday.": "2021-10-11",
        "The president flew home on Thursday.": "2021-10-14",
    }


def test_a_date_the_tense_of_the_clause_cannot_be_at_dates_something_else():
    # a present progressive or a future is not at a date over; a simple past not at a date to come
    assert events("The council is still weighing a plan from the residents last month.") == {}
    assert events("The accord would settle part of a wide inquiry into the bank in the past year.") == {}
    assert events("The mill has begun repairing roofs from the storm nearly two weeks ago.") == {}
    assert events("The mill has begun repairing roofs damaged by the storm nearly two weeks ago.") == {
        "Roofs were damaged by the storm nearly two weeks ago.": "2021-W39"}  # the side clause's own date
    assert events("The brewer said it extended its offer until 5 p.m. EST Nov. 19.") == {}
    # "would" looks ahead from the report's own date: the report is dated
    found = events("The league said Thursday it would examine the killings of 300 villagers nearly four years ago.")
    assert list(found.values()) == ["2021-10-14"]
    # the clause's own dates stay
    assert list(events("The talks will resume next week.").values()) == ["2021-W42"]
    assert list(events("Ms. Ortiz was a trustee until 1974.").values()) == ["1974"]
    assert events("A group of banks has extended the mill $9 million in loans through January 2022.") == {}
    # a date of what the clause sets out to do is that complement's, to come
    assert list(events("The two sides agreed to meet next week.").values()) == ["2021-W42"]
    assert list(events("The two sides have agreed to meet next week.").values()) == ["2021-W42"]


def test_a_date_inside_what_a_side_phrase_says_of_a_noun_does_not_date_the_clause():
    # a record date inside an adjective's phrase, or after the object of a preposition in a dated clause
    assert events("Pell Corp. declared a dividend of 8 cents, payable Dec. 3 to stock of record Nov. 12.") == {}
    assert events("The split will be paid in December to holders of record Nov. 26.") == {
        "The split will be paid in December to holders of record Nov. 26.": "2021-12"}
    # a date that closes "of <a happening>" inside another phrase dates the happening
    assert events("The family was told he died within weeks of his arrest on March 26, 1996.") == {}
    # a happening the clause is placed before or after keeps its own date
    assert events("Traders were nervous ahead of the vote on Thursday.") == {}
    # "of" makes a date part of its noun, a name's or a happening's
    assert events("The rules were set out under the new Banking Reform Act of 2019, a spokesman said.") == {}
    assert list(events("As of Sept. 30, the bank had assets of $511 million.").values()) == ["2021-09-30"]
    # a verb's own object keeps the date the parse gave it
    assert list(events("The company announced the completion of the merger on Thursday.").values()) == ["2021-10-14"]


def test_the_end_of_a_stretch_from_now_dates_no_point_of_the_clause():
    assert events("Volunteers will knock on every door from now until Nov. 2.") == {}
    assert events("The senator is campaigning from now to polling day on Nov. 2.") == {}
    # the end of a stretch still to come is no point of it either; "not until" tells when it starts
    assert events("Volunteers will knock on every door until Nov. 2.") == {}
    assert list(events("The plant will not reopen until Nov. 2.").values()) == ["2021-11-02"]


def test_a_fiscal_year_is_shown_as_written_and_never_as_a_calendar_year():
    found = timeline("In fiscal 2020, Pell Breweries earned $17 million. Pell Breweries bought a mill in 2019.")
    assert found[0] == ("2019", "2019", "Pell Breweries bought a mill in 2019.")
    when, shown, event = found[1]
    assert when == "fiscal 2020" and "2020" not in shown.replace("fiscal 2020", "")  # no calendar gloss
    assert event == "In fiscal 2020, Pell Breweries earned $17 million."
def test_an_event_whose_we_no_speech_verb_gives_a_speaker_is_dropped() -> None:
    # No speaker stands beside an event: "We" alone does not say whose.
    found = [event for _, _, event in timeline("We arrived in the capital on Monday. The mayor said on Tuesday that we would be welcome.")]
    assert "We arrived in the capital on Monday." not in found
    assert any(e.startswith("The mayor said on Tuesday") for e in found), found


def test_today_with_a_present_state_is_the_present_not_an_event_of_the_day() -> None:
    assert events("And today, the right to vote is equal to the right to speak.") == {}
    assert events("Today the co-op has three bakeries.") == {}
    assert events("The mayor arrived in Tula today.") == {"The mayor arrived in Tula today.": "2021-10-15"}
    assert list(events("Today the ministers are meeting in Oslo.").values()) == ["2021-10-15"]
    assert list(events("Today is the eighth day of the strike.").values()) == ["2021-10-15"]  # of the day itself


def test_a_record_date_of_holders_does_not_date_the_clause() -> None:
    assert events("The bakery chain said it will issue rights to holders of record Nov. 8.") == {}
    # a point of a happening dates its clause
    assert list(events("The bank said that at the close of business Thursday, 900 shares had been tendered.").values()) == ["2021-10-14"]


def test_the_reports_own_day_dates_the_sentence_when_what_is_reported_holds_it_or_looked_ahead_to_the_past() -> None:
    found = events("The Daily Planet said in an editorial on Tuesday, Oct. 12: The council took a wrong turn this week.")
    assert found == {"The Daily Planet said in an editorial on Tuesday, Oct. 12: The council took a wrong turn this week.": "2021-10-12"}
    found = events("Earlier this month, the bakery chain said it expected to break even for the third quarter.")
    assert list(found.items()) == [("Earlier this month, the bakery chain said it expected to break even for the third quarter.", "2021-10")]
    # what is reported happened at a time of its own: it dates the sentence
    assert list(events("The bakery chain said Tuesday that its oven broke last month.").values()) == ["2021-09"]
def test_an_event_from_a_sentence_inside_a_quotation_keeps_its_quotation_marks() -> None:
    # The quotation opens one sentence before and closes one after: the dated sentence has no mark
    # of its own, and shown bare the speaker's words would read as the article's.
    found = timeline('Ann Reed, the mayor of Dunmore, spoke at the rally on Sunday. "Our town has waited too long. '
                     'Harlan Bridge opened on Monday. Nobody came." The council met in Dunmore on Wednesday.')
    assert [event for _, _, event in found] == [
        "Ann Reed spoke at the rally on Sunday.", '"Harlan Bridge opened on Monday."', "The council met in Dunmore on Wednesday."]


def test_a_word_a_speaker_broke_off_is_no_part_of_an_event() -> None:
    # Outside quotation marks, speech as said is dropped (factcheck/transcripts.py); inside them the
    # sentence is no event: dropping it would misquote.
    found = [event for _, _, event in timeline("The Dunmore council met on Wednesday, uh, to vote on the r- the budget.")]
    assert found == ["The Dunmore council met on Wednesday, to vote on the budget."]
    found = [event for _, _, event in timeline('Ms. Lee said "the council, uh, the council met on Wednesday."')]
    assert found == []


@pytest.mark.parametrize("text, broken", [
    ("It- It was a hard winter.", True), ("We saw p- people leaving.", True),
    ("First- and second-quarter sales rose.", False), ("It hired 20- to 30-year-old workers.", False),
    ("The well-known firm -- its chief said -- grew.", False),
])
def test_a_false_start_is_told_from_a_suspended_hyphen(text, broken):
    from factcheck.transcripts import has_false_start
    assert has_false_start(text) is broken


def test_a_side_clause_event_that_names_no_participant_is_not_told() -> None:
    # "a walkout that began in May" told alone ("A walkout began in May.") says only that something
    # unnamed happened: whose walkout stays in the sentence.
    found = events("Harlow Mills lost customers after a walkout that began in May.")
    assert "A walkout began in May." not in found
    found = events("Harlow Mills hired the engineers who built the Dunmore bridge in 2019.")
    assert "The engineers built the Dunmore bridge in 2019." in found


def test_a_change_told_as_a_percentage_and_again_by_its_two_values_is_one_event() -> None:
    from factcheck.chains.timeline import without_retold_changes

    text = ("Harlow Mills profit soared 25% in the third quarter. For the quarter ended Sept. 30, Harlow Mills "
            "posted net income of $50 million, up from $40 million a year earlier. Harlow Mills sales "
            "rose 12% in the third quarter.")
    article = Article(text=text, published=PUBLISHED, sentences=split_sentences(text))
    found = timeline_events(article)
    kept = [e.event for e in without_retold_changes(found)]
    assert not any("soared 25%" in e for e in kept)
    assert any("$50 million" in e for e in kept) and any("rose 12%" in e for e in kept)


def test_a_date_on_a_subject_that_names_a_happening_does_not_date_a_perfect_or_present_clause():
    # the clause tells a state at publication; the date is the storms', not the damaging's
    found = events("The storms along the Vestby coast this month have damaged 300 homes.\n\n"
                   "Last month's floods in Tarrow have displaced 2,000 residents.")
    assert not any("have damaged" in e or "have displaced" in e for e in found)
    # in the simple past the harm is done then: the date stays the clause's
    found = events("The storms on Monday damaged 300 homes along the Vestby coast.")
    assert found == {"The storms on Monday damaged 300 homes along the Vestby coast.": "2021-10-11"}
    # a figure's period still dates what the figure did ("Third-quarter profit rose")
    assert list(events("This year's profit at Dalsen Corp. has risen 5%.").values()) == ["2021"]


def test_a_date_closing_the_phrase_of_a_happening_the_object_names_is_that_happening_s():
    # years back, it is the history the clause recalls, not when the recalling happened
    assert events("Leaders of the Kessel alliance marked the founding of the alliance 60 years ago in Tarrow.") == {}
    # told as what it is: the opening's date
    assert events("Mayor Ilse Brand recalled the opening of the Vestby bridge in 1958.") == {
        "The opening of the Vestby bridge was in 1958.": "1958"}
    # with another date on the verb, that one is the clause's (a clause happens at one time)
    found = events("Mayor Ilse Brand celebrated the opening of the Vestby bridge last year at a ceremony on Monday.")
    assert list(found.values()) == ["2021-10-11"]
    # a recent date stays the clause's: the news is the announcing
    found = events("Dalsen Corp. announced the completion of its merger with Orwin Inc. on Tuesday.")
    assert list(found.values()) == ["2021-10-12"]


def test_since_and_a_predicative_adjective_s_verb_date_the_main_clause():
    found = events("Since 1983, Dalsen Corp. has sold 70 businesses.\n\n"
                   "The new rules for Vestby port are due to go before the council next week.")
    assert found == {"Since 1983, Dalsen Corp. has sold 70 businesses.": "1983",  # to publication (below)
                     "The new rules for Vestby port are due to go before the council next week.": "2021-W42"}


def test_a_participle_set_off_by_commas_does_not_date_the_main_clause():
    # "announced Tuesday" tells of the results; what they showed is for the fiscal year
    found = events("Results of Dalsen Corp. for the fiscal year, announced Tuesday, showed a loss of $5 million.")
    assert "2021-10-12" not in found.values()


def test_the_period_a_report_is_for_dates_its_clause():
    from factcheck.dates import format_interval, timex_interval

    text = "For the year ended Sept. 30, Dalsen Corp. earned $42 million."
    article = Article(text=text, published=PUBLISHED, sentences=split_sentences(text))
    [event] = timeline_events(article)
    assert event.timex.text == "the year ended Sept. 30"
    assert format_interval(*timex_interval(event.timex)) == "October 2020–September 2021"


def test_a_report_s_own_date_governs_over_a_date_on_the_reported_subject_s_happening():
    found = events("The Tarrow Herald said Thursday that Mayor Brand's remarks last week were a reply to the union.")
    assert list(found.values()) == ["2021-10-14"]


def test_the_period_of_what_an_announcement_measures_does_not_date_the_announcing():
    # "for the third quarter" is the drop's period; the announcing has no date of its own here
    assert events("Dalsen Corp. announced a sharp drop in profits for the third quarter.") == {}


def test_a_bound_a_comparison_or_a_prospect_s_period_does_not_date_the_clause():
    assert events("After a weak second quarter, Dalsen Corp. credited the gain to its Vestby stores.") == {}
    assert events("These results compare with a profit of $4 million for the same period last year.") == {}
    assert events("Orwin Inc. is cutting its sales estimate for next year to $2 million.") == {}
    assert events("Ilse Brand said sales have not met the goals for 2020.") == {}
    # the clause's own date still dates it
    assert list(events("Orwin Inc. on Tuesday cut its sales estimate for next year.").values()) == ["2021-10-12"]


def test_an_event_dated_since_a_time_is_the_stretch_from_then_to_publication():
    from factcheck.dates import format_interval, timex_interval

    text = "Since 1983, Dalsen Corp. has sold 70 businesses."
    [event] = timeline_events(Article(text=text, published=PUBLISHED, sentences=split_sentences(text)))
    assert event.timex.text == "Since 1983" and text[event.timex.start:event.timex.end] == "Since 1983"
    assert format_interval(*timex_interval(event.timex)) == "1983–2021"


def test_a_past_date_on_what_a_reported_clause_sets_out_to_do_dates_it_before_the_report_s():
    found = events("Dalsen Corp. signed an agreement to buy the Vestby mill last month, it said Tuesday.")
    assert list(found.values()) == ["2021-09"]
    found = events("Dalsen Corp. extended its offer to acquire Orwin Inc. on Monday, the company said Tuesday.")
    assert list(found.values()) == ["2021-10-11"]


def test_the_quarter_a_year_ago_is_one_period_and_from_a_year_earlier_is_a_baseline():
    text = ("Orwin Inc. lost $2 million in the third quarter. For the quarter a year ago, Orwin Inc. earned $1 million. "
            "Dalsen Corp. said its loss for the third quarter narrowed from a year earlier.")
    found = events(text)
    assert found["For the quarter a year ago, Orwin Inc. earned $1 million."] == "2020-Q3"
    assert found["Dalsen Corp. said its loss for the third quarter narrowed from a year earlier."] == "2021-Q3"


def test_a_clause_opened_by_before_does_not_date_the_report_it_follows():
    text = ('"We can do better," said Ilse Brand, Tarrow\'s mayor, in an interview several months before she took '
            'her present job in March.')
    assert "2021-03" not in events(text).values()


def test_the_day_a_subject_s_figure_is_measured_on_dates_its_clause():
    assert list(events("Assets of Orwin Inc. as of Sept. 30 fell to $2 billion.").values()) == ["2021-09-30"]


def test_a_possessive_date_on_a_happening_subject_of_a_present_clause_dates_no_clause():
    # told as what it is, the vote's day (no capital left from the sentence's start)
    assert events("Tomorrow's vote in Tarrow has wide implications for Dalsen Corp.") == {"The vote in Tarrow is tomorrow.": "2021-10-16"}
    assert list(events("Friday's volume on the Tarrow exchange rose to 90 million shares.").values()) == ["2021-10-15"]
def test_an_event_that_opens_on_a_concession_pointing_back_is_told_by_its_main_clause() -> None:
    found = timeline(
        "The mayor of Harlow visited the Norton paper mill. "
        "While the visit was private, Ann Bell met reporters on Tuesday. "
        "While the visit went on, the workers met on Wednesday in the hall they had built."
    )
    events = [event for _, _, event in found]
    # "the visit" lies in the concession: the main clause, which the date dates, is the event.
    assert "Ann Bell met reporters on Tuesday." in events
    # Still left out: what the main clause itself leaves dangling ("the workers").
    assert not any("hall" in event for event in events)


def test_a_date_closing_the_of_phrase_of_a_happening_in_a_side_clause_is_the_happenings():
    # the parser hangs "last June" on the stake of the purchase: the purchase was then, the costs were
    # not "associated" then
    text = ("The oil unit was hurt by high interest costs associated with the firm's purchase of a 50% stake in "
            "Acme Corp. from Beta Inc. last June.")
    assert not any(e.startswith("High interest costs were associated") for e in events(text))
    # a participle's own date still dates it
    assert events("The accord, signed at a ceremony in Rome on Monday, ends the war.") == {
        "The accord was signed at a ceremony in Rome on Monday.": "2021-10-11"}


def test_a_date_apposed_to_a_date_left_out_is_left_out_too():
    # "the day before the crash" names Oct. 12 again, inside what the clause happens after
    assert events("Eight trading days after Oct. 4, the day before the crash, the index had fallen 4.3%.") == {}
    assert events("On Monday, Oct. 11, the index fell 190 points.") == {
        "On Monday, Oct. 11, the index fell 190 points.": "2021-10-11"}


def test_a_date_between_a_report_and_what_it_reports_is_the_reports():
    # the parser hangs "Tuesday" on "agreed": the agreement's own date is last month
    assert events("The company said Tuesday it agreed to the sale last month.") == {
        "The company said Tuesday it agreed to the sale last month.": "2021-09"}
    assert events("The sale was agreed last month, the company said Tuesday.") == {
        "The sale was agreed last month, the company said Tuesday.": "2021-09"}
    # with no date of its own, what is reported is told with its report, at the report's date
    assert events("The company said Tuesday it agreed to the sale.") == {
        "The company said Tuesday it agreed to the sale.": "2021-10-12"}


def test_a_month_just_after_publication_on_a_simple_past_verb_is_last_years():
    # published in October 2021: a November not yet begun cannot be when exports fell
    assert events("Exports fell in November, the ministry said.") == {"Exports fell in November, the ministry said.": "2020-11"}
    assert events("The mill switched to a calendar year in December.") == {
        "The mill switched to a calendar year in December.": "2020-12"}
    # what is set, postponed or still to be done for then is the coming month's
    for text in ("The board ordered the staff to return in November.", "The talks were postponed in November.",
                 "Exports will recover in November."):
        assert set(events(text).values()) <= {"2021-11"}, text


def _kept(text: str) -> list[str]:
    from factcheck.chains.timeline import without_retold_events

    article = Article(text=text, published=PUBLISHED, sentences=split_sentences(text))
    return [e.event for e in without_retold_events(timeline_events(article), article)]


def test_one_act_by_one_actor_at_one_date_told_again_later_is_one_event() -> None:
    # the same verb, the same person (a name, then part of it), the same day and the same object
    kept = _kept("Karl Moravec on Thursday called the minister a liar and vowed to stay in office. The crowd cheered. "
                 "On Thursday Moravec repeatedly called the minister a liar in a long speech.")
    assert len(kept) == 1 and kept[0].startswith("Karl Moravec on Thursday called")
    # a verb and the noun made from it, the owner a pronoun for the name told before
    kept = _kept("Karl Moravec on Thursday proposed linking the border talks with the trade dispute. Diplomats were "
                 "cautious. His proposal, linking the border talks with the trade dispute, was made on Thursday.")
    assert len(kept) == 1 and "proposed linking" in kept[0]
    # a pronoun subject for the name told before
    assert _kept("Anna Berg resigned on Tuesday. The board met. She resigned on Tuesday, citing health reasons.") == \
        ["Anna Berg resigned on Tuesday."]
    # one thing reported twice, by two verbs of speech
    kept = _kept("Anna Berg disclosed Tuesday that the mine at Vestby would close soon. Workers protested. "
                 "Berg said Tuesday that the Vestby mine would close soon.")
    assert len(kept) == 1 and "disclosed" in kept[0]


def test_two_happenings_alike_in_one_way_stay_two_events() -> None:
    # two votes of one body on one day, on different things
    assert len(_kept("The Senate voted Monday to approve the budget of Tarrow. Senators debated for hours. "
                     "The Senate voted Monday to reject the tax bill.")) == 2
    # different acts of one subject on one day
    assert len(_kept("Dalsen shares rose 5% Monday. Traders were busy. Dalsen shares fell 2% Monday.")) == 2
    # one act by two people
    assert len(_kept("Anna Berg resigned on Tuesday. The board met. Carl Holm resigned on Tuesday.")) == 2
    # one act done to two people
    assert len(_kept("Karl Moravec on Thursday called the minister a liar. The crowd cheered. "
                     "On Thursday Moravec called the mayor a liar.")) == 2
    # two things one person said one day
    assert len(_kept("Anna Berg said Tuesday that the mine at Vestby would close soon. Workers protested. "
                     "Berg said Tuesday that wages at the plant would rise.")) == 2
    # the same act on two days
    assert len(_kept("Anna Berg resigned on Tuesday. The board met. Berg resigned on Wednesday from the second board.")) == 2
    # a company and its stock are two actors
    assert len(_kept("Dalsen Corp. rose in rank on Monday. Traders were busy. Dalsen stock rose on Monday.")) == 2


def test_of_one_happening_told_twice_the_telling_that_names_its_actor_stays() -> None:
    # the first telling's actor is a bare definite ("the two presidents"): it could not stand alone
    kept = _kept("Talks in Tarrow ended. The two presidents on Friday signed the fishing accord. Crowds cheered. "
                 "Presidents Anna Berg of Tarrow and Carl Holm of Vestby signed the fishing accord on Friday.")
    assert len([e for e in kept if "signed" in e]) == 1 and any(e.startswith("Presidents Anna Berg") for e in kept)


def test_a_change_told_again_with_its_cause_is_one_event_and_two_figures_are_two() -> None:
    kept = _kept("The Vestby index dropped 20 points Monday to 1400. Banks led the way. "
                 "Traders said the Vestby index dropped Monday on a lack of buying interest.")
    assert kept == ["The Vestby index dropped 20 points Monday to 1400."]
    assert len(_kept("Dalsen shares rose 5% Monday. Traders were busy. Dalsen shares rose 3% Monday in late trading.")) == 2


def test_a_date_closing_the_of_phrase_of_a_happening_whose_doer_is_named_is_that_happening_s():
    # "Tarrow's invasion of Vestby": a whole happening, doer and what it was done to; the date ends it
    found = events("Kessel had condemned Tarrow's invasion of Vestby on Aug. 2.")
    assert "Kessel had condemned Tarrow's invasion of Vestby on Aug. 2." not in found
    assert set(found.values()) <= {"2021-08-02"}
    # in the simple past the date may be the verb's ("confirmed on Tuesday"), and stays the clause's
    assert events("The council confirmed the mayor's appointment of Ilse Brand on Tuesday.") == {
        "The council confirmed the mayor's appointment of Ilse Brand on Tuesday.": "2021-10-12"}
    # no doer named: the date may be the announcing's, and stays the clause's
    assert events("Dalsen Corp. announced the completion of the merger on Tuesday.") == {
        "Dalsen Corp. announced the completion of the merger on Tuesday.": "2021-10-12"}
    # an object that names no happening: the date is the verb's
    assert events("The minister signed the plan on Friday.") == {"The minister signed the plan on Friday.": "2021-10-15"}


def test_a_deadline_of_what_will_be_is_no_date_of_the_clause():
    # "by the end of the month": when the troops are to be there at the latest, not when anyone said so
    assert events("Army officials say 5,000 soldiers will be in the Vestby region by the end of the month.") == {}
    assert events("Dalsen Corp. must repay the loan by Dec. 31.") == {}
    # the report's own date still dates the sentence
    found = events("Officials said Tuesday that Dalsen Corp. would finish the sale by Dec. 31.")
    assert list(found.values()) == ["2021-10-12"]
    # an infinitive is still to be done, whatever the verb it completes
    assert events("Dalsen Corp. is expected to complete the sale by March.") == {}
    assert list(events("Dalsen Corp. agreed last week to sell the unit by March.").values()) == ["2021-W40"]
    # a past clause with a past "by" date keeps it: it was done by then
    assert list(events("Dalsen Corp. had repaid the loan by Aug. 31.").values()) == ["2021-08-31"]
