"""Definite participants that point back (factcheck/referents.py): found from the article, resolved
when one earlier phrase says which, else counted as dangling. Invented sentences."""

from __future__ import annotations

from factcheck.referents import _nominalises, dangling, deictic_phrases, leans_on_before, pointing_back, resolve_referents, untold_times


def kinds(text: str, previous: list[str]) -> list[tuple[str, str]]:
    from factcheck.nlp import parse

    doc = parse(text)
    return [(doc[first : noun.i + 1].text, kind) for first, noun, kind in pointing_back(text, previous)]


def test_a_definite_the_article_introduced_with_more_words_points_back() -> None:
    before = ["The zoning board ruled on Monday that the tower could not be built."]
    assert kinds("Neighbours said they would test the ruling in court.", before) == [("the ruling", "definite")]
    men = ["Two men, Ron Hale and Mick Dunn, were arrested near the harbour on Friday."]
    assert kinds("One of the two men was freed on bail.", men) == [("the two men", "definite")]
    suspect = ["Police said a suspect was seen near the school."]
    assert dangling("The suspect fled in a grey van.", previous=suspect) == ["The suspect"]


def test_a_definite_the_article_never_introduced_is_one_the_reader_knows() -> None:
    before = ["The board cut its dividend on Monday.", "Shares fell 4% in early trading."]
    assert dangling("The government said the economy grew 2% last year.", previous=before) == []
    # Every earlier mention as bare as this one: a thing of the story's world, not a referent to give.
    assert dangling("The mayor said the budget was balanced.", previous=["The mayor spoke on Friday."]) == []
    # Another thing with the same head is not what it points back to.
    rival = ["The Lebanese government met on Sunday."]
    assert dangling("The Israeli government said prices rose.", previous=rival) == []


def test_what_says_which_is_not_dangling() -> None:
    before = ["Prosecutors brought charges against Ann Bell in May."]
    assert dangling("The charges against Ann Bell were dropped on Friday.", previous=before) == []
    assert dangling("The plight of women in remote villages is grim, she said.", previous=["A plight was described."]) == ["she"]
    # Without the article nothing is said of a bare "the plan": as before.
    assert dangling("The suspect fled in a grey van.") == []


def test_other_since_then_and_relational_words_point_back() -> None:
    before = ["A sniper shot a doctor in his kitchen in October."]
    assert dangling("Police linked four other sniper attacks to the gunman.", previous=before) == ["four other sniper attacks", "the gunman"]
    assert dangling("Since then, 42 clinics have hired guards.", previous=before) == ["Since then"]
    assert kinds("The subsequent search found a rifle.", before) == [("The subsequent search", "relational")]
    # Compared with what the clause names: "other" says nothing the reader lacks.
    assert dangling("Soldiers fought rebels and other armed groups.", previous=before) == []
    assert dangling("Besides the bank, the firm owns three other businesses.", previous=before) == []
    assert dangling("Ann Bell's duties will be split among three other executives.", previous=before) == []


def test_a_quoted_demonstrative_the_article_introduced_and_a_demonstrative_subject_dangle() -> None:
    before = ["A constitutional convention voted on Friday to end the monarchy."]
    assert dangling("``This convention will be remembered,'' Ann Bell said.", previous=before) == ["This convention"]
    assert dangling("Whether this will help the town is yet to be seen.", previous=before) == ["this"]


def test_one_earlier_phrase_that_says_which_resolves_it() -> None:
    before = ["Residents protested on Monday against the Harbor County ruling."]
    text = "Residents said they would test the ruling in court."
    resolved = resolve_referents(text, text, before)
    assert resolved.text == "Residents said they would test the Harbor County ruling in court."
    assert resolved.cited == [0] and not dangling(resolved.text, previous=before)
    charge = ["A federal grand jury indicted Ann Bell on a federal charge of fraud."]
    text = "The federal charge carries a 10-year term."
    resolved = resolve_referents(text, text, charge)
    assert resolved.text == "The federal charge [a federal charge of fraud] carries a 10-year term."
    assert not dangling(resolved.text, previous=charge)


def test_two_earlier_phrases_or_another_number_resolve_nothing() -> None:
    two = ["Prosecutors brought federal charges against Ann Bell in May.", "Prosecutors brought federal charges against Tom Reed in June."]
    text = "The filing came a week after the federal charges."
    assert "[" not in resolve_referents(text, text, two).text
    three = ["Three men, Ron Hale, Mick Dunn and Al Roe, were arrested."]
    assert "[" not in resolve_referents("The two men were freed.", "The two men were freed.", three).text


def test_a_noun_made_of_a_verb() -> None:
    assert _nominalises("ruling", "rule") and _nominalises("decision", "decide") and _nominalises("shooting", "shoot")
    assert _nominalises("explosion", "explode") and _nominalises("announcement", "announce") and _nominalises("search", "search")
    assert not _nominalises("ring", "rule")


def test_an_its_bound_by_its_verbs_subject_gives_the_antecedent_its_owner() -> None:
    before = ["Harbor Tools Inc. extended its tender offer of $12 a share, or about $90 million, until Nov. 6."]
    text = "Harbor Tools said it extended the offer to give holders more time."
    resolved = resolve_referents(text, text, before)
    assert resolved.text == "Harbor Tools said it extended Harbor Tools Inc.’s tender offer of $12 a share to give holders more time."
    assert resolved.cited == [0] and not dangling(resolved.text, previous=before)
    # Whose "her" is, nothing in the sentence binds: no antecedent.
    rabbi = ["She turned to her rabbi in the settlement of Beit El."]
    assert dangling("The rabbi said the idea was nonsense, the radio said.", previous=rabbi) == ["The rabbi"]


def test_what_the_text_itself_names_or_frames_is_not_pointed_back_to() -> None:
    before = ["Acme Corp. said a Dutch company bought 8% of its shares.", "Talks with the Dutch company ended on Monday."]
    assert dangling("Ann Bell planned to visit Harbor Motors Corp. to discuss a debt to the company.", previous=before) == []
    meeting = ["Ann Bell held a closed-door meeting with Tom Reed on Monday."]
    assert dangling("During the meeting, Bell said prices would rise.", previous=meeting) == []
    # A "that" after a reporting verb opens what it reports; "denied that claim" is a determiner.
    assert dangling("The agency did not name Ritter, but said Friday that team no. 225 made surprise visits.") == []
    assert "that claim" in dangling("Ann Bell denied that claim.")
    # A hyphenated name says which: "the U.N.-Iraq accord" is not "the Feb. 23 accord" said again.
    accord = ["The monitors acted under the Feb. 23 accord signed by Kofi Annan."]
    assert dangling("The U.N.-Iraq accord was worked out by Kofi Annan.", previous=accord) == []


def test_a_counted_definite_set_points_back_unless_the_text_names_its_members() -> None:
    before = ["Presidents Ann Bell of Atlantis and Tom Reed of Lemuria met on Friday."]
    assert dangling("The two presidents signed a trade plan.", previous=before) == ["The two presidents"]
    assert dangling("Bell and Reed, the two presidents, signed a trade plan.", previous=before) == []


def test_a_referent_that_may_be_another_is_refused() -> None:
    # An appositive noun the parse hung on a person is no name for "the country".
    shekar = ['"Why fight?" asked Ann Bell, a clerk in Atlantis, a country taking part in the attack.']
    later = "Someone may push the ruler aside so that the country can start recovering."
    assert "[Ann Bell]" not in resolve_referents(later, later, shekar).text
    # A name's appositive description, many sentences back, with no mention since.
    web = ["The Internet, the global network of computers, reaches every town in the country.", *[f"Firm {n} sells phones in the north." for n in range(6)]]
    link = "With intranets in place, firms link the network to other companies."
    assert resolve_referents(link, link, web).text == link
    # "December's figures" are not "the job figures for January".
    jobs = ["The job figures for January extended a surge in hiring."]
    december = "After a revision to December's figures, the economy added jobs."
    assert "January" not in resolve_referents(december, december, jobs).text
    # "the chief of staff" says which itself: no name spliced in before its "of staff".
    chief = ["The president's son told White House Chief of Staff Tom Reed that he had lost support."]
    message = "The message to the chief of staff was a hint to resign, a source said."
    assert "of Staff of staff" not in resolve_referents(message, message, chief).text
    # Near and named in apposition, it still resolves.
    near = ["Tom Reed, the suspect in the fire, fled on Monday."]
    assert "Tom Reed" in resolve_referents("Police found the suspect on Friday.", "Police found the suspect on Friday.", near).text


def test_a_quoted_third_person_pronoun_left_unresolved_dangles() -> None:
    assert dangling('"They will pay for it," Ann Bell said.') == ["They", "it"]
    assert dangling('"It was a disaster," the mayor said.') == ["It"]
    assert dangling('"His plan failed," the mayor said.') == ["His"]
    # Not when the text names what it stands for, a bracket says so, or the "it" is empty.
    assert dangling('"It is clear that the plan failed," the mayor said.') == []
    assert dangling('"It makes no sense for us to sell now," the mayor said.') == []
    assert dangling('The mayor said: "The plan failed and it cost millions."') == []
    assert dangling('Ann Bell said the rebels "will not give up their guns."') == []
    assert dangling('"He [Tom Reed] may have fled," the agent said.') == []


