"""Deletable spans, compression and the governing date, on news-like sentences written for these tests."""

from __future__ import annotations

import re

import pytest

from factcheck.dates import tag
from factcheck.syntax import compress, deletable_spans, governing_date, main_clause


def kinds(text: str) -> dict[str, str]:
    return {s.text: s.kind for s in deletable_spans(text)}


def test_appositive_between_subject_and_verb_takes_both_commas():
    text = "Maria Lopez, the city's budget director, said the deficit had doubled."
    assert kinds(text) == {"the city's budget director": "appositive"}
    assert main_clause(text) == "Maria Lopez said the deficit had doubled."


@pytest.mark.parametrize("text, expected", [
    ("On Monday, Ana Ruiz, 37, was named director of the museum.", "On Monday, Ana Ruiz was named director of the museum."),
    ("As of Friday, the mayor, a former teacher, still had not signed the budget.",
     "As of Friday, the mayor still had not signed the budget."),
])
def test_appositive_after_a_leading_phrase_takes_both_commas(text, expected):
    (appositive,) = [s for s in deletable_spans(text) if s.kind == "appositive"]
    assert compress(text, {appositive.id}) == expected


def test_relative_clause_and_parenthetical():
    text = "The bridge, which opened in 1962, will close for repairs (the first since 1990)."
    assert set(kinds(text).values()) == {"relative", "parenthetical"}
    assert main_clause(text) == "The bridge will close for repairs."


def test_restrictive_relative_clause_stays():
    text = "Workers who lost their jobs will receive six months of pay."
    assert deletable_spans(text) == []


def test_leading_time_phrase_and_capital():
    text = "On Thursday, the council approved a new parking fee."
    spans = deletable_spans(text)
    assert [s.kind for s in spans] == ["leading"]
    assert compress(text, {spans[0].id}, spans) == "The council approved a new parking fee."


def test_trailing_participle_clause():
    text = "A storm hit the northern coast overnight, cutting power to thousands of homes."
    assert kinds(text) == {"cutting power to thousands of homes": "participle"}
    assert main_clause(text) == "A storm hit the northern coast overnight."


def test_spans_drop_one_by_one():
    text = "Tom Reyes, a fisherman, said the port, which reopened in May, was quiet."
    spans = deletable_spans(text)
    assert len(spans) == 2
    first, second = spans
    assert compress(text, {first.id}, spans) == "Tom Reyes said the port, which reopened in May, was quiet."
    assert compress(text, {second.id}, spans) == "Tom Reyes, a fisherman, said the port was quiet."
    assert compress(text, set(), spans) == text


@pytest.mark.parametrize(
    "text",
    [
        "If the talks fail, the union will strike on Monday.",  # a condition
        "According to the ministry, prices rose by 4 percent.",  # an attribution
        "The mayor did not, as promised, raise taxes.",  # the negation's clause
    ],
)
def test_conditions_attributions_and_negations_stay(text):
    for span in deletable_spans(text):
        assert "if" not in span.text.lower().split()
        assert "according" not in span.text.lower()
        assert "not" not in span.text.split()
        out = compress(text, {span.id})
        assert ("not" in text.split()) == ("not" in out.split())


def test_attribution_at_the_end_is_never_dropped():
    text = "Prices will rise next year, the central bank said."
    assert all("said" not in s.text for s in deletable_spans(text))


def test_quotes_stay_balanced():
    text = '"We will rebuild," said Ana Silva, who leads the relief effort.'
    for span in deletable_spans(text):
        assert compress(text, {span.id}).count('"') == 2
    assert main_clause(text) == '"We will rebuild," said Ana Silva.'


def dates(text: str):
    return [t for t in tag(text, None) if t.type in ("DATE", "TIME")]


def test_governing_date_is_the_main_verbs_not_a_side_phrase():
    text = "The ministers met in Geneva on Tuesday ahead of the summit on June 3."
    assert governing_date(text, dates(text)).text == "Tuesday"


def test_date_in_a_relative_clause_does_not_govern():
    text = "The factory, which closed in 2009, will reopen next month."
    assert governing_date(text, dates(text)).text == "next month"


def test_date_of_a_noun_does_not_govern():
    text = "Officials praised the agreement of March 2 as a breakthrough."
    assert governing_date(text, dates(text)) is None


def test_reported_event_before_the_report():
    text = "The company said on Monday that it would cut 400 jobs in April."
    assert governing_date(text, dates(text)).text == "April"


