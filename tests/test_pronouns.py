"""Who "he" and "she" are (factcheck/attribution.py `person_antecedent`, and the pronoun branch of
factcheck/referents.py `resolve_referents`): salience first, gender as the article gives it, and no
name at all when two people are as likely. Invented sentences."""

from __future__ import annotations

from factcheck.attribution import _discourse, attribute, person_antecedent
from factcheck.referents import dangling, resolve_referents


def resolved(sentence: str, previous: list[str]) -> str:
    return resolve_referents(sentence, sentence, previous).text


def test_he_is_the_leader_whose_speech_goes_on_not_the_child_the_story_is_about() -> None:
    sentence = "He placed the blame on the exiles."
    # The leader, named again (as a possessor) in the sentence before, is still who it is about.
    previous = [
        "Leader Victor Arana spoke on television for three hours on Sunday.",
        "Arana's remarks were aimed at those who say Tomas Ruiz should stay in Miami.",
    ]
    assert resolved(sentence, previous).startswith(("Victor Arana placed", "Arana placed"))
    # Not named again: the subject two sentences back or the child named just before is a guess.
    previous[1] = "The exiles say Tomas Ruiz should stay in Miami."
    assert resolved(sentence, previous) == sentence
    # A quotation that goes on keeps its speaker salient, ahead of the child it names.
    quoting = [
        "Victor Arana spoke on television for three hours on Sunday.",
        '"The exiles have kidnapped a child," Arana said.',
        '"They will keep Tomas Ruiz from his father as long as they can."',
    ]
    assert resolved("He placed the blame on the exiles.", quoting).startswith("Arana placed")


def test_he_is_never_a_person_the_article_gives_the_other_gender() -> None:
    # A woman named in the sentence before is not "he", whatever her name: the article says she is
    # the boy's grandmother, or calls her "she".
    for woman in ("Mariela Ruano, the boy's grandmother, met him", "Mariela Ruano said she met the boy"):
        previous = ["Juan Ortiz, the boy's father, spoke on Monday.", f"{woman} for two hours at a school in Miami."]
        text = resolved("He repeated charges that his relatives had kept the boy from him.", previous)
        assert text.startswith("Juan Ortiz repeated") and "Ruano" not in text
    # Nothing says who she is, and the article calls the rival a man: no name at all.
    previous = ["Juan Ortiz, the boy's father, spoke on Monday.", "Mariela Ruano met the boy for two hours at a school in Miami."]
    sentence = "He repeated charges that his relatives had kept the boy from him."
    assert resolved(sentence, previous) == sentence
    assert {"He", "his"} <= set(dangling(sentence))  # and the claim does not stand alone
    # A title says it, and a pronoun of the other gender skips that person.
    assert person_antecedent(["Mrs. Ana Ruiz met Paul Berg on Monday."], "he").name == "Paul Berg"


def test_two_people_as_likely_leave_the_pronoun_as_written() -> None:
    # Neither is the main subject of the sentence before: which one is meant would be a guess.
    previous = ["The talks broke up on Monday.", "Reporters saw Carl Dunn leave before Peter Holm arrived."]
    sentence = "He said the talks had failed."
    assert resolved(sentence, previous) == sentence
    # The subject of the sentence before is the most salient person, ahead of one it only mentions.
    previous = ["The talks broke up on Monday.", "Carl Dunn left before Peter Holm arrived."]
    assert resolved(sentence, previous).startswith("Carl Dunn said")


def test_people_who_share_a_last_name_are_told_apart() -> None:
    # "Mrs." makes Ana Varga a woman; her husband shares her last name and is not one.
    previous = ["Mrs. Ana Varga said on Monday that the boy should stay.", "Juan Varga, the boy's father, arrived in Miami on Tuesday."]
    assert resolved("She said the visit was too short.", previous).startswith("Ana Varga said")
    assert resolved("He said the visit was too short.", previous).startswith("Juan Varga said")
    story = _discourse(tuple(previous))
    assert story.gender_of("Ana Varga") == "f" and story.gender_of("Juan Varga") == "m" and story.gender_of("Varga") is None
    assert story.identity("Ana Varga") != story.identity("Juan Varga")