def test_an_indefinite_that_says_only_what_kind_resolves_nothing() -> None:
    # "a constitutional convention", "a television advertisement": what kind, not which one; a
    # bracket repeating it would seem to say which and does not. The claim is left pointing back.
    convention = ["Delegates voted on Monday to hold a constitutional convention next year.", "The vote was close."]
    text = "The convention will meet in Canberra."
    assert resolve_referents(text, text, convention).text == text
    advert = ["The senator's campaign paid for a television advertisement last week."]
    text = "The advertisement was pulled on Friday."
    assert resolve_referents(text, text, advert).text == text
    # A name, an owner, an amount or what it is about says which.
    named = ["Voters in Ohio saw a Harlow campaign advertisement last week."]
    assert resolve_referents(text, text, named).text == "The advertisement [a Harlow campaign advertisement] was pulled on Friday."
    loss = ["Acme posted a quarterly loss of $12 million."]
    text = "Analysts blamed the loss on weak sales."
    assert resolve_referents(text, text, loss).text == "Analysts blamed the loss [a quarterly loss of $12 million] on weak sales."
    # Nor does a phrase that is no one thing ("any bank"), or one whose amount the clause contradicts.
    rule = ["Regulators require any federal bank to hold reserves."]
    text = "The bank said it would comply."
    assert "[" not in resolve_referents(text, text, rule).text
    credit = ["Acme had a tax credit of $1.4 million in the quarter."]
    text = "In the year-earlier quarter, the tax credit was $3.3 million."
    assert "[" not in resolve_referents(text, text, credit).text
    # Two such introductions: which law is meant is not sure either way.
    laws = ["The court upheld a discriminatory immigration law on Monday.", "It also struck down a tax law."]
    text = "Critics said the law hurts fathers."
    assert resolve_referents(text, text, laws).text == text


def test_a_name_in_the_phrase_says_which_and_a_shared_head_is_not_split() -> None:
    inspectors = ["U.N. weapons inspectors arrived in Baghdad on Monday.", "They toured two sites."]
    assert dangling("The U.N. inspectors left on Friday.", previous=inspectors) == []
    sources = ["Tom Reed lost much of his support, White House and Republican sources said Monday.", "He denied it."]
    text = "Reed was told that he had lost the Cabinet, the sources said."
    assert resolve_referents(text, text, sources).text == "Reed was told that he had lost the Cabinet, the sources [White House and Republican sources] said."


def test_the_company_is_the_one_business_introduced_by_name() -> None:
    venture = ["Pilot Ann Bell is moving to Canada, she said.", "With Tom Reed, Bell set up a joint venture called Lumen 1990, making drones."]
    text = "Bell will move to the company's headquarters."
    assert resolve_referents(text, text, venture).text == "Bell will move to Lumen 1990’s headquarters."
    # Another company named besides: which one is not sure.
    rival = [*venture, "Lumen 1990 buys its parts from Acme Corp."]
    assert resolve_referents(text, text, rival).text == text


def test_a_pronoun_never_becomes_a_person_named_inside_another_phrase_or_of_the_other_gender() -> None:
    # The man is named only in an of-phrase and as a possessor; the woman is introduced by "She".
    story = ["Activists have taken up the cause of young Tomas Varga in the capital.", "Tomas Varga's ordeal was reported on radio for weeks."]
    text = "She is the general's elder sister, Lidia."
    assert resolve_referents(text, text, story).text == text  # the clause says who she is
    after = [*story, text]
    text = "She has not spoken to her brother since."
    assert "Varga" not in resolve_referents(text, text, after).text
    assert resolve_referents("He said the book was late.", "He said the book was late.", ["The film tells the life of Anna Berg."]).text == "He said the book was late."
    # "his sister, Ann" says she is a woman: "he" is not her.
    family = ["His sister, Ann Kerr, filed the suit on Monday."]
    assert "Kerr" not in resolve_referents("He refused to comment.", "He refused to comment.", family).text


def test_a_pronoun_still_becomes_the_main_subject_or_the_titled_person() -> None:
    smith = ["Mr. Smith said the plant would close.", "Workers were angry."]
    text = "He added that talks would continue."
    assert resolve_referents(text, text, smith).text == "Smith added that talks would continue."
    mayor = ["Mary Jones, the mayor, opened the bridge on Monday."]
    text = "She said the city would pay for repairs."
    assert resolve_referents(text, text, mayor).text == "Mary Jones said the city would pay for repairs."
    lopez = ["Mrs. Lopez met the envoy, John Carter, in Lima."]
    assert resolve_referents("She said the talks went well.", "She said the talks went well.", lopez).text == "Lopez said the talks went well."


def test_a_pronoun_with_nothing_it_may_stand_for_dangles_in_any_role() -> None:
    # A possessive inside the subject it would stand for; an object pronoun that is not its own
    # clause's subject; "its" with only plural nouns before it; a demonstrative subject of a side clause.
    assert dangling("Their lawyers filed an appeal on Tuesday.", previous=[]) == ["Their"]
    assert dangling("Prosecutors said they would hand them over to the court.", previous=[]) == ["them"]
    assert dangling("Officials opened its doors on Friday.", previous=[]) == ["its"]
    assert dangling("Once that happens, the bridge will reopen.", previous=[]) == ["that"]
    # What they may stand for is in the text.
    assert dangling("The bank closed its doors on Friday.", previous=[]) == []
    assert dangling("In its report, the agency found no damage.", previous=[]) == []
    assert dangling("Police arrested two men and questioned them on Friday.", previous=[]) == []


def test_a_bare_definite_person_group_or_happening_dangles_in_a_claim() -> None:
    before = ["A boy of six was pulled from the sea by fishermen.", "Relatives flew in from abroad."]
    assert dangling("The child was flown back to Cuba on Monday.", previous=before) == ["The child"]
    assert dangling("The delegation arrived at the airport.", previous=before) == ["The delegation"]
    assert dangling("The tragedy shocked the town.", previous=before) == ["The tragedy"]
    assert dangling("An accompanying statement gave no figures.", previous=before) == ["accompanying statement"]
    # A role the setting has one of, a name, or a modifier that says which: not dangling.
    assert dangling("The police arrested a man on Friday.", previous=before) == []
    assert dangling("The president of Peru said the port would reopen.", previous=before) == []
    assert dangling("The Peruvian delegation arrived at the airport.", previous=before) == []
    assert dangling("The child who was found on Monday is well.", previous=before) == []
    # Without the article (the summary reads in order) these are not counted.
    assert dangling("The child was flown back to Cuba on Monday.") == []


def test_a_quotation_opening_on_a_demonstrative_subject_dangles() -> None:
    assert dangling('"This is a turning point for the port," the minister said.', previous=[]) == ["This"]
    # The quote names what it speaks of first.
    assert dangling('"The vote was close, and that is what worries us," the minister said.', previous=[]) == []


def test_he_is_never_given_one_of_several_people_named_in_the_sentence_before() -> None:
    # The possessor is no antecedent by itself, but it is a rival: "He" may be Ortega or Tomas.
    previous = ["The president spoke to bankers on Monday.", "Ortega's remarks were aimed at critics who say that Tomas should stay abroad."]
    sentence = "He blamed the smuggler who organised the crossing."
    assert resolve_referents(sentence, sentence, previous).text == sentence
    previous = ["The paper described how the boy's aunts, Rosa Vidal and Carmen Soto, were treated during the visit."]
    sentence = "He repeated charges that his relatives had offered him money."
    assert resolve_referents(sentence, sentence, previous).text == sentence
    # One person named there is still the one meant.
    previous = ["Critics say that Tomas should stay abroad."]
    assert resolve_referents(sentence, sentence, previous).text.startswith("Tomas repeated")


def test_a_possessive_pronoun_is_not_resolved_by_the_noun_it_belongs_to() -> None:
    # "His mother": the mother is not who "his" is; the claim does not say whose mother.
    assert dangling("His mother and two others died at sea.") == ["His"]
    assert dangling("In his first speech, Howard called for calm.") == []


def test_a_definite_the_story_began_with_as_known_needs_no_referent() -> None:
    # Its first mention was as bare: a thing of the story's world, whatever came in between.
    before = ["The economy grew at a brisk pace, the government said.", "``We have a strong economy,'' an analyst said."]
    assert dangling("Economists expect the economy to slow next year.", previous=before) == []
    # Not first met bare after the lede: then it may be a thing told of in other words.
    law = ["The court upheld a disputed immigration law on Monday.", "Under the statute, a child born abroad is a citizen.", "Judges were split."]
    assert dangling("The department supported the statute.", previous=law) == ["the statute"]
    # A kind its compound names, never introduced: "the stock market", "the peace process".
    assert dangling("Analysts said the stock market would recover.", previous=["Shares of the airline fell."]) == []
    # But a first mention that said more is what a shorter one stands for.
    rates = ["The unemployment rate fell to 4 percent in May."]
    assert dangling("The rate for women rose.", previous=rates) == ["The rate"]


def test_a_superlative_a_bracket_or_the_claim_itself_says_which() -> None:
    patients = ["Hospitals treat sick patients from every region."]
    assert dangling("Doctors said care is already given to the most needy patients.", previous=patients) == []
    assert dangling("The sickest patients are treated first.", previous=patients) == []
    resolution = ["Ministers backed U.N. Resolution 99 on Sunday."]
    assert dangling("That 1978 resolution [U.N. Resolution 99] calls for a withdrawal.", previous=resolution) == []
    # A quotation's demonstrative whose noun the claim itself introduced.
    habits = ["A panel studied old habits in schools."]
    assert dangling("The board said it acts on habits ``even when those habits are wrong.''", previous=habits) == []


