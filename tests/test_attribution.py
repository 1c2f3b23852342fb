"""Attribution, standalone claims, structural types and verify templates (factcheck/attribution.py, referents.py, claim_types.py),
on news-like sentences written for these tests."""

from __future__ import annotations

import pytest

from factcheck.attribution import OUTLET_SPEAKER, Speaker, attribute, attributed, attributions, reporting_frame

from factcheck.referents import dangling, resolve_referents

from factcheck.claim_types import claim_types, verify_for

STORY = [
    "The Federal Aviation Administration announced on Friday that it will close 149 control towers.",  # 0
    "The agency said the closures would save $30 million a year.",  # 1
    '"We will not reopen them," said Jane Doe, a spokeswoman for the agency, "unless Congress acts."',  # 2
    '"The decision is final."',  # 3
    "It said it would consider keeping one tower open.",  # 4
    "Mayor John Smith met the governor on Monday.",  # 5
    '"We won\'t refuse foreign donations," he said.',  # 6
    "According to the statement, 20 staff will lose their jobs.",  # 7
    "Prices rose 3 percent last year, the agency says.",  # 8
]


def test_speakers_from_every_kind_of_attribution() -> None:
    speakers = attributions(STORY)
    assert speakers[0].name == "the Federal Aviation Administration" and speakers[0].sentence == 0
    assert speakers[2].name == "Jane Doe"  # split quote, inverted "said X"
    assert speakers[3].name == "Jane Doe" and speakers[3].cue == "quote continues"
    # "The agency said": the one organisation named before; "It said": the organisation that spoke last.
    assert speakers[1].name == "the Federal Aviation Administration" and speakers[1].sentence == 0
    assert speakers[4].name == "the Federal Aviation Administration" and speakers[4].sentence == 0
    assert speakers[5].is_outlet  # nobody is attributed: the outlet speaks
    assert speakers[6].name == "John Smith" and speakers[6].sentence == 5  # sentence-final '"...," he said'
    assert speakers[7].name == "the Federal Aviation Administration"  # "according to the statement": its issuer
    assert not speakers[8].is_outlet  # "..., the agency says."


def test_a_name_inside_a_quote_is_not_an_antecedent() -> None:
    # "Congress" is named only inside Jane Doe's quote: "It said" is still the agency.
    assert attribute(STORY, 4).name != "Congress"


def test_a_clause_with_its_own_reporting_verb_has_its_own_speaker() -> None:
    text = "Senator Ann Lee said the bill would pass, while the White House said it would veto it."
    assert attribute([text], 0, "the White House said it would veto it").name == "the White House"
    assert attribute([text], 0).name == "Ann Lee"


def test_claims_stand_alone() -> None:
    previous = STORY[:6]
    assert resolve_referents(STORY[6], STORY[6], previous).text == '"We won\'t refuse foreign donations," John Smith said.'
    it = resolve_referents(STORY[4], STORY[4], STORY[:4])
    assert it.text.startswith("The Federal Aviation Administration said it would") and it.cited == [0]  # "the agency" is it
    # A demonstrative gets its referent when an earlier noun with the same head says which.
    call = resolve_referents("That call lasted an hour.", "That call lasted an hour.", ["Biden held a phone call with Macron on Friday."])
    assert "call [a phone call with Macron]" in call.text and call.cited == [0]
    group = resolve_referents(
        "The rate was 177 per 100,000 in that group.", "The rate was 177 per 100,000 in that group.",
        ["The study followed 2,000 people 65 and older.", "Its results were released on Monday by health officials."],
    )
    # A bare definite subject with no same noun before ("The sale") cites the sentence before.
    sale = resolve_referents("The sale represents 10.2% of its shares.", "The sale represents 10.2% of its shares.", ["Meridian said it sold 750,000 shares."])
    assert sale.text == "The sale represents 10.2% of its shares." and sale.cited == [0]
    # No noun before says which group: no guessed referent in brackets; the sentence before is cited.
    assert "[" not in group.text and group.cited == [1]
    # A clause that lost its subject gets it back; a bare noun phrase gives way to its sentence.
    sentence = "The FAA announced the closures and said it would consider keeping one tower open."
    assert resolve_referents("said it would consider keeping one tower open", sentence, []).text.startswith("The FAA said")
    assert resolve_referents("the closures", sentence, []).text == sentence


def test_a_figure_keeps_its_population() -> None:
    sentence = "The death rate was 177 per 100,000 of people 65 and older, officials said, and it fell last year."
    claim = resolve_referents("The death rate was 177 per 100,000", sentence, [])
    assert "65 and older" in claim.text


def test_types_keep_checkable_facts_checkable() -> None:
    assert claim_types("The law requires every charity to register as a foreign agent.")[0] == "event"
    assert "opinion" not in claim_types("The law requires every charity to register as a foreign agent.")
    assert "opinion" not in claim_types("Charities must register under the 2012 law.")
    assert "opinion" not in claim_types("The company was founded in 1998 in Chicago.")
    assert claim_types("Unemployment fell to 3.5 percent in May.")[0] == "statistic"
    assert "opinion" not in claim_types("Unemployment fell to 3.5 percent in May.")  # rejecting statistic leaves a fact
    assert claim_types("Prices are expected to rise next year.")[0] == "prediction"
    assert claim_types("The minister should resign.")[0] == "opinion"
    assert claim_types("He is a capable and trusted leader.")[0] == "opinion"
    # A press release's statement is the source's statement, not a forecast.
    kinds = claim_types("The company said it would consider keeping the plant open.", "the company")
    assert kinds[0] == "quote" and "prediction" not in kinds


def test_verify_comes_from_templates_per_type_and_speaker() -> None:
    speakers = attributions(STORY)
    agency = verify_for("statistic", speakers[1], STORY[1])
    assert "$30 million" in agency and "published figures" in agency
    assert "Jane Doe said this" in verify_for("quote", speakers[2], STORY[2])
    assert verify_for("opinion", speakers[3], STORY[3]).startswith("Not checkable")
    assert "text of the law" in verify_for("event", "the outlet", "The law requires every charity to register.")


def test_inverted_reporting_clauses_name_their_speaker() -> None:
    before = "Finance Minister Ann Lee met the unions on Monday."
    text = "Wages will rise next year, added the minister, adding that talks would go on."
    assert attribute([before, text], 1).name == "Ann Lee"
    assert attribute(["Prices rose, added Smith."], 0).name == "Smith"
    # A coordinated verb is not an inverted reporting clause.
    assert attribute(["The company sold the plant and added two jobs."], 0).is_outlet


def test_a_clause_cut_from_its_frame_gets_it_back() -> None:
    sentence = "Wages will rise, the minister said, adding that talks would go on."
    minister = attribute([sentence], 0)
    assert attributed("Talks would go on.", minister, "talks would go on.", sentence) == "The minister said that talks would go on."
    # The clause that holds the frame keeps it as it is; the outlet has none to put back.
    assert attributed("Wages will rise.", minister, "Wages will rise, the minister said", sentence) == "Wages will rise."
    assert attributed("Talks would go on.", OUTLET_SPEAKER, "talks would go on.", sentence) == "Talks would go on."


def test_a_characterisation_is_a_judgement_whatever_day_it_was_said() -> None:
    said = "The senator described the plan as a dangerous and costly mistake on Monday."
    assert claim_types(said, "the senator") == ["opinion"]
    # A figure or a plain act of calling is no judgement.
    assert "opinion" not in claim_types("Police described the man as 40 years old on Monday.", "Police")
    assert "opinion" not in claim_types("The minister called a meeting on Monday.", "the minister")


def test_a_speaker_named_with_a_relative_clause_is_the_noun_phrase_alone() -> None:
    text = '"We will not stop!" said a message that was read on Wednesday to the crowd.'
    assert attribute([text], 0).name == "a message"


def test_they_is_the_plural_subject_of_the_sentence_before_ahead_of_a_name() -> None:
    story = ["The relatives in Miami have fought to keep the boy.", "Since the INS decision was announced, they have said they will appeal."]
    assert attribute(story, 1).name == "the relatives in Miami"


def test_a_figure_in_the_speakers_description_is_not_the_claims() -> None:
    text = '"The struggle must go on," said a message that was read to several thousand scientists.'
    assert "statistic" not in claim_types(text, "a message")
    assert claim_types('"Sales rose 12 percent," said the company.', "the company")[0] == "statistic"


def test_a_report_opening_on_a_subordinate_phrase_keeps_its_final_speaker() -> None:
    from factcheck.attribution import attribute

    assert attribute(["While a step forward, the plan will not work, the union warned."], 0).name == "the union"
    assert attribute(["Although prices rose, sales held steady in March, the company said."], 0).name == "the company"
    assert attribute(["When the rain stopped, the crowd went home."], 0).is_outlet


def test_a_noun_that_only_qualifies_another_is_no_referent() -> None:
    """"the government" is not bracketed with the "U.S. government" of "the U.S. government decision":
    that noun says which decision, not which government (a misleading referent is worse than none)."""
    from factcheck.referents import resolve_referents

    previous = ["The U.S. government decision to return the boy does not guarantee his return, the leadership warned."]
    text = "The government exhorted citizens to keep up the protests."
    assert "[" not in resolve_referents(text, text, previous).text


def test_a_number_that_refers_back_is_no_figure_and_a_figure_is_quoted_with_its_noun() -> None:
    from factcheck.claim_types import claim_types, verify_for

    assert "statistic" not in claim_types("Mesa had rejected a proposal to combine the two carriers.", "the outlet")
    assert claim_types("StatesWest serves 10 cities in California, Arizona and Nevada.", "the outlet")[0] == "statistic"
    assert "'10 cities'" in verify_for("statistic", "the outlet", "StatesWest serves 10 cities in California, Arizona and Nevada.")
    assert "'$7 a share'" in verify_for("statistic", "the outlet", "It offered $7 a share for the airline.")


def test_a_referent_that_adds_nothing_is_not_bracketed() -> None:
    from factcheck.referents import resolve_referents

    previous = ["Investigators said they found a rifle buried near his home."]
    text = "The rifle might also have fingerprints, Rowe said."
    assert "[" not in resolve_referents(text, text, previous).text


def test_the_speaker_is_the_reporting_verbs_subject_not_the_nearest_name() -> None:
    # The name that read, signed or owns the statement is not who the verb says speaks.
    read = '"We will not give in!" said the statement, read on state radio by Colonel Ada Obi.'
    assert attribute([read], 0).name == "the statement"
    signed = "Talks must resume at once, said a letter, signed by Foreign Minister Anna Berg."
    assert attribute([signed], 0).name == "a letter"
    assert attribute(["A friend of Mayor Tom Reyes said on Friday that she regretted her words."], 0).name.startswith("A friend of")
    assert attribute(["Senator Mark Hill's lawyer said the charges were false."], 0).name == "Senator Mark Hill's lawyer"
    # An appositive that names the subject still names the speaker.
    assert attribute(["The spokesman, John Hale, said the plant would close."], 0).name == "John Hale"


def test_a_sentence_final_attribution_the_parser_detached_still_speaks() -> None:
    stranded = (
        "The governor has told the party chairman that he lost the board's support, prompting a push by the "
        "chairman to keep his post, state and party officials said Monday."
    )
    assert attribute([stranded], 0).name == "state and party officials"
    coordinated = "The mine will reopen in March, raising hopes for 300 workers, company and union officials said on Friday."
    assert attribute([coordinated], 0).name == "company and union officials"
    # "the officials" is the earlier speaker whose phrase has that head; "the company" is not them.
    story = [coordinated, "That decision, the officials said, came after a safety review.", "The company sold a plant and said it would hire 20 people."]
    speakers = attributions(story)
    assert speakers[1].name == "company and union officials"  # a parenthetical "X said" mid-sentence
    assert speakers[2].name == "the company"


def test_he_and_she_are_the_person_the_story_is_about_not_the_last_name() -> None:
    story = [
        "Laura Bianchi, 31, has denied charges that she hid the plans of her employer, Victor Lund, from auditors.",  # 0
        "She spoke for three hours on Tuesday in a district court in Malmo.",  # 1
        "Press reports have said Lund trusted Bianchi with the company's accounts.",  # 2
        "Bianchi said she did not read the plans because she believed they were drafts.",  # 3
        "She said Lund's brother, Erik, had lied to the court about the shares.",  # 4
    ]
    assert resolve_referents(story[1], story[1], story[:1]).text.startswith("Laura Bianchi spoke")
    speakers = attributions(story)
    assert speakers[4].name in ("Bianchi", "Laura Bianchi") and speakers[4].kind == "person"
    assert resolve_referents(story[4], story[4], story[:4]).text.startswith(("Bianchi said", "Laura Bianchi said"))
    # "X said she ...": she is X, and the claim already says so.
    assert resolve_referents(story[3], story[3], story[:3]).text == story[3]
    # A title says a gender, and a pronoun of the other gender skips that person.
    titled = ["Mrs. Ana Ruiz met Paul Berg on Monday.", "He said the talks had failed."]
    assert attribute(titled, 1).name == "Paul Berg"