def test_closing_comma_of_a_place_in_a_list_subject():
    text = "Storms in Lyon, France, and Turin, Italy, on Sunday flooded 300 homes."
    outs = {compress(text, {s.id}) for s in deletable_spans(text)}
    assert "Storms in Lyon, France, and Turin on Sunday flooded 300 homes." in outs


def test_a_dash_that_closes_more_than_the_span_stays():
    text = "As head of a family of six -- including a girl of 10, the age of the victim -- the minister said he grieved."
    for span in deletable_spans(text):
        out = compress(text, {span.id})
        assert out.count("--") in (0, 2), out


def test_a_date_the_parser_hangs_on_a_subject_dates_the_nearest_thing():
    from factcheck.syntax import dated_noun_phrase

    text = "The plan for new talks in Geneva on June 2 was put forward by the foreign minister at a briefing in Rome on Friday."
    found = dates(text)
    assert governing_date(text, found).text == "Friday"
    june = next(t for t in found if t.text == "June 2")
    start, end = dated_noun_phrase(text, june)
    assert text[start:end] == "new talks in Geneva on June 2"


def test_a_date_does_not_modify_a_person():
    text = "The envoy met the Chinese President on Tuesday."
    assert governing_date(text, dates(text)).text == "Tuesday"


def test_a_dateline_or_a_byline_is_no_clause_and_a_sentence_is() -> None:
    from factcheck.syntax import is_clause

    assert not is_clause("AMHERST, N.Y. (AP) --")
    assert not is_clause("By Jane Doe, Associated Press Writer")
    assert is_clause("The council approved the budget on Tuesday.")
    assert is_clause('"We will appeal," the company said.')


def test_no_span_inside_a_quotation() -> None:
    """Dropping words inside quotation marks would misquote the speaker: only what is outside may go."""
    from factcheck.syntax import deletable_spans

    text = '"We discussed the budget, which is a real concern for the city," the mayor, a Democrat, said on Tuesday.'
    spans = deletable_spans(text)
    opening = text.index('"', 1)
    assert all(s.start > opening for s in spans), spans


def test_a_date_after_the_figure_a_change_is_measured_from_dates_that_figure():
    text = "Profit rose to $5 million from $4 million a year ago."
    assert governing_date(text, dates(text)) is None
    text = "Revenue fell 5% to $9 million, or 40 cents a share, from $10 million, or 45 cents a share, in the year-ago period."
    assert governing_date(text, dates(text)) is None
    # A day after the figure is the change's own: "rose ... on Monday".
    text = "Prices rose to $5 from $4 on Monday."
    assert governing_date(text, dates(text)).text == "Monday"


def test_a_date_on_the_subject_dates_the_clause():
    text = "Third-quarter profit rose 5% to $3 million."
    assert governing_date(text, dates(text)).text == "Third-quarter"
    text = "Net income in the latest quarter fell 3%."
    assert governing_date(text, dates(text)).text == "the latest quarter"


def test_a_date_in_a_side_clause_dates_that_clause_told_on_its_own():
    from factcheck.syntax import dated_side_clause

    def side(text, when):
        timex = next(t for t in dates(text) if t.text == when)
        found = dated_side_clause(text, timex)
        return found and found[0]

    assert side("The plan, announced on Tuesday, would cut 500 jobs.", "Tuesday") == "The plan was announced on Tuesday."
    assert side("Under a treaty signed on Monday, the two countries will share the river.", "Monday") == "A treaty was signed on Monday."
    assert (side("The former minister left the party, having resigned from the cabinet on Monday.", "Monday")
            == "The former minister had resigned from the cabinet on Monday.")
    assert side("The mayor praised the bridge, which opened in 2019.", "2019") == "The bridge opened in 2019."
    assert (side("Under new terms of the merger, announced Friday, holders will receive $42 a share.", "Friday")
            == "New terms of the merger were announced Friday.")
    assert (side("Investors may sell the bonds until the guarantee expires on Dec. 31, 1990.", "Dec. 31, 1990")
            == "The guarantee expires on Dec. 31, 1990.")
    assert side("Shares fell after the company said on Monday that it would cut jobs.", "Monday") == (
        "The company said on Monday that it would cut jobs.")
    assert not side("The port will reopen if the inspectors approve it on Friday.", "Friday")  # a condition
    # Not a fact yet, and a span of time is no subject.
    assert not side("The new factory, to be built next year, will employ 300 people.", "next year")
    assert not side("Net income for the six months ended Oct. 1 slipped 5%.", "Oct. 1")
    # Words inside a quotation are never rewritten.
    assert not side('"We praised the bridge, which opened in 2019," the mayor said.', "2019")