def test_a_date_does_not_say_which_one() -> None:
    leaders = ["Ann Bell of Ruritania and Tom Reed of Freedonia met in Geneva.", "A treaty that the two presidents signed in May is stalled."]
    assert dangling("The two presidents on Friday signed a trade plan.", previous=leaders) == ["The two presidents"]
    trip = ["Ann Bell will travel to Peru in late November."]
    assert dangling("The late-November trip will be her first abroad.", previous=trip) == ["The late-November trip"]


def test_a_message_or_happening_told_before_is_a_participant_after_a_preposition() -> None:
    bomb = ["A bomb exploded near a market in the capital on Monday."]
    assert dangling("Twelve people were killed in the explosion, police said.", previous=bomb) == ["the explosion"]
    # Never told of before: "the end", "the way" are no participant to give.
    assert dangling("Twelve people were killed on the way to the hospital, police said.", previous=bomb) == []
    letter = ["The senator sent a letter to the attorney general last week."]
    assert dangling("Officials said they would reply to the letter soon.", previous=letter) == ["the letter"]
    # The setting's own country is one the story's world has.
    assert dangling("The government said the nation would defend its border.", previous=["Troops crossed the border."]) == []


def test_a_change_of_amount_told_by_its_verb_is_pointed_back_to() -> None:
    sales = ["Quarterly sales at the toy maker rose 12% to $40 million."]
    # "the increase", "the gain": the amount the verb told of, in other words
    assert dangling("The company attributed the increase to strong holiday demand.", previous=sales) == ["the increase"]
    assert dangling("Analysts said the gain surprised them.", previous=sales) == ["the gain"]
    # Never told of: a change of amount the claim itself names, or none before it
    assert dangling("The company attributed the increase to strong holiday demand.", previous=["The toy maker sells games."]) == []
    assert dangling("Sales rose 12%, and the company attributed the increase to demand.", previous=sales) == []
    # "fell": a verb of many senses, but the very one "the decline" derives from
    demand = "The company attributed the decline to weak demand."
    assert [n.text for _, n, _ in pointing_back(demand, ["Shares of the toy maker fell 5% on Monday."])] == ["decline"]
    assert pointing_back(demand, ["Shares of the toy maker sold well on Monday."]) == []
    # Of another kind: a fall told before is not the increase
    assert dangling("Analysts said the gain surprised them.", previous=["Quarterly sales at the toy maker dipped 2%."]) == []


def test_a_reporting_period_that_does_not_say_which_is_untold() -> None:
    # Which quarter: the article dated it before, and no gloss says (a fiscal quarter's months are its own)
    assert untold_times("Toy sales jumped 9% in the quarter, the company said.") == ["the quarter"]
    assert untold_times("For the quarter, the maker posted a loss.") == ["the quarter"]
    # Said which, by the phrase itself or a date beside it
    assert untold_times("Toy sales jumped 9% in the third quarter.") == []
    assert untold_times("Toy sales jumped 9% in the quarter ended Sept. 30.") == []
    assert untold_times("Toy sales jumped 9% in the quarter, against 4% a year earlier in 1988.") == []
    # A year, or the last of a series, does not say which part of the year
    assert untold_times("In the 1990 period, the maker earned $3 million.") == ["the 1990 period"]
    assert untold_times("The latest period included a gain from a land sale.") == ["The latest period"]
    assert untold_times("In the year-ago quarter, the maker lost $2 million.") == ["the year-ago quarter"]
    # After the verb of a figure: the one a year before the figure's, as "a year earlier" is
    assert untold_times("Net rose to $5 million from $2 million in the year-ago quarter.") == []
    # A district is no time
    assert untold_times("Tourists crowded the old quarter of the city.") == []


def test_a_new_or_proposed_one_is_the_one_told_of_before() -> None:
    rules = ["The ministry announced new regulations on organ transplants on Monday."]
    # Told of in other words: which new guidelines, the claim must say.
    assert dangling("Under the new guidelines, donor organs go to the sickest patients first.", previous=rules) == ["the new guidelines"]
    # In its own words, the one earlier phrase says which.
    resolved = resolve_referents("Hospitals object to the new regulations.", "Hospitals object to the new regulations.", rules)
    assert resolved.text == "Hospitals object to the new regulations [new regulations on organ transplants]."
    # Said which by what follows, or the lede itself.
    assert dangling("The new study written by Ann Bell warns of more floods.", previous=rules) == []
    assert dangling("The new guidelines give donor organs to the sickest patients first.", previous=[]) == []


def test_a_comparison_or_degree_whose_standard_lies_before_leans_on_it() -> None:
    before = ["The envoy met the rebels on Monday."]
    assert dangling("The minister was less reticent on Tuesday.", previous=before) == ["less reticent"]
    assert dangling("Officials did not expect many more.", previous=before) == ["many more"]
    assert dangling("The port has never been so busy.", previous=before) == ["so busy"]
    assert dangling("The latter was released on bail.", previous=before) == ["The latter"]
    assert dangling("The rest were flown home.", previous=before) == ["The rest"]
    assert dangling("The bank will do the same.", previous=before) == ["the same"]
    assert dangling("Another was wounded in the leg.", previous=before) == ["Another"]
    assert dangling("The second possibility is a blockade.", previous=before) == ["The second possibility"]
    # The text gives the standard, a result clause, or the comparison is a change of state or a connective.
    assert leans_on_before("The minister was less reticent than Ann Reed.") == []
    assert leans_on_before("Sales rose to 5 million from 4 million.") == []
    assert leans_on_before("A storm was so strong that trees fell.") == []
    assert leans_on_before("Forecasters said the flooding will get worse.") == []
    assert leans_on_before("The less the city borrows, the more is left for schools.") == []
    assert leans_on_before("It is harder to sell shares when prices fall.") == []
    assert leans_on_before("What's more, the bridge reopened on Friday.") == []
    assert leans_on_before("More than 300 people were evacuated.") == []
    assert leans_on_before("One was killed and another was wounded.") == []
    assert leans_on_before("Joblessness is at its highest since the second world war.") == []
    assert leans_on_before("For the second time, the envoy left without a deal.") == []
    assert leans_on_before("The second day of talks ended early.") == []
    # An attributive comparative most often compares with what the clause names: not counted.
    assert leans_on_before("The carrier is pursuing the much larger Mesa Airlines.") == []


def test_a_locative_there_or_a_participant_here_with_no_place_leans_on_the_story() -> None:
    before = ["Troops landed in the north on Monday."]
    assert dangling("Engineers arrived there on Friday.", previous=before) == ["there"]
    assert dangling("The embassy here was closed on Friday.", previous=before) == ["The embassy here"]
    # Existential "there", and a place the text names.
    assert leans_on_before("There were three ships in the harbour.") == []
    assert leans_on_before("Engineers flew to Lagos and worked there for a week.") == []
    assert leans_on_before("Refugees here in Kenya were fed on Friday.") == []


def test_answering_for_an_act_needs_the_act() -> None:
    before = ["A car bomb exploded outside the ministry on Sunday."]
    assert dangling("No group has claimed responsibility.", previous=before) == ["responsibility"]
    assert leans_on_before("No group has claimed responsibility for the blast.") == []
    assert leans_on_before("The bank arranged a $5 million credit facility.") == []
    assert leans_on_before("Ann Reed previously held similar responsibilities at a bank.") == []


def test_a_clause_whose_verb_phrase_is_left_out_leans_on_the_one_before() -> None:
    before = ["The central bank raised rates on Monday."]
    assert dangling("The Treasury did not.", previous=before) == ["did not"]
    assert dangling("Smaller banks will too.", previous=before) == ["will too"]
    assert dangling("So did the Bank of Canada.", previous=before) == ["So did the Bank of Canada"]
    # The verb it stands for is in the text; a comparison; a main verb with its object.
    assert leans_on_before("Rebels promised to leave but did not.") == []
    assert leans_on_before("Rebels will back down if they must.") == []
    assert leans_on_before("Rates rose faster than they did last year.") == []
    assert leans_on_before("The Treasury did its work on Friday.") == []
    # Only in a claim or an event read alone: the summary reads in order.
    assert dangling("The Treasury did not.") == []


def test_a_pronoun_bound_to_the_speaker_of_its_own_sentence_stays_as_written() -> None:
    # Writing the speaker's noun phrase for the pronoun ("An airline spokesman said an airline
    # spokesman had ...") would add a second participant; the sentence names who "he" is.
    before = ["John Hale, a local builder, lost his warehouse to a fire on Monday."]
    for text in (
        "An airline spokesman said he had not seen the letter.",
        "The top commander said he has sent more troops to the border.",
        "A company spokeswoman said she expected the plant to reopen.",
        "The commander told reporters his troops would stay.",
    ):
        assert resolve_referents(text, text, before).text == text
        assert dangling(text) == []
    # Not a thing or a body, nor a plural, nor a noun of the other gender: "he" is someone else.
    assert dangling("The report said he had fled.") == ["he"]
    assert dangling("Officials said he had fled.") == ["he"]
    assert dangling("A spokeswoman said he had fled.") == ["he"]
    assert resolve_referents("The report said he had fled.", "The report said he had fled.", before).text == "The report said John Hale had fled."
    # An object in the reported clause is seldom the speaker: it still dangles.
    assert dangling("The judge said he would sentence him.") == ["him"]