def test_a_type_follows_what_the_clause_asserts_not_any_number_in_it() -> None:
    # A number in an aside, an age or an identifier is not the claim's figure.
    assert claim_types("The bill, passed by 52 votes to 40, requires every charity to register as a foreign agent.") == ["event"]
    assert claim_types("Ortega, 27, is serving a life sentence for the 1995 bombing of the station.") == ["event"]
    assert "statistic" not in claim_types("Flight 212 landed safely in Lisbon on Sunday.")
    assert claim_types("Exports rose 4 percent last year.")[0] == "statistic"
    # "failed to" is no cause.
    assert "causal" not in claim_types("The clerk failed to report the missing files.")
    # A forecast is a prediction whatever figure it names; a source's own stated plan is checkable as said.
    assert claim_types("Interest rates could rise by 2 points next year, the bank said.", "the bank")[0] == "prediction"
    assert claim_types("Analysts said sales would recover within a year.", "Analysts")[0] == "prediction"
    kinds = claim_types("The company said it would cut 2,000 jobs.", "the company")
    assert kinds[0] == "statistic" and "prediction" not in kinds
    # A law's requirement, a record and a dated past fact stay checkable.
    assert "opinion" not in claim_types("Under the 1998 law, companies must publish their accounts every year.")
    assert "opinion" not in claim_types("The relay team set a national record in Oslo on Friday.")
    assert claim_types("The dam was completed in 1936.") == ["event"]


def test_a_quotation_over_several_sentences_is_its_closing_speakers_from_the_start() -> None:
    from factcheck.article import split_sentences

    text = (
        "Mayor Ann Cole spoke first. “The strike is over. Our members will return to work on Friday. "
        "We won,” union leader Tom Burke said. Cole did not comment."
    )
    sentences = [s.text for s in split_sentences(text)]
    speakers = attributions(sentences)
    assert [sp.name for sp in speakers[1:4]] == ["Tom Burke"] * 3
    assert speakers[0].is_outlet and speakers[4].is_outlet
    assert attribute(sentences, 1).name == "Tom Burke"


def test_it_after_an_organisation_spoke_is_that_organisation() -> None:
    story = [
        "The World Health Organization warned of a new outbreak in the north.",
        '"The risk is high," the organization said on Monday.',
        "It urged travellers to avoid the region.",
    ]
    claim = resolve_referents(story[2], story[2], story[:2])
    assert claim.text == "The World Health Organization urged travellers to avoid the region." and claim.cited == [0]


def test_a_verb_that_gives_a_task_reports_nothing() -> None:
    # "charged X with verifying that ...": the clause is the gerund's; the council says nothing here.
    text = "The board has charged the auditors with verifying that the fund has returned its loans."
    assert attribute([text], 0).is_outlet
    assert attribute(["The minister said in a statement on Monday that taxes would rise."], 0).name == "the minister"


def test_a_speaker_set_off_by_an_aside_after_the_quotation() -> None:
    text = "``We saw them run,'' a guard, speaking on condition of anonymity, said of the thieves."
    assert attribute([text], 0).name == "a guard"


def test_an_address_or_a_subordinate_clause_gives_the_claim_no_figure() -> None:
    assert "statistic" not in claim_types("The fire started in a shop at 212 Harbour St. on Tuesday night.")
    assert "statistic" not in claim_types("A guard was wounded when three men opened fire on the bank.")
    assert claim_types("Three men were wounded in the attack.")[0] == "statistic"


def test_a_rule_named_in_passing_does_not_make_a_forecast_a_requirement() -> None:
    text = "The ministry said 4,000 soldiers will stay in the region until the rebels comply with the ceasefire agreement."
    assert claim_types(text, "the ministry")[0] == "prediction"
    assert "prediction" not in claim_types("Under the treaty, both sides will withdraw their troops by May.")


def test_a_participle_that_goes_on_with_the_main_clause_keeps_its_figure() -> None:
    text = "Surveys have shown support for the plan growing, rising from about 30 percent in 2019 to 48 percent this year."
    assert claim_types(text)[0] == "statistic"


def test_an_organisations_announcement_about_itself_is_no_forecast() -> None:
    from factcheck.attribution import attribute

    text = "Brightwell Foods will close 400 stores by March, the company said on Monday."
    kinds = claim_types(text, attribute([text], 0))
    assert kinds[0] == "statistic" and "prediction" not in kinds


def test_the_title_of_the_last_speaker_names_them_before_a_name_in_their_report() -> None:
    story = [
        "Brazilian President Ana Costa said she had met Chilean President Luis Rojas in Lima.",
        "Trade must grow, added the president, adding that talks would go on.",
    ]
    assert attribute(story, 1).name == "Ana Costa"


def test_quoted_spans_know_every_quotation_style() -> None:
    from factcheck.attribution import quoted_spans

    def quotes(text: str) -> list[str]:
        return [text[a:b] for a, b in quoted_spans(text)]

    assert quotes("``We will rebuild,'' the mayor said.") == ["``We will rebuild,"]
    assert quotes('He said "no" twice.') == ['"no']
    assert quotes("She called it “a ‘temporary’ measure” on Monday.") == ["“a ‘temporary’ measure"]
    assert quotes("The union said ‘never’ to the plan.") == ["‘never"]
    assert quotes("Le ministre a dit «jamais» hier.") == ["«jamais"]
    # ’ in a word is an apostrophe, and a ‘ left open an elision: neither opens a quotation.
    assert quotes("The workers’ union rejected Israel’s offer in the ‘90s.") == []
    # A quotation that goes on past the text runs to its end.
    assert quotes("``The town is gone") == ["``The town is gone"]


def test_a_pronoun_for_an_indefinite_antecedent_takes_it_as_definite() -> None:
    sentence = "A Coast Guard duty officer said he had seen no sign of the missing trawler."
    standalone = resolve_referents("he had seen no sign of the missing trawler", sentence, ["The trawler left port on Friday."])
    assert standalone.text.startswith("The Coast Guard duty officer had seen")
    # The whole sentence: one officer, named by the sentence itself; "he" stays as written.
    assert resolve_referents(sentence, sentence, []).text == sentence
    # A clause whose frame is put back keeps its pronoun: "X said that he ...".
    split = "A Coast Guard duty officer said the search would go on, adding that he had seen no sign of the missing trawler."
    clause = "he had seen no sign of the missing trawler"
    speaker = attribute(["The trawler left port on Friday.", split], 1, clause)
    text = resolve_referents(clause, split, ["The trawler left port on Friday."]).text
    assert attributed(text, speaker, clause, split) == "A Coast Guard duty officer said that he had seen no sign of the missing trawler"
    # A name or a definite phrase is repeated as it is.
    named = "Maria Lopez confirmed the delay on Monday."
    assert resolve_referents("She said the plane would leave.", "She said the plane would leave.", [named]).text.startswith("Maria Lopez said")


def test_a_pronoun_outside_the_subject_gets_its_person_unless_the_clause_names_one_it_may_be() -> None:
    previous = ["Tom Reed, 38, escaped from a state prison in Ohio on Sunday."]
    capture = resolve_referents("Police offered a reward of $10,000 for his capture.", "Police offered a reward of $10,000 for his capture.", previous)
    assert capture.text == "Police offered a reward of $10,000 for Tom Reed’s capture." and capture.cited == [0]
    # "him" may be the lawyer the clause names: left as written; "his" is bound by the name put in for "He".
    lawyer = "Instead, he went to his lawyer and told him about the plan."
    text = resolve_referents(lawyer, lawyer, previous).text
    assert text.startswith("Instead, Tom Reed went to his lawyer") and text.endswith("told him about the plan.")
    # A pronoun before the name it stands for is no reference back.
    party = "Even in his own party, Reed is now isolated."
    assert resolve_referents(party, party, previous).text == party
    # "he said" in the middle of a sentence is the sentence's speaker.
    figures = ["Sgt. Ann Bell said 12 burglaries were reported in May."]
    middle = "Of the twelve, five were solved, she said, and the others are still open."
    assert "Ann Bell said" in resolve_referents(middle, middle, figures).text


def test_a_definite_or_demonstrative_phrase_gets_the_one_earlier_phrase_that_says_which() -> None:
    force = resolve_referents("Ann Bell said the task force would report in May.", "Ann Bell said the task force would report in May.",
                              ["A new Harbor County task force began work on Monday."])
    assert "the task force [a new Harbor County task force] would" in force.text and force.cited == [0]
    # A definite antecedent stands in the phrase's place: the article's own name for it.
    ledger = resolve_referents("The newspaper, citing officials, said the talks would resume.", "The newspaper, citing officials, said the talks would resume.",
                               ["The Daily Ledger newspaper said on Sunday that talks had stalled."])
    assert ledger.text.startswith("The Daily Ledger newspaper, citing officials, said")
    resolution = resolve_referents("That 1967 resolution calls for a withdrawal.", "That 1967 resolution calls for a withdrawal.",
                                   ["Leaders endorsed U.N. Resolution 242 at the meeting."])
    assert resolution.text == "That 1967 resolution [U.N. Resolution 242] calls for a withdrawal."
    movement = resolve_referents("The brothers asked Ann Bell to help organize such a movement.", "The brothers asked Ann Bell to help organize such a movement.",
                                 ["Ann Bell denied that she had joined an underground student movement."])
    assert "such a movement [an underground student movement]" in movement.text


def test_no_referent_when_two_earlier_phrases_say_different_things_or_the_phrase_is_no_plain_one() -> None:
    two = ["The Lebanese government rejected the plan on Monday.", "The Israeli government welcomed the plan."]
    text = "The government will meet again on Friday."
    assert resolve_referents(text, text, two).text == text
    # "to make Atlantis a republic": Atlantis is not a modifier of "republic", the phrase is no referent.
    text = "The republic held its first elections in May."
    assert "[" not in resolve_referents(text, text, ["Voters chose to make Atlantis a republic in 1990."]).text
    # "the man's body" says no more than "the body": who the man is, is no better known.
    text = "A passerby found the body near the road."
    assert resolve_referents(text, text, ["Police said the man's burned body lay in a field."]).text == text


def test_what_a_claim_points_back_to_without_saying_it() -> None:
    from factcheck.referents import dangling

    assert dangling("More recently it has grown quickly.") == ["it"]
    assert dangling("Many of them are using the Internet.") == ["them"]
    assert dangling("Reporters say such members are drawn to the rallies.") == ["such members"]
    assert dangling("This plan will cost $4 million.") == ["This plan"]
    assert dangling("We are trying to find a solution.", outlet=True) == ["We"]
    # Nothing points back: a name before the pronoun, a pronoun before its name, "such X as Y".
    assert dangling("Mayor Ann Bell said her office would close.") == []
    assert dangling("In its report, the agency said prices rose.") == []
    assert dangling("The center has long monitored such groups as the Ku Klux Klan.") == []
    assert dangling("We are trying to find a solution.") == []  # someone is said to say it


def test_a_claim_is_a_statement_not_a_heading_or_a_list_of_names() -> None:
    from factcheck.referents import is_statement

    assert not is_statement("Senator Bell on Friday.")
    assert not is_statement("The White House on Thursday ``We have nothing to add.''")
    assert is_statement("``We have nothing to add.''")
    assert is_statement("The agency said prices rose.")


def test_variants_cite_another_sentence_or_leave_a_referent_out() -> None:
    from factcheck import faithfulness
    from factcheck.referents import standalone_variants

    previous = ["Ann Bell denied that she had joined an underground student movement."]
    text = "Two men asked Ann Bell to help organize such a movement."
    variants = standalone_variants(text, text, previous)
    # The referent comes from a clause under "denied": in brackets it only says which movement, so
    # the checker passes it (it asserts no joining); the variant with the referent left out passes too.
    assert "[" in variants[0].text and variants[-1].text == text and variants[-1].cited == []
    assert not faithfulness.check(variants[0].text, [previous[0], text]) and not faithfulness.check(variants[-1].text, [text])


def test_no_referent_that_may_be_another_thing_or_person() -> None:
    # "the company" is a named company more often than the "a Dutch company" mentioned before.
    text = "But the company has had weak results this year."
    assert resolve_referents(text, text, ["Harbor Tools said a Dutch company had bought 8% of its shares."]).text == text
    # An adjective alone ("the entire world") says no more which; "all the bombings" may be more than those named.
    text = "The plan will show the world that the city is open."
    assert resolve_referents(text, text, ["Leaders said the visit would be seen by the entire world."]).text == text
    text = "Officials suspect a link between all the bombings."
    assert "[" not in resolve_referents(text, text, ["Police studied two bombings in Atlanta."]).text
    # "they" bound by the subject before it is not the organisation that spoke before.
    text = "Later the major auto makers added to the gloom when they each reported losses."
    assert resolve_referents(text, text, ["Harbor Motors said sales fell 3%."]).text == text
    # A person named three sentences back or more: the story may have moved on to someone else.
    story = ["Here is Ann Bell, our reporter.", "Prices have fallen by half.", "Many owners want to sell.", "She sold the house in May."]
    assert resolve_referents(story[3], story[3], story[:3]).text == story[3]


