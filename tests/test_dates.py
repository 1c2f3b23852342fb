"""Behaviour of factcheck.dates: what is found in a text, what it resolves to, and how fast it grows."""

from __future__ import annotations

import datetime as dt
import random
import time

import pytest

from factcheck.dates import Timex, iso_week, tag, timeml, to_interval

PUBLISHED = dt.date(2025, 5, 13)  # a Tuesday

# Sentences of the seed article (published Tuesday 2025-05-13), kept verbatim.
SEED = (
    "On Tuesday, President Erdogan, along with Turkish Foreign Minister Hakan Fidan, received NATO Secretary "
    "General Mark Rutte at the Presidential Complex in Ankara and held a closed-door meeting.\n\n"
    "NATO Secretary General Mark Rutte described Türkiye as a ‘staunch and capable ally,’ following his meeting "
    "with Turkish President on Tuesday.\n\n"
    "“We also discussed Ukraine, where there is a real window of opportunity for progress towards peace,” Rutte "
    "said in a statement on X ahead of the informal NATO Foreign Ministers' Meeting on May 14-15 in Antalya, a "
    "Turkish resort city in the southern Mediterranean.\n\n"
    "He said it is excellent to meet Erdogan as they prepare for the NATO Summit next month “to keep the "
    "Alliance strong.”\n\n"
    "The proposal for unconditional talks in Istanbul on May 15 was made by Russian President Vladimir Putin "
    "during a press conference in Moscow on Sunday.\n\n"
    "Later that day, Erdogan confirmed Türkiye's readiness to host the meeting.\n"
)


def one(text: str, published: dt.date | None = PUBLISHED) -> Timex:
    """The single expression tagged in text."""
    found = tag(text, published)
    assert len(found) == 1, found
    return found[0]


def by_text(text: str, published: dt.date | None = PUBLISHED) -> dict[str, Timex]:
    return {t.text: t for t in tag(text, published)}


# --- the seed article -------------------------------------------------------------------------


def test_seed_article_dates():
    found = tag(SEED, PUBLISHED)
    values = [(t.text, t.value, t.value_end) for t in found]
    assert values == [
        ("Tuesday", "2025-05-13", None),
        ("Tuesday", "2025-05-13", None),
        ("May 14-15", "2025-05-14", "2025-05-15"),
        ("next month", "2025-06", None),
        ("May 15", "2025-05-15", None),
        ("Sunday", "2025-05-11", None),
        ("Later that day", "2025-05-11", None),  # anaphoric: the Sunday of the sentence before
    ]
    for t in found:
        assert SEED[t.start:t.end] == t.text
        assert t.type == "DATE"


def test_offsets_index_the_exact_text_with_unicode():
    # 'İ' lowercases to two characters: the tagger must still report offsets into the original text.
    text = "İstanbul — “talks” resumed on Friday, and the İzmir summit is on June 3, 2025 at 2 p.m."
    found = tag(text, PUBLISHED)
    assert [t.text for t in found] == ["Friday", "June 3, 2025 at 2 p.m."]
    for t in found:
        assert text[t.start:t.end] == t.text
    assert found[1].value == "2025-06-03T14:00"


# --- weekdays by tense ------------------------------------------------------------------------


def test_weekday_in_a_past_clause_is_the_previous_one():
    assert one("The ministers met on Thursday in Brussels.").value == "2025-05-08"


def test_weekday_in_a_future_clause_is_the_next_one():
    assert one("The ministers will meet on Friday in Brussels.").value == "2025-05-16"


def test_weekday_of_the_publication_day_is_that_day():
    assert one("The ministers met on Tuesday.").value == "2025-05-13"
    assert one("The ministers will meet on Tuesday.").value == "2025-05-13"


def test_weekday_with_last_and_next():
    found = by_text("He arrived last Friday and leaves next Monday.")
    assert found["last Friday"].value == "2025-05-09"
    assert found["next Monday"].value == "2025-05-19"


def test_reporting_verb_next_to_the_weekday_dates_the_report():
    # 'said Friday' dates the statement, even though the clause talks about the future
    assert one("The government said Friday that it will hold elections.").value == "2025-05-09"


@pytest.mark.parametrize(
    ("text", "expected_text", "value"),
    [
        # 'since' before a phrase (not a clause) looks back
        ("Police have searched for him since shortly after the Oct. 23 slaying.", "Oct. 23", "2024-10-23"),
        # an 'and' joining nouns does not end the clause: the verb after it decides
        ("On Thursday, the Abortion and Rights League plans to hold a news conference.", "Thursday", "2025-05-15"),
        ("Protesters were planning to drive around the airport on Monday.", "Monday", "2025-05-19"),
        # the past perfect is before a past time, whatever 'due to' or 'until' suggest
        ("The offer had been due to expire Friday.", "Friday", "2025-05-09"),
        ("Until Thursday, they had not called him a suspect.", "Thursday", "2025-05-08"),
        # a future marker right before the weekday governs it, not the reporting verb after it
        ("The group would be ready to leave as soon as Friday, Castro said.", "Friday", "2025-05-16"),
        # a participle after 'be' is not a past tense; 'un-...-ed' words are adjectives
        ("She will be named commander for a mission in December.", "December", "2025-12"),
        ("The split would be paid on a still unspecified date in September.", "September", "2025-09"),
    ],
)
def test_tense_of_the_clause(text, expected_text, value):
    t = one(text)
    assert (t.text, t.value) == (expected_text, value)


def test_weekday_in_the_possessive_is_the_past_one():
    # 'Wednesday's ruling' names a known event, even in a clause that looks ahead; 'around' belongs
    # to the verb ('get around'), not to the expression
    t = one("They said they would look for ways to get around Wednesday's ruling.")
    assert (t.text, t.value) == ("Wednesday", "2025-05-07")
    assert one("The parties will campaign before Sunday's vote.").value == "2025-05-18"