def test_an_act_with_only_its_makers_name_points_back_to_the_act_told_of_before() -> None:
    # The name says whose decision, not which: the board decided it in the sentence before.
    before = ["The Federal Aviation Board decided on Monday that the airport must close at night.", "Airlines protested."]
    assert kinds("Two airlines asked a court to overturn the FAB decision.", before) == [("the FAB decision", "definite")]
    # A message the sentence with the name introduced: "a resolution" of the council.
    council = ["The U.N. council passed a resolution on Monday.", "Both sides welcomed it."]
    assert dangling("The U.N. resolution calls for a truce.", previous=council) == ["The U.N. resolution"]
    # Or one the article named by its number: "the U.N. resolution" is which of the council's?
    numbered = ["The ministers backed U.N. Resolution 12 on Monday.", "Talks went on."]
    assert dangling("Ann Bell said Israel would implement the U.N. resolution.", previous=numbered) == ["the U.N. resolution"]
    # The phrase says which itself (its content after it), or the name
    # was never met with such an act: a name is enough.
    assert kinds("Two airlines asked a court to overturn the FAB decision to close the airport.", before) == []
    assert kinds("The Senate vote is expected next week.", ["The House passed a budget on Friday."]) == []
    # A message that speaks is the claim's speaker, whom the attribution names.
    assert kinds("A truce is the aim, the U.N. resolution said.", council) == []


def test_a_time_counted_from_an_event_the_text_does_not_name() -> None:
    assert untold_times("The following month, the firm filed for bankruptcy.") == ["The following month"]
    assert untold_times("A few days later, police arrested a suspect.") == ["A few days later"]
    assert untold_times("The talks resumed the next day.") == ["the next day"]
    assert untold_times("Police arrested a suspect two days later.") == ["two days later"]
    # A figure set beside the same period a year before: the period the story is of.
    assert untold_times("Sales fell to $8 million from $9 million a year earlier.") == []
    assert untold_times("Prices have risen since then.") == ["since then"]
    # The event it counts from named, a date in brackets after it, or a time from the day of publication.
    assert untold_times("Two days after the vote, the mayor resigned.") == []
    assert untold_times("Three days later (May 5, 1998), police arrested a suspect.") == []
    assert untold_times("The firm will report earnings next month.") == []
    assert untold_times("The deal should close later this year.") == []
    # Words inside a quotation are the speaker's.
    assert untold_times('"A week later we were back," she said.') == []


def test_a_bare_count_whose_population_an_earlier_sentence_gives_does_not_stand_alone() -> None:
    from factcheck.referents import unsaid_populations

    marchers = ["Police fired on demonstrators outside the stadium on Monday."]
    assert dangling("At least 40 were killed, hospital officials said.", previous=marchers) == ["At least 40"]
    analysts = ["Bank analysts were more cautious after the merger."]
    assert dangling("Some had forecast a loss for the year.", previous=analysts) == ["Some"]
    assert unsaid_populations("Most were freed on bail.", ["Police detained 30 students at the border."]) == ["Most"]
    # The sentences before name no population: the verb says what is counted (people), in a lede too.
    assert unsaid_populations("At least 40 were killed in a mudslide in the hills.", ["Rain fell for a week in the region."]) == []
    assert unsaid_populations("At least 40 were killed in a mudslide in the hills.", []) == []
    # The text names what it counts, before it or in its phrase.
    assert unsaid_populations("Of the nine hostages, three were freed.", marchers) == []
    assert unsaid_populations("Three of the hostages were freed.", marchers) == []
    assert unsaid_populations("Twelve members filed reports and all were honoring the ban.", marchers) == []
    assert unsaid_populations("The firm bought 10% of the shares, of which half may be sold.", marchers) == []
    # A figure as an object is most often a measure of its subject; a generic speaker is attribution's.
    assert unsaid_populations("Acme shares fell 1.5 to 120 in heavy trading.", marchers) == []
    assert unsaid_populations("Some say the guards were never told.", marchers) == []
    # A name in digits is no count.
    assert unsaid_populations("The 747 is the carrier's largest plane.", ["Pilots flew new jets to Lagos."]) == []


def test_a_plural_pronoun_with_only_a_place_or_one_person_before_it_dangles() -> None:
    from factcheck.referents import unplaced_plurals

    before = ["The capital is ready for the envoy's visit."]
    assert dangling("In Union Square, they put up a giant stage today.", previous=before) == ["they"]
    assert unplaced_plurals("The envoy's visit is brief, but they are coming home for good.") == ["they"]
    assert unplaced_plurals("Across from the statue of Ann Bell, they hung a banner.") == ["they"]
    # A plural, a coordination, a group before it, or a plural subject after it it looks ahead to.
    assert unplaced_plurals("Ann Bell and Tom Reed said they had agreed.") == []
    assert unplaced_plurals("He said it was good to meet Ann Bell as they prepared for the summit.") == []
    assert unplaced_plurals("In Union Square, residents said they were ready.") == []
    assert unplaced_plurals("The ministry said they would appeal.") == []
    assert unplaced_plurals("In their statement on Friday, the rebels said the truce held.") == []
    # A bracket after the pronoun says who.
    assert unplaced_plurals("In Union Square, they [the organisers] put up a stage.") == []


def test_a_bare_then_or_that_day_counts_from_an_untold_moment() -> None:
    assert untold_times("Then the troops moved into the city.") == ["Then"]
    assert untold_times("The mayor then resigned.") == ["then"]
    assert untold_times("Officials said the mayor then resigned.") == ["then"]
    assert untold_times("The number of patients waiting then begins to rise.") == ["then"]
    assert untold_times("The backlog then grew, and over the years more patients died.") == ["then"]
    assert untold_times("At the time, the mayor was abroad.") == ["At the time"]
    assert untold_times("The mayor was abroad at that time.") == ["that time"]
    assert untold_times("The bridge collapsed that day.") == ["that day"]
    assert untold_times("In those days, the port was busy.") == ["those days"]
    assert untold_times("The mayor resigned the same day.") == ["the same day"]
    # The text tells what it follows, a condition, its own date, or which time it is.
    assert untold_times("Police questioned the man and then released him.") == []
    assert untold_times("If prices fall, then banks will lend more.") == []
    assert untold_times("Then on May 4 the troops moved into the city.") == []
    assert untold_times("At the time of the vote, the mayor was abroad.") == []
    assert untold_times("At the same time, the mayor resigned.") == []
    assert untold_times("He was abroad at the time he was charged.") == []
    assert untold_times("The then mayor denied the charge.") == []


def test_an_object_it_with_nothing_before_it_dangles() -> None:
    from factcheck.referents import unplaced_object_it

    assert dangling("We are going to fight it in court.", previous=["The board passed a new rule."]) == ["it"]
    assert unplaced_object_it("We are going to fight it in court.") == ["it"]
    # A noun before it it may stand for, an empty "it" with its complement after, a quotation.
    assert unplaced_object_it("The union opposes the rule and will fight it.") == []
    assert unplaced_object_it("They made it clear that talks were over.") == []
    assert unplaced_object_it("We find it hard to believe.") == []
    assert unplaced_object_it('"We will fight it," she said.') == []


def test_a_first_person_no_verb_of_speech_in_the_text_gives_a_speaker_to() -> None:
    from factcheck.referents import unspoken_first_person

    assert unspoken_first_person("We are here this week to watch the vote.") == ["We"]
    assert unspoken_first_person("We have seen numbers drop, but this year they rose.") == ["We"]
    assert unspoken_first_person("Ann Bell says we have seen numbers drop.") == []
    assert unspoken_first_person("We will fight, the mayor said.") == []
    assert unspoken_first_person('"We will fight," the mayor said.') == []
def test_an_act_the_article_told_of_in_other_words_points_back() -> None:
    # The noun is WordNet's for the act a verb before told of, or a way of doing it.
    asked = ["The city council asked the state for emergency funds on Monday."]
    assert kinds("The governor rejected the request on Friday.", asked) == [("the request", "definite")]
    shot = ["A night watchman was shot dead outside a warehouse in Leeds on Sunday."]
    assert dangling("Police made an arrest in the killing.", previous=shot) == ["the killing"]
    assert kinds("No group has claimed the slaying.", shot) == [("the slaying", "definite")]
    # A message named before as a narrower kind: "a statement" is a document.
    issued = ["The ministry issued a statement on Tuesday."]
    assert kinds("The document says fares will rise.", issued) == [("The document", "definite")]
    # Not when the text itself tells of it first, nor when nothing before did.
    assert dangling("Gunmen shot dead a cook, and police made an arrest in the killing.", previous=["Rain fell in Leeds."]) == []
    assert dangling("Police made an arrest in the killing.", previous=["Rain fell in Leeds on Sunday."]) == []


