"""The summary is read in order: each sentence must read on the summary sentences before it, not on
article sentences left out. Invented articles; no model runs (the choice and the referents are code's)."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.article import Article, split_sentences
from factcheck.chains.summary import SummaryChain, _unled_object, droppable_spans
from factcheck.syntax import without_leading_connective
from factcheck.nlp import parse
from factcheck.referents import introductions, points_to_sentence_before
from factcheck.syntax import deletable_spans
from factcheck.settings import Settings

TEXT = (
    "The city council of Norwick approved a new budget on Monday. "
    "Mayor Paul Marsh said the plan would add 40 police officers. "
    "Councillor Tom Reyes voted against the budget. "
    "He said it ignored the city's schools. "
    "A protest was held outside the town hall on Tuesday. "
    "Police said the protest drew about 300 people. "
    "Since then, 12 more people have joined the campaign. "
    "The budget takes effect in April."
)


def summary_chain(monkeypatch, text: str, count: int) -> SummaryChain:
    """The summary chain the bundled model's settings make of `text`, published 6 March 2024."""
    monkeypatch.setenv("FACTCHECK_PROVIDER", "local")
    article = Article(text=text, published=dt.date(2024, 3, 6), sentences=split_sentences(text))
    return SummaryChain(article, Settings(summary_sentences=count))


@pytest.fixture
def chain(monkeypatch) -> SummaryChain:
    return summary_chain(monkeypatch, TEXT, 4)


def sentences(chain: SummaryChain, *ids: str):
    by_id = {s.id: s for s in chain.article.sentences}
    return [by_id[i] for i in ids]


def test_a_pronoun_the_summary_would_give_to_another_man_gets_its_name_and_cites_it(chain):
    """After "Mayor Paul Marsh said ...", a "He" that the article means for Reyes (named in a
    sentence left out) would read as Marsh: code puts the name in and cites where it comes from."""
    he, = sentences(chain, "S4")
    reading = chain.read(he, sentences(chain, "S1", "S2"))
    assert reading.reads and reading.resolve
    chain.readings = {he.id: reading}
    item = chain.compression(he, he.text)
    assert item.text == "Tom Reyes said it ignored the city's schools."
    assert item.sources == ["S3", "S4"]


def test_a_pronoun_the_summary_before_gives_is_left_as_written(chain):
    he, = sentences(chain, "S4")
    reading = chain.read(he, sentences(chain, "S1", "S2", "S3"))
    assert reading.reads and not reading.resolve
    chain.readings = {he.id: reading}
    assert chain.compression(he, he.text).text == he.text


def test_a_definite_the_summary_never_introduced_needs_the_sentence_that_does(chain):
    protest, = sentences(chain, "S6")
    reading = chain.read(protest, sentences(chain, "S1", "S2"))
    assert not reading.reads and reading.needs == 4  # "A protest was held ...", S5
    assert chain.read(protest, sentences(chain, "S1", "S5")).reads


def test_since_then_reads_only_right_after_the_sentence_it_counts_from(chain):
    since, = sentences(chain, "S7")
    assert not chain.read(since, sentences(chain, "S1", "S2")).reads
    assert chain.read(since, sentences(chain, "S1", "S5", "S6")).reads


def test_the_choice_brings_in_what_a_sentence_needs_and_keeps_the_count(chain):
    ranked = sentences(chain, "S4", "S6", "S7", "S2", "S3", "S5", "S8")
    chosen = chain.choose(chain.article.sentences[0], ranked, {s.id for s in chain.article.sentences})
    # S6 ("the protest") comes with S5, which introduces it, rather than the lower-ranked S2;
    # S7 ("Since then") has no room for what it needs and gives way.
    assert [s.id for s in chosen] == ["S1", "S4", "S5", "S6"]
    assert all(chain.read(s, chosen[:n]).reads for n, s in enumerate(chosen) if n)


def test_an_article_whose_sentences_all_point_back_still_fills_the_summary(monkeypatch):
    text = "Ann Lee won the race. They cheered. It rained later. This mattered. That was all."
    chain = summary_chain(monkeypatch, text, 3)
    chosen = chain.choose(chain.article.sentences[0], chain.article.sentences[4:0:-1], {s.id for s in chain.article.sentences})
    assert len(chosen) == 3 and chosen[0].id == "S1"


