"""Place nouns and descriptions that stand for what the story named (CRITERIA 2c): a bare "the
region", "the area", "the country" in a claim that names none; a description of a named
organisation set off by a comma-set place ("the Van Nuys, Calif., thrift"); a counted "other".
And what must not be flagged: a place the phrase or the item names, a rank in the story's country.
Invented sentences."""

from __future__ import annotations

from factcheck.referents import dangling, resolve_referents, unnamed_places
from factcheck.wordlists import place_nouns

GULF = ["Tensions rose in the Persian Gulf on Monday.", "Officials met in Washington."]
WAR = ["Fighting spread across Liberia on Monday.", "Aid groups left the capital."]
THRIFT = ["Valley Federal Savings and Loan Association reported a loss for the quarter.", "Analysts were surprised."]


def test_the_place_nouns_are_wordnets_regions_areas_and_countries() -> None:
    assert {"region", "area", "territory", "country"} <= place_nouns()
    # kinds of a place a story speaks of without naming it first are not among them
    assert not {"city", "scene", "border", "desert", "site"} & place_nouns()


def test_a_bare_place_noun_the_item_does_not_name_dangles() -> None:
    assert dangling("The U.S. has put 40,000 troops in the region.", False, GULF) == ["the region"]
    assert "the troubled area" in dangling("Clashes left 12 dead in the troubled area.", False, GULF)
    assert dangling("Rebels now control much of the country.", False, WAR) == ["the country"]


def test_a_place_the_phrase_or_the_item_names_does_not_dangle() -> None:
    assert unnamed_places("The U.S. has put 40,000 troops in the Gulf region.", GULF) == []
    assert unnamed_places("Troops patrol the region around Basra.", GULF) == []
    assert unnamed_places("Oil prices in the Middle East rose as the region braced for war.", GULF) == []
    assert unnamed_places("Liberian officials said the country needs food.", WAR) == []
    assert unnamed_places("Rebels control the area where the plane fell.", WAR) == []


def test_a_rank_in_the_country_is_the_story_setting() -> None:
    assert unnamed_places("Its plants were among the first in the country to make a profit.", WAR) == []
    assert unnamed_places("The nation's 40 biggest funds lost $2 billion.", WAR) == []


def test_no_place_named_before_nothing_to_point_back_to() -> None:
    assert unnamed_places("Troops are in the region.", ["Officials said troops arrived."]) == []


def test_a_clipped_organisation_noun_with_a_comma_set_place_is_the_one_named() -> None:
    text = "The Van Nuys, Calif., thrift said it lost $3 million."
    assert resolve_referents(text, text, THRIFT).text == "The Van Nuys, Calif., thrift [Valley Federal Savings and Loan Association] said it lost $3 million."
    # two of that kind named: which, the item must say
    two = ["Valley Federal Savings and Loan Association reported a loss.", "Home Savings of America also lost money."]
    assert resolve_referents(text, text, two).text == text
    assert dangling(text, False, two) == ["The Van Nuys, Calif., thrift"]
    # a bare "the thrift" may be frugality: left alone
    assert resolve_referents("The thrift paid off.", "The thrift paid off.", THRIFT).text == "The thrift paid off."


def test_a_counted_other_with_no_comparison_dangles() -> None:
    carriers = ["The carrier Eisenhower sailed into the Red Sea."]
    assert "Three other carriers" in dangling("Three other carriers are in the area.", False, carriers)
    assert "The other two banks" in dangling("The other two banks reported losses.", False, ["Acme Bank reported a loss."])
    # the comparison given in the item
    assert dangling("Acme and three other banks reported losses.", False, ["Acme Bank reported a loss."]) == []
    assert dangling("Two banks other than Acme reported losses.", False, ["Acme Bank reported a loss."]) == []


def test_a_clipped_kind_needs_a_place_and_a_name_that_says_it() -> None:
    based = "The Dallas-based thrift said it lost $3 million."
    assert "[Valley Federal Savings and Loan Association]" in resolve_referents(based, based, THRIFT).text
    # a name that does not say it is a thrift is not taken for one
    radio = ["National Public Radio reported the story.", "Analysts were surprised."]
    assert resolve_referents(based, based, radio).text == based
    # another compound of the word is no firm: "the Chinese takeover" is no takeover target
    takeover = "Before the Chinese takeover, prices rose."
    assert resolve_referents(takeover, takeover, radio).text == takeover
