"""Claim types and verify advice read from a clause's structure (factcheck/claim_types.py), on
invented sentences: judgements, purposes, hopes, agentless reports, and where verify sends a reader."""

from __future__ import annotations

import pytest

from factcheck.attribution import OUTLET_SPEAKER, Speaker
from factcheck.claim_types import claim_types, verify_for


@pytest.mark.parametrize(
    "clause",
    [
        "The appeals court ruled correctly in the zoning dispute.",  # an adverb of rightness on the act
        "The council wisely rejected the toll road.",
        "The panel correctly decided on Tuesday that the levy stands.",  # a dated act, judged
        "The merger was necessary and fair.",  # a predicate of value
        "Rural clinics are vital parts of the health service.",  # an indefinite predicate graded by value
        "Good for the harbour commission.",  # praise without a verb
        "The inquiry relied on flawed assumptions about the pipeline.",  # the own voice's verdict on an object
    ],
)
def test_a_judgement_of_value_is_an_opinion(clause: str) -> None:
    assert claim_types(clause)[0] == "opinion"
    assert verify_for("opinion", OUTLET_SPEAKER, clause).startswith("Not checkable as a fact")


@pytest.mark.parametrize(
    "clause",
    [
        "Portugal has been independent for centuries.",  # an adjective that describes
        "The bank is the sole underwriter of the bond sale.",
        "The spokesman said it is the first such programme under the plan.",
        "The sale is subject to approval by the regulator.",  # an adjective with its complement: a relation
        "There has been a dramatic rise in burglaries in the county.",  # an existential predicates nothing
        "The storm badly damaged the pier.",  # an adverb that measures, not judges
        "The firm posted its best quarter since 1990.",  # a rank a report names plainly
    ],
)
def test_a_description_is_no_judgement(clause: str) -> None:
    assert claim_types(clause)[0] != "opinion"


@pytest.mark.parametrize(
    "clause",
    [
        "The new quotas are intended to curb cheap imports.",  # what a thing is for
        "The scheme aims to cut truancy in city schools.",
        "The levy was designed to discourage speculation.",
        "The robbers intended to empty the safe.",  # what someone meant, then
    ],
)
def test_a_stated_purpose_is_no_forecast(clause: str) -> None:
    kinds = claim_types(clause)
    assert kinds[0] == "event" and "prediction" not in kinds
    advice = verify_for(kinds[0], OUTLET_SPEAKER, clause)
    assert "came true" not in advice and "purpose" in advice


def test_someones_word_on_what_they_mean_to_do_stays_a_plan() -> None:
    assert claim_types("The mayor said she intends to stand again next year.", "the mayor")[0] == "prediction"
    assert claim_types("Officials said they did not intend to close the port.", "officials")[0] == "prediction"


def test_a_hope_about_the_future_is_a_prediction_held_by_the_hoper() -> None:
    clause = "The government hopes its police will restore order in the capital by spring."
    kinds = claim_types(clause)
    assert kinds[0] == "prediction" and "event" in kinds
    assert "the government" in verify_for("prediction", OUTLET_SPEAKER, clause).lower()
    # Whatever form the parser lemmatises oddly: "hopes" is read as "hop".
    assert claim_types("Pro-independence groups hope to hold a vote within two years.")[0] == "prediction"
    assert claim_types("Engineers fear the levee would give way.")[0] == "prediction"


def test_a_passive_report_without_its_source_is_nobodys_quote() -> None:
    clause = "The suspect is believed to have crossed the border into Chile."
    kinds = claim_types(clause)
    assert kinds[0] == "event" and "quote" not in kinds
    assert "does not say who" in verify_for("event", OUTLET_SPEAKER, clause)
    # A report that names its source, or an act that is itself a report ("was charged"), stays as it was.
    assert "quote" in claim_types("The suspect is believed by police to have crossed the border.")
    assert "does not say who" not in verify_for("event", OUTLET_SPEAKER, "The treasurer was charged in a civil suit last month.")


