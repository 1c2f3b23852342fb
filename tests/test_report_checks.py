"""The final validation of an assembled report (factcheck/report_checks.py, README step 4): it
passes real reports, and catches what a broken pipeline would produce: a quote edited after its
check, a cited sentence dropped, an id that does not exist, a name the cited sentences lack."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck import report_checks
from factcheck.article import load_article
from factcheck.llm import Backend
from factcheck.models import Report
from factcheck.pipeline import Pipeline
from factcheck.render import load_report
from factcheck.report_checks import DROPPED, WARNED, check_report, enforce
from factcheck.settings import load_settings

from .conftest import SEED
from .test_long_article import EchoModel

SAVED = Path(__file__).parent / "data" / "seed-report.json"


def codes(report: Report) -> list[str]:
    return [w.code for w in check_report(report)]


def without_quote_sentence(report: Report, index: int) -> Report:
    """A copy whose claim `index` no longer cites the sentence its quote comes from."""
    broken = report.model_copy(deep=True)
    claim = broken.claims[index]
    text = {s.id: s.text for s in broken.article.sentences}
    claim.sources = [sid for sid in claim.sources if claim.quote not in text[sid]]
    return broken


def assert_final_checks_hold(report: Report) -> None:
    """`report` passes the final validation, and the same validation catches, on this very report,
    a quote edited after the fact and a claim's or an event's source dropped."""
    assert check_report(report) == [], check_report(report)
    assert report.claims, "no claim to check"
    edited = report.model_copy(deep=True)
    edited.claims[0].quote = edited.claims[0].quote.replace(" ", "  not ", 1)
    assert codes(edited) == [DROPPED]
    # The speaker may then be named outside the cited sentences too (a final-check warning): the drop is what must hold.
    assert DROPPED in codes(without_quote_sentence(report, -1))
    if report.timeline:
        undated = report.model_copy(deep=True)
        event = undated.timeline[0]
        event.sources = [sid for sid in event.sources if event.when not in undated.article.sentences[int(sid[1:]) - 1].text]
        assert codes(undated) == [DROPPED]


def test_a_saved_report_passes_and_the_checks_bite() -> None:
    assert_final_checks_hold(load_report(SAVED))


def test_an_invented_id_and_a_moved_offset_are_found() -> None:
    report = load_report(SAVED)
    report.summary.sentences[0].sources = ["S1", "S99"]
    report.article.sentences[2].start += 1
    found = check_report(report)
    assert [w.code for w in found] == [WARNED, DROPPED]
    assert found[0].message.startswith("sentence S3 is not the text at its offsets")
    assert "cites S99, which is not a sentence of the article; dropped" in found[1].message


def test_a_name_the_cited_sentences_lack_is_a_warning_not_a_drop() -> None:
    """A summary sentence in the model's words naming someone its sources do not: a citation gap."""
    report = load_report(SAVED)
    model_written = next(s for s in report.summary.sentences if s.origin == "model")
    model_written.text += " Sergei Petrov agreed."
    found = check_report(report)
    assert [w.code for w in found] == [WARNED, WARNED]
    assert [w.message.split(": ", 1)[1].split(",")[0] for w in found] == ["the sentence names 'Sergei'", "the sentence names 'Petrov'"]


def test_enforce_drops_the_invalid_items_and_renumbers_the_claims() -> None:
    report = without_quote_sentence(load_report(SAVED), 1)
    quote = report.claims[1].quote
    before = len(report.claims)
    enforce(report)
    assert len(report.claims) == before - 1 and all(c.quote != quote for c in report.claims)
    assert [c.id for c in report.claims] == [f"C{n}" for n in range(1, before)]
    [warning] = [w for w in report.warnings if w.code == DROPPED]
    assert warning.message.startswith("the claim quoting") and warning.message.endswith("; dropped")


def test_the_pipeline_runs_the_final_validation(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pipeline.run hands every report to report_checks.enforce and returns what it leaves: here a
    claim's quote edited on its way out is caught, dropped and reported."""
    real = report_checks.enforce

    def edit_then_enforce(report: Report) -> None:
        report.claims[0].quote += " (edited)"
        real(report)

    monkeypatch.setattr(report_checks, "enforce", edit_then_enforce)
    settings = load_settings(provider="local", max_claims=2, summary_sentences=1, max_events=1)
    backend = Backend(EchoModel(sizes=[]), "test", "echo", "json_object", concurrency=1)
    report = Pipeline(backend, settings).run(load_article(str(SEED)))
    assert all("(edited)" not in c.quote for c in report.claims)
    assert [w.code for w in report.warnings if w.code == DROPPED] == [DROPPED]
    assert check_report(report) == []