# --- relative expressions ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected_text", "value"),
    [
        ("The summit is next month.", "next month", "2025-06"),
        ("Prices fell last week.", "last week", "2025-W19"),
        ("Sales rose earlier this year.", "earlier this year", "2025"),
        ("The law passed two years ago.", "two years ago", "2023"),
        ("It was popular in the 1990s.", "the 1990s", "199"),
        ("The plant opens this spring.", "this spring", "2025-SP"),
        ("Markets rallied yesterday.", "yesterday", "2025-05-12"),
        ("The vote is tomorrow.", "tomorrow", "2025-05-14"),
        ("Prices are high now.", "now", "PRESENT_REF"),
        ("Growth slowed last year.", "last year", "2024"),
        ("The deal closes in the third quarter.", "the third quarter", "2025-Q3"),
        ("The report covers the 20th century.", "the 20th century", "19"),
        ("They met on Christmas Day.", "Christmas Day", "2024-12-25"),
    ],
)
def test_relative_expressions(text, expected_text, value):
    t = one(text)
    assert (t.text, t.value, t.type) == (expected_text, value, "DATE")


@pytest.mark.parametrize(
    ("text", "expected_text", "type_", "value"),
    [
        # the values listed in issue 3, each from a sentence, with TimeML's extent
        ("It was built in the 2020s.", "the 2020s", "DATE", "202"),
        ("It is the challenge of the 21st century.", "the 21st century", "DATE", "20"),
        ("The plant opens this summer.", "this summer", "DATE", "2025-SU"),
        ("Profits rose in the second quarter.", "the second quarter", "DATE", "2025-Q2"),
        ("Prices rose over the last week.", "the last week", "DATE", "2025-W19"),
        ("They will meet in the future.", "the future", "DATE", "FUTURE_REF"),
        ("Prices fell recently.", "recently", "DATE", "PAST_REF"),
        ("He was sick for two weeks.", "two weeks", "DURATION", "P2W"),
    ],
)
def test_issue_values(text, expected_text, type_, value):
    t = one(text)
    assert (t.text, t.type, t.value) == (expected_text, type_, value)


def test_explicit_dates_with_and_without_year():
    found = by_text("The treaty of May 15, 2024 takes effect on June 1 and ends 14 May 2030.")
    assert found["May 15, 2024"].value == "2024-05-15"
    assert found["June 1"].value == "2025-06-01"
    assert found["14 May 2030"].value == "2030-05-14"


def test_month_alone_and_month_with_year():
    found = by_text("Talks began in March and the accord was signed in July 1997.")
    assert found["March"].value == "2025-03"
    assert found["July 1997"].value == "1997-07"


def test_last_with_a_month_name():
    # Published in May: 'last March' is this year's; 'last April', the month just gone, is a year back
    # (that one would be 'last month'); 'last June' is a year back.
    found = by_text("Sales fell last March, rose last April and peaked last June.")
    assert [found[k].value for k in ("last March", "last April", "last June")] == ["2025-03", "2024-04", "2024-06"]


def test_the_year_earlier_period_after_a_span_of_months_is_that_span_a_year_back():
    text = ("Net income for the third quarter fell 6%. For the nine months, the firm earned $81 million. "
            "In the year-earlier period, it earned $77 million. In the year-earlier quarter, it earned $20 million.")
    found = by_text(text, dt.date(1989, 10, 27))
    assert (found["the year-earlier period"].type, found["the year-earlier period"].value) == ("DURATION", "P9M")
    assert found["the year-earlier quarter"].value == "1988-Q3"
    # with no span of months before it, the period is the quarter in discussion
    found = by_text("Net income for the third quarter fell 6% from the year-earlier period.", dt.date(1989, 10, 27))
    assert found["the year-earlier period"].value == "1988-Q3"


def test_a_weekday_listed_with_a_recurring_one_recurs_and_the_previous_weekday_counts_from_the_story():
    found = by_text("Two flights will leave on Monday and Tuesday nights from March 30.", dt.date(1998, 2, 13))
    assert (found["Monday"].type, found["Monday"].value) == ("SET", "XXXX-WXX-1TNI")
    assert (found["Tuesday nights"].type, found["Tuesday nights"].value) == ("SET", "XXXX-WXX-2TNI")
    # a list of single days is no set
    assert [t.type for t in tag("He met her Monday and Tuesday.", dt.date(1998, 2, 13))] == ["DATE", "DATE"]
    # 'the previous Friday' is the one before the Friday the story is at, not that Friday
    found = by_text("The index fell Friday, down 4.5% from the previous Friday.", dt.date(1989, 10, 30))
    assert (found["Friday"].value, found["the previous Friday"].value) == ("1989-10-27", "1989-10-20")
    found = by_text("They met on Tuesday. The following Friday, they signed.", dt.date(1998, 2, 13))
    assert found["The following Friday"].value == "1998-02-13"


def test_the_day_before_a_happening_apposed_to_a_date_is_that_date():
    found = by_text("Eight days after Oct. 12, the day before the crash, the index had fallen.", dt.date(1989, 10, 27))
    assert found["the day before"].value == "1989-10-12"
    # told on its own, it is the day before the day the story is at
    found = by_text("He came on Oct. 12. He had left the day before.", dt.date(1989, 10, 27))
    assert found["the day before"].value == "1989-10-11"


def test_a_quarter_told_of_in_passing_is_not_the_quarter_in_discussion():
    text = ("The firm posted a 20% gain in third-quarter net income. After a flat second quarter, it credited "
            "higher prices. The gain was helped by charges taken in the year-earlier period.")
    assert by_text(text, dt.date(1989, 11, 1))["the year-earlier period"].value == "1988-Q3"
    # the article of a figure the quarter modifies is the figure's ('posted a third-quarter loss')
    text = "The firm posted a second-quarter loss. It had earned $5 million in the year-earlier period."
    assert by_text(text, dt.date(1989, 11, 1))["the year-earlier period"].value == "1988-Q2"


def test_may_the_verb_is_not_a_month():
    assert tag("Officials may meet again, and they may decide to march.", PUBLISHED) == []