def test_a_reporting_verb_or_a_fixed_phrase_tells_of_no_act() -> None:
    # "told" is WordNet's way of ordering too; in a story it only says who speaks.
    # (Both phrases now point back by their kind, a request and a plan being one party's whatever
    # the story said before: tests/test_shell_definites.py; here only what tells of them.)
    from factcheck.nlp import parse
    from factcheck.referents import _told_before

    told = ["The mayor told reporters that the bridge would close in May."]
    request = next(t for t in parse("The governor rejected the request on Friday.") if t.text == "request")
    assert not _told_before(request, told)
    ran = ["The firm ran into trouble with its lenders last year."]
    assert kinds("Analysts said the plan would pay off in the long run.", ran) == [("the plan", "definite")]  # not "the long run"


def test_a_superlative_of_time_does_not_say_which() -> None:
    ruled = ["The appeals court ruled on Monday that the boy could stay with his aunt."]
    assert kinds("Lawyers for the aunt said the latest ruling would be appealed.", ruled) == [("the latest ruling", "definite")]
    bombed = ["A bomb went off outside a bank in the port on Tuesday."]
    assert dangling("No group has claimed the most recent attack.", previous=bombed) == ["the most recent attack"]
    # A superlative that is no time, nor an age, still picks out its referent itself.
    assert dangling("The sickest patients were flown to the capital.", previous=["A storm hit the coast on Monday."]) == []
    assert dangling("The youngest victim was six.", previous=bombed) == []


def test_people_named_only_by_a_place_point_back() -> None:
    before = ["The boy has lived with relatives in Miami since November."]
    assert kinds("The Miami relatives said they would appeal.", before) == [("The Miami relatives", "definite")]
    # Never introduced: the place says which.
    assert kinds("The Miami relatives said they would appeal.", ["The boy arrived in November."]) == []


def test_a_message_the_article_told_its_speaker_make_points_back() -> None:
    told = ["Prime Minister Ann Bell told her Cabinet on Sunday that the army would withdraw."]
    assert dangling("A minister said Bell's remarks marked a change of policy.", previous=told) == ["Bell's remarks"]
    # Never told of before, or no message: the name says which.
    assert dangling("A minister said Bell's remarks marked a change of policy.", previous=["Ann Bell arrived on Sunday."]) == []
    assert dangling("Bell's brother marked a change of policy.", previous=told) == []
    # "performance" is a show as much as a message: not a noun of saying, and "said" tells of none.
    spoke = ["Acme Corp. said on Monday that sales fell."]
    assert dangling("Analysts said Acme's performance was poor.", previous=spoke) == []
def test_the_company_is_the_one_organisation_of_its_kind_named_before() -> None:
    story = [
        "Harlow Pumps Corp., Dayton, Ohio, said quarterly earnings fell 40%.",
        "The company said a strike at its plant cut production.",
        "Harlow Pumps attributed the drop to higher costs.",
    ]
    text = "In fiscal 1988, the company earned $12.5 million."
    # "the company" said again in between, and a shorter form of the name, are the same one.
    assert resolve_referents(text, text, story).text == "In fiscal 1988, the company [Harlow Pumps Corp.] earned $12.5 million."
    text = "The pump maker said sales would recover."
    assert resolve_referents(text, text, story[:1]).text == "The pump maker [Harlow Pumps Corp.] said sales would recover."
    # A body of another kind is no rival; a second business is.
    regulator = [*story, "The Securities and Exchange Commission approved the sale."]
    assert "Harlow Pumps" in resolve_referents("The company has 900 workers.", "The company has 900 workers.", regulator).text
    rival = [*story, "Tarrant Valves Inc. supplies its motors."]
    assert resolve_referents("The company has 900 workers.", "The company has 900 workers.", rival).text == "The company has 900 workers."
    # "another company" may be the one meant rather than the one named.
    another = [*story[:1], "It sold a unit to another company."]
    assert resolve_referents("The company has 900 workers.", "The company has 900 workers.", another).text == "The company has 900 workers."


def test_the_bank_or_the_agency_is_the_one_named_whose_name_says_its_kind() -> None:
    # A "Corp." may be a bank; a "Commission" is none.
    bank = ["Regulators said Harbor Financial Corp. lost $5 million.", "The Securities and Exchange Commission is looking into its loans."]
    text = "The bank had lent heavily to builders."
    assert resolve_referents(text, text, bank).text == "The bank [Harbor Financial Corp.] had lent heavily to builders."
    rival = [*bank, "Tarrant Valves Inc. borrowed from it."]
    assert resolve_referents(text, text, rival).text == text
    agency = ["The Environmental Protection Agency fined Acme Corp. on Monday."]
    text = "The agency said the plant leaked solvents."
    assert resolve_referents(text, text, agency).text == "The Environmental Protection Agency said the plant leaked solvents."
    # A name that does not say its kind is no agency for sure, but may be one.
    wire = ["Reuters quoted witnesses in the capital."]
    assert resolve_referents(text, text, wire).text == text


def test_a_name_whose_apposition_says_it_is_no_organisation_is_no_company() -> None:
    law = ["The thrift must meet standards under the new federal act, the Savings Reform Act."]
    text = "The company said it would sell branches."
    assert resolve_referents(text, text, law).text == text
    # An adjective that says what kind; not one that says it is another.
    pumps = ["Harlow Pumps Corp. said its earnings fell 40%."]
    kind = "The industrial company said prices will rise."
    assert resolve_referents(kind, kind, pumps).text == "The industrial company [Harlow Pumps Corp.] said prices will rise."
    another = "The new company said prices will rise."
    assert resolve_referents(another, another, pumps).text == another
    # A kind word the tagger takes for a name ("Party spokesman") names nothing.
    party = ["Party spokesman Tom Reed said the Harlow League would appeal."]
    vote = "The extremist party won 13 percent of the vote."
    assert "[Party]" not in resolve_referents(vote, vote, party).text
    # A noun whose organisation sense is a rare one is that only with a word that says what trade.
    story = ["Harlow Pumps Corp. said its earnings fell 40%."]
    worry = "The concern is that prices will rise."
    assert resolve_referents(worry, worry, story).text == worry
    trade = "The pump concern said prices will rise."
    assert resolve_referents(trade, trade, story).text == "The pump concern [Harlow Pumps Corp.] said prices will rise."
    # A parse that hangs the verb's object on the name says nothing of its kind.
    story = ["Harlow Pumps Corp., Dayton, Ohio, estimated earnings fell 40%."]
    assert resolve_referents(text, text, story).text == "The company [Harlow Pumps Corp.] said it would sell branches."


def test_a_figure_with_no_owner_gets_the_one_company_acting_before() -> None:
    before = ["Norbury Tools Inc. said its second-quarter net income rose 12% to $8 million.", "The gain came despite weaker prices."]
    for text, noun in [("Revenue climbed 9% to $140 million.", "Revenue"), ("Sales slipped 3% in the period, analysts said.", "Sales"), ("The operating profit was $2 million.", "profit")]:
        resolved = resolve_referents(text, text, before)
        assert f"{noun} [at Norbury Tools Inc.]" in resolved.text
        assert resolved.cited == [0]
        assert dangling(resolved.text, False, before) == []
    # Whose it is, the clause says: left as written.
    for text in ["Revenue at the unit climbed 9%.", "Its revenue climbed 9%.", "Norbury's revenue climbed 9%.", "Revenue climbed 9%, Norbury said."]:
        assert resolve_referents(text, text, before).text == text
    # No owner before: about no one, so nothing put in and nothing dangling.
    assert resolve_referents("Revenue climbed 9%.", "Revenue climbed 9%.", ["The weather was mild."]).text == "Revenue climbed 9%."
    assert dangling("Revenue climbed 9%.", False, ["The weather was mild."]) == []


def test_a_figure_with_no_owner_and_two_companies_before_dangles() -> None:
    before = [
        "Norbury Tools Inc. said its second-quarter net income rose 12% to $8 million.",
        "Separately, Halvard Mills Corp. reported a quarterly profit of $3 million.",
    ]
    text = "Revenue climbed 9% to $140 million."
    assert resolve_referents(text, text, before).text == text
    assert dangling(text, False, before) == ["Revenue"]
    # A rival named only in a side phrase is not whose revenue it is, and not a guess either.
    side = ["Norbury Tools said its net income rose 12%, helped by a strike at rival Halvard Airlines."]
    assert "[at Halvard" not in resolve_referents(text, text, side).text


def test_a_firm_in_apposition_to_a_maker_is_no_titled_person() -> None:
    # "maker" names a person as well as a firm: the apposition does not make the firm a person, so
    # its nearest mention is the one cited (not the first, where the firm "said" what it earned).
    story = [
        "Halvern Data Corp., returning to profit after a loss, said it earned $4 million in the quarter.",
        "Halvern, a maker of disk drives, reported sales of $90 million, up 12%.",
    ]
    text = "In the 1990 period, the company earned $2.5 million."
    resolved = resolve_referents(text, text, story)
    assert resolved.text == "In the 1990 period, the company [Halvern] earned $2.5 million." and resolved.cited == [1]


def test_the_owner_is_the_company_acting_not_a_rival_whose_kind_is_better_known() -> None:
    # "Air Lines" is an airline (two words WordNet has as one), and the rival named in a side
    # phrase, though its name says its kind, is not whose revenue the story tells.
    story = [
        "Vantor Air Lines earnings rose 20%, helped by reduced service at rival Kestrel Airlines.",
        "For the quarter, Vantor posted net income of $40 million.",
    ]
    text = "Revenue rose 11% to $900 million."
    assert resolve_referents(text, text, story).text == "Revenue [at Vantor Air Lines] rose 11% to $900 million."
    assert dangling(text, False, story) == []