def test_a_pronoun_bound_in_its_sentence_says_the_gender_of_the_one_person_named_before_it() -> None:
    assert _discourse(("Dana Holt lost her job in May.",)).gender_of("Dana Holt") == "f"
    assert _discourse(("Tom Reyes was working at the mine when he was abducted.",)).gender_of("Tom Reyes") == "m"
    # Not when the pronoun lies under a clause with a person of its own, nor when two are named
    # before it, nor the speaker of an aside, nor the object of the name's own verb.
    assert _discourse(("Lee Park said the officer arrested his brother.",)).gender_of("Lee Park") is None
    story = _discourse(("Ron Amir admired Dana Holt and tried to impress her.",))
    assert story.gender_of("Ron Amir") is None and story.gender_of("Dana Holt") is None
    assert _discourse(("Sansar, he said, is a perfect fit for the group.",)).gender_of("Sansar") is None
    assert _discourse(("Lee Park thanked him on Friday.",)).gender_of("Lee Park") is None


def test_the_speaker_said_that_he_only_when_the_gender_may_be_the_speakers() -> None:
    previous = ["Mrs. Lena Cole met the mayor on Monday."]
    sentence = "Ms. Cole said that he would resign in May."
    assert resolved(sentence, previous) == sentence
    assert attribute([*previous, sentence], 1).name in ("Cole", "Lena Cole")


def test_a_quoted_he_is_never_who_spoke_just_before() -> None:
    previous = [
        "Rafael Mendez called the troops occupiers on Monday.",
        "He said they would be defeated.",
        "Replied spokesman Tom Berg, ``It is just another example of his rhetoric.''",
    ]
    text = resolved("``We believe that his words will not distract anyone.''", previous)
    assert "Berg" not in text
    # The one other man is named only further back, by a "He" that stood for him: no bracket.
    previous = ["Tom Reyes, a pilot, left Lagos in May.", "Officials met on Friday.", "The talks were long.", "He said the plane was ready."]
    sentence = '"He will fly again soon," an aide said.'
    assert resolved(sentence, previous) == sentence


def test_a_possessive_with_no_one_named_before_it_dangles() -> None:
    assert "His" in dangling("His mother died in 1990.")
    assert dangling("Tom Reyes said his mother died in 1990.") == []


def test_a_pronoun_after_only_a_place_or_a_person_of_the_other_gender_dangles() -> None:
    # A place is nobody "he" can be; a woman the text calls "Mrs." or a grandmother is not "he".
    assert dangling("In Miami, he said the boy should stay.") == ["he"]
    assert dangling("Mrs. Ana Ruiz said he would return.") == ["he"]
    assert "he" in dangling("Ana Ruiz, his grandmother, said he would return.")
    # A name of no known gender may be who is meant, as before.
    assert dangling("Ana Ruiz said she would return.") == []
    assert dangling("Mr. Tom Reyes said he would return.") == []


def test_a_possessive_after_two_people_of_one_family_is_left_as_written() -> None:
    previous = ["Juan Ortiz and Lazaro Ortiz met at a lawyer's office on Friday.", "Lazaro Ortiz said the meeting with Juan Ortiz was friendly."]
    sentence = "His mother died at sea in November."
    assert resolved(sentence, previous) == sentence
    assert "His" in dangling(sentence)


# --- they/them/their: a group of people by its whole phrase, or no one -----------------------------


def test_they_is_the_plural_subject_before_by_its_whole_phrase_never_the_bare_nationality() -> None:
    previous = ["Many Haitian Canadians in Montreal marched outside the consulate on Sunday."]
    sentence = "They said the school should stay open."
    assert resolved(sentence, previous) == "Many Haitian Canadians in Montreal said the school should stay open."
    speaker = attribute([*previous, sentence], 1)
    assert speaker.name == "many Haitian Canadians in Montreal" and speaker.sentence == 0
    # Named as the subject, the group is its phrase too, not the nationality the tagger marks.
    assert attribute(["Haitian Canadians said the school should stay open."], 0).name == "Haitian Canadians"
    # Possessed: the relatives are someone's, and the phrase says whose.
    previous = ["The girl's uncles in Toronto have fought the order for months."]
    assert resolved(sentence, previous) == "The girl's uncles in Toronto said the school should stay open."


def test_they_refuses_a_singular_name_a_thing_or_a_rival_group() -> None:
    sentence = "They said sales fell."
    for previous in (["Acme Corp. reported a loss on Monday."], ["Prices rose sharply on Monday."]):
        # "They" stays as written ("sales" may still get the one company that acted: "[at Acme Corp.]").
        assert resolved(sentence, previous).startswith("They said sales ")
        assert attribute([*previous, sentence], 1).is_outlet
        assert "They" in dangling(sentence)
    # Whoever spoke goes on speaking; but who "were charged" is as likely the men as the police.
    previous = ["Police arrested two men on Monday."]
    assert resolved("They said the men had confessed.", previous) == "Police said the men had confessed."
    assert resolved("They were charged with theft.", previous) == "They were charged with theft."
    # A pronoun in the phrase would dangle in its turn: no stand-in.
    previous = ["His men have held the hill against repeated attacks."]
    assert resolved("They have been aided by the villagers.", previous) == "They have been aided by the villagers."