# --- ranges -----------------------------------------------------------------------------------


def test_day_range_keeps_both_ends():
    t = one("the meeting on May 14-15 in Antalya")
    assert (t.text, t.value, t.value_end) == ("May 14-15", "2025-05-14", "2025-05-15")
    assert t.to_json() == {"text": "May 14-15", "start": 15, "end": 24, "type": "DATE",
                           "value": "2025-05-14", "value_end": "2025-05-15"}


def test_ranges_across_months_and_lists_of_dates():
    found = by_text("Talks on Saturday, April 25 and May 30 to June 2, 2025, and a hearing the week of March 6.")
    assert found["Saturday, April 25"].value_end is None
    assert (found["May 30 to June 2, 2025"].value, found["May 30 to June 2, 2025"].value_end) == (
        "2025-05-30", "2025-06-02")
    assert found["the week of March 6"].value == "2025-W10"


def test_no_expression_spans_a_paragraph_break():
    assert [t.text for t in tag("The vote is in May\n\n15 people came.", PUBLISHED)] == ["May"]


def test_year_range_between():
    t = one("Output declined between 2019 and 2021, the ministry said.")
    assert (t.text, t.value, t.value_end) == ("between 2019 and 2021", "2019", "2021")


def test_month_range_and_day_of_month():
    found = by_text("Between January and March output fell; on 14 May 2025 the talks opened and on the 15th they ended.")
    assert (found["Between January and March"].value, found["Between January and March"].value_end) == (
        "2025-01", "2025-03")
    assert found["the 15th"].value == "2025-05-15"


def test_timeml_splits_a_range_into_its_two_points():
    # TimeML annotates the two ends of a range, each a TIMEX3 ('between [1994] and [1997]')
    text = "Attacks between 1994 and 1997, the summit on April 24 and 25, talks May 30 to June 2, 2025, in 2020."
    found = tag(text, PUBLISHED)
    assert [(t.text, t.value, t.value_end) for t in found][0] == ("between 1994 and 1997", "1994", "1997")
    points = timeml(found)
    assert [(t.text, t.value) for t in points] == [
        ("1994", "1994"), ("1997", "1997"), ("April 24", "2025-04-24"), ("25", "2025-04-25"),
        ("May 30", "2025-05-30"), ("June 2, 2025", "2025-06-02"), ("2020", "2020")]
    assert all(text[t.start:t.end] == t.text and t.value_end is None for t in points)


def test_holiday_is_the_nearest_one_and_a_holiday_week_is_a_week():
    # a holiday a few days off is that one, whatever the tense ('began'), as a date without a year
    assert one("Protesters prayed as Easter week began.", dt.date(2000, 4, 17)).value == "2000-W16"
    assert one("Pilgrims arrived ahead of Easter.", dt.date(2025, 4, 14)).value == "2025-04-20"
    assert one("He will come home for Christmas.").value == "2025-12-25"


def test_the_day_before_a_named_day_is_one_expression():
    t = one("The day before last Tuesday's hearing, the lawyers met.", dt.date(2000, 2, 24))
    assert (t.text, t.value) == ("The day before last Tuesday", "2000-02-21")
    t = one("Shops closed the day after May 15, 2025.")
    assert (t.text, t.value) == ("the day after May 15, 2025", "2025-05-16")


def test_a_later_quarter_in_a_past_clause_is_last_year_s():
    january = dt.date(1998, 1, 26)
    assert one("The company announced a drop in profits for the fourth quarter.", january).value == "1997-Q4"
    assert one("The company expects growth in the fourth quarter.", january).value == "1998-Q4"


def test_years_with_pre_and_post():
    t = one("the post-1959 politics of the island")
    assert (t.text, t.value) == ("post-1959", "1959")


def test_that_same_day():
    found = by_text("He was shot on Oct. 23, 2024. His name was crossed out that same day.")
    assert found["that same day"].value == "2024-10-23"


def test_counts_are_not_years():
    assert [t.text for t in tag("The march drew 2000 people in 1999.", PUBLISHED)] == ["1999"]


def test_to_json_omits_value_end_when_unset():
    assert one("It happened in 2019.").to_json() == {"text": "2019", "start": 15, "end": 19, "type": "DATE",
                                                     "value": "2019"}


# --- durations, sets, times -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected_text", "value"),
    [
        ("He served for three years.", "three years", "P3Y"),
        ("The strike lasted two weeks.", "two weeks", "P2W"),
        ("The flight took 5 hours.", "5 hours", "PT5H"),
        ("a five-year plan", "five-year", "P5Y"),
        ("in the past two months", "the past two months", "P2M"),
        ("It took several years.", "several years", "PXY"),
    ],
)
def test_durations(text, expected_text, value):
    t = one(text)
    assert (t.text, t.type, t.value) == (expected_text, "DURATION", value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a fraction is written in the next smaller unit, as TimeBank does
        ("They lived in camps for 2 1/2 years.", "P2Y6M"),
        ("She spent about 5 1/2 hours in Nairobi.", "PT5H30M"),
        ("The strike lasted one and a half days.", "P1DT12H"),
        ("He was gone for half an hour.", "PT30M"),
        ("But a minute and a half later, a pilot called.", "PT1M30S"),
        ("He served two years and a half.", "P2Y6M"),
    ],
)
def test_fractional_durations(text, value):
    assert one(text).value == value


def test_sets():
    assert (one("The council meets every week.").type, one("The council meets every week.").value) == ("SET", "P1W")
    assert one("Buses leave every Monday.").value == "XXXX-WXX-1"
    assert one("Rallies were held daily.").value == "P1D"


def test_rates_are_not_durations():
    assert tag("It costs $5 million a year and 24 rooms at $35 a night.", PUBLISHED) == []


def test_clock_time_joins_its_day():
    t = one("The vote starts at 2 p.m. Tuesday.")
    assert (t.text, t.type, t.value) == ("2 p.m. Tuesday", "TIME", "2025-05-13T14:00")
    t = one("Results are due Friday at 10:30 a.m.")
    assert (t.text, t.type, t.value) == ("Friday at 10:30 a.m.", "TIME", "2025-05-16T10:30")