def test_verify_sends_the_reader_to_a_record_that_exists() -> None:
    # A country does not issue "its statement": its government or officials do.
    country = Speaker("Norway", "organisation", 0, "said", "Norway")
    assert "Norway's government or officials" in verify_for("quote", country, "Norway said it would send two frigates.")
    # A company whose name is also a town's is still a company, and a person is never a place.
    firm = Speaker("Ralston", "organisation", 0, "said", "Ralston")
    assert "government" not in verify_for("quote", firm, "Ralston said its battery unit was hurt by weak demand.")
    person = Speaker("Toledo", "person", 0, "said", "Superintendent Pedro Toledo")
    assert "Toledo's statement" in verify_for("quote", person, "Toledo said the gangs were small.")
    # A document is its own record.
    filing = Speaker("a recent SEC filing", "organisation", 0, "according to", "a recent SEC filing")
    assert "a recent SEC filing itself" in verify_for("quote", filing, "The fund holds 9.5%, according to a recent SEC filing.")
    reports = Speaker("newspaper reports", "organisation", 0, "said", "newspaper reports")
    assert "themselves" in verify_for("quote", reports, "Newspaper reports said the gunman acted alone.")
    # "Some say ...": no one's statement to look up ("some's statement"); who said it is the question.
    for unnamed in ("some", "Many", "others", "several of them"):
        advice = verify_for("quote", Speaker(unnamed, "person", 0, "say", unnamed), f"{unnamed} say the delay was caused by the weather.")
        assert advice.startswith("Check who said this") and f"{unnamed}'" not in advice


def test_a_rule_governs_what_it_is_the_means_of_only_when_it_is_the_rule() -> None:
    # "with its ruling" is a means, not the text of a law a register holds.
    clause = "The court managed with its split ruling to cast doubt on the statute."
    assert "text of the law" not in verify_for(claim_types(clause)[0], OUTLET_SPEAKER, clause)
    assert "text of the law" in verify_for("event", OUTLET_SPEAKER, "Under the statute, every boat must carry a radio.")


def test_figures_a_clause_does_not_state() -> None:
    # A numeral that names a thing, and a count of what the article already named.
    assert claim_types("The 386 is the ancestor of a long line of chips.")[0] == "event"
    assert claim_types("The manager said all three stores are profitable.", "the manager")[0] != "statistic"
    # A share or a sum after "for" is the figure; a span is a circumstance.
    assert claim_types("The unit accounted for about 27% of sales last year.")[0] == "statistic"
    assert claim_types("The board met for four hours on Monday.")[0] != "statistic"
    # The advice checks the figure it names against that figure's kind of record.
    clause = "Acme agreed to sell a 40% stake to Brill for $90 million."
    advice = verify_for("statistic", OUTLET_SPEAKER, clause)
    assert "$90 million" in advice and "amount" in advice


def test_what_a_denied_saying_or_an_indirect_question_holds_is_no_forecast() -> None:
    kinds = claim_types("The chairman said he could not yet say whether the prices would cover costs.", "the chairman")
    assert kinds[0] == "quote" and "prediction" not in kinds
    assert "prediction" not in claim_types("The minister did not say that prices would rise.")
    # A saying that is not denied still carries its forecast.
    assert claim_types("The minister said prices would rise.", "the minister")[0] == "prediction"


def test_a_procedure_is_no_demand_and_a_cause_of_a_figure_no_statistic() -> None:
    assert claim_types("Any change to the border must be approved by both parliaments.")[0] == "event"
    assert claim_types("The minister must resign.")[0] == "opinion"
    # "responsible for a fall of 80 cents": the figure hangs on the adjective, not on a verb of value.
    assert claim_types("Fear of a recall may have been responsible for a fall of 80 cents in the shares.")[0] != "statistic"


def test_a_refusal_to_say_is_told_not_forecast_and_a_firm_named_data_is_no_document() -> None:
    assert "prediction" not in claim_types("The broker wouldn't say whether the bidder had named a price.")
    firm = Speaker("Control Data", "organisation", 0, "said", "Control Data")
    assert "itself" not in verify_for("quote", firm, "The unit is not for sale, Control Data said.")


def test_a_bodys_announcement_of_what_it_will_do_with_its_own_is_its_statement() -> None:
    company = Speaker("Acme Corp.", "organisation", 0, "said", "Acme Corp.")
    kinds = claim_types("The proceeds of the sale will be used to reduce debt, the company said.", company)
    assert kinds[0] == "quote" and "prediction" not in kinds
    assert claim_types("Its two plants in Ohio will be closed next year, the company said.", company)[0] == "quote"
    # A forecast about what the body does not decide stays one.
    assert claim_types("Demand for steel will recover next year, the company said.", company)[0] == "prediction"
    assert claim_types("The company said its earnings will probably be lower than last year.", company)[0] == "prediction"