def test_a_bare_subject_whose_verb_states_a_figure_has_an_owner() -> None:
    story = [
        "Vantor Air Lines earnings rose 20% in the quarter.",
        "For the quarter, Vantor posted net income of $40 million.",
    ]
    for text, noun in [("Cargo traffic jumped 9% in the quarter.", "Cargo traffic"), ("Year-earlier results included a gain of $3 million.", "Year-earlier results")]:
        assert f"{noun} [at Vantor Air Lines]" in resolve_referents(text, text, story).text
    # Two companies whose figures the story tells: whose it is, is a guess.
    two = [*story, "Separately, Tasman Freight Corp. reported quarterly profit jumped 30% to $6 million."]
    text = "Year-earlier results included a gain of $3 million."
    assert resolve_referents(text, text, two).text == text
    assert dangling(text, False, two) == ["Year-earlier results"]
    # A story whose one organisation tells no figures of its own: the nation's spending, no one's.
    economy = ["The Commerce Department said the economy grew.", "Harbor Securities Inc. economists said the report was weak."]
    text = "Consumer spending rose 0.2% in September."
    assert resolve_referents(text, text, economy).text == text
    assert dangling(text, False, economy) == []
    # A population, a determiner, or a figure in a clause of its own is no owned figure.
    for text in ["Insurers could see claims totaling $1 billion.", "The index fell 2%.", "Weakness hurt the index, which fell 1.4%."]:
        assert "[at" not in resolve_referents(text, text, story).text
    # The owner follows the words that say what of it, not inside them.
    text = "Profit per passenger grew 2%."
    assert resolve_referents(text, text, story).text == "Profit per passenger [at Vantor Air Lines] grew 2%."


def test_a_figure_in_a_story_that_told_no_organisation_s_figures_is_no_one_s() -> None:
    # The one organisation acting is a broker quoted on the economy: "personal income" is the nation's.
    economy = ["Harbor Securities Inc. suspended its program trading on Friday.", "Its economists said the report was weak."]
    text = "Meanwhile, personal income edged up 0.3%."
    assert dangling(text, False, economy) == []
    assert resolve_referents(text, text, economy).text == text


def test_a_description_of_the_one_named_organisation_of_its_kind_gets_its_name() -> None:
    # Where it is based, its city, or its rank in its setting says what kind, not which one.
    airline = ["Vantor Air Lines Inc. said its quarterly profit fell 20%."]
    for text, phrase in [
        ("The Denver-based airline blamed higher fuel costs.", "The Denver-based airline"),
        ("The Denver airline blamed higher fuel costs.", "The Denver airline"),
        ("The nation's largest airline blamed higher fuel costs.", "The nation's largest airline"),
    ]:
        resolved = resolve_referents(text, text, airline)
        assert resolved.text == text.replace(phrase, f"{phrase} [Vantor Air Lines Inc.]"), text
        assert dangling(resolved.text, False, airline) == []
    # Two of that kind named, or one introduced without a name: which one, nothing says.
    two = [*airline, "Kestrel Airlines posted a loss."]
    text = "The Denver-based airline blamed higher fuel costs."
    assert resolve_referents(text, text, two).text == text
    assert dangling(text, False, two) == ["The Denver-based airline"]
    unnamed = [*airline, "A Danish airline also cut fares."]
    text = "The Danish airline blamed higher fuel costs."
    assert resolve_referents(text, text, unnamed).text == text
    assert dangling(text, False, unnamed) == ["The Danish airline"]
    # No organisation of its kind named before: it introduces one.
    agency = ["The Labor Department said prices rose."]
    text = "The nation's largest automaker said sales fell."
    assert resolve_referents(text, text, agency).text == text
    assert dangling(text, False, agency) == []
    # A rank without one ("the nation's automakers") or another one ("the new airline") is no description of it.
    text = "The new airline blamed higher fuel costs."
    assert resolve_referents(text, text, airline).text == text


def test_a_definite_that_only_places_a_firm_is_not_its_name() -> None:
    story = [
        "Harlow Savings Financial Inc. reported a quarterly loss.",
        "The Omaha thrift holding company said it lost $9 million.",
        "Harlow earned $2 million a year earlier.",
    ]
    assert resolve_referents(story[1], story[1], story[:1]).text == (
        "The Omaha thrift holding company [Harlow Savings Financial Inc.] said it lost $9 million."
    )
    text = "The company said its bond holdings had been reduced."
    assert resolve_referents(text, text, story).text == "The company [Harlow Savings Financial Inc.] said its bond holdings had been reduced."


def test_the_company_after_two_businesses_named_dangles() -> None:
    two = ["Ford and General Motors reported results on Monday."]
    text = "The company said profit rose."
    # "General" is the first word of a name, not a general's title: both are businesses.
    assert resolve_referents(text, text, two).text == text
    assert dangling(text, False, two) == ["The company"]
    # A word of one of the names before it in the text says which.
    assert dangling("Several Ford analysts said the company would gain.", False, two) == []
    # Not the subject of its own verb: a firm does not acquire itself.
    banks = ["Harbor Financial Corp. said profit rose.", "Norbury Bank Corp. reported a loss."]
    text = "Norbury Bank Corp. agreed to acquire the Omaha bank holding company."
    assert dangling(text, False, banks) == ["the Omaha bank holding company"]


def test_the_company_named_long_before_another_organisation_acted_is_not_guessed() -> None:
    story = [
        "Norbury Tools Inc. said profit rose 5%.",
        "The Federal Reserve raised interest rates on Monday.",
        "The Fed said inflation was a worry.",
        "Economists said the move was expected.",
        "Bond prices fell sharply.",
        "Traders said more selling was likely.",
        "The Treasury said it would sell more bonds.",
    ]
    text = "The company said it would hire 200 workers."
    assert resolve_referents(text, text, story).text == text
    assert dangling(text, False, story) == ["The company"]
    # Named a few sentences back, or no other organisation acting since: still the one.
    assert resolve_referents(text, text, story[:3]).text == "The company [Norbury Tools Inc.] said it would hire 200 workers."
    quiet = [story[0], "Sales rose 3%.", "Costs fell.", "Analysts were pleased.", "Shares rose.", "Demand was strong.", "Prices held."]
    assert resolve_referents(text, text, quiet).text == "The company [Norbury Tools Inc.] said it would hire 200 workers."


def test_a_savings_and_loan_association_is_a_bank_and_a_company() -> None:
    # Its last words are one WordNet noun; a head word that only begins one ("Savings") says it too.
    for name in ["Harbor Savings & Loan Association", "Harbor Savings"]:
        story = [f"{name} posted a loss of $5 million."]
        for text in ["The bank said it would sell bonds.", "The company said it would sell bonds."]:
            noun = text.split()[1]
            assert resolve_referents(text, text, story).text == text.replace(f"The {noun}", f"The {noun} [{name}]"), (name, text)
    # Not an airline, and not an association of any kind.
    story = ["Harbor Savings & Loan Association posted a loss of $5 million.", "Kestrel Airlines posted a profit."]
    text = "The airline said it would cut fares."
    assert resolve_referents(text, text, story).text == "The airline [Kestrel Airlines] said it would cut fares."


def test_a_name_ending_in_an_abbreviation_keeps_its_full_stop() -> None:
    for story in [["The unit was sold to Dayton Foods Cos."], ["Dayton Foods Cos., New York, sold a unit.", "The unit was sold to Dayton Foods Cos."]]:
        text = "The company said it would pay $5 million."
        assert resolve_referents(text, text, story).text == "The company [Dayton Foods Cos.] said it would pay $5 million."
    # A full stop that only ends the sentence is no part of the name.
    story = ["The unit was sold to Harlow Bank."]
    text = "The bank said it would pay $5 million."
    assert "Harlow Bank." not in resolve_referents(text, text, story).text


def test_the_dividend_of_a_firm_told_as_the_company_is_its() -> None:
    story = ["Harlow Pumps Corp. declared a 2-for-1 stock split.", "The Tulsa, Okla., pump company also raised its quarterly dividend 20% to six cents a share."]
    text = "The dividend had been five cents a share."
    resolved = resolve_referents(text, text, story)
    # The name from the sentence that names it, which the claim cites; the phrase its own words.
    assert resolved.text == "Harlow Pumps Corp.’s dividend had been five cents a share." and resolved.cited == [0]


def test_a_figure_that_stands_at_an_amount_has_an_owner() -> None:
    story = ["Harbor Savings & Loan Association said it lost $5 million in the quarter."]
    text = "On June 30, deposits stood at $108 million."
    assert resolve_referents(text, text, story).text == "On June 30, deposits [at Harbor Savings & Loan Association] stood at $108 million."


def test_the_company_the_story_is_about_and_just_named_is_the_one_of_several() -> None:
    story = [
        "Norbury Foods Inc. suspended work on a new plant.",
        "Rival Tarrant Mills Inc. has gained market share this year.",
        "Norbury Foods said demand had slowed.",
        "Norbury Foods indicated it has room to grow without the plant.",
    ]
    text = "The company has five other plants."
    assert resolve_referents(text, text, story).text == "The company [Norbury Foods] has five other plants."
    # The rival named last, or as often, is as likely: none.
    rival = [*story, "Tarrant Mills Inc. said its plants are full."]
    assert resolve_referents(text, text, rival).text == text
    assert "The company" in dangling(text, False, rival)
