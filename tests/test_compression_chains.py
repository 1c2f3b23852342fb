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