def test_a_first_person_nobody_names_is_sent_to_no_ones_statement() -> None:
    advice = verify_for("opinion", Speaker("I", "person", 0, "quote continues", "I"), "I think the merger is a good thing.")
    assert "I's" not in advice and "who" in advice


def test_an_act_on_a_schedule_is_a_prediction_until_its_day_has_passed() -> None:
    assert claim_types("Work on the bridge is set to begin in early 2027.")[0] == "prediction"
    assert claim_types("The talks are scheduled to resume next week.")[0] == "prediction"
    assert claim_types("Fares are likely to rise.")[0] == "prediction"
    # Its day gone, the schedule is told, not forecast; and "due to expire" is no cause.
    kinds = claim_types("The tender offer was due to expire yesterday.")
    assert kinds[0] == "event" and "causal" not in kinds and "opinion" not in kinds
    assert "causal" in claim_types("The match was cancelled due to rain.")


@pytest.mark.parametrize(
    "clause",
    [
        "The town ought to repair the old pier.",
        "The museum needs to publish its accounts.",
        "Let the auditors be given every file.",
        "Residents are entitled to a clear answer.",
        "The new owners deserve a fair hearing.",
        "The mayor is plainly fond of ribbon cuttings.",
    ],
)
def test_a_prescription_in_the_outlets_voice_is_an_opinion(clause: str) -> None:
    assert claim_types(clause)[0] == "opinion"
    assert verify_for("opinion", OUTLET_SPEAKER, clause).startswith("Not checkable as a fact")


def test_what_a_rule_lays_down_or_a_past_need_stays_checkable() -> None:
    assert "opinion" not in claim_types("Under the statute, tenants are entitled to a refund.")
    assert "opinion" not in claim_types("The regulation requires that every boat carry flares.")
    assert "opinion" not in claim_types("Forty guests needed to be treated for smoke.")
    assert "opinion" not in claim_types("The court let the appeal proceed.")


def test_a_quantity_that_changes_is_a_statistic_without_a_numeral() -> None:
    clause = "The share of farms that grow barley has fallen."
    assert claim_types(clause)[0] == "statistic"
    advice = verify_for("statistic", OUTLET_SPEAKER, clause)
    assert "'The share of farms'" in advice and "statistics" in advice
    assert claim_types("The number of ferries that sail at night doubled.")[0] == "statistic"
    assert "statistic" not in claim_types("The ferry sailed at night.")


def test_a_cause_someone_gives_is_checked_as_their_word() -> None:
    clause = "Dunmore said the mill closed because orders dried up."
    advice = verify_for("causal", Speaker("Dunmore", "person"), clause)
    assert advice.startswith("Check that Dunmore said this") and "official records" not in advice
    assert "official records" in verify_for("causal", OUTLET_SPEAKER, "The mill closed because orders dried up.")


@pytest.mark.parametrize("clause", [
    "The spokesman would not elaborate.",
    "The agency wouldn't identify the buyers.",
    "The chairman would not discuss the terms of the sale.",
    "A ministry official declined to name the two companies.",
])
def test_a_refusal_to_tell_is_a_past_event_not_a_forecast(clause: str) -> None:
    kinds = claim_types(clause)
    assert kinds[0] == "event" and "prediction" not in kinds
    advice = verify_for("event", OUTLET_SPEAKER, clause)
    assert "declined" in advice and "came true" not in advice


def test_a_hedged_or_conditional_would_not_is_still_a_guess() -> None:
    assert claim_types("The board probably would not discuss the offer before May.")[0] == "prediction"
    assert "prediction" in claim_types("The regulators would not approve the merger if the price rose.")