def test_a_described_participant_gets_the_name_an_earlier_apposition_gave_it() -> None:
    text = "The suspect was scheduled to appear in court on Friday."
    for named in ("Police arrested James Kopp, the suspect in the shooting, in France on Monday.", "The suspect, James Kopp, was arrested in France."):
        claim = resolve_referents(text, text, [named])
        assert claim.text == "The suspect [James Kopp] was scheduled to appear in court on Friday." and claim.cited == [0]
    from factcheck.referents import dangling

    assert dangling("Eight of those are still open.") == ["those"]
    assert dangling("Those who left were fined.") == []


def test_a_title_is_no_referent_when_two_people_held_it_or_the_place_differs() -> None:
    text = "The president said the talks would go on."
    two = ["President Ann Bell met the Iraqi president, Omar Haddad, in Paris."]
    assert resolve_referents(text, text, two).text == text
    assert resolve_referents(text, text, ["President Ann Bell flew to Paris on Monday."]).text == "The president [Ann Bell] said the talks would go on."
    # The police of another place are not the police named before.
    text = "The police barred the crowd from the consulate in Istanbul."
    assert resolve_referents(text, text, ["Serb police in Kosovo arrested 40 people."]).text == text
    # "the World Bank" holds no "world".
    text = "Prices here were the highest in the world."
    assert resolve_referents(text, text, ["The World Bank warned of a slowdown."]).text == text


def test_verbs_of_speech_beyond_said_name_their_speaker() -> None:
    """A verb that reports a clause, a commitment or a stance makes its subject the speaker, found
    by the parse (WordNet's verbs of communication, a complement, a 'saying' participle), not the outlet."""
    cases = {
        "The rebels vowed to retaliate for the raid.": "the rebels",
        "Guerrilla leader Ali Hassan denied the charges on Tuesday.": "Ali Hassan",
        'The president condemned the "cowardly" attack on the embassy.': "the president",
        "The senator likened the new tax to theft.": "the senator",
        "The mayor noted that the bridge had been closed twice.": "the mayor",
        "The union boasted that its members had won.": "the union",
        "The ministry issued a joint statement with the army saying the border would stay closed.": "the ministry",
        "Officials are warning residents that heavy rains will cause floods.": "Officials",
        "The bank raised worries that prices would rise.": "the bank",
        "The company announced the closure of two plants.": "the company",
    }
    for sentence, speaker in cases.items():
        assert attribute([sentence], 0).name == speaker, sentence
    # "X quoted Y as saying": X (the one who reports) or Y, never the outlet.
    quoted = attribute(["The radio quoted a senior aide as saying that the president would not resign."], 0)
    assert quoted.name in ("the radio", "a senior aide")


def test_a_verb_of_speech_that_reports_nothing_leaves_the_outlet() -> None:
    for sentence in (
        "She told him about the plan.",  # no content given
        "Protesters gathered to hear speakers demand talks with the government.",  # someone else's demand, heard
        "Reporters asked whether the ban would apply to food.",  # a question states nothing
        "Reporters asked the minister why the ban would apply to food.",
        "The company recorded a loss of $3 million.",  # a WordNet verb of communication with no clause
        "Police are investigating claims that he stole the car.",  # whose claims? not the police's
        "The board agreed to sell the unit.",
    ):
        assert attribute([sentence], 0).is_outlet, sentence


def test_reporting_clauses_the_parser_misreads_keep_their_speaker() -> None:
    # The finite verb read as an adjective of the next noun.
    assert attribute(["Lebanon alleged the pilot was a spy."], 0).name == "Lebanon"
    # A sentence-final report hung on the last noun of the report, or coordinated with it.
    assert attribute(["Two of the sites were army depots, a senior source told the radio."], 0).name == "a senior source"
    assert attribute(["At least one of the sealed sites was a depot of the elite Presidential Guard, a senior source told the radio."], 0).name == "a senior source"
    # The speaker taken for the object of an opening participle.
    opening = "Taking the stand in his own defense, a cousin of the jailed rebel leader said Monday that he regretted his threats."
    assert attribute([opening], 0).name == "a cousin of the jailed rebel leader"
    # A relative clause inside the report is no embedded question.
    relative = "The agency did not name him, but said Friday that the team, which he heads, made three visits."
    assert attribute([relative], 0).name == "the agency"


def test_he_said_is_a_speaker_or_a_subject_never_a_name_only_talked_about() -> None:
    wanted = "Police in Lyon are searching for Karim Benali, who escaped from prison on Sunday."
    # The one who spoke before, described rather than named, is who "he" is; the claim says it definitely.
    story = [wanted, "A duty officer said the search had widened to three towns.", "He said roadblocks were set up overnight."]
    assert attribute(story, 2).name.lower() == "a duty officer"
    assert resolve_referents(story[2], story[2], story[:2]).text == "The duty officer said roadblocks were set up overnight."
    # Nobody who can speak before: the pronoun stays, rather than the wanted man's name.
    alone = attribute([wanted, "He said roadblocks were set up overnight."], 1)
    assert alone.is_outlet and "Benali" not in resolve_referents("He said roadblocks were set up overnight.", "He said roadblocks were set up overnight.", [wanted]).text
    # The person named where they speak, not the man the quotation is about.
    quoted = ["Officers arrested Tom Reed on Friday.", "'He is dangerous,' said Inspector Jane Holt.", "She said he had fled twice."]
    assert attribute(quoted, 2).name == "Jane Holt"


def test_a_first_person_is_a_person_who_spoke_never_an_organisation() -> None:
    story = ["The company announced on Monday that it would cut 500 jobs.", "I think it is a good thing for the town."]
    assert attribute(story, 1).name != "the company"


def test_an_issuing_body_speaks_for_its_statement_and_its_pronoun() -> None:
    story = [
        "The World Health Organization issued a statement on Monday about the outbreak.",
        "The statement said 40 people had died.",
        "It said the virus had spread to two provinces.",
    ]
    speakers = attributions(story)
    assert speakers[1].name == speakers[2].name == "the World Health Organization"
    assert attribute(['"The roads are closed, and nobody may enter the valley," the agency says.'], 0).name == "the agency"


def test_as_saying_frames_and_broken_names_keep_their_speaker() -> None:
    # "as saying" reports whatever the parse makes of the rest of the sentence.
    assert attribute(["The agency quoted residents as saying soldiers and police are guarding the bridges of the city."], 0).name == "the agency"
    passive = "``We have settled every point on the agenda,'' Petrov was quoted as saying by the state news agency."
    assert attribute([passive], 0).name in ("Petrov", "the state news agency")
    # A company's name whose first word the tagger reads as an adverb is still the subject.
    assert attribute(["First of Lakeland said several of the directors would move to other posts."], 0).name == "First of Lakeland"


def test_a_company_that_reports_a_figure_is_its_source() -> None:
    assert attribute(["The company reported a net loss of $6 million for the quarter."], 0).name == "the company"
    aside = "First of Lakeland, which has 12 banks, announced an agreement to buy a rival in May."
    assert attribute([aside], 0).name == "First of Lakeland"


def test_hedged_or_framed_statements_are_not_made() -> None:
    # A modal: the statement is not made.
    assert attribute(["The subsidiary may plead guilty next month to charges that it hid losses."], 0).is_outlet
    assert attribute(["The delay may reveal a gloomier outlook."], 0).is_outlet
    # "wouldn't say whether X has disclosed ...": X discloses nothing here.
    assert attribute(["Ms. Ruiz would not say whether Mr. Lund had disclosed the price of his offer."], 0).name != "Lund"
    # A stance verb with "according to": the source the article names.
    sourced = "A fund run by the bank revealed a 4% holding in the mill, according to Ann Dole, the mill's finance chief."
    assert attribute([sourced], 0).name == "Ann Dole"


def test_it_and_they_are_who_the_clause_is_about() -> None:
    # "they" in a subordinate clause: the plural subject of the main clause. The fronted report is
    # that clause's own, not the whole sentence's.
    sentence = "Although they insist the plan is temporary, city officials expect the curfew to last a month."
    assert attribute([sentence], 0, "they insist the plan is temporary").name == "city officials"
    # "it": an organisation named as a subject, not one named in passing.
    story = [
        "While Brent Holdings is keeping the board of the mill, it is hiring a former Norcom Corp. manager to run it.",
        "In May, it announced plans to buy a bakery chain for $80 million.",
    ]
    assert attribute(story, 1).name == "Brent Holdings"


def test_a_name_in_front_of_a_plural_speaker_only_says_whose() -> None:
    assert attribute(["Several Merrick analysts have speculated that outside bids were low."], 0).name == "Several Merrick analysts"
    assert attribute(["Spokesman John Hale said the plant would close."], 0).name == "John Hale"


def test_a_count_that_is_the_subject_object_or_predicate_is_a_statistic() -> None:
    assert claim_types("Nine miners died in the collapse.")[0] == "statistic"
    assert claim_types("The storm killed at least 40 people, officials said.", "officials")[0] == "statistic"
    assert claim_types("The dead numbered 120.")[0] == "statistic"
    assert claim_types("At least 30 villagers were reported killed in the raid.")[0] == "statistic"  # the report's subject
    # A statistic rejected leaves a checkable fact, never a judgement or a forecast.
    assert not {"opinion", "prediction"} & set(claim_types("Nine miners died in the collapse."))


def test_a_figure_in_a_modifier_a_circumstance_or_a_gerund_is_no_statistic() -> None:
    assert claim_types("The pilot was part of a five-member crew on the mission.") == ["event"]
    assert claim_types("She testified for more than three hours on Monday.") == ["event"]
    assert "statistic" not in claim_types("The firm responded by saying it would sell up to two million shares.")
    # A figure in a relative clause, a verb of causing in one either.
    kinds = claim_types("The board lowered the ownership level that would trigger the rights, which cost 12 dollars.")
    assert kinds == ["event"]


def test_speech_on_its_face_is_a_quote_even_where_no_speaker_is_named() -> None:
    # A quotation that makes the clause, or a first person, is someone speaking: a news report's own voice is neither.
    assert claim_types("``I never signed the order, and nobody asked me to.")[0] == "quote"
    assert claim_types("We have been subjected to false rumours for weeks.")[0] == "quote"
    # A word in scare quotes is not a quotation.
    assert claim_types("``Smart fridges'' have appeared in many kitchens this year.")[0] == "event"
    # What a reporting verb reports, under another reporting verb, is the proposition typed.
    assert claim_types("He said the verdict was a shameful mistake, the agency reported.", "he")[0] == "opinion"


def test_a_vow_or_a_plan_is_a_prediction_and_a_past_possibility_is_not() -> None:
    assert claim_types("The rebels vowed to retake the capital.")[0] == "prediction"
    assert claim_types("The city plans to build two new bridges.")[0] == "prediction"  # its figure is planned, not counted
    assert "prediction" not in claim_types("The documents may have been destroyed in the fire.")
    assert "prediction" not in claim_types("The minister sought to show that the budget was balanced.")  # an attempt made


def test_a_linking_verb_with_a_gradable_predicate_is_a_judgement_a_rank_or_a_dependence_is_not() -> None:
    assert claim_types("The new port has become an indispensable asset.")[0] == "opinion"
    assert claim_types("Ms. Vey is a senior official of the union.") == ["event"]
    assert claim_types("Many villages are dependent on food aid.") == ["event"]


def test_verify_fits_the_claim_not_only_its_type() -> None:
    reward = verify_for("statistic", "the outlet", "Police offered a $5,000 reward for information.")
    assert "official statistics" not in reward and "'a $5,000 reward'" in reward and "announcement" in reward
    assert "official statistics" in verify_for("statistic", "the outlet", "Unemployment fell to 4.1 percent in June.")
    toll = verify_for("statistic", "the outlet", "Nine miners died in the collapse.")
    assert "'Nine miners'" in toll and "count" in toll
    # A person's figure is checked against its record and its saying; a quotation nobody is named for, by its source.
    person = verify_for("statistic", "Ann Vey", "Sales rose 9 percent, Ann Vey said.")
    assert "official statistics" not in person and "Ann Vey said this" in person
    unnamed = verify_for("quote", "the outlet", "``I never signed the order.")
    assert "the outlet" not in unnamed and "who said this" in unnamed
    # A clause that opens on who speaks is checked as theirs, whoever the attribution found.
    estimate = verify_for("statistic", "the outlet", "Lena Holt estimated the damage at $2 million.")
    assert "Lena Holt said this" in estimate and "filing" not in estimate
    assert "Check that Lena Holt said this" in verify_for("quote", "the outlet", "Lena Holt expressed the hope that talks would resume.")
    # A pronoun is nobody to look up; a body speaks through what it publishes.
    assert "he's" not in verify_for("quote", Speaker("he", "group"), "The talks had failed, he said.")
    assert "the union's published statement" in verify_for("quote", Speaker("the union", "organisation"), "The strike is over, the union said.")
    # A judgement or a forecast in the article's own voice is not sent to "the official record".
    assert "official record" not in verify_for("opinion", "the outlet", "The new port has become an indispensable asset.")
    plan = verify_for("prediction", "the outlet", "The city plans to build two new bridges.")
    assert plan.startswith("Not checkable yet") and "whether it came true" in plan