@pytest.mark.parametrize(
    "text",
    [
        "The blast, which killed 250 people, most of them Kenyans, destroyed the embassy.",
        "The bomb exploded near the embassy on Friday, which killed 250 people, most of them Kenyans.",
    ],
)
def test_a_side_phrase_a_word_left_points_back_to_is_not_offered(text):
    """Dropping "which killed 250 people" would leave "them" with nothing to stand for."""
    assert any("250 people" in s.text for s in deletable_spans(text))
    assert not any("250 people" in s.text for s in droppable_spans(text))


def test_a_side_phrase_nothing_points_back_to_is_still_offered():
    text = "Rescuers, who searched the rubble for two days, said they found no one alive."
    assert [s.text for s in droppable_spans(text)] == ["who searched the rubble for two days"]


def test_a_fragment_with_no_finite_main_verb_is_no_summary_sentence(monkeypatch):
    """"One more trip around the harbour to see ...": an infinitive at the root is no sentence,
    whatever finite verb a clause inside it has; a participle with its subject is one (a tagger slip)."""
    text = (
        "The ferry line opened a new route on Monday. "
        "At the end of the day, one more trip around the harbour to see what it's been like since the storm. "
        "The company said the route would run twice a day."
    )
    chain = summary_chain(monkeypatch, text, 5)
    chain.plan()
    assert [s.id for s in chain.chosen] == ["S1", "S3"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("However, the board said it would appeal.", "The board said it would appeal."),
        ("In addition, the agency fined the bank $2 million.", "The agency fined the bank $2 million."),
        ("As a result, the mill will cut 300 jobs.", "The mill will cut 300 jobs."),
        ("On the other hand, sales fell.", "Sales fell."),
        ("But the union rejected the offer.", "The union rejected the offer."),
        ("But in Lyon, officials denied it.", "In Lyon, officials denied it."),
        # a connective adverb with no comma after it, before a phrase or the subject: the adverb goes alone
        ("Meanwhile in the port city, Varna, dockers walked out.", "In the port city, Varna, dockers walked out."),
        ("Also on Friday, the council approved the budget.", "On Friday, the council approved the budget."),
        ("Meanwhile the regulator opened an inquiry.", "The regulator opened an inquiry."),
        ("Still in the lead, the runner slowed.", None),  # a state that goes on, not a tie
        ("Instead of a fine, the court ordered repairs.", None),  # the preposition is the adverb's
        # not connectives: a time, a place, a hedge; nor a strip that leaves no sentence
        ("On Monday, the union rejected the offer.", None),
        ("In Lyon, officials denied it.", None),
        ("Reportedly, the union rejected the offer.", None),
        ("Nor did the union accept the offer.", None),
        ("But ``we will fight,'' the leader said.", None),
    ],
)
def test_a_leading_connective_is_found_by_its_parse(text, expected):
    assert without_leading_connective(text) == (expected or text)


def test_a_leading_connective_goes_unless_the_summary_shows_the_sentence_it_ties_to(monkeypatch):
    text = (
        "The port of Halden reopened on Monday after a week-long strike. "
        "Dock workers accepted a pay rise of 4 percent. "
        "However, the shipping firms warned of delays until May. "
        "The mayor praised the deal. "
        "Meanwhile, the ferry company added two sailings a day."
    )
    chain = summary_chain(monkeypatch, text, 3)
    s = chain.article.sentences
    chain.chosen = [s[0], s[1], s[2]]  # S3 right after the sentence it contrasts with
    assert chain.assemble([]).items[2].text == s[2].text
    chain.chosen = [s[0], s[2], s[4]]  # after another sentence, each would read as a contrast with it
    texts = [item.text for item in chain.assemble([]).items]
    assert texts[1:] == ["The shipping firms warned of delays until May.", "The ferry company added two sailings a day."]


LETTERS = (
    "The bishop of Arden wrote a letter to the council in March. "
    "The council discussed the budget on Friday. "
    "On Sunday, a second letter was published in the local paper. "
    "Its author was a group of parish priests. "
    "In the letter, the writers asked the council to keep the school open."
)


def test_a_definite_after_the_summary_named_another_of_its_kind_needs_the_one_the_article_means(monkeypatch):
    """"The letter" is the second one: a summary that named only the bishop's would mislead."""
    chain = summary_chain(monkeypatch, LETTERS, 4)
    s = chain.article.sentences
    reading = chain.read(s[4], [s[0], s[1]])
    assert not reading.reads and reading.needs == 2
    assert chain.read(s[4], [s[0], s[2], s[3]]).reads