def test_clock_time_takes_the_day_named_in_its_sentence():
    found = tag("The blast occurred at 10:35 a.m. (0735 GMT) Friday, officials said.", dt.date(2025, 5, 17))
    assert [(t.text, t.value) for t in found] == [("10:35 a.m.", "2025-05-16T10:35"), ("Friday", "2025-05-16")]


def test_clock_time_with_its_part_of_day_in_words():
    found = tag("The father will leave at 4 in the morning (4 a.m. EDT Thursday), Castro said.", PUBLISHED)
    assert [(t.text, t.type, t.value) for t in found][0] == ("4 in the morning", "TIME", "2025-05-15T04:00")
    assert one("The shelling began at ten at night.").value == "2025-05-13T22:00"
    assert one("The shelling began at two at night.").value == "2025-05-13T02:00"
    assert one("The shop opens at 3 in the afternoon.").value == "2025-05-13T15:00"


def test_high_noon_is_not_the_hour():
    assert tag("a picture of Gary Cooper from the film High Noon", PUBLISHED) == []
    assert one("We meet at noon.").value == "2025-05-13T12:00"


def test_part_of_day():
    t = one("The talks ended Tuesday morning.")
    assert (t.text, t.type, t.value) == ("Tuesday morning", "TIME", "2025-05-13TMO")
    assert one("Shots were fired last night.").value == "2025-05-12TNI"


def test_the_early_hours_of_a_day_are_its_start():
    t = one("The blast woke residents in the early hours of Sunday morning.")
    assert (t.text, t.value, t.mod) == ("the early hours of Sunday morning", "2025-05-11TMO", "START")
    assert one("Fires burned into the small hours of Monday.").text == "the small hours of Monday"


def test_part_of_day_joins_the_day_next_to_it():
    t = one("Shares were up at mid-afternoon yesterday in London.")
    assert (t.text, t.type, t.value) == ("mid-afternoon yesterday", "TIME", "2025-05-12TAF")


def test_vague_past_and_future():
    found = by_text("The firm was bankrupt just months ago and expects profits in coming quarters.")
    assert found["months ago"].value == "PAST_REF"
    assert found["coming quarters"].value == "FUTURE_REF"


def test_ages_are_not_durations():
    assert tag("The 52-year-old minister, 52 years old, resigned.", PUBLISHED) == []


# --- without a publication date ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("They met on Tuesday.", "XXXX-WXX-2"),
        ("The summit is next month.", "XXXX-XX"),
        ("Prices fell last week.", "XXXX-WXX"),
        ("Markets rallied yesterday.", "XXXX-XX-XX"),
        ("The talks are on May 15.", "XXXX-05-15"),
        ("The law passed two years ago.", "PAST_REF"),
        ("Prices are high now.", "PRESENT_REF"),
    ],
)
def test_unknown_publication_date_leaves_relative_values_unresolved(text, value):
    assert one(text, None).value == value


def test_absolute_dates_resolve_without_a_publication_date():
    assert one("It was signed on May 15, 2024.", None).value == "2024-05-15"


def test_datetime_is_accepted_as_publication_date():
    assert one("Markets rallied yesterday.", dt.datetime(2025, 5, 13, 9, 30)).value == "2025-05-12"


# --- no dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "The minister spoke to reporters in Ankara.", "He paid $1,990 for 12 units."])
def test_text_without_dates_gives_nothing(text):
    assert tag(text, PUBLISHED) == []


# --- intervals --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "value_end", "expected"),
    [
        ("2025-05-11", None, (dt.date(2025, 5, 11), dt.date(2025, 5, 11), "day")),
        ("2025-06", None, (dt.date(2025, 6, 1), dt.date(2025, 6, 30), "month")),
        ("2025-05-14", "2025-05-15", (dt.date(2025, 5, 14), dt.date(2025, 5, 15), "day")),
        ("2025-W20", None, (dt.date(2025, 5, 12), dt.date(2025, 5, 18), "week")),
        ("2025-W19-WE", None, (dt.date(2025, 5, 10), dt.date(2025, 5, 11), "day")),
        ("2025-Q2", None, (dt.date(2025, 4, 1), dt.date(2025, 6, 30), "quarter")),
        ("2025-H2", None, (dt.date(2025, 7, 1), dt.date(2025, 12, 31), "quarter")),
        ("2025", None, (dt.date(2025, 1, 1), dt.date(2025, 12, 31), "year")),
        ("202", None, (dt.date(2020, 1, 1), dt.date(2029, 12, 31), "decade")),
        ("2025-05-13TMO", None, (dt.date(2025, 5, 13), dt.date(2025, 5, 13), "day")),
        ("2025-05-13T14:00", None, (dt.date(2025, 5, 13), dt.date(2025, 5, 13), "day")),
        ("2025-SU", None, (dt.date(2025, 6, 1), dt.date(2025, 8, 31), "quarter")),
        ("2024-WI", None, (dt.date(2024, 12, 1), dt.date(2025, 2, 28), "quarter")),
        ("2019", "2021", (dt.date(2019, 1, 1), dt.date(2021, 12, 31), "year")),
        ("2025-05", "2025-Q3", (dt.date(2025, 5, 1), dt.date(2025, 9, 30), "quarter")),
        ("XXXX-05-15", None, (None, None, "unknown")),
        ("PAST_REF", None, (None, None, "unknown")),
        ("P3Y", None, (None, None, "unknown")),
        ("XXXX-WXX-2", None, (None, None, "unknown")),
        ("2025-02-30", None, (None, None, "unknown")),
    ],
)
def test_to_interval(value, value_end, expected):
    assert to_interval(value, value_end) == expected


def test_every_seed_value_has_an_interval():
    intervals = [to_interval(t.value, t.value_end) for t in tag(SEED, PUBLISHED)]
    assert [p for _, _, p in intervals] == ["day", "day", "day", "month", "day", "day", "day"]
    assert all(first is not None and first <= last for first, last, _ in intervals)