def test_a_definite_of_a_kind_the_article_told_in_other_words_points_back() -> None:
    # A law and a statute are both legal documents; an agreement told before is "the treaty", "the pact"
    law = ["Lawmakers in Ruritania passed a strict new law on farm subsidies last year."]
    assert dangling("Under the statute, small farms receive no aid.", previous=law) == ["the statute"]
    agreed = ["The two neighbours agreed on Tuesday to share the river's water."]
    assert dangling("The accord gives each side half of the flow.", previous=agreed) == ["The accord"]
    deal = ["Officials from both countries signed an agreement on fishing quotas."]
    assert dangling("Fishermen said the pact came too late.", previous=deal) == ["the pact"]
    # Never told of before, or said by the text itself, or said which: nothing to point back to
    assert dangling("Under the statute, small farms receive no aid.", previous=["Farm prices fell sharply last year."]) == []
    assert dangling("Lawmakers passed a law, and under the statute small farms receive no aid.", previous=law) == []
    assert dangling("The accord signed in Geneva gives each side half of the flow.", previous=agreed) == []


def test_a_role_in_a_legal_case_lifted_from_its_story_points_back() -> None:
    # A judge, a prosecutor or a lawyer is one of the case the story told of, not one the setting has
    case = ["A farmer in Ruritania sued the water board over a dam on Monday."]
    assert dangling("The judge ruled that dams may stay.", previous=case) == ["The judge"]
    assert dangling("The prosecutors said they would appeal.", previous=case) == ["The prosecutors"]
    # Said which by the phrase itself or by a name, or whose they are: not dangling
    assert dangling("The judges of the Supreme Court ruled that dams may stay.", previous=case) == []
    assert dangling("District Judge Ann Bell ruled that dams may stay.", previous=case) == []
    assert dangling("Lawyers for Ann Bell said they would appeal.", previous=case) == []
    assert dangling("The judge in Ann Bell's case ruled that dams may stay.", previous=case) == []
    # One the setting has, as before; and a lede has no story before it
    assert dangling("The president said dams may stay.", previous=case) == []
    assert dangling("The judge ruled that dams may stay.", previous=[]) == []


def test_a_made_thing_told_of_in_other_words_points_back() -> None:
    jet = ["A jetliner with 120 people aboard crashed near the coast of Ruritania on Sunday."]
    assert dangling("Investigators said the plane had lost an engine.", previous=jet) == ["the plane"]
    refinery = ["Acme will build a refinery in the port of Zed."]
    assert dangling("Acme will own 70% of the plant.", previous=refinery) == ["the plant"]
    # Nothing of its kind told before, or a year that says which one
    assert dangling("Investigators said the plane had lost an engine.", previous=["Storms hit the coast of Ruritania on Sunday."]) == []
    fell = ["Stocks slumped on Friday."]
    assert dangling("Small investors fled after the 1987 crash.", previous=fell) == []
    assert dangling("Small investors fled after the crash.", previous=fell) == ["the crash"]


def test_the_place_of_an_action_the_story_told_of_points_back() -> None:
    summit = ["Leaders of seven nations met in Bonn on Monday."]
    assert dangling("Police sealed off the venue.", previous=summit) == ["the venue"]
    # A kind of place, or one whose action the phrase gives, or nothing told before it
    assert dangling("Ann Bell is new to the political scene.", previous=summit) == []
    assert dangling("Police sealed off the venue of the Bonn meeting.", previous=summit) == []
    assert dangling("Police sealed off the venue.", previous=[]) == []
    assert dangling("Ann Bell was shot twice and died at the scene.", previous=summit) == []


def test_a_possession_told_of_by_its_verb_points_back() -> None:
    lent = ["The Reed family also lent Acme $500,000 on Monday."]
    assert dangling("The loan may be extended for a year.", previous=lent) == ["The loan"]
    assert dangling("The loan may be extended for a year.", previous=["Acme makes boots in Texas."]) == []
# --- deixis: demonstratives, comparisons, lead-ins and sets an item does not give ---------------------

BEFORE = ["The council met on Monday.", "Members argued for three hours."]


def test_a_quoted_demonstrative_with_a_noun_dangles_unless_the_speaker_points_at_his_setting() -> None:
    assert dangling('"That merger is dead," the minister said.', previous=BEFORE) == ["That merger"]
    assert dangling('"We have seen more of this kind of crime," Sheriff Ann Cole said.', previous=BEFORE) == ["this kind"]
    # The speaker's own country or company: the attribution beside the quotation says which.
    assert dangling('"This country will not bow to threats," the president said.', previous=BEFORE) == []
    # A time is `untold_times`' part; a phrase that says which, or a noun named before, gives it.
    assert dangling('"This year will be hard," the minister said.', previous=BEFORE) == []
    assert deictic_phrases('"A merger was offered, and that merger is dead," the minister said.') == []
    assert deictic_phrases('"That part of the plan approved by the Senate in May is dead," she said.') == []


def test_a_demonstrative_before_a_nationality_and_such_before_a_hyphenated_phrase_dangle() -> None:
    assert deictic_phrases("Police said many of those Hungarians were detained.") == ["those Hungarians"]
    assert deictic_phrases("Until then, fruit exports had been refused such tax-free treatment.") == ["such tax-free treatment"]
    assert deictic_phrases("Such bands as the Red Hand were watched.") == []


def test_a_comparison_whose_standard_the_item_does_not_give_dangles() -> None:
    assert deictic_phrases("A similar blast wounded four soldiers in June.") == ["A similar blast"]
    assert deictic_phrases("Flying the shuttle is different, the pilot said.") == ["different"]
    assert deictic_phrases("A further cut in rates is expected.") == ["A further cut"]
    assert deictic_phrases("The remaining farms will be sold at auction.") == ["The remaining farms"]
    assert deictic_phrases("The remaining $6 million will go to the farms.") == ["The remaining $6 million"]


def test_a_comparison_the_item_completes_does_not_dangle() -> None:
    assert deictic_phrases("The blast was similar to one that wounded four soldiers in June.") == []
    assert deictic_phrases("The two proposals are similar, the mayor said.") == []
    assert deictic_phrases("Flying the shuttle is different from flying a jet.") == []
    assert deictic_phrases("Hamas and similar militias were banned.") == []
    assert deictic_phrases("The buyer paid $20 million and an additional $8 million in stock.") == []
    # Not one more than a told one: a kind of request, a ratio of shares.
    assert deictic_phrases("A spokesman declined further comment.") == []
    assert deictic_phrases("Holders may buy two additional shares for every five they own.") == []
    assert deictic_phrases("The remaining 40% of the farms will be sold at auction.") == []


def test_one_more_of_an_amount_the_item_states_does_not_dangle() -> None:
    # "an additional $8 million", "a further 40 cents", "another 5%": one more than an amount told
    # elsewhere, but the amount itself is said, and the item can be checked as it stands.
    assert deictic_phrases("An additional $8 million will be paid in cash.") == []
    assert deictic_phrases("A further 3% price rise is expected.") == []
    assert deictic_phrases("The stock slid a further 40 cents to $12.50.") == []
    assert deictic_phrases("The board approved the purchase of up to an additional two million shares.") == []
    assert deictic_phrases("Farmers will sell the remaining 90 million tons in grain stocks.") == []
    assert dangling("Bond prices fell another 2% on the news.") == []
    # "another" that points out of the item still dangles; one the item names does not.
    assert dangling("A fire broke out at another warehouse.") == ["another warehouse"]
    assert dangling("Another broker, Ann Roe of Smith Securities, cut her rating.") == []
    assert dangling("Sales also slowed in another big unit: printers sold to schools.") == []
    assert dangling("The airline had another hard month.") == []


def test_a_demonstrative_the_item_restricts_or_has_told_does_not_dangle() -> None:
    # A participle right after the noun says which ones, whatever clause the parser made of it.
    assert dangling("Those voters hoping for a quick count will be disappointed.") == []
    assert dangling("The firm said bonuses to those managers not moving with the unit will cost $2 million.") == []
    # The item told it in other words (WordNet), or stated the amount a price or sum points to.
    assert dangling("The two unions began negotiations in May, but those talks broke down.") == []
    assert deictic_phrases("The two unions began negotiations in May, but those talks broke down.") == []
    assert dangling("The shares closed at $14 on Friday; at that price, the bid values the firm at $90 million.") == []
    assert dangling("That price is too low, the union said.") == ["That price"]
    assert dangling("Those talks broke down in May.") == ["Those talks"]


def test_a_lead_in_to_what_the_next_sentences_say_dangles() -> None:
    assert deictic_phrases("Following are excerpts from the judge's ruling.") == ["Following"]
    assert deictic_phrases("The main terms of the accord are as follows.") == ["as follows"]
    assert deictic_phrases("Here are the main points of the budget.") == ["Here are"]
    assert deictic_phrases("The cuts approved by the board include:") == ["include:"]
    assert deictic_phrases("The judge read the following statement.") == ["the following statement"]


def test_a_lead_in_whose_content_the_item_gives_or_a_following_time_does_not_dangle() -> None:
    assert deictic_phrases("The cuts include the following: a new tax and a fee.") == []
    assert deictic_phrases("The terms were as follows: a cash payment and a bond.") == []
    assert deictic_phrases("Following the vote, the mayor resigned.") == []
    assert deictic_phrases("The following week, the mayor resigned.") == []