def test_they_after_a_sentence_that_goes_on_about_the_group_by_a_pronoun() -> None:
    previous = ["The miners' families have fought the closure for months.", "A court threw out their appeal in March."]
    assert resolved("They have said they will go on.", previous) == "The miners' families have said they will go on."


def test_a_main_clause_they_that_says_nothing_is_the_group_too() -> None:
    previous = ["Privately, regulators say the bank has become a focus of their inquiry."]
    assert resolved("Publicly, they are unwilling to comment.", previous) == "Publicly, regulators are unwilling to comment."
    previous = ["Under the plan, unsecured creditors would receive about half of what they are owed."]
    assert resolved("In addition, they will receive stock.", previous) == "In addition, unsecured creditors will receive stock."
    # A plural before it in its own sentence may be what it is: the group before is not put in.
    previous = ["Brokers said trading was light."]
    assert resolved("Shares fell sharply; they were sold by funds.", previous) == "Shares fell sharply; they were sold by funds."
    assert resolved("Shares fell sharply, they said.", previous) == "Shares fell sharply, brokers said."


def test_a_parenthetical_they_said_is_the_group_that_spoke_not_the_subject_it_comments_on() -> None:
    previous = ["Growers and shippers say the frost was mild."]
    sentence = "The real damage, they said, came from hail."
    assert resolved(sentence, previous) == "The real damage, growers and shippers said, came from hail."
    assert "they" in dangling(sentence)  # without the sentence before, who says it is open
    assert dangling("The auto makers said they each reported losses.") == []


def test_a_group_opening_its_sentence_is_lower_case_inside_another_and_a_plural_name_agrees() -> None:
    previous = ["Brokers said trading was light."]
    assert resolved("But they said the focus was on banks.", previous) == "But brokers said the focus was on banks."
    previous = ["The city's biggest union, the Transit Workers, is threatening a strike."]
    assert resolved("They say the contract is unfair.", previous) == "The Transit Workers say the contract is unfair."


def test_a_quoted_we_gets_the_body_the_speaker_speaks_for_only_when_the_article_names_it() -> None:
    previous = ['"The storm turned north," said Jane Roe, director of the National Weather Service.']
    sentence = '"We expect it to weaken by Friday."'
    standalone = resolve_referents(sentence, sentence, previous)
    assert standalone.text.startswith('"We [the National Weather Service] expect') and standalone.cited == [0]
    # The clause names the body itself: no bracket; nor for a role that does not speak for it, or no body.
    named = '"We expect it to weaken," said Jane Roe, director of the National Weather Service.'
    assert resolved(named, []) == named
    for speaker in ("Paul Berg, an economist at Acme Securities", "Eitan, the science minister"):
        previous = [f'"Growth is strong," said {speaker}.']
        assert resolved('"We have a lovely economy."', previous) == '"We have a lovely economy."'


def test_it_is_still_the_organisation_that_spoke() -> None:
    previous = ["The World Health Organization warned of a new strain on Friday."]
    assert resolved("It urged travellers to stay away.", previous) == "The World Health Organization urged travellers to stay away."
    previous = ["Acme Corp. said its profit fell."]
    assert resolved("It also said sales would rise.", previous) == "Acme Corp. also said sales would rise."


def test_they_follows_a_they_bound_in_the_sentence_before() -> None:
    previous = ["While bond traders had hoped for slower growth, they were cheered by the price figures."]
    assert resolved("That is good news for the central bank, they reasoned.", previous) == "That is good news for the central bank, bond traders reasoned."


def test_a_possessive_in_a_relative_clause_on_a_person_noun_is_that_person() -> None:
    before = ["The storm closed the roads."]
    # "A farmer who ... his barn": the clause tells of the farmer, whom the text names as "a farmer".
    assert dangling("A farmer who was repairing his barn was hurt on Monday, the police said.", False, before) == []
    # Not an object ("represented her": of the lawyer English would say "herself"), not a clause with
    # a subject of its own, not a clause on something that is no person.
    assert dangling("The lawyer who represented her was fined.", False, before) == ["her"]
    assert dangling("A witness whom she saw was questioned.", False, before) == ["she"]
    assert dangling("The firm which fired his son was fined.", False, before) == ["his"]