def test_a_name_described_as_a_person_is_the_he_that_follows_not_a_person_named_before() -> None:
    # The tagger takes "Szabo" for an organisation; the apposition "an air force captain" says a person.
    previous = [
        "With American engineer Tom Reyes, Szabo set up a joint venture called Vega 1990, making satellite parts.",
        "Szabo, an air force captain, was sent into orbit on board the Soyuz 31 on June 2, 1979.",
    ]
    sentence = "He spent eight days aboard the station with two Soviet cosmonauts, Ivan Petrov and Oleg Sokol."
    assert resolve_referents(sentence, sentence, previous).text.startswith("Szabo spent eight days")


@pytest.mark.parametrize("sentence, speaker", [
    # Only what can say something speaks: a thing that "suggests", or a broadcast "aimed at warning"
    # viewers (by someone else), leaves the clause the article's own.
    ("The fall in prices suggests that demand has weakened.", "the outlet"),
    ("During the march, footage from the roof suggested that the crowd was large.", "the outlet"),
    ("The late broadcast of the march appeared aimed at warning viewers that the unrest could spread.", "the outlet"),
    ("A statement by the ministry warned that the unrest could spread.", "A statement by the ministry"),
    # A name the tagger takes for a common noun still speaks, passive frame included.
    ("Ruiz was quoted as saying the plan would fail.", "Ruiz"),
])
def test_only_what_can_say_something_is_a_speaker(sentence: str, speaker: str) -> None:
    assert attributions([sentence])[0].name == speaker


def test_a_modal_of_past_ability_or_present_possibility_is_no_prediction() -> None:
    # What could or could not be done, and a guess about what is, lie before the report, not after it.
    assert "prediction" not in claim_types("Neither the pilot nor the co-pilot could be located on Sunday.")
    assert "prediction" not in claim_types("A spokesman for the firm could not be reached for comment.")
    assert claim_types("The Ohio outbreak and the Texas outbreak might be linked.")[0] == "opinion"  # a guess, not a forecast
    assert claim_types("The fire and the blackout might be related, officials said.", "officials")[0] != "prediction"
    assert "prediction" not in claim_types("The trawler may be carrying stolen fuel.")
    # A forecast still is one: an event ahead, or a date ahead.
    assert claim_types("Fuel prices could climb again.")[0] == "prediction"
    assert claim_types("The launch could be postponed until next month.")[0] == "prediction"


def test_a_figure_in_a_fronted_phrase_sets_the_scene_and_states_no_statistic() -> None:
    assert claim_types("By a 5-4 vote, the council rejected the zoning plan.")[0] == "event"
    assert claim_types("Shares of the bank fell by 12 percent.")[0] == "statistic"


def test_a_rule_named_beside_an_event_is_not_where_the_event_is_checked() -> None:
    said = "The agency, which drafted the statute, was criticised by both parties."
    assert "text of the law" not in verify_for("event", "the outlet", said)
    assert "text of the law" in verify_for("event", "the outlet", "Under the statute, every trawler must carry a tracker.")


def test_a_quality_graded_in_the_main_clause_is_a_judgement() -> None:
    assert claim_types("The new funding could not have arrived at a more welcome moment.")[0] == "opinion"
    assert claim_types("The council chose a very odd moment to raise the fees.")[0] == "opinion"
    # A ranking, a comparison, or a graded phrase that only describes a noun is not.
    assert claim_types("He was the most senior diplomat at the talks.") == ["event"]
    assert "opinion" not in claim_types("The firm reported a more modest profit than analysts had forecast.")
    assert "opinion" not in claim_types("The report, the very first of its kind, was released on Friday.")


def test_a_speakers_word_on_what_they_will_do_is_a_quote_or_a_plan_never_an_event() -> None:
    assert claim_types('"We will not send our ships there," the admiral said.', "the admiral")[0] == "quote"
    assert claim_types("The mayor told reporters she would not sign the order.", "The mayor")[0] == "quote"
    # A plan stays a plan when its day is named.
    assert claim_types("The ministry said it did not intend to close the border on Friday.", "The ministry")[0] == "prediction"


def test_a_passive_possibility_with_its_doer_or_under_an_estimate_still_looks_ahead() -> None:
    assert claim_types("The lease may be renewed by the tenants for another five years.")[0] == "prediction"
    assert claim_types("The bank estimated that a third of its branches may be sold.", "The bank")[0] == "prediction"


def test_a_denied_ability_is_past_and_a_plan_dated_by_its_planning_is_no_forecast() -> None:
    assert claim_types("No survivors could be found in the wreckage.")[0] != "prediction"
    assert claim_types("Investors who stay in the fund could be hurt again.")[0] == "prediction"  # a possibility ahead
    assert claim_types("Last May, the group planned to buy 20% of the airline.")[0] == "statistic"


def test_an_outlets_judgement_or_forecast_is_never_sent_to_the_official_record() -> None:
    for kind, text in (("opinion", "The grant could not have come at a more welcome moment."), ("prediction", "Fuel prices could climb again.")):
        assert kind == claim_types(text)[0]
        assert "official record" not in verify_for(kind, "the outlet", text)


def test_the_company_is_the_one_organisation_named_and_never_a_guess_between_two() -> None:
    one = ["Norland Networks said on Monday that it will cut 200 jobs.", "Analysts had expected the cuts."]
    claim = "The company said the cuts were needed to return to profit."
    resolved = resolve_referents(claim, claim, one)
    # In brackets after the article's words: the name in their place reads to the faithfulness check as another doer.
    assert resolved.text == "The company [Norland Networks] said the cuts were needed to return to profit." and resolved.cited == [0]
    two = [one[0], "Its rival Vexa Corp. posted a profit."]
    assert resolve_referents(claim, claim, two).text == claim  # which company is not sure: as written
    # A first word of the name the tagger left out of it is still the name's.
    cut = ["Price Stern Hale Inc. reported a loss for the quarter."]
    text = "The company's chairman resigned."
    assert resolve_referents(text, text, cut).text.startswith("Price Stern Hale Inc.")


def test_a_compound_definite_takes_a_named_antecedent_with_its_head_and_a_team_its_description() -> None:
    bank = ["Harbor Federal Savings Bank's shares fell after it suspended its dividend."]
    text = "A spokesman said the savings bank may not meet the new rules."
    assert resolve_referents(text, text, bank).text == "A spokesman said Harbor Federal Savings Bank may not meet the new rules."
    team = ["Doctors sent a team of medical specialists to the village."]
    assert resolve_referents("The team arrived on Monday.", "The team arrived on Monday.", team).text == "The team [a team of medical specialists] arrived on Monday."
    # A named organisation after "a Dutch company" may be the company meant: no referent.
    dutch = ["Acme Corp. bought a Dutch company last year."]
    assert resolve_referents("The company grew.", "The company grew.", dutch).text == "The company grew."


def test_a_pronoun_in_a_quotation_gets_its_referent_in_brackets_only_when_one_person_fits() -> None:
    from factcheck import faithfulness

    before = ["Police are hunting for Dale Corwin in connection with the shooting of a doctor."]
    quote = "``He may have crossed the border by now,'' the agent said."
    resolved = resolve_referents(quote, quote, before)
    assert resolved.text == "``He [Dale Corwin] may have crossed the border by now,'' the agent said." and resolved.cited == [0]
    assert not dangling(resolved.text) and dangling(quote) == ["He"]
    assert not faithfulness.check(resolved.text, [before[0], quote])  # a bracket is no misquote
    # Two women named just before, or the speaker named: the quotation stays as it is, and dangles.
    two = ["Police questioned Ann Ross and Mary Poole."]
    she = "``She may have been with him that night,'' the detective said."
    assert resolve_referents(she, she, two).text == she and dangling(she) == ["She", "him"]
    speaker = ["Agent Lee Harmon said the search had moved south."]
    said = "``He may be in Mexico,'' Harmon said."
    assert resolve_referents(said, said, speaker).text == said


def test_a_reporting_they_is_the_one_plural_group_that_was_a_subject_just_before() -> None:
    before = ["Pedro's cousins in Tampa have fought the order for months.", "A federal judge threw out their lawsuit in March."]
    text = "They have said they will appeal."
    resolved = resolve_referents(text, text, before)
    assert resolved.text == "Pedro's cousins in Tampa have said they will appeal." and resolved.cited == [0]
    # Two groups of people before: which one speaks is not sure.
    two = ["Pedro's cousins in Tampa have fought the order.", "A judge ruled against them despite letters from their neighbours."]
    assert resolve_referents(text, text, two).text == text


def test_a_pronoun_before_the_person_noun_it_stands_for_does_not_dangle() -> None:
    assert dangling("Speaking in his own defense, a neighbour of the accused said the house was empty.") == []
    assert dangling("In her speech, the plan was praised.") == ["her"]


def test_a_demonstrative_may_point_back_to_a_clause_of_its_own_sentence() -> None:
    assert dangling("The council backs the bypass and, as a sign of this, will fund a study.") == []
    assert dangling("Eight of those were sold.") == ["those"] and dangling("The mayor denied that.") == ["that"]


def test_a_pronoun_before_a_subject_the_parser_took_for_an_object_does_not_dangle() -> None:
    text = "Taking the stand in her own defense, a cousin of the jailed activist said Monday that the money was a gift."
    assert dangling(text) == []


def test_another_dangles_unless_the_text_names_the_first_one() -> None:
    assert dangling("Last week a guard was hurt when a bomb went off at another bank branch.") == ["another bank branch"]
    assert dangling("One bomb went off at a clinic and another bomb at a bar.") == []


def test_a_kind_is_not_which_one() -> None:
    # "the war" may be more than "the ground war" mentioned before: no referent is put in.
    previous = ["The rejection of the peace plan made the ground war certain."]
    text = "Civilians are being held for bargaining once the war is over."
    assert resolve_referents(text, text, previous).text == text


def test_a_definite_company_is_the_organisation_named_before() -> None:
    spoken = attributions(["Northwind Telecom Inc. said in a statement that its network was restored on Monday.", "The company said customers had told it of the outage."])
    assert spoken[0].name == "Northwind Telecom Inc."  # "said in a statement that": the clause is reported
    assert spoken[1].name == "Northwind Telecom Inc." and spoken[1].sentence == 0
    silent = attributions(["Northwind Telecom Inc. restored its network on Monday after a fire.", "The company said customers had told it of the outage."])
    assert silent[1].name == "Northwind Telecom Inc."  # one organisation named before, though it did not speak
    # A news agency that reported it is no company; two businesses named, and which is meant would be a guess.
    reported = attributions(["Reuters reported that Acme Corp. sold its plant.", "The company said the sale was complete."])
    assert reported[1].name == "Acme Corp."
    two = attributions(["Acme Corp. agreed to buy Zenith Inc. for $40 million.", "The company said the sale was complete."])
    assert two[1].name == "the company"


def test_a_described_speaker_is_the_description_not_the_outlet() -> None:
    # The parser takes "ruled" for the finite verb of a clause that "says" reports.
    speaker = attributions(["The author of a radical pamphlet ruled a danger to officials says a decision by the court is a setback."])[0]
    assert speaker.name == "the author of a radical pamphlet" and speaker.kind == "person"
    assert attributions(["The mayor resigned says a report that was published today."])[0].is_outlet
    # So too with the participle set off by commas.
    assert attributions(["Zenith Corp., long rumored a takeover target, said that a rival has sought approval to buy its shares."])[0].name == "Zenith Corp."


def test_a_relative_pronoun_is_never_a_speaker() -> None:
    speaker = attributions(["The boy's cousins, who have cared for him since May and have said they think he should stay, met the judge."])[0]
    assert speaker.name == "the boy's cousins"


def test_a_characterisation_is_said() -> None:
    # In quotation marks, or a common noun or adjective for what the object is: a judgement voiced.
    for text in (
        "Horsley called the ruling a `temporary setback' for the campaign.", 'Ms. Lee described the plan as "reckless."',
        "The mayor called the strike a blow to the workers' families.", "Ms. Lee called the plan reckless.",
    ):
        assert not attributions([text])[0].is_outlet, text
    # A name given, an errand, or a passive with nobody who said it.
    for text in ("Horsley called the meeting to order.", "The parents named the boy Tom.", "A neighbour called police to report the fire.", "The senator was called a hero."):
        assert attributions([text])[0].is_outlet, text


def test_a_business_described_by_what_it_does_is_the_one_named_before() -> None:
    spoken = attributions(["Coda Energy Inc. said it arranged a credit line with a bank.", "The Dallas oil and gas concern said that the money would pay its debt."])
    assert spoken[1].name == "Coda Energy Inc." and spoken[1].sentence == 0
    # The tagger may take a business's short name for a person's: the business speaks.
    short = attributions(["Nashua Corp. said a Dutch firm sought approval to buy its shares.", "Nashua announced the request after the market closed."])
    assert short[1].name == "Nashua" and short[1].kind == "organisation"