def test_a_definite_the_summary_named_reads_when_the_article_introduced_no_other(monkeypatch):
    text = (
        "The bishop of Arden wrote a letter to the council in March. "
        "The council discussed the budget on Friday. "
        "The mayor said the budget had no room for new schools. "
        "In the letter, the bishop asked the council to keep the school open."
    )
    chain = summary_chain(monkeypatch, text, 3)
    s = chain.article.sentences
    assert chain.read(s[3], [s[0], s[2]]).reads
    assert not chain.read(s[3], [s[1], s[2]]).reads


def test_a_sentence_that_stands_for_what_the_one_before_told_reads_right_after_it(monkeypatch):
    text = (
        "Ann Lee won the city marathon on Sunday. "
        "Her coach said she had trained for a year. "
        "That was her third win in the race. "
        "It drew 300 runners."
    )
    chain = summary_chain(monkeypatch, text, 3)
    s = chain.article.sentences
    assert chain.read(s[2], [s[0], s[1]]).reads
    assert chain.read(s[3], [s[0], s[2]]).reads
    assert not chain.read(s[2], [s[0]]).reads and chain.read(s[2], [s[0]]).needs == 1


def test_the_company_reads_after_a_summary_that_named_an_organisation(monkeypatch):
    text = (
        "Norfield Paper Co. said it will close its mill in Ashby next year. "
        "The closure will cost 400 jobs. "
        "But the paper company said sales of its tissue brands rose. "
        "The mill opened in 1921. "
        "A spokesman said the company would pay the workers a year's wages."
    )
    chain = summary_chain(monkeypatch, text, 3)
    s = chain.article.sentences
    assert chain.read(s[4], [s[0], s[3]]).reads


@pytest.mark.parametrize(
    ("text", "before"),
    [
        ("Instead of casting the votes, they chose to abstain.", True),  # "votes" is no subject "they" stands for
        ("Since then, 40 more families have left the valley.", True),
        ("Two days later, the ferry sank.", True),
        ("The farmers said they chose to abstain.", False),
        ("Those who stayed rebuilt the bridge.", False),
    ],
)
def test_what_leans_on_the_sentence_before_is_read_by_referents(text, before):
    assert points_to_sentence_before(text) is before


def test_introductions_tell_one_more_of_its_kind_from_the_first():
    previous = LETTERS.split(". ")[:4]
    noun = next(t for t in parse("In the letter, the writers asked the council to keep the school open.") if t.lower_ == "letter")
    assert introductions(noun, previous) == [(0, False), (2, True)]


def test_a_second_of_its_kind_dated_otherwise_is_one_more():
    previous = [
        "The bishop of Arden wrote a letter to the council in March",
        "The council discussed the budget on Friday",
        "A letter published on Sunday in the local paper asked for the opposite",
    ]
    noun = next(t for t in parse("In the letter, the writers asked the council to keep the school open.") if t.lower_ == "letter")
    assert introductions(noun, previous) == [(0, False), (2, True)]
    # the same letter again, with no date of its own, is no new one
    assert introductions(noun, [previous[0], "A letter from the bishop reached the council"]) == [(0, False), (1, False)]


def test_a_sentence_of_a_quotation_the_article_never_closes_is_not_summarised(monkeypatch):
    # Shown whole it leaves a mark open (an editor's "incomplete"); closed at its end, "and asked the
    # province for aid" would read as the council's words.
    text = (
        "The council of Norwick called the flood \"a disaster for every farm in the valley, and asked the province for aid.\n\n"
        "The river rose by three meters on Monday. Mayor Paul Marsh said 40 homes were lost. "
        "The province sent 200 soldiers to the valley."
    )
    chain = summary_chain(monkeypatch, text, 3)
    chain.plan()
    assert [s.id for s in chain.chosen] == ["S2", "S3", "S4"]


def test_a_sentence_of_a_quotation_over_several_sentences_is_shown_in_its_marks(monkeypatch):
    text = (
        "The mayor of Norwick spoke after the vote. \"The budget is fair. It adds 40 officers. "
        "Nobody loses a job,\" he said.\n\nThe council approved it on Monday."
    )
    chain = summary_chain(monkeypatch, text, 3)
    first, middle, last = chain.article.sentences[1:4]
    assert chain.compression(first, first.text).text == "\"The budget is fair.\""
    assert chain.compression(middle, middle.text).text == "\"It adds 40 officers.\""
    assert chain.compression(last, last.text).text == "\"Nobody loses a job,\" he said."
    plain = chain.article.sentences[4]
    assert chain.compression(plain, plain.text).text == "The council approved it on Monday."


