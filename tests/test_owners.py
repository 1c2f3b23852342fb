"""Owners a claim or timeline event lifted from its story must say (factcheck/referents.py): the
company whose figures a relational noun tells ("the third-quarter results", "loss reserves", "the
shares"), the holder or owner of a title ("the prime minister", "the chairman"). Put in brackets
when the story gives exactly one, counted as dangling when it gives several. Invented sentences."""

from __future__ import annotations

from factcheck.faithfulness import check
from factcheck.referents import dangling, resolve_referents, unowned

EARNINGS = ["Corvane Tools Inc. said its net income rose 12% to $8 million in the quarter.", "Corvane makes drills in Ohio."]
TWO = [*EARNINGS, "Separately, Halden Mills Corp. reported a quarterly profit of $3 million."]


def resolved(text: str, story: list[str]) -> str:
    return resolve_referents(text, text, story).text


def test_a_noun_a_reporting_period_qualifies_is_the_company_s_figures() -> None:
    assert resolved("The third-quarter results came after a strike.", EARNINGS) == "The third-quarter results [at Corvane Tools Inc.] came after a strike."
    assert resolved("Year-earlier charges were heavier.", EARNINGS) == "Year-earlier charges [at Corvane Tools Inc.] were heavier."
    # Two companies whose figures the story told: which one's, the item must say.
    text = "The third-quarter results came after a strike."
    assert resolved(text, TWO) == text
    assert dangling(text, False, TWO) == ["The third-quarter results"]
    # A period alone, or a person, is no company's figure.
    assert "[at" not in resolved("The third-quarter period was quiet.", EARNINGS)
    assert "[at" not in resolved("The year-earlier chairman left.", EARNINGS)


def test_a_noun_with_a_person_sense_is_read_by_its_context() -> None:
    # "reserves" is also a military reserve: a sum as its measure, or a money noun before it, says which.
    for text in ["Loss reserves stood at $90 million.", "Reserves stood at $90 million.", "Loss reserves were raised by $20 million."]:
        assert "reserves [at corvane tools inc.]" in resolved(text, EARNINGS).lower()
    # People may lose a sum: a sum they act on is no measure of them, and soldiers rise by no figure of a firm.
    for text in ["Reservists lost $5 million in the scheme.", "Reserves lost $5 million in the scheme.", "Reserves were called up in June."]:
        assert "[at" not in resolved(text, EARNINGS)


def test_a_possession_with_the_whose_verb_states_a_figure_is_the_company_s() -> None:
    assert resolved("The shares fell 50 cents.", EARNINGS) == "The shares [of Corvane Tools Inc.] fell 50 cents."
    # Not a thing no company owns ("the dollar", "the index"), nor shares the story introduced as others.
    for text in ["The dollar fell 1%.", "The index fell 2%."]:
        assert "[" not in resolved(text, EARNINGS)
    sold = [*EARNINGS, "Corvane sold two million shares of Halden Mills to a bank."]
    assert "[of Corvane" not in resolved("The shares fell 50 cents.", sold)


def test_a_phrase_of_time_after_the_noun_says_when_not_whose() -> None:
    assert resolved("Sales for the full year were $6.6 billion.", EARNINGS) == "Sales [at Corvane Tools Inc.] for the full year were $6.6 billion."
    # A phrase of an owner still says whose.
    assert resolved("Sales of the drill unit were $6.6 billion.", EARNINGS) == "Sales of the drill unit were $6.6 billion."


def test_an_organisation_in_a_side_phrase_is_not_the_owner_the_clause_names() -> None:
    text = "Third-quarter results included a gain of $2 million from the sale of Halden Mills Corp."
    assert resolved(text, EARNINGS) == "Third-quarter results [at Corvane Tools Inc.] included a gain of $2 million from the sale of Halden Mills Corp."
    # The subject of the clause, or its speaker, may be whose figures they are: left as written.
    for text in ["Sales rose 5%, Halden Mills Corp. said.", "Halden Mills Corp. said sales rose 5%."]:
        assert resolved(text, EARNINGS) == text


def test_a_description_whose_article_the_parse_hung_on_a_modifier_gets_the_name() -> None:
    story = ["Corvane Tools Inc. said net income for the third quarter fell 6% to $20 million."]
    text = "Operating profit for the pumps, engineering plastics and oilfield services concern was $19 million, up 3% from $18 million."
    assert resolved(text, story) == "Operating profit for the pumps, engineering plastics and oilfield services concern [Corvane Tools Inc.] was $19 million, up 3% from $18 million."