def test_a_business_noun_after_its_name_in_the_same_sentence_is_that_name() -> None:
    spoken = attributions(["Pacific Wings plans daily flights to Lima, the airline announced Friday.", "In a statement, it said two flights would start in March."])
    assert spoken[0].name == "Pacific Wings" and spoken[1].name == "Pacific Wings"


def test_a_reporting_verb_inside_a_quotation_is_the_quoted_speakers_words() -> None:
    spoken = attributions([
        'A spokesman said: "It changes things.', "If the mother comes, the family will say she is welcome.", 'Whether she stays remains to be seen."',
    ])
    assert [s.name for s in spoken] == ["A spokesman"] * 3
    # A transcript's quotation with nobody named: still nobody's but the quotation's.
    transcript = attributions(["Lee on Friday.", '"We will not stop.', 'I was pleased that the lawyers stated that the deal is fair."'])
    assert transcript[2].name != "the lawyers"


def test_his_after_the_clauses_own_named_subject_is_never_another_person() -> None:
    # Whatever the tagger makes of the subject's name, "his home" is not the suspect's named before.
    previous = ["Prosecutors said Hale could be charged under the new law.", "If Hale were convicted, he could face life in prison."]
    for name in ("Slepian", "Novak", "Ruiz"):
        text = f"{name} was shot to death as he stood in the kitchen of his home."
        assert resolve_referents(text, text, previous).text == text


def test_no_referent_that_is_a_guess_among_several_people_or_one_of_many() -> None:
    # "His trip" after three men named: whose trip is a guess.
    previous = ["Odero said he and Barnes had been talking about the visit of Trade Minister Paul Kent in May."]
    assert resolve_referents("His trip is still on, the embassy said.", "His trip is still on, the embassy said.", previous).text.startswith("His trip")
    # "the men" are two: one man's name is not who they are.
    previous = ["The two men, Ron Hale and Mick Dunn, were named in a police bulletin on Thursday."]
    text = "A detective said he had never heard of the men."
    assert resolve_referents(text, text, previous).text.endswith("heard of the men.")


def test_a_quotation_announced_by_a_colon_is_the_announcers_even_in_the_next_paragraph() -> None:
    # 'X said:' then, in the next paragraph, the quotation: X's words, not the outlet's, and a
    # reporting verb inside them ("the council will say") is still X speaking.
    sentences = [
        "The mayor spoke on Monday.",
        "Mayor Ruth Banks said in a statement:",
        '"If the union comes back, the council will say yes.',
        'We are ready to talk."',
        "Traffic was light.",
    ]
    speakers = attributions(sentences)
    assert [sp.name for sp in speakers[1:4]] == ["Ruth Banks"] * 3
    assert speakers[2].cue == "quote continues" and speakers[2].sentence == 1
    assert speakers[4].is_outlet
    # Without the colon nothing announces the quotation: a bare statement is not an introduction.
    assert attributions(["The mayor spoke on Monday.", '"We are ready."'])[1].is_outlet


def test_pronouns_inside_a_quotation_get_their_one_antecedent_in_brackets() -> None:
    # The quotation cannot change; "It [the warrant] ... his [Kopp's] name" says who, with no misquote.
    previous = ["Police in Ohio issued a federal warrant for James Kopp on Friday."]
    text = '"It allows us to spread his name," said an official.'
    resolved = resolve_referents(text, text, previous)
    assert resolved.text == '"It [the federal warrant for James Kopp] allows us to spread his [James Kopp’s] name," said an official.'
    assert resolved.cited == [0]
    # "We" is the speaker's side: it stays, and does not hide the person "his" is.
    text = '"We hope to spread his name," said an official.'
    assert resolve_referents(text, text, previous).text == '"We hope to spread his [James Kopp’s] name," said an official.'
    # "They" with one plural noun phrase before.
    text = '"They cost us a lot," the manager said.'
    assert resolve_referents(text, text, ["The union called three strikes this year."]).text == '"They [three strikes] cost us a lot," the manager said.'


def test_no_bracket_in_a_quotation_when_more_than_one_antecedent_fits() -> None:
    # Two things before ("the council", "the budget"): which one "it" is would be a guess.
    text = '"It cuts our costs by half," the mayor said.'
    assert resolve_referents(text, text, ["The city council approved the new budget on Monday."]).text == text
    # Two people named before: whose name "his" is would be a guess.
    text = '"We hope to spread his name," said an official.'
    assert resolve_referents(text, text, ["Police issued warrants for James Kopp and Mary Dunn on Friday."]).text == text
    # A name in the quotation before the pronoun may be who is meant.
    text = '"Smith told us his name," said an official.'
    assert resolve_referents(text, text, ["Police issued a warrant for James Kopp on Friday."]).text == text
    # An empty "it" that stands for the clause after it has no referent.
    text = '"It is clear that it would be a travesty," Howard said.'
    assert resolve_referents(text, text, ["The convention voted for a republic."]).text == text


def test_a_reporting_they_that_is_the_speaker_is_written_as_the_speaker() -> None:
    previous = ["The miners' families in Leeds have fought the closure of the pit for a year."]
    # Any verb of communication in the main clause, and after a clause whose singular subject "they" cannot be.
    for text, written in [
        ("On Friday, they hinted that they would appeal.", "On Friday, the miners' families in Leeds hinted that they would appeal."),
        ("The owner wants the site sold, but they have said they will appeal.", "The owner wants the site sold, but the miners' families in Leeds have said they will appeal."),
    ]:
        resolved = resolve_referents(text, text, previous)
        assert resolved.text == written and resolved.cited == [0]
        assert attributions([*previous, text])[1].name == "the miners' families in Leeds"
    # "The lawyers" are several: not the one person named before.
    text = "The lawyers said they would appeal."
    speaker = attributions(["Ann Cole's relatives have fought the closure of the pit.", text])[1]
    assert speaker.name == "the lawyers" and speaker.kind != "person"


def test_a_place_that_only_says_which_body_speaks_is_no_speaker_of_its_own() -> None:
    speakers = attributions([
        "A fire destroyed a warehouse in Chicago on Monday.",
        "Chicago police arrested two men on Tuesday.",
        "The statement said the men had set the fire.",  # no issuer named: not "Chicago"
        "Washington said on Friday that it would send aid.",  # a capital as the subject speaks for its government
        "It said the aid would arrive soon.",
    ])
    assert speakers[2].name != "Chicago"
    assert speakers[3].name == "Washington" and speakers[4].name == "Washington"
    # A newspaper that spoke is who "it" is next, whatever the tagger made of its name.
    speakers = attributions(["The Hamilton Spectator reported that two men were seen near the site.", "It said police had no suspects."])
    assert speakers[1].name == "the Hamilton Spectator" and speakers[1].sentence == 0


def test_a_passive_report_speaks_for_its_agent_and_without_one_stays_the_outlets_hedge() -> None:
    speakers = attributions([
        "Police are hunting for a man who fled a prison in Ohio.",
        "The man is said by police to be armed.",
        "He is believed to have fled to Mexico.",
    ])
    assert speakers[1].name == "police" and speakers[1].sentence == 1
    # Nobody named: the outlet's own sentence, its hedge ("is believed") kept in its words.
    assert speakers[2].is_outlet


def test_a_transcripts_first_person_soundbite_is_the_last_speakers_not_the_outlets() -> None:
    speakers = attributions([
        "A new report says hate groups grew last year.",
        "Mr. Potach says the growth is surprising.",
        "We have seen the numbers drop through the nineties, uh but this year they jumped.",
        "I think it will go on, he said.",
    ])
    assert speakers[2].name == "Potach" and speakers[2].cue == "quote continues" and speakers[2].sentence == 1
    # An anchor's "we" with nobody speaking before is the outlet's; an organisation is never an "I".
    assert attributions(["Good evening from Havana.", "We are here this week to witness the visit."])[1].is_outlet
    assert attributions(["The agency says prices rose.", "I was surprised."])[1].is_outlet


def test_a_quoted_he_is_the_one_other_person_when_the_discourses_person_is_the_speaker() -> None:
    previous = [
        "Jim Pattison said he would seek control of the firm.",
        "Martin Fabi, the firm's president, said the board viewed Mr. Pattison's decision as a positive move.",
    ]
    text = '"I am happy that he feels positively about our company," he said.'
    # The speaker would say "I": "he" is the other man, and the narrator's "he said" is still the speaker.
    assert resolve_referents(text, text, previous).text == '"I am happy that he [Pattison] feels positively about our company," Martin Fabi said.'
    # The other person is known to be a woman: "he" is no one the sentences before name.
    previous = [p.replace("Jim", "Mrs. Ann").replace("Mr.", "Mrs.").replace(" he ", " she ") for p in previous]
    assert "[" not in resolve_referents(text, text, previous).text


def test_guards_of_the_soundbite_and_the_quoted_they() -> None:
    # A sign-off that names its speaker is not the soundbite of whoever spoke before.
    speakers = attributions(["President Clinton says he and Blair will stand together.", "For The World I'm Nancy Marshall in Washington."])
    assert speakers[1].is_outlet
    # The speaker is one of the "analysts": the quotation's "they" is someone else.
    text = '"They have to continue to tighten their belts," said Craig Kloner, an analyst at Goldman.'
    assert resolve_referents(text, text, ["Analysts had expected the firm to post a slim profit."]).text == text


def test_a_speaker_named_again_in_the_same_words_is_cited_where_it_speaks() -> None:
    speakers = attributions([
        "The directors didn't say how the bid would be paid for, but said two banks had agreed to lend.",
        "In addition, the directors said the bid would be made in cash.",
    ])
    assert speakers[1].name.lower() == "the directors" and speakers[1].sentence == 1
    # Named before in other words ("Acme Corp. directors"): that name, cited where it is.
    speakers = attributions(["Acme Corp. directors said the chairman is considering a bid.", "In addition, the directors said the bid would be made in cash."])
    assert speakers[1].name == "Acme Corp. directors" and speakers[1].sentence == 0


def test_a_soundbite_with_hesitations_is_the_person_who_spoke_last() -> None:
    speakers = attributions([
        "Mr. Potach says the growth is surprising.",
        "Uh, in addition, racist music has become uh quite popular.",
        "The report was released on Monday.",
    ])
    assert speakers[1].name == "Potach" and speakers[1].cue == "quote continues"
    assert speakers[2].is_outlet
    # An anchor's hesitation with nobody speaking before stays the outlet's.
    assert attributions(["The visit begins today.", "It is, uh, a long trip."])[1].is_outlet


def test_a_report_in_a_subordinate_clause_does_not_attribute_the_main_clause() -> None:
    text = "A task force began work on Thursday, as police officials acknowledged that they needed to work harder."
    assert attributions([text])[0].is_outlet
    text = "The ban had been widely expected after police said they believe the gang was behind two killings."
    assert attributions([text])[0].is_outlet
    # The clause itself is still the officials' when a claim is cut from it.
    text = "A task force began work on Thursday, as police officials acknowledged that they needed to work harder."
    assert attribute([text], 0, "as police officials acknowledged that they needed to work harder").name == "police officials"


def test_the_source_after_two_sources_is_the_nearer_one() -> None:
    speakers = attributions([
        "One party source said the chief had lost support; another highly placed source said the son met him last week.",
        "The source said the son had warned him.",
    ])
    assert speakers[1].name == "another highly placed source" and speakers[1].sentence == 0


def test_a_he_in_a_clause_cut_from_a_sentence_that_names_a_person_before_it_is_left() -> None:
    previous = ["The warning was meant as a hint that he resign, one highly placed source said."]
    sentence = "Instead, Sununu tried to prove that his backers outnumber his critics and that he should stay in his post."
    resolved = resolve_referents("that he should stay in his post", sentence, previous)
    assert "source" not in resolved.text


def test_a_title_in_front_of_a_name_makes_it_a_person_and_a_first_he_said_is_cataphoric():
    from spacy.tokens import Span

    from factcheck.attribution import _split_name, _titled_person
    from factcheck.nlp import parse

    # The tagger may take an unusual surname for an organisation; "pilot" in front says a person,
    # "chip maker" a business.
    doc = parse("Hungarian pilot Ondrej Vasko left on Monday.").copy()
    doc.ents = [Span(doc, 2, 4, label="ORG")]
    assert _titled_person(doc.ents[0])
    doc = parse("Chip maker Zorvex left on Monday.").copy()
    doc.ents = [Span(doc, 2, 3, label="ORG")]
    assert not _titled_person(doc.ents[0])
    # A person's name split by the tagger into a person and a place is one person.
    doc = parse("Police Commissioner Pedro Toledo urged calm.").copy()
    doc.ents = [Span(doc, 1, 3, label="PERSON"), Span(doc, 3, 4, label="GPE")]
    assert _split_name(doc.ents[1]).text == "Pedro Toledo"
    story = [
        "Weary of waiting, veteran pilot Ondrej Vasko is moving to Canada to fly cargo, he said Friday.",
        "Vasko said on the radio that the move was overdue.",
    ]
    first, second = attributions(story)
    assert (first.name, first.kind) == ("Ondrej Vasko", "person")
    assert second.kind == "person"
    # Two people named, or none: the pronoun names nobody, and no speaker is ever called "he".
    two = attributions(["Ann Lee and Tom Ruiz are leaving the firm, he said Friday."])[0]
    none = attributions(["The plant will close next year, he said Friday."])[0]
    assert two.is_outlet and none.is_outlet
    assert attributions(["Prices will rise next year, they said."])[0].is_outlet