@pytest.mark.parametrize("clause, text", [
    ("The bill would make it a crime to sell the pills to minors.", "bill"),
    ("The treaty would ban nuclear tests in the region.", "treaty"),
    ("Under the proposal, farmers would receive larger subsidies.", "proposal"),
    ("Under terms of the offer, holders would receive two new shares.", "offer"),
])
def test_what_a_rule_or_a_proposal_would_do_is_checked_in_its_text(clause: str, text: str) -> None:
    kinds = claim_types(clause)
    assert "prediction" not in kinds
    assert f"the text of the {text} itself" in verify_for(kinds[0], OUTLET_SPEAKER, clause)
    # A deal between parties is read in its signed text or its filing, not in a gazette.
    advice = verify_for("event", OUTLET_SPEAKER, "Under the accord, the two banks would merge their card units.")
    assert "signed text of the accord" in advice and "gazette" not in advice
    # A passive under the rule is what it provides too.
    clause = "Under the new rules, licences will be granted to the first applicants."
    assert "the text of the rule itself" in verify_for(claim_types(clause)[0], OUTLET_SPEAKER, clause)
    # What happens to the text itself is no provision of it: a forecast stays one.
    assert claim_types("The bill would be signed by the governor next week.")[0] == "prediction"


def test_what_the_evidence_suggests_is_the_articles_inference_not_a_quote() -> None:
    clause = "The evidence suggests that both blazes were started by one arsonist."
    kinds = claim_types(clause)
    assert "quote" not in kinds and kinds[0] == "event"
    advice = verify_for(kinds[0], OUTLET_SPEAKER, clause)
    assert "evidence" in advice and "transcript" not in advice and "quotes" not in advice
    # Named as the "speaker" by a looser attribution, the evidence still says nothing.
    found = Speaker("Fresh evidence", "group", 0, "suggesting", "Fresh evidence")
    clause = "Fresh evidence is suggesting that the two shootings might be linked."
    kinds = claim_types(clause, found)
    assert kinds[0] == "event" and "quote" not in kinds
    assert "statement" not in verify_for(kinds[0], found, clause)
    # A person who suggests something does say it.
    assert claim_types("The mayor suggested that the two shootings were linked.", Speaker("the mayor", "person"))[0] == "quote"


def test_a_quoted_headline_or_title_is_cited_not_a_figure_stated() -> None:
    clause = 'The paper ran the story under the headline "4,000 jobs to go at the docks".'
    kinds = claim_types(clause)
    assert "statistic" not in kinds
    advice = verify_for(kinds[0], OUTLET_SPEAKER, clause)
    assert "headline" in advice and "official records" not in advice
    assert "transcript" not in verify_for("quote", OUTLET_SPEAKER, 'The headline read "Harbour strike ends".')
    # A slogan is no publication's title; a figure outside the quotation is still stated.
    assert "headline" not in verify_for("event", OUTLET_SPEAKER, 'The marchers carried a banner with the slogan "Docks for all".')
    assert claim_types('Some 4,000 dockers went back to work on Monday, a week after the paper ran the headline "Strike ends".')[0] == "statistic"


@pytest.mark.parametrize("clause", [
    "The ceasefire represented a major breakthrough for the mediators.",
    "The ruling was a serious setback for the port authority.",
    "The launch marked a milestone for the space agency.",
    "Closing the ferry would be a travesty.",
])
def test_a_predicate_of_success_or_shame_is_a_verdict_past_or_conditional(clause: str) -> None:
    kinds = claim_types(clause)
    assert kinds[0] == "opinion" and "prediction" not in kinds
    assert "text of the law" not in verify_for(kinds[0], OUTLET_SPEAKER, clause)


def test_a_figure_or_a_plain_noun_after_be_is_no_verdict() -> None:
    assert claim_types("The rebate was a 10 percent boost to incomes.")[0] == "statistic"
    assert claim_types("The ceasefire was an agreement between the two militias.")[0] != "opinion"


def test_what_a_group_did_is_checked_as_an_event_not_as_their_statement() -> None:
    # The attribution named the marchers from a chant in another sentence; this clause tells what they did.
    marchers = Speaker("the marchers", "group", 1, "chanted", "the marchers")
    clause = "The marchers walked to the harbour and blocked the gates."
    kinds = claim_types(clause, marchers)
    assert kinds[0] == "event" and "quote" not in kinds
    advice = verify_for(kinds[0], marchers, clause)
    assert "transcript" not in advice and "the marchers' statement" not in advice
    # What they are told to have said stays their statement.
    assert claim_types("The marchers chanted that the harbour must stay open.", marchers)[0] == "quote"