def test_a_dated_thing_is_an_event_not_a_figure_or_a_fragment():
    from factcheck.syntax import dated_noun_phrase

    def phrase(text, when):
        timex = next(t for t in dates(text) if t.text == when)
        span = dated_noun_phrase(text, timex)
        return span and text[span[0] : span[1]]

    assert phrase("Officials met ahead of the summit on June 3.", "June 3") == "the summit on June 3"
    assert phrase("The minister defended the sale of the port in August.", "August") == "the sale of the port in August"
    assert not phrase("The bank agreed to a $6 billion bridge loan by February for the buyer.", "February")
    assert not phrase("The firm reported a loss for the third quarter, its chief said on Monday.", "the third quarter")
    # The event right before the date, not the statement the parser hung it on.
    assert (phrase("Ana Silva said in a statement ahead of the Foreign Ministers' Meeting on May 14-15 in Antalya, a city in Turkey.", "May 14-15")
            == "the Foreign Ministers' Meeting on May 14-15")
    # ... unless that noun is what another noun is of: "the world of [finance] in the 20th century".
    assert phrase("Critics listed the ten worst crises in the world of finance in the 20th century.", "the 20th century") != (
        "finance in the 20th century")
    # A date before its noun, and the phrase without the clauses that hang on it.
    assert (phrase("The move follows Tuesday's declaration by the union, which has 900 members, that it will strike.", "Tuesday")
            == "Tuesday's declaration by the union")


def test_an_apposition_that_ends_the_sentence_on_an_abbreviation():
    # "Inc." is the last token: no closing comma after it to look at.
    text = "Much of the trading was done through the bond unit of its neighbor, Drexel Burnham Lambert Inc."
    assert all(text[s.start : s.end] for s in deletable_spans(text))  # it raised IndexError


def test_the_name_of_a_described_participant_is_no_side_phrase():
    # Dropping the name would leave "The suspect was scheduled ...": whom the sentence is about is lost.
    assert main_clause("The suspect, James Kopp, was scheduled to appear in court on Monday.").startswith("The suspect, James Kopp, was")
    assert "Ann Bell" in main_clause("A refugee in Geneva, Ann Bell, is a senior official of the group.")
    # A description of a name, an age or a place's region still goes.
    assert main_clause("Amir, 27, is serving a life sentence.") == "Amir is serving a life sentence."
    assert main_clause("The mayor of Tucson, Arizona, said taxes would rise.") == "The mayor of Tucson said taxes would rise."


def test_dropping_what_follows_an_abbreviation_leaves_one_stop():
    text = "Ana Ruiz was named chief executive of Norcastle Shipping Corp., a 90-year-old firm based in Oslo."
    assert main_clause(text) == "Ana Ruiz was named chief executive of Norcastle Shipping Corp."  # not "Corp.."


def test_a_side_clause_followed_by_a_verb_with_no_subject_stays():
    # "which damaged the school" may be the first of the side clause's verbs: dropping it would make
    # the teacher shatter the windows.
    text = "The teacher was cut on her hands in the blast, which damaged the school, shattered the windows of the bank and toppled a wall."
    assert not [s for s in deletable_spans(text) if s.kind == "relative"]


def test_the_comma_that_closes_stacked_appositives_stays_with_the_one_kept() -> None:
    text = "Ana Ruiz, 41, the city's budget director, said the deficit had doubled."
    spans = {s.text: s for s in deletable_spans(text)}
    assert compress(text, {spans["the city's budget director"].id}) == "Ana Ruiz, 41, said the deficit had doubled."
    assert compress(text, {spans["41"].id}) == "Ana Ruiz, the city's budget director, said the deficit had doubled."


def test_a_name_after_a_description_goes_with_it() -> None:
    # Dropping the description alone would make Tom Hill Ana Ruiz's name.
    text = "The letter was signed by Ana Ruiz, a lawyer for the city's mayor, Tom Hill, and two council members."
    for span in deletable_spans(text):
        assert "Ruiz, Tom Hill" not in compress(text, {span.id})
    assert "Tom Hill" not in main_clause(text)


def test_respectively_goes_with_the_phrase_it_pairs() -> None:
    text = "The two largest banks are Alpha Bank and Beta Bank, which hold 30% and 25% of deposits, respectively."
    assert main_clause(text) == "The two largest banks are Alpha Bank and Beta Bank."