def test_a_voiced_hope_without_that_is_the_subjects_statement():
    assert attributions(["Mara Quill expressed the hope she would one day return to the coast."])[0].name == "Mara Quill"
    assert attributions(["Mara Quill voiced fears prices will rise sharply."])[0].name == "Mara Quill"
    # A relative clause on the noun, its object missing, reports nothing.
    assert attributions(["Mara Quill expressed the hope she had held for years."])[0].is_outlet


def test_a_speakers_phrase_is_the_whole_coordination_without_a_leading_adverb_and_an_estimate_is_its_owners():
    assert attributions(["According to Acme's estimates, only half of the workers will retire."])[0].name == "Acme"
    assert attributions(["According to the mayor's lawyer, the deal is off."])[0].name == "the mayor's lawyer"
    assert attributions(["Earlier AT and T also announced a drop in profits."])[0].name == "AT and T"
    both = attributions(["Zorvex, Hewlett-Packard and others say Intel is not to blame."])[0]
    assert (both.name, both.kind) == ("Zorvex, Hewlett-Packard and others", "group")
    after = attributions(["Zorvex, Hewlett-Packard and others say Intel is not to blame.", "The real culprits, they said, are the makers that rushed."])[1]
    assert after.name == "Zorvex, Hewlett-Packard and others"
    assert attributions(["Most big computer makers said the flaws were minor."])[0].name == "Most big computer makers"
    pair = attributions(["Yeltsin met Kuchma on Monday.", "Yeltsin and Kuchma called for a fast ratification of the treaty, saying it would help."])[1]
    assert pair.kind == "group"


def test_a_surname_with_a_particle_the_tagger_left_out_is_part_of_the_name():
    speaker = attributions(['Calling for a new flag, republican Maria Lopes a Court said, "We need the smell of pine."'])[0]
    assert speaker.name == "Maria Lopes a Court"
    # An apposition set off by commas is a description, not the name.
    assert attributions(["Maria Lopes, a lawyer, said the plan failed."])[0].name == "Maria Lopes"


def test_whatever_says_that_is_the_speaker_a_short_name_read_as_a_noun_too():
    assert attributions(["The Portland, Ore., thrift said the restructuring should help it meet new standards."])[0].name == "the Portland, Ore., thrift"
    assert attributions(["Acquisition said 2 million shares have been tendered under its offer."])[0].name == "Acquisition"
    # Two subjects of one "say" is a misparse: the one not speaking is no speaker.
    assert attributions(["It is, in short, the kind of job many young doctors say they have had to fight for."])[0].name != "the kind of job"


def test_a_clause_only_set_beside_a_report_gets_no_frame() -> None:
    # "X said A; B": B is no part of what X said.
    sentence = "The ministry said the roads were closed; rescuers reached the village after dark on Monday."
    ministry = attribute([sentence], 0)
    clause = "rescuers reached the village after dark on Monday."
    assert attributed("Rescuers reached the village after dark on Monday.", ministry, clause, sentence) == (
        "Rescuers reached the village after dark on Monday.")
    # A clause the reporting verb governs gets it back, in the article's word.
    sentence = "The ministry says the roads are closed and that rescuers will reach the village on Monday."
    ministry = attribute([sentence], 0)
    clause = "rescuers will reach the village on Monday."
    assert attributed("Rescuers will reach the village on Monday.", ministry, clause, sentence) == (
        "The ministry says that rescuers will reach the village on Monday.")


def test_a_quotation_chanted_or_shouted_is_its_subjects_and_a_wondering_is_no_speech() -> None:
    sentences = ["Hundreds of nurses marched on the ministry on Friday.", "``Fair pay now,'' the marchers chanted."]
    assert attribute(sentences, 1).name == "the marchers"
    # Marching "chanting ..." tells what they did: the sentence is the outlet's account.
    assert attribute(["Hundreds of nurses marched around the square chanting ``Fair pay now!''"], 0) == OUTLET_SPEAKER
    wondering = "The size of the loss made some analysts wonder how strong the recovery would be."
    assert attribute([wondering], 0) == OUTLET_SPEAKER


def test_a_contrast_after_a_report_is_the_articles_own() -> None:
    # "X said A, while B ...": the reporting verb reports A; the contrast is drawn by the article.
    sentence = "Mayor Tom Reed said the bridge would reopen in May, while residents were impatient for news."
    assert attribute([sentence], 0, "while residents were impatient for news.") == OUTLET_SPEAKER
    assert attribute([sentence], 0, "Mayor Tom Reed said the bridge would reopen in May,").name == "Tom Reed"
    reed = attribute([sentence], 0)
    clause = "while residents were impatient for news."
    assert attributed("Residents were impatient for news.", reed, clause, sentence) == "Residents were impatient for news."


def test_what_someone_would_say_is_no_report_but_a_refusal_or_reply_is() -> None:
    hypothetical = "Only the most stubborn critics of the governor would deny that the program has worked."
    assert attribute([hypothetical], 0) == OUTLET_SPEAKER
    assert attribute(["The director would say only that the talks had been useful."], 0).name == "the director"


def test_a_document_that_warns_speaks_and_an_aside_in_the_first_person_carries_no_speaker() -> None:
    sentences = ["The council met on Monday.", "An accompanying statement warned of further cuts."]
    assert attribute(sentences, 1).name == "An accompanying statement"
    sentences = ["Some anti-tax groups say the measure is a trick.", "The state's Web site, which we have read, lists every cost."]
    assert attribute(sentences, 1) == OUTLET_SPEAKER


def test_an_aim_to_show_something_is_no_report() -> None:
    travel = "Foreign Minister Anna Berg flew Monday to Lima, seeking to demonstrate that Europe stood by its allies."
    assert attribute([travel], 0) == OUTLET_SPEAKER
    assert attribute(["Anna Berg flew to Lima and said that Europe stood by its allies."], 0).name == "Anna Berg"


def test_a_plan_set_beside_a_reported_plan_stays_the_speakers() -> None:
    # A plan beside the reported one is the speaker's: only the speaker could tell it.
    plan = "The lender said it will sell half of the shares, while its partner will sell the rest."
    assert attribute([plan], 0, "while its partner will sell the rest.").name == "the lender"
    # Inside a quotation the contrast is the speaker's own words.
    quoted = '"We fixed the road in a week, while they waited for a year," the mayor said.'
    assert attribute([quoted], 0, 'while they waited for a year," the mayor said.').name != OUTLET_SPEAKER.name


def test_a_stance_verb_beside_a_main_verb_that_reports_nothing_gives_the_sentence_no_speaker() -> None:
    # The parser may give the main clause's subject to a conjoined "claimed": the storms, not the
    # minister, "claimed lives", and travelling is no report.
    sentence = (
        "Foreign Minister Anna Berg flew Monday to the coast, seeking to show support after the storms "
        "that hit the ports, but mostly claimed rural lives."
    )
    assert attribute([sentence], 0) == OUTLET_SPEAKER
    # Beside another report it is still a statement: "denied A and condemned B".
    assert attribute(["The ministry denied the report and condemned the attack."], 0).name == "the ministry"


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        # A verb of voiced judgement (WordNet's criticize / accuse / praise) speaks for its subject,
        # whatever it judges, a person too.
        ("The regulator accused Mr. Vance of hiding losses from investors.", "The regulator"),
        ("Union leaders lashed out at the board, accusing it of \"plain greed.\"", "Union leaders"),
        ("Councilwoman Rita Moreno praised the volunteers for their work.", "Rita Moreno"),
        ("Farmers criticized the ministry for the late payments.", "Farmers"),
        # "dismiss", "rebut": a judgement only with the "as" of a characterisation.
        ("Hundreds of students dismissed the dean's remarks as arrogant.", "Hundreds of students"),
        # A participle that goes on from the main verb: the main verb's subject.
        ("Ms. Lund welcomed the rival bid, calling it \"a compliment.\"", "Lund"),
        # A stance on what "it" stands for.
        ("Councilman Bo Lind denied it.", "Bo Lind"),
        # A request voiced by a person or a body ("call for", "call on ... to", "demand").
        ("The fishermen's union called for an inquiry into the spill.", "The fishermen's union"),
        ("Senator Ada Voss called on the agency to publish its data.", "Ada Voss"),
        # An inverted report that opens the sentence: the tagger takes its verb for a name.
        ("Replied ministry spokesman Jon Elgar, \"We have not read the letter yet.\"", "Jon Elgar"),
        # An aside between dashes, or a relative clause between commas, broke the parse.
        ("The coach called the referee -- who had sent off two players -- a \"disgrace.\"", "the coach"),
        ("Mr. Arden, who cut his forecast for the year on Monday, called the sell-off \"overdone.\"", "Arden"),
    ],
)
def test_a_speech_act_other_than_say_is_its_subjects(sentence: str, speaker: str) -> None:
    assert attribute([sentence], 0).name.lower().endswith(speaker.lower())


@pytest.mark.parametrize(
    "sentence",
    [
        "The judge dismissed the case on Friday.",  # an act: "dismiss" voices nothing without "as"
        "Hundreds of children marched through the capital on Sunday.",  # doing is not saying
        "Critics could denounce the plan as a giveaway.",  # what someone might say
        "The mayor was criticized for the delays.",  # a passive with nobody named
        "A jury convicted the driver of manslaughter.",  # a verdict, not a statement
        "A nurse called an ambulance to take the boy to hospital.",  # an errand, not a name given
        "The budget calls for 300 new teachers.",  # what a document holds, not a request made
        "The nurse called on her neighbour after lunch.",  # a visit
        "More trouble for an economy that many analysts thought was safe.",  # a relative clause of a fragment
        "The question now is who will voters believe?",  # a question reports nothing
        "It is hard to see how the mayor's critics can claim the program failed.",  # an editorial's embedded question
    ],
)
def test_acts_questions_and_hedges_are_nobodys_statement(sentence: str) -> None:
    assert attribute([sentence], 0) == OUTLET_SPEAKER


def test_a_speech_act_in_a_when_clause_does_not_attribute_the_main_clause() -> None:
    sentence = "The feud took a bitter turn on Monday when the senator called the governor a liar and said he would sue."
    assert attribute([sentence], 0) == OUTLET_SPEAKER


def test_a_quotation_runs_on_with_its_speaker_not_with_a_name_inside_it() -> None:
    story = [
        "The levee will be rebuilt by spring, Mayor Ana Ruiz said.",
        '"The engineers told us the old levee was safe, and they were wrong."',  # Ruiz's words, though "engineers told"
        '"Levee" is a word the town had stopped using.',  # a word quoted in the outlet's own sentence
        "Mr. Hale, a builder, thinks the plan is too costly.",
        '"Who will pay for it?" he asked.',  # a question's speaking verb after the quotation
    ]
    speakers = attributions(story)
    assert speakers[1].name.endswith("Ana Ruiz") and speakers[1].cue == "quote continues"
    assert speakers[2] == OUTLET_SPEAKER
    assert speakers[4].name == "Hale"


def test_a_quotation_that_opens_a_sentence_does_not_close_an_earlier_unclosed_one() -> None:
    # A headline quoted without its closing mark: the next speaker's quotation is not the headline's.
    story = ["The Courier ran its editorial under the headline “The chief must go.", "“He has failed the city,” said councilman Bo Lind."]
    speakers = attributions(story)
    assert speakers[0] == OUTLET_SPEAKER and speakers[1].name == "Bo Lind"


def test_a_role_noun_is_a_person_named_before_only_in_that_role() -> None:
    story = ["Mr. Arden, an analyst, called the sell-off overdone.", "The minister said the markets were calm."]
    assert attributions(story)[1].name == "the minister"
    story = ["Finance Minister Lea Berg met the bankers on Monday.", "The minister said the markets were calm."]
    assert attributions(story)[1].name == "Lea Berg"