def test_a_definite_set_an_untold_event_defines_dangles() -> None:
    assert deictic_phrases("The cars recalled were built in Ohio.") == ["The cars recalled"]
    assert deictic_phrases("Half of the tickets sold went to visitors.") == ["the tickets sold"]
    assert deictic_phrases("The schools that were closed will reopen in May.") == ["The schools that were closed"]
    assert dangling("The cars recalled were built in Ohio.", previous=BEFORE) == ["The cars recalled"]


def test_a_definite_set_the_item_says_which_of_does_not_dangle() -> None:
    assert deictic_phrases("The bonds traded on the Paris exchange fell 2%.") == []
    assert deictic_phrases("The cars recalled in March were built in Ohio.") == []
    assert deictic_phrases("The schools the city closed will reopen in May.") == []
    # The item tells the event that defines the set.
    assert deictic_phrases("Acme recalled 9,000 cars, and the cars recalled were built in Ohio.") == []


def test_the_speakers_now_a_general_extender_and_what_picks_itself_out_do_not_dangle() -> None:
    assert deictic_phrases('"Nobody would resign at this delicate moment," the senator said.') == []
    assert deictic_phrases('The treaty allows "searching ships for arms and that sort of thing," she said.') == []
    assert deictic_phrases("The port is the last remaining harbour open to foreign ships.") == []
    assert deictic_phrases("The lease may be renewed for an additional year.") == []


def test_those_of_an_untold_event_and_a_set_whose_act_has_only_a_pronoun_dangle() -> None:
    assert deictic_phrases("Those evacuated were taken to a school.") == ["Those evacuated"]
    assert deictic_phrases("The mills they shut employed 900 people.") == ["The mills they shut"]
    # The item tells the act, or names who "they" are, or says more of the set.
    assert deictic_phrases("Troops evacuated 300 villagers, and those evacuated were taken to a school.") == []
    assert deictic_phrases("Acme said the mills they shut employed 900 people.") == []
    assert deictic_phrases("Those evacuated from the valley were taken to a school.") == []


def test_a_part_named_by_its_place_is_not_the_whole_a_bare_noun_names() -> None:
    # "the Arab world" is a part of the world; "the rest of the world" is what lies outside it
    arab = ["The minister said the Arab world's problems had grown worse this year."]
    text = "A crisis would hit the rest of the world."
    assert resolve_referents(text, text, arab).text == text
    western = ["Officials said the Western economy is slowing."]
    text = "The economy grew 2% last year."
    assert resolve_referents(text, text, western).text == text
    # A kind compounded with the head names a part or a phase, not which war "the war" is
    ground = ["The ground war began on Sunday."]
    text = "The war has cost billions of dollars."
    assert resolve_referents(text, text, ground).text == text
    # A happening takes place in one place, and its place says which: "the Geneva talks"
    geneva = ["Diplomats opened the Geneva talks on Monday."]
    text = "The talks ended without agreement."
    assert resolve_referents(text, text, geneva).text == "The Geneva talks ended without agreement."


def test_a_parent_and_its_unit_named_together_leave_the_company_unsaid() -> None:
    # Beta is named last and most often, but the story named it with its parent: either may be "the company"
    story = ["Halden Corp. said its unit, Varo Inc., filed for an initial public offering of 3 million shares.", "Varo Inc. makes software for banks.", "Varo Inc. will sell 1.2 million of the shares."]
    text = "The company estimates the price at $14 a share."
    assert resolve_referents(text, text, story).text == text
    told = ["Halden Corp. said its unit, Varo Inc., filed for an initial public offering of 3 million shares.", "The data services provider said it will sell 1.8 million of the shares, while Varo Inc. will sell the rest."]
    assert resolve_referents(text, text, told).text == text


def test_two_firms_with_one_first_word_and_each_its_corporate_word_are_two() -> None:
    # "Delta Corp." owns most of "Delta Systems Inc.": not a short form of it
    story = ["Delta Systems Inc. said net income rose to $5 million in the quarter.", "The Dayton, Ohio, company, which is 80%-owned by Delta Corp., earned $1 million a year ago."]
    text = "Revenue rose to $50 million from $40 million."
    assert resolve_referents(text, text, story).text == text


def test_a_subsidiary_is_not_the_company_that_owns_it() -> None:
    story = ["Harlow Books Inc. said it reported a net loss of $8 million for the quarter.", "The loss includes charges of $4 million on the proposed closing of the company's troubled British subsidiary."]
    text = "Sales fell in part because of the subsidiary's status as a discontinued operation."
    assert "the subsidiary's status" in resolve_referents(text, text, story).text


def test_a_worry_is_no_concern_named_before() -> None:
    story = ["Norbury Systems Corp., a computer concern, reported a loss of $600 million.", "Analysts said investors worry that more losses will follow."]
    text = "Reflecting the concern, Norbury stock fell 75 cents."
    assert resolve_referents(text, text, story).text == text


def test_the_company_of_a_speaker_s_title_is_named_in_the_clause() -> None:
    # The tagger takes "Milton Roy" for a person here; the title's "of" says it is the speaker's firm
    story = ["Crane Co. said it filed a bid for Milton Roy.", "Milton Roy shares rose $2, while Crane fell $1."]
    text = "John Smith, chief financial officer of Milton Roy, said the company has no comment."
    assert resolve_referents(text, text, story).text == text


def test_what_one_firm_had_is_not_what_a_clause_about_another_firm_tells() -> None:
    story = [
        "The $1.5 billion Harbor High Income Fund has had a net outflow of about $150 million in the past two months.",
        "About 98% of the outflow went to other Harbor funds, a spokesman says.",
        "At Norbury Group, the high-yield fund lost assets too.",
    ]
    text = "Still, two-thirds of the outflow has been steered into other Norbury Group portfolios, says Ann Bell, a vice president."
    assert resolve_referents(text, text, story).text == text
    text = "About 98% of the outflow was transferred to other Harbor funds."
    assert "[a net outflow of about $150 million]" in resolve_referents(text, text, story).text


def test_a_firm_a_stake_is_held_in_is_a_rival_not_a_setting() -> None:
    # "a stake in Banque ..." names the firm bought into, which "the French investment bank" may be
    story = ["Regulators have cleared Harbor Bank AG's purchase of a majority stake in Banque Commerciale de Lys, Harbor Bank said."]
    text = "The approval permits the German lender to buy shares of the French investment bank."
    assert resolve_referents(text, text, story).text == text


def test_a_parent_named_with_its_unit_is_no_company_of_either_name() -> None:
    story = ["Harbor Holdings Inc., the parent of the auction house Harbor, said its net loss narrowed in the quarter."]
    text = "The Boston-based company reported a net loss of $5 million."
    assert resolve_referents(text, text, story).text == text
def test_a_clause_cut_from_its_sentence_gets_the_subject_of_the_verb_it_is_coordinated_with() -> None:
    # The parser hangs "and granted ..." on the reported clause's verb ("didn't meet"): the one
    # who ruled granted, not the bid, and a past tense is never coordinated with a bare "meet".
    sentence = "The regulator ruled last month that the bid didn't meet the law, and granted the bidder until June to amend it."
    clause = "and granted the bidder until June to amend it."
    assert resolve_referents(clause, sentence, []).text == "The regulator granted the bidder until June to amend it."
    # The frame before the first verb goes with the second: its modal, its hedge.
    assert resolve_referents("and lay off 500 workers.", "The council will close the plant in May and lay off 500 workers.", []).text == (
        "The council will lay off 500 workers."
    )
    assert resolve_referents("and questioned them.", "Police reportedly arrested two men and questioned them.", []).text.startswith("Police reportedly questioned")
    # A subject set off by commas keeps its closing comma; one lower-cased in the sentence opens the claim capitalised.
    sentence = "Acme, a maker of valves based in Ohio, said it would cut prices, and added that it expects more orders."
    assert resolve_referents("and added that it expects more orders.", sentence, []).text == "Acme, a maker of valves based in Ohio, added that it expects more orders."
    assert resolve_referents("and closed the mine.", "In May, the city sold the plant and closed the mine.", []).text == "The city closed the mine."


def test_a_restored_subject_takes_no_auxiliary_its_own_tense_refuses_and_a_relative_pronoun_gives_way() -> None:
    # "did not name ..., but said": a past tense cannot take the "did not" of the verb before it.
    sentence = "The ministry did not name the company, but said it would be fined."
    assert resolve_referents("but said it would be fined.", sentence, []).text == "The ministry said it would be fined."
    sentence = "Mr. Ames was named a director, but is not part of the new committee."
    assert resolve_referents("but is not part of the new committee.", sentence, []).text == "Mr. Ames is not part of the new committee."
    # "which" is no subject a claim can open with: the noun it stands for is.
    sentence = "The fund was won by Acme, which bid $28 a share and asked Ms. Cole to stay on."
    assert resolve_referents("and asked Ms. Cole to stay on.", sentence, []).text == "Acme asked Ms. Cole to stay on."
    # An infinitive's "to" makes no sentence: the whole one is told.
    sentence = "The network is a platform for banks to cut costs and expand their services."
    assert resolve_referents("and expand their services.", sentence, []).text == sentence