# --- robustness ------------------------------------------------------------------------------

_WORDS = ("May June 15 31 Feb. 2000 1999 9999 the last next this ago years weeks 5000 a two twenty-one 31st every "
          "Monday morning night p.m. 10:30 noon between and to from - / , . ( ) ' early mid- fiscal quarter third "
          "half Christmas Easter spring fall 1990s '90s 20th century since until on at 2/30/2000 2000-02-30 later "
          "that day the 15th İ ß 2 1/0 1/2 12 a.m. 0:00 99/99/99 0th 32nd").split()


@pytest.mark.parametrize("published", [PUBLISHED, dt.date(1, 1, 1), dt.date(9999, 12, 31), None])
def test_random_word_salad_never_raises_and_offsets_hold(published):
    rng = random.Random(3)
    for _ in range(300):
        text = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(1, 12)))
        for t in tag(text, published):
            assert text[t.start:t.end] == t.text
            first, last, _ = to_interval(t.value, t.value_end)
            assert (first is None) == (last is None)


# --- pathological input -----------------------------------------------------------------------

# Digits, hyphens, month names, numbers and spaces without a break: the shapes that make careless
# regular expressions backtrack. Tagging must grow linearly with the input.
PATHOLOGICAL = [
    "1-2-3-4-5-6-7-8-9-0-",
    "May1999-June-2000-",
    "May 1-15-2019-May-",
    "twenty twenty-one a few several years ",
    "May          15        ",
    "-----1999------x-----",
]


def _cpu(text: str) -> float:
    """The least CPU time of three runs: a busy machine only ever adds time, so the least is the truest."""
    times = []
    for _ in range(3):
        start = time.process_time()
        tag(text, PUBLISHED)
        times.append(time.process_time() - start)
    return min(times)