def test_a_quotation_goes_on_into_a_new_paragraph_only_when_it_opens_on_a_mark() -> None:
    from factcheck.article import Article, Sentence

    text = (
        'Mayor Ana Ruiz said the levee would be rebuilt. "Nobody will stop us.\n\n'
        '"The river will not decide for us.\n\n'
        "The council met on Monday.\n\n"
        '"We are broke," said Tom Reyes, a farmer. "The bank will not wait.\n\n'
        "The levee failed in May."
    )
    sentences = [
        "Mayor Ana Ruiz said the levee would be rebuilt.", '"Nobody will stop us.', '"The river will not decide for us.',
        "The council met on Monday.", '"We are broke," said Tom Reyes, a farmer.', '"The bank will not wait.', "The levee failed in May.",
    ]
    article = Article(text, sentences=[Sentence(f"S{n}", s, text.index(s), text.index(s) + len(s)) for n, s in enumerate(sentences, 1)])
    paragraphs = article.paragraph_starts
    assert paragraphs == {2, 3, 4, 6}
    speakers = attributions(sentences, paragraphs)
    assert [s.name.endswith("Ana Ruiz") for s in speakers[1:3]] == [True, True]  # the quotation goes on, opening on its mark again
    assert speakers[3] == OUTLET_SPEAKER and speakers[6] == OUTLET_SPEAKER  # a paragraph on no mark ended it
    assert speakers[5].name == "Tom Reyes"
    # Without paragraphs, a sentence opening on a mark opens a new quotation, which closes there: the
    # narration after it is inside none (straight marks read in turn left it "inside").
    story = ['"We will rebuild," Mayor Ana Ruiz said.', '"Nobody will stop us.', '"The river will not decide for us."', "The council met on Monday."]
    assert attributions(story)[2].name.endswith("Ana Ruiz") and attributions(story)[3] == OUTLET_SPEAKER


def test_a_subject_inside_the_quotation_is_not_the_speaker_of_the_verb_after_it() -> None:
    sentence = '"If you look for healthy firms in this town, they are never for sale," said Omar Bell, a broker in Lyon.'
    assert attribute([sentence], 0).name == "Omar Bell"
    # Nor does a clause of a quotation take the name of someone the quotation says spoke.
    story = ["The levee will be rebuilt by spring, Mayor Ana Ruiz said.", '"The engineers said the old levee was safe, and they were wrong."']
    assert attribute(story, 1, '"The engineers said the old levee was safe,').name.endswith("Ana Ruiz")


def test_a_first_person_outside_quotation_marks_is_the_writers_in_written_news() -> None:
    # An editorial's "we": the article quotes what people say, so its own "we" is the outlet's.
    written = ['Senator Ada Lee said the "reform" would pass by June.', "We think it should not."]
    assert attributions(written)[1] == OUTLET_SPEAKER
    # A transcript marks no quotation: its unquoted "we" is the one who spoke last.
    transcript = ["Senator Ada Lee says the reform will pass by June.", "We have the votes, uh, and we will use them."]
    assert attributions(transcript)[1].name.endswith("Ada Lee")


def test_a_newspapers_headline_speaks_as_the_newspaper() -> None:
    assert attribute(['The Daily Star\'s front-page headline read: "Chief must go."'], 0).name == "the Daily Star"
    # Words on a banner nobody is named for are the outlet's report of them.
    assert attribute(['A banner on the bridge read "No more floods."'], 0) == OUTLET_SPEAKER


def test_a_frame_put_back_keeps_the_one_told_with_the_verb() -> None:
    # "The mayor told that ..." is no English: the one told goes with "told", or the verb is "said"
    mayor = Speaker("The mayor", "person", 0, "told")
    sentence = "The mayor told dock workers the port would close, adding that 300 jobs would go."
    assert attributed("300 jobs would go.", mayor, "that 300 jobs would go", sentence) == "The mayor told dock workers that 300 jobs would go."
    sentence = "The mayor told them the port would close, adding that 300 jobs would go."
    assert attributed("300 jobs would go.", mayor, "that 300 jobs would go", sentence) == "The mayor said that 300 jobs would go."


def test_reporting_frame_names_who_says_the_words_at_a_place() -> None:
    sentence = "Ortiz, the officials said, left the port on June 2 and reached the island on June 9."
    assert reporting_frame(sentence, sentence.index("reached")) == ("the officials", "said")
    sentence = "According to a local paper, Ortiz fled in May and was jailed."
    assert reporting_frame(sentence, sentence.index("jailed")) == ("a local paper", "according to")
    sentence = "The mayor said the port, which opened in 1990, would close."
    assert reporting_frame(sentence, sentence.index("opened")) is None  # the writer's background
    assert reporting_frame("The port opened in 1990.", 9) is None


def test_reporting_frame_names_the_speaker_as_the_article_does_and_no_more() -> None:
    # Titles in front and an apposition stay (with the comma that closes it, before the verb)...
    sentence = "The ferry will resume service next week, Transport Minister Ana Ruiz said Monday."
    assert reporting_frame(sentence, sentence.index("resume")) == ("Transport Minister Ana Ruiz", "said")
    sentence = "Ana Ruiz, the transport minister, said the ferry will resume service next week."
    assert reporting_frame(sentence, sentence.index("resume")) == ("Ana Ruiz, the transport minister,", "said")
    # ... a clause about the speaker set off by commas does not: it tells of something else.
    sentence = "Ruiz, who toured the harbour in May, said the ferry will resume service next week."
    assert reporting_frame(sentence, sentence.index("resume")) == ("Ruiz", "said")
    sentence = "The ferry will resume service, according to a port official, who asked not to be named."
    assert reporting_frame(sentence, sentence.index("resume")) == ("a port official", "according to")
    # "X told." is no English: the one told goes with the verb, a pronoun there becomes "said".
    sentence = "The ferry will resume service next week, the minister told a news conference."
    assert reporting_frame(sentence, sentence.index("resume")) == ("the minister", "told a news conference")
    sentence = "The ferry will resume service next week, the minister told him."
    assert reporting_frame(sentence, sentence.index("resume")) == ("the minister", "said")
    sentence = "The ferry will resume service next week, Lena Ortiz, editor of Harbor Notes, a trade newsletter, said."
    assert reporting_frame(sentence, sentence.index("resume")) == ("Lena Ortiz, editor of Harbor Notes, a trade newsletter,", "said")
    # The commas of a place or a list close nothing; a participle is no verb to end on.
    sentence = "The ferry will resume service next week, the Portland, Ore., operator said."
    assert reporting_frame(sentence, sentence.index("resume"))[0] == "the Portland, Ore., operator"
    sentence = "The ferry will resume service next week, Seaways, Harbor Lines and others say."
    assert reporting_frame(sentence, sentence.index("resume")) == ("Seaways, Harbor Lines and others", "say")
    sentence = "Standing beside the mayor, Ruiz pledged to keep the port open, warning Tom Hale that the threat of a strike is real."
    assert reporting_frame(sentence, sentence.index("threat")) == ("Ruiz", "said")  # not Tom Hale, the one warned


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        # A verb of reckoning with a clause is its subject's figure or forecast, as "said" would be
        # (WordNet's reckoning verbs, benchmarks/build_reporting_verbs.py).
        ("Brokers projected that copper prices would climb 8% next year.", "Brokers"),
        ("Dealers reckon the harvest will be the smallest in a decade.", "Dealers"),
        ("The power company calculated that repairs would cost $40 million.", "the power company"),
        ("Harbor Mills Inc. estimated its third-quarter profit dropped 30% to 40%.", "Harbor Mills Inc."),
        # After an aside set off by commas the parser takes "estimated" for an adjective of the noun after it.
        ("Harbor Mills Inc., Dayton, Ohio, estimated profit for its third quarter dropped 30% to 40%.", "Harbor Mills Inc."),
        ("Harbor Mills, based in Dayton, projected revenue would rise 5% this year.", "Harbor Mills"),
    ],
)
def test_a_verb_of_reckoning_with_a_clause_reports_its_subjects_figure(sentence: str, speaker: str) -> None:
    assert attribute([sentence], 0).name == speaker


def test_a_report_coordinated_after_another_verb_is_its_subjects_not_the_reported_subjects() -> None:
    # The parser takes "the plan" for the subject of "said"; it is the subject of what she said.
    story = ["Ms. Okafor said the board had received other offers.",
             'She refused to name the bidders but said the plan "is fully funded and final."']
    assert attributions(story)[1].name == "Okafor"


def test_a_call_for_an_action_named_by_a_gerund_is_voiced_by_its_subject() -> None:
    assert attribute(["The two mayors called for widening the river channel before winter."], 0).name == "the two mayors"


def test_a_speaker_named_by_a_possessive_pronoun_is_whose_it_is() -> None:
    story = ["Governor Ann Lowe toured the flooded towns on Monday.", "Her aides said repairs would take a year."]
    assert attributions(story)[1].name == "Ann Lowe’s aides" and attributions(story)[1].sentence == 0
    # Nobody the pronoun may stand for: the phrase stays as written.
    assert attributions(["Police questioned the boy on Monday.", "His lawyers said he was innocent."])[1].name == "His lawyers"


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        # The report's subject parsed as the object of "said", its verb as a participle or adjective.
        ("Brightwater Inc., Denver, said its unit, Clearpath Labs Inc., filed with regulators a plan to sell two million shares.", "Brightwater Inc."),
        ("Brightwater Inc. said the latest restructuring affected bank debt that was incurred in 1988.", "Brightwater Inc."),
        # A "that" clause the parser hung on an adverb of "said".
        ("Brightwater, for its part, has said in public filings so far that it will stay independent.", "Brightwater"),
    ],
)
def test_a_report_the_parse_lost_is_still_the_speakers(sentence: str, speaker: str) -> None:
    assert attribute([sentence], 0).name == speaker


def test_a_reply_after_a_participle_aside_is_the_subjects() -> None:
    # The parser takes "asked" for the main verb and "replied" for its clause, with no subject.
    sentence = 'Mayor Ann Lowe yesterday, asked whether she was at least relieved the river is falling, replied: "I see nothing to celebrate yet."'
    assert attribute([sentence], 0).name == "Ann Lowe"


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        # A verb that introduces a quotation after a comma or colon, its own phrase at most between.
        ('The chairman responded, "Nothing, nothing at all."', "the chairman"),
        ('As Judge Nora Pike asked in her dissent, "what purpose does the rule serve" for the families?', "Nora Pike"),
        # Any verb right after a quotation closed on a comma, with a name as its subject after it.
        ('If so, "the damage could last for years," frets former treasury chief Alma Dorn.', "Alma Dorn"),
    ],
)
def test_a_quotation_introduced_or_followed_by_any_verb_of_saying_is_its_subjects(sentence: str, speaker: str) -> None:
    assert attribute([sentence], 0).name == speaker


def test_an_infinitive_of_going_on_reports_for_the_subject_of_the_verb_it_hangs_on() -> None:
    story = ["Alma Dorn spoke to reporters on Monday.", "She went on to add that the town would be rebuilt."]
    assert attributions(story)[1].name == "Alma Dorn"


def test_a_noun_said_is_no_report() -> None:
    assert attribute(["The mayor said a prayer for the workers killed in the fire."], 0) == OUTLET_SPEAKER
    assert attribute(["The mayor said a prayer written by her aunt."], 0) == OUTLET_SPEAKER


def test_a_verb_of_reckoning_without_a_clause_reports_nothing_new() -> None:
    assert attribute(["The ruling figured prominently in the debate."], 0) == OUTLET_SPEAKER
    assert attribute(["The estimated cost of the bridge rose to $40 million."], 0) == OUTLET_SPEAKER
    # A participle that gives the main verb's reason is the writer's account of it, not a figure stated.
    assert attribute(["The council delayed the vote, calculating that a later date would draw more voters."], 0) == OUTLET_SPEAKER
    sentence = "Harbor Mills Inc., Dayton, Ohio, estimated profit for its third quarter dropped 30% to 40%."
    assert reporting_frame(sentence, sentence.index("dropped")) == ("Harbor Mills Inc., Dayton, Ohio,", "estimated")


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        ("Ruth Alder, a bank analyst, finds the merger terms still too generous.", "Ruth Alder"),
        ("Ms. Okafor considers the new levy a mistake.", "Okafor"),
        ("The treasurer is convinced that the budget will balance.", "the treasurer"),
        ("The dockers' union objected to the new shift rules.", "the dockers' union"),
        ("Economists are predicting weaker exports this winter.", "Economists"),
        ("The senator echoed the governor's view of the pact.", "the senator"),
    ],
)
def test_a_view_the_subject_holds_is_theirs(sentence: str, speaker: str) -> None:
    # A judging verb with a small clause, certainty with a clause, "object to", a forecast: the subject's claim.
    assert attribute([sentence], 0).name.endswith(speaker)


@pytest.mark.parametrize(
    "sentence",
    [
        "Divers found the wreck off the cape.",  # "find" with an object alone is an event
        "The favourite is sure to win the race.",  # certainty with no clause says nothing held
        "Thunder echoed through the valley.",
        "New evidence is suggesting that the two fires were linked.",  # a thing suggests: the writer infers
        "The latest data indicate that sales fell.",
        "The mill finds itself short of timber this year.",  # the subject's own state, no view of anything
    ],
)
def test_events_and_things_that_suggest_are_no_speakers(sentence: str) -> None:
    assert attribute([sentence], 0) == OUTLET_SPEAKER