@pytest.mark.parametrize("clause", [
    "Tomas Ortega, the father of four girls, was stabbed outside his shop on Friday.",  # a figure in an appositive
    "Lena Varga, 41, was detained at the border.",
    "The ferry, which carried 250 passengers, ran aground near the island.",  # in a relative clause
    "Two senior advisers to the mayor, planning chief Ida Brandt and budget director Omar Kell, resigned on Monday.",
    "The new directors include Ruth Ames of Second Harbor Capital and Leo Dunn.",  # a number in a name
])
def test_a_number_beside_the_main_clause_makes_no_statistic(clause: str) -> None:
    assert claim_types(clause)[0] == "event"


def test_a_count_or_an_amount_the_main_clause_states_is_still_a_statistic() -> None:
    assert claim_types("Two senior advisers to the mayor resigned on Monday.")[0] == "statistic"
    assert claim_types("The firm arranged a $40 million loan with Harbor Bank, a unit of Harbor Corp.")[0] == "statistic"


def test_a_count_an_existential_states_is_a_statistic_however_parsed() -> None:
    clause = "Nationwide, there are about nine thousand families waiting for housing each year and only two thousand flats become free."
    assert claim_types(clause)[0] == "statistic"
    assert "nine thousand families" in verify_for("statistic", OUTLET_SPEAKER, clause)


def test_not_being_surprised_by_what_the_coming_years_bring_is_a_forecast() -> None:
    analyst = Speaker("Ines Roth", "person", 0, "said", "Ines Roth")
    clause = '"Over the next few years we would not be surprised to see Asia make up 40% of sales," she said.'
    assert claim_types(clause, analyst)[0] == "prediction"
    # The speaker's own word on what they will do stays their statement.
    assert claim_types("We will reopen the two mills, the company said.", Speaker("Acme", "organisation"))[0] == "quote"


def test_a_named_person_who_says_is_quoted_even_when_the_transcript_breaks_the_syntax() -> None:
    clause = "Minister Okafor says the agency two years ago, or gave them two years to draw up a new plan."
    assert claim_types(clause)[0] == "quote"
    assert "Minister Okafor said this" in verify_for("quote", OUTLET_SPEAKER, clause)
    # A saying refused is still a refusal told.
    assert claim_types("Minister Okafor wouldn't say whether the plan was ready.")[0] == "event"


def test_a_fronted_phrase_the_parser_split_off_does_not_hide_the_main_clause() -> None:
    clause = "Since 1985 _ when the army set up a buffer zone in the north _ nearly 150 soldiers have been killed fighting rebels."
    assert claim_types(clause)[0] == "statistic"


@pytest.mark.parametrize(
    "clause",
    [
        "The old mayor is the ultimate backroom operator.",  # a rank on a scale of value
        "The rescue was the most courageous act of the flood.",
        "The new library has a lot to offer.",  # what a thing is worth to someone
    ],
)
def test_a_rank_or_a_worth_judged_is_an_opinion(clause: str) -> None:
    assert claim_types(clause)[0] == "opinion"


@pytest.mark.parametrize(
    "clause",
    [
        "Harbor Trust is the largest lender in Maine by deposits.",  # a superlative a record measures
        "The mill is the oldest employer in the valley.",
        "It was the best quarter for the brewer since 1991.",  # a superlative against a record in time
        "The quarrel has little to do with the budget.",  # a relation, not a worth
    ],
)
def test_a_measured_rank_or_a_relation_is_no_opinion(clause: str) -> None:
    assert "opinion" not in claim_types(clause)


@pytest.mark.parametrize(
    "clause",
    [
        "Three farmers drove their tractors to the capital.",  # a small count of the doers of an act
        "For tickets, call (415) 555-0142 after noon.",  # a telephone number
        "The zero-coupon bonds pay no interest until they mature.",  # a number inside a modifier
        "Only Portugal has a longer coastline in the region.",  # a name the tagger read as a share
        "Controllers lost contact with Delta nine hundred over the lake.",  # a number that identifies a flight
        "The Fortune 500 retailer opened a depot in Reno.",  # a name and its number
    ],
)
def test_a_number_that_is_not_the_measured_quantity_makes_no_statistic(clause: str) -> None:
    assert "statistic" not in claim_types(clause)


def test_a_count_that_is_the_point_stays_a_statistic() -> None:
    assert claim_types("Chile has 15 million inhabitants, and Uruguay 3.3 million.")[0] == "statistic"
    assert claim_types("At least 40 miners were trapped below ground.")[0] == "statistic"
    assert claim_types("More than 300 workers lost their jobs at the plant.")[0] == "statistic"