@pytest.mark.parametrize("unit", PATHOLOGICAL)
def test_pathological_input_takes_linear_time(unit):
    small = (unit * (10_000 // len(unit) + 1))[:10_000]
    big = (unit * (100_000 // len(unit) + 1))[:100_000]
    _cpu(small)  # warm up
    ratio = _cpu(big) / max(_cpu(small), 1e-3)
    assert ratio < 50, ratio  # 10x the input: about 10x the time, far from the 100x of quadratic growth


def test_ten_megabytes_of_digits_and_hyphens_finish():
    text = ("1-2-3-4-5-6-7-8-9-0-" * 500_000)[:10_000_000]
    assert tag(text, PUBLISHED) == []


def test_a_bound_or_an_approximation_carries_its_timex_mod() -> None:
    day = dt.date(2000, 4, 1)

    def mods(text: str) -> list[tuple[str, str | None]]:
        return [(t.text, t.mod) for t in tag(text, day)]

    # A bound on an "ago" date is a side of the date; on a duration, a side of the amount.
    assert mods("The plant opened more than four decades ago.") == [("more than four decades ago", "BEFORE")]
    assert mods("The fund has lost money for more than three years.") == [("more than three years", "MORE_THAN")]
    assert mods("Rebels seized the town about two years ago.") == [("about two years ago", "APPROX")]
    assert mods("The shipyard closed nearly a year ago.") == [("nearly a year ago", "APPROX")]
    # A part of a period: the period's value, with where in it.
    assert mods("Construction starts early next year.") == [("early next year", "START")]
    assert mods("The vote is due in mid-November.")[0][1] == "MID"
    assert mods("Sales slowed in the late 1980s.") == [("the late 1980s", "END")]
    # A count of decades dates a year only roughly; a count of years has TimeML's exact value, but
    # what it names may lie in the year before (three years before April 2000 may be 1996): the
    # value is not the words' date. A count of days is.
    assert mods("The dam was built four decades ago.") == [("four decades ago", "APPROX")]
    assert mods("The dam was built three years ago.") == [("three years ago", None)]
    assert [t.within_value for t in tag("The dam was built three years ago and the mill three months earlier.", day)] == [False, False]
    # 'a year ago' is the same time a year back; a bound or an approximation has its mod
    assert [t.within_value for t in tag("The dam failed three days ago, six weeks ago, a year ago.", day)] == [True, False, True]
    nearly = one("The dam failed nearly four years ago.", day)
    assert (nearly.mod, nearly.counted, nearly.within_value) == ("APPROX", 0, False)
    assert mods("Talks resume on Friday.") == [("Friday", None)]
    more = tag("It began more than two years ago.", day)[0]
    assert more.to_json()["mod"] == "BEFORE" and not more.within_value
    assert "mod" not in tag("It began on Friday.", day)[0].to_json()


def test_an_approximate_ago_is_a_date_and_a_title_is_none() -> None:
    # "a week or so ago" dates the clause (not "a week", a duration, leaving the object's day to date it).
    found = [(t.text, t.value) for t in tag("A week or so ago, the mayor picked Saturday as the day of the vote.", PUBLISHED)]
    assert found[0] == ("A week or so ago", "2025-W19")
    # A programme's title is no date; the same words in running text are.
    assert tag('The minister said on "This Week With Ann Ruiz" that talks would resume.', PUBLISHED) == []
    assert [t.value for t in tag("This week the council met.", PUBLISHED)] == ["2025-W20"]


def test_as_planned_leaves_the_tense_to_the_clauses_own_verb() -> None:
    # "as (previously) planned" says the plan was kept: "let ... begin" is past, so last Saturday.
    assert [t.value for t in tag("The army let the offensive begin as previously planned Saturday night.", PUBLISHED)] == ["2025-05-10TNI"]
    assert [t.value for t in tag("The vote will go ahead as planned on Saturday.", PUBLISHED)] == ["2025-05-17"]


def test_a_weekday_with_no_tense_to_go_by_is_the_nearer_one() -> None:
    # Published on a Tuesday: "meet Friday" is three days on, not four days back; "met Friday" is past.
    assert [t.value for t in tag("The two leaders meet separately Friday with the mediator.", PUBLISHED)] == ["2025-05-16"]
    assert [t.value for t in tag("The two leaders met separately Friday with the mediator.", PUBLISHED)] == ["2025-05-09"]
    assert [t.value for t in tag("The two leaders meet separately Sunday with the mediator.", PUBLISHED)] == ["2025-05-11"]


def test_the_past_decade_runs_up_to_publication_and_the_last_decade_is_the_calendar_one():
    # 'over the past decade' is the ten years ending at publication, as 'the past ten years' is;
    # 'the last decade' is the previous calendar decade, as TimeBank annotates it.
    day = dt.date(1998, 10, 1)
    past = one("Wages have risen over the past decade.", day)
    assert (past.type, past.value) == ("DURATION", "P10Y")
    last = one("Wages rose in the last decade.", day)
    assert (last.type, last.value) == ("DATE", "198")


def test_last_week_said_on_a_monday_is_the_week_before_the_publication_week():
    monday = dt.date(1998, 10, 26)
    assert to_interval(one("The plant closed last week.", monday).value)[:2] == (dt.date(1998, 10, 19), dt.date(1998, 10, 25))


# --- a weekday's tense from the verb it goes with (invented sentences, published on a Sunday) ---------

SUNDAY = dt.date(2000, 3, 5)


@pytest.mark.parametrize(
    "text",
    [
        # a reporting verb after the weekday is its verb: the future is in what it reports
        "On Monday, the ministry announced it will raise fuel taxes.",
        "On Monday, the mayor told reporters she would veto the budget.",
        # an intention in the past tense is what the weekday dates, not the infinitive after it
        "On Monday the cooperative agreed to sell its dairy.",
        "On Monday, the council voted to close the depot.",
        # past and present alike: after a subject in news, the past
        "On Monday, the regulator put the merger on hold.",
        "On Monday, the border guards let the lorries through.",
        # a relative clause's own verb, not the modal after the comma that closes it
        "The dockers, who walked out on Monday, may return to work.",
        # a regular past too short for '-ed', a past inability
        "Two climbers died on Monday when a ledge gave way.",
        "On Monday, the ferry operator could not be reached for comment.",
    ],
)
def test_a_weekday_in_a_past_clause_is_the_last_one_even_the_day_after_publication(text) -> None:
    assert one(text, SUNDAY).value == "2000-02-28"  # not 2000-03-06, the Monday to come


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The ferries will hit full capacity on Monday.", "2000-03-06"),  # a base form after a modal
        ("The ministry said the tax will rise on Monday.", "2000-03-06"),  # the report's future, not its past
        ("The union is expected to strike on Monday.", "2000-03-06"),
        ("The rally took place on Sunday.", "2000-03-05"),  # the publication's weekday is that day
        ("The rally will take place on Sunday.", "2000-03-05"),
    ],
)
def test_a_weekday_in_a_future_clause_is_the_next_one_and_the_publication_weekday_is_that_day(text, value) -> None:
    assert one(text, SUNDAY).value == value


# --- a bare clock time: the date the story has reached --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # the last day named before it, however far back
        ("The trawler left port on Aug. 12. " + "Its crew of nine had sailed together for years. " * 40
         + "It sank at 10 p.m., the navy said.", "2000-08-12T22:00"),
        # a month over before publication: a day the story does not give, not the publication day
        ("The trawler left port in August. It sank at 10 p.m., the navy said.", "XXXX-XX-XXT22:00"),
        # a clause that looks ahead from a day already over: some day to come
        ("The trawler sank on Aug. 12. The inquiry will open at 10 a.m.", "XXXX-XX-XXT10:00"),
        # no date before it, or a period holding the publication day: the publication day
        ("The trawler sank at 10 p.m., the navy said.", "2000-11-20T22:00"),
        ("This month the trawler left port. It sank at 10 p.m.", "2000-11-20T22:00"),
        # a part of the day with no day of its own is read the same way
        ("The trawler left port in August. Overnight, it sank.", "XXXX-XX-XXTNI"),
        ("Overnight, the trawler sank.", "2000-11-20TNI"),
    ],
)
def test_a_bare_clock_time_takes_the_date_the_story_has_reached(text, value) -> None:
    assert tag(text, dt.date(2000, 11, 20))[-1].value == value


def test_a_count_of_whole_units_back_covers_the_unit_before_its_value_too() -> None:
    from factcheck.dates import format_interval, timex_interval

    day = dt.date(2000, 3, 15)

    def shown(text: str) -> str:
        return format_interval(*timex_interval(one(text, day)))

    assert shown("The mill opened 42 years ago.") == "1957–1958"  # TimeML's value is 1958
    assert one("The mill opened 42 years ago.", day).value == "1958"
    assert shown("The mill closed three months ago.") == "November–December 1999"
    assert shown("The mill will reopen three months from now.") == "June–July 2000"
    assert shown("The mill closed two weeks ago.") == "21 February 2000 – 5 March 2000"
    assert shown("The mill closed three days ago.") == "12 March 2000"  # a count of days is exact
    assert shown("The mill closed last year.") == "1999"  # a calendar year, not a count


def test_the_following_month_counts_from_the_month_the_story_is_at() -> None:
    day = dt.date(1999, 10, 27)

    def values(text: str) -> list[str]:
        return [t.value for t in tag(text, day)]

    assert values("In March, the board turned the bid down. The following month, the mill was put up for sale.") == [
        "1999-03", "1999-04"]
    assert values("Exports rose in August from the previous month.") == ["1999-08", "1999-07"]
    assert values("The dam failed on June 3, 1997. The following week, the minister resigned.") == ["1997-06-03", "1997-W24"]
    # with nothing before it, it counts from publication; 'next month' always does
    assert values("The following month, the mill was put up for sale.") == ["1999-11"]
    assert values("In March, the board turned the bid down. It meets again next month.") == ["1999-03", "1999-11"]