def test_the_lead_is_the_first_sentence_that_reads_with_nothing_before_it(monkeypatch):
    # The question that names the city is no sentence of the summary (no finite verb): "It was
    # listed ..." would open the summary on an "It" it never gives.
    text = (
        "One last question about a city on the Danube, famous for its coffee houses. "
        "It was listed as a world heritage site by UNESCO in 2001. "
        "Vienna has 1.9 million people. "
        "Tourism brought Vienna 4 billion euros last year."
    )
    chain = summary_chain(monkeypatch, text, 3)
    chain.plan()
    assert chain.chosen[0].id == "S3"
    assert "S2" not in [s.id for s in chain.chosen]


def test_the_articles_first_sentence_is_the_lead_whatever_it_opens_on(monkeypatch):
    # Nothing comes before it in the article either: it reads in the summary as it reads there.
    text = (
        "It's turning out to be another bad week for Asia's markets. "
        "Stocks in Jakarta fell 12 percent on Monday. "
        "The rupiah lost a quarter of its value."
    )
    chain = summary_chain(monkeypatch, text, 3)
    chain.plan()
    assert [s.id for s in chain.chosen] == ["S1", "S2", "S3"]


def test_a_short_article_leaves_out_a_sentence_that_points_back_to_one_not_summarised(monkeypatch):
    # "Since then" counts from the storm, told only in a fragment the summary cannot show: the
    # summary is shorter rather than filled with a sentence that reads on nothing.
    text = (
        "Ann Lee won the race in Leeds on Sunday. "
        "Police closed three roads for the race. "
        "A storm over the coast on Friday. "
        "Since then, 12 boats have stayed in port."
    )
    chain = summary_chain(monkeypatch, text, 5)
    chain.plan()
    assert [s.id for s in chain.chosen] == ["S1", "S2"]


def test_a_side_phrase_that_introduces_what_a_later_summary_sentence_points_back_to_is_kept(monkeypatch):
    # "The agreement" reads on the first sentence as the summary shows it, which must then keep the
    # phrase that tells of the agreement: the model is not offered it.
    text = (
        "The union ended its strike on Monday, signing a standstill agreement with the owners. "
        "Workers returned to the docks on Tuesday. "
        "The agreement expires in May."
    )
    first, agreement = text.split(". ")[0] + ".", "The agreement expires in May."
    assert [s.text for s in droppable_spans(first, [])] == ["signing a standstill agreement with the owners"]
    assert droppable_spans(first, [], [agreement]) == []
    chain = summary_chain(monkeypatch, text, 3)
    chain.plan()
    s1, s3 = sentences(chain, "S1", "S3")
    assert chain.read(s3, [s1]).reads
    assert [s.id for s in chain.chosen] == ["S1", "S2", "S3"] and chain.offered["S1"] == []


def test_an_it_that_tells_the_time_can_open_the_summary(monkeypatch):
    # "It's the third day of the strike" says what day it is; the headline fragment before it is no
    # summary sentence, and the sentence still reads first.
    text = (
        "More walkouts at the ports of Norwick. "
        "It's the third day of a strike by dock workers against the new shift rules. "
        "The owners said the rules would stay. "
        "Ships waited outside the harbour on Tuesday."
    )
    chain = summary_chain(monkeypatch, text, 3)
    chain.plan()
    assert chain.chosen[0].id == "S2"
    chain = summary_chain(monkeypatch, text.replace("It's the third day", "It is the start"), 3)
    chain.plan()
    assert chain.chosen[0].id != "S2"


@pytest.mark.parametrize(
    "text, dangles",
    [
        ("UNESCO declared it a protected site for its beauty.", True),
        ("Officials said it would close on Monday.", True),
        ("The company said it would cut 300 jobs.", False),
        ("The city council made it clear that taxes would rise.", False),
        ("Workers rebuilt the bridge after the flood destroyed it.", False),
    ],
)
def test_an_object_it_the_summarys_first_sentence_never_gives(text, dangles):
    assert _unled_object(text) is dangles


def test_a_lead_whose_it_a_left_out_question_gave_gives_way(monkeypatch):
    text = (
        "Now for our geography quiz. "
        "UNESCO declared it a protected site for its old mosques. "
        "Vienna has 1.9 million people. "
        "Tourism brought Vienna 4 billion euros last year."
    )
    chain = summary_chain(monkeypatch, text, 3)
    chain.plan()
    assert [s.id for s in chain.chosen][0] != "S2"