def test_a_coordinated_apposition_goes_whole_or_not_at_all() -> None:
    # "Ortiz, 61, and a mother of three, was hurt": the apposition is "61, and a mother of three";
    # dropping "61" alone would leave "Ortiz, and a mother of three, was hurt".
    text = "Ortiz, 61, and a mother of three, was hurt in the crash on Sunday."
    for span in deletable_spans(text):
        assert not re.search(r"^\w+, (and|or)\b", compress(text, {span.id}))
    assert main_clause(text) == "Ortiz was hurt in the crash on Sunday."


@pytest.mark.parametrize("text, dropped, shorter", [
    ("Ann Ortiz, 61, and Luis Vega, 58, were hurt in the crash.", "61",
     "Ann Ortiz and Luis Vega, 58, were hurt in the crash."),
    ("The mill, which closed in 2009, and the depot were sold.", "which closed in 2009",
     "The mill and the depot were sold."),
    ("The deal was signed by Ann Ortiz, a lawyer for the port, and two pilots.", "a lawyer for the port",
     "The deal was signed by Ann Ortiz and two pilots."),
])
def test_a_span_before_a_conjunction_takes_the_comma_with_it(text: str, dropped: str, shorter: str) -> None:
    # the conjunct is a second participant: the phrase goes, and no comma is left before "and"
    spans = {s.text: s for s in deletable_spans(text)}
    assert compress(text, {spans[dropped].id}) == shorter


def test_an_appositive_before_a_conjunct_that_may_be_the_same_person_stays() -> None:
    # "the father of four boys" may be Ortiz or someone else: no cut says which
    text = "Police met Ortiz, 61, and the father of four boys."
    assert main_clause(text) == text
    # a conjunction that joins clauses: the comma goes with the phrase
    text = "He left the firm, a family business, and joined a bank."
    assert main_clause(text) == "He left the firm and joined a bank."


def test_a_sentence_the_parser_roots_on_a_noun_gives_no_side_clause():
    # "A fire swept ..." parsed as a noun with a participle: "A fire was swept ..." would turn the
    # fire from the one that swept into the one swept. No clean clause, no event from it.
    from factcheck.syntax import dated_side_clause

    for text, when in (("A fire swept through the warehouse on Monday, killing three workers.", "Monday"),
                       ("A storm swept across the coast on Tuesday.", "Tuesday")):
        timex = next(t for t in dates(text) if t.text == when)
        found = dated_side_clause(text, timex)
        assert found is None or " was " not in found[0]
    text = "The accord signed Monday takes effect in May."  # a participle with a main verb after it
    assert dated_side_clause(text, next(t for t in dates(text) if t.text == "Monday"))[0] == "The accord was signed Monday."


def test_the_rest_of_a_list_hung_on_its_first_item_is_no_side_phrase() -> None:
    # A conjunct with its own determiner is another one: not a description of the item before.
    text = "Visas were approved for the boy's mother, Ana Ruiz, her sister and two other people _ a nurse, a teacher and a cousin."
    assert deletable_spans(text) == []
    # One person described twice under one determiner is still a side phrase.
    assert [s.text for s in deletable_spans("Ann Bell, a lawyer and mother of two, was elected on Monday.")] == ["a lawyer and mother of two"]


def test_a_second_described_name_inside_a_description_is_no_side_phrase():
    # The parser may join the second bidder to a place inside the first one's description: dropped
    # whole, the joint bid would read as the first firm's alone.
    text = "A bid by Acme Ltd., a drug company based in Basel, Switzerland, and Ohio-based Beta Corp., a research concern, was extended."
    assert all("Beta" not in s.text for s in deletable_spans(text))
    assert "Beta Corp." in main_clause(text)


def test_a_city_set_off_after_a_name_goes_with_its_state():
    # Dropping the state alone would leave the city hanging on the company ("Harbor Tools Inc., Dayton, said").
    text = "Harbor Tools Inc., Dayton, Ohio, said it would close a plant."
    assert [s.text for s in deletable_spans(text)] == ["Dayton, Ohio"]
    assert main_clause(text) == "Harbor Tools Inc. said it would close a plant."
    listed = "Milvane agreed to buy Corder Pumps Inc., Fresno, Calif., and its sister firm, Corder Seals Co."
    assert "Fresno, Calif." in [s.text for s in deletable_spans(listed)]
    assert "Calif." not in [s.text for s in deletable_spans(listed)]
    assert "Fresno," not in main_clause(listed)
    # A city in its clause keeps its place there; only its state is a side phrase.
    assert main_clause("Harbor Tools Inc. of Dayton, Ohio, said it would close a plant.") == "Harbor Tools Inc. of Dayton said it would close a plant."


