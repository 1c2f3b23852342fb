"""The real bundled model, in process, on the seed article: the spine's acceptance test."""

from __future__ import annotations

import datetime as dt
import html
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.checks import grounding
from factcheck.article import load_article
from factcheck.cli import app
from factcheck.models import Report

from .conftest import ROOT, SEED
from .test_report_checks import assert_final_checks_hold

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    out = tmp_path_factory.mktemp("report") / "seed.json"
    result = CliRunner().invoke(app, ["summarize", str(SEED), "--format", "json", "--out", str(out)])
    assert result.exit_code == 0, result.output
    artifacts = ROOT / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    (artifacts / "seed-report.json").write_text(out.read_text())
    return Report.model_validate_json(out.read_text())


ARTICLE = load_article(str(SEED))


def test_the_report_passes_the_final_validation(seed_report: Report) -> None:
    """Every id exists, quotes and date words are verbatim, names are in the cited sentences; and the
    same validation catches, on this report, an edited quote and a dropped source."""
    assert seed_report.summary.sentences
    assert_final_checks_hold(seed_report)


def test_at_least_five_grounded_claims(seed_report: Report) -> None:
    assert len(seed_report.claims) >= 5
    for claim in seed_report.claims:
        cited = [ARTICLE.sentence(sid) for sid in claim.sources]
        assert not grounding.check_content("claim", claim.text, cited, ARTICLE.published), claim
        assert claim.speaker == "the outlet" or not grounding.missing_names(claim.speaker, " ".join(s.text for s in cited))
    speakers = {c.speaker for c in seed_report.claims}
    assert {"Erdogan", "Rutte"} & {w for s in speakers for w in s.split()}


def test_seed_checklist_holds_what_a_fact_checker_needs(seed_report: Report) -> None:
    assert_seed_checklist(seed_report.claims)


def assert_seed_checklist(claims) -> None:
    """The claims issue's acceptance list for the seed article, whatever model wrote the claims."""

    def claim(quote_words: str):
        found = [c for c in claims if quote_words in c.quote]
        assert found, f"no claim quotes {quote_words!r}"
        return found[0]

    kfor = claim("Türkiye will assume the command of the NATO Kosovo Force again")
    assert kfor.checkable and kfor.speaker == "Erdogan" and "Communications Directorate" in kfor.quote
    putin = claim("The proposal for unconditional talks in Istanbul on May 15")
    assert putin.checkable and "May 15, 2025" in putin.text and "Moscow" in putin.quote
    assert "11 May 2025" in putin.text or "Sunday" not in putin.text  # "on Sunday" made explicit
    meetings = claim("he has held meetings with Putin and Ukrainian President Volodymyr Zelenskyy")
    assert meetings.checkable and "Erdogan" in meetings.speaker and not meetings.text.startswith(("He ", "he "))
    antalya = claim("the informal NATO Foreign Ministers' Meeting on May 14-15 in Antalya")
    assert antalya.checkable and antalya.speaker == "the outlet" and "2025" in antalya.text
    staunch = claim("‘staunch and capable ally,’")
    assert staunch.type == "opinion" and not staunch.checkable and staunch.checkworthiness == 0
    assert "Rutte" in staunch.speaker


def test_timeline_dates_resolved_against_publication(seed_report: Report) -> None:
    spans = {(e.date, e.end, e.precision) for e in seed_report.timeline}
    day = dt.date
    assert (day(2025, 5, 11), day(2025, 5, 11), "day") in spans  # Sunday
    assert (day(2025, 5, 13), day(2025, 5, 13), "day") in spans  # Tuesday
    assert (day(2025, 5, 14), day(2025, 5, 15), "day") in spans  # Antalya, May 14-15
    assert (day(2025, 5, 15), day(2025, 5, 15), "day") in spans  # Istanbul talks
    assert (day(2025, 6, 1), day(2025, 6, 30), "month") in spans  # the summit "next month"
    dates = [e.date for e in seed_report.timeline if e.date]
    assert dates == sorted(dates)
    for event in seed_report.timeline:
        assert event.when in ARTICLE.sentence(event.sources[-1]).text


def test_provenance_and_stand_ins_are_reported(seed_report: Report) -> None:
    p = seed_report.provenance
    assert p.provider == "local" and p.model.startswith("SmolLM2-135M")
    assert p.engine is not None and p.engine.prompt_eval_tokens > 0
    assert p.total.calls == sum(u.calls for u in p.usage.values()) > 0
    # No ranking: too small. The summary is compressions (compress.md), after the in-process model's
    # shared start (local-system.md); claims (typed by code) and the timeline ask nothing.
    assert {r.name for r in p.prompts} == {"local-system", "summary", "claims", "timeline", "compress"}
    assert all(c.checkworthiness_source == "scorer" for c in seed_report.claims)
    stand_ins = sum(s.origin == "extractive" for s in seed_report.summary.sentences)
    stand_ins += sum(e.origin == "extractive" for e in seed_report.timeline)
    stand_ins += sum(bool(c.code_filled) for c in seed_report.claims)
    replaced = [w for w in seed_report.warnings if w.code.startswith(("extractive", "code-filled"))]
    assert len(replaced) == stand_ins


def test_render_round_trips(seed_report: Report, tmp_path: Path) -> None:
    saved = tmp_path / "report.json"
    saved.write_text(seed_report.model_dump_json())
    for fmt in ("markdown", "html", "json"):
        out = tmp_path / f"out.{fmt}"
        result = CliRunner().invoke(app, ["render", str(saved), "--format", fmt, "--out", str(out)])
        assert result.exit_code == 0, result.output
        if fmt == "json":
            assert json.loads(out.read_text()) == json.loads(seed_report.model_dump_json())
    # What the model's report says is on the page (the render code itself: tests/test_cli.py, test_html.py).
    markdown, page = (tmp_path / "out.markdown").read_text(), (tmp_path / "out.html").read_text()
    for claim in seed_report.claims:
        assert f"**{claim.id}** · {claim.type}" in markdown and claim.text in markdown and claim.quote in markdown
        assert html.escape(claim.text, quote=False) in page or html.escape(claim.text) in page
    for event in seed_report.timeline:
        assert event.when in markdown
    assert all(s.text in markdown for s in seed_report.summary.sentences)