def test_a_title_gets_the_one_holder_the_story_names() -> None:
    story = ["Ruritanian Prime Minister Anton Vessel met the king of Gallia on Sunday.", "The talks lasted four hours."]
    text = "The prime minister said he was hopeful."
    out = resolve_referents(text, text, story)
    assert out.text == "The prime minister [Anton Vessel] said he was hopeful." and out.cited == [0]
    assert check(out.text, [story[0], text]) == []
    # Named as a title's holder by the verb that gives it ("was named chairman").
    board = ["Corvane Tools Inc. said Ada Perrin was named chairman on Monday.", "Corvane makes drills."]
    assert resolved("The chairman said sales would rise.", board) == "The chairman [Ada Perrin] said sales would rise."
    # A possessor takes the holder's name itself.
    bush = ["The palace said King Oskar Brandt had approved the pardon.", "Critics were silent."]
    assert resolved("Lawyers welcomed the king's decision.", bush) == "Lawyers welcomed Oskar Brandt’s decision."


def test_a_title_with_an_owner_but_no_holder_gets_its_owner() -> None:
    story = ["Ruritania's prime minister met Gallian officials on Sunday.", "Water was discussed."]
    text = "The prime minister said the meeting was useful."
    out = resolve_referents(text, text, story)
    assert out.text == "The prime minister [of Ruritania] said the meeting was useful."
    assert check(out.text, [story[0], text]) == []


def test_another_office_is_not_the_title() -> None:
    story = ["Ada Perrin, chairman of Corvane Tools Inc., resigned on Monday.", "Corvane makes drills."]
    # "vice chairman" and "chairman" are two offices; "former President X" is not "the president".
    assert "[Ada Perrin]" not in resolved("The vice chairman will take over.", story)
    former = ["Former President Ivo Mallet criticized the treaty.", "Mallet spoke in Gallia."]
    assert "[" not in resolved("The president did not reply.", former)


def test_a_title_several_people_hold_in_the_story_dangles() -> None:
    story = ["Ruritanian President Anton Vessel met Gallian President Mira Lode on Monday.", "They discussed trade."]
    text = "The president said the deal would help farmers."
    assert resolved(text, story) == text
    assert "The president" in dangling(text, False, story)
    # Said in the item itself: no referent needed.
    for text in ["The Ruritanian president said the deal would help farmers.", "The president of Gallia said the deal would help farmers."]:
        assert "president" not in " ".join(dangling(text, False, story)).lower()


def test_what_reads_like_a_figure_but_is_no_company_s_gets_no_owner() -> None:
    # A set counted or said by a clause, a holder acting on a sum, people acting on one: no bracket.
    for text in [
        "The 40 bond funds investing in junk bonds hold assets of about $9 billion.",
        "The fund now holds a cash position of about 12%.",
        "Analysts estimate the value of the offer at about $40 a share.",
        "Investors pulled out about $90 million in the past month.",
    ]:
        assert "[at Corvane" not in resolved(text, EARNINGS) and "[of Corvane" not in resolved(text, EARNINGS)
        assert unowned(text, TWO) == []
    # The clause says whose: a phrase on its verb, or a capitalised word of a name the story gave.
    for text in ["At Halden, net dropped 3% to $2 million.", "Corvane shares fell 50 cents."]:
        assert resolved(text, TWO) == text
        assert dangling(text, False, TWO) == []


def test_its_in_a_phrase_after_an_owned_figure_is_the_owner_s() -> None:
    out = resolve_referents("Profit for its pump division fell 30% to $5 million.", "Profit for its pump division fell 30% to $5 million.", EARNINGS)
    assert out.text == "Profit for Corvane Tools Inc.’s pump division fell 30% to $5 million." and out.cited == [0]
    assert check(out.text, [EARNINGS[0], "Profit for its pump division fell 30% to $5 million."]) == []
    # Another noun before it may be what "its" stands for; two companies, and whose is a guess.
    for text, story in [("The plant cut its output by 5%.", EARNINGS), ("Profit for its pump division fell 30%.", TWO)]:
        assert "Corvane Tools Inc.’s" not in resolved(text, story)
