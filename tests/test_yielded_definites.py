"""Definites and deixis that point back to what an earlier sentence introduced (CRITERIA 2c): a
term of an act the story introduced with a noun ("an offering" ... "the offering price"), the
yield of an untold act ("the proceeds"), a day's act ("Friday's purchases"), "this way" before an
attribution; and what must not be flagged: "such ... that", a clause that tells the act, a day's
setting in a side phrase. Invented sentences."""

from __future__ import annotations

from factcheck.referents import dangling

OFFERING = ["Pella Systems Inc. said it filed for an initial public offering of 2 million shares.", "The underwriter is Brandt & Co."]
SELLING = ["Orin Corp. said it agreed to sell its snack units to Tamsin Foods Inc. for $90 million."]
BUYING = ["Tamsin Foods Inc. said it agreed to buy the snack units of Orin Corp. for $90 million."]


def test_a_term_of_an_act_introduced_by_a_noun_points_back() -> None:
    assert dangling("The offering price is expected to be $11 a share.", False, OFFERING) == ["The offering price"]
    # the text tells of the offering itself: it says which
    assert "The offering price" not in dangling("Pella's offering of 2 million shares opens today, and the offering price is $11.", False, OFFERING)
    # no offering told before: a kind, not one the reader must know
    assert dangling("The offering price is expected to be $11 a share.", False, SELLING) == []


def test_the_yield_of_an_untold_act_points_back() -> None:
    assert "the proceeds" in dangling("The company said it would use the proceeds to repay bank debt.", False, OFFERING)
    # a clause joined before tells which act yielded them
    assert dangling("Pella sold its plant and used the proceeds to repay bank debt.", False, OFFERING) == []


def test_a_days_act_as_the_participant_points_back_but_not_a_days_setting() -> None:
    assert dangling("Friday's purchases lifted Tamsin's market share to 12%.", False, BUYING) == ["Friday's purchases"]
    assert dangling("Tamsin's shares rose after Friday's purchases.", False, BUYING) == []


def test_manner_deixis_before_an_attribution_is_not_a_name_in_apposition() -> None:
    assert "this way" in dangling("Orin structured the sale this way, Mr. Pyle said.", False, SELLING)
    # the name after the comma says who: not pointing back
    assert "This man" not in dangling("This man, Eric Dale, ran the snack units for a decade.", False, SELLING)


def test_such_with_a_that_clause_says_how_much() -> None:
    assert dangling("Prices fell to such an extent that dealers stopped trading.", False, SELLING) == []
    assert dangling("Prices fell to such an extent.", False, SELLING) == ["such an extent"]


FARES = ["Vela Air said it would cut fares to Denver.", "Fares fell 10%."]


def test_bare_others_need_their_comparison() -> None:
    assert "Several others" in dangling("Several others said they would match the cut.", False, FARES)
    # the text names those they are set beside
    assert dangling("Some analysts expect a rise, but others see a fall.", False, FARES) == []


def test_a_comparison_the_text_states_before_than() -> None:
    # "those of" stands in for "the fares of"; the other airlines are other than Vela, which the text names
    assert dangling("Vela's fares are lower than those of other airlines.", False, FARES) == []
    assert dangling("Profit was higher than that of a year earlier.", False, FARES) == []
    assert dangling("Fares at other airlines fell 5%.", False, FARES) == ["other airlines"]


PLACEMENT = ["Marlow Brewing Ltd. said it plans a private placement of $90 million in preferred shares.", "Proceeds will reduce debt, said Anne Pyle, the treasurer."]


def test_a_definite_that_repeats_a_bare_introduction_points_back() -> None:
    assert dangling("The preferred shares will carry a floating dividend.", False, PLACEMENT) == ["The preferred shares"]


def test_the_speaker_is_not_who_others_are_set_beside() -> None:
    assert "other buyers" in dangling("Ms. Pyle said that if no accord is reached, other buyers will be sought.", False, PLACEMENT)
    assert dangling("Pyle's duties will go to three other executives.", False, PLACEMENT) == []
    # a body the text names may be one of the shareholders the others are set beside
    assert dangling("Marlow said that Tavis Group Inc. will buy any shares not bought by other shareholders.", False, PLACEMENT) == []