def test_a_weekday_before_that_after_a_reporting_verb_dates_the_report() -> None:
    # what follows 'that' is what was told: its future does not move the telling (published on a Wednesday)
    wednesday = dt.date(2000, 3, 8)
    assert one("The admiral told a news conference on Friday that the blockade will stay.", wednesday).value == "2000-03-03"
    assert one("The admiral will tell reporters on Friday that the blockade stays.", wednesday).value == "2000-03-10"


def test_a_past_weekday_naming_the_day_after_publication_is_either_of_two_days() -> None:
    """'Friday' told in the past in a Thursday story: the Friday before (news names the past six days
    by weekday) or the next day, already Friday where a source east of the desk spoke. TimeML's value
    stays the day before; the timeline shows both days and no gloss states one (invented sentences)."""
    from factcheck.dates import format_interval, timex_interval

    thursday = dt.date(1998, 3, 5)

    def shown(text: str) -> str:
        return format_interval(*timex_interval(one(text, thursday)))

    said = one("Port officials in Auckland said Friday the ferry had sunk.", thursday)
    assert (said.value, said.alternative, said.within_value) == ("1998-02-27", "1998-03-06", False)
    assert shown("The ferry sank Friday.") == "27 February 1998 – 6 March 1998"
    assert shown("Officials blamed Friday's storm.") == "27 February 1998 – 6 March 1998"
    assert one("The ferry sank Friday night.", thursday).alternative == "1998-03-06TNI"
    assert one("The ferry sank at 2 p.m. Friday.", thursday).alternative == "1998-03-06T14:00"
    assert tag("The ferry sank Friday. Divers came at 4 p.m.", thursday)[1].alternative == "1998-03-06T16:00"
    assert one("The ferry sank Friday.", thursday).to_json()["alternative"] == "1998-03-06"
    # One day only: a future, a weekday the words fix ('last', a date beside it), any other past weekday.
    assert shown("The ferry will sail Friday.") == "6 March 1998"
    assert shown("The ferry sank last Friday.") == "27 February 1998"
    assert shown("The ferry sank on Friday, March 6.") == "6 March 1998"
    assert shown("The ferry sank Wednesday.") == "4 March 1998"
    assert [t.within_value for t in tag("The ferry sank Wednesday and sailed Thursday.", thursday)] == [True, True]
    # A day counted from it is either of two as well; one counted from a day the words fix is not.
    later = tag("The ferry sank Friday. Divers reached it the next day. Later that day, they left.", thursday)
    assert [(t.value, t.alternative) for t in later] == [
        ("1998-02-27", "1998-03-06"), ("1998-02-28", "1998-03-07"), ("1998-02-28", "1998-03-07")]
    assert one("Traders sold the day before Friday's vote.", thursday).alternative == "1998-03-05"
    fixed = tag("The ferry sank Friday. On March 1 divers came. The next day they left.", thursday)
    assert [t.alternative for t in fixed] == ["1998-03-06", None, None]
@pytest.mark.parametrize(
    "text, words",
    [
        ("In fiscal 2003, the brewer earned $4 million.", "fiscal 2003"),
        ("The mill lost money in fiscal year 2003.", "2003"),
        ("Sales in its 2003 fiscal year fell.", "2003"),
        ("The chain earned $2 million in its fiscal second quarter.", "fiscal second quarter"),
        ("Revenue for the fiscal year rose 4%.", "the fiscal year"),
    ],
)
def test_a_fiscal_period_keeps_its_timeml_value_but_has_no_calendar_interval(text, words) -> None:
    from factcheck.dates import timex_interval

    found = one(text, dt.date(2003, 11, 20))
    assert found.text == words and found.fiscal
    assert found.value[:4] == "2003"  # TimeML's value: what the benchmark scores
    assert timex_interval(found) == (None, None, "unknown")  # its months are the books', not January-December


def test_a_calendar_year_beside_the_word_fiscal_elsewhere_stays_a_calendar_year() -> None:
    from factcheck.dates import timex_interval

    found = tag("The fiscal plan was adopted in 2003.", dt.date(2003, 11, 20))
    assert [t.fiscal for t in found] == [False]
    assert timex_interval(found[0])[0] == dt.date(2003, 1, 1)


def test_a_quarter_pointing_back_to_a_fiscal_quarter_is_fiscal_unless_its_months_are_named() -> None:
    found = tag("Pell Corp. earned $5 million in the fiscal first quarter. Sales in the quarter rose, and were "
                "flat a year earlier. Rival Dunmore reported a loss for the quarter ended Sept. 30. "
                "Dunmore's third-quarter sales fell.", dt.date(2003, 11, 20))
    assert [(t.text, t.fiscal) for t in found] == [
        ("the fiscal first quarter", True), ("the quarter", True), ("a year earlier", True),
        ("the quarter", False), ("Sept. 30", False), ("third-quarter", False)]


def test_a_season_or_a_half_is_written_as_its_months_not_as_a_quarter() -> None:
    from factcheck.dates import format_interval, timex_interval

    day = dt.date(2003, 11, 20)

    def shown(text: str) -> str:
        return format_interval(*timex_interval(one(text, day)))

    assert shown("The mill closed this past spring.") == "March–May 2003"
    assert shown("The mill closed last winter.") == "December 2002–February 2003"
    assert shown("The mill closed in the first half of 2003.") == "January–June 2003"
    assert shown("The mill closed in the third quarter.") == "Q3 2003"


def test_a_fiscal_quarter_bounded_by_the_day_it_ended_is_placed_on_those_months() -> None:
    from factcheck.dates import format_interval, timex_interval

    day = dt.date(2003, 11, 20)
    found = tag("Harlow Mills earned $5 million in the fiscal first quarter. For the quarter ended Sept. 30, Harlow "
                "had sales of $9 million, up from $8 million a year earlier. In the 2002 period, the mill lost money. "
                "During the quarter, it hired 40 workers.", day)
    shown = {t.text: format_interval(*timex_interval(t)) for t in found}
    assert [t.value for t in found if t.fiscal] == ["2003-Q1", "2002-Q1", "2002-Q1", "2003-Q1"]  # TimeML's values kept
    assert shown["the fiscal first quarter"] == shown["the quarter"] == "Q3 2003"
    assert shown["a year earlier"] == shown["the 2002 period"] == "Q3 2002"
    # its own words name its months, off the calendar's quarters: the three months to the one it ended in
    found = tag("Tolland Inc. lost $2 million in its fourth quarter ended Aug. 27.", day)[0]
    assert found.fiscal and format_interval(*timex_interval(found)) == "June–August 2003"