def test_a_study_or_a_body_still_suggests_as_a_speaker() -> None:
    assert attribute(["The study suggests that the vaccine works."], 0).name == "the study"
    assert attribute(["A group led by two partners, Ann Cole and Ben Fry, indicated it would bid."], 0).name.startswith("A group")


def test_an_inverted_chant_after_its_quotation_is_the_chanters() -> None:
    assert attribute(['"Bring them home," chanted hundreds of mothers.'], 0).name == "hundreds of mothers"


def test_a_percentage_of_people_speaks_as_its_poll_or_as_those_counted() -> None:
    assert attribute(["In a survey released Monday, 58 percent of those asked said they feared a recession."], 0).name == "a survey"
    assert attribute(["Forty percent of farmers said the subsidy came too late."], 0).name == "farmers"
    assert attribute(["Hundreds of nurses said they would strike."], 0).name == "Hundreds of nurses"


def test_a_name_inside_a_quotation_is_never_who_speaks_next() -> None:
    story = ["Pastor Tom Reed visited the family on Sunday.", '"Carlos Mendez is a devoted father."', "He said the child should go home."]
    assert attributions(story)[2].name == "Tom Reed"


def test_a_parenthetical_report_frames_the_main_clause_not_its_adverbial_clause() -> None:
    sentence = "Soon after the governor announced that fuel taxes would rise, analysts note, sales of cars fell."
    assert attribute([sentence], 0).name == "analysts"
    assert attribute(["Trade slowed, say shipping agents and some port officials."], 0).name == "shipping agents and some port officials"


def test_a_name_in_front_of_a_common_noun_says_whose_speaker() -> None:
    assert attribute(["The Carter administration considers the embargo essential."], 0).name == "the Carter administration"
    assert attribute(["Spokeswoman Ida Moss said the talks failed."], 0).name.endswith("Ida Moss")


def test_figures_that_show_something_do_not_speak_but_political_figures_do():
    # WordNet's "figure" is a diagram, a digit and a notable person: a plural that shows or is
    # released is the figures; one that warns or says is people.
    sentences = [
        "Figures released today show exports fell 4 percent.",
        "The numbers confirmed that imports rose.",
        "Several political figures warned that the vote would be delayed.",
        "Key figures in the party denied the report.",
    ]
    assert attribute(sentences, 0).is_outlet and attribute(sentences, 1).is_outlet
    assert attribute(sentences, 2).name == "Several political figures"
    assert attribute(sentences, 3).name.startswith("Key figures in the party")


def test_a_verb_that_ascribes_a_cause_reports_the_subjects_account() -> None:
    # "attributed the increase to X": the subject's account of why, not the outlet's.
    speakers = attributions([
        "Brandt Industries Inc. said its profit rose 30%.",
        "The Ohio-based maker attributed the increase to higher sales of its pumps.",
        "Analysts ascribe the slump to weak demand in Asia.",
        "The rise was attributed to higher sales.",  # a passive with nobody named
        "The bank credited the account last week.",  # no cause named: an act
    ])
    assert speakers[1].name == "Brandt Industries Inc."  # "-based" says where, not which business
    assert speakers[2].name == "Analysts"
    assert speakers[3].is_outlet and speakers[4].is_outlet


def test_a_speakers_name_keeps_its_own_s_and_loses_where_it_is_based() -> None:
    speakers = attributions([
        "Hardee's said it would close 40 restaurants.",
        "Acme's spokesman said the plant would stay open.",
        "Dayton, Ohio-based First of Ohio said it would buy the thrift.",
    ])
    assert speakers[0].name == "Hardee's"  # owns nothing: the name's own "'s"
    assert speakers[1].name == "Acme's spokesman"
    assert speakers[2].name == "First of Ohio"  # not the place that says where it is based


def test_a_list_of_trades_before_the_business_noun_and_an_interview_speak_for_who_speaks() -> None:
    speakers = attributions([
        "Brandt Industries Inc. posted higher profit.",
        "The giant foods, tobacco and brewing company said it would cut 2,000 jobs.",
        "Interviews with four big insurers confirm that premiums are rising.",
    ])
    assert speakers[1].name == "Brandt Industries Inc."  # the parser hangs the list on "foods"
    assert speakers[2].name == "four big insurers"  # not the act of interviewing


def test_a_transcripts_soundbite_paragraph_is_the_person_the_reporter_introduced() -> None:
    # Broadcast copy marks no quotation: a paragraph of its own after "She says ..." that attributes
    # nothing and names nobody is her recorded voice; narration and the sign-off stay the outlet's.
    paragraphs = [
        ["Winter is hard in the valley this year.", "Jane Roe reports from the capital."],
        ["Floods have cut the main road for weeks.", "A local doctor, Ann Kirby, runs the only clinic in the district.",
         "She says supplies of medicine are short, but the clinic stays open."],
        ["Patients do not come when the river is high, but they do not stop being sick.", "And today, the clinic is w- the only one left."],
        ["Ms. Kirby says the government has promised help.", "The road may reopen next month."],
        ["The river rose again on Tuesday."],
        ["Mr. Hale says the farmers are worried."],
        ["Spring has many of these farmers in a panic.", "Uh, uh they believe, or at least many of them believe, uh that the rain will stop."],
        ["Jane Roe, Radio News, the capital."],
    ]
    sentences = [s for p in paragraphs for s in p]
    starts = [sum(len(p) for p in paragraphs[:k]) for k in range(1, len(paragraphs))]
    speakers = attributions(sentences, starts)
    names = [sp.name for sp in speakers]
    assert names[5:7] == ["Ann Kirby", "Ann Kirby"]
    assert speakers[8].is_outlet and speakers[9].is_outlet  # after narration, not a person's "says"
    assert names[11:13] == ["Hale", "Hale"]  # "they believe" inside a hesitant soundbite is his words
    assert speakers[13].is_outlet
    # Written news quotes what people say: the same paragraphs with no break are the writer's.
    assert attributions(sentences)[5].is_outlet


def test_a_name_with_an_ampersand_is_one_organisation_that_the_company_stands_for() -> None:
    speakers = attributions([
        "HARBOR TOOL & DIE Corp. said it would omit its dividend.",
        "About 2 million shares were tendered, the company said.",
        "Milton Grange Federal Savings & Loan Association said it would close 12 branches.",
        "Its shares fell 25 cents.",
        "The thrift's board met on Monday.",
        "Deposits rose 3%.",
        "Loans fell 2%.",
        "Initially, the company said it will close its leasing unit.",
    ])
    assert speakers[0].name == "HARBOR TOOL & DIE Corp."  # not cut at the parser's apposition
    assert speakers[1].name == "HARBOR TOOL & DIE Corp."
    assert speakers[2].name == "Milton Grange Federal Savings & Loan Association" and speakers[2].kind != "person"
    assert speakers[7].name == "Milton Grange Federal Savings & Loan Association"  # named five sentences before


def test_a_fronted_as_clause_before_a_wire_quotation_is_its_speakers() -> None:
    # Wire copy types its marks as `` and '': the tokenizer splits `` into two backticks.
    speakers = attributions(["As Judge Maria Ortiz asked in a sharp dissent, ``what good does it do'' to fine a family ``that has nothing left?''"])
    assert speakers[0].name == "Maria Ortiz"


def test_a_stance_beside_a_clause_of_the_articles_own_leaves_the_sentence_the_outlets() -> None:
    speakers = attributions([
        "Maria Lopez was abducted from her shop on Monday, police said.",
        "Her abductors demanded a ransom of $500,000, but talks broke down on Wednesday.",
        "The union denied the charges.",
        "Acme attributed the loss to fears that prices may fall and demand slacken.",
    ])
    assert speakers[1].is_outlet  # a demand reports no content; the talks' breakdown is the article's
    assert speakers[2].name == "the union"  # a stance alone is the subject's
    assert speakers[3].name == "Acme"  # an "and" inside the object joins no clause of the article's


def test_say_with_a_name_for_its_object_reports_what_the_name_did() -> None:
    # A garbled broadcast sentence the parser reads as "says [Acme]": "say" takes no name for its object.
    speakers = attributions(["Secretary Lindqvist says Acme two weeks ago, or gave them two weeks to draw up a new plan."])
    assert speakers[0].name == "Lindqvist"


def test_the_company_is_no_exchange_whose_name_starts_like_a_businesss() -> None:
    # "the" is no first word of a name: "the Big Board" is no short form of "the Hanley Savings Bank".
    speakers = attributions([
        "The Hanley Savings Bank said it would close two branches.",
        "Trading in Zentrix was halted on the Big Board, the Big Board said.",
        "Zentrix Corp. fell 1/8 to 31.",
        "The chip concern said the halt would be brief.",
    ])
    assert speakers[3].name == "Zentrix Corp."



def test_the_companies_are_never_one_business() -> None:
    merged = attributions(["Corbin Corp. said it would sell its plant.", "Corbin Corp. was merged into Dade Inc., the companies said."])
    assert merged[1].name == "the companies"  # two businesses: no single name stands for them
    together = attributions(["Hale Inc. and Ruiz Corp. said they would merge.", "The companies said the deal was final."])
    assert together[1].name == "Hale Inc. and Ruiz Corp."  # those that spoke together last


def test_it_added_is_whoever_spoke_last_not_the_business_the_words_are_about() -> None:
    sentences = [
        "Harbor Foods Inc. reported a 12% drop in quarterly profit.",
        "Harbor said its snacks division was hurt by higher costs.",
        "The National Baking business benefited from higher prices, it added.",
    ]
    assert attributions(sentences)[2].name == "Harbor"
    # Said, not added: the business the sentence is about may be what "it" is.
    said = [*sentences[:2], "Golden Crust Bakeries Co. expects higher sales next year, it said."]
    assert attributions(said)[2].name == "Golden Crust Bakeries Co."


@pytest.mark.parametrize(
    "sentence",
    [
        "Although the ministry said the talks would resume, the rebels attacked the convoy.",
        "While the mayor insisted the budget was balanced, the council cut the library's hours.",
        "Because the regulator has made clear that it expects rates to fall, lenders cut their fees.",
        "After police said they believed the gunman had fled, residents returned to the square.",
    ],
)
def test_a_report_in_a_fronted_subordinate_clause_is_not_the_main_clauses_speaker(sentence: str) -> None:
    # The main clause, with its own subject, is the article's account; the report is its background.
    assert attributions([sentence])[0].is_outlet


def test_the_fronted_clause_cut_from_its_sentence_keeps_its_own_speaker() -> None:
    sentence = "Although the ministry said the talks would resume, the rebels attacked the convoy."
    assert attribute([sentence], 0, "the ministry said the talks would resume").name == "the ministry"
    assert attribute([sentence], 0, "the rebels attacked the convoy").is_outlet


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("As officials said last week, the bridge will reopen in May.", "officials"),
        ("The bridge will reopen in May, as the transport minister announced on Friday.", "the transport minister"),
        ("Meanwhile, as our correspondent Ana Ruiz reported, farmers began a two-day march to the capital.", "Ana Ruiz"),
    ],
)
def test_as_with_a_report_of_nothing_else_says_who_tells_the_main_clause(sentence: str, speaker: str) -> None:
    assert attributions([sentence])[0].name.endswith(speaker)


def test_a_forecast_borne_out_is_the_articles_account() -> None:
    # "As X predicted, prices rose": the article finds the forecast came true; the rise is its own.
    assert attributions(["Just as the minister predicted, prices rose in March."])[0].is_outlet


def test_as_with_a_report_of_its_own_is_only_when() -> None:
    # "as" + a report with its own clause tells when; the main clause stays the article's.
    assert attributions(["As the union said the strike would end, the first trains left the depot."])[0].is_outlet


def test_a_bare_reporting_parenthetical_the_parser_hangs_on_a_fronted_clause_still_frames_the_sentence() -> None:
    sentence = "Once Ms. Varga saw the figures, she said, but before the board met, she asked for an audit."
    assert attributions(["Ms. Varga runs the fund.", sentence])[1].name == "Varga"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The minister gave assurances that the pensions were safe.", "the minister"),
        ("Top army officers sent strong signals on Sunday that the troops would withdraw.", "Top army officers"),
        ("The president made clear that he would veto the bill.", "the president"),
        ("The central bank made it plain that rates would stay high.", "the central bank"),
        ("The governor expressed concern that the levee would not hold.", "the governor"),
    ],
)
def test_a_clause_put_forth_as_a_message_is_its_givers(sentence: str, speaker: str) -> None:
    assert attributions([sentence])[0].name == speaker


@pytest.mark.parametrize(
    "sentence",
    [
        "The company gave no indication that it would sell the unit.",  # denied: nothing was said
        "The tenants received assurances from the landlord that the heating would be fixed.",  # someone else's message
        "The committee made a decision that surprised the staff.",  # no communication, a relative clause
    ],
)
def test_a_message_not_given_by_the_subject_attributes_nothing_to_it(sentence: str) -> None:
    assert attributions([sentence])[0].is_outlet
