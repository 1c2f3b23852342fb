"""Attribution, standalone claims, structural types and verify templates (factcheck/attribution.py),
on news-like sentences written for these tests."""

from __future__ import annotations

from factcheck.attribution import OUTLET_SPEAKER, Speaker, attribute, attributed, attributions, claim_types, resolve_referents, verify_for

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
    assert speakers[4].name == "the agency" and speakers[4].sentence == 1  # "It said": the organisation that spoke last
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
    assert it.text.startswith("The agency said it would") and it.cited == [1]
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
    from factcheck.attribution import resolve_referents

    previous = ["The U.S. government decision to return the boy does not guarantee his return, the leadership warned."]
    text = "The government exhorted citizens to keep up the protests."
    assert "[" not in resolve_referents(text, text, previous).text


def test_a_number_that_refers_back_is_no_figure_and_a_figure_is_quoted_with_its_noun() -> None:
    from factcheck.attribution import claim_types, verify_for

    assert "statistic" not in claim_types("Mesa had rejected a proposal to combine the two carriers.", "the outlet")
    assert claim_types("StatesWest serves 10 cities in California, Arizona and Nevada.", "the outlet")[0] == "statistic"
    assert "'10 cities'" in verify_for("statistic", "the outlet", "StatesWest serves 10 cities in California, Arizona and Nevada.")
    assert "'$7 a share'" in verify_for("statistic", "the outlet", "It offered $7 a share for the airline.")


def test_a_referent_that_adds_nothing_is_not_bracketed() -> None:
    from factcheck.attribution import resolve_referents

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
    # The whole sentence: one officer, not a second one.
    assert resolve_referents(sentence, sentence, []).text == (
        "A Coast Guard duty officer said the Coast Guard duty officer had seen no sign of the missing trawler."
    )
    # A clause whose frame is put back keeps its pronoun: "X said that he ...".
    split = "A Coast Guard duty officer said the search would go on, adding that he had seen no sign of the missing trawler."
    clause = "he had seen no sign of the missing trawler"
    speaker = attribute(["The trawler left port on Friday.", split], 1, clause)
    text = resolve_referents(clause, split, ["The trawler left port on Friday."]).text
    assert attributed(text, speaker, clause, split) == "A Coast Guard duty officer said that he had seen no sign of the missing trawler"
    # A name or a definite phrase is repeated as it is.
    named = "Maria Lopez confirmed the delay on Monday."
    assert resolve_referents("She said the plane would leave.", "She said the plane would leave.", [named]).text.startswith("Maria Lopez said")


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