def test_a_quarter_another_company_ended_does_not_place_a_fiscal_quarter() -> None:
    from factcheck.dates import timex_interval

    found = tag("Pell Corp. earned $5 million in the fiscal first quarter. Rival Dunmore reported a loss "
                "for the quarter ended Sept. 30.", dt.date(2003, 11, 20))
    assert timex_interval(found[0]) == (None, None, "unknown")


def test_a_weekday_closing_a_known_happening_with_no_tense_is_the_one_before() -> None:
    thursday = dt.date(1998, 3, 5)
    assert one("The mayor wants an inquiry into the shooting on Saturday.", thursday).value == "1998-02-28"
    assert one("The mayor will attend the parade on Saturday.", thursday).value == "1998-03-07"  # the tense says
    assert one("Traders are nervous ahead of the vote on Saturday.", thursday).value == "1998-03-07"
    assert one("They meet the president on Saturday.", thursday).value == "1998-03-07"  # no happening named


def test_a_day_a_period_ended_on_is_over_by_publication() -> None:
    # three days after publication is the nearest Nov. 30, but a period that "ended" then is last year's
    day = dt.date(2003, 11, 27)
    assert by_text("Keld Corp. lost $3 million in the fiscal year ended Nov. 30.", day)["Nov. 30"].value == "2002-11-30"
    assert by_text("Keld Corp. expects to close the deal by Nov. 30.", day)["Nov. 30"].value == "2003-11-30"  # not ended
    assert by_text("Keld Corp. lost $3 million in the quarter ended Sept. 30.", day)["Sept. 30"].value == "2003-09-30"


def test_a_quarter_in_apposition_to_the_year_ago_quarter_is_in_its_year() -> None:
    from factcheck.dates import format_interval, timex_interval

    # "the second quarter" here renames the year-ago quarter: last year's, and so is the day it ended
    found = by_text("Orwin Inc. expects a profit for the third quarter. In the comparable year-ago quarter, the "
                    "second quarter ended Nov. 30, Orwin had a loss. Results for that quarter included a charge.",
                    dt.date(2003, 11, 27))
    assert found["the second quarter"].value == "2002-Q2"
    assert found["Nov. 30"].value == "2002-11-30"
    assert found["that quarter"].value == "2002-Q2"
    assert format_interval(*timex_interval(found["the second quarter"])) == "September–November 2002"
    # without the apposition, "the second quarter" is this year's
    assert one("Orwin Inc. had a loss in the second quarter.", dt.date(2003, 11, 27)).value == "2003-Q2"


def test_since_year_end_is_the_year_end_already_past() -> None:
    found = tag("Prices are up 4% since year-end. The deal should close by year-end.", dt.date(2003, 11, 20))
    assert [t.value for t in found] == ["2002-12-31", "2003-12-31"]


def test_a_period_bounded_by_the_day_it_ended_is_one_date_for_a_timeline() -> None:
    from factcheck.dates import format_interval, periods_ended, timex_interval

    text = "For the year ended Sept. 30, Keld earned $9 million; in the nine months ending June 30, 2004, it expects less."
    found = periods_ended(text, tag(text, dt.date(2003, 11, 20)))
    assert [t.text for t in found] == ["the year ended Sept. 30", "the nine months ending June 30, 2004"]
    assert [format_interval(*timex_interval(t)) for t in found] == ["October 2002–September 2003", "October 2003–June 2004"]
    assert all(text[t.start:t.end] == t.text for t in found)
    # TimeML scores the span and the day apart: tag keeps them two
    assert [t.type for t in tag(text, dt.date(2003, 11, 20))][:2] == ["DURATION", "DATE"]


def test_the_year_after_a_year_ended_on_a_day_is_that_year_of_the_books() -> None:
    from factcheck.dates import format_interval, periods_ended, timex_interval

    text = "For the year ended June 30, Keld earned $9 million. Sales for the full year rose 5%. Keld sees growth this year."
    found = {t.text: format_interval(*timex_interval(t)) for t in periods_ended(text, tag(text, dt.date(2003, 8, 20)))}
    assert found["the full year"] == found["the year ended June 30"] == "July 2002–June 2003"
    assert found["this year"] == "2003"  # the books' next year may have begun: left as written


def test_the_quarter_looked_ahead_to_with_none_in_discussion_is_the_one_under_way() -> None:
    day = dt.date(2003, 11, 20)
    assert one("Keld Corp. expects to break even for the quarter.", day).value == "2003-Q4"
    assert one("Keld Corp. broke even for the quarter.", day).value == "2003-Q3"  # the one just reported


def test_a_participle_after_get_does_not_tell_the_past() -> None:
    # "beat" after "getting" is a participle: the clause looks ahead ("is going to"), to this spring
    assert one("Factories are going to start getting beat up in the spring.", dt.date(2004, 2, 6)).value == "2004-SP"


def test_iso_week_is_the_value_the_tagger_gives_a_week():
    # The public name the faithfulness checker reads a "week of <day>" gloss with: the same value
    # the tagger writes for "this week", so the two compare equal.
    assert iso_week(dt.date(2025, 5, 13)) == "2025-W20"
    assert iso_week(dt.date(2021, 1, 2)) == "2020-W53"  # ISO weeks: early January may be the last year's
    friday = dt.date(1998, 4, 24)
    assert next(t.value for t in tag("The court met this week.", friday) if t.text == "this week") == iso_week(friday)
