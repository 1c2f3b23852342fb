"""The remote path, replayed: recordings of llama.cpp's OpenAI-compatible server running the
bundled model, made through the same client code that talks to OpenAI.

Re-record (starts the server on loopback itself; needs the `server` extra):
    pytest tests/test_openai_compatible.py --record-mode=rewrite
"""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.article import load_article
from factcheck.cli import app
from factcheck.llm import build_backend
from factcheck.models import Claim
from factcheck.pipeline import Pipeline
from factcheck.settings import load_settings

from .conftest import FAKE_KEY, SEED
from .llama_server import MODEL as LOCAL_MODEL
from .llama_server import SERVER_KEY, serve_when_recording
from .test_bundled_model import assert_seed_checklist
from .test_report_checks import assert_final_checks_hold

PORT = 18765
# Re-recording against another server: FACTCHECK_TEST_BASE_URL, FACTCHECK_TEST_MODEL, OPENAI_API_KEY.
OTHER_SERVER = os.environ.get("FACTCHECK_TEST_BASE_URL")
BASE_URL = OTHER_SERVER or f"http://127.0.0.1:{PORT}/v1"
MODEL = os.environ.get("FACTCHECK_TEST_MODEL", LOCAL_MODEL)
API_KEY = os.environ.get("OPENAI_API_KEY", SERVER_KEY) if OTHER_SERVER else SERVER_KEY


@pytest.fixture(scope="module")
def llama_server(request: pytest.FixtureRequest):
    if OTHER_SERVER:
        yield None
        return
    with serve_when_recording(request, PORT) as server:
        yield server


@pytest.fixture
def remote(monkeypatch: pytest.MonkeyPatch, llama_server) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", BASE_URL)
    monkeypatch.setenv("OPENAI_API_KEY", API_KEY)
    monkeypatch.setenv("FACTCHECK_MODEL", MODEL)
    # One request at a time, so a re-recording sends the same requests in the same order.
    monkeypatch.setenv("FACTCHECK_CONCURRENCY", "1")


@pytest.mark.vcr
def test_seed_report_through_the_openai_client(remote) -> None:
    settings = load_settings()
    backend = build_backend(settings)
    assert backend.provider == "openai"
    assert backend.structured_output == ("json_schema" if "api.openai.com" in BASE_URL else "json_object")
    article = load_article(str(SEED))
    report = Pipeline(backend, settings).run(article)

    # The final validation passes, and on this report it catches an edited quote and a dropped source.
    assert_final_checks_hold(report)
    assert len(report.claims) >= 5
    dates = {(e.date, e.end) for e in report.timeline}
    assert (dt.date(2025, 5, 11), dt.date(2025, 5, 11)) in dates
    assert (dt.date(2025, 5, 14), dt.date(2025, 5, 15)) in dates
    assert report.provenance.provider == "openai" and report.provenance.model == MODEL
    assert report.provenance.total.calls >= len(report.timeline)


@pytest.mark.vcr
def test_cli_timeline_json_through_a_server(remote, tmp_path: Path) -> None:
    out = tmp_path / "timeline.json"
    result = CliRunner().invoke(app, ["timeline", str(SEED), "--format", "json", "--out", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    # "Later that day ... host the meeting" does not say which meeting: dropped (tests/test_faults.py).
    assert [e["when"] for e in data["timeline"]][:2] == ["Sunday", "Tuesday"]
    assert data["timeline"][-1] == data["timeline"][-1] | {"date": "2025-06-01", "end": "2025-06-30", "precision": "month"}


@pytest.mark.vcr
def test_cli_claims_checklist_through_a_server(remote, tmp_path: Path) -> None:
    out = tmp_path / "claims.json"
    result = CliRunner().invoke(app, ["claims", str(SEED), "--format", "json", "--out", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    claims = [Claim.model_validate(c) for c in data["claims"]]
    # Each quote is the article's text at the offsets of a sentence the claim cites.
    article = load_article(str(SEED))
    for claim in claims:
        spans = [article.text[s.start : s.end] for s in map(article.sentence, claim.sources)]
        assert any(claim.quote in span for span in spans), claim
    assert_seed_checklist(claims)
    # A server ranks: its model read the whole article, and each checkable claim says whose score it carries.
    ranked = [c for c in claims if c.checkworthiness_source == "scorer+model"]
    unrated = [w for w in data["warnings"] if w["code"] == "unrated-claims"]
    assert ranked or unrated
    for c in ranked:
        # The model's level (low 0, medium 0.5, high 1 in scores) orders; the scorer orders within a level.
        assert c.checkable and c.checkworthiness == round((2 * c.scores["model"] + c.scores["scorer"]) / 3, 3)


@pytest.mark.vcr
def test_rejected_api_key(remote, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", FAKE_KEY)
    result = CliRunner().invoke(app, ["timeline", str(SEED)])
    assert result.exit_code == 9
    assert "rejected the API key" in result.output
    assert FAKE_KEY not in result.output


def test_connection_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    monkeypatch.setenv("OPENAI_BASE_URL", f"http://127.0.0.1:{port}/v1")
    monkeypatch.setenv("FACTCHECK_MAX_RETRIES", "0")
    result = CliRunner().invoke(app, ["timeline", str(SEED)])
    assert result.exit_code == 8
    assert result.output.startswith("factcheck: error: cannot connect to")
    assert "Traceback" not in result.output


def test_server_that_never_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    accepted: list[socket.socket] = []
    threading.Thread(target=lambda: accepted.append(listener.accept()[0]), daemon=True).start()
    monkeypatch.setenv("OPENAI_BASE_URL", f"http://127.0.0.1:{listener.getsockname()[1]}/v1")
    monkeypatch.setenv("FACTCHECK_MAX_RETRIES", "0")
    monkeypatch.setenv("FACTCHECK_TIMEOUT", "0.5")
    try:
        result = CliRunner().invoke(app, ["timeline", str(SEED)])
    finally:
        listener.close()
        for conn in accepted:
            conn.close()
    assert result.exit_code == 8
    assert "did not answer in time" in result.output