def test_the_figure_to_check_is_the_whole_hyphenated_figure() -> None:
    clause = "The brewer made a $52-a-share offer for the distiller."
    assert claim_types(clause)[0] == "event"  # the offer's price is not the clause's main point
    assert "$52-a-share" in verify_for("statistic", OUTLET_SPEAKER, clause)


@pytest.mark.parametrize(
    "clause",
    [
        "You just would not believe the noise.",  # a generic "you"
        "It would be unfair if the board cut the pensions.",  # a condition framing a judgement
        '"I would be very surprised if the rate changed," the economist said.',
    ],
)
def test_a_hypothetical_would_framing_a_view_is_an_opinion(clause: str) -> None:
    types = claim_types(clause)
    assert types[0] == "opinion" and "prediction" not in types
    assert "came true" not in verify_for(types[0], OUTLET_SPEAKER, clause)


def test_a_named_refusal_is_checked_as_a_refusal() -> None:
    speaker = Speaker("the harbour master", "person")
    clause = "The harbour master declined to comment on the collision."
    assert claim_types(clause, speaker) == ["event"]
    assert "declined to tell" in verify_for("event", speaker, clause)
    assert "declined to tell" in verify_for("quote", speaker, "He would not elaborate on the collision.")


def test_a_broadcasts_own_we_is_the_outlets_voice() -> None:
    clause = "We will return to the border crossing later in the program."
    assert "quote" not in claim_types(clause)
    assert "who said this" not in verify_for(claim_types(clause)[0], OUTLET_SPEAKER, clause)
    assert "quote" in claim_types('"We will not sell the farm."')
    assert "quote" in claim_types("We are trying to find a peaceful way out.")  # a soundbite, not the programme
    assert "quote" in claim_types("Oh, we just lost an engine over here.")  # a voice on a recording


def test_a_refusal_beside_what_was_said_is_a_quote() -> None:
    speaker = Speaker("Ms. Rowe", "person")
    clause = "Ms. Rowe declined to name the buyer, saying the talks were at an early stage."
    assert claim_types(clause, speaker)[0] == "quote"
    assert "declined to tell" not in verify_for("quote", speaker, clause)


def test_the_figure_to_check_is_the_amount_before_a_count_of_things() -> None:
    clause = "Acme sold three divisions to Globex for $85 million."
    assert "'$85 million'" in verify_for("statistic", OUTLET_SPEAKER, clause)


def test_a_holding_or_a_companys_account_is_checked_in_its_filings_not_in_official_statistics():
    # A count of shares, a part of a company or its stock, a change in what it earns: a holding,
    # a deal or an account, kept by whoever owns, trades or reports it.
    for clause in (
        "Norvale Partners bought 4.1 million shares, or 12%, of the shipping concern for $9 a share.",
        "The fund holds 2,250,000 Delmar common shares, or a 6.4% stake.",
        "Ostrava Bank owned 31% of the brewer's stock before the offering.",
        "Quarterly profit rose 8%.",
    ):
        verify = verify_for("statistic", "the outlet", clause)
        assert "official statistics" not in verify and "filings" in verify, clause
    # A rate of a population stays a statistic's.
    assert "official statistics" in verify_for("statistic", "the outlet", "Some 45% of voters backed the plan.")
    assert "official statistics" in verify_for("statistic", "the outlet", "Exports fell 4 percent.")


def test_figures_that_show_are_the_outlets_reading_and_figures_who_speak_are_people():
    shown = "Figures released today confirmed that exports fell 4 percent in May."
    assert "quote" not in claim_types(shown) and "Figures said" not in verify_for("statistic", "the outlet", shown)
    assert claim_types("The figures suggest the recession is over.") == ["event"]
    # "political figures" who say or warn are people: their statement, not a record that speaks for itself.
    people = verify_for("quote", Speaker("Political figures", "group"), "Political figures said the vote was rigged.")
    assert "statement, the transcript or the recording" in people


def test_a_figure_that_the_data_show_is_a_statistic():
    clause = "The data show the jobless rate fell to 3.6 percent in May."
    assert claim_types(clause)[0] == "statistic"
    assert "'3.6 percent'" in verify_for("statistic", OUTLET_SPEAKER, clause)
    assert claim_types("Tests show the water is safe.")[0] == "event"


