"""Definites that point back to what the story told in other words (CRITERIA 2c): a sum told by the
verb of a kind it is, a term of an act told with a verb ("the sale prices"), an act named by a
noun of its kind ("the merger agreement"), the act a participant's "of" phrase names, and a person
described rather than named ("the 72-year-old"). And what must not be flagged: a thing of the
world, a phrase that says which. Invented sentences."""

from __future__ import annotations

from factcheck.referents import dangling, pointing_back
from factcheck.wordlists import told_as

SELLING = ["Harbor Foods Inc. said it will sell its frozen-foods operations.", "The company's shares rose 5%."]
BUYING = ["Velo Group agreed to pay $40 million to buy 50 acres of farmland near Dayton.", "The land lies along a river."]
ARREST = ["Police arrested Omar Dasso, a retired army officer, on Friday.", "His lawyer declined to comment."]


def _flagged(text: str, previous: list[str]) -> list[str]:
    return [noun.text for _, noun, _ in pointing_back(text, previous)]


def test_a_sum_is_told_by_the_verb_of_a_kind_it_is() -> None:
    # a fine is a penalty, a payment, a cost: "will cost" tells of it (benchmarks/build_told_as.py)
    assert "cost" in told_as("fine")[0]
    assert "cost" in told_as("fee")[0]
    # only a verb of having or of being so, and only the verb word the kind is derived from
    assert "be" not in told_as("fine")[0] and "standardize" not in told_as("cash")[0]


def test_a_term_of_an_act_a_verb_told_points_back() -> None:
    assert _flagged("Mr. Kane said he could not say if the sale prices would match book values.", SELLING) == ["prices"]
    assert _flagged("Of the total purchase price, $30 million would be paid in cash.", BUYING) == ["price"]
    # the text tells of the act itself: it says which
    assert _flagged("Harbor will sell the unit, and the sale price will match book value.", SELLING) == []


def test_a_compound_that_names_no_act_or_a_number_of_the_setting_does_not_point_back() -> None:
    assert _flagged("Prices rose in the bond market on Tuesday.", SELLING) == []
    assert _flagged("The trade deficit widened in May.", SELLING) == []
    assert _flagged("The stock market closed lower on Tuesday.", SELLING) == []
    assert _flagged("The Federal Reserve raised interest rates.", SELLING) == []


def test_an_act_named_by_a_noun_of_its_kind_is_one_partys() -> None:
    merging = ["Acme Corp. completed its $3 billion acquisition of Bolt Inc. on Monday.", "Bolt makes valves."]
    assert dangling("The completion of the merger agreement follows months of talks.", previous=merging) == ["the merger agreement"]


def test_the_act_of_a_participants_of_phrase_points_back() -> None:
    offering = ["Acme said it will sell 5 million new shares to investors.", "Its shares rose."]
    assert _flagged("Proceeds of the offering will be used to reduce debt.", offering) == ["offering"]
    assert _flagged("Under terms of the agreement, holders will receive $35 a share.", offering) == ["agreement"]
    # a quantity of it is not what the item is about ("13 percent of the vote in elections")
    assert _flagged("The party took 13 percent of the vote in the state's elections.", offering) == []


def test_an_aside_set_off_by_a_comma_says_more_not_which() -> None:
    selling = ["Acme agreed to sell its candy unit to Nestle Inc.", "Acme's shares rose."]
    assert _flagged("The sale, at a higher price than analysts expected, helps Acme pay its debt.", selling) == ["sale"]
    assert _flagged("The sale of the candy unit to Nestle helps Acme pay its debt.", selling) == []  # a name says which


def test_a_person_described_not_named_points_back() -> None:
    assert dangling("The 72-year-old denied the charges.", previous=ARREST)[:1] == ["The 72-year-old"]
    assert dangling("The former officer denied the accusations.", previous=ARREST)[:1] == ["The former officer"]
    assert dangling("The man who has led the veterans' club for 20 years said he would resign.", previous=ARREST)[:1] == ["The man"]


def test_a_person_the_phrase_names_or_a_story_with_no_named_person_is_not_pointed_back_to() -> None:
    assert "The man" not in dangling("The man who shot President Kennedy died in 1963.", previous=ARREST)
    assert "The former officer" not in dangling("The former officer, Omar Dasso, denied the accusations.", previous=ARREST)
    assert dangling("The 72-year-old denied the charges.", previous=["Police made an arrest on Friday.", "Shares fell."]) == ["the charges"]


def test_a_deal_named_by_what_it_deals_in_is_one_partys() -> None:
    placing = ["Rollo Cable Inc. said it plans to raise $150 million by selling preferred shares.", "Rollo's stock rose."]
    assert _flagged("Mr. Vance said the share issue is part of a plan to cut debt.", placing) == ["issue"]
    assert _flagged("The peace process stalled in May.", placing) == []  # not one party's deal: a thing of the world