def test_a_list_tail_whose_conjunct_differs_in_number_is_no_side_phrase():
    # "a weaker market and higher taxes" are two more causes, not a description of the plant:
    # dropped, the sentence would give one cause of three as the whole.
    text = "The mill blamed the loss on repair costs at its paper plant, a weaker pulp market and higher energy taxes."
    assert not [s for s in deletable_spans(text) if "market" in s.text]


def test_a_side_phrase_takes_the_dash_that_closes_an_aside_inside_it():
    text = "Norland Holdings, which owns 40% of the region's third largest brewer -- Ostmark Brewing Co. -- posted a profit of $2 million."
    assert main_clause(text) == "Norland Holdings posted a profit of $2 million."


# A sentence that opens on a subordinate clause keeps its main clause: the parser may read a long
# fronted clause as the root and the main clause's subject as an apposition, its verb as a
# participle's; no span may take them (invented sentences).
FRONTED = [
    ("When the price of oil, which had fallen for months, rose sharply in April, the airline, facing higher costs, cut flights.",
     ("the airline", "cut flights")),
    ("Although the ministry reported that exports rose 4% in the first half, a figure economists had expected, imports, "
     "which fell for a third month, remain weak.", ("imports", "remain weak")),
    ("If the court upholds the ruling, which came in March, the brewer, the country's largest, must pay $40 million.",
     ("the brewer", "must pay")),
    ("Since the plant opened in 1995, producing 200 cars a day, the town, once a fishing village, has doubled in size.",
     ("the town", "has doubled")),
]


@pytest.mark.parametrize("text, main", FRONTED)
def test_no_span_takes_the_main_clause_after_a_fronted_one(text, main):
    from factcheck.nlp import parse
    from factcheck.syntax import subordinate_only

    spans = deletable_spans(text)
    for short in [compress(text, {s.id}, spans) for s in spans] + [main_clause(text)]:
        assert all(words in short for words in main), short
        assert short == text or subordinate_only(parse(short)) is None, short


@pytest.mark.parametrize("text, marker", [
    ("Although the government said the economy grew 2.5% in the quarter.", "Although"),
    ("Although the government said the economy grew 2.5% in the quarter, in line with expectations.", "Although"),
    ("If the merger is approved by regulators, a decision expected in March.", "If"),
    ("Because the bank raised its rates last week.", "Because"),
    ("When the price of oil rose sharply in April.", "When"),
    ("But although the rate rose.", "although"),
])
def test_a_bare_subordinate_clause_is_a_fragment(text, marker):
    from factcheck.nlp import parse
    from factcheck.syntax import subordinate_only

    found = subordinate_only(parse(text))
    assert found is not None and found.text == marker


@pytest.mark.parametrize("text", [
    "While sales rose, profit fell.",
    "As expected, profit fell.",
    "When he arrived, he said nothing.",
    "When did the plant close?",
    "So the plan failed.",
    "Even though the rate rose, borrowing held up.",
    "Once the deal closes, the company will have 40,000 workers, analysts said.",
    "If approved, the plan would cut costs.",
    'When traders say "sell," the index tumbles as well as the currency.',
])
def test_a_sentence_with_a_main_clause_is_no_fragment(text):
    from factcheck.nlp import parse
    from factcheck.syntax import subordinate_only

    assert subordinate_only(parse(text)) is None


@pytest.mark.parametrize("text, kept", [
    ("The Dutch cable, wire and lighting concern, said its sales rose 8%.", []),
    ("The Italian paper, printing and publishing group, said profit from continuing lines fell 8%.", []),
    ("Tom Reed, engineer and father of three, said the bridge was safe.", ["engineer and father of three"]),
    ("Acme, a maker of locks and keys, said sales rose.", ["a maker of locks and keys"]),
])
def test_a_list_of_modifiers_after_the_noun_is_no_apposition(text, kept):
    """"The Dutch cable, wire and lighting concern": the noun before the comma is the first of the
    head's modifiers; dropped, the rest would leave a "cable" that said something."""
    assert [s.text for s in deletable_spans(text)] == kept