def test_a_count_that_says_who_a_body_is_does_not_make_a_statistic():
    # The clause asserts what the body does; its "of" phrase says who it is.
    assert claim_types("A second group of four board members is seeking control of the bakery chain.")[0] == "event"
    # A count that is the subject, or in the object's "of" phrase, is what the clause asserts.
    assert claim_types("The town has a population of 40,000.")[0] == "statistic"
    assert claim_types("A total of 300 ferries were sold.")[0] == "statistic"


def test_a_value_the_parser_hung_on_the_period_is_the_clauses_figure():
    clause = "Revenue increased in the quarter ended June 30 to $512.4 million from $488.1 million."
    assert claim_types(clause)[0] == "statistic"
    assert "'$512.4 million'" in verify_for("statistic", OUTLET_SPEAKER, clause)


@pytest.mark.parametrize(
    "clause",
    [
        "The harbour bonds were a little worse than expectations.",
        "Quarterly sales at the mill came in lower than analysts had forecast.",
        "The co-operative's earnings were better than expected.",
    ],
)
def test_a_result_compared_with_its_forecast_is_checkable_not_a_judgement(clause: str) -> None:
    kinds = claim_types(clause)
    assert "opinion" not in kinds
    advice = verify_for(kinds[0], OUTLET_SPEAKER, clause)
    assert "forecasts or estimates published before" in advice
    assert not advice.startswith("Not checkable")


def test_a_comparison_with_no_forecast_stays_a_judgement() -> None:
    assert claim_types("The new ferry timetable is better than nothing.")[0] == "opinion"


@pytest.mark.parametrize(
    "clause",
    [
        "For its part, the board managed with its muddled vote to cast doubt on its real commitment to open tenders.",
        "The leaked minutes cast doubt on the ministry's account of the tender.",
    ],
)
def test_doubt_cast_in_the_outlets_own_voice_is_its_reading(clause: str) -> None:
    assert claim_types(clause)[0] == "opinion"
    assert verify_for("opinion", OUTLET_SPEAKER, clause).startswith("Not checkable as a fact")


def test_people_casting_doubt_tell_what_they_said() -> None:
    assert claim_types("Two auditors cast doubt on the ministry's figures.")[0] == "event"


@pytest.mark.parametrize(
    "clause",
    [
        "A gas main blew up under the bakery on Elm Street, injuring 14 people.",  # a consequence in a participle
        "The two ferry ports lie 420 kilometers from each other.",  # how far, not what
        "The cargo plane came down 25 miles east of the capital.",
    ],
)
def test_a_number_in_a_side_phrase_does_not_make_a_statistic(clause: str) -> None:
    assert "statistic" not in claim_types(clause)


@pytest.mark.parametrize(
    "clause",
    [
        "Turnout grew, climbing to 64 percent.",  # a participle that goes on with the change
        "Bond prices edged up, pushing down the yield to 4.1 percent from 4.2 percent.",
        "The two ferry ports are 420 kilometers apart.",  # the distance is the predicate
        "The index fell 40 points from its peak.",  # the value of a change
    ],
)
def test_a_figure_the_main_clause_states_is_still_a_statistic(clause: str) -> None:
    assert claim_types(clause)[0] == "statistic"


@pytest.mark.parametrize(
    "clause",
    [
        "The consulate's telephone numbers are (351-1) 4462207 and 4462208.",  # a code in brackets
        "The consulate can be reached at telephone (351-1) 44-62-207.",
        "The ferry line's hotline number is 0800 123 456.",  # digits after the word for a line
    ],
)
def test_a_telephone_number_is_no_statistic(clause: str) -> None:
    assert "statistic" not in claim_types(clause)


def test_a_figure_beside_the_word_for_a_line_is_still_a_figure() -> None:
    assert claim_types("Telephone sales at the co-operative rose 12 percent to $4 million.")[0] == "statistic"


@pytest.mark.parametrize(
    ("clause", "speaker"),
    [
        ("The president made clear that he would veto the bill.", "the president"),
        ("The governor expressed concern that the levee would not hold next spring.", "the governor"),
        ("Acme expects operating margins of more than 10% next year.", "Acme"),
        ("Analysts forecast a loss of $5 million for the year.", "Analysts"),
    ],
)
def test_what_a_message_or_a_forecast_verbs_object_says_lies_ahead(clause: str, speaker: str) -> None:
    assert claim_types(clause, Speaker(speaker, "organisation", 0, "said", speaker))[0] == "prediction"


