"""The summary and timeline chains on the bundled model: code lists the side phrases, the model only
picks among them, and events are the article's clauses dated by their main clause. No model runs."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from factcheck.article import Article, split_sentences
from factcheck.chains.summary import SummaryChain
from factcheck.chains.timeline import TimelineChain
from factcheck.llm import Answer
from factcheck.settings import Settings

TEXT = (
    "Jonas Berg, the port authority's chief engineer, said the new crane would arrive in June. "
    "The harbour stayed closed on Monday ahead of the inspection on Friday. "
    "Dockworkers, who had struck for a week, returned to work, ending the dispute. "
    "The repairs will cost 4 million euros."
)


def article() -> Article:
    return Article(text=TEXT, published=dt.date(2024, 3, 6), sentences=split_sentences(TEXT))


@pytest.fixture
def local(monkeypatch):
    monkeypatch.setenv("FACTCHECK_PROVIDER", "local")
    return Settings(summary_sentences=4)


def test_summary_asks_only_to_choose_listed_spans(local):
    chain = SummaryChain(article(), local)
    steps = chain.plan()
    assert steps and all(s.prompt == "compress" for s in steps)
    first = steps[0]
    assert "D1: the port authority's chief engineer" in first.part
    assert first.draft.model_validate({"drop": ["D1"]}).drop == ["D1"]
    with pytest.raises(ValidationError):
        first.draft.model_validate({"drop": ["D9"]})


def test_summary_is_the_compression_the_model_chose(local):
    chain = SummaryChain(article(), local)
    steps = chain.plan()
    drafts = [step.draft.model_validate({"drop": [i.split(":")[0] for i in step.part.splitlines()]}) for step in steps]
    run = chain.assemble([(step, Answer(value=d)) for step, d in zip(steps, drafts)])
    texts = [s.text for s in run.items]
    assert "Jonas Berg said the new crane would arrive in June." in texts
    assert "Dockworkers returned to work." in texts
    # A sentence with nothing to drop is its own summary, and costs no call.
    assert "The repairs will cost 4 million euros." in texts
    assert all(s.origin in ("compression", "extractive") for s in run.items)


def test_timeline_dates_the_main_clause_without_asking(local):
    chain = TimelineChain(article(), local)
    assert chain.plan() == []
    events = chain.assemble([]).items
    by_when = {e.when: e for e in events}
    assert by_when["Monday"].date == dt.date(2024, 3, 4)
    # The inspection's date is a side phrase's: it dates the inspection, not the sentence.
    assert by_when["Monday"].event == "The harbour stayed closed on Monday ahead of the inspection on Friday."
    # Told alone, "the inspection" would name nothing the reader can place: a fragment, no event.
    assert "Friday" not in by_when
    assert all(e.event.endswith(".") and e.origin == "compression" for e in events)
    assert len({(e.sources[0], e.date) for e in events}) == len(events)  # no date twice for one sentence


def test_a_side_phrase_cut_into_a_fragment_is_no_event() -> None:
    """A date in a side phrase dates a thing only when the phrase alone says what the sentence says:
    "The coast of Florida in late November." cut from a participle clause is not an event."""
    import datetime as dt

    from factcheck.article import parse_text, split_sentences
    from factcheck.chains.timeline import timeline_events

    article = parse_text(
        "Found clinging to an inner tube off the coast of Florida in late November, the boy has been the "
        "subject of a custody battle.\n"
    )
    article.published = dt.date(2000, 1, 6)
    article.sentences = split_sentences(article.text)
    events = [e.event for e in timeline_events(article)]
    assert "The coast of Florida in late November." not in events


def test_a_date_in_a_side_clause_is_that_clauses_event_not_the_sentences(local):
    """"The plan, announced on Tuesday, would cut 500 jobs": Tuesday is when the plan was announced,
    not when jobs go; a participle is told as past only for a date that is past."""
    text = (
        "The Volvo plan, announced on Tuesday, would cut 500 jobs. "
        "Minister Ann Berg left the party, having resigned from the cabinet on Monday. "
        "The talks, scheduled for next month, will be held in Oslo. "
        "Profit rose to 5 million euros from 4 million euros a year ago."
    )
    chain = TimelineChain(Article(text=text, published=dt.date(2024, 3, 6), sentences=split_sentences(text)), local)
    assert chain.plan() == []
    events = {e.event: e for e in chain.assemble([]).items}
    assert events["The Volvo plan was announced on Tuesday."].date == dt.date(2024, 3, 5)
    assert events["Minister Ann Berg had resigned from the cabinet on Monday."].date == dt.date(2024, 3, 4)
    assert not any("would cut" in e or "were scheduled" in e or "a year ago" in e for e in events)


def test_a_sentence_that_only_announces_a_quotation_is_no_summary_sentence(local):
    text = "Asked about the port, the mayor said:\n\nThe harbour stayed closed on Monday. The repairs will cost 4 million euros."
    chain = SummaryChain(Article(text=text, published=dt.date(2024, 3, 6), sentences=split_sentences(text)), local)
    chain.plan()
    assert chain.chosen and not any(s.text.endswith(":") for s in chain.chosen)


# --- which side phrases a compression may drop (factcheck/chains/shortening.py) -----------------
# Invented sentences. A phrase the rest needs to stand alone is never offered; one that loses
# nothing still is (the point of a compression is brevity).


def _offered(text: str, later: tuple[str, ...] = ()) -> list[str]:
    from factcheck.chains.shortening import droppable_spans

    return [s.text for s in droppable_spans(text, None, later)]


def _deletable(text: str) -> list[str]:
    from factcheck.syntax import deletable_spans

    return [s.text for s in deletable_spans(text)]


@pytest.mark.parametrize(
    "text, role",
    [
        ('"We will rebuild the bridge by spring," said Maria Lopez, the transport agency\'s director.', "the transport agency's director"),
        ('"Our members will not accept it," said Tom Reyes, a spokesman for the dockers\' union.', "a spokesman for the dockers' union"),
        ("Tom Reyes, the union's president, said they would strike on Monday.", "the union's president"),
    ],
)
def test_the_role_that_says_whose_we_or_they_it_is_is_kept(text, role):
    assert role in _deletable(text)
    assert role not in _offered(text)


def test_a_role_no_word_left_needs_is_still_offered():
    text = '"I will appeal," said Maria Lopez, the transport agency\'s director.'
    assert _offered(text) == ["the transport agency's director"]


@pytest.mark.parametrize(
    "text",
    [
        "In Portugal, thousands rallied for his return.",
        "In Norway, stocks fell to a five-year low.",
        "In Peru, the capital was ringed with checkpoints.",
    ],
)
def test_a_leading_place_that_places_an_unnamed_participant_is_kept(text):
    place = text.split(",")[0]
    assert place in _deletable(text)
    assert place not in _offered(text)


@pytest.mark.parametrize(
    "text", ["In Lisbon, Prime Minister Ana Costa said the talks would resume.", "On Tuesday, the minister resigned."]
)
def test_a_leading_phrase_the_rest_does_not_need_is_still_offered(text):
    assert _offered(text) == [text.split(",")[0]]


@pytest.mark.parametrize(
    "text",
    [
        "For the six months, Harlow Mills earned $4.2 million, or 31 cents a share.",
        "In fiscal 2019, the brewer's sales rose 12% to $88 million.",
        "In Ontario, 4,000 nurses walked out.",
    ],
)
def test_a_leading_period_or_place_that_a_figure_is_measured_over_is_kept(text):
    # Read after a sentence about another period ("In the quarter, it earned $1.1 million"), the
    # figure without its period would read as that period's.
    scope = text.split(",")[0]
    assert scope in _deletable(text)
    assert scope not in _offered(text)


@pytest.mark.parametrize(
    "text", ["Meanwhile, Harlow Mills posted a loss of $2 million.",
             "On Monday, the trust, which holds 12% of the shares, sold its stake."],
)
def test_a_leading_link_or_a_figure_in_a_side_clause_does_not_keep_the_phrase(text):
    # "Meanwhile" names no period; a number in a relative clause is not what the clause states.
    assert text.split(",")[0] in _offered(text)


def test_a_name_introduced_in_brackets_and_used_again_is_kept():
    text = "The plan was drafted by the Office of Road Safety (ORS), which expects it to pass."
    assert "(ORS)" in _deletable(text)
    assert "(ORS)" in _offered(text)  # used nowhere else: it may go
    assert "(ORS)" not in _offered(text, later=("ORS will publish the plan in May.",))


@pytest.mark.parametrize(
    "text, shared",
    [
        ("The advertisement, said Ann Bell, the campaign's manager, is meant for young voters.", "the campaign's manager"),
        ("Police are asking whether, Kurt Vane, who remains at large, is linked to the fires.", "who remains at large"),
    ],
)
def test_a_phrase_whose_closing_comma_closes_one_opened_before_is_kept(text, shared):
    """Dropped, it would take the comma that closes "said Ann Bell" ("The advertisement, said Ann
    Bell is meant ...") or leave the article's comma after "whether" open."""
    assert shared in _deletable(text)
    assert shared not in _offered(text)


@pytest.mark.parametrize(
    "text, side",
    [
        ("Police are asking whether Kurt Vane, who remains at large, is linked to the fires.", "who remains at large"),
        ("On May 6, Kurt Vane, who is 44, was arrested in France.", "who is 44"),
        ("Ann Bell, 58, a lawyer for the city, said the plan would fail.", "a lawyer for the city"),
    ],
)
def test_a_closing_comma_that_closes_nothing_else_goes_with_its_phrase(text, side):
    assert side in _offered(text)


def test_the_summary_offers_only_what_the_rest_needs_not(local):
    text = (
        "Maria Lopez, the transport agency's director, said: \"We will rebuild the bridge by spring.\" "
        "The bridge, which opened in 1961, collapsed in a storm last week."
    )
    chain = SummaryChain(Article(text=text, published=dt.date(2024, 3, 6), sentences=split_sentences(text)), local)
    steps = {s.sentence.id: s for s in chain.plan()}
    assert "S1" not in steps  # the role is all there was to drop, and "We" needs it: nothing to ask
    assert "D1: which opened in 1961" in steps["S2"].part
    texts = [s.text for s in chain.assemble([]).items]
    assert texts[0].startswith("Maria Lopez, the transport agency's director, said")


def test_a_timeline_event_keeps_the_place_that_says_who_acted(local):
    text = "In Portugal, thousands rallied on Sunday for higher wages."
    chain = TimelineChain(Article(text=text, published=dt.date(2024, 3, 6), sentences=split_sentences(text)), local)
    chain.plan()
    assert [e.event for e in chain.assemble([]).items] == [text]


def test_a_comma_after_a_phrase_the_parser_made_a_sentence_closes_it():
    text = "Citing an example, Sgt. Ann Bell, a spokeswoman for the city police, said two cases were solved."
    assert "a spokeswoman for the city police" in _offered(text)


def test_no_event_from_a_quotation_the_article_never_closes(local):
    # "We will rebuild it by Monday" may end anywhere before the sentence does: no item closes it.
    text = (
        "The mayor said the bridge \"collapsed on Friday, and the state will rebuild it by Monday.\n\n"
        "The river flooded 40 homes on Thursday."
    )
    chain = TimelineChain(Article(text=text, published=dt.date(2024, 3, 6), sentences=split_sentences(text)), local)
    chain.plan()
    events = [e.event for e in chain.assemble([]).items]
    assert events == ["The river flooded 40 homes on Thursday."]


def test_a_capable_models_failed_sentence_is_shortened_only_by_what_the_rest_does_not_need(monkeypatch):
    # When a capable model's sentence keeps failing its checks, code stands in with the article's
    # sentence shortened: never by the period its figure is measured over.
    monkeypatch.setenv("FACTCHECK_PROVIDER", "openai")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    text = ("In the quarter, Harlow Mills earned $1.1 million. "
            "For the nine months, Harlow Mills earned $4.2 million, or 31 cents a share.")
    chain = SummaryChain(Article(text=text, published=dt.date(2024, 3, 6), sentences=split_sentences(text)),
                         Settings(summary_sentences=2))
    steps = chain.plan()
    assert not chain.compresses and len(steps) == 2
    run = chain.assemble([(step, Answer(problems=["invented"])) for step in steps])
    assert "For the nine months, Harlow Mills earned $4.2 million, or 31 cents a share." in [s.text for s in run.items]


def test_a_chosen_drop_never_leaves_only_the_fronted_clause(local):
    """Whatever the spans offered, a summary sentence that would be the "although" clause alone
    (its main clause dropped) stays the article's sentence."""
    from factcheck.chains.base import Step
    from factcheck.models import CompressionDraft
    from factcheck.syntax import Span

    text = ("Although the ministry said exports grew 4% in the first half, a figure economists had expected, "
            "the port's owners, who run three terminals, plan to cut jobs.")
    art = Article(text=text, published=dt.date(2024, 3, 6), sentences=split_sentences(text))
    chain = SummaryChain(art, local)
    chain.plan()
    sentence = chain.chosen[0]
    cut = text.index(", a figure")
    chain.offered[sentence.id] = [Span("D1", cut, len(text) - 1, "appositive", text[cut:-1])]
    step = Step("summary", sentence.id, sentence, CompressionDraft, part="D1", prompt="compress")
    run = chain.assemble([(step, Answer(value=CompressionDraft(drop=["D1"])))])
    assert run.items[0].text == text
