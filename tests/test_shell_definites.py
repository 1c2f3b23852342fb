"""A bare "the plan", "the fine", "the issue" past the lede, and an "it" a copula makes a plan or an
order, in a claim that names before it only people and organisations: they stand for what the
claim does not give (CRITERIA 2c), whether or not code finds the antecedent. Invented sentences."""

from __future__ import annotations

from factcheck.referents import dangling, pointing_back

BEFORE = ["Acme Corp. said Monday it wants to buy Widget Inc., a maker of valves, for $40 million."]


def _flagged(text: str, previous=BEFORE) -> list[str]:
    return [noun.text for _, noun, _ in pointing_back(text, previous)]


def test_a_bare_plan_issue_or_penalty_as_a_main_participant_points_back() -> None:
    assert _flagged("Analysts said the plan would help Acme.") == ["plan"]
    assert _flagged("Officials discussed the matter on Friday.") == ["matter"]
    assert _flagged("Regulators imposed the fine on Monday.") == ["fine"]
    assert _flagged("The proposal was approved by the board.") == ["proposal"]
    assert _flagged("The program's cost was not disclosed.") == ["program"]  # the possessor of the subject
    assert dangling("The issue will be settled in court.", previous=BEFORE) == ["The issue"]


def test_what_says_which_or_what_the_setting_has_does_not_point_back() -> None:
    assert _flagged("Analysts said the plan to close the Ohio plant would help Acme.") == []  # a complement says which
    assert _flagged("The economy grew 3% last year.") == []  # not a plan, a deal or an issue: one the setting has
    assert _flagged("The government approved the plan.", previous=[]) == []  # the lede has nothing before it
    assert _flagged("Acme plans to cut 300 jobs, and the plan will save $9 million.") == []  # the text tells it
    assert _flagged("Analysts doubt Acme will succeed despite the plan.") == []  # not a participant of the main clause
    # A first mention as a bare "the X" in the lede: one the story takes as known.
    lede = ["The deal collapsed on Monday, Acme's chairman told shareholders.", "Shares fell 3%."]
    assert _flagged("The deal will be revisited next month.", previous=lede) == []


def test_an_it_a_copula_makes_a_plan_or_an_order_stands_for_what_the_claim_does_not_give() -> None:
    assert "it" in dangling("An Acme spokesman said it is the first such plan in the industry.", previous=BEFORE)
    assert "it" in dangling("Acme said Monday it was the largest order in its history.", previous=BEFORE)
    assert "it" in dangling('A spokesman said "it is the biggest deal we have made."', previous=BEFORE)


def test_an_it_the_claim_may_bind_or_that_is_empty_or_the_body_itself_is_given() -> None:
    assert "it" not in dangling("Acme announced a pension plan and said it was the first of its kind.", previous=BEFORE)
    assert "it" not in dangling("Acme signed a contract, and it was the largest order in its history.", previous=BEFORE)
    assert "it" not in dangling("Acme said it was the largest company in the state.", previous=BEFORE)  # a body: Acme
    assert "it" not in dangling("Acme said it was a mistake to sell the unit.", previous=BEFORE)  # an empty "it"
    assert "it" not in dangling("Acme said it is the first time that it has lost money.", previous=BEFORE)


def test_a_clause_set_off_by_commas_says_more_not_which() -> None:
    assert _flagged("The deal, which will cost Acme $20 million, was approved on Friday.") == ["deal"]


def test_an_it_after_a_clause_that_may_tell_what_it_is_does_not_dangle() -> None:
    assert "it" not in dangling("When Acme paid $9 million for the plant, its chairman said it was a fair deal.", previous=BEFORE)


def test_a_shell_noun_a_preposition_on_the_main_verb_governs_points_back() -> None:
    assert _flagged("The unions voted against the measure on Tuesday.") == ["measure"]
    assert _flagged("After the deal, Acme hired 40 workers.") == []  # a frame, not a participant
    assert _flagged("Sales rose 9%, above the 5% forecast.") == []  # a figure