@pytest.mark.parametrize(
    "clause",
    [
        "People have predicted his fall many times.",  # forecasts made, told as an experience
        "Analysts estimated the damage at $1 billion.",  # an estimate of a present value
    ],
)
def test_a_forecast_verb_that_tells_of_forecasts_made_or_estimates_a_value_is_no_prediction(clause: str) -> None:
    assert "prediction" not in claim_types(clause)[:1]


def test_a_number_after_the_abbreviation_of_number_names_which_one() -> None:
    assert claim_types("The agency said that team no. 14 visited the depot and a school.", Speaker("the agency", "organisation", 0, "said", "the agency"))[0] != "statistic"
    assert claim_types("Room No. 5 was searched on Monday.")[0] != "statistic"


def test_what_is_expected_from_someone_is_a_demand_not_a_forecast() -> None:
    clause = "The minister said the country expects loyalty from its partners."
    assert "prediction" not in claim_types(clause, Speaker("the minister", "person", 0, "said", "the minister"))


@pytest.mark.parametrize(
    "clause",
    [
        "The factory cut its staff, to as few as 900 workers, last spring.",  # a phrase set off by commas
        "The depot, which employs 300 people, closed on Friday.",  # a relative clause
    ],
)
def test_a_figure_set_off_from_the_main_clause_is_no_statistic(clause: str) -> None:
    assert claim_types(clause)[0] == "event"


@pytest.mark.parametrize(
    "clause",
    [
        "Exports rose, to $3 billion, in May.",  # the value of a change that has no other
        "Exports rose 5%, to $3 billion, in May.",
        "The firm does not expect any further loss from the sale next year.",  # "from" a thing: a cause, no demand
    ],
)
def test_the_value_of_a_change_or_a_forecast_stays_what_the_clause_states(clause: str) -> None:
    assert claim_types(clause)[0] in ("statistic", "prediction")


def test_the_size_of_the_place_where_something_happens_is_no_statistic() -> None:
    clause = "Trade sources reported that work was slowing at the 300-acre quarry."
    assert claim_types(clause, Speaker("Trade sources", "group", 0, "reported", "Trade sources"))[0] != "statistic"


def test_a_bound_on_a_value_is_the_predicate_a_statistic_states() -> None:
    assert claim_types("The bank's share of the market is slightly under 20%.")[0] == "statistic"


def test_a_plan_told_in_a_past_report_with_a_deadline_ahead_is_a_prediction() -> None:
    # "had been telling ... that by 2031 it intended to reach a 40% share": the report's past is in its
    # auxiliary, and "by 2031" is the plan's deadline, not the day the plan was made.
    clause = "Until recently, the brewer had been telling investors that by 2031 it intended to reach a 40% share of the market."
    assert claim_types(clause, Speaker("the brewer", "organisation", 0, "telling", "the brewer"))[0] == "prediction"


@pytest.mark.parametrize(
    "clause",
    [
        "The grocer bought a rival chain for $41 million.",  # the price in the "for" phrase of an act on a thing
        "The utility agreed to buy the remaining stock for $19 each.",
        "The mill was sold for $6 million last year.",  # the thing traded as a passive subject
        "The board turned down a $22-a-share offer.",  # a sum that only modifies an act's noun
        "A $9-a-share bid by the brewer was extended to June 3.",
        "The union is weighing alternatives to a $2 billion buyout plan.",
    ],
)
def test_the_price_of_an_act_is_no_statistic(clause: str) -> None:
    assert "statistic" not in claim_types(clause)
    assert claim_types(clause)[0] == "event"


@pytest.mark.parametrize(
    "clause",
    [
        "The grocer sold 1.4 million shares for $12 million.",  # a count as the object's head
        "The grocer took a $48 million charge.",  # a noun of a sum, not of an act
        "The grocer paid $41 million for the chain.",  # the sum is the object
        "The merger is valued at $3 billion.",  # the sum is the predicate
        "The house sold for $2 million.",  # the sum is the verb's only complement
        "The bank holds a 9% stake in the grocer.",  # a holding
        "Shoppers can get 60% discounts at the outlets.",  # a share before a noun is its size
    ],
)
def test_a_sum_that_is_the_main_point_stays_a_statistic(clause: str) -> None:
    assert claim_types(clause)[0] == "statistic"
